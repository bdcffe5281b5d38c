"""The package format: its version, its tables, and reading/writing its files.

A package is a folder, or a .zip file holding the same files:

    README.md        the format description (FORMAT.md)
    metadata.json    format name, schema version, export date, software, counts, checksums
    <table>.jsonl    one JSON object per line, per row, in Django's serialization format

Changing what a table holds or how a value is written means a new SCHEMA_VERSION.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Model, QuerySet

from .. import selectors
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
    UnitAlias,
)
from ..models.articles import PublicationStatus

FORMAT_NAME = "congress-archive"
SCHEMA_VERSION = 1
METADATA = "metadata.json"
README = "README.md"
FORMAT_DOC = Path(__file__).with_name("FORMAT.md")

# Derived from other columns (search): rebuilt by the import, never exported.
DERIVED_FIELDS = {"search_text", "search_vector"}


@dataclass(frozen=True)
class Table:
    file: str
    model: type[Model]
    rows: Callable[[], QuerySet]  # the published rows, in a stable order
    description: str
    chunk_size: int = 1000  # rows read at a time

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def fields(self) -> list[str]:
        meta = self.model._meta
        names = [f.name for f in meta.local_fields if f.serialize and f.name not in DERIVED_FIELDS]
        return names + [f.name for f in meta.local_many_to_many]


def _published_reports():
    return selectors.published_articles().order_by("pk")


def _congresses():
    # A congress is public; its source report is named only when that report is published.
    return Congress.objects.annotate(source_status=F("source_article__status")).order_by("pk")


TABLES = [
    Table("terms.jsonl", Term, lambda: Term.objects.order_by("pk"), "Terms (nhiệm kỳ)."),
    Table(
        "units.jsonl",
        Unit,
        lambda: Unit.objects.select_related("area").order_by("pk"),
        "Units (Party organisations); `area` is a gazetteer area as [map, code].",
    ),
    Table("unit_aliases.jsonl", UnitAlias, lambda: UnitAlias.objects.order_by("pk"), "Other names of units."),
    Table(
        "articles.jsonl",
        Article,
        _published_reports,
        "Published reports, with their `terms`.",
        chunk_size=50,  # a report holds its text twice (raw and clean): fewer at a time
    ),
    Table(
        "article_units.jsonl",
        ArticleUnit,
        lambda: ArticleUnit.objects.filter(article__status=PublicationStatus.PUBLISHED).order_by("pk"),
        "Which units each report is about (`is_primary`: the main one).",
    ),
    Table(
        "congresses.jsonl",
        Congress,
        _congresses,
        "Congresses; `source_article` is null when that report is not published.",
    ),
    Table(
        "indicators.jsonl",
        Indicator,
        lambda: selectors.published_indicators().order_by("pk"),
        "Published indicators (targets and results) of published reports.",
    ),
    Table("people.jsonl", Person, lambda: Person.objects.order_by("pk"), "People (officials)."),
    Table(
        "person_aliases.jsonl",
        PersonAlias,
        lambda: PersonAlias.objects.order_by("pk"),
        "Other spellings of people's names.",
    ),
    Table(
        "positions.jsonl",
        Position,
        lambda: selectors.public_positions().order_by("pk"),
        "Positions held, except those known only from an unpublished report.",
    ),
]  # fmt: skip


def published_rows(table: Table) -> Iterator[Model]:
    """The rows of one table as the package holds them, read in chunks."""
    rows = table.rows().iterator(chunk_size=table.chunk_size)
    if table.model is Article:
        rows = _with_terms(rows, table.chunk_size)
    for row in rows:
        if table.model is Congress and row.source_status != PublicationStatus.PUBLISHED:
            row.source_article_id = None
        yield row
        # A report and its cached terms refer to each other: without this, read reports
        # would wait for the cyclic garbage collector instead of being freed at once.
        row.__dict__.pop("_prefetched_objects_cache", None)


def _with_terms(articles: Iterator[Article], size: int) -> Iterator[Article]:
    """Reports with their terms, one query per chunk of reports.

    Done by hand (not ``prefetch_related``) so that :func:`published_rows` can free each
    report once written: measured with bench/export_memory.py, memory otherwise grew with
    the number of reports.
    """
    terms = {term.pk: term for term in Term.objects.all()}  # a few dozen
    order = list(terms)  # Term's own ordering, as the serializer would read them
    links = Article.terms.through.objects
    for batch in iter(lambda: list(islice(articles, size)), []):
        found = defaultdict(list)
        pairs = links.filter(article__in=[a.pk for a in batch]).values_list("article", "term")
        for article_id, term_id in pairs:
            found[article_id].append(term_id)
        for article in batch:
            ids = sorted(found[article.pk], key=order.index)
            cached = article.terms.get_queryset()  # what prefetch_related stores, by hand
            cached._result_cache = [terms[pk] for pk in ids]
            cached._prefetch_done = True
            article._prefetched_objects_cache = {"terms": cached}
        yield from batch


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (Django cuts them to
    milliseconds), so that a restored archive is the same to the microsecond."""

    def default(self, o):
        import datetime

        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


# ---------------------------------------------------------------- files


class HashingWriter:
    """A text stream that writes UTF-8 to a binary file, counting lines and hashing bytes."""

    def __init__(self, raw):
        self.raw = raw
        self.sha256 = hashlib.sha256()
        self.lines = 0

    def write(self, text: str) -> int:
        data = text.encode("utf-8")
        self.sha256.update(data)
        self.lines += text.count("\n")
        self.raw.write(data)
        return len(text)


class HashingReader:
    """Lines of a binary file as text, hashing the bytes as they are read."""

    def __init__(self, raw):
        self.raw = raw
        self.sha256 = hashlib.sha256()
        self.lines = 0

    def __iter__(self) -> Iterator[str]:
        for line in self.raw:
            self.sha256.update(line)
            self.lines += 1
            yield line.decode("utf-8")


class PackageWriter:
    """Writes a package to a new folder, or to a new .zip file when the name ends in .zip."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.zip = None
        if self.path.suffix.lower() == ".zip":
            self.zip = zipfile.ZipFile(self.path, "x", compression=zipfile.ZIP_DEFLATED)
        else:
            self.path.mkdir(parents=True)

    def open(self, name: str):
        if self.zip is not None:
            return self.zip.open(name, "w", force_zip64=True)
        return open(self.path / name, "xb")

    def write_bytes(self, name: str, data: bytes) -> None:
        with self.open(name) as raw:
            raw.write(data)

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()


class PackageReader:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.zip = zipfile.ZipFile(self.path) if self.path.is_file() else None

    def exists(self, name: str) -> bool:
        if self.zip is not None:
            return name in self.zip.namelist()
        return (self.path / name).is_file()

    def open(self, name: str):
        if self.zip is not None:
            return self.zip.open(name)
        return open(self.path / name, "rb")

    def read_json(self, name: str):
        with self.open(name) as raw:
            return json.load(io.TextIOWrapper(raw, encoding="utf-8"))

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()
