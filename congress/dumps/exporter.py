"""Write the published archive as a package, streaming: rows are read in chunks and written
as they are read, so memory does not grow with the archive."""

from __future__ import annotations

import json
import subprocess
import tomllib
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.db import connection, transaction
from django.utils import timezone

from ..models import AdminArea
from .package import (
    FORMAT_DOC,
    FORMAT_NAME,
    METADATA,
    README,
    SCHEMA_VERSION,
    TABLES,
    ExactJSONEncoder,
    HashingWriter,
    PackageWriter,
    published_rows,
)


def software() -> dict:
    """The version in pyproject.toml and, when the code is a git checkout, its commit."""
    base = Path(settings.BASE_DIR)
    try:
        version = tomllib.loads((base / "pyproject.toml").read_text())["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        version = None
    try:
        commit = (
            subprocess.run(
                ["git", "rev-parse", "HEAD"], cwd=base, capture_output=True, text=True, timeout=10
            ).stdout.strip()
            or None
        )
    except (OSError, subprocess.SubprocessError):
        commit = None
    return {"name": "congress-archive", "version": version, "commit": commit}


def export_archive(output: Path, *, progress: Callable[[str, int], None] | None = None) -> dict:
    """Write the package to ``output`` (a new folder, or a new .zip file); return its metadata.

    Read in one transaction (a REPEATABLE READ snapshot on PostgreSQL, unless already inside
    a transaction), so that the files agree with each other even while editors work.
    """
    writer = PackageWriter(output)
    try:
        files = {}
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            exported_at = timezone.now()
            for table in TABLES:
                with writer.open(table.file) as raw:
                    stream = HashingWriter(raw)
                    serializers.serialize(
                        "jsonl",
                        published_rows(table),
                        stream=stream,
                        fields=table.fields,
                        use_natural_foreign_keys=True,
                        cls=ExactJSONEncoder,
                    )
                files[table.file] = {
                    "model": table.label,
                    "count": stream.lines,
                    "sha256": stream.sha256.hexdigest(),
                    "description": table.description,
                }
                if progress:
                    progress(table.file, stream.lines)
            gazetteer = AdminArea.objects.count()
        metadata = {
            "format": FORMAT_NAME,
            "schema_version": SCHEMA_VERSION,
            "exported_at": exported_at.isoformat(),
            "content": "published",
            "software": software(),
            "source_database": connection.vendor,
            "gazetteer_areas": gazetteer,
            "files": files,
        }
        writer.write_bytes(README, FORMAT_DOC.read_bytes())
        writer.write_bytes(
            METADATA, json.dumps(metadata, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
        )
        return metadata
    finally:
        writer.close()
