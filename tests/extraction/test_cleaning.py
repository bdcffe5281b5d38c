from pathlib import Path

import pytest

from congress.extraction.cleaning import clean_report, report_title
from congress.extraction.text import sanitize

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"

LEAD = (
    "Sáng 12/3, Đảng bộ xã Tân Phú (huyện Đồng Phú) tổ chức Đại hội đại biểu lần thứ XV, "
    "nhiệm kỳ 2020-2025 với sự tham dự của 120 đại biểu đại diện cho 350 đảng viên."
)
PARA = (
    "Nhiệm kỳ qua, thu nhập bình quân đầu người của xã đạt 45 triệu đồng/năm, tỷ lệ hộ "
    "nghèo giảm còn 1,2%, kết nạp được 40 đảng viên mới, vượt chỉ tiêu Nghị quyết đề ra."
)


def test_simple_page_title_date_body_byline():
    raw = "\n".join(
        [
            "Tân Phú vững bước đi lên",
            "",
            "Thứ Hai, 12/03/2020 - 14:30",
            LEAD,
            "",
            PARA,
            "",
            "Minh Hà",
        ]
    )
    report = clean_report(raw)
    assert report.lines == ["Tân Phú vững bước đi lên", "Thứ Hai, 12/03/2020 - 14:30", LEAD, PARA,
                            "Minh Hà"]  # fmt: skip
    assert report.header_lines == ["Tân Phú vững bước đi lên", "Thứ Hai, 12/03/2020 - 14:30"]
    assert report.body == LEAD + "\n\n" + PARA
    assert report.trailer_lines == ["Minh Hà"]
    assert report_title(report) == "Tân Phú vững bước đi lên"


def test_section_name_above_the_title_stays_out_of_the_title():
    raw = "\n".join(["Xây dựng Đảng", "Xã Tân Phú tổ chức thành công Đại hội", "12/03/2020", LEAD])
    report = clean_report(raw)
    assert report_title(report) == "Xã Tân Phú tổ chức thành công Đại hội"
    assert report.lines[0] == "Xã Tân Phú tổ chức thành công Đại hội"
    assert report.header_lines == ["Xây dựng Đảng", "Xã Tân Phú tổ chức thành công Đại hội",
                                   "12/03/2020"]  # fmt: skip
    assert report.body == LEAD


def test_date_first_then_kicker_then_headline():
    raw = "\n".join([
        "05/10/2020 - 09:12",
        "Đồng chí Lê Văn Hai, Bí thư Huyện ủy Tam Nông:",
        "Đổi mới phương thức lãnh đạo để huyện phát triển nhanh và bền vững",
        LEAD,
    ])  # fmt: skip
    report = clean_report(raw)
    assert report_title(report) == (
        "Đồng chí Lê Văn Hai, Bí thư Huyện ủy Tam Nông: "
        "Đổi mới phương thức lãnh đạo để huyện phát triển nhanh và bền vững"
    )
    assert report.body == LEAD


def test_summary_between_title_and_date_is_article_text():
    sapo = (
        "Sau 5 năm thực hiện Nghị quyết Đại hội, diện mạo nông thôn xã Tân Phú đã thay đổi rõ nét."
    )
    raw = "\n".join(["Xã Tân Phú vững bước đi lên", sapo, "Cập nhật lúc 09:15, 12/03/2020", LEAD])
    report = clean_report(raw)
    assert report.header_lines == ["Xã Tân Phú vững bước đi lên", "Cập nhật lúc 09:15, 12/03/2020"]
    assert report.body == sapo + "\n\n" + LEAD


def test_page_furniture_is_dropped_and_the_article_ends_at_the_comment_widget():
    raw = "\n".join([
        "Trang chủ > Tin tức > Xây dựng Đảng",
        "Xã Tân Phú vững bước đi lên",
        "Ngày đăng 12/03/2020 | 14:30 | Lượt xem: 1.234",
        "Chia sẻ | In bài viết | Gửi email",
        LEAD,
        ".",
        "anh dai hoi 2",
        "Xem thêm: Đồng Phú hoàn thành Đại hội cấp cơ sở",
        PARA,
        "Bài, ảnh: NGUYỄN VĂN AN",
        "Tổng số điểm của bài viết là: 0 trong 0 đánh giá",
        "Ý kiến bạn đọc",
        "Một bình luận của bạn đọc rất dài và đầy đủ câu chữ, kết thúc bằng dấu chấm như đoạn văn.",
    ])  # fmt: skip
    report = clean_report(raw)
    assert report.body == LEAD + "\n\n" + PARA
    assert report.trailer_lines == ["Bài, ảnh: NGUYỄN VĂN AN"]


def test_related_articles_and_spam_after_the_article_are_dropped():
    raw = "\n".join([
        "Xã Tân Phú vững bước đi lên",
        "12/03/2020",
        LEAD,
        "Thanh Lê",
        "CÁC TIN KHÁC",
        "Huyện Bù Đăng chuẩn bị Đại hội (10/3/2020)",
        "Vì sao Đồng Xoài về đích sớm? (9/3/2020)",
        "106575342",
        "izmir escort bayan bornova escort",
        "tin tức sự kiện",
    ])  # fmt: skip
    report = clean_report(raw)
    assert report.body == LEAD
    assert report.trailer_lines == ["Thanh Lê"]


def test_a_related_box_inside_the_article_does_not_end_it():
    raw = "\n".join(["Xã Tân Phú vững bước đi lên", "12/03/2020", LEAD, "Tin liên quan",
                     "Đồng Phú hoàn thành Đại hội cấp cơ sở", PARA])  # fmt: skip
    assert clean_report(raw).body == LEAD + "\n\n" + PARA


def test_caption_printed_twice_keeps_the_sentence():
    caption = "Đại biểu biểu quyết thông qua Nghị quyết Đại hội"
    raw = "\n".join(
        ["Xã Tân Phú vững bước đi lên", "12/03/2020", LEAD, caption, caption + ".", PARA]
    )
    assert clean_report(raw).body == "\n\n".join([LEAD, caption + ".", PARA])


def test_repeated_speaker_labels_are_kept():
    label = "Đồng chí Bí thư Đảng ủy xã:"
    raw = "\n".join(["Xã Tân Phú vững bước đi lên", "12/03/2020", label, LEAD, label, PARA])
    assert clean_report(raw).body == "\n\n".join([label, LEAD, label, PARA])


def test_lines_are_only_stripped():
    odd = "  Tỷ lệ  hộ nghèo giảm còn 1,2%;  kết nạp 40 đảng viên, đạt 100% chỉ tiêu đề ra trong nhiệm kỳ vừa qua của Đảng bộ xã.\u00a0 "  # noqa: E501
    raw = "\n".join(["Xã Tân Phú vững bước đi lên", "12/03/2020", odd])
    assert clean_report(raw).body == odd.strip()


def test_no_title_or_date_still_gives_the_text():
    report = clean_report(LEAD + "\n" + PARA)
    assert report.body == LEAD + "\n\n" + PARA
    assert report.header_lines == []
    assert report_title(report) == ""


def test_title_without_date_line():
    report = clean_report("Tân Phú vững bước đi lên\n" + LEAD + "\n" + PARA)
    assert report_title(report) == "Tân Phú vững bước đi lên"
    assert report.body == LEAD + "\n\n" + PARA


@pytest.mark.parametrize("raw", ["", "\n\n  \n", ".\n.\n106575342", "ngoc lan anh 1", "\x00\ufeff"])
def test_empty_or_junk_input(raw):
    report = clean_report(raw)
    assert report.body == ""
    assert report.trailer_lines == []


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_body_paragraphs_are_substrings_of_the_raw_file(path):
    raw = sanitize(path.read_text(encoding="utf-8"))
    report = clean_report(raw)
    paragraphs = report.body.split("\n\n")
    assert len(paragraphs) >= 5
    assert all(p in raw for p in paragraphs)
    assert not any("escort" in p or "Dai hoi" in p or "đánh giá bài viết" in p for p in paragraphs)


def test_seed_header_and_trailer():
    report = clean_report(
        sanitize((SEEDS / "004_59afc8463018b9cb.txt").read_text(encoding="utf-8"))
    )
    assert report.header_lines[0] == "Hoạt động Đảng"
    assert report.lines[0].startswith("Tập trung lãnh đạo, chỉ đạo quyết liệt")
    assert report.trailer_lines == []
    assert report.body.startswith("Sáng ngày 12/7/2018, Ban Chấp hành")
    assert report.body.endswith("bảo đảm an ninh, quốc phòng của Quận trong năm 2018./.")


def test_roman_numeral_thirty_is_not_spam():
    # "XXX" is the 30th congress; only a lower-case "xxx" is the spam word.
    raw = "\n".join(
        [
            "Trang chủ » Chính trị » Xây dựng Đảng",
            "Đại hội Đảng bộ huyện Tân Phú lần thứ XXX, nhiệm kỳ 2020 - 2025 thành công",
            "Cập nhật: 14:25 | 18/07/2020",
            LEAD.replace("XV", "XXX"),
            PARA,
            "Đại hội đã bầu Ban Chấp hành Đảng bộ huyện khóa XXX gồm 45 đồng chí.",
            "xxx hot girl video",
        ]
    )
    report = clean_report(raw)
    assert report_title(report).startswith("Đại hội Đảng bộ huyện Tân Phú lần thứ XXX")
    assert report.body.startswith(LEAD.replace("XV", "XXX"))
    assert report.body.endswith("khóa XXX gồm 45 đồng chí.")


def test_masthead_under_the_date_is_header_not_title_or_body():
    raw = "\n".join(["Tân Phú vững bước đi lên", "18/07/2020 14:25", "Báo Bình Phước", LEAD, PARA])
    report = clean_report(raw)
    assert report_title(report) == "Tân Phú vững bước đi lên"
    assert "Báo Bình Phước" in report.header_lines
    assert report.body == LEAD + "\n\n" + PARA


def test_masthead_is_never_the_title():
    raw = "\n".join(["18/07/2020 14:25", "Báo Bình Phước", "Tân Phú vững bước đi lên", LEAD])
    assert report_title(clean_report(raw)) == "Tân Phú vững bước đi lên"


@pytest.mark.parametrize(
    "credit", ["Ảnh: Thành Cường", "(Ảnh: TTXVN)", "Ảnh minh họa", "Ảnh - Minh Hà", "Video: PV"]
)
def test_photo_credit_lines_are_dropped(credit):
    report = clean_report("\n".join(["Tân Phú vững bước đi lên", "12/03/2020", LEAD, credit, PARA]))
    assert report.body == LEAD + "\n\n" + PARA


def test_a_caption_that_describes_the_photo_is_kept():
    caption = "Ảnh: Đồng chí Bí thư Huyện ủy trao cờ thi đua cho các tổ chức cơ sở đảng."
    report = clean_report(
        "\n".join(["Tân Phú vững bước đi lên", "12/03/2020", LEAD, caption, PARA])
    )
    assert caption in report.body


@pytest.mark.parametrize(
    "footer", ["Bản quyền thuộc về Báo Bình Phước", "© 2020 Báo Bình Phước", "Copyright 2020 BPO"]
)
def test_copyright_footer_ends_the_article(footer):
    raw = "\n".join(["Tân Phú vững bước đi lên", "12/03/2020", LEAD, PARA, footer, "Xã Tân Phú."])
    assert clean_report(raw).body == LEAD + "\n\n" + PARA


def test_agency_code_under_the_date_is_header():
    raw = "\n".join(["Tân Phú vững bước đi lên", "15/10/2020 | 08:30 GMT+7", "TTXVN", LEAD, PARA])
    report = clean_report(raw)
    assert "TTXVN" in report.header_lines
    assert report.body == LEAD + "\n\n" + PARA


def test_reader_comments_under_a_comment_count_are_not_article():
    raw = "\n".join(
        [
            "Tân Phú vững bước đi lên", "12/03/2020", LEAD, PARA, "Minh Hà", "Bình luận (2)",
            "Trần Văn Bình - 12/07/2020 14:30",
            "Phường mình có 100% hộ dân dùng nước sạch, rất tự hào, mong phường tiếp tục phát huy!",
        ]
    )  # fmt: skip
    report = clean_report(raw)
    assert report.body == LEAD + "\n\n" + PARA
    assert report.trailer_lines == ["Minh Hà"]


def test_an_empty_comment_count_above_the_article_ends_nothing():
    raw = "\n".join(["Tân Phú vững bước đi lên", "12/03/2020", LEAD, "Bình luận (0)", PARA])
    assert clean_report(raw).body == LEAD + "\n\n" + PARA


def test_site_footer_ends_the_article_and_leaves_the_byline_last():
    raw = "\n".join(
        [
            "Tân Phú vững bước đi lên", "12/03/2020 09:12", LEAD, PARA, "Hoài Thương",
            "BÁO BÌNH PHƯỚC", "Giấy phép số 123/GP-BTTTT ngày 12/3/2019",
            "Tổng biên tập: Nguyễn Văn Tâm", "Điện thoại: 0271.3822.111",
            'Ghi rõ nguồn "Báo Bình Phước" khi phát hành lại thông tin từ website này.',
        ]
    )  # fmt: skip
    report = clean_report(raw)
    assert report.body == LEAD + "\n\n" + PARA
    assert report.trailer_lines == ["Hoài Thương"]


def test_masthead_under_the_date_after_a_summary_is_header():
    raw = "\n".join(["Tân Phú vững bước đi lên", LEAD, "12/03/2020 09:12", "Báo Bình Phước", PARA])
    assert clean_report(raw).body == LEAD + "\n\n" + PARA
