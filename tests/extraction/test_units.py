"""Unit extraction on small invented reports (other provinces than the seeds) and pitfalls."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congress.extraction.gazetteer import default_gazetteer
from congress.extraction.records import CleanReport, ReportMetadata
from congress.extraction.units import extract_units

FIELDS = (
    "name",
    "kind",
    "locality",
    "parent",
    "province",
    "gazetteer_code",
    "parent_code",
    "province_code",
)


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def units(gaz, title, *paragraphs, header=()):
    report = CleanReport(
        raw="", lines=[title, *paragraphs], body="\n\n".join(paragraphs), header_lines=list(header)
    )
    return extract_units(report, ReportMetadata(title=title), gaz)


def primary(gaz, title, *paragraphs):
    found = units(gaz, title, *paragraphs)
    assert found and found[0].primary
    assert sum(u.primary for u in found) == 1
    return tuple(getattr(found[0], f) for f in FIELDS)


def test_ward_located_by_its_district_written_after_it(gaz):
    assert primary(
        gaz,
        "Đại hội Đảng bộ phường 12 lần thứ XII",
        "Đảng bộ phường 12, quận 10 tổ chức đại hội. Đảng ủy phường đã lãnh đạo hoàn thành chỉ tiêu.",
    ) == ("Đảng bộ phường 12", "ward", "phường 12", "quận 10", "Hồ Chí Minh", "27172", "771", "79")


def test_roman_ward_number_and_town_in_parentheses(gaz):
    assert primary(
        gaz,
        "Đảng bộ phường III (TP Sóc Trăng): đại hội thành công",
        "Đảng bộ phường III có 200 đảng viên.",
    ) == (
        "Đảng bộ phường III",
        "ward",
        "phường III",
        "thành phố Sóc Trăng",
        "Sóc Trăng",
        "31519",
        "941",
        "94",
    )


def test_numbered_ward_settled_by_the_city_committee_named_elsewhere(gaz):
    assert primary(
        gaz,
        "Đảng bộ phường 2 tổ chức đại hội",
        "Đảng bộ phường 2 đại hội lần thứ XII.",
        "Thành ủy Đà Lạt chỉ đạo sát sao.",
    ) == (
        "Đảng bộ phường 2",
        "ward",
        "phường 2",
        "thành phố Đà Lạt",
        "Lâm Đồng",
        "24781",
        "672",
        "68",
    )


def test_district_whose_province_the_text_never_names(gaz):
    assert primary(gaz, "Đảng bộ huyện Krông Búk đại hội", "Huyện ủy đã lãnh đạo toàn diện.") == (
        "Đảng bộ huyện Krông Búk", "district", "huyện Krông Búk", "tỉnh Đắk Lắk", "Đắk Lắk", "649", "66", "66",
    )  # fmt: skip


def test_city_inside_a_province(gaz):
    assert primary(
        gaz,
        "Thành phố Vinh: nâng cao chất lượng tổ chức đảng",
        "Thành ủy Vinh tập trung lãnh đạo. Đảng bộ thành phố Vinh có 80 tổ chức cơ sở đảng.",
        "Bí thư Tỉnh ủy Nghệ An đánh giá cao.",
    ) == (
        "Đảng bộ thành phố Vinh",
        "district",
        "thành phố Vinh",
        "tỉnh Nghệ An",
        "Nghệ An",
        "412",
        "40",
        "40",
    )


def test_province(gaz):
    assert primary(
        gaz,
        "Đại hội đại biểu Đảng bộ tỉnh Bình Phước lần thứ XI",
        "Tỉnh ủy đã lãnh đạo các huyện, thị xã. Huyện Đồng Phú đạt kết quả tốt.",
    ) == (
        "Đảng bộ tỉnh Bình Phước",
        "province",
        "tỉnh Bình Phước",
        None,
        "Bình Phước",
        "70",
        None,
        "70",
    )


def test_ward_named_with_another_type_than_the_maps(gaz):
    # the map has thị trấn Tân Phú in huyện Đồng Phú; the text says "xã"
    assert primary(
        gaz,
        "Đại hội Đảng bộ xã Tân Phú lần thứ XV",
        "Đảng bộ xã Tân Phú, huyện Đồng Phú đã tổ chức Đại hội.",
    ) == (
        "Đảng bộ xã Tân Phú",
        "ward",
        "xã Tân Phú",
        "huyện Đồng Phú",
        "Bình Phước",
        "25363",
        "695",
        "70",
    )


def test_district_named_without_type_in_parentheses(gaz):
    assert primary(gaz, "Đảng bộ xã Ea Tóh (Krông Năng) đại hội", "Đảng ủy xã đã lãnh đạo.") == (
        "Đảng bộ xã Ea Tóh", "ward", "xã Ea Tóh", "huyện Krông Năng", "Đắk Lắk", "24349", "650", "66",
    )  # fmt: skip


def test_misspelt_ward_keeps_what_the_text_gives(gaz):
    assert primary(
        gaz,
        "Đảng bộ xã Tân Lậpp, huyện Đồng Phú",
        "Chủ tịch UBND xã Tân Lậpp Nguyễn Văn B phát biểu.",
    ) == (
        "Đảng bộ xã Tân Lậpp",
        "ward",
        "xã Tân Lậpp",
        "huyện Đồng Phú",
        "Bình Phước",
        None,
        "695",
        "70",
    )


def test_type_only_cues_resolve_to_the_district_named_once(gaz):
    assert primary(
        gaz,
        "Hội nghị Ban Chấp hành Đảng bộ Quận lần thứ 10",
        "Quận ủy tổ chức Hội nghị. Quận uỷ đánh giá cao kết quả 6 tháng của Đảng bộ quận 6 tháng đầu năm.",
        "Sáu tháng đầu năm, quận Bình Thạnh đã triển khai nhiều nhiệm vụ.",
    ) == (
        "Đảng bộ quận Bình Thạnh",
        "district",
        "quận Bình Thạnh",
        "thành phố Hồ Chí Minh",
        "Hồ Chí Minh",
        "765",
        "79",
        "79",
    )


def test_bloc_with_its_province(gaz):
    assert primary(
        gaz,
        "Đảng bộ Khối Doanh nghiệp tỉnh Bình Dương: Đại hội lần thứ IV",
        "Đảng ủy Khối có 120 tổ chức cơ sở đảng. Đảng bộ Khối đã lãnh đạo hoàn thành nhiệm vụ.",
    ) == (
        "Đảng bộ Khối Doanh nghiệp tỉnh Bình Dương",
        "bloc",
        None,
        "tỉnh Bình Dương",
        "Bình Dương",
        None,
        "74",
        "74",
    )


def test_bloc_province_from_elsewhere_in_the_text(gaz):
    assert primary(
        gaz,
        "Đại hội Đảng bộ Khối các cơ quan tỉnh",
        "Đảng bộ Khối các cơ quan tỉnh tổ chức đại hội. Báo Quảng Ngãi đưa tin.",
    ) == (
        "Đảng bộ Khối các cơ quan tỉnh",
        "bloc",
        None,
        "tỉnh Quảng Ngãi",
        "Quảng Ngãi",
        None,
        "51",
        "51",
    )


def test_police_party_organisation_is_not_the_province(gaz):
    found = units(
        gaz, "Đại hội Đảng bộ Công an tỉnh", "Đảng bộ Công an tỉnh Bình Phước tổ chức đại hội."
    )
    assert (found[0].name, found[0].kind, found[0].province) == (
        "Đảng bộ Công an tỉnh Bình Phước",
        "bloc",
        "Bình Phước",
    )


def test_abbreviations_old_tones_and_all_caps(gaz):
    assert primary(gaz, "ĐẢNG BỘ Q.BÌNH THẠNH ĐẠI HỘI", "Quận uỷ Bình Thạnh (TP.HCM) chỉ đạo.")[:5] == (
        "Đảng bộ quận Bình Thạnh", "district", "quận Bình Thạnh", "thành phố Hồ Chí Minh", "Hồ Chí Minh",
    )  # fmt: skip
    assert primary(gaz, "Thị uỷ Hương Thuỷ lãnh đạo", "Đảng bộ thị xã Hương Thủy đại hội.")[2:5] == (
        "thị xã Hương Thủy", "tỉnh Thừa Thiên Huế", "Thừa Thiên Huế",
    )  # fmt: skip


def test_other_organisations_named_follow_the_primary(gaz):
    found = units(
        gaz,
        "Đại hội Đảng bộ xã Hòa Phú lần thứ XX",
        "Đảng bộ xã Hòa Phú (huyện Hòa Vang) tổ chức đại hội. Huyện ủy Hòa Vang chỉ đạo.",
    )
    assert [(u.name, u.kind, u.parent, u.primary) for u in found] == [
        ("Đảng bộ xã Hòa Phú", "ward", "huyện Hòa Vang", True),
        ("Đảng bộ huyện Hòa Vang", "district", "thành phố Đà Nẵng", False),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Các xã, phường trong tỉnh đã hoàn thành. Xã hội phát triển. 4 phường đạt chuẩn văn minh.",
        "Toàn phường có 20 chi bộ. Thành ủy viên Nguyễn Văn A dự.",
        "Huyện Đoàn Đồng Phú tổ chức hội nghị. Tỉnh Đoàn chỉ đạo. Huyện Đội ra quân.",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Đảng bộ quận 6 tháng đầu năm đạt kết quả tốt.",
    ],
)
def test_generic_words_are_no_units(gaz, body):
    assert units(gaz, "Tin tổng hợp", body) == []


def test_person_after_a_committee_is_not_part_of_the_place(gaz):
    found = units(
        gaz, "Tin", "Bí thư Thị ủy Quảng Trị Văn Ngọc Lãm cho biết, Đảng bộ thị xã đạt kết quả tốt."
    )
    assert [(u.locality, u.gazetteer_code) for u in found] == [("thị xã Quảng Trị", "462")]


def test_empty_report(gaz):
    assert units(gaz, "", "") == []


_FRAGMENTS = st.sampled_from(
    ["Đảng bộ ", "Đảng ủy ", "phường ", "xã ", "thị xã ", "TP.", "TP ", "Q.", "TT ", "Khối ", "Quận ủy ",
     "I", "12", " 6 tháng", ", ", " (", ")", "Hà Lầm", "Quảng Trị", "HCM", "\n", "-", "Tân Phú", "’", "²"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=4)), max_size=30))
def test_odd_text_never_crashes(gaz, parts):
    text = "".join(parts)
    found = units(gaz, text[:20], text)
    assert sum(u.primary for u in found) == (1 if found else 0)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        (
            "Đại hội Đảng bộ các cơ quan Đảng tỉnh Nghệ An lần thứ I",
            "Đảng bộ các cơ quan Đảng tỉnh Nghệ An",
        ),
        (
            "Đại hội Đảng bộ Ủy ban nhân dân tỉnh Nghệ An lần thứ I",
            "Đảng bộ Ủy ban nhân dân tỉnh Nghệ An",
        ),
        ("Đại hội Đảng bộ UBND tỉnh Nghệ An lần thứ I", "Đảng bộ UBND tỉnh Nghệ An"),
    ],
)
def test_the_blocs_of_2025_are_blocs_not_their_province(gaz, title, name):
    found = primary(gaz, title, f"Sáng 25/7, {name} tổ chức Đại hội đại biểu lần thứ I.")
    assert found[:2] == (name, "bloc")
    assert found[4] == "Nghệ An"
