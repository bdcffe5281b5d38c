"""Vietnamese numbers and ranges as they are written in news text.

Vietnamese writes "," for the decimal mark and "." between thousands: "26,68" is 26.68,
"2.017" is 2017, "1.200" is 1200 and "03" is 3. A range is written "16%-17%", "3 - 4%",
"17-18%/năm" or "từ 5 đến 7".

``find_quantities`` returns every such figure with its span, leaving out what is only
digits but never a quantity: dates ("15/5/2016", "4-8-2015"), clock times ("15:13"),
fractions that count targets or restate a percentage ("3/4 chỉ tiêu", "4/4 khu phố, đạt
100%"), version numbers ("4.0") and codes glued to letters ("Covid-19",
"05-CT/TW").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Thousands groups first, so "1.200" is one number and not "1" and "200".
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NUMBER_RE = re.compile(NUMBER)
_RANGE_RE = re.compile(
    rf"(?P<low>{NUMBER})\s*(?P<pct>%)?\s*(?:[-–—]|đến|tới)\s*(?P<high>{NUMBER})(?![.,/:]\d)"
)
# Digits that are never a quantity. Dates and times first: "4-8-2015" must not read as
# the range "4-8".
_NOT_QUANTITIES = re.compile(
    r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}"  # 15/5/2016, 4-8-2015, 12.7.2018
    r"|\d{1,2}:\d{2}(?::\d{2})?"  # 15:13, 05:24:44
    r"|\d+\s*/\s*\d+"  # 3/4, 4/4, 6/2018
    r"|\d+(?:\.\d+)+(?![\d,]*\s*%)"  # 4.0, 1.2.3 (a thousands number is matched earlier)
)
# "12/31 xã đạt chuẩn": a share of a whole counted in a noun; the figure is the numerator.
_FRACTION = re.compile(r"(?P<part>\d{1,3})\s*/\s*(?P<whole>\d{1,3})(?=\s+[^\W\d_])")
_DATE_WORD_BEFORE = re.compile(r"(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|tháng|từ|đến)\s*$", re.I)
# Counting the targets themselves ("3/4 chỉ tiêu vượt") is a summary, not an indicator; a
# fraction followed in its clause by a percentage is that percentage's working.
_FRACTION_NOT_FIGURE_AFTER = re.compile(
    r"\s+(?:chỉ tiêu|mục tiêu|nhiệm vụ|tiêu chí chủ yếu)|[^;.\d]{0,40}?\d+(?:,\d+)?\s*%", re.I
)
_THOUSANDS_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![.\d])")
# "6.5%": some sites use the English decimal point before a percent sign.
_DOT_DECIMAL_PERCENT = re.compile(r"\d+\.\d{1,2}(?=\s*%)")


@dataclass(frozen=True)
class Quantity:
    """One figure in a text: a single number or a range, with its span."""

    start: int
    end: int
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None

    @property
    def is_range(self) -> bool:
        return self.low is not None


# What the archive stores (DecimalField(max_digits=20, decimal_places=4)): no real figure has
# more than 15 digits before the mark (a quadrillion), so longer ones are not quantities but
# codes, phone numbers or damage; decimals are rounded to the stored 4 places, so that a
# re-import compares equal to what was written.
MAX_INTEGER_DIGITS = 15
DECIMAL_PLACES = Decimal("0.0001")


def parse_number(token: str) -> Decimal | None:
    """ "26,68" -> 26.68, "2.017" -> 2017, "03" -> 3; None when it is not a number."""
    token = token.strip()
    if re.fullmatch(r"\d+\.\d{1,2}", token):  # "6.5" before a percent sign
        return _storable(Decimal(token))
    if not re.fullmatch(NUMBER, token):
        return None
    try:
        return _storable(Decimal(token.replace(".", "").replace(",", ".")))
    except InvalidOperation:  # pragma: no cover - the pattern above excludes it
        return None


def _storable(value: Decimal) -> Decimal | None:
    if value.is_zero():
        return value
    if value.adjusted() >= MAX_INTEGER_DIGITS:
        return None
    return value.quantize(DECIMAL_PLACES) if value.as_tuple().exponent < -4 else value


def find_quantities(text: str) -> list[Quantity]:
    """Every number and range in ``text`` that could be a measured figure."""
    blocked = _Spans(_blocked_spans(text))
    found: list[Quantity] = []
    taken = _Spans()
    for match in _RANGE_RE.finditer(text):
        if not _usable(text, match.start(), match.end(), blocked):
            continue
        low, high = parse_number(match["low"]), parse_number(match["high"])
        if low is None or high is None or low >= high:
            continue  # "2 - 1" is not a range; "2015 - 2015" neither
        found.append(Quantity(match.start(), match.end(), low=low, high=high))
        taken.add(match.span())
    for pattern in (_DOT_DECIMAL_PERCENT, _NUMBER_RE):
        for match in pattern.finditer(text):
            span = match.span()
            if _overlaps(span, taken) or not _usable(text, *span, blocked):
                continue
            value = parse_number(match.group(0))
            if value is not None:
                found.append(Quantity(span[0], span[1], value=value))
                taken.add(span)
    for match in _FRACTION.finditer(text):
        if _is_counted_share(text, match) and not _overlaps(match.span(), taken):
            found.append(Quantity(match.start(), match.end(), value=parse_number(match["part"])))
    return sorted(found, key=lambda q: q.start)


def _is_counted_share(text: str, match: re.Match) -> bool:
    part, whole = int(match["part"]), int(match["whole"])
    if not 0 < part <= whole or not _usable_edges(text, match.start(), match.end()):
        return False
    if _DATE_WORD_BEFORE.search(text, 0, match.start()):
        return False
    return not _FRACTION_NOT_FIGURE_AFTER.match(text, match.end())


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _NOT_QUANTITIES.finditer(text):
        if _THOUSANDS_NUMBER.fullmatch(match.group(0)) or _DOT_DECIMAL_PERCENT.match(
            text, match.start()
        ):
            continue
        spans.append(match.span())
    return spans


def _usable(text: str, start: int, end: int, blocked: _Spans) -> bool:
    return not _overlaps((start, end), blocked) and _usable_edges(text, start, end)


def _usable_edges(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 2) : start]
    # Glued to a word or a code on the left: "Covid-19", "T.Ư4", "số10".
    if before[-1:].isalnum() or re.search(r"\w[-/.]$", before):
        return False
    after = text[end : end + 3]
    # A code on the right: "05-CT/TW", "35 -NQ/TW", "176 - KL/TU"; or glued digits/letters.
    if re.match(r"\s*[-–]\s*[A-ZĐ]{2}", text[end : end + 8]):
        return False
    return not re.match(r"[/:]\d|\d", after)


class _Spans:
    """Non-overlapping spans, kept sorted, so that an overlap test is a binary search: a
    paragraph of thousands of figures (a damaged file's huge line) stays linear."""

    def __init__(self, spans: list[tuple[int, int]] | None = None):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for span in spans or []:
            self.add(span)

    def add(self, span: tuple[int, int]) -> None:
        at = bisect.bisect_left(self.starts, span[0])
        self.starts.insert(at, span[0])
        self.ends.insert(at, span[1])

    def overlaps(self, span: tuple[int, int]) -> bool:
        # The last span starting before this one ends is the only one that can overlap it
        # (the spans do not overlap each other, so their ends are sorted too).
        at = bisect.bisect_left(self.starts, span[1]) - 1
        return at >= 0 and self.ends[at] > span[0]


def _overlaps(span: tuple[int, int], spans: _Spans) -> bool:
    return spans.overlaps(span)
