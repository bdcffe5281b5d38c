from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from congress.extraction.records import CleanReport, CongressRef, ReportMetadata, UnitRef
from congress.extraction.terms import extract_congresses, extract_terms


def report(text: str) -> CleanReport:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return CleanReport(raw=text, lines=lines, body="\n".join(lines))


def congresses_of(
    text: str, units: list[UnitRef] | None = None, published: datetime | None = None
) -> list[CongressRef]:
    clean = report(text)
    metadata = ReportMetadata(title="", published_at=published)
    return extract_congresses(clean, units or [], extract_terms(clean, metadata), metadata)


WARD = UnitRef(
    name="Đảng bộ xã Tân Lập",
    kind="ward",
    locality="xã Tân Lập",
    admin_type="xã",
    parent="huyện Đồng Phú",
    province="Bình Phước",
    primary=True,
)
DISTRICT = UnitRef(
    name="Đảng bộ huyện Yên Thế",
    kind="district",
    locality="huyện Yên Thế",
    admin_type="huyện",
    parent="tỉnh Bắc Giang",
    province="Bắc Giang",
    primary=True,
)


def test_named_congress_with_term_cut_at_parent():
    text = "Nghị quyết Đại hội Đảng bộ xã Tân Lập, huyện Đồng Phú lần thứ IV, nhiệm kỳ 2015 – 2020."
    assert congresses_of(text) == [CongressRef("Đảng bộ xã Tân Lập", 4, "2015-2020")]


def test_next_congress_term_inferred_from_previous():
    text = (
        "Đại hội Đảng bộ xã Tân Lập lần thứ IV, nhiệm kỳ 2015 – 2020 đã đề ra. "
        "Đại hội đại biểu Đảng bộ xã lần thứ V sẽ diễn ra trong tháng 6."
    )
    assert congresses_of(text, [WARD]) == [
        CongressRef("Đảng bộ xã Tân Lập", 4, "2015-2020"),
        CongressRef("Đảng bộ xã Tân Lập", 5, "2020-2025"),
    ]


def test_date_delegates_and_members():
    text = (
        "Sáng 12/8/2020, Đảng bộ xã Tân Lập tổ chức Đại hội (ĐH) đại biểu lần thứ V, "
        "nhiệm kỳ 2020 - 2025. Dự ĐH có 120 đại biểu đại diện cho hơn 1.450 đảng viên."
    )
    assert congresses_of(text, [WARD]) == [
        CongressRef("Đảng bộ xã Tân Lập", 5, "2020-2025", "2020-08-12", 120, 1450)
    ]


def test_date_in_words_and_term_from_date():
    text = (
        "Ngày 15 tháng 7 năm 2020, Đại hội đại biểu Đảng bộ huyện Krông Pắc lần thứ XX "
        "đã khai mạc. 300 đại biểu chính thức về dự Đại hội."
    )
    assert congresses_of(text) == [
        CongressRef("Đảng bộ huyện Krông Pắc", 20, "2020-2025", "2020-07-15", 300, None)
    ]


def test_day_range_gives_first_day():
    text = (
        "Đại hội Đảng bộ Khối Doanh nghiệp tỉnh Bình Dương lần thứ IV, nhiệm kỳ 2020-2025 "
        "diễn ra từ ngày 24 đến 25-6-2020."
    )
    assert congresses_of(text) == [
        CongressRef("Đảng bộ Khối Doanh nghiệp tỉnh Bình Dương", 4, "2020-2025", "2020-06-24")
    ]


def test_ordinal_before_unit_and_committee_khoa():
    text = (
        "Sơ kết giữa nhiệm kỳ Đại hội 20 Đảng bộ huyện. "
        "Quy chế làm việc của Huyện ủy khóa XX, nhiệm kỳ 2015 - 2020. "
        "Thực hiện Quy chế của Ban Thường vụ Tỉnh ủy khóa XVIII."
    )
    assert congresses_of(text, [DISTRICT], datetime(2018, 3, 1)) == [
        CongressRef("Đảng bộ huyện Yên Thế", 20, "2015-2020")
    ]


def test_committee_alone_gives_the_congress():
    text = "Ban Chấp hành Đảng bộ huyện khóa XX tổ chức Hội nghị lần thứ 18."
    assert congresses_of(text, [DISTRICT], datetime(2018, 7, 1)) == [
        CongressRef("Đảng bộ huyện Yên Thế", 20, "2015-2020")
    ]


def test_outgoing_committee_is_not_a_congress():
    text = (
        "Đại hội đại biểu Đảng bộ huyện Yên Thế lần thứ XXI, nhiệm kỳ 2020-2025. "
        "BCH Đảng bộ khóa XX trình Đại hội báo cáo chính trị."
    )
    assert congresses_of(text, [DISTRICT]) == [
        CongressRef("Đảng bộ huyện Yên Thế", 21, "2020-2025")
    ]


def test_typo_ordinal_far_from_the_written_one_is_dropped():
    text = (
        "Hôm nay, ngày 4-8-2015, Đảng bộ Khối Doanh nghiệp tỉnh tiến hành Đại hội đại biểu "
        "Đảng bộ Khối lần thứ VI nhiệm kỳ 2015-2020. "
        "Dự kiến mục tiêu nhiệm kỳ 2015-2020 trình ĐH Đảng bộ Khối lần thứ XI quyết định."
    )
    assert congresses_of(text) == [
        CongressRef("Đảng bộ Khối Doanh nghiệp tỉnh", 6, "2015-2020", "2015-08-04")
    ]


def test_national_congresses_plenums_and_mass_organisations_are_not_congresses():
    text = (
        "Tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng. Đại hội XIII của Đảng. "
        "Hội nghị Trung ương 4 (khóa XII). Nghị quyết Trung ương 6 (khóa XII). "
        "Hội nghị lần thứ 18 Ban Chấp hành. Hội đồng nhân dân tỉnh khóa VIII. "
        "Đại hội Hội Nông dân xã lần thứ X. Đại hội Thi đua yêu nước lần thứ V."
    )
    assert congresses_of(text, [WARD], datetime(2020, 5, 1)) == []


def test_unnamed_congress_is_the_primary_units_and_term_from_sentence():
    text = (
        "Tổ chức đại hội Đảng các cấp nhiệm kỳ 2020 - 2025 và tổ chức thành công "
        "Đại hội Đảng bộ huyện lần thứ XXI."
    )
    assert congresses_of(text, [DISTRICT], datetime(2021, 1, 25)) == [
        CongressRef("Đảng bộ huyện Yên Thế", 21, "2020-2025")
    ]


def test_province_congress_in_a_district_report_keeps_its_own_name():
    text = "Chào mừng Đại hội đại biểu Đảng bộ tỉnh Bắc Giang lần thứ XIX, nhiệm kỳ 2020-2025."
    assert congresses_of(text, [DISTRICT]) == [
        CongressRef("Đảng bộ tỉnh Bắc Giang", 19, "2020-2025")
    ]


def test_without_units_the_committee_level_the_report_speaks_of_counts():
    text = (
        "Quận ủy đã chỉ đạo. Quận ủy ban hành. Thực hiện Chỉ thị của Thành ủy. "
        "Quy chế làm việc của Quận ủy khóa XI, nhiệm kỳ 2015 - 2020 và của Thành ủy khóa XVI."
    )
    assert congresses_of(text) == [CongressRef("Đảng bộ quận", 11, "2015-2020")]


def test_empty_and_garbled_text():
    assert congresses_of("") == []
    assert congresses_of("Đại hội lần thứ ;; Đảng bộ khóa ((( ĐH XXXXXXXX 2015-") == []


def test_unnamed_congress_in_its_national_years_is_the_national_one():
    text = "Hướng tới Đại hội lần thứ XIII, nhiệm kỳ 2021-2026. Đại hội lần thứ VI của xã diễn ra."
    assert congresses_of(text, [WARD], datetime(2020, 10, 1)) == [
        CongressRef("Đảng bộ xã Tân Lập", 6, "2020-2025")
    ]


def test_bare_roman_congress_is_local_outside_the_national_years():
    text = (
        "Chiều 20/7, Đại hội đại biểu Đảng bộ huyện Tân Uyên lần thứ XXIV, nhiệm kỳ 2020 - 2025 "
        "bế mạc. Đảng bộ đã thực hiện thắng lợi Nghị quyết Đại hội XXIII. "
        "Quán triệt Nghị quyết Đại hội XII."
    )
    assert congresses_of(text, published=datetime(2020, 7, 21)) == [
        CongressRef("Đảng bộ huyện Tân Uyên", 24, "2020-2025", "2020-07-20"),
        CongressRef("Đảng bộ huyện Tân Uyên", 23, "2015-2020"),
    ]


def test_day_and_month_take_the_year_of_the_term_when_unpublished():
    text = "Chiều 20/7, Đại hội Đảng bộ huyện Tân Uyên lần thứ XXIV, nhiệm kỳ 2020 - 2025 bế mạc."
    assert congresses_of(text) == [
        CongressRef("Đảng bộ huyện Tân Uyên", 24, "2020-2025", "2020-07-20")
    ]


@given(
    st.text(
        alphabet=st.sampled_from(list("Đại hội Đảng bộ lần thứ XVI khóa 2015-2020 ngày ,.;\n")),
        max_size=200,
    )
)
@settings(max_examples=200, deadline=None)
def test_never_crashes_on_odd_text(text):
    for congress in congresses_of(text, [WARD], datetime(2020, 1, 1)):
        assert 1 <= congress.ordinal <= 60
