"""Step 4b: the Party congresses a report names, one per (unit, ordinal).

Mentions come from :mod:`congress_mentions`. Each is tied to a unit of the report (a
generic "Đảng bộ phường" is the report's own ward), then given a term: the one written
next to it, else one implied by another congress of the same unit (consecutive congresses
are five years apart), else the year it was held, else the term of its sentence or of the
report. Committee mentions ("Quận ủy khóa XXV") only count for the report's own unit and
only add a congress when the report names no congress of that unit outright: the outgoing
committee ("BCH Đảng bộ khóa VI") is not news about congress VI.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .article import article_text, lowered, sentence_bounds
from .congress_mentions import (
    COMMITTEE_ADMIN,
    Mention,
    admin_word,
    committee_mentions,
    congress_mentions,
    is_generic,
    unit_phrases,
)
from .ordinals import format_term, parse_term
from .records import CleanReport, CongressRef, ReportMetadata, UnitRef
from .term_mentions import term_mentions
from .text import fold

_TERM_YEARS = 5
_BASE_ADMINS = ("phường", "xã", "thị trấn", "khối")  # units whose committee is an "Đảng ủy"


@dataclass
class _Congress:
    unit: str
    ordinal: int
    first: int  # position of the first mention, for output order
    explicit_term: str | None = None
    sentence_terms: list[str] = field(default_factory=list)
    held_on: date | None = None
    delegates: int | None = None
    members: int | None = None
    committee_only: bool = True
    term: str | None = None
    inferred: bool = False


# ---- units -------------------------------------------------------------------------------


def _unit_admin(unit: UnitRef) -> str | None:
    if unit.kind == "bloc":
        return "khối"
    if unit.admin_type:
        return unit.admin_type.lower()
    return admin_word(unit.locality or "") or admin_word(unit.name)


def _same_unit(phrase: str, unit: UnitRef) -> bool:
    key = fold(phrase)
    names = [fold(unit.name)]
    if unit.locality:
        names.append(fold(f"Đảng bộ {unit.locality}"))
    return any(key == n or n.startswith(key + " ") or key.startswith(n + " ") for n in names)


def _dominant_admin(text: str) -> str | None:
    """The level the report mostly speaks of, from its committee words ("Quận ủy" …)."""
    low = lowered(text)
    counts: Counter[str] = Counter()
    for committee, admin in COMMITTEE_ADMIN.items():
        counts[admin] += len(re.findall(rf"\b{committee}\b", low))
    for match in re.finditer(r"đảng (?:ủy|bộ) (phường|xã|thị trấn|khối)\b", low):
        counts[match.group(1)] += 1
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] else None


class _UnitResolver:
    """Names the unit a mention is about, or None when it is not one of the report's."""

    def __init__(self, units: list[UnitRef], text: str) -> None:
        self.units = units
        self.primary = next((u for u in units if u.primary), units[0] if units else None)
        self.own_admin = _unit_admin(self.primary) if self.primary else _dominant_admin(text)
        # Units the text names in full, most often named first: what "Đảng bộ phường" means.
        named = Counter(p for p in unit_phrases(text) if not is_generic(p))
        self.named = [name for name, _ in named.most_common()]

    def _for_admin(self, admin: str | None) -> str | None:
        if admin is None:
            return self.primary.name if self.primary else (self.named[0] if self.named else None)
        for unit in sorted(self.units, key=lambda u: not u.primary):
            if _unit_admin(unit) == admin:
                return unit.name
        for name in self.named:
            if admin_word(name) == admin:
                return name
        primary = self.primary
        if primary and primary.parent and admin_word(primary.parent) == admin:
            return f"Đảng bộ {primary.parent}"
        if primary and admin == "tỉnh" and primary.province:
            return f"Đảng bộ tỉnh {primary.province}"
        return None

    def resolve(self, mention: Mention) -> str | None:
        phrase = mention.unit
        if phrase and not is_generic(phrase):
            own = next((u.name for u in self.units if _same_unit(phrase, u)), None)
            if mention.committee:
                is_own = own is not None and own == (self.primary.name if self.primary else None)
                if not is_own and not (not self.units and mention.admin == self.own_admin):
                    return None
            return own or phrase
        base_committee = mention.admin == "cơ sở" and self.own_admin in _BASE_ADMINS
        if (
            mention.committee
            and self.own_admin
            and mention.admin not in (None, self.own_admin)
            and not base_committee
        ):
            return None  # "Thành ủy khóa XVI": the committee of the city above
        admin = None if mention.admin == "cơ sở" else mention.admin
        name = self._for_admin(admin)
        if name is None and not self.units:
            # Nothing to resolve against: keep the generic name ("Đảng bộ quận").
            return _generic_name(admin)
        return name


def _generic_name(admin: str | None) -> str:
    if admin is None:
        return "Đảng bộ"
    return f"Đảng bộ {'Khối' if admin == 'khối' else admin}"


# ---- dates and delegates -----------------------------------------------------------------

_DATE_RE = re.compile(
    r"(?:(?P<lead>ngày|sáng|chiều|tối|trưa|hôm\s+nay)\s+(?:nay\s+)?(?:ngày\s+)?)?"
    r"(?P<day>\d{1,2})(?:\s*(?:,|và|đến|-|–)\s*(?:ngày\s+)?\d{1,2})*?"
    r"(?:\s*[-/.]\s*(?P<month>\d{1,2})(?:\s*[-/.]\s*(?P<year>\d{4}))?"
    r"|\s+tháng\s+(?P<month2>\d{1,2})(?:\s+năm\s+(?P<year2>\d{4}))?)(?!\d)",
    re.IGNORECASE,
)
_HOLDING_RE = re.compile(r"tiến\s+hành|tổ\s+chức|khai\s+mạc|diễn\s+ra|bế\s+mạc|họp")
_DOCUMENT_BEFORE = re.compile(
    r"(?:chỉ\s+thị|nghị\s+quyết|quyết\s+định|kế\s+hoạch|hướng\s+dẫn|thông\s+báo|công\s+văn|"
    r"kết\s+luận|quy\s+định|/\w+)[^.;]{0,20}$"
)
_NUMBER = r"\d{1,3}(?:\.\d{3})*|\d+"
_DELEGATES_RE = re.compile(
    rf"(?<![\d.,])({_NUMBER})\s+đại\s+biểu(?=(?:\s+chính\s+thức)?\s*,?\s*(?:đại\s+diện|thay\s+mặt|"
    r"(?:về\s+|tới\s+|đến\s+)?(?:tham\s+)?dự\s+(?:đại\s+hội|đh)))"
    rf"|(?:tham\s+dự\s+của|đại\s+hội\s+có|đh\s+có)\s+({_NUMBER})\s+đại\s+biểu",
    re.IGNORECASE,
)
_MEMBERS_RE = re.compile(
    r"đại\s+biểu(?:\s+chính\s+thức)?\s*,?\s*(?:đại\s+diện|thay\s+mặt)\s+(?:cho\s+)?"
    rf"(?:hơn|gần|trên|khoảng|của)?\s*({_NUMBER})\s+đảng\s+viên",
    re.IGNORECASE,
)
_DELEGATE_REACH = 400  # characters back from the figures to the congress they describe


def _count(text: str | None) -> int | None:
    return int(text.replace(".", "")) if text else None


def _congress_date(text: str, low: str, pos: int, default_year: int | None) -> date | None:
    start, end = sentence_bounds(text, pos)
    if not _HOLDING_RE.search(low, start, end):
        return None
    for match in _DATE_RE.finditer(text, start, end):
        if _DOCUMENT_BEFORE.search(low[max(start, match.start() - 40) : match.start()]):
            continue
        year = match.group("year") or match.group("year2")
        if not (match.group("lead") or year):
            continue  # a bare "4-8" may be anything; a date needs "ngày" or its year
        day = int(match.group("day"))
        month = int(match.group("month") or match.group("month2"))
        year = int(year) if year else default_year
        if year is None:
            continue
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


# ---- terms -------------------------------------------------------------------------------


def _shift(term: str, congresses: int) -> str | None:
    years = parse_term(term)
    if not years:
        return None
    return format_term((years[0] + _TERM_YEARS * congresses, years[1] + _TERM_YEARS * congresses))


def _term_of_year(year: int) -> str:
    """The term a congress held in ``year`` opens: 2015 -> 2015-2020, 2019 -> 2020-2025."""
    start = year - year % 5 if year % 5 <= 2 else year + 5 - year % 5
    return format_term((start, start + _TERM_YEARS))


def _assign_terms(
    congresses: list[_Congress], report_terms: list[str], published_year: int | None
) -> None:
    for c in congresses:
        c.term = c.explicit_term
    by_unit: dict[str, list[_Congress]] = {}
    for c in congresses:
        by_unit.setdefault(c.unit, []).append(c)
    for group in by_unit.values():
        anchors = [c for c in group if c.term]
        for c in group:
            if c.term:
                continue
            c.inferred = True
            if anchors:
                anchor = min(anchors, key=lambda a: abs(a.ordinal - c.ordinal))
                c.term = _shift(anchor.term, c.ordinal - anchor.ordinal)
            elif c.held_on:
                c.term = _term_of_year(c.held_on.year)
            elif c.sentence_terms:
                c.term = c.sentence_terms[0]
            elif len(report_terms) == 1:
                c.term = report_terms[0]
            elif published_year:
                c.term = _term_of_year(published_year - published_year % 5)


def _plausible(congresses: list[_Congress], reference_year: int | None) -> list[_Congress]:
    """Drop inferred congresses far in the future or clashing with a written one.

    Such clashes come from typing slips ("lần thứ XII" for "VII" in the same article).
    """
    written = {(c.unit, c.term) for c in congresses if not c.inferred}
    kept = []
    for c in congresses:
        years = parse_term(c.term) if c.term else None
        if c.inferred and years:
            if reference_year and years[0] > reference_year + _TERM_YEARS:
                continue
            if (c.unit, c.term) in written:
                continue
        kept.append(c)
    return kept


# ---- the step ----------------------------------------------------------------------------


def extract_congresses(
    report: CleanReport, units: list[UnitRef], terms: list[str], metadata: ReportMetadata
) -> list[CongressRef]:
    """The local Party congresses the report names, in order of first mention."""
    text = article_text(report, metadata.title)
    low = lowered(text)
    published_year = metadata.published_at.year if metadata.published_at else None
    congress_list = congress_mentions(text)
    committee_list = committee_mentions(text)
    resolver = _UnitResolver(units, text)

    found: dict[tuple[str, int], _Congress] = {}
    mentions_by_position: list[tuple[int, _Congress]] = []
    for mention in sorted(congress_list + committee_list, key=lambda m: m.start):
        if mention.unit is None and _national_congress(mention, published_year):
            continue
        unit = resolver.resolve(mention)
        if unit is None:
            continue
        key = (fold(unit), mention.ordinal)
        congress = found.setdefault(key, _Congress(unit, mention.ordinal, mention.start))
        congress.committee_only &= mention.committee
        congress.explicit_term = congress.explicit_term or mention.term
        start, end = sentence_bounds(text, mention.start)
        for term in _sentence_terms(text, start, end, mention.start):
            if term not in congress.sentence_terms:
                congress.sentence_terms.append(term)
        if not mention.committee:
            # "Chiều 20/7": the year is the publication's, or the one the term opens.
            term_years = parse_term(mention.term) if mention.term else None
            default_year = published_year or (term_years[0] if term_years else None)
            congress.held_on = congress.held_on or _congress_date(
                text, low, mention.start, default_year
            )
            mentions_by_position.append((mention.start, congress))

    for regex, field_name in ((_DELEGATES_RE, "delegates"), (_MEMBERS_RE, "members")):
        for match in regex.finditer(text):
            congress = _congress_near(text, match.start(), mentions_by_position)
            number = _count(next(g for g in match.groups() if g))
            if congress and getattr(congress, field_name) is None:
                setattr(congress, field_name, number)

    congresses = list(found.values())
    outright = {c.unit for c in congresses if not c.committee_only}
    congresses = [c for c in congresses if not c.committee_only or c.unit not in outright]
    _assign_terms(congresses, terms, published_year)
    reference_year = published_year or _latest_year(congresses, terms)
    congresses = _plausible(congresses, reference_year)
    congresses.sort(key=lambda c: c.first)
    return [
        CongressRef(
            unit=c.unit,
            ordinal=c.ordinal,
            term=c.term,
            date=c.held_on.isoformat() if c.held_on else None,
            delegates=c.delegates,
            members=c.members,
        )
        for c in congresses
    ]


def _sentence_terms(text: str, start: int, end: int, pos: int) -> list[str]:
    """The terms of the sentence around a mention, nearest first."""
    spans = term_mentions(text[start:end])
    spans.sort(key=lambda s: abs(start + s[0] - pos))
    return [term for _, _, term in spans]


def _national_congress(mention: Mention, published_year: int | None) -> bool:
    """ "Đại hội lần thứ XIII" with no unit, in the years the XIIIth national congress is
    prepared for and its resolution carried out (national congresses meet every five years
    since the VIth in 1986). A bare "Đại hội XIII" with no year to judge by counts as
    national too: that is how the press names the national congress.
    """
    years = parse_term(mention.term) if mention.term else None
    year = years[0] if years else published_year
    if year is None:
        return mention.bare
    national_year = 1986 + _TERM_YEARS * (mention.ordinal - 6)
    return mention.ordinal >= 6 and national_year - 2 <= year <= national_year + _TERM_YEARS


def _congress_near(text: str, pos: int, mentions: list[tuple[int, _Congress]]) -> _Congress | None:
    """The congress named last before ``pos``, or else first after it in its sentence."""
    before = [c for at, c in mentions if 0 <= pos - at < _DELEGATE_REACH]
    if before:
        return before[-1]
    _, sentence_end = sentence_bounds(text, pos)
    after = [c for at, c in mentions if pos < at < sentence_end]
    return after[0] if after else None


def _latest_year(congresses: list[_Congress], terms: list[str]) -> int | None:
    years = [c.held_on.year for c in congresses if c.held_on]
    years += [y[0] for t in terms if (y := parse_term(t))]
    return max(years) if years else None
