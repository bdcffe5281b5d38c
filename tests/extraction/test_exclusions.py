import pytest

from congress.extraction.exclusions import (
    is_label,
    is_place,
    is_site_counter,
    is_total_of_breakdown,
    is_vote,
)
from congress.extraction.sentences import search_form


def at_marker(text):
    """The search form of ``text`` without its marker "#", and the span of the number
    that follows the marker."""
    start = text.index("#")
    text = text.replace("#", "")
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    return search_form(text), start, end


@pytest.mark.parametrize(
    "text",
    [
        "thực hiện Chỉ thị #05 của Bộ Chính trị",
        "Nghị quyết 26, 27, #28 của Hội nghị",
        "Nghị quyết Trung ương #4 (khóa XII)",
        "Nghị quyết T.Ư #4",
        "Nghị quyết TƯ #4",
        "Hội nghị lần thứ #18",
        "sơ kết giữa nhiệm kỳ Đại hội #25 Đảng bộ quận",
        "theo Quyết định #703",
        "Chỉ thị số #10-CT/TW",
        "từ năm #2017 đến nay",
        "sinh con thứ #3",
        "kỷ niệm #45 năm",
        "Kế hoạch #1, nhiệm vụ",
        "Đảng bộ phường #1 tập trung",
    ],
)
def test_labels(text):
    assert is_label(*at_marker(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hằng năm, có #90% đảng viên",
        "hàng năm #95% học sinh",
        "đầu tư #5 tỷ đồng",
        "Tổ chức #10 hội nghị",
        "tăng #5% so với",
        "có #11 chi bộ, #430 đảng viên",
    ],
)
def test_measures_are_no_labels(text):
    assert not is_label(*at_marker(text))


def test_total_of_a_breakdown():
    form, start, _ = at_marker("Trong tổng số #28 tổ chức cơ sở đảng, có 5")
    assert is_total_of_breakdown(form, start)
    form, start, _ = at_marker("kết nạp #28 đảng viên")
    assert not is_total_of_breakdown(form, start)


def test_place_vote_and_counter():
    form, start, _ = at_marker("diễn tập tại #4 phường")
    assert is_place(form, start)
    text = "với 100% số phiếu"
    assert is_vote(search_form(text), text.index("%") + 1)
    text = "có 1.234 lượt xem"
    assert is_site_counter(search_form(text), text.index(" lượt"))
    assert not is_site_counter(search_form("cho 1.210 lượt báo cáo viên"), 9)
