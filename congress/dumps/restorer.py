"""Restore a package into an empty database, in one transaction.

Every file is checked against metadata.json (row count and SHA-256) while it is read; any
problem raises :class:`PackageError` and the transaction leaves the database as it was.
Rows are inserted in batches with their original ids; the id sequences are moved past them;
the search fields are rebuilt. No history is written (see FORMAT.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import connection, transaction

from .. import search
from ..models import AdminArea
from ..page_cache import bump_content_version
from .package import (
    FORMAT_NAME,
    METADATA,
    SCHEMA_VERSION,
    TABLES,
    HashingReader,
    PackageReader,
)

BATCH = 1000


class PackageError(Exception):
    """The package cannot be restored here; the message says why."""


def existing_content() -> dict[str, int]:
    """Rows of archive content already in the database, by table: what makes it not empty.

    Archive content is every table of the package, its many-to-many links and its edit
    history. The gazetteer (loaded by a migration), accounts and groups are not.
    """
    counts = {}
    for table in TABLES:
        name = table.file.removesuffix(".jsonl")
        models = {name: table.model}
        history = getattr(table.model, "history", None)
        if history is not None:
            models[f"{name} history"] = history.model
        for m2m in table.model._meta.local_many_to_many:
            if m2m.remote_field.through._meta.auto_created:
                models[f"{name} {m2m.name}"] = m2m.remote_field.through
        for label, model in models.items():
            n = model._default_manager.count()
            if n:
                counts[label] = n
    return counts


def read_metadata(reader: PackageReader) -> dict:
    if not reader.exists(METADATA):
        raise PackageError(f"{reader.path} is not an archive package: it has no {METADATA}.")
    try:
        metadata = reader.read_json(METADATA)
    except ValueError as exc:
        raise PackageError(f"{METADATA} is not valid JSON: {exc}") from None
    if not isinstance(metadata, dict) or metadata.get("format") != FORMAT_NAME:
        raise PackageError(f'{METADATA} does not describe a "{FORMAT_NAME}" package.')
    version = metadata.get("schema_version")
    if version != SCHEMA_VERSION:
        raise PackageError(
            f"The package has schema version {version!r}; this software reads version "
            f"{SCHEMA_VERSION} only."
        )
    files = metadata.get("files")
    expected = [t.file for t in TABLES]
    if not isinstance(files, dict) or sorted(files) != sorted(expected):
        raise PackageError(f"{METADATA} must list exactly these files: {', '.join(expected)}.")
    for table in TABLES:
        info = files[table.file]
        if not isinstance(info, dict) or info.get("model") != table.label:
            raise PackageError(f"{METADATA}: {table.file} must hold {table.label} rows.")
        if not isinstance(info.get("count"), int) or not isinstance(info.get("sha256"), str):
            raise PackageError(f"{METADATA}: {table.file} needs a count and a sha256.")
        if not reader.exists(table.file):
            raise PackageError(f"{table.file} is missing from the package.")
    return metadata


def import_archive(
    package: Path, *, dry_run: bool = False, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Restore ``package`` (a folder or .zip); return the number of rows per file."""
    reader = PackageReader(package)
    try:
        metadata = read_metadata(reader)
        with transaction.atomic():
            content = existing_content()
            if content:
                found = ", ".join(f"{name}: {n}" for name, n in content.items())
                raise PackageError(
                    f"The database is not empty ({found}): an archive is restored into an "
                    "empty database only (a new database after `manage.py migrate`)."
                )
            if not AdminArea.objects.exists():
                raise PackageError("The gazetteer is missing: run `manage.py migrate` first.")
            counts = {}
            for table in TABLES:
                counts[table.file] = _load(reader, table, metadata["files"][table.file])
                if progress:
                    progress(table.file, counts[table.file])
            _check_constraints()
            _reset_sequences()
            search.refresh_all()
            bump_content_version()
            if dry_run:
                transaction.set_rollback(True)
        return counts
    finally:
        reader.close()


def _load(reader: PackageReader, table, expected: dict) -> int:
    model = table.model
    timestamps = [
        f.attname
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    batch, links, count = [], [], 0
    with reader.open(table.file) as raw:
        lines = HashingReader(raw)
        try:
            for item in serializers.deserialize("jsonl", lines, handle_forward_references=False):
                obj = item.object
                if obj._meta.label_lower != table.label:
                    raise PackageError(
                        f"{table.file} line {lines.lines}: a {obj._meta.label_lower} row "
                        f"where {table.label} rows belong."
                    )
                batch.append(obj)
                for name, ids in (item.m2m_data or {}).items():
                    field = model._meta.get_field(name)
                    through = field.remote_field.through
                    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                    links.extend(
                        through(**{f"{source}_id": obj.pk, f"{target}_id": pk}) for pk in ids
                    )
                if len(batch) >= BATCH:
                    count += _insert(model, batch, timestamps)
                    batch = []
                if len(links) >= BATCH:
                    _insert_links(links)
                    links = []
        except DeserializationError as exc:
            cause = exc.__cause__ or exc
            raise PackageError(f"{table.file} line {lines.lines}: {cause}") from None
        count += _insert(model, batch, timestamps)
        _insert_links(links)
    if count != expected["count"]:
        raise PackageError(f"{table.file} has {count} rows; {METADATA} says {expected['count']}.")
    if lines.sha256.hexdigest() != expected["sha256"]:
        raise PackageError(
            f"{table.file} does not match its SHA-256 in {METADATA}: it was changed or damaged."
        )
    return count


def _insert(model, rows, timestamps) -> int:
    if not rows:
        return 0
    # bulk_create stamps auto_now fields with the present time: keep the exported times,
    # and put them back afterwards.
    kept = [(row.pk, {name: getattr(row, name) for name in timestamps}) for row in rows]
    model._default_manager.bulk_create(rows, batch_size=BATCH)
    if timestamps:
        for pk, values in kept:
            model._default_manager.filter(pk=pk).update(**values)
    return len(rows)


def _insert_links(links) -> None:
    if links:
        type(links[0])._default_manager.bulk_create(links, batch_size=BATCH)


def _check_constraints() -> None:
    tables = [t.model._meta.db_table for t in TABLES]
    try:
        connection.check_constraints(table_names=tables)
    except Exception as exc:  # IntegrityError, worded by the database
        raise PackageError(f"The package refers to rows it does not hold: {exc}") from None


def _reset_sequences() -> None:
    models = [t.model for t in TABLES]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
