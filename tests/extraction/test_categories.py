import pytest

from congress.extraction.categories import (
    CULTURE,
    DEFENSE,
    ECONOMY,
    OTHER,
    PARTY,
    categorize,
)


@pytest.mark.parametrize(
    ("name", "unit", "category"),
    [
        ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "%/năm", ECONOMY),
        ("Thu ngân sách", "tỷ đồng", ECONOMY),
        ("Tốc độ tăng trưởng kinh tế", "%/năm", ECONOMY),
        ("Xã đạt chuẩn nông thôn mới", "%", ECONOMY),
        ("Huy động từ các nguồn để bảo vệ môi trường", "tỷ đồng", ECONOMY),
        ("Tỷ lệ hộ nghèo", "%", CULTURE),
        ("HỘ NGHÈO", "hộ", CULTURE),
        ("Tỷ lệ tăng dân số tự nhiên", "%/năm", CULTURE),
        ("Học sinh tốt nghiệp Trung học cơ sở", "%", CULTURE),
        ("Giải quyết việc làm cho lao động", "lao động", CULTURE),
        ("Kết nạp đảng viên trong doanh nghiệp ngoài nhà nước", "đảng viên", PARTY),
        ("Tỉ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", "%", PARTY),
        ("Số chi bộ", "chi bộ", PARTY),
        ("Giao thanh niên lên đường nhập ngũ", "thanh niên", DEFENSE),
        ("Xử lý vụ vi phạm về ma túy", "vụ", DEFENSE),
        ("Giá trị thị trường", "%", ECONOMY),  # "thị trường" is no school
        ("Tỷ lệ nữ", "%", OTHER),
        ("Tỷ lệ đô thị hóa", "%", ECONOMY),
        ("Kinh tế số chiếm", "% GRDP", ECONOMY),
    ],
)
def test_from_name_and_unit(name, unit, category):
    assert categorize(name, unit) == category


def test_sentence_then_heading_decide_when_the_name_does_not():
    sentence = "Tổ chức 16 lớp bồi dưỡng lý luận chính trị cho 2.017 học viên"
    assert categorize("Học viên", "học viên", sentence) == PARTY
    assert categorize("Mẫu", "%", "", "Chỉ tiêu về văn hóa, xã hội") == CULTURE
    assert categorize("", "", "", "") == OTHER


def test_an_item_of_a_list_is_read_before_the_whole_sentence():
    sentence = "Đại hội đề ra mục tiêu: tỷ lệ trên 62%; kết nạp 250 đảng viên trở lên."
    assert categorize("Tỷ lệ", "%", sentence) == PARTY
    assert categorize("Tỷ lệ", "%", sentence, clause="tỷ lệ che phủ rừng trên 62%") == CULTURE
