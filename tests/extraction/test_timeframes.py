from congress.extraction.sentences import search_form
from congress.extraction.timeframes import (
    build_timeline,
    frame_years,
    parse_terms,
    single_year,
    year_of,
)


def test_parse_terms():
    form = search_form("Nhiệm kỳ 2015 – 2020 … giai đoạn 2021-2025 … nhiệm kỳ 2015 2015")
    assert [t for _, t in parse_terms(form)] == ["2015-2020", "2021-2025"]


def timeline_terms(text, published_year, known=()):
    form = search_form(text)
    timeline = build_timeline(form, list(known), published_year)
    return form, timeline


def test_explicit_mentions_then_new_and_running_terms():
    text = (
        "Sau 5 năm thực hiện Nghị quyết nhiệm kỳ 2010-2015, kết nạp A. "
        "Đại hội nhiệm kỳ 2015-2020 họp. Nhiệm kỳ qua, đạt B. "
        "Trong nhiệm kỳ mới, phấn đấu C."
    )
    form, timeline = timeline_terms(text, 2015)
    assert timeline.terms == ["2010-2015", "2015-2020"]
    assert timeline.term_at(text.index("A"), None) == "2010-2015"
    assert timeline.term_at(text.index("B"), None) == "2010-2015"
    assert timeline.term_at(text.index("C"), None) == "2015-2020"


def test_mid_term_report_and_year_override():
    text = "Khóa XXV, nhiệm kỳ 2015 - 2020. Từ đầu nhiệm kỳ kết nạp A. Năm 2021 đạt B."
    form, timeline = timeline_terms(text, 2018, known=["2020-2025"])
    assert timeline.term_at(text.index("A"), 2018) == "2015-2020"
    assert timeline.term_at(text.index("B"), 2021) == "2020-2025"


def test_no_term_in_the_text():
    text = "Hết năm 2018, toàn phường còn 29 hộ nghèo."
    form, timeline = timeline_terms(text, 2019)
    assert timeline.term_at(text.index("29"), 2018) is None


def test_year_of_a_figure():
    text = "Năm 2021, Đảng bộ xác định chủ đề. Phấn đấu kết nạp 35. Tăng 5% so với năm 2017."
    form = search_form(text)
    openings = [0, text.index("Phấn"), text.index("Tăng")]
    assert year_of(form, openings[1], text.index("35"), openings, None) == 2021
    assert year_of(form, openings[2], text.index("5%"), openings, None) == 2021
    clause = "Từ năm 2017 đến nay, tổ chức 52 diễn đàn"
    assert year_of(search_form(clause), 0, clause.index("52"), [0], None) is None
    clause = "Quý I/2018, thu hút 15 dự án"
    assert year_of(search_form(clause), 0, clause.index("15"), [0], None) == 2018


def test_bare_trong_nam_repeats_the_last_year():
    text = "Trong năm, đã kết nạp 62 quần chúng"
    assert year_of(search_form(text), 0, text.index("62"), [0], 2020) == 2020


def test_single_year_of_a_report():
    text = "Trong năm 2018, A. Hết năm 2018, B. Sáu tháng đầu năm 2019: C."
    form = search_form(text)
    starts = [0, text.index("Hết"), text.index("Sáu")]
    assert single_year(frame_years(form, starts[:2])) == 2018
    assert single_year(frame_years(form, starts)) is None


def test_a_year_before_every_named_term_belongs_to_the_earlier_term_of_the_cycle():
    text = "Đại hội nhiệm kỳ 2020-2025. Năm 2019 huyện thu A. Năm 2014 thu B. Năm 2015 thu C."
    form, timeline = timeline_terms(text, 2020)
    assert timeline.term_at(text.index("A"), 2019) == "2015-2020"
    assert timeline.term_at(text.index("B"), 2014) == "2010-2015"
    # a congress year belongs to the term that ran through it
    assert timeline.term_at(text.index("C"), 2015) == "2010-2015"
    # a later year outside every named term keeps the term in effect (a 2030 vision)
    assert timeline.term_at(text.index("C"), 2030) == "2020-2025"
