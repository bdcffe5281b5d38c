"""Step 6: every target and result the report states, with numbers and units of measure.

A pipeline of small steps over the body, paragraph by paragraph:

1. split into sentences and clauses (``sentences``);
2. find the figures of each clause (``numbers``) and keep those that measure something:
   a unit after them (``measures``), no label or date before them (``exclusions``);
3. cut the clause into one segment per figure and read its subject, verb and noun
   (``subjects``), its comparator ("trên", "trở lên", a range) and its unit;
4. decide target or result (``kinds``), the field (``categories``), and the term and
   year (``timeframes``).

Every quote is an exact substring of the body, so of the raw report too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime

from . import measures
from .categories import categorize
from .exclusions import (
    is_label,
    is_place,
    is_site_counter,
    is_total_of_breakdown,
    is_vote,
)
from .kinds import (
    RESULT,
    closing_mode,
    is_section_heading,
    kind_events,
    kind_of,
    section_mode,
)
from .measures import Unit, read_unit
from .numbers import Quantity, find_quantities
from .records import CleanReport, IndicatorRef
from .sentences import clauses, paragraphs, search_form, sentences
from .subjects import (
    ACTION,
    ACTION_VERBS,
    Head,
    action_name,
    clean_name,
    indicator_key,
    split_head,
    subject_is_owner,
)
from .timeframes import build_timeline, frame_years, single_year, year_of

# Before a figure with a unit outside the lexicon, one of these verbs must stand right
# there: "tổ chức được 52 diễn đàn" is a result, "nhất trí với 3 dự thảo" is not.
_ACTION_BEFORE = re.compile(rf"(?<![\w])(?:{ACTION_VERBS})(?:\s+(?:được|thêm|mới|tổng cộng))?\s*$")
_COMPARATORS_BEFORE = (
    (re.compile(r"(?:không dưới|ít nhất|tối thiểu|không thấp hơn)\s*$"), "ge"),
    (re.compile(r"(?:không quá|tối đa|gần)\s*$"), "le"),
    (re.compile(r"(?<![\w])(?:trên|hơn)\s*$"), "gt"),
    (re.compile(r"(?<![\w])dưới\s*$"), "lt"),
    (re.compile(r"(?<![\w])từ\s*$"), "ge"),
)
_COMPARATORS_AFTER = ((re.compile(r"trở lên"), "ge"), (re.compile(r"trở xuống"), "le"))
# Where one segment of a clause ends and the next begins between two figures.
_SEGMENT_BREAK = re.compile(r",|\s(?:và|trong đó|trong số đó)\s")
# Words that start a new predicate after a figure: its noun phrase ends there.
_NEW_PREDICATE = re.compile(
    r"(?<![\w])(?:sẽ|đã|đang|góp phần|nhằm|để|với nhiều|qua đó|từ đó|tạo|giúp|trong khi)(?![\w])"
)
# A verb or preposition that opens the segment of a second figure with no comma before it.
_LINK_BEFORE = re.compile(rf"(?<![\w])(?:đại diện cho|cho|gồm|với|và|{ACTION_VERBS})(?![\w])")
# Verbs that continue the change of the figure before: "giảm từ 1.250 xuống còn 320".
_CHANGE_GOES_ON = ("xuống", "còn", "lên")
# What a percentage is measured against: "đạt 104% chỉ tiêu", "bằng 112% dự toán".
_REFERENCE = re.compile(
    r"\s*((?:chỉ tiêu|dự toán|kế hoạch|cùng kỳ|nghị quyết)(?: (?:năm|huyện|tỉnh|thành phố)"
    r"(?: \d{4})?| giao| đề ra)?)"
)
# The starting point of a change is no figure of its own: "giảm từ 1.250 hộ xuống còn".
_CHANGE_START = re.compile(r"\s*(?:xuống|lên)(?:\s|$)")
# A conjunction left at the end of a tail belongs to the next figure: "98% đảng viên và".
_DANGLING_END = re.compile(r"[\s,]+(?:và|hoặc|hay|cùng)$")
# A rate named after its figure: "mỗi năm giảm 1,5 - 2% tỷ lệ hộ nghèo".
_RATE_AFTER = re.compile(r"\s*(?:t[ỷỉ] lệ|số)\s+\S", re.IGNORECASE)
_MAX_HEAD = 110  # characters of context kept before a figure in a quote
_MAX_TAIL = 110


@dataclass
class _Figure:
    """A figure kept as an indicator candidate, with everything read around it."""

    quantity: Quantity
    unit: Unit
    clause: tuple[int, int]
    sentence: tuple[int, int]
    segment_start: int = 0
    segment_end: int = 0
    head: Head | None = None


def extract_indicators(
    report: CleanReport, *, terms: list[str], published_at: datetime | None
) -> list[IndicatorRef]:
    body = report.body or ""
    form = search_form(body)
    published_year = published_at.year if published_at else _year_in_header(report)
    timeline = build_timeline(form, list(terms or []), published_year)
    openings = _openings(body)
    frames = frame_years(form, openings)
    timeline.report_year = single_year(frames)
    found: list[tuple[IndicatorRef, int]] = []
    list_mode: str | None = None  # the mode a list heading ("… là:") opened
    section: str | None = None  # the mode a section heading ("PHƯƠNG HƯỚNG…") set
    for paragraph in paragraphs(body):
        events = kind_events(form, *paragraph)
        if list_mode and not _is_list_item(body, paragraph):
            list_mode = None
        if is_section_heading(body[slice(*paragraph)]):
            section = section_mode(form[slice(*paragraph)]) or section
        found += _paragraph_indicators(
            body,
            form,
            paragraph,
            timeline,
            frames,
            openings,
            events,
            list_mode or section or RESULT,
        )
        if body[paragraph[1] - 1] == ":":
            list_mode = closing_mode(events)
    return _without_repeats(found)


_LIST_MARK = re.compile(r"(?:[-–—+•*●▪·]|\d{1,2}[.)]|[a-zđ][.)])\s")
LIST_ITEM_CHARS = 200


def _is_list_item(body: str, paragraph: tuple[int, int]) -> bool:
    """A line of a list under a heading: marked ("- ", "2. ", "b) "), or short (pages
    copied without their bullets keep one item per line)."""
    start, end = paragraph
    return bool(_LIST_MARK.match(body, start)) or end - start <= LIST_ITEM_CHARS


def _openings(body: str) -> list[int]:
    """Starts of every sentence and clause: where a year can open a frame."""
    starts = set()
    for paragraph in paragraphs(body):
        for sentence in sentences(body, *paragraph):
            starts.update(start for start, _ in clauses(body, *sentence))
    return sorted(starts)


def _paragraph_indicators(
    body, form, paragraph, timeline, frames, openings, events, initial_kind
) -> list:
    heading = _heading(body, paragraph)
    # openings is sorted: a slice, not a scan of the whole report per paragraph
    paragraph_openings = openings[
        bisect_left(openings, paragraph[0]) : bisect_left(openings, paragraph[1])
    ]
    found = []
    for sentence in sentences(body, *paragraph):
        previous: IndicatorRef | None = None
        last_frame = next((year for start, year in reversed(frames) if start < sentence[0]), None)
        for clause in clauses(body, *sentence):
            figures = _figures(body, form, clause, sentence)
            _cut_segments(body, form, figures)
            for figure in figures:
                year = year_of(
                    form, clause[0], figure.quantity.start, paragraph_openings, last_frame
                )
                year = year or timeline.report_year
                indicator = _indicator(body, form, figure, events, heading, previous, initial_kind)
                indicator.year = year
                indicator.term = timeline.term_at(figure.quantity.start, year)
                found.append((indicator, sentence[0]))
                previous = indicator
    return found


def _heading(body: str, paragraph: tuple[int, int]) -> str:
    """ "Chỉ tiêu về văn hóa, xã hội, môi trường: …" -> its heading, for the category."""
    colon = body.find(":", paragraph[0], min(paragraph[1], paragraph[0] + 80))
    return body[paragraph[0] : colon] if colon > 0 else ""


def _figures(body, form, clause, sentence) -> list[_Figure]:
    """The figures of a clause that measure something."""
    kept = []
    text = body[clause[0] : clause[1]]
    compounds = measures.compound_amounts(text)
    for amount in compounds:
        quantity = Quantity(amount.start + clause[0], amount.end + clause[0], amount.value)
        unit = Unit(amount.unit.name, amount.unit.kind, amount.unit.end + clause[0])
        kept.append(_Figure(quantity, unit, clause, sentence))
    for local in find_quantities(text):
        if any(a.start <= local.start < a.unit.end for a in compounds):
            continue  # a part of "12 tỷ 500 triệu đồng"
        quantity = Quantity(
            local.start + clause[0], local.end + clause[0], local.value, local.low, local.high
        )
        unit = read_unit(body, quantity.end)
        if unit is None or unit.end > clause[1] or not _measures(form, quantity, unit, clause):
            continue
        if re.search(r"(?<![\w])từ\s*$", form[clause[0] : quantity.start]) and (
            _CHANGE_START.match(form, unit.end)
        ):
            continue
        kept.append(_Figure(quantity, unit, clause, sentence))
    return sorted(kept, key=lambda figure: figure.quantity.start)


def _measures(form: str, quantity: Quantity, unit: Unit, clause: tuple[int, int]) -> bool:
    if unit.kind in (measures.TIME, measures.TITLE) or is_label(form, quantity.start, quantity.end):
        return False
    if is_vote(form, unit.end) or is_site_counter(form, quantity.end):
        return False
    if is_total_of_breakdown(form, quantity.start):
        return False
    if unit.kind == measures.PLACE and is_place(form, quantity.start):
        return False
    if unit.kind == measures.GENERIC:
        return bool(_ACTION_BEFORE.search(form[clause[0] : quantity.start]))
    return True


def _cut_segments(body: str, form: str, figures: list[_Figure]) -> None:
    """Give each figure of a clause its own stretch of text: head, figure, tail."""
    for index, figure in enumerate(figures):
        start = figure.clause[0]
        if index > 0:
            start = _segment_break(form, figures[index - 1].unit.end, figure.quantity.start)
        if figure.quantity.start - start > _MAX_HEAD:
            comma = form.rfind(",", start, figure.quantity.start - 20)
            start = comma + 1 if comma > 0 else start
        figure.segment_start = start
        figure.head = split_head(body, form, start, figure.quantity.start)
    for index, figure in enumerate(figures):
        end = figure.clause[1]
        if index + 1 < len(figures):
            end = figures[index + 1].segment_start
        end = _tail_end(body, form, figure, end)
        figure.segment_end = end


def _segment_break(form: str, previous_end: int, figure_start: int) -> int:
    """Where the segment of a figure starts, after the figure before it in its clause."""
    breaks = list(_SEGMENT_BREAK.finditer(form, previous_end, figure_start))
    if breaks:
        return breaks[-1].end()
    # "Tổ chức 10 hội nghị báo cáo viên cho 1.210 lượt": the verb or preposition before
    # the second figure opens its segment.
    verb = list(_LINK_BEFORE.finditer(form, previous_end, figure_start))
    return verb[-1].start() if verb else previous_end


def _tail_end(body: str, form: str, figure: _Figure, limit: int) -> int:
    """The end of what a figure's words run on to: the noun after it, a comparison."""
    start = figure.unit.end
    number_first = not figure.head.subject and figure.head.verb.lower() in ("", "có")
    if not number_first or figure.unit.kind != measures.PERCENT:
        comma = form.find(",", start, limit)  # "100% khu phố, cơ quan, trường học …" runs on
        limit = comma if comma >= 0 else limit
    predicate = _NEW_PREDICATE.search(form, start, limit)
    limit = predicate.start() if predicate else limit
    if limit - start > _MAX_TAIL:
        space = body.rfind(" ", start, start + _MAX_TAIL)
        limit = space if space > start else limit
    while limit > start and not (body[limit - 1].isalnum() or body[limit - 1] in '%”")'):
        limit -= 1
    dangling = _DANGLING_END.search(form, start, limit)
    return dangling.start() if dangling else limit


def _indicator(
    body, form, figure: _Figure, events, heading, previous, initial_kind
) -> IndicatorRef:
    quantity, unit, head = figure.quantity, figure.unit, figure.head
    tail = body[unit.end : figure.segment_end]
    noun = body[quantity.end : figure.segment_end].strip()  # "đảng viên trong doanh nghiệp"
    name = _name(head, noun, tail, unit, previous) or clean_name(noun) or unit.name
    unit_name = _unit_name(form, figure, previous)
    quote_start = head.subject_start if head.subject else figure.segment_start
    quote_start = _skip_spaces(body, quote_start)
    return IndicatorRef(
        quote=body[quote_start : figure.segment_end],
        name=name,
        kind=kind_of(form, figure.clause[0], quantity.start, events, initial_kind),
        term=None,
        year=None,
        value=quantity.value,
        low=quantity.low,
        high=quantity.high,
        comparator=_comparator(form, figure),
        unit=unit_name,
        category=categorize(
            name,
            unit_name,
            sentence=body[slice(*figure.sentence)],
            heading=heading,
            clause=body[slice(*figure.clause)],
        ),
        start=quote_start,
        key=indicator_key(name),
    )


# A subject that only says who attended: the count is the congress's delegates.
_ATTENDING = re.compile(r"(?:về |đến )?(?:tham dự|dự)(?: đại hội| hội nghị)?|")


def _name(head: Head, noun: str, tail: str, unit: Unit, previous: IndicatorRef | None) -> str:
    """The indicator's subject in clean form; see ``subjects`` for the shapes."""
    countable = unit.kind not in (measures.PERCENT, measures.MONEY, measures.PHYSICAL)
    if head.verb_kind == ACTION:
        return action_name(head.verb, noun if countable else tail.strip())
    if unit.name == "đại biểu" and _ATTENDING.fullmatch(head.subject.lower()):
        return "Đại biểu dự Đại hội"  # "Tham dự có 350 đại biểu", "Dự Đại hội có 245 đại biểu"
    if head.subject and not subject_is_owner(head.subject):
        return head.subject  # "Tỷ lệ hộ nghèo chiếm 1,28%"
    if not head.subject and unit.kind == measures.PERCENT and _RATE_AFTER.match(tail):
        return clean_name(tail)  # "giảm 1,5 - 2% tỷ lệ hộ nghèo"
    if head.subject and countable:
        return clean_name(f"Số {noun}")  # "Đảng bộ … có 11 chi bộ" -> "Số chi bộ"
    verb = head.verb.lower().split()
    if not verb or verb == ["có"]:  # the figure opens its words: "97% hộ gia đình …"
        if unit.kind == measures.PERCENT and tail.strip(" /"):
            tail = re.sub(r"\s+(?:trở lên|trở xuống)(?![\w])", "", tail)  # a comparator
            return clean_name(re.sub(r"^\s*/\s*\S+", "", tail))
        if countable and noun:
            if not verb and previous is not None and previous.name.startswith("Số "):
                return clean_name(f"Số {noun}")  # "có 11 chi bộ, 430 đảng viên"
            return clean_name(noun)
    counted = read_unit(" " + tail.strip(), 0) if tail.strip() else None
    if unit.kind == measures.PERCENT and counted is not None and counted.kind == measures.COUNT:
        return clean_name(f"{head.verb} {tail.strip()}")  # "…, giảm 100% hộ nghèo"
    if previous is not None:  # "…, vượt so với chỉ tiêu đề ra 16%-17%" continues it
        if re.search(r"(?:đề ra|đặt ra)$", head.verb.lower()) or verb[:1] in (
            [w] for w in _CHANGE_GOES_ON
        ):
            return previous.name  # "… giảm từ 1.250 hộ xuống còn 320 hộ"
        reference = _REFERENCE.match(tail)
        if unit.kind == measures.PERCENT and reference:  # "…, đạt 104% chỉ tiêu"
            return clean_name(f"{previous.name} so với {reference.group(1)}")
        if unit.kind == measures.PERCENT and re.match(
            r"(?:chiếm|đạt tỷ lệ|đạt tỉ lệ)", head.verb.lower()
        ):
            return clean_name("Tỷ lệ " + re.sub(r"^Số\s+", "", previous.name).lower())
        comparison = re.search(r"so với.*", tail)
        return clean_name(
            " ".join(
                [previous.name, head.verb.lower()] + ([comparison.group(0)] if comparison else [])
            )
        )
    return clean_name(head.verb) if len(verb) > 1 else clean_name(noun or unit.name)


def _unit_name(form: str, figure: _Figure, previous: IndicatorRef | None) -> str:
    name = figure.unit.name
    sentence = form[figure.sentence[0] : figure.sentence[1]]
    if name == "quần chúng" and re.search(r"kết nạp|vào đảng", sentence):
        return "đảng viên"  # "kết nạp 62 quần chúng ưu tú vào Đảng" counts new members
    # A target quoted against a result ("…tăng 26,68%/năm, vượt so với chỉ tiêu đề ra
    # 16%-17%") is in the result's unit.
    compared = re.search(r"so với|vượt", form[figure.segment_start : figure.quantity.start])
    if previous is not None and name == "%" and previous.unit.startswith("%/") and compared:
        return previous.unit
    return name


def _comparator(form: str, figure: _Figure) -> str:
    quantity = figure.quantity
    if quantity.is_range:
        return "range"
    before = form[figure.segment_start : quantity.start]
    for pattern, comparator in _COMPARATORS_BEFORE:
        if pattern.search(before):
            return comparator
    after = form[figure.unit.end : figure.segment_end]
    for pattern, comparator in _COMPARATORS_AFTER:
        if pattern.search(after):
            return comparator
    return "eq"


def _without_repeats(found: list[tuple[IndicatorRef, int]]) -> list[IndicatorRef]:
    """Drop a count a report restates in a later sentence ("Đảng bộ Khối có 95 TCCSĐ"
    after "… 95 tổ chức cơ sở đảng trực thuộc"). Percentages repeat by nature (100%)."""
    first_sentence: dict[tuple, int] = {}
    kept = []
    for indicator, sentence_start in found:
        numbers = (indicator.value, indicator.low, indicator.high)
        signature = (indicator.kind, numbers, indicator.unit, indicator.term, indicator.year)
        seen_in = first_sentence.setdefault(signature, sentence_start)
        if indicator.unit.startswith("%") or seen_in == sentence_start:
            kept.append(indicator)
    return kept


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in " ,;:":
        position += 1
    return position


_HEADER_DATE = re.compile(r"\b\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*((?:19|20)\d{2})\b")


def _year_in_header(report: CleanReport) -> int | None:
    """The year of the first date near the top of the raw report, when metadata has none."""
    for line in (report.raw or "").split("\n")[:8]:
        match = _HEADER_DATE.search(line)
        if match:
            return int(match.group(1))
    return None
