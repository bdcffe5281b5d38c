from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from congress.extraction.indicators import extract_indicators
from congress.extraction.records import CleanReport


def indicators(body, year=None, terms=()):
    report = CleanReport(raw=body, lines=body.split("\n"), body=body)
    published = datetime(year, 6, 1, tzinfo=UTC) if year else None
    found = extract_indicators(report, terms=list(terms), published_at=published)
    for indicator in found:
        assert body[indicator.start : indicator.start + len(indicator.quote)] == indicator.quote
    return found


def row(i):
    numbers = i.value if i.value is not None else (i.low, i.high)
    return (i.kind, numbers, i.comparator, i.unit, i.category, i.term, i.year)


def test_results_of_an_ending_term():
    body = (
        "Nhiệm kỳ 2015-2020, thu ngân sách trên địa bàn đạt 125,6 tỷ đồng, bằng 112% dự "
        "toán. Tỷ lệ hộ nghèo giảm còn 2,1%. Toàn huyện kết nạp 125 đảng viên mới, đạt 104% "
        "chỉ tiêu. Trồng mới 150 ha rừng; giải quyết việc làm cho 1.200 lao động."
    )
    found = indicators(body, 2020)
    term = "2015-2020"
    assert [row(i) for i in found] == [
        ("result", Decimal("125.6"), "eq", "tỷ đồng", "economy", term, None),
        ("result", Decimal("112"), "eq", "%", "economy", term, None),
        ("result", Decimal("2.1"), "eq", "%", "culture_society", term, None),
        ("result", Decimal("125"), "eq", "đảng viên", "party_building", term, None),
        ("result", Decimal("104"), "eq", "%", "party_building", term, None),
        ("result", Decimal("150"), "eq", "ha", "economy", term, None),
        ("result", Decimal("1200"), "eq", "lao động", "culture_society", term, None),
    ]
    assert [i.name for i in found] == [
        "Thu ngân sách trên địa bàn",
        "Thu ngân sách trên địa bàn so với dự toán",
        "Tỷ lệ hộ nghèo",
        "Kết nạp đảng viên mới",
        "Kết nạp đảng viên mới so với chỉ tiêu",
        "Trồng rừng",
        "Giải quyết việc làm cho lao động",
    ]
    assert found[0].quote == "thu ngân sách trên địa bàn đạt 125,6 tỷ đồng"
    assert found[2].key == "ho ngheo"


def test_targets_of_a_new_term():
    body = (
        "Đại hội Đảng bộ huyện lần thứ XV, nhiệm kỳ 2020-2025 đề ra mục tiêu: Phấn đấu đến "
        "năm 2025 có 80% xã đạt chuẩn nông thôn mới; tốc độ tăng trưởng kinh tế bình quân "
        "7-7,5%/năm; thu nhập bình quân đầu người đạt trên 60 triệu đồng; tỷ lệ hộ nghèo giảm "
        "dưới 1%/năm; hằng năm kết nạp ít nhất 150 đảng viên."
    )
    found = indicators(body, 2020)
    term = "2020-2025"
    assert [row(i) for i in found] == [
        ("target", Decimal("80"), "eq", "%", "economy", term, 2025),
        ("target", (Decimal("7"), Decimal("7.5")), "range", "%/năm", "economy", term, None),
        ("target", Decimal("60"), "gt", "triệu đồng", "economy", term, None),
        ("target", Decimal("1"), "lt", "%/năm", "culture_society", term, None),
        ("target", Decimal("150"), "ge", "đảng viên", "party_building", term, None),
    ]
    assert found[0].name == "Xã đạt chuẩn nông thôn mới"


def test_a_target_quoted_beside_its_result():
    body = (
        "Giá trị sản xuất nông nghiệp bình quân tăng 5,2%/năm, vượt so với chỉ tiêu Nghị "
        "quyết đề ra 4-4,5%."
    )
    result, target = indicators(body)
    assert (result.kind, target.kind) == ("result", "target")
    assert target.name == result.name == "Giá trị sản xuất nông nghiệp"
    assert (target.low, target.high, target.unit) == (Decimal("4"), Decimal("4.5"), "%/năm")
    assert target.quote == "vượt so với chỉ tiêu Nghị quyết đề ra 4-4,5%"


def test_a_list_of_counts_gives_one_indicator_each():
    body = "Đảng bộ xã Tân Phú có 25 chi bộ, 812 đảng viên, trong đó có 9 chi bộ thôn."
    found = indicators(body)
    assert [(i.value, i.unit, i.name) for i in found] == [
        (Decimal("25"), "chi bộ", "Số chi bộ"),
        (Decimal("812"), "đảng viên", "Số đảng viên"),
        (Decimal("9"), "chi bộ", "Chi bộ thôn"),
    ]
    assert [i.quote for i in found] == [
        "Đảng bộ xã Tân Phú có 25 chi bộ",
        "812 đảng viên",
        "có 9 chi bộ thôn",
    ]


def test_figures_that_measure_nothing():
    body = (
        "Ngày 15/3/2021, Huyện ủy tổ chức Hội nghị lần thứ 5 Ban Chấp hành khóa XXIII, quán "
        "triệt Nghị quyết số 12-NQ/TW, Chỉ thị 35-CT/TW và Nghị quyết 26, 27, 28. Sau 5 năm, "
        "kỷ niệm 90 năm Ngày thành lập Đảng. Đại hội bầu Ban Chấp hành gồm 15 đồng chí; đồng "
        "chí Bí thư trúng cử với 100% số phiếu. Trong tổng số 45 tổ chức cơ sở đảng, có 40 "
        "tổ chức hoàn thành tốt nhiệm vụ. Các chỉ tiêu có 18/20 chỉ tiêu đạt. Kế hoạch 1, "
        "nhiệm vụ 10 và thực hiện 20; cách mạng 4.0; Covid-19. Bài viết có 1.234 lượt xem."
    )
    assert indicators(body, 2021) == []


def test_a_restated_count_is_kept_once():
    body = (
        "Đảng bộ Khối có 95 tổ chức cơ sở đảng trực thuộc.\n"
        "Nhiệm kỳ qua, Đảng bộ Khối có 95 TCCSĐ trong các cơ quan."
    )
    assert [i.value for i in indicators(body)] == [Decimal("95")]


def test_the_term_follows_the_context():
    body = (
        "Sau 5 năm thực hiện Nghị quyết Đại hội nhiệm kỳ 2010-2015, Đảng bộ đã kết nạp "
        "1.955 đảng viên, vượt chỉ tiêu 30,33%.\n"
        "Mục tiêu nhiệm kỳ 2015-2020: phấn đấu hàng năm có trên 95% đảng viên hoàn thành "
        "tốt nhiệm vụ."
    )
    found = indicators(body, 2015)
    assert [(i.kind, i.term, i.value) for i in found] == [
        ("result", "2010-2015", Decimal("1955")),
        ("result", "2010-2015", Decimal("30.33")),
        ("target", "2015-2020", Decimal("95")),
    ]
    assert found[1].name == "Kết nạp đảng viên vượt chỉ tiêu"
    assert found[2].comparator == "gt"


def test_the_year_of_a_report_on_one_year():
    body = (
        "Quý I/2018, toàn tỉnh thu hút 15 dự án đầu tư với tổng vốn đăng ký 2.350 tỷ đồng.\n"
        "Kim ngạch xuất khẩu ước đạt 520 triệu USD, tăng 8,2% so với cùng kỳ năm 2017."
    )
    found = indicators(body, 2018, terms=["2015-2020"])
    assert [(i.value, i.year, i.term) for i in found] == [
        (Decimal("15"), 2018, "2015-2020"),
        (Decimal("2350"), 2018, "2015-2020"),
        (Decimal("520"), 2018, "2015-2020"),
        (Decimal("8.2"), 2018, "2015-2020"),
    ]
    assert found[1].name == "Tổng vốn đăng ký"
    assert found[3].name == "Kim ngạch xuất khẩu tăng so với cùng kỳ năm 2017"


def test_empty_report():
    assert indicators("") == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "đạt ",
                "12,5",
                "%",
                "/năm",
                " tỷ đồng",
                "từ ",
                " - ",
                "3",
                " đến ",
                "năm 2020",
                "nhiệm kỳ 2015-2020",
                " trở lên",
                ", ",
                "; ",
                ". ",
                "\n",
                "kết nạp ",
                "có ",
                " đảng viên",
                "phấn đấu ",
                "“",
                "”",
                "cho ",
                "xuống còn ",
                "so với ",
            ]
        )
        | st.text(max_size=5),
        max_size=40,
    )
)
def test_never_crashes_and_quotes_stay_exact(pieces):
    body = "".join(pieces)
    for indicator in indicators(body, 2020):
        assert indicator.quote.strip() and indicator.name
        assert indicator.comparator in ("eq", "ge", "gt", "le", "lt", "range")


def test_names_leave_out_framing_deadlines_and_comparators():
    body = (
        "Về công tác xây dựng Đảng, toàn Đảng bộ hiện có 52 tổ chức cơ sở đảng. "
        "Đại hội đề ra mục tiêu: thu nhập bình quân đầu người đến năm 2025 đạt trên 70 triệu "
        "đồng; hàng năm kết nạp từ 10 đảng viên trở lên."
    )
    names = [i.name for i in indicators(body, year=2020, terms=["2020-2025"])]
    assert names == ["Số tổ chức cơ sở đảng", "Thu nhập bình quân đầu người", "Kết nạp đảng viên"]


def test_a_list_of_targets_names_and_files_each_item_by_its_own_words():
    body = (
        "Nhiệm kỳ 2020 - 2025, Đại hội đề ra mục tiêu: tỷ lệ che phủ rừng duy trì trên 62%; "
        "mỗi năm giảm từ 1,5 - 2% tỷ lệ hộ nghèo; hằng năm kết nạp 250 đảng viên trở lên. "
        "Toàn huyện có 12/31 xã đạt chuẩn nông thôn mới."
    )
    found = indicators(body, 2020, ["2020-2025"])
    assert [(i.name, i.category, i.comparator) for i in found] == [
        ("Tỷ lệ che phủ rừng", "culture_society", "gt"),
        ("Tỷ lệ hộ nghèo", "culture_society", "range"),
        ("Kết nạp đảng viên", "party_building", "ge"),
        ("Số xã đạt chuẩn nông thôn mới", "economy", "eq"),
    ]
    assert found[3].value == Decimal("12")
    assert found[3].quote == "Toàn huyện có 12/31 xã đạt chuẩn nông thôn mới"


def test_a_comparator_after_the_noun_stays_out_of_the_name():
    body = "Đại hội đề ra chỉ tiêu: hằng năm có từ 85% tổ chức cơ sở đảng trở lên hoàn thành tốt nhiệm vụ."
    [found] = indicators(body, 2020, ["2020-2025"])
    assert (found.name, found.comparator) == ("Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", "ge")


def test_items_under_a_target_heading_are_targets():
    body = "\n".join(
        [
            "Nhiệm kỳ 2015-2020, tỷ lệ hộ nghèo giảm còn 2,1%.",
            "Các chỉ tiêu chủ yếu nhiệm kỳ 2020-2025:",
            "- Thu ngân sách trên địa bàn đến năm 2025 đạt 300 tỷ đồng.",
            "- Tỷ lệ lao động qua đào tạo đạt 60% trở lên.",
            "Có thêm 5 xã đạt chuẩn nông thôn mới.",  # bullets lost in the copy: still an item
            "Hội nghị đã thảo luận và thống nhất rằng, trong năm 2020, toàn huyện đã giải quyết "
            "việc làm cho 1.200 lao động, kết nạp 125 đảng viên mới và hoàn thành tốt các "
            "nhiệm vụ chính trị mà Nghị quyết Đại hội lần thứ XX đã đề ra cho cả nhiệm kỳ.",
        ]
    )
    found = indicators(body, 2020, ["2015-2020", "2020-2025"])
    assert [(i.kind, i.value) for i in found] == [
        ("result", Decimal("2.1")),
        ("target", Decimal("300")),
        ("target", Decimal("60")),
        ("target", Decimal("5")),
        # a long paragraph of running text ends the list: back to the default
        ("result", Decimal("1200")),
        ("result", Decimal("125")),
    ]


def test_items_under_a_results_heading_stay_results():
    body = "\n".join(
        [
            "Kết quả đạt được trong nhiệm kỳ 2015-2020:",
            "- Thu ngân sách năm 2020 đạt 280 tỷ đồng.",
            "- Kết nạp 125 đảng viên mới.",
        ]
    )
    found = indicators(body, 2020, ["2015-2020"])
    assert [i.kind for i in found] == ["result", "result"]


def test_a_sum_in_two_units_is_one_amount():
    found = indicators("Các đơn vị đã tiết kiệm chi thường xuyên được 12 tỷ 500 triệu đồng.", 2020)
    assert [(i.value, i.unit, i.quote[-20:]) for i in found] == [
        (Decimal("12.5"), "tỷ đồng", "12 tỷ 500 triệu đồng")
    ]
    found = indicators("Thu nhập bình quân đạt 4 triệu 200 nghìn đồng/người/tháng.", 2020)
    assert [(i.value, i.unit) for i in found] == [(Decimal("4.2"), "triệu đồng")]


def test_approximately_is_no_name():
    found = indicators("Phấn đấu hằng năm có xấp xỉ 95% cán bộ, đảng viên được học tập nghị quyết.")
    assert [(i.name, i.value, i.comparator) for i in found] == [
        ("Cán bộ, đảng viên được học tập nghị quyết", Decimal("95"), "eq")
    ]


def test_a_section_heading_sets_the_mode_until_the_next_one():
    body = "\n".join(
        [
            "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2015 - 2020",
            "1. Về phát triển kinh tế",
            "Thu nhập bình quân đầu người năm 2020 đạt 48 triệu đồng.",
            "PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ NHIỆM KỲ 2020 - 2025",
            "1. Về phát triển kinh tế",
            "Thu nhập bình quân đầu người đến năm 2025 đạt 75 triệu đồng. Hằng năm kết nạp 12 "
            "đảng viên trở lên; có 95% chi bộ đạt trong sạch vững mạnh.",
        ]
    )
    found = indicators(body, 2020, ["2015-2020", "2020-2025"])
    assert [(i.kind, i.value) for i in found] == [
        ("result", Decimal("48")),
        ("target", Decimal("75")),
        ("target", Decimal("12")),
        ("target", Decimal("95")),
    ]


def test_a_caption_between_paragraphs_sets_no_mode():
    body = "\n".join(
        [
            "Đại hội đề ra mục tiêu thu nhập bình quân đầu người đạt 75 triệu đồng.",
            "Các đại biểu thảo luận phương hướng nhiệm vụ",
            "Toàn huyện có 125 chi bộ.",
        ]
    )
    found = indicators(body, 2020, ["2015-2020", "2020-2025"])
    assert [(i.kind, i.value) for i in found] == [
        ("target", Decimal("75")),
        ("result", Decimal("125")),
    ]


def test_a_percentage_of_counted_things_after_a_verb_names_them():
    found = indicators(
        "Nhiệm kỳ qua, phường kết nạp 42 đảng viên, giảm 100% hộ nghèo theo chuẩn.", 2020
    )
    assert [(i.name, i.value, i.unit) for i in found] == [
        ("Kết nạp đảng viên", Decimal("42"), "đảng viên"),
        ("Giảm hộ nghèo theo chuẩn", Decimal("100"), "%"),
    ]


def test_the_congress_delegates_are_named_so():
    body = (
        "Tham dự có 350 đại biểu thay mặt cho hơn 58.000 đảng viên. 245 đại biểu đại diện cho "
        "5.008 đảng viên của 95 tổ chức cơ sở đảng."
    )
    names = [(i.name, i.value) for i in indicators(body, 2020) if i.unit == "đại biểu"]
    assert names == [
        ("Đại biểu dự Đại hội", Decimal("350")),
        ("Đại biểu dự Đại hội", Decimal("245")),
    ]
