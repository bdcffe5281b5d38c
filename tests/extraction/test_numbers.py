from decimal import Decimal

import pytest

from congress.extraction.numbers import find_quantities, parse_number


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("26,68", Decimal("26.68")),
        ("2.017", Decimal("2017")),
        ("1.200.000", Decimal("1200000")),
        ("03", Decimal("3")),
        ("0,6", Decimal("0.6")),
        ("6.5", Decimal("6.5")),  # English decimal point, read only before a % sign
        ("abc", None),
        ("", None),
    ],
)
def test_parse_number(token, value):
    assert parse_number(token) == value


def figures(text):
    return [(text[q.start : q.end], q.value, q.low, q.high) for q in find_quantities(text)]


def test_single_numbers_with_vietnamese_marks():
    assert figures("thu 125,6 tỷ đồng cho 1.200 lao động, 03 đảng viên") == [
        ("125,6", Decimal("125.6"), None, None),
        ("1.200", Decimal("1200"), None, None),
        ("03", Decimal("3"), None, None),
    ]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("đề ra 16%-17%", "16", "17"),
        ("đề ra 3 - 4%", "3", "4"),
        ("tăng 17-18%/năm", "17", "18"),
        ("giảm 0,2-0,5%/năm", "0.2", "0.5"),
        ("kết nạp từ 5 đến 7 đảng viên", "5", "7"),
        ("95%-100% học sinh", "95", "100"),
        ("có từ 2 – 3 đảng viên", "2", "3"),
    ],
)
def test_ranges(text, low, high):
    [(_, value, got_low, got_high)] = figures(text)
    assert (value, got_low, got_high) == (None, Decimal(low), Decimal(high))


@pytest.mark.parametrize(
    "text",
    [
        "ngày 15/5/2016",
        "ngày 4-8-2015",
        "lúc 15:13",
        "05:24:44",
        "có 3/4 chỉ tiêu",
        "tháng 6/2018",
        "cách mạng 4.0",
        "Covid-19",
        "Chỉ thị 05-CT/TW",
        "Nghị quyết số 35 -NQ/ TW",
        "Kết luận số 176 - KL/TU",
    ],
)
def test_digits_that_are_no_quantity(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Toàn huyện có 12/31 xã đạt chuẩn nông thôn mới", "12"),
        ("có 9 / 14 chi bộ đạt trong sạch vững mạnh", "9"),
    ],
)
def test_a_counted_share_is_its_numerator(text, value):
    assert [f[1] for f in figures(text)] == [Decimal(value)]


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 3/4 tới, Đảng bộ tổ chức Đại hội",  # a date
        "có 3/4 chỉ tiêu vượt Nghị quyết",  # counting the targets themselves
        "từ 2/3 trở lên",  # a date range word before
        "7/5 thôn",  # more parts than the whole: not a share
    ],
)
def test_fractions_that_are_no_figure(text):
    assert [f for f in figures(text) if f[1] is not None and f[1] < 10] == []


def test_a_share_restated_as_a_percentage_gives_the_percentage_only():
    assert [f[1] for f in figures("Khu phố văn hóa có 4/4 khu phố, đạt 100%")] == [Decimal("100")]


def test_a_backwards_pair_is_not_a_range():
    assert [f[1] for f in figures("lớp 12 - 3 học sinh")] == [Decimal("12"), Decimal("3")]


@pytest.mark.parametrize("text", ["", "   ", "%%%", "1.", ",5", "--1--", "９９"])
def test_odd_input_does_not_crash(text):
    assert isinstance(find_quantities(text), list)
