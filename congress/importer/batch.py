"""Write many new reports at once: each kind of row in a few multi-row statements.

Most files of an import are reports the archive has never seen. Written one by one, each
costs about 45 statements (its article, links, people one by one, positions, indicators,
their history, then its search fields); here a batch of them costs a few statements per
kind of row, whatever its size. The result is the one ``writer.write_report`` gives for each
report in turn, which the tests check row by row:

- units: each distinct reference once per batch; the official units named and their
  parents are read in one query, new units planned in memory and written level by level
  (``units.resolve_units``);
- congresses: read once for the batch's units, created by the first report naming them and
  filled by later ones;
- people are looked up together, by name and then by alias; a person the batch creates gets
  every title the batch gives, so only people already in the archive are read back;
- articles are inserted with their search text and vector, indicators with their search
  text (their vectors follow by a trigger); history rows in one insert per model (on
  PostgreSQL, indicators' and positions' copied by the database).

Only new reports come here (the service checks, under the import's lock, that neither
their text nor their path is known). Reports already in the archive keep the per-file
writer, which compares every field with what an editor changed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Value
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from ..extraction.records import ReportRecord, UnitRef
from ..extraction.text import match_key, slugify_vi
from ..models import (
    Article,
    ArticleUnit,
    Congress,
    Indicator,
    Person,
    PersonAlias,
    Position,
    Term,
    Unit,
)
from ..search import article_parts, join_texts, refresh_people, refresh_units
from .summary import IndicatorCounts
from .units import resolve_units, unique_slugs
from .writer import (
    WriteResult,
    article_slug_base,
    article_values,
    congress_facts,
    congress_units,
    fill_congress,
    indicator_values,
    indicators_by_source_key,
    linked_units,
    new_article,
    new_indicator,
    new_person,
    primary_unit,
    term_for,
    unit_links,
)

BATCH_ROWS = 500  # rows per INSERT statement


@dataclass
class NewReport:
    record: ReportRecord
    source_path: str


def write_new_reports(reports: list[NewReport], *, status: str) -> list[WriteResult]:
    """Write reports the archive does not hold yet; one result per report, in order.

    Runs inside the caller's transaction, which holds the import's lock: a failure leaves
    nothing behind, and the caller can then write the reports one by one."""
    terms: dict[str, Term] = {}
    touched: set[int] = set()
    records = [report.record for report in reports]
    units_of = _resolve_units(records, touched)
    articles = _insert_articles(reports, units_of, status)
    results = [WriteResult("new", article) for article in articles]
    written = list(zip(articles, records, units_of, strict=True))

    links: list[ArticleUnit] = []
    term_links: list = []
    for article, record, units in written:
        links.extend(unit_links(article, units))
        for term in {term_for(label, terms) for label in record.terms} - {None}:
            term_links.append(Article.terms.through(article=article, term=term))
    ArticleUnit.objects.bulk_create(links, batch_size=BATCH_ROWS)
    Article.terms.through.objects.bulk_create(term_links, batch_size=BATCH_ROWS)

    _write_congresses(written, terms)

    known_people = _write_people(articles, records)

    indicators: list[Indicator] = []
    for (article, record, units), result in zip(written, results, strict=True):
        primary = primary_unit(units)
        distinct = indicators_by_source_key(record.indicators)
        for key, ref in distinct.items():
            indicators.append(
                new_indicator(article, key, status, indicator_values(ref, primary, terms))
            )
        result.indicators = IndicatorCounts(created=len(distinct))
    _insert_with_history(indicators, Indicator)

    # Units created or given an alias, and people already in the archive, now named in
    # more reports: their search text is read back once for the whole batch.
    if touched:
        refresh_units(Unit.objects.filter(pk__in=touched))
    if known_people:
        refresh_people(Person.objects.filter(pk__in=known_people))
    return results


def _unit_ref_key(ref: UnitRef) -> tuple:
    """Everything ``resolve_unit`` reads of a reference (``primary`` is not among it)."""
    return (
        ref.name,
        ref.kind,
        ref.locality,
        ref.admin_type,
        ref.gazetteer_code,
        ref.parent_code,
        ref.province_code,
        ref.gazetteer_map,
    )


def _resolve_units(records: list[ReportRecord], touched: set[int]):
    """Each report's (reference, unit) pairs; each distinct reference resolved once."""
    distinct: dict[tuple, UnitRef] = {}
    for record in records:
        for ref in record.units:
            distinct.setdefault(_unit_ref_key(ref), ref)
    resolved = dict(zip(distinct, resolve_units(list(distinct.values()), touched), strict=True))
    return [[(ref, resolved[_unit_ref_key(ref)]) for ref in record.units] for record in records]


def _insert_articles(reports: list[NewReport], units_of, status: str) -> list[Article]:
    values = [article_values(r.record) for r in reports]
    slugs = unique_slugs(Article, [article_slug_base(v) for v in values])
    articles = []
    for report, fields, slug, units in zip(reports, values, slugs, units_of, strict=True):
        article = new_article(
            report.record, fields, slug=slug, source_path=report.source_path, status=status
        )
        head, rest = article_parts(
            title=article.title,
            author=article.author,
            source_name=article.source_name,
            unit_names=[u.name for u in linked_units(units)],
            term_labels=sorted({label for label in report.record.terms if label}),
            body=article.body,
        )
        article.search_text = join_texts(head, rest)
        if connection.vendor == "postgresql":
            article.search_vector = SearchVector(
                Value(head), weight="A", config="simple"
            ) + SearchVector(Value(rest), weight="B", config="simple")
        articles.append(article)
    bulk_create_with_history(articles, Article, batch_size=BATCH_ROWS)
    return articles


def _write_congresses(written, terms: dict[str, Term]) -> None:
    """Each congress the batch names: created by the first report that names it, then
    filled by the later ones in turn (``write_congresses`` for each report)."""
    named = [
        (article, ref, unit, congress_facts(ref, terms))
        for article, record, units in written
        for ref, unit in congress_units(record, units)
    ]
    if not named:
        return
    units = {unit.pk for _article, _ref, unit, _facts in named}
    known = {(c.unit_id, c.ordinal): c for c in Congress.objects.filter(unit__in=units)}
    created: list[Congress] = []
    fills: list[tuple[Congress, dict]] = []
    for article, ref, unit, facts in named:
        congress = known.get((unit.pk, ref.ordinal))
        if congress is None:
            congress = Congress(unit=unit, ordinal=ref.ordinal, source_article=article, **facts)
            known[(unit.pk, ref.ordinal)] = congress
            created.append(congress)
        else:
            fills.append((congress, facts))
    bulk_create_with_history(created, Congress, batch_size=BATCH_ROWS)
    for congress, facts in fills:  # after the creations, as a report after another fills
        if fill_congress(congress, facts):
            congress.save()


def _insert_with_history(objs: list, model) -> None:
    """``bulk_create_with_history``, except that on PostgreSQL the database copies the new
    rows into the history table itself (one INSERT … SELECT, instead of a history model
    instance built and sent for every row, which was a fifth of a batch's time).

    The history rows are the library's own: every tracked column, the type "+" (created),
    no user and no change reason, as ``bulk_create_with_history`` writes them."""
    if connection.vendor != "postgresql" or not objs:
        bulk_create_with_history(objs, model, batch_size=BATCH_ROWS)
        return
    model.objects.bulk_create(objs, batch_size=BATCH_ROWS)
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    history = model.history.model
    tracked = history.tracked_fields
    quote = connection.ops.quote_name
    targets = [history._meta.get_field(f.name).column for f in tracked]
    targets += [
        history._meta.get_field(name).column
        for name in ("history_date", "history_type", "history_change_reason", "history_user")
    ]
    sql = (
        f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(map(quote, targets))}) "
        f"SELECT {', '.join(quote(f.column) for f in tracked)}, %s, '+', NULL, NULL "
        f"FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} = ANY(%s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [timezone.now(), [obj.pk for obj in objs]])


def _find_people(keys: list[str]) -> dict[str, int]:
    """The person each name key is, if known: by name, else by alias (``find_person``)."""
    found: dict[str, int] = {}
    for key, pk in (
        Person.objects.filter(name_key__in=keys).order_by("pk").values_list("name_key", "pk")
    ):
        found.setdefault(key, pk)
    rest = [key for key in keys if key not in found]
    if rest:
        aliases = PersonAlias.objects.filter(name_key__in=rest).order_by("person_id")
        for key, pk in aliases.values_list("name_key", "person_id"):
            found.setdefault(key, pk)
    return found


def _write_people(articles: list[Article], records: list[ReportRecord]) -> set[int]:
    """Write the batch's people and positions; return the people that were already in the
    archive (their search text is to be read back)."""
    named: dict[str, str] = {}  # key -> the name as first written
    titles: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for ref in record.people:
            key = match_key(ref.name)
            named.setdefault(key, ref.name)
            titles[key].update(title[:300] for title in ref.positions)
    found = _find_people(list(named))
    created_keys = [key for key in named if key not in found]
    slugs = unique_slugs(Person, [slugify_vi(named[key]) for key in created_keys])
    people = [
        new_person(named[key], key, slug, titles[key])
        for key, slug in zip(created_keys, slugs, strict=True)
    ]
    bulk_create_with_history(people, Person, batch_size=BATCH_ROWS)
    person_of = dict(found)
    person_of.update({person.name_key: person.pk for person in people})

    positions: list[Position] = []
    for article, record in zip(articles, records, strict=True):
        meta = record.metadata
        when: date | None = meta.published_at.date() if meta.published_at else None
        written: set[tuple[int, str]] = set()
        for ref in record.people:
            pk = person_of[match_key(ref.name)]
            for title in ref.positions:
                title = title[:300]
                if (pk, title) not in written:
                    written.add((pk, title))
                    positions.append(
                        Position(person_id=pk, title=title, article=article, date=when)
                    )
    _insert_with_history(positions, Position)
    return set(found.values())
