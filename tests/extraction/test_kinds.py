import pytest

from congress.extraction.kinds import (
    RESULT,
    TARGET,
    is_section_heading,
    kind_events,
    kind_of,
    section_mode,
)
from congress.extraction.sentences import search_form


def kind_before(paragraph, marker="#", clause_marker=None):
    """The kind of the figure at ``marker`` in a one-paragraph text."""
    position = paragraph.index(marker)
    text = paragraph.replace(marker, "")
    form = search_form(text)
    clause_start = max(text.rfind(";", 0, position), text.rfind(",", 0, position)) + 1
    return kind_of(form, clause_start, position, kind_events(form, 0, len(form)))


@pytest.mark.parametrize(
    "paragraph",
    [
        "Tỷ lệ hộ nghèo chiếm #1,28%.",
        "Kết quả thực hiện các chỉ tiêu nhiệm kỳ 2015-2020: thu ngân sách đạt #21 tỷ đồng.",
        "Các chỉ tiêu kinh tế có 3/4 chỉ tiêu vượt Nghị quyết đề ra là: tăng #26,68%/năm.",
        "Toàn huyện kết nạp 125 đảng viên mới, vượt chỉ tiêu #4%.",
        "Thu ngân sách đạt 125,6 tỷ đồng, bằng #112% dự toán.",
        "Đại hội đặt ra các chỉ tiêu. Nhìn lại nhiệm kỳ qua, kết nạp #32 đảng viên.",
    ],
)
def test_results(paragraph):
    assert kind_before(paragraph) == RESULT


@pytest.mark.parametrize(
    "paragraph",
    [
        "Đại hội cũng đặt ra các chỉ tiêu chủ yếu trong nhiệm kỳ mới là: tăng #17-18%/năm.",
        "Tăng 26,68%/năm, vượt so với chỉ tiêu Nghị quyết đề ra #16%-17%.",
        "Đề ra mục tiêu phấn đấu thành lập ít nhất 1 chi bộ; tỉ lệ đạt #85% trở lên.",
        "Phấn đấu đến năm 2025 có #80% xã đạt chuẩn nông thôn mới.",
        "Mục tiêu nhiệm kỳ 2020-2025 là: thu nhập bình quân đạt #60 triệu đồng.",
        "Trên cơ sở này sẽ ban hành #8 đề án.",
        "Chỉ tiêu tỉnh giao #150 thanh niên nhập ngũ.",
        "Đại hội đề ra 16 chỉ tiêu, trong đó phấn đấu thu ngân sách đạt và vượt #5% dự toán.",
    ],
)
def test_targets(paragraph):
    assert kind_before(paragraph) == TARGET


def test_a_result_opener_after_targets_switches_back():
    paragraph = "Nghị quyết đề ra mục tiêu tăng 10%. Kết quả, tăng #12%."
    assert kind_before(paragraph) == RESULT


def test_an_opener_after_the_figure_does_not_apply():
    paragraph = "#245 đại biểu sẽ thảo luận đề ra mục tiêu nhiệm kỳ 2015-2020."
    assert kind_before(paragraph) == RESULT


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ NHIỆM KỲ 2020 - 2025", True),
        ("1. Các chỉ tiêu về kinh tế", True),
        ("II. Kết quả năm 2020", True),
        ("b) Về xây dựng Đảng", True),
        ("Phần thứ hai", True),
        ("- Thu ngân sách đạt 300 tỷ đồng", False),  # a list item without its full stop
        ("1. Thu ngân sách đạt 300 tỷ đồng", False),  # it states a figure
        ("Đồng chí Nguyễn Văn A phát biểu tại Đại hội", False),  # a photo caption
        ("Tỷ lệ hộ nghèo giảm còn 2,1%.", False),
    ],
)
def test_section_headings(line, heading):
    assert is_section_heading(line) is heading


def test_section_modes():
    assert section_mode("phương hướng, mục tiêu, nhiệm vụ nhiệm kỳ 2020 - 2025") == TARGET
    assert section_mode("kết quả thực hiện các chỉ tiêu nghị quyết") == RESULT
    assert section_mode("1. về kinh tế") is None
