import pytest

from congress.extraction.boilerplate import (
    Byline,
    is_date_line,
    is_end_marker,
    is_navigation,
    is_related_header,
    is_unaccented_junk,
    is_widget,
    parse_byline,
    title_case_name,
)


@pytest.mark.parametrize(
    "line",
    [
        "Tổng số điểm của bài viết là: 0 trong 0 đánh giá",
        "Click để đánh giá bài viết",
        "Ý kiến bạn đọc",
        "Bình luận của bạn:",
        "Bình luận bạn đọc (0)",
        "Liên hệ - Góp ý  Quay lại!",
        "Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập.",
        "Từ khóa: Đại hội, nhiệm kỳ 2020-2025",
        "Gửi bình luận",
    ],
)
def test_end_of_article_widgets(line):
    assert is_end_marker(line)


@pytest.mark.parametrize("line", ["CÁC TIN KHÁC", "Tin liên quan", "Bài viết khác:", "Xem thêm"])
def test_related_list_headers(line):
    assert is_related_header(line)


@pytest.mark.parametrize(
    "line",
    ["Chia sẻ bài viết", "Chia sẻ", "In bài viết", "View count: 289", "Lượt xem: 1.234",
     "Chia sẻ | In bài viết | Gửi email", "Facebook  Zalo", "Chia sẻ Facebook Zalo In bài",
     "Bình luận (0)", "Ý kiến: 3", "Lượt thích 12"],
)  # fmt: skip
def test_buttons_and_counters(line):
    assert is_widget(line)


@pytest.mark.parametrize(
    "line",
    [
        "Chia sẻ kinh nghiệm xây dựng chi bộ vững mạnh.",
        "Xã Tân Phú vững bước đi lên",
        "Theo dõi sát tình hình",
        "Chia sẻ trang trại",
    ],
)
def test_article_lines_are_not_widgets(line):
    assert not is_widget(line)
    assert not is_end_marker(line)


def test_unaccented_junk_but_not_names():
    assert is_unaccented_junk("ngoc lan anh 1")
    assert is_unaccented_junk("Dai hoi")
    assert is_unaccented_junk("bornova escort izmir escort bayan")
    assert is_unaccented_junk("IMG_2031.JPG")
    assert not is_unaccented_junk("Quang Minh")
    assert not is_unaccented_junk("TTXVN")
    assert not is_unaccented_junk("Đại hội")


def test_navigation_is_short_lowercase_without_punctuation():
    assert is_navigation("tin tức sự kiện")
    assert not is_navigation("Tin tức sự kiện trong tuần.")
    assert not is_navigation("a) Về kinh tế")
    assert not is_navigation("và các chỉ tiêu khác đạt 100%.")


@pytest.mark.parametrize(
    "line",
    [
        "Thứ tư - 06/05/2020 15:13 129 0",
        "Ngày đăng 12/07/2018 | 15:35  | View count: 289",
        "04/08/2015 - 08:56",
        "Cập nhật lúc 14:30 ngày 12/3/2020",
        "Thứ Hai, 12/03/2020 - 14:30 (GMT+7)",
    ],
)
def test_publication_lines_are_date_lines(line):
    assert is_date_line(line)


def test_a_sentence_with_a_date_is_not_a_date_line():
    assert not is_date_line("Sáng ngày 12/7/2018, Ban Chấp hành Đảng bộ tổ chức Hội nghị")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thực hiện: Ngọc Lan", Byline("Ngọc Lan")),
        ("ANH DŨNG (thực hiện)", Byline("Anh Dũng")),
        ("Quang Minh", Byline("Quang Minh")),
        ("Bài, ảnh: NGUYỄN VĂN AN", Byline("Nguyễn Văn An")),
        ("Bài và ảnh: Lò Thị Hoa", Byline("Lò Thị Hoa")),
        ("Tin, ảnh: T.L", Byline("T.L")),
        ("Minh Hà - TTXVN", Byline("Minh Hà", "TTXVN")),
        ("Theo Minh Anh (TTXVN)", Byline("Minh Anh", "TTXVN")),
        ("Hồng Nhung/VOV-Tây Bắc", Byline("Hồng Nhung", "VOV-Tây Bắc")),
        ("Ngọc Lan, Minh Hà", Byline("Ngọc Lan - Minh Hà")),
        ("PV", Byline("PV")),
        ("Nhóm PV", Byline("Nhóm PV")),
        ("Theo báo Nhân Dân", Byline(None, "báo Nhân Dân")),
        ("Theo Báo Sài Gòn Giải Phóng", Byline(None, "Báo Sài Gòn Giải Phóng")),
    ],
)
def test_bylines(line, expected):
    assert parse_byline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Ảnh: ANH DŨNG",  # a photo credit
        "Phóng viên: Xin cám ơn đồng chí.",  # an interview line
        "Hoạt động Đảng",  # a section name
        "Kết luận",
        "TTXVN",
        "Đại hội đã bầu Ban Chấp hành gồm 35 đồng chí.",
    ],
)
def test_not_bylines(line):
    assert parse_byline(line) is None


def test_title_case_only_for_capitals():
    assert title_case_name("NGUYỄN THỊ MAI") == "Nguyễn Thị Mai"
    assert title_case_name("Ngọc Lan") == "Ngọc Lan"
    assert title_case_name("T.L") == "T.L"


def test_sentences_that_start_like_widgets_are_kept():
    assert not is_end_marker(
        "Gửi ý kiến đóng góp vào dự thảo văn kiện Đại hội Đảng bộ tỉnh lần thứ XVII"
    )
    assert not is_related_header("Tin mới về Đại hội Đảng bộ tỉnh Bình Phước")
    assert is_related_header("Xem thêm: Đồng Phú hoàn thành Đại hội cấp cơ sở")


def test_breadcrumb_copied_without_arrows_is_navigation():
    from congress.extraction.boilerplate import is_breadcrumb

    assert is_breadcrumb("Trang chủ  Chính trị  Xây dựng Đảng")
    assert is_breadcrumb("Trang chủ > Tin tức > Xây dựng Đảng")
    assert is_breadcrumb("Thời sự | Chính trị | Kinh tế | Văn hóa")
    assert not is_breadcrumb("Đại hội Đảng bộ phường 7 | Báo Cà Mau")
    assert not is_breadcrumb("Đại hội Đảng bộ xã Nghi Phong lần thứ XXIV, nhiệm kỳ 2020 - 2025")
    assert not is_breadcrumb("Kết quả nổi bật.  Thu ngân sách tăng.  Đảng viên mới.")
