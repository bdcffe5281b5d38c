"""Faults and concurrency, with the real command in other processes: two imports of the same
folder at once, an import killed half-way, the database going away or unreachable, and an
editor saving while a re-import writes the same article."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from .scratch import (
    ROOT,
    command_env,
    is_postgres,
    manage,
    per_file,
    postgres_url,
    query,
    table_counts,
)

SEEDS = sorted(Path(settings.SEED_REPORTS_DIR).glob("*.txt"))
COPIES = 3  # 15 files: every seed three times, each copy a different text (a new article)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for copy in range(COPIES):
        for seed in SEEDS:
            text = seed.read_text(encoding="utf-8")
            (folder / f"{copy}-{seed.name}").write_text(
                text + f"\n(Bản sao {copy})\n", encoding="utf-8"
            )
    return folder


@pytest.fixture(scope="module")
def reference(scratch, corpus):
    """The corpus imported once, alone: what every other run must end up with."""
    url = scratch.new()
    result = manage("import_reports", str(corpus), url=url)
    assert result.returncode == 0, result.stderr
    return {"counts": table_counts(url), "files": per_file(url)}


def start_import(url: str, *paths: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "import_reports", *map(str, paths)],
        cwd=ROOT,
        env=command_env(url, **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_lines(process: subprocess.Popen, count: int, word: str = "new") -> list[str]:
    lines = []
    while len([line for line in lines if line.startswith(word)]) < count:
        line = process.stdout.readline()
        assert line, f"import ended early: {lines} {process.stderr.read()}"
        lines.append(line)
    return lines


def test_two_imports_of_the_same_folder_at_once_create_no_duplicates(scratch, corpus, reference):
    url = scratch.new()
    # The second takes the files in the opposite order: the two then write different files
    # naming the same units, people and terms at the same moment (in the same order, the
    # second would just wait behind the first, file by file).
    files = sorted(corpus.glob("*.txt"))
    first, second = start_import(url, *files), start_import(url, *reversed(files))
    outputs = [p.communicate(timeout=600) for p in (first, second)]
    for process, (_out, err) in zip((first, second), outputs, strict=True):
        assert process.returncode == 0, err
        assert "FAILED" not in err
    # Every file was written once: by one import as "new", by the other as "unchanged".
    statuses = [line.split()[0] for out, _ in outputs for line in out.splitlines()[:15]]
    assert statuses.count("new") == 15 and statuses.count("unchanged") == 15
    assert table_counts(url) == reference["counts"]
    duplicates = query(
        url,
        "SELECT name_key FROM congress_unit GROUP BY kind, parent_id, name_key HAVING count(*) > 1"
        " UNION ALL SELECT name_key FROM congress_person GROUP BY name_key HAVING count(*) > 1",
    )
    assert duplicates == []


def test_an_import_killed_half_way_leaves_whole_files_and_the_next_run_completes(
    scratch, corpus, reference
):
    url = scratch.new()
    # New reports are written a batch per transaction: batches of 2, so that the import is
    # killed in the middle of a later one.
    process = start_import(url, corpus, IMPORT_BATCH_FILES="2")
    wait_for_lines(process, 5)
    time.sleep(0.2)  # into the middle of a later batch
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL

    done = per_file(url)
    assert 5 <= len(done) < 15
    for name, counts in done.items():
        assert counts == reference["files"][name], name  # whole, never half-written
    assert len(done) % 2 == 0  # whole batches: the one being written was rolled back

    rerun = manage("import_reports", str(corpus), url=url)
    assert rerun.returncode == 0, rerun.stderr
    statuses = [line.split()[0] for line in rerun.stdout.splitlines()[:15]]
    assert statuses.count("unchanged") == len(done)
    assert statuses.count("new") == 15 - len(done)
    assert per_file(url) == reference["files"]
    assert table_counts(url) == reference["counts"]


ONLY_POSTGRES = pytest.mark.skipif(
    not is_postgres(), reason="terminating a server connection is PostgreSQL's"
)


def terminate_import(url: str) -> None:
    """Kill the import's server session from another connection, as a restart would."""
    killed = query(
        postgres_url("postgres"),
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE application_name = 'ca_harden_victim'",
    )
    assert killed == [(True,)]


@ONLY_POSTGRES
def test_a_dropped_connection_is_reopened_and_the_file_written_again(scratch, corpus, reference):
    url = scratch.new()
    process = start_import(
        url + "?application_name=ca_harden_victim", corpus, IMPORT_BATCH_FILES="2"
    )
    wait_for_lines(process, 3)  # two batches written: the connection goes in a later one
    terminate_import(url)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert "FAILED" not in err
    assert per_file(url) == reference["files"]
    assert table_counts(url) == reference["counts"]


@ONLY_POSTGRES
def test_the_database_going_away_mid_import_is_one_clear_line(scratch, corpus, reference):
    url = scratch.new()
    name = url.rsplit("/", 1)[1]
    process = start_import(
        url + "?application_name=ca_harden_victim", corpus, IMPORT_BATCH_FILES="2"
    )
    wait_for_lines(process, 3)  # two batches written: the connection goes in a later one
    query(postgres_url("postgres"), f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
    try:
        terminate_import(url)
        out, err = process.communicate(timeout=300)
    finally:
        query(postgres_url("postgres"), f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
    assert process.returncode == 1
    assert "Traceback" not in err
    assert err.count("\n") == 1  # one line
    assert err.startswith("CommandError: database connection lost: ")
    assert "running the same import again completes it" in err
    for file_name, counts in per_file(url).items():
        assert counts == reference["files"][file_name], file_name

    rerun = manage("import_reports", str(corpus), url=url)
    assert rerun.returncode == 0, rerun.stderr
    assert table_counts(url) == reference["counts"]


def test_an_unreachable_database_is_one_clear_line(tmp_path):
    unreachable = (
        "postgres://postgres@127.0.0.1:1/nowhere"
        if is_postgres()
        else f"sqlite:///{tmp_path}/no/such/folder/db.sqlite3"
    )
    result = manage("import_reports", str(SEEDS[0]), url=unreachable)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip().splitlines()[0]]  # one line
    assert result.stderr.startswith("CommandError: cannot connect to the database: ")
    assert result.stderr.rstrip().endswith("(nothing was imported)")


EDITOR_RACE = """
import os, sys, time
sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
import django
django.setup()
from congress.importer import service

real = service.write_report

def slow_write(*args, **kwargs):
    print("writing", flush=True)  # the import has read the article and holds its lock
    time.sleep(3)
    return real(*args, **kwargs)

service.write_report = slow_write
from django.core.management import call_command
call_command("import_reports", sys.argv[-1])
"""


def test_an_editor_saving_during_a_reimport_keeps_the_edit(scratch, tmp_path):
    url = scratch.new()
    report = tmp_path / "report.txt"
    report.write_text(SEEDS[1].read_text(encoding="utf-8"), encoding="utf-8")
    assert manage("import_reports", str(report), url=url).returncode == 0
    report.write_text(SEEDS[1].read_text(encoding="utf-8") + "\nĐoạn mới.\n", encoding="utf-8")

    script = tmp_path / "slow_import.py"
    script.write_text(EDITOR_RACE, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(script), str(report)],
        cwd=ROOT,
        env=command_env(url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "writing"
    # The editor's save (as the admin does it: the value and the field marked as edited)
    # lands while the import is between reading and writing the article.
    query(
        url,
        "UPDATE congress_article SET title = %s, edited_fields = %s",
        ("Tiêu đề của biên tập viên", '["title"]'),
    )
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "updated" in out
    [(title, body)] = query(url, "SELECT title, body FROM congress_article")
    assert title == "Tiêu đề của biên tập viên"
    assert "Đoạn mới." in body
