from congress.extraction.records import CleanReport, ReportMetadata
from congress.extraction.terms import extract_terms, parse_term, term_for_year


def report(text: str) -> CleanReport:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return CleanReport(raw=text, lines=lines, body="\n".join(lines))


def terms_of(text: str, title: str = "") -> list[str]:
    return extract_terms(report(text), ReportMetadata(title=title))


def test_term_forms_sorted_and_unique():
    text = (
        "Đại hội Đảng bộ xã Tân Lập lần thứ V, nhiệm kỳ 2020 – 2025 đánh giá nhiệm kỳ 2015-2020. "
        "Các chỉ tiêu NK 2015 - 2020 đều đạt; Nhiệm kỳ 2020-2025 phấn đấu."
    )
    assert terms_of(text) == ["2015-2020", "2020-2025"]


def test_term_in_title():
    assert terms_of(
        "Đại hội thành công.", title="Đại hội Đảng bộ huyện Yên Thế nhiệm kỳ 2020-2025"
    ) == ["2020-2025"]


def test_committee_term_in_brackets():
    assert terms_of("Ban Chấp hành Đảng bộ tỉnh khóa XIX (2020 - 2025) họp phiên thứ nhất.") == [
        "2020-2025"
    ]


def test_phase_counts_only_next_to_a_congress():
    text = (
        "Đại hội có nhiệm vụ quyết định phương hướng giai đoạn 2020 2025. "
        "Kế hoạch phát triển kinh tế - xã hội giai đoạn 2016-2020 đã hoàn thành."
    )
    assert terms_of(text) == ["2020-2025"]


def test_terms_of_other_bodies_are_left_out():
    text = (
        "Bầu cử đại biểu Hội đồng nhân dân tỉnh khóa VIII, nhiệm kỳ 2021 - 2026. "
        "HĐND huyện nhiệm kỳ 2016-2021 đã kết thúc. "
        "Ban Chấp hành Trung ương Đảng khóa XIII, nhiệm kỳ 2021-2026. "
        "Tiến tới Đại hội XIII của Đảng, nhiệm kỳ 2021-2026. "
        "Đại hội Hội Nông dân xã nhiệm kỳ 2023-2028."
    )
    assert terms_of(text) == []


def test_related_articles_list_is_ignored():
    text = (
        "Đảng bộ thị xã tổ chức đại hội Đảng các cấp nhiệm kỳ 2020 - 2025.\n"
        "Nghị quyết về việc công bố danh sách các đơn vị bầu cử khóa VIII, "
        "nhiệm kỳ 2021 - 2026 (5/3/2021)"
    )
    assert terms_of(text) == ["2020-2025"]


def test_no_terms_in_garbled_or_empty_text():
    assert terms_of("") == []
    assert terms_of("nhiệm kỳ 2015 – 2045; NK 19999-2000 ;;(( nhiệm kỳ") == []


def test_helpers_are_exported():
    assert parse_term("nhiệm kỳ 2010 – 2015") == (2010, 2015)
    assert term_for_year(2012, ["2010-2015"]) == "2010-2015"


def test_mass_organisations_named_beside_the_party_keep_the_party_term():
    text = (
        "Đảng bộ, chính quyền, Mặt trận và các đoàn thể hoàn thành nhiệm kỳ 2015-2020. "
        "Đại hội Mặt trận Tổ quốc xã nhiệm kỳ 2019-2024."
    )
    assert terms_of(text) == ["2015-2020"]
