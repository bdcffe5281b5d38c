import pytest

from congress.extraction.sentences import search_form
from congress.extraction.subjects import (
    ACTION,
    STATE,
    action_name,
    clean_name,
    indicator_key,
    split_head,
    subject_is_owner,
)


def head_of(words):
    """Split the words before a figure (the whole string)."""
    head = split_head(words, search_form(words), 0, len(words))
    return head.subject, head.verb, head.verb_kind


@pytest.mark.parametrize(
    ("words", "subject", "verb", "kind"),
    [
        ("Tỷ lệ hộ nghèo chiếm ", "Tỷ lệ hộ nghèo", "chiếm", STATE),
        (
            "tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng chiếm tỷ lệ ",
            "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng",
            "chiếm",
            STATE,
        ),
        ("Tổng mức bán lẻ bình quân tăng ", "Tổng mức bán lẻ", "tăng", STATE),
        (
            "Giá trị sản xuất công nghiệp 6 tháng ước tăng ",
            "Giá trị sản xuất công nghiệp 6 tháng",
            "ước tăng",
            STATE,
        ),
        ("Thu ngân sách trong 5 năm là ", "Thu ngân sách", "là", STATE),
        ("Tỷ lệ tăng dân số tự nhiên dưới ", "Tỷ lệ tăng dân số tự nhiên", "", None),
        ("Trong năm 2020, đã tổ chức ", "", "tổ chức", ACTION),
        ("Tính từ đầu nhiệm kỳ đến nay kết nạp được ", "", "kết nạp", ACTION),
        ("Đã kiểm tra chuyên đề đối với ", "", "kiểm tra chuyên đề đối với", ACTION),
        ("giải quyết việc làm cho ", "", "giải quyết việc làm cho", ACTION),
        ("Khu phố văn hóa có 4/4 khu phố, đạt ", "Khu phố văn hóa", "đạt", STATE),
        (
            "Trong tổng số 28 tổ chức cơ sở đảng, có 5 chi, đảng bộ hoàn thành xuất sắc nhiệm vụ, đạt tỉ lệ ",
            "Chi, đảng bộ hoàn thành xuất sắc nhiệm vụ",
            "đạt tỉ lệ",
            STATE,
        ),
        ("vượt so với chỉ tiêu Nghị quyết đề ra ", "", "đề ra", STATE),
        ("Nhiệm kỳ 2015-2020, thu ngân sách đạt ", "Thu ngân sách", "đạt", STATE),
        ("Hàng năm có ", "", "có", STATE),
        ("với tổng vốn đăng ký ", "Tổng vốn đăng ký", "", None),
        ("Tuổi bình quân là 45 tuổi, tỷ lệ nữ chiếm ", "Tỷ lệ nữ", "chiếm", STATE),
        (
            "Đảng bộ phường phấn đấu thu ngân sách tăng bình quân ",
            "Thu ngân sách",
            "tăng",
            STATE,
        ),
        ("giữ vững tỷ lệ hộ gia đình văn hóa đạt từ ", "Tỷ lệ hộ gia đình văn hóa", "đạt", STATE),
        ("tỷ lệ che phủ rừng duy trì trên ", "Tỷ lệ che phủ rừng", "duy trì", STATE),
        (
            "Xã quyết tâm nâng tỷ lệ lao động qua đào tạo lên ",
            "Tỷ lệ lao động qua đào tạo",
            "lên",
            STATE,
        ),
        # "nước" ends in "ước" (estimated): only whole words are comparators.
        ("nộp ngân sách nhà nước trên ", "Nộp ngân sách nhà nước", "", None),
        ("thu ngân sách hằng năm đạt và vượt ", "Thu ngân sách", "đạt và vượt", STATE),
        ("12 căn nhà tình nghĩa, tình thương với tổng kinh phí ", "Tổng kinh phí", "", None),
        # "tốc độ tăng trưởng" is a noun phrase; "Kinh tế tăng trưởng" has a verb.
        ("Tốc độ tăng trưởng GRDP bình quân ", "Tốc độ tăng trưởng GRDP", "", None),
        ("Kinh tế tăng trưởng bình quân ", "Kinh tế", "tăng trưởng", STATE),
        ("tỷ lệ hộ nghèo cuối nhiệm kỳ dưới ", "Tỷ lệ hộ nghèo", "", None),
        (
            "Đại hội đề ra mục tiêu đến năm 2025 thu nhập bình quân đầu người đạt ",
            "Thu nhập bình quân đầu người",
            "đạt",
            STATE,
        ),
        (
            "Thu nhập bình quân đầu người đến cuối nhiệm kỳ đạt trên ",
            "Thu nhập bình quân đầu người",
            "đạt",
            STATE,
        ),
        ("", "", "", None),
    ],
)
def test_split_head(words, subject, verb, kind):
    assert head_of(words) == (subject, verb, kind)


def test_subject_start_points_at_the_subject():
    words = "Trong năm 2018, toàn phường chỉ còn "
    head = split_head(words, search_form(words), 0, len(words))
    assert words[head.subject_start :].startswith("toàn phường")
    assert subject_is_owner(head.subject)


@pytest.mark.parametrize(
    ("subject", "owner"),
    [("Đảng bộ phường Tân An", True), ("Toàn xã", True), ("Tỷ lệ hộ nghèo", False)],
)
def test_owner(subject, owner):
    assert subject_is_owner(subject) is owner


def test_names_and_keys():
    assert action_name("phấn đấu kết nạp được", "đảng viên là người có đạo") == (
        "Kết nạp đảng viên là người có đạo"
    )
    assert action_name("cho", "lượt báo cáo viên") == "Lượt báo cáo viên"
    assert clean_name(" “Hoàn thành tốt nhiệm vụ” trở lên, ") == "Hoàn thành tốt nhiệm vụ trở lên"
    assert (
        clean_name("(28/28) chi bộ đạt trong sạch vững mạnh") == "Chi bộ đạt trong sạch vững mạnh"
    )
    assert indicator_key("Tỷ lệ hộ nghèo") == "ho ngheo"
    assert indicator_key("Tỉ lệ HỘ NGHÈO") == "ho ngheo"
    assert indicator_key("Số đảng viên") == "dang vien"
