"""Reading report files: decode and extract, without the database, in worker processes
when there are many.

Extraction is pure Python and takes about as long as writing a report does, so on a
machine with two cores or more the import reads the next files in other processes while
it writes the current one. Results come back in file order, at most a few files ahead of
the writer, so memory stays bounded whatever the number of files.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..extraction import extract_report
from ..extraction.decoding import UnreadableReport, decode_report
from ..extraction.records import ReportRecord

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM_FILES = 40
AHEAD_PER_WORKER = 4


class ReportRejected(Exception):
    """A file that was read but holds no report; the message is the reason."""


@dataclass
class ReadResult:
    record: ReportRecord | None
    reason: str = ""  # why the file could not be read, when record is None


def read_record(path: Path, max_bytes: int) -> ReportRecord:
    """Decode and extract one file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableReport(f"cannot read file ({exc.strerror or exc})") from exc
    text, _encoding = decode_report(data, max_bytes=max_bytes)
    record = extract_report(text, path.name)
    if not record.body.strip():
        raise ReportRejected("no article text found (only boilerplate or blank lines)")
    return record


def read_result(path: Path, max_bytes: int) -> ReadResult:
    try:
        return ReadResult(read_record(path, max_bytes))
    except (UnreadableReport, ReportRejected) as exc:
        return ReadResult(None, str(exc))


def worker_count(files: int, setting: int) -> int:
    """``setting`` workers (0: one per core, at most four), or none for a few files."""
    if setting == 1 or files < PARALLEL_FROM_FILES:
        return 1
    return setting if setting > 1 else min(os.cpu_count() or 1, 4)


def read_all(
    paths: Iterable[Path], max_bytes: int, workers: int, *, batch: int = 1
) -> Iterator[ReadResult]:
    """The read result of each path, in order.

    The workers keep ``batch`` files ahead of the reader on top of their own queue: the
    writer takes a batch at a time, and the workers must go on reading while it writes."""
    if workers <= 1:
        for path in paths:
            yield read_result(path, max_bytes)
        return
    # "spawn": a worker starts clean instead of inheriting the parent's open database
    # connection (a forked copy closing it at exit would break the parent's).
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending: deque[Future] = deque()
        for path in paths:
            pending.append(pool.submit(read_result, path, max_bytes))
            if len(pending) >= workers * AHEAD_PER_WORKER + batch:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
