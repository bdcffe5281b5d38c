"""Write one extracted report to the database, keeping whatever an editor changed.

Called inside one transaction per file by the import service, for every file that is not a
new report (those go a batch at a time through ``batch.write_new_reports``, which reuses the
pieces here) and for each file of a batch the database refused. Identity of an article is
its content hash (same text: unchanged) and then its source path (changed text: update).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from ..extraction.records import CongressRef, IndicatorRef, ReportRecord, UnitRef
from ..extraction.text import match_key, slugify_vi
from ..models import Article, ArticleUnit, Congress, Indicator, Person, Position, Term, Unit
from ..search import indicator_search_text, person_text, refresh_search_fields
from .summary import IndicatorCounts
from .units import resolve_unit, unique_slug

# Article fields the import owns, unless an editor changed them.
ARTICLE_FIELDS = ("title", "published_at", "author", "source_name", "source_url", "genre", "body")
INDICATOR_FIELDS = (
    "unit", "term", "year", "name", "key", "category", "kind", "comparator",
    "value", "low", "high", "unit_of_measure", "quote", "quote_start",
)  # fmt: skip


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def indicator_source_key(ref: IndicatorRef) -> str:
    numbers = "|".join(
        str(n.normalize()) if n is not None else "" for n in (ref.value, ref.low, ref.high)
    )
    return hashlib.sha256(f"{ref.kind}|{ref.quote}|{numbers}".encode()).hexdigest()[:40]


def indicators_by_source_key(refs: list[IndicatorRef]) -> dict[str, IndicatorRef]:
    """A report's indicators by source key, in order: the same sentence with the same
    figures found twice is one indicator (the first)."""
    by_key: dict[str, IndicatorRef] = {}
    for ref in refs:
        by_key.setdefault(indicator_source_key(ref), ref)
    return by_key


@dataclass
class WriteResult:
    status: str  # new / updated / unchanged
    article: Article
    indicators: IndicatorCounts = field(default_factory=IndicatorCounts)
    left_alone: list[str] = field(default_factory=list)


def term_for(label: str | None, cache: dict[str, Term]) -> Term | None:
    if not label:
        return None
    if label not in cache:
        start, end = (int(x) for x in label.split("-"))
        cache[label] = Term.objects.get_or_create(start_year=start, end_year=end)[0]
    return cache[label]


def article_values(record: ReportRecord) -> dict[str, object]:
    """The article fields (``ARTICLE_FIELDS``) as the import would write them."""
    meta = record.metadata
    return {
        "title": meta.title[:500] or record.source_file,
        "published_at": meta.published_at,
        "author": (meta.author or "")[:200],
        "source_name": (meta.source_name or "")[:200],
        "source_url": (meta.source_url or "")[:500],
        "genre": meta.genre,
        "body": record.body,
    }


def article_slug_base(values: dict[str, object]) -> str:
    return slugify_vi(values["title"], max_length=100)


def new_article(
    record: ReportRecord, values: dict[str, object], *, slug: str, source_path: str, status: str
) -> Article:
    """The unsaved article of a report read for the first time."""
    return Article(
        **values,
        slug=slug,
        raw_text=record.raw,
        content_hash=content_hash(record.raw),
        source_file=record.source_file,
        source_path=source_path,
        status=status,
        extraction_warnings=record.warnings,
    )


def linked_units(units: list[tuple[UnitRef, Unit]]) -> list[Unit]:
    """The distinct units a report links, the primary one first (as ``_write_units`` links)."""
    ordered = sorted(units, key=lambda pair: not pair[0].primary)
    return list({unit.pk: unit for _ref, unit in ordered}.values())


def primary_unit(units: list[tuple[UnitRef, Unit]]) -> Unit | None:
    return next((u for ref, u in units if ref.primary), units[0][1] if units else None)


def known_texts_and_paths(hashes: list[str], paths: list[str]) -> tuple[set[str], set[str]]:
    """Which of these texts (by hash) and source paths the archive already holds."""
    rows = list(
        Article.objects.filter(Q(content_hash__in=hashes) | Q(source_path__in=paths)).values_list(
            "content_hash", "source_path"
        )
    )
    return {h for h, _p in rows}, {p for _h, p in rows}


def find_existing(*, text_hash: str, source_path: str) -> tuple[Article | None, bool]:
    """``(article, unchanged)``: the article this file already is, if any: the one with the
    same text, else the first read from the same path.

    One query for both (a new report, the usual case, finds nothing), reading only the
    columns that decide: the import locks and reads the article it updates in full."""
    candidates = (
        Article.objects.filter(Q(content_hash=text_hash) | Q(source_path=source_path))
        .only("pk", "content_hash", "source_path", "edited_fields")
        .order_by("pk")
    )
    by_path = None
    for article in candidates:
        if article.content_hash == text_hash:
            return article, True
        by_path = by_path or article
    return by_path, False


def write_report(
    record: ReportRecord, *, source_path: str, status: str, existing: Article | None
) -> WriteResult:
    terms: dict[str, Term] = {}
    meta = record.metadata
    values = article_values(record)
    left_alone: list[str] = []
    if existing is None:
        article = new_article(
            record,
            values,
            slug=unique_slug(Article, article_slug_base(values)),
            source_path=source_path,
            status=status,
        )
        article.save()
        result = WriteResult("new", article)
    else:
        article = existing
        for name in ARTICLE_FIELDS:
            if name in article.edited_fields:
                if getattr(article, name) != values[name]:
                    left_alone.append(f"article {name}")
            else:
                setattr(article, name, values[name])
        article.raw_text = record.raw
        article.content_hash = content_hash(record.raw)
        article.source_file = record.source_file
        article.source_path = source_path
        article.extraction_warnings = record.warnings
        article.save()
        result = WriteResult("updated", article)

    # A new article has no links, positions or indicators yet: nothing to read or clear.
    new = existing is None
    touched: set[int] = set()  # units created or given an alias: their search text changes
    units = _write_units(article, record, left_alone, touched, new=new)
    primary = primary_unit(units)
    if "terms" in article.edited_fields:
        left_alone.append("article terms")
    elif new:
        article.terms.add(*{term_for(label, terms) for label in record.terms})
    else:
        article.terms.set([term_for(label, terms) for label in record.terms])
    write_congresses(article, record, units, terms)
    when = meta.published_at.date() if meta.published_at else None
    people_done = _write_people(article, record, when, new=new)
    result.indicators = _write_indicators(
        article, record, primary, terms, status, left_alone, new=new
    )
    result.left_alone = left_alone
    if "units" in article.edited_fields or "terms" in article.edited_fields:
        # The editor's links and terms: read them back.
        refresh_search_fields(article, units_touched=touched, people_done=people_done)
    else:
        linked = linked_units(units)
        fresh = new and not result.indicators.updated
        labels = sorted({label for label in record.terms if label})
        refresh_search_fields(
            article,
            written=(linked, labels, fresh),
            units_touched=touched,
            people_done=people_done,
        )
    return result


def _write_units(article: Article, record: ReportRecord, left_alone, touched, *, new: bool):
    units = [(ref, resolve_unit(ref, touched)) for ref in record.units]
    if "units" in article.edited_fields:
        left_alone.append("article units")
        return units
    if not new:
        ArticleUnit.objects.filter(article=article).delete()
    ArticleUnit.objects.bulk_create(unit_links(article, units))
    return units


def unit_links(article: Article, units: list[tuple[UnitRef, Unit]]) -> list[ArticleUnit]:
    return [
        ArticleUnit(article=article, unit=unit, is_primary=n == 0)
        for n, unit in enumerate(linked_units(units))
    ]


def congress_units(record: ReportRecord, units) -> list[tuple[CongressRef, Unit]]:
    """Each congress the report tells of, with the unit that held it (the one it names,
    else the report's primary unit); congresses of no known unit are left out."""
    by_name = {match_key(ref.name): unit for ref, unit in units}
    primary = next((u for ref, u in units if ref.primary), None)
    pairs = []
    for ref in record.congresses:
        unit = by_name.get(match_key(ref.unit)) or primary
        if unit is not None:
            pairs.append((ref, unit))
    return pairs


def congress_facts(ref: CongressRef, terms) -> dict[str, object]:
    return {
        "term": term_for(ref.term, terms),
        "date": date.fromisoformat(ref.date) if ref.date else None,
        "delegates": ref.delegates,
        "members_represented": ref.members,
    }


def fill_congress(congress: Congress, facts: dict[str, object]) -> bool:
    """Fill what an earlier report left empty; never overwrite a value already known (nor
    one an editor changed). Whether anything changed."""
    changed = False
    for name, value in facts.items():
        if (
            value is not None
            and getattr(congress, name) is None
            and name not in congress.edited_fields
        ):
            setattr(congress, name, value)
            changed = True
    return changed


def write_congresses(article, record, units, terms) -> None:
    for ref, unit in congress_units(record, units):
        facts = congress_facts(ref, terms)
        congress, created = Congress.objects.get_or_create(
            unit=unit, ordinal=ref.ordinal, defaults={**facts, "source_article": article}
        )
        if not created and fill_congress(congress, facts):
            congress.save()


def find_person(key: str) -> Person | None:
    """The person named ``key`` (a match key), by name first and then by alias.

    Two indexed lookups: one query OR-ing the name with a joined alias table cannot use
    either index and reads every person, which grows with the archive."""
    return (
        Person.objects.filter(name_key=key).order_by("pk").first()
        or Person.objects.filter(aliases__name_key=key).order_by("pk").first()
    )


def _person(name: str, titles: set[str]) -> tuple[Person, bool]:
    """The person of this name, found or created (``True``) with the titles given here."""
    key = match_key(name)
    person = find_person(key)
    if person is not None:
        return person, False
    person = new_person(name, key, unique_slug(Person, slugify_vi(name)), titles)
    person.save()
    return person, True


def new_person(name: str, key: str, slug: str, titles: set[str]) -> Person:
    """An unsaved person with every title the report gives: a new person has no alias and
    no position elsewhere, so the search text is known before the row is written."""
    return Person(
        name=name,
        name_key=key,
        slug=slug,
        search_text=person_text(name=name, aliases=[], titles=sorted(titles)),
    )


def _write_people(article, record: ReportRecord, when: date | None, *, new: bool) -> set[int]:
    """Write the report's people and positions; return the people created with their
    whole search text (the others' is rewritten from the database)."""
    if not new:
        Position.objects.filter(article=article, edited_fields=[], created_by_editor=False).delete()
    written: set[tuple[int, str]] = set()
    positions: list[Position] = []
    complete: set[int] = set()
    for ref in record.people:
        titles = {title[:300] for title in ref.positions}
        person, created = _person(ref.name, titles)
        if created:
            complete.add(person.pk)
        else:
            complete.discard(person.pk)  # named twice in the report: read it back
        for title in ref.positions:
            title = title[:300]
            if (person.pk, title) in written:
                continue
            written.add((person.pk, title))
            if new:
                positions.append(Position(person=person, title=title, article=article, date=when))
            else:
                Position.objects.get_or_create(
                    person=person, title=title, article=article, defaults={"date": when}
                )
    bulk_create_with_history(positions, Position, batch_size=500)
    return complete


def indicator_values(ref: IndicatorRef, primary: Unit | None, terms) -> dict[str, object]:
    """The indicator fields (``INDICATOR_FIELDS``) as the import would write them."""
    return {
        "unit": primary,
        "term": term_for(ref.term, terms),
        "year": ref.year,
        "name": ref.name[:300],
        "key": (ref.key or ref.name)[:300],
        "category": ref.category,
        "kind": ref.kind,
        "comparator": ref.comparator,
        "value": ref.value,
        "low": ref.low,
        "high": ref.high,
        "unit_of_measure": ref.unit[:60],
        "quote": ref.quote,
        "quote_start": max(ref.start, 0),
    }


def new_indicator(article: Article, key: str, status: str, values) -> Indicator:
    """An unsaved indicator with its search text (written with the row, never read back)."""
    indicator = Indicator(article=article, source_key=key, status=status, **values)
    indicator.search_text = indicator_search_text(indicator)
    return indicator


def _write_indicators(article, record, primary: Unit | None, terms, status, left_alone, *, new):
    counts = IndicatorCounts()
    existing = {} if new else {i.source_key: i for i in article.indicators.all()}
    seen = indicators_by_source_key(record.indicators)
    new: list[Indicator] = []
    for key, ref in seen.items():
        values = indicator_values(ref, primary, terms)
        current = existing.get(key)
        if current is None:
            new.append(new_indicator(article, key, status, values))
            continue
        changed = False
        for name in INDICATOR_FIELDS:
            if name in current.edited_fields:
                continue
            if getattr(current, name) != values[name]:
                setattr(current, name, values[name])
                changed = True
        if changed:
            current.save()
            counts.updated += 1
    # New rows in one insert, and their history records in another (one per row otherwise).
    bulk_create_with_history(new, Indicator, batch_size=500)
    counts.created += len(new)
    for key, indicator in existing.items():
        if key in seen:
            continue
        if indicator.is_curated:
            counts.kept_curated += 1
            left_alone.append(f"indicator {indicator.pk} ({indicator.name})")
        else:
            indicator.delete()
            counts.deleted += 1
    return counts
