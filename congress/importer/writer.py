"""Write one extracted report to the database, keeping whatever an editor changed.

Called inside one transaction per file by the import service. Identity of an article is
its content hash (same text: unchanged) and then its source path (changed text: update).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from ..extraction.records import IndicatorRef, ReportRecord
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


@dataclass
class WriteResult:
    status: str  # new / updated / unchanged
    article: Article
    indicators: IndicatorCounts = field(default_factory=IndicatorCounts)
    left_alone: list[str] = field(default_factory=list)


def _term(label: str | None, cache: dict[str, Term]) -> Term | None:
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
        article = Article.objects.create(
            **values,
            slug=unique_slug(Article, slugify_vi(values["title"], max_length=100)),
            raw_text=record.raw,
            content_hash=content_hash(record.raw),
            source_file=record.source_file,
            source_path=source_path,
            status=status,
            extraction_warnings=record.warnings,
        )
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
    primary = next((u for ref, u in units if ref.primary), units[0][1] if units else None)
    if "terms" in article.edited_fields:
        left_alone.append("article terms")
    elif new:
        article.terms.add(*{_term(label, terms) for label in record.terms})
    else:
        article.terms.set([_term(label, terms) for label in record.terms])
    _write_congresses(article, record, units, terms)
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
        ordered = sorted(units, key=lambda pair: not pair[0].primary)  # as _write_units links
        linked = list({unit.pk: unit for _ref, unit in ordered}.values())
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
    links: list[ArticleUnit] = []
    linked: set[int] = set()
    for _ref, unit in sorted(units, key=lambda pair: not pair[0].primary):
        if unit.pk in linked:
            continue
        linked.add(unit.pk)
        links.append(ArticleUnit(article=article, unit=unit, is_primary=not links))
    ArticleUnit.objects.bulk_create(links)
    return units


def _write_congresses(article, record, units, terms) -> None:
    by_name = {match_key(ref.name): unit for ref, unit in units}
    primary = next((u for ref, u in units if ref.primary), None)
    for ref in record.congresses:
        unit = by_name.get(match_key(ref.unit)) or primary
        if unit is None:
            continue
        congress, created = Congress.objects.get_or_create(
            unit=unit,
            ordinal=ref.ordinal,
            defaults={
                "term": _term(ref.term, terms),
                "date": date.fromisoformat(ref.date) if ref.date else None,
                "delegates": ref.delegates,
                "members_represented": ref.members,
                "source_article": article,
            },
        )
        if created:
            continue
        # Fill what an earlier report left empty; never overwrite a value already known.
        fills = {
            "term": _term(ref.term, terms),
            "date": date.fromisoformat(ref.date) if ref.date else None,
            "delegates": ref.delegates,
            "members_represented": ref.members,
        }
        changed = False
        for name, value in fills.items():
            if (
                value is not None
                and getattr(congress, name) is None
                and name not in congress.edited_fields
            ):
                setattr(congress, name, value)
                changed = True
        if changed:
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
    person = Person.objects.create(
        name=name,
        name_key=key,
        slug=unique_slug(Person, slugify_vi(name)),
        # A new person has no alias and no position elsewhere: the text is known now.
        search_text=person_text(name=name, aliases=[], titles=sorted(titles)),
    )
    return person, True


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


def _write_indicators(article, record, primary: Unit | None, terms, status, left_alone, *, new):
    counts = IndicatorCounts()
    existing = {} if new else {i.source_key: i for i in article.indicators.all()}
    seen: set[str] = set()
    new: list[Indicator] = []
    for ref in record.indicators:
        key = indicator_source_key(ref)
        if key in seen:
            continue
        seen.add(key)
        values = {
            "unit": primary,
            "term": _term(ref.term, terms),
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
        current = existing.get(key)
        if current is None:
            indicator = Indicator(article=article, source_key=key, status=status, **values)
            indicator.search_text = indicator_search_text(indicator)
            new.append(indicator)
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
