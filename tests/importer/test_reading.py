"""Reading reports in worker processes: the same results, in file order, failures included."""

from __future__ import annotations

import pytest

from congress.importer import reading
from congress.importer.reading import read_all, worker_count
from congress.models import Article, Indicator

MAX_BYTES = 5 * 1024 * 1024


@pytest.fixture
def mixed_files(reports_dir):
    """The seeds, with an unreadable file, a blank one and one too large among them."""
    (reports_dir / "002_broken.txt").write_bytes(b"\xff\xfe\x00" * 400)
    (reports_dir / "003_blank.txt").write_text("\n\n   \n", encoding="utf-8")
    (reports_dir / "004_huge.txt").write_text("Đảng bộ " * 1_000_000, encoding="utf-8")
    return sorted(reports_dir.iterdir())


def summary(result):
    if result.record is None:
        return ("failed", result.reason)
    return (result.record.source_file, result.record.metadata.title, len(result.record.indicators))


def test_worker_processes_give_the_same_results_in_order(mixed_files):
    alone = [summary(r) for r in read_all(mixed_files, MAX_BYTES, workers=1)]
    together = [summary(r) for r in read_all(mixed_files, MAX_BYTES, workers=2)]
    assert together == alone
    assert len(alone) == len(mixed_files)
    assert [s[0] for s in alone].count("failed") == 3
    assert sum(1 for s in alone if s[0] != "failed" and s[2] > 0) == 5


def test_workers_for_many_files_only():
    assert worker_count(5, setting=0) == 1
    assert worker_count(reading.PARALLEL_FROM_FILES, setting=1) == 1
    assert worker_count(reading.PARALLEL_FROM_FILES, setting=3) == 3
    assert worker_count(reading.PARALLEL_FROM_FILES, setting=0) >= 1


@pytest.mark.django_db
def test_an_import_with_workers_writes_what_one_without_writes(
    run_import, reports_dir, settings, monkeypatch
):
    def imported():
        rows = Indicator.objects.values_list("article__source_file", "quote", "value", "kind")
        return sorted(map(str, rows))

    settings.IMPORT_WORKERS = 1
    assert run_import(reports_dir)[0] == 0
    alone = imported()
    Article.objects.all().delete()

    pools = []

    class RecordedPool(reading.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            pools.append(self)

    monkeypatch.setattr(reading, "ProcessPoolExecutor", RecordedPool)
    monkeypatch.setattr(reading, "PARALLEL_FROM_FILES", 2)
    settings.IMPORT_WORKERS = 2
    code, out, err = run_import(reports_dir)
    assert code == 0, err
    assert len(pools) == 1  # the files were read in worker processes
    assert imported() == alone and len(alone) > 50
