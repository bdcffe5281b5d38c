"""Downloads of an indicator search, CSV or JSON, streamed row by row.

The public downloads (``/chi-tieu/chi-tieu.csv``, ``.json``) and the API's ``?format=csv``
share these rows. The queryset is read with ``.iterator(chunk_size=…)`` (a server-side cursor
on PostgreSQL) and each row is written as it is read, so memory stays bounded whatever the
number of rows; report bodies are never loaded (only titles and slugs are exported).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse

from .models import Indicator

CHUNK_SIZE = 500

EXPORT_FIELDS = [
    "id", "kind", "category", "name", "key", "comparator", "value", "low", "high",
    "unit_of_measure", "display_value", "unit", "unit_slug", "term", "year", "report",
    "report_url", "quote",
]  # fmt: skip

# Large columns an export never shows: left in the database, not read into memory.
UNUSED_COLUMNS = [
    "search_text",
    "search_vector",
    "article__body",
    "article__raw_text",
    "article__search_text",
    "article__search_vector",
    "article__extraction_warnings",
]


def export_rows(queryset) -> Iterator[Indicator]:
    """The rows of an ordered indicator queryset, read in chunks, never all at once."""
    return (
        queryset.select_related("unit", "term", "article")
        .defer(*UNUSED_COLUMNS)
        .iterator(chunk_size=CHUNK_SIZE)
    )


def export_row(ind: Indicator, base_url: str) -> dict:
    def number(value):
        return None if value is None else f"{value.normalize():f}"

    return {
        "id": ind.pk,
        "kind": ind.kind,
        "category": ind.category,
        "name": ind.name,
        "key": ind.key,
        "comparator": ind.comparator,
        "value": number(ind.value),
        "low": number(ind.low),
        "high": number(ind.high),
        "unit_of_measure": ind.unit_of_measure,
        "display_value": ind.display_value,
        "unit": ind.unit.name if ind.unit else "",
        "unit_slug": ind.unit.slug if ind.unit else "",
        "term": ind.term.label if ind.term else "",
        "year": ind.year,
        "report": ind.article.title,
        "report_url": base_url + ind.article.get_absolute_url(),
        "quote": ind.quote,
    }


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value):
        return value


def csv_lines(rows: Iterable[Indicator], base_url: str) -> Iterator[str]:
    writer = csv.DictWriter(_Echo(), fieldnames=EXPORT_FIELDS)
    yield "\ufeff" + writer.writeheader()  # a BOM so spreadsheets read UTF-8
    for ind in rows:
        yield writer.writerow(export_row(ind, base_url))


def json_chunks(rows: Iterable[Indicator], base_url: str) -> Iterator[str]:
    yield '{"indicators": ['
    for index, ind in enumerate(rows):
        yield ("," if index else "") + json.dumps(export_row(ind, base_url), ensure_ascii=False)
    yield "]}"


def csv_response(queryset, base_url: str, filename: str = "chi-tieu.csv"):
    response = StreamingHttpResponse(
        csv_lines(export_rows(queryset), base_url), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def json_response(queryset, base_url: str, filename: str = "chi-tieu.json"):
    response = StreamingHttpResponse(
        json_chunks(export_rows(queryset), base_url),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
