"""Re-run extraction for one report: preview the differences, then apply them.

The report is re-extracted from its stored raw text (the file need not exist any more).
Applying goes through the importer's writer, so every field an editor changed is kept, and
the writer's "left alone" notes are returned.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from ..extraction import extract_report
from ..extraction.records import IndicatorRef, ReportRecord
from ..importer.writer import (
    WriteResult,
    article_values,
    indicators_by_source_key,
    write_report,
)
from ..models import Article, Indicator

# Indicator fields compared in the preview (the unit and the position follow the report).
COMPARED = ("name", "key", "category", "kind", "comparator", "value", "low", "high",
            "unit_of_measure", "quote", "year", "term")  # fmt: skip


@dataclass
class FieldChange:
    name: str
    current: object
    proposed: object
    kept: bool = False  # an editor changed it: the import leaves it alone


@dataclass
class IndicatorChange:
    indicator: Indicator
    changes: list[FieldChange]


@dataclass
class ReextractPreview:
    article: Article
    record: ReportRecord
    fields: list[FieldChange] = field(default_factory=list)
    added: list[dict] = field(default_factory=list)
    removed: list[Indicator] = field(default_factory=list)
    kept: list[Indicator] = field(default_factory=list)  # gone from extraction, curated
    changed: list[IndicatorChange] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.fields or self.added or self.removed or self.changed)


def extract_again(article: Article) -> ReportRecord:
    return extract_report(article.raw_text, article.source_file)


def _proposed(ref: IndicatorRef) -> dict[str, object]:
    return {
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
        "year": ref.year,
        "term": ref.term,
    }


def _current(indicator: Indicator, name: str) -> object:
    if name == "term":
        return indicator.term.label if indicator.term else None
    return getattr(indicator, name)


def preview(article: Article) -> ReextractPreview:
    """What re-extracting ``article`` would change; writes nothing."""
    record = extract_again(article)
    result = ReextractPreview(article, record)
    for name, proposed in article_values(record).items():
        current = getattr(article, name)
        if current != proposed:
            result.fields.append(
                FieldChange(name, current, proposed, kept=name in article.edited_fields)
            )
    existing = {i.source_key: i for i in article.indicators.select_related("term")}
    seen = indicators_by_source_key(record.indicators)
    for key, ref in seen.items():
        values = _proposed(ref)
        current = existing.get(key)
        if current is None:
            result.added.append(values)
            continue
        changes = [
            FieldChange(name, _current(current, name), value, kept=name in current.edited_fields)
            for name, value in values.items()
            if _current(current, name) != value
        ]
        if changes:
            result.changed.append(IndicatorChange(current, changes))
    for key, indicator in existing.items():
        if key not in seen:
            (result.kept if indicator.is_curated else result.removed).append(indicator)
    return result


def apply(article: Article) -> WriteResult:
    """Re-extract and write ``article``, keeping what editors changed."""
    record = extract_again(article)
    with transaction.atomic():
        return write_report(
            record,
            source_path=article.source_path,
            status=settings.IMPORT_DEFAULT_STATUS,
            existing=Article.objects.select_for_update().get(pk=article.pk),
        )
