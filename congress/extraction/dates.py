"""Dates and times as Vietnamese news pages write them.

Finds every date in a string (``06/05/2020``, ``4-8-2015``, ``2020-03-12``,
``ngày 12 tháng 3 năm 2020``) together with a time of day written right beside it
(``15:13``, ``05:24:44``, ``14h30``, ``2:30 PM``, ``8 giờ 30 sáng``, ``[GMT+7]``), and
gives them as timezone-aware datetimes in Asia/Ho_Chi_Minh. Impossible dates
(31/02, month 13, hour 25) are skipped rather than guessed at.

Day comes before month everywhere here: Vietnamese pages never write month first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from .text import CharTable, strip_accents

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

# Years outside this window are page furniture or typos, not publication dates.
MIN_YEAR, MAX_YEAR = 1945, 2100

# dd/mm/yyyy with one separator used twice; not glued to other digits (so "1.234.567"
# and phone numbers stay numbers).
_DMY = re.compile(
    r"(?<![\d.,/-])(?P<d>\d{1,2})\s?(?P<sep>[/.-])\s?(?P<mo>\d{1,2})\s?(?P=sep)\s?(?P<y>\d{4})(?![\d])"
)
_YMD = re.compile(
    r"(?<![\d.,/-])(?P<y>\d{4})(?P<sep>[-/.])(?P<mo>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
)
# Month names as in "tháng Ba", "tháng Giêng" (matched on the folded text).
_MONTH_WORDS = {
    "gieng": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6,
    "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12, "chap": 12,
}  # fmt: skip
_MONTH_WORD_RE = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
# "ngày 12 tháng 3 năm 2020", "12 tháng 3, 2020"; matched on folded text, whose
# positions equal the original's (folding only drops combining marks after NFC).
_WORDY = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s+thang\s+(?:(?P<mo>\d{1,2})|(?P<mw>" + _MONTH_WORD_RE + r"))"
    r"\s*(?:,|nam)\s*(?P<y>\d{4})(?!\d)"
)

_TIME = re.compile(
    r"(?<![\d:.])(?P<h>\d{1,2})\s?(?:(?::|h|g|gio)\s?(?P<m>\d{2})(?:\s?:\s?(?P<s>\d{2}))?"
    r"(?:\s?(?:phut|p|')(?![a-z]))?|\s?(?:h|gio)(?![a-z\d]))"
    r"(?:\s?(?P<ampm>a\.?m\.?|p\.?m\.?|sa|ch|sang|trua|chieu|toi|dem)(?![a-z]))?"
    r"(?:\s?[\[(]?\s?(?:gmt|utc)\s?(?P<tz>[+-]\s?\d{1,2})(?::?(?P<tzm>\d{2}))?\s?[\])]?"
    r"|(?P<iso_tz>[+-]\d{2}:?\d{2})(?!\d)|(?P<zulu>z)(?![a-z]))?"
)
# What may stand between a date and its time: spaces, commas, dashes, bars, "lúc".
_AFTER_GAP = re.compile(r"[\s,|·•/\-–—t]*(?:(?:vao\s+)?luc\s*)?")
# What may stand between a time and the date after it: separators, "ngày", and a weekday
# ("Cập nhật lúc 09:15, Thứ Bảy, 18/07/2020").
_BEFORE_GAP = re.compile(
    r"(?:[\s,|·•\-–—]*(?:(?:thu (?:hai|ba|tu|nam|sau|bay)|chu nhat)[\s,|·•\-–—]*)?(?:ngay|,)?\s*)$"
)


@dataclass(frozen=True)
class DateMatch:
    """One date found in a string, with the time written beside it when there is one."""

    start: int  # span of the date and its time in the string
    end: int
    value: datetime  # aware, Asia/Ho_Chi_Minh; midnight when no time was given
    has_time: bool


def _valid_date(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _hour_24(hour: int, marker: str | None) -> int | None:
    """Apply AM/PM and the Vietnamese sáng/chiều/tối markers; None when impossible."""
    if marker:
        marker = marker.replace(".", "")
        if hour > 12:  # "14:30 chiều" is redundant but fine; "14:30 sáng" is not
            return hour if marker in ("pm", "ch", "chieu", "toi", "dem") else None
        afternoon = marker in ("pm", "ch", "chieu", "toi") and hour < 12
        if afternoon or (marker == "trua" and hour < 6):  # "1 giờ trưa" is 13:00
            hour += 12
        elif marker in ("am", "sa", "sang") and hour == 12:
            hour = 0
        elif marker == "dem" and 6 <= hour < 12:
            hour += 12
    return hour if hour < 24 else None


def _time_of(match: re.Match[str]) -> tuple[int, int, int, timezone | None] | None:
    hour = _hour_24(int(match["h"]), match["ampm"])
    minute = int(match["m"] or 0)
    second = int(match["s"] or 0)
    if hour is None or minute > 59 or second > 59:
        return None
    offset = None
    if match["tz"]:
        hours = int(match["tz"].replace(" ", ""))
        minutes = int(match["tzm"] or 0) * (1 if hours >= 0 else -1)
        if abs(hours) <= 14:
            offset = timezone(timedelta(hours=hours, minutes=minutes))
    elif match["zulu"]:
        offset = UTC
    elif match["iso_tz"]:
        digits = match["iso_tz"].replace(":", "")
        sign = -1 if digits[0] == "-" else 1
        if int(digits[1:3]) <= 14 and int(digits[3:5]) < 60:
            offset = timezone(sign * timedelta(hours=int(digits[1:3]), minutes=int(digits[3:5])))
    return hour, minute, second, offset


def _time_after(folded: str, end: int) -> tuple[re.Match[str], tuple] | None:
    gap = _AFTER_GAP.match(folded, end)
    pos = gap.end() if gap else end
    if pos - end > 12:
        return None
    match = _TIME.match(folded, pos)
    if not match:
        return None
    value = _time_of(match)
    return (match, value) if value else None


def _time_before(folded: str, start: int) -> tuple[re.Match[str], tuple] | None:
    window_start = max(0, start - 40)
    window = folded[window_start:start]
    gap = _BEFORE_GAP.search(window)
    stop = window_start + (gap.start() if gap else len(window))
    for match in _TIME.finditer(folded, window_start, stop):
        if match.end() == stop and match["m"]:  # a lone "8h" before a date is too vague
            value = _time_of(match)
            return (match, value) if value else None
    return None


def _dates(folded: str) -> list[tuple[int, int, date]]:
    found: list[tuple[int, int, date]] = []
    for pattern in (_DMY, _YMD, _WORDY):
        for m in pattern.finditer(folded):
            month = int(m["mo"]) if m["mo"] else _MONTH_WORDS.get(m.groupdict().get("mw") or "", 0)
            value = _valid_date(int(m["y"]), month, int(m["d"]))
            if value and not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), value))
    return sorted(found)


def find_datetimes(text: str) -> list[DateMatch]:
    """Every valid date in ``text`` in order, each with its adjacent time if written."""
    if not text:
        return []
    folded = fold_same_length(text)
    results: list[DateMatch] = []
    for start, end, day in _dates(folded):
        found = _time_after(folded, end) or _time_before(folded, start)
        span_start, span_end, clock = start, end, None
        if found:
            match, clock = found
            span_start, span_end = min(start, match.start()), max(end, match.end())
        if clock:
            hour, minute, second, offset = clock
            naive = datetime(day.year, day.month, day.day, hour, minute, second)
            value = (
                naive.replace(tzinfo=offset).astimezone(VIETNAM)
                if offset
                else naive.replace(tzinfo=VIETNAM)
            )
        else:
            value = datetime(day.year, day.month, day.day, tzinfo=VIETNAM)
        results.append(DateMatch(span_start, span_end, value, clock is not None))
    return results


def parse_datetime(text: str) -> datetime | None:
    """The first date (with its time) in ``text``, or None."""
    found = find_datetimes(text)
    return found[0].value if found else None


def fold_same_length(text: str) -> str:
    """Accent-free lower case with one character per input character, so that positions
    found in the folded text are positions in the original."""
    return text.translate(_FOLD_SAME_LENGTH)


def _fold_char(ch: str) -> str:
    folded = strip_accents(ch).lower()
    if len(folded) == 1:
        return folded
    lowered = ch.lower()
    return lowered if len(lowered) == 1 else " "


_FOLD_SAME_LENGTH = CharTable(_fold_char)
