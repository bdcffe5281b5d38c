"""The term (nhiệm kỳ) and the year each figure of a report belongs to.

A congress report looks back on the ending term and ahead to the new one, so the term of
a figure comes from its context, not from the report as a whole:

- an explicit "nhiệm kỳ 2015 – 2020" (or "giai đoạn 2021-2025") sets the term for the
  text after it, until another mention;
- "nhiệm kỳ mới", "nhiệm kỳ tới" switch to the newest term of the report, and "nhiệm kỳ
  qua", "5 năm qua", "từ đầu nhiệm kỳ" to the term running when it was written (at a
  congress, the ending one);
- a figure for one year ("Năm 2021, …", "6 tháng đầu năm 2018") belongs to the term that
  contains that year, an earlier term of the same cycle if the report names none that does
  (a 2019 figure in a report on 2020-2025 belongs to 2015-2020);
- without any of these the term is unknown (None).

The year of a figure is the "năm 2018" before it in its sentence, else the year a sentence
of its paragraph opened with ("Trong năm 2020, …"), else the one year all such openings of
the report name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_TERM_MENTION = re.compile(
    r"(?:nhiệm kỳ|giai đoạn|khóa [ivxlc]+)\s*[:(]?\s*((?:19|20)\d{2})\s*[-–—]?\s*((?:19|20)\d{2})"
)
_NEW_TERM = re.compile(r"nhiệm kỳ (?:mới|tới|sau)|nhiệm kỳ \S+ tới")
_RUNNING_TERM = re.compile(
    r"nhiệm kỳ (?:vừa )?qua|từ đầu nhiệm kỳ|\b(?:\d+|năm) năm (?:vừa )?qua"
    r"|sau \d+ năm (?:triển khai )?thực hiện"
)
_PREVIOUS_TERM = re.compile(r"nhiệm kỳ trước")
_YEAR = re.compile(r"(?<![\w/])(?:năm |(?:quý [ivx1-4]+|tháng \d{1,2})\s*/\s*)((?:19|20)\d{2})\b")
# A year that opens a sentence frames what follows: "Năm 2021,", "Trong năm 2020,",
# "Hết năm 2018,", "Sáu tháng đầu năm 2018,". A bare "Trong năm," repeats the last one.
_YEAR_OPENING = re.compile(
    r"^[\W\d]{0,3}(?:(?:trong|hết|cuối|đầu|tính đến hết|đến hết|qua)\s+)?"
    r"(?:(?:\d+|sáu|chín|ba) tháng (?:đầu|cuối) )?"
    r"(?:năm(?: ((?:19|20)\d{2}))?|(?:quý [ivx1-4]+|tháng \d{1,2})\s*/\s*((?:19|20)\d{2}))\s*[,:]"
)


def term_label(start: int, end: int) -> str:
    return f"{start}-{end}"


def parse_terms(form: str) -> list[tuple[int, str]]:
    """Explicit term mentions in a search-form text: (offset, "2015-2020")."""
    found = []
    for match in _TERM_MENTION.finditer(form):
        start, end = int(match.group(1)), int(match.group(2))
        if 2 <= end - start <= 6:
            found.append((match.start(), term_label(start, end)))
    return found


@dataclass
class Timeline:
    """Where in the body each term and year applies."""

    term_events: list[tuple[int, str | None]] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)  # every term the report names, sorted
    report_year: int | None = None  # the one year all sentence openings name, if any

    def term_at(self, position: int, year: int | None) -> str | None:
        """The term at ``position`` of the body, for a figure of ``year`` (or None)."""
        current = None
        for offset, term in self.term_events:
            if offset > position:
                break
            current = term
        if year is None or (current and _contains(current, year)):
            return current
        holding = [t for t in self.terms if _contains(t, year)]
        if not holding and self.terms and year < _start(self.terms[0]):
            return _term_before(self.terms[0], year)
        if not holding:
            return current
        # A congress year ends one term and opens the next (2020 is in 2015-2020 and in
        # 2020-2025): its figures belong to the term that ran through it.
        later = holding[-1]
        return later if len(holding) == 1 or year > _start(later) else holding[0]


def _term_before(earliest: str, year: int) -> str:
    """The earlier term of the same cycle that ran through ``year``: a 2019 figure in a
    report that names only 2020-2025 belongs to 2015-2020."""
    start, length = _start(earliest), int(earliest[5:]) - _start(earliest)
    while year <= start:
        start -= length
    return term_label(start, start + length)


def build_timeline(form: str, known_terms: list[str], published_year: int | None) -> Timeline:
    """Term events over a whole body (search form)."""
    mentions = parse_terms(form)
    terms = sorted({t for _, t in mentions} | {t for t in known_terms if _valid(t)})
    timeline = Timeline(terms=terms)
    if not terms:
        return timeline
    newest = terms[-1]
    if published_year is not None:
        started = [t for t in terms if _start(t) <= published_year + 1]
        newest = started[-1] if started else terms[0]
    running = _previous(terms, newest) or newest
    if published_year is not None and _start(newest) < published_year:
        running = newest  # written in the middle of a term: it is the running one
    events: list[tuple[int, str | None]] = [(pos, term) for pos, term in mentions]
    events += [(m.start(), newest) for m in _NEW_TERM.finditer(form)]
    events += [(m.start(), running) for m in _RUNNING_TERM.finditer(form)]
    events += [(m.start(), _previous(terms, newest)) for m in _PREVIOUS_TERM.finditer(form)]
    timeline.term_events = sorted(events, key=lambda e: e[0])
    return timeline


def year_of(
    form: str, clause_start: int, position: int, openings: list[int], last_frame: int | None
) -> int | None:
    """The year of the figure at ``position``: a year before it in its clause, else the
    year the last sentence or clause of its paragraph opened with (``openings``)."""
    for match in reversed(list(_YEAR.finditer(form, clause_start, position))):
        before = form[max(clause_start, match.start() - 25) : match.start()]
        if re.search(r"(?:so với|từ)\s*(?:\S+\s+){0,3}$", before):
            continue  # "so với 6 tháng đầu năm 2017", "Từ năm 2017 đến nay"
        return int(match.group(1))
    frame = None
    for start in openings:
        if start > position:
            break
        opening = _YEAR_OPENING.match(form[start : start + 60])
        if opening:
            year = opening.group(1) or opening.group(2)
            frame = int(year) if year else (frame or last_frame)
    return frame


def frame_years(form: str, sentence_starts: list[int]) -> list[tuple[int, int]]:
    """(offset, year) of every sentence that opens with a year."""
    frames = []
    for start in sentence_starts:
        opening = _YEAR_OPENING.match(form[start : start + 60])
        if opening and (opening.group(1) or opening.group(2)):
            frames.append((start, int(opening.group(1) or opening.group(2))))
    return frames


def single_year(frames: list[tuple[int, int]]) -> int | None:
    years = Counter(year for _, year in frames)
    return next(iter(years)) if len(years) == 1 else None


def _valid(term: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{4}", term or ""))


def _start(term: str) -> int:
    return int(term[:4])


def _contains(term: str, year: int) -> bool:
    return int(term[:4]) <= year <= int(term[5:])


def _previous(terms: list[str], term: str) -> str | None:
    before = [t for t in terms if int(t[5:]) <= _start(term) and t != term]
    if before:
        return before[-1]
    start = _start(term)
    return term_label(start - 5, start)
