from datetime import datetime

import pytest

from congress.extraction.dates import VIETNAM, find_datetimes, parse_datetime


def vn(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=VIETNAM)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the seed publication lines
        ("Thứ tư - 06/05/2020 15:13 129 0", vn(2020, 5, 6, 15, 13)),
        ("Thứ Năm, 10/01/2019, 08:01 [GMT+7]", vn(2019, 1, 10, 8, 1)),
        ("Ngày cập nhật: 25/01/2021 05:24:44", vn(2021, 1, 25, 5, 24, 44)),
        ("04/08/2015 - 08:56", vn(2015, 8, 4, 8, 56)),
        ("Ngày đăng 12/07/2018 | 15:35  | View count: 289", vn(2018, 7, 12, 15, 35)),
        # other newspapers' habits
        ("Cập nhật lúc 14:30 ngày 12/3/2020", vn(2020, 3, 12, 14, 30)),
        ("Thứ Hai, 12/03/2020 - 14:30", vn(2020, 3, 12, 14, 30)),
        ("2020-03-12 14:30", vn(2020, 3, 12, 14, 30)),
        ("2020-03-12T14:30:00+07:00", vn(2020, 3, 12, 14, 30)),
        ("12/3/2020 2:30 PM", vn(2020, 3, 12, 14, 30)),
        ("12/3/2020 12:10 AM", vn(2020, 3, 12, 0, 10)),
        ("Cập nhật: 09:15 SA, 12/03/2020", vn(2020, 3, 12, 9, 15)),
        ("12/03/2020 02:30 CH", vn(2020, 3, 12, 14, 30)),
        ("Đăng lúc 8 giờ 30 sáng, 12-3-2020", vn(2020, 3, 12, 8, 30)),
        ("12/3/2020 14h30 (GMT+7)", vn(2020, 3, 12, 14, 30)),
        ("Chủ nhật, 1.11.2020 | 07g05", vn(2020, 11, 1, 7, 5)),
    ],
)
def test_publication_lines(text, expected):
    assert parse_datetime(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12-3-2020", vn(2020, 3, 12)),
        ("ngày 12 tháng 3 năm 2020", vn(2020, 3, 12)),
        ("Hà Nội, ngày 05 tháng Ba năm 2021", vn(2021, 3, 5)),
        ("2020/03/12", vn(2020, 3, 12)),
    ],
)
def test_dates_without_time_are_midnight(text, expected):
    found = find_datetimes(text)
    assert [(m.value, m.has_time) for m in found] == [(expected, False)]


def test_other_offsets_are_converted_to_vietnam_time():
    assert parse_datetime("2020-03-12T07:30:00Z") == vn(2020, 3, 12, 14, 30)
    assert parse_datetime("12/03/2020 10:00 (GMT+9)") == vn(2020, 3, 12, 8, 0)


def test_result_is_timezone_aware_in_ho_chi_minh():
    value = parse_datetime("06/05/2020 15:13")
    assert value.utcoffset().total_seconds() == 7 * 3600
    assert value.isoformat() == "2020-05-06T15:13:00+07:00"


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2020",  # no 31st of February
        "12/13/2020",  # month first is not Vietnamese
        "00/05/2020",
        "1.234.567 đồng",  # a number, not 1 Feb 234
        "nhiệm kỳ 2015-2020",  # a term, not a date
        "tháng 3/2020",  # a month without a day
        "12/3/1800",  # out of range
        "",
        "Thứ Hai",
    ],
)
def test_impossible_or_partial_dates_are_not_dates(text):
    assert find_datetimes(text) == []


def test_impossible_time_keeps_the_date_only():
    found = find_datetimes("12/3/2020 25:00")
    assert [(m.value, m.has_time) for m in found] == [(vn(2020, 3, 12), False)]


def test_span_covers_date_and_time():
    text = "Ngày đăng 12/07/2018 | 15:35 | View count: 289"
    (match,) = find_datetimes(text)
    assert text[match.start : match.end] == "12/07/2018 | 15:35"


def test_every_date_of_a_sentence_in_order():
    text = "Hôm nay, ngày 4-8-2015, theo Nghị quyết ngày 15/5/2016 của Bộ Chính trị"
    assert [m.value.date().isoformat() for m in find_datetimes(text)] == [
        "2015-08-04",
        "2016-05-15",
    ]


def test_time_before_a_weekday_and_date():
    assert parse_datetime("Cập nhật lúc 09:15, Thứ Bảy, 18/07/2020 (GMT+7)") == datetime(
        2020, 7, 18, 9, 15, tzinfo=VIETNAM
    )
