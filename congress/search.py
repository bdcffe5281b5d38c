"""All search code: folded text, query parsing, the two backends, suggestions, highlighting.

Every searchable row stores ``search_text``: its words accent-folded with
``extraction.text.fold`` ("Hộ nghèo" -> "ho ngheo"), joined by single spaces, with a space
at both ends, so that " ho ngheo " is a phrase and " ho " a whole word on any database.
Reports and indicators also store ``search_vector`` on PostgreSQL: ``to_tsvector('simple',
…)`` over the same folded words (titles weighted A), indexed with GIN (migration 0003);
an indicator's vector is computed by a trigger whenever its text is written (migration 0010).
Folding ourselves keeps both backends identical: "ho ngheo", "hộ nghèo", "HỘ NGHÈO" and
"hộ nghéo" all become "ho ngheo", and "đ" becomes "d".

The backend is chosen in one place, :func:`search`, on ``connection.vendor``.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    Case,
    F,
    FloatField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Length, Replace, StrIndex
from django.db.models.lookups import LessThanOrEqual
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .extraction.text import fold, strip_accents
from .paging import COUNT_CAP

MAX_QUERY_CHARS = 300  # longer input is cut, never an error
MAX_TERMS = 12
_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r'"([^"]*)"?')


# ---------------------------------------------------------------- stored text


def index_text(*parts: object) -> str:
    """The folded, space-padded form stored in ``search_text``."""
    text = " ".join(str(p) for p in parts if p not in (None, ""))
    return " " + " ".join(_WORD.findall(fold(text))) + " " if text else ""


def term_words(label: str | None) -> str:
    """A term label as searchable words: "2020-2025" -> "nhiệm kỳ 2020 2025 2020-2025"."""
    return f"nhiệm kỳ {label.replace('-', ' ')}" if label else ""


def article_text(*, title, author, source_name, unit_names, term_labels, body) -> str:
    return join_texts(*article_parts(**locals()))


def article_parts(*, title, author, source_name, unit_names, term_labels, body):
    """(title words, the rest): weighted A and B in the PostgreSQL vector."""
    rest = index_text(author, source_name, *unit_names, *(term_words(t) for t in term_labels), body)
    return index_text(title), rest


def join_texts(head: str, rest: str) -> str:
    return (head[:-1] + rest if rest else head) if head else rest


def indicator_text(
    *, name, key, quote, unit_name, locality, term_label, year, category, kind, measure
) -> str:
    return index_text(
        name, key, quote, unit_name, locality, term_words(term_label), year, category, kind, measure
    )


def unit_text(*, name, locality, aliases, ancestors) -> str:
    return index_text(name, locality, *aliases, *ancestors)


def person_text(*, name, aliases, titles) -> str:
    return index_text(name, *aliases, *titles)


def indicator_search_text(ind) -> str:
    """``search_text`` of one indicator, from its loaded unit and term."""
    from .models.indicators import Category, IndicatorKind

    return indicator_text(
        name=ind.name,
        key=ind.key,
        quote=ind.quote,
        unit_name=ind.unit.name if ind.unit else "",
        locality=ind.unit.locality if ind.unit else "",
        term_label=ind.term.label if ind.term else "",
        year=ind.year,
        category=Category(ind.category).label if ind.category in Category else "",
        kind=IndicatorKind(ind.kind).label if ind.kind in IndicatorKind else "",
        measure=ind.unit_of_measure,
    )


def refresh_search_fields(article, *, written=None, units_touched=(), people_done=()) -> None:
    """Recompute the search fields of one report, its indicators, units and people.

    The import calls this after writing a report (inside the same transaction), with
    ``written``: the article as saved, its linked units and term labels, and whether every
    indicator row was just created with its search text (so none is read back); and with
    ``units_touched``: the units it created or gave an alias, the only ones whose text a
    report changes (without ``written``, the report's units and those above them are
    refreshed as well); and with ``people_done``: the people it created with their text.
    """
    from .models import Article, Indicator, Person, Unit

    if written is None:
        article = (
            Article.objects.filter(pk=article.pk)
            .prefetch_related("unit_links__unit", "terms")
            .first()
        )
        if article is None:
            return
        units = [link.unit for link in article.unit_links.all()]
        labels = [t.label for t in article.terms.all()]
        indicators_fresh = False
    else:
        units, labels, indicators_fresh = written
    head, rest = article_parts(
        title=article.title,
        author=article.author,
        source_name=article.source_name,
        unit_names=[u.name for u in units],
        term_labels=labels,
        body=article.body,
    )
    text = join_texts(head, rest)
    fields = {"search_text": text}
    if connection.vendor == "postgresql":
        fields["search_vector"] = SearchVector(
            Value(head), weight="A", config="simple"
        ) + SearchVector(Value(rest), weight="B", config="simple")
    Article.objects.filter(pk=article.pk).update(**fields)
    if not indicators_fresh:
        indicators = list(article.indicators.select_related("unit", "term"))
        changed = []
        for ind in indicators:
            text = indicator_search_text(ind)
            if text != ind.search_text:  # the import fills new rows' text already (one write)
                ind.search_text = text
                changed.append(ind)
        if changed:
            Indicator.objects.bulk_update(changed, ["search_text"], batch_size=500)
    ids = set(units_touched)
    if written is None:
        # The report's units and those above them: a ward's district and province are
        # searchable by their own names too.
        linked = {u.pk for u in units}
        ids |= linked
        for parent, grandparent in Unit.objects.filter(pk__in=linked).values_list(
            "parent", "parent__parent"
        ):
            ids.update(pk for pk in (parent, grandparent) if pk is not None)
    if ids:
        refresh_units(Unit.objects.filter(pk__in=ids))
    people = Person.objects.filter(positions__article=article).exclude(pk__in=people_done)
    refresh_people(people.distinct())
    # Indicators' search vectors follow their search text by a trigger (migration 0010).


def refresh_units(units: QuerySet) -> None:
    from .models import Unit

    rows = list(units.select_related("parent__parent__parent").prefetch_related("aliases"))
    changed = []
    for unit in rows:
        text = unit_text(
            name=unit.name,
            locality=unit.locality,
            aliases=[a.name for a in unit.aliases.all()],
            ancestors=[u.name for u in unit.ancestors()],
        )
        if text != unit.search_text:
            unit.search_text = text
            changed.append(unit)
    if changed:
        Unit.objects.bulk_update(changed, ["search_text"], batch_size=500)


def refresh_people(people: QuerySet) -> None:
    from .models import Person, Position

    rows = list(people.prefetch_related("aliases"))
    # Only the distinct titles: a leader named in every report of a province holds
    # hundreds of positions, nearly all with the same few titles.
    titles: dict[int, set[str]] = defaultdict(set)
    held = Position.objects.filter(person__in=people.values("pk")).order_by()
    for person_id, title in held.values_list("person_id", "title").distinct():
        titles[person_id].add(title)
    changed = []
    for person in rows:
        text = person_text(
            name=person.name,
            aliases=[a.name for a in person.aliases.all()],
            titles=sorted(titles[person.pk]),
        )
        if text != person.search_text:
            person.search_text = text
            changed.append(person)
    if changed:
        Person.objects.bulk_update(changed, ["search_text"], batch_size=500)


def refresh_all() -> None:
    """Rebuild every search field (after a bulk change outside the import)."""
    from .models import Article, Person, Unit

    for article in Article.objects.only("pk").iterator():
        refresh_search_fields(article)
    refresh_units(Unit.objects.all())
    refresh_people(Person.objects.all())


# ---------------------------------------------------------------- queries


@dataclass(frozen=True)
class ParsedQuery:
    """A reader's query, folded: words, "quoted phrases" and -excluded words."""

    raw: str = ""
    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()
    needles: tuple[str, ...] = field(default=(), repr=False)

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)

    @property
    def websearch(self) -> str:
        """The same query for PostgreSQL's websearch_to_tsquery."""
        parts = list(self.words) + [f'"{" ".join(p)}"' for p in self.phrases]
        parts += [f"-{w}" for w in self.excluded]
        return " ".join(parts)

    @property
    def highlight_terms(self) -> tuple[tuple[str, ...], ...]:
        return tuple((w,) for w in self.words) + self.phrases


def parse_query(raw: str | None) -> ParsedQuery:
    """Fold and split a query; never raises, whatever the input."""
    raw = (raw or "")[:MAX_QUERY_CHARS]
    phrases: list[tuple[str, ...]] = []
    for match in _QUOTED.finditer(raw):
        words = tuple(_WORD.findall(fold(match.group(1))))
        if len(words) > 1:
            phrases.append(words)
        elif words:
            raw += f" {words[0]}"
    rest = _QUOTED.sub(" ", raw)
    words: list[str] = []
    excluded: list[str] = []
    for token in rest.split():
        target = excluded if token.startswith("-") and len(token) > 1 else words
        target.extend(_WORD.findall(fold(token)))
    words = list(dict.fromkeys(w for w in words if w not in excluded))
    phrases = list(dict.fromkeys(phrases))
    words, phrases = words[:MAX_TERMS], phrases[: max(0, MAX_TERMS - len(words))]
    needles = tuple(f" {w} " for w in words) + tuple(f" {' '.join(p)} " for p in phrases)
    return ParsedQuery(raw, tuple(words), tuple(phrases), tuple(excluded[:MAX_TERMS]), needles)


def search(queryset: QuerySet, query: ParsedQuery, *, head_field: str | None = None):
    """Rows of ``queryset`` matching ``query``, annotated with ``rank`` (higher is better).

    Full text over ``search_vector`` on PostgreSQL where the model has one; otherwise
    whole-word matching over ``search_text`` (also on PostgreSQL for short names, where a
    trigram index serves it).
    """
    if not query:
        return queryset.none()
    has_vector = any(f.name == "search_vector" for f in queryset.model._meta.get_fields())
    if connection.vendor == "postgresql" and has_vector:
        tsquery = SearchQuery(query.websearch, search_type="websearch", config="simple")
        return queryset.filter(search_vector=tsquery).annotate(
            rank=SearchRank(F("search_vector"), tsquery)
        )
    return _like_search(queryset, query, head_field)


def _like_search(queryset: QuerySet, query: ParsedQuery, head_field: str | None):
    condition = Q()
    for needle in query.needles:
        condition &= Q(search_text__contains=needle)
    for word in query.excluded:
        condition &= ~Q(search_text__contains=f" {word} ")
    rank = Value(0.0)
    for needle in query.needles:
        occurrences = (
            Length("search_text") - Length(Replace("search_text", Value(needle), Value("")))
        ) / len(needle)
        rank = rank + Cast(occurrences, FloatField())
        if head_field:
            # A word in the title (which comes first in search_text) counts much more.
            in_head = LessThanOrEqual(
                StrIndex("search_text", Value(needle)), Length(head_field) + 2
            )
            rank = rank + Case(When(in_head, then=Value(5.0)), default=Value(0.0))
    queryset = queryset.filter(condition)
    return queryset.annotate(rank=Cast(rank, FloatField()))


RANK_WINDOW = COUNT_CAP + 1  # one more than a count shows, so that "more than" is known


def rank_window(queryset: QuerySet, size: int | None = None) -> QuerySet:
    """The first ``size`` matches, to be ranked among themselves.

    Ranking scores every match before sorting: on a broad query over a large archive that is
    most of the request. The window bounds the work; it holds every match of any query
    narrower than ``size`` (the same bound as the capped counts of ``congress.paging``).
    The ids are read first (one query the full-text index answers) rather than nested as a
    subquery, whose plan depends on fresh statistics and can re-run it for every row.
    """
    size = RANK_WINDOW if size is None else size
    ids = list(queryset.order_by().values_list("pk", flat=True)[:size])
    return queryset.filter(pk__in=ids)


def order_by_rank(queryset: QuerySet, *fallback: str) -> QuerySet:
    return queryset.order_by(F("rank").desc(nulls_last=True), *fallback)


def suggest(query: ParsedQuery) -> str | None:
    """A corrected query when nothing matched ("ho nghoe" -> "ho ngheo"), or None."""
    words = [w for w in query.words if not w.isdigit()]
    if not words:
        return None
    vocabulary = _vocabulary(words)
    if not vocabulary:
        return None
    changed, out = False, []
    for word in query.words:
        best = vocabulary.get(word, word)
        changed |= best != word
        out.append(best)
    return " ".join(out) if changed else None


def _vocabulary(words: list[str]) -> dict[str, str]:
    """Each query word mapped to the closest word the archive holds."""
    from .models import Indicator, Unit

    if connection.vendor == "postgresql":
        mapping: dict[str, str] = {}
        with connection.cursor() as cursor:
            for word in words:
                cursor.execute(
                    """
                    SELECT word FROM ts_stat(
                        'SELECT search_vector FROM congress_indicator WHERE status = ''published''')
                    WHERE similarity(word, %s) > 0.3
                    ORDER BY word = %s DESC, similarity(word, %s) DESC, nentry DESC LIMIT 1
                    """,
                    [word, word, word],
                )
                row = cursor.fetchone()
                if row:
                    mapping[word] = row[0]
        return mapping
    counts: Counter[str] = Counter()
    texts = Indicator.objects.published().values_list("search_text", flat=True)[:5000]
    for text in [*texts, *Unit.objects.values_list("search_text", flat=True)[:5000]]:
        counts.update(text.split())
    known = list(counts)
    mapping = {}
    for word in words:
        if word in counts:
            continue
        close = difflib.get_close_matches(word, known, n=1, cutoff=0.7)
        if close:
            mapping[word] = close[0]
    return mapping


# ---------------------------------------------------------------- highlighting


def _fold_char(char: str) -> str:
    folded = strip_accents(char).lower()
    return folded if len(folded) == 1 else char


def fold_same_length(text: str) -> str:
    """``fold`` character by character, so that offsets in the result are offsets in text."""
    return "".join(_fold_char(c) for c in text)


def _pattern(terms: Iterable[tuple[str, ...]]) -> re.Pattern[str] | None:
    alternatives = [r"\W+".join(re.escape(w) for w in term) for term in terms if term]
    if not alternatives:
        return None
    alternatives.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def match_spans(text: str, query: ParsedQuery) -> list[tuple[int, int]]:
    pattern = _pattern(query.highlight_terms)
    if pattern is None or not text:
        return []
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(fold_same_length(text)):
        start, end = match.span()
        if spans and not text[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end)  # "hộ" "nghèo" -> one mark
        else:
            spans.append((start, end))
    return spans


def highlight(text: str, query: ParsedQuery, *, snippet: int | None = None) -> SafeString:
    """``text`` escaped, with the query's words in ``<mark>``; cut to a snippet if asked.

    Imported text is escaped first; only the ``<mark>`` tags are added as markup.
    """
    text = text or ""
    spans = match_spans(text, query)
    start, end = 0, len(text)
    if snippet and len(text) > snippet:
        first = spans[0][0] if spans else 0
        start = max(0, first - snippet // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(text), start + snippet)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > (spans[0][1] if spans else start) else end
    pieces, cursor = [], start
    for s, e in spans:
        if e <= start or s >= end or s < cursor:
            continue
        e = min(e, end)
        pieces.append(escape(text[cursor:s]))
        pieces.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    pieces.append(escape(text[cursor:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # every piece is escaped above
