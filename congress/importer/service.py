"""The import pipeline: read, decode, extract, then write: new reports a batch per
transaction, every other file in its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import (
    DatabaseError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    connection,
    transaction,
)

from ..extraction.records import ReportRecord
from ..page_cache import bump_content_version
from .batch import NewReport, write_new_reports
from .files import discover_reports
from .locking import lock_article, lock_import_writes
from .reading import ReadResult, ReportRejected, read_all, worker_count
from .summary import FileOutcome, ImportSummary
from .units import remembered_areas
from .writer import content_hash, find_existing, known_texts_and_paths, write_report

__all__ = ["DatabaseUnavailable", "ImportOptions", "ReportRejected", "import_reports"]


class DatabaseUnavailable(Exception):
    """The database cannot be reached or went away: no further file can be imported.

    The message is one line; files already imported stay (each was committed alone), the
    file being written was rolled back, and running the import again completes it.
    ``summary`` holds what was done before."""

    def __init__(self, message: str, summary: ImportSummary | None = None):
        super().__init__(message)
        self.summary = summary or ImportSummary()


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or exc.__class__.__name__


def _connection_lost(exc: DatabaseError) -> bool:
    """A broken connection, as opposed to one statement the database refused."""
    if isinstance(exc, InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    if connection.vendor == "sqlite":
        return "unable to open" in str(exc)  # "database is locked" is not a lost database
    # PostgreSQL: a refused statement carries an SQLSTATE (deadlock 40P01, lock timeout
    # 55P03…); a broken connection has none, or is of class 08 (connection exception) or
    # 57P (the server shutting down or terminating the session).
    code = getattr(exc.__cause__, "pgcode", None)
    return code is None or code.startswith(("08", "57P"))


class _ConnectionDropped(Exception):
    pass


@dataclass
class ImportOptions:
    dry_run: bool = False
    status: str | None = None  # status of new content; settings.IMPORT_DEFAULT_STATUS if None
    reextract: bool = False  # re-run extraction even for files whose text is unchanged


def _import_one(
    path: Path, read: ReadResult, options: ImportOptions
) -> tuple[FileOutcome, ReportRecord | None]:
    record = read.record
    if record is None:
        return FileOutcome(path, "failed", read.reason), None
    outcome = FileOutcome(path, "extracted", indicators_found=len(record.indicators))
    outcome.warnings = list(record.warnings)
    if options.dry_run:
        return outcome, record

    source_path = str(path.resolve())
    text_hash = content_hash(record.raw)
    status = options.status or settings.IMPORT_DEFAULT_STATUS
    try:
        with transaction.atomic():
            lock_import_writes()
            existing, unchanged = find_existing(text_hash=text_hash, source_path=source_path)
            if unchanged and not options.reextract:
                outcome.status = "unchanged"
                return outcome, record
            existing = lock_article(existing)
            result = write_report(record, source_path=source_path, status=status, existing=existing)
            bump_content_version()  # committed with the report: no page cached before it
    except IntegrityError as exc:
        # Another import wrote the same text at the same moment: that one stands.
        if find_existing(text_hash=text_hash, source_path=source_path)[1]:
            outcome.status = "unchanged"
            return outcome, record
        outcome.status, outcome.reason = "failed", f"database refused the report ({exc})"
        return outcome, record
    except DatabaseError as exc:
        if _connection_lost(exc):
            raise _ConnectionDropped(_one_line(exc)) from exc
        outcome.status, outcome.reason = "failed", f"database error: {_one_line(exc)}"
        return outcome, record
    outcome.status = result.status
    outcome.indicators = result.indicators
    outcome.left_alone = result.left_alone
    return outcome, record


def import_reports(
    paths: list[str | Path],
    options: ImportOptions | None = None,
    *,
    on_file: Callable[[FileOutcome, ReportRecord | None], None] | None = None,
    progress: Callable[[list[Path]], Iterator[Path]] | None = None,
    keep_outcomes: bool = True,
) -> ImportSummary:
    """Import every report under ``paths``; a failing file never stops the others.

    ``keep_outcomes=False`` keeps only the counts and the failures in the summary (the
    outcome of each file is still passed to ``on_file``): memory then does not grow with
    the number of files. Raises :class:`DatabaseUnavailable` when the database cannot be
    reached at all."""
    options = options or ImportOptions()
    files, problems = discover_reports(paths)
    if not options.dry_run:
        _check_database()
    summary = ImportSummary(keep_outcomes=keep_outcomes)

    def report(outcome: FileOutcome, record: ReportRecord | None) -> None:
        summary.add(outcome)
        if on_file:
            on_file(outcome, record)

    for problem in problems:
        report(FileOutcome(problem.path, "failed", problem.reason), None)
    batch_files = max(1, settings.IMPORT_BATCH_FILES)
    workers = worker_count(len(files), settings.IMPORT_WORKERS)
    reads = read_all(files, settings.IMPORT_MAX_FILE_BYTES, workers, batch=batch_files)
    pending: list[tuple[Path, ReadResult]] = []
    with remembered_areas():
        try:
            for path, read in zip(progress(files) if progress else files, reads, strict=True):
                pending.append((path, read))
                if len(pending) >= batch_files:
                    for outcome, record in _import_batch(pending, options):
                        report(outcome, record)
                    pending.clear()
            for outcome, record in _import_batch(pending, options):
                report(outcome, record)
        except DatabaseUnavailable as exc:
            exc.summary = summary
            raise
    return summary


def _import_batch(items: list[tuple[Path, ReadResult]], options: ImportOptions):
    """Each file's outcome, in order: the new reports among ``items`` written together in
    one transaction, then every other file (known, unreadable, or a batch the database
    refused) in its own."""
    written: dict[int, FileOutcome] = {}
    if items and not options.dry_run:
        try:
            written = _write_new_reconnecting(items, options)
        except DatabaseError:
            written = {}  # refused as a whole: each file alone, so a bad one fails alone
    for n, (path, read) in enumerate(items):
        if n in written:
            yield written[n], read.record
        else:
            yield _import_one_reconnecting(path, read, options)


def _write_new_reconnecting(items, options: ImportOptions) -> dict[int, FileOutcome]:
    try:
        return _write_new(items, options)
    except _ConnectionDropped as exc:
        connection.close()
        try:
            _check_database()
            return _write_new(items, options)
        except (DatabaseUnavailable, _ConnectionDropped) as again:
            raise DatabaseUnavailable(f"database connection lost: {again or exc}") from again


def _write_new(items: list[tuple[Path, ReadResult]], options: ImportOptions):
    """Write the files of ``items`` whose text and path the archive does not know yet
    (the first of two files with the same text), as one transaction."""
    status = options.status or settings.IMPORT_DEFAULT_STATUS
    candidates = [
        (n, read.record, content_hash(read.record.raw), str(path.resolve()))
        for n, (path, read) in enumerate(items)
        if read.record is not None
    ]
    if not candidates:
        return {}
    try:
        with transaction.atomic():
            lock_import_writes()
            hashes, paths = known_texts_and_paths(
                [c[2] for c in candidates], [c[3] for c in candidates]
            )
            new = []
            for n, record, text_hash, source_path in candidates:
                if text_hash in hashes or source_path in paths:
                    continue
                hashes.add(text_hash)
                paths.add(source_path)
                new.append((n, NewReport(record, source_path)))
            if not new:
                return {}
            results = write_new_reports([r for _n, r in new], status=status)
            bump_content_version()  # committed with the reports
    except DatabaseError as exc:
        if _connection_lost(exc):
            raise _ConnectionDropped(_one_line(exc)) from exc
        raise
    outcomes = {}
    for (n, new_report), result in zip(new, results, strict=True):
        record = new_report.record
        outcome = FileOutcome(items[n][0], result.status, indicators_found=len(record.indicators))
        outcome.warnings = list(record.warnings)
        outcome.indicators = result.indicators
        outcomes[n] = outcome
    return outcomes


def _import_one_reconnecting(path: Path, read: ReadResult, options: ImportOptions):
    """A dropped connection (a restarted server, a killed session) is reopened and the file,
    rolled back with it, written again; a database that stays away stops the import."""
    try:
        return _import_one(path, read, options)
    except _ConnectionDropped as exc:
        connection.close()
        try:
            _check_database()
            return _import_one(path, read, options)
        except (DatabaseUnavailable, _ConnectionDropped) as again:
            raise DatabaseUnavailable(f"database connection lost: {again or exc}") from again


def _check_database() -> None:
    try:
        connection.ensure_connection()
    except DatabaseError as exc:
        raise DatabaseUnavailable(f"cannot connect to the database: {_one_line(exc)}") from exc
