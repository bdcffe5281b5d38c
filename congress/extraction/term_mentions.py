"""Where a report writes a local Party term (nhiệm kỳ), as "2015-2020".

A term is read where the text ties years to a term ("nhiệm kỳ 2015 – 2020", "NK 2015-2020",
"khóa XXV (2015 - 2020)"), and from "giai đoạn 2020 2025" only in a sentence about a
congress or term, since "giai đoạn" is also the word for five-year socio-economic plans
(2016-2020). A term whose nearest preceding organisation is another body (People's
Council, National Assembly, the central Party, mass organisations) is that body's and is
left out.
"""

from __future__ import annotations

import re

from .article import lowered, sentence_bounds
from .ordinals import ORDINAL_PATTERN, TERM_YEARS_PATTERN, format_term, term_years

# Matched on lower-cased text with new tone placement.
_TERM_KEYWORD_RE = re.compile(
    rf"(?:nhiệm\s+k[ỳì]|\bnk\b)\s*:?\s*\(?\s*{TERM_YEARS_PATTERN}", re.IGNORECASE
)
_PHASE_RE = re.compile(rf"giai\s+đoạn\s*:?\s*{TERM_YEARS_PATTERN}", re.IGNORECASE)
_ORDINAL_THEN_YEARS_RE = re.compile(
    rf"(?:khóa|khoá|lần\s+thứ)\s+{ORDINAL_PATTERN}\s*\(\s*{TERM_YEARS_PATTERN}\s*\)",
    re.IGNORECASE,
)
_CONGRESS_WORDS_RE = re.compile(r"đại\s+hội|\bđh\b|nhiệm\s+k[ỳì]")

# Organisations whose mention, the nearest before a term, decides whose term it is.
# A Party organisation named outright vouches even for a term off the five-year cycle;
# a bare "Đại hội" or "Ban Chấp hành" may be the national one's or a mass organisation's.
_LOCAL_PARTY = (
    r"đảng\s+bộ|đảng\s+ủy|cấp\s+ủy|(?:thị|huyện|quận|tỉnh|thành)\s+ủy|chi\s+bộ|đảng\s+các\s+cấp"
)
_CONGRESS_OR_COMMITTEE = r"đại\s+hội|\bđh\b|ban\s+chấp\s+hành|\bbch\b|ban\s+thường\s+vụ|\bbtv\b"
# State bodies and the national Party: their terms are never a local Party term.
_STATE_BODY = (
    r"hội\s+đồng\s+nhân\s+dân|hđnd|quốc\s+hội|bầu\s+cử|trung\s+ương|\btw\b|t\.ư|"
    r"toàn\s+quốc|chính\s+phủ|của\s+đảng(?!\s+(?:bộ|ủy))"
)
# Mass organisations: named beside the Party ("Đảng bộ, chính quyền, Mặt trận … nhiệm kỳ
# 2015-2020"), so their mention only rules out a term off the Party's five-year cycle
# (their own run 2017-2022, 2019-2024 …).
_MASS_BODY = (
    r"đoàn\s+thanh\s+niên|đoàn\s+tncs|hội\s+liên\s+hiệp|hội\s+lhpn|hội\s+nông\s+dân|"
    r"hội\s+cựu\s+chiến\s+binh|hội\s+ccb|công\s+đoàn|mặt\s+trận|mttq"
)
_ORG_RE = re.compile(
    rf"(?P<party>{_LOCAL_PARTY})|(?P<state>{_STATE_BODY})|(?P<mass>{_MASS_BODY})"
    rf"|(?P<congress>{_CONGRESS_OR_COMMITTEE})"
)
_LOOKBACK = 160  # characters before a term searched for its organisation


def _on_party_cycle(years: tuple[int, int]) -> bool:
    """Local Party terms open in years ending in 0 or 5 and last five years."""
    return years[0] % 5 == 0 and years[1] - years[0] == 5


def _belongs_to_other_body(low: str, pos: int, years: tuple[int, int]) -> bool:
    start, _ = sentence_bounds(low, pos)
    window = low[max(start, pos - _LOOKBACK) : pos]
    last = None
    for last in _ORG_RE.finditer(window):  # noqa: B007 - the last match is the nearest
        pass
    if last is not None and last.group("party"):
        return False
    if last is not None and last.group("state"):
        return True
    return not _on_party_cycle(years)


def term_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "2015-2020") for every local Party term written in ``text``."""
    low = lowered(text)
    found: list[tuple[int, int, str]] = []
    # Roman numerals must keep their capitals, so that pattern reads the original text.
    for regex, source in ((_TERM_KEYWORD_RE, low), (_ORDINAL_THEN_YEARS_RE, text)):
        for match in regex.finditer(source):
            years = term_years(match.group(1), match.group(2))
            if years and not _belongs_to_other_body(low, match.start(), years):
                found.append((match.start(), match.end(), format_term(years)))
    for match in _PHASE_RE.finditer(low):
        years = term_years(match.group(1), match.group(2))
        if not years or not _on_party_cycle(years):
            continue
        start, end = sentence_bounds(low, match.start())
        if not _CONGRESS_WORDS_RE.search(low, start, end):
            continue
        if not _belongs_to_other_body(low, match.start(), years):
            found.append((match.start(), match.end(), format_term(years)))
    return sorted(found)
