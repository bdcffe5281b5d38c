"""Congress ordinals and term years: "VII" / "7" -> 7, "2015 – 2020" -> (2015, 2020).

Reports number congresses and committees in Roman ("lần thứ VIII", "khóa XXV") or Arabic
("Đại hội 25", "khóa 25") numerals; terms are year pairs written with any dash, or none.
"""

from __future__ import annotations

import re

from .roman import from_roman

MAX_ORDINAL = 60  # no Party organisation has held more congresses than this

# An ordinal as written in a sentence: a Roman numeral in capitals or a small number.
ORDINAL_PATTERN = r"(?:(?-i:[IVXLC]+)|\d{1,2})(?![\w])"

DASHES = "-–—‐‑−"
YEAR_PATTERN = r"(?:19[4-9]\d|20\d\d)"
# "2015 – 2020", "2015-2020", "2020 2025", "2015-20"
TERM_YEARS_PATTERN = rf"({YEAR_PATTERN})\s*(?:[{DASHES}]\s*|\s+)(\d{{4}}|\d{{2}})(?!\d)"
_TERM_YEARS_RE = re.compile(TERM_YEARS_PATTERN)


def roman_to_int(text: str) -> int | None:
    """ "XXV" -> 25; None unless written in capitals as a canonical Roman numeral."""
    return from_roman(text) if text and text.isupper() else None


def parse_ordinal(text: str) -> int | None:
    """A congress number from "VII", "7" or "07"; None when implausible."""
    text = (text or "").strip()
    value = int(text) if text.isdigit() else roman_to_int(text)
    if value is None or not 1 <= value <= MAX_ORDINAL:
        return None
    return value


def term_years(start: str, end: str) -> tuple[int, int] | None:
    """Validated (start, end) from two year strings; "20" after 2015 reads as 2020."""
    try:
        first = int(start)
        last = int(end)
    except ValueError:
        return None
    if len(end) == 2:
        last += first - first % 100
    # Party and council terms run two to six years ("2006-2010", "2015-2020").
    if not 2 <= last - first <= 6:
        return None
    return first, last


def parse_term(text: str) -> tuple[int, int] | None:
    """The first term in ``text``: "nhiệm kỳ 2015 – 2020" -> (2015, 2020)."""
    match = _TERM_YEARS_RE.search(text or "")
    return term_years(match.group(1), match.group(2)) if match else None


def format_term(years: tuple[int, int]) -> str:
    return f"{years[0]}-{years[1]}"


def term_for_year(year: int, terms: list[str]) -> str | None:
    """The term among ``terms`` ("2015-2020") that covers ``year``.

    A year that ends one term and opens the next (2020 in 2015-2020 and 2020-2025)
    belongs to the term ending then: a term's plan runs from the year after its congress
    to the year of the next one (the 2015 congress plans 2016-2020).
    """
    spans = [(years, term) for term in terms if (years := parse_term(term))]
    for (first, last), term in spans:
        if first < year <= last:
            return term
    for (first, _), term in spans:
        if first == year:
            return term
    return None
