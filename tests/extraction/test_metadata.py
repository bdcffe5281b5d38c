from datetime import datetime
from pathlib import Path

import pytest

from congress.extraction.cleaning import clean_report
from congress.extraction.dates import VIETNAM
from congress.extraction.metadata import extract_metadata
from congress.extraction.records import CleanReport
from congress.extraction.text import sanitize

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"

LEAD = (
    "Nhiệm kỳ qua, thu nhập bình quân đầu người của huyện đạt 52 triệu đồng/năm, tỷ lệ hộ "
    "nghèo giảm còn 1,2%, kết nạp được 640 đảng viên mới, vượt chỉ tiêu Nghị quyết đề ra."
)


def meta(*lines: str):
    return extract_metadata(clean_report("\n".join(lines)))


def vn(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=VIETNAM)


# --- the seeds --------------------------------------------------------------------------

SEED_EXPECTED = {
    "000": ("Nâng cao năng lực lãnh đạo, sức chiến đấu của Đảng bộ; xây dựng hệ thống chính trị "
            "trong sạch, vững mạnh", vn(2020, 5, 6, 15, 13), "Ngọc Lan", "interview"),
    "001": ("Đảng bộ phường Hà Lầm (TP Hạ Long): Nâng cao năng lực lãnh đạo, sức chiến đấu của "
            "tổ chức Đảng", vn(2019, 1, 10, 8, 1), "Quang Minh", "news"),
    "002": ("Chuyển biến tích cực trong công tác xây dựng Đảng ở thị xã Quảng Trị",
            vn(2021, 1, 25, 5, 24, 44), "Thanh Lê", "news"),
    "003": ("Đồng chí Ngô Hồng Yến, Thành ủy viên, Bí thư Đảng ủy Khối Cơ quan Dân Chính Đảng TP "
            "Cần Thơ: Tiếp tục nâng cao năng lực lãnh đạo, sức chiến đấu của toàn Đảng bộ, lãnh "
            "đạo các cơ quan, đơn vị trong Khối hoàn thành tốt nhiệm vụ chính trị",
            vn(2015, 8, 4, 8, 56), "Anh Dũng", "interview"),
    "004": ("Tập trung lãnh đạo, chỉ đạo quyết liệt để thực hiện thắng lợi các mục tiêu, chỉ "
            "tiêu, nhiệm vụ năm 2018.", vn(2018, 7, 12, 15, 35), None, "conference"),
}  # fmt: skip


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTED))
def test_seeds(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    found = extract_metadata(clean_report(sanitize(path.read_text(encoding="utf-8"))))
    assert (found.title, found.published_at, found.author, found.genre) == SEED_EXPECTED[prefix]


def test_seed_sources():
    def source(prefix):
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        found = extract_metadata(clean_report(sanitize(path.read_text(encoding="utf-8"))))
        return found.source_name, found.source_url

    assert source("002") == ("QTO", None)
    assert source("003") == ("Báo Cần Thơ", None)
    assert source("001") == (None, None)


# --- publication date ---------------------------------------------------------------------


def test_date_comes_from_the_header_not_the_text():
    found = meta(
        "Huyện Tam Nông tổng kết công tác xây dựng Đảng",
        "Thứ Sáu, 20/12/2019 - 10:05",
        "Thực hiện Nghị quyết ngày 15/5/2016 của Bộ Chính trị, ngày 3/1/2017 Huyện ủy đã ban "
        "hành kế hoạch. " + LEAD,
    )
    assert found.published_at == vn(2019, 12, 20, 10, 5)


def test_date_printed_under_the_signature():
    found = meta("Mường Chà nâng cao chất lượng sinh hoạt chi bộ", LEAD, "Nhóm PV",
                 "Cập nhật: 20/11/2019 16:45")  # fmt: skip
    assert (found.published_at, found.author) == (vn(2019, 11, 20, 16, 45), "Nhóm PV")


def test_self_dating_lead_is_the_fallback():
    found = meta(
        "Phường Tân Định tổ chức Hội nghị Ban Chấp hành mở rộng",
        "Sáng nay, ngày 5-1-2021, Đảng ủy phường Tân Định tổ chức Hội nghị Ban Chấp hành Đảng bộ "
        "mở rộng tổng kết công tác năm 2020, triển khai nhiệm vụ năm 2021.",
    )
    assert found.published_at == vn(2021, 1, 5)


def test_a_date_inside_the_text_is_not_a_publication_date():
    found = meta(
        "Phường Tân Định tổ chức Hội nghị Ban Chấp hành mở rộng",
        "Ngày 5-1-2021, Đảng ủy phường Tân Định tổ chức Hội nghị Ban Chấp hành Đảng bộ mở rộng "
        "tổng kết công tác năm 2020, triển khai nhiệm vụ năm 2021 theo kế hoạch đã đề ra.",
    )
    assert found.published_at is None


def test_impossible_header_date_is_rejected():
    found = meta(
        "Huyện Tam Nông tổng kết công tác xây dựng Đảng", "Ngày đăng 31/02/2019 10:00", LEAD
    )
    assert found.published_at is None


# --- author -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("signature", "author"),
    [
        ("Thực hiện: Ngọc Lan", "Ngọc Lan"),
        ("ANH DŨNG (thực hiện)", "Anh Dũng"),
        ("Quang Minh", "Quang Minh"),
        ("Bài, ảnh: LÒ THỊ HOA", "Lò Thị Hoa"),
        ("Theo Minh Anh (TTXVN)", "Minh Anh"),
        ("Nhóm PV", "Nhóm PV"),
        ("Theo báo Nhân Dân", None),
    ],
)
def test_author_from_the_signature(signature, author):
    found = meta("Huyện Tam Nông tổng kết công tác xây dựng Đảng", "20/12/2019", LEAD, signature)
    assert found.author == author


def test_byline_under_the_title():
    found = meta("Huyện Tam Nông tổng kết công tác xây dựng Đảng", "20/12/2019",
                 "Bài và ảnh: Trần Minh Khôi", LEAD)  # fmt: skip
    assert found.author == "Trần Minh Khôi"


def test_photo_credit_is_not_the_author():
    found = meta("Huyện Tam Nông tổng kết công tác xây dựng Đảng", "20/12/2019", LEAD,
                 "Đại biểu dự hội nghị. Ảnh: ANH DŨNG")  # fmt: skip
    assert found.author is None


# --- genre --------------------------------------------------------------------------------


def test_interview_by_questions():
    found = meta(
        "Bí thư Huyện ủy Tam Nông: Đổi mới để phát triển",
        "20/12/2019",
        "PV: Thưa đồng chí, xin cho biết kết quả nổi bật của nhiệm kỳ qua?",
        LEAD,
        "PV: Nhiệm kỳ tới huyện đặt ra những mục tiêu gì?",
        "Huyện phấn đấu có 100% xã đạt chuẩn nông thôn mới.",
    )
    assert found.genre == "interview"


def test_interview_by_starred_questions_and_signature():
    found = meta("Bí thư Huyện ủy Tam Nông: Đổi mới để phát triển", "20/12/2019",
                 "* Thưa đồng chí, nhiệm kỳ qua huyện đạt được những kết quả gì?", LEAD,
                 "Hồng Nhung (thực hiện)")  # fmt: skip
    assert found.genre == "interview"


def test_conference_when_the_lead_reports_a_meeting():
    found = meta(
        "Huyện ủy Tam Nông họp phiên cuối năm",
        "20/12/2019",
        "Ngày 19/12, Ban Chấp hành Đảng bộ huyện Tam Nông tổ chức Hội nghị lần thứ 12 để đánh "
        "giá kết quả thực hiện nhiệm vụ năm 2019.",
        LEAD,
    )
    assert found.genre == "conference"


def test_preparing_a_congress_is_news():
    found = meta(
        "Tam Nông sẵn sàng cho Đại hội",
        "20/12/2019",
        "Các chi bộ đang khẩn trương chuẩn bị tổ chức Đại hội nhiệm kỳ 2020-2025, bảo đảm đúng "
        "tiến độ mà Ban Thường vụ Huyện ủy đề ra.",
        LEAD,
    )
    assert found.genre == "news"


def test_empty_report_is_other():
    found = extract_metadata(CleanReport(raw="", lines=[], body=""))
    assert (found.title, found.published_at, found.author, found.genre) == ("", None, None, "other")


# --- source -------------------------------------------------------------------------------


def test_lead_marker_and_credit_line():
    found = meta("Tam Nông tổng kết năm", "20/12/2019", "(ĐCSVN) - " + LEAD)
    assert found.source_name == "ĐCSVN"
    found = meta("Tam Nông tổng kết năm", "20/12/2019", LEAD, "Theo Báo Sài Gòn Giải Phóng")
    assert (found.source_name, found.author) == ("Báo Sài Gòn Giải Phóng", None)


def test_source_url_from_the_signature_block():
    found = meta(
        "Tam Nông tổng kết năm", "20/12/2019", LEAD, "Nguồn: https://baodongthap.vn/a-1.html"
    )
    assert found.source_url == "https://baodongthap.vn/a-1.html"


def test_no_source_when_the_page_names_none():
    found = meta("Tam Nông tổng kết năm", "20/12/2019", LEAD, "Minh Hà")
    assert (found.source_name, found.source_url) == (None, None)


def test_masthead_line_names_the_source():
    found = meta("Huyện Tam Nông tổng kết công tác xây dựng Đảng", "20/12/2019 08:00",
                 "Báo Đồng Tháp", LEAD)  # fmt: skip
    assert found.source_name == "Báo Đồng Tháp"
    assert found.title == "Huyện Tam Nông tổng kết công tác xây dựng Đảng"


def test_the_sites_own_date_above_the_title_is_not_the_publication_date():
    # A copied page starts with the day it was copied; the publication line gives a time.
    found = meta("Thứ Hai, 23/11/2026", "Tin tức - Sự kiện",
                 "Huyện Tam Nông tổng kết công tác xây dựng Đảng",
                 "Cập nhật lúc 16:45, 28/07/2020", LEAD)  # fmt: skip
    assert found.published_at == vn(2020, 7, 28, 16, 45)
    assert found.title == "Huyện Tam Nông tổng kết công tác xây dựng Đảng"


@pytest.mark.parametrize(
    ("lead", "source"),
    [
        ("HNP - " + LEAD, "HNP"),
        ("VOV.VN - " + LEAD, "VOV.VN"),
        ("Baonghean.vn - " + LEAD, "Baonghean.vn"),
        ("(QTO) - " + LEAD, "QTO"),
        ("Sáng 15/7 - " + LEAD, None),  # a dated lead is no outlet
    ],
)
def test_lead_marker_with_or_without_brackets(lead, source):
    assert meta("Tam Nông tổng kết năm", "20/12/2019", lead).source_name == source
