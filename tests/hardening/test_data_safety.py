"""Data safety: migrations forwards and backwards with data in the tables, and a backup
restored into a new database (pg_dump/pg_restore on PostgreSQL, the backup API on SQLite,
the archive package on both) giving back exactly what was there."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from .scratch import is_postgres, manage, per_file, postgres_url, query, table_counts

SEEDS = Path(settings.SEED_REPORTS_DIR)


def tables(url: str) -> set[str]:
    sql = (
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        if url.startswith("postgres")
        else "SELECT name FROM sqlite_master WHERE type = 'table'"
    )
    return {name for (name,) in query(url, sql) if name.startswith("congress_")}


def search_finds(url: str, words: str) -> int:
    result = manage(
        "shell", "--no-imports", "-c",
        "from congress import search; from congress.models import Article; "
        f"print(search.search(Article.objects.all(), search.parse_query({words!r})).count())",
        url=url,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return int(result.stdout.split()[-1])


@pytest.fixture
def imported(scratch):
    url = scratch.new()
    result = manage("import_reports", str(SEEDS), url=url)
    assert result.returncode == 0, result.stderr
    return url


def migrate(url: str, *target: str) -> None:
    result = manage("migrate", *target, "--no-input", "-v", "0", url=url)
    assert result.returncode == 0, result.stderr


def test_migrations_go_backwards_and_forwards_with_data(imported):
    url = imported
    before = table_counts(url)
    assert before["congress_article"] == 5
    migrate(url, "congress", "0002_load_gazetteer")  # search fields and Editors group gone
    assert query(url, "SELECT count(*) FROM auth_group WHERE name = 'Editors'") == [(0,)]
    assert query(url, "SELECT count(*) FROM congress_adminarea")[0][0] > 10_000
    migrate(url)  # forwards: the search fields rebuilt from the data still there
    assert table_counts(url) == before
    assert query(url, "SELECT count(*) FROM auth_group WHERE name = 'Editors'") == [(1,)]
    assert search_finds(url, "dang vien") > 0

    migrate(url, "congress", "zero")  # every reverse operation, the data migrations' too
    assert tables(url) == set()
    assert query(url, "SELECT count(*) FROM auth_group WHERE name = 'Editors'") == [(0,)]
    migrate(url)
    assert table_counts(url)["congress_article"] == 0
    assert query(url, "SELECT count(*) FROM congress_adminarea")[0][0] > 10_000
    assert query(url, "SELECT count(*) FROM auth_group WHERE name = 'Editors'") == [(1,)]
    result = manage("import_reports", str(SEEDS), url=url)
    assert result.returncode == 0, result.stderr
    assert table_counts(url) == before


def require(binary: str) -> str:
    path = shutil.which(binary)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{binary} is missing: CI must test the PostgreSQL backup")
        pytest.skip(f"!! {binary} is not installed: the pg_dump backup is NOT tested here")
    return path


@pytest.mark.skipif(not is_postgres(), reason="pg_dump/pg_restore back up PostgreSQL only")
def test_pg_dump_and_pg_restore_into_a_new_database(scratch, imported, tmp_path):
    dump = tmp_path / "archive.dump"
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    subprocess.run(
        [require("pg_dump"), "-Fc", "--no-owner", "-f", str(dump), imported.replace("postgres://", "postgresql://")],
        check=True, env=env, timeout=300,
    )  # fmt: skip
    target = scratch.new(migrated=False)
    subprocess.run(
        [require("pg_restore"), "--no-owner", "--exit-on-error", "-d",
         target.replace("postgres://", "postgresql://"), str(dump)],
        check=True, env=env, timeout=300,
    )  # fmt: skip
    assert table_counts(target) == table_counts(imported)
    assert per_file(target) == per_file(imported)
    assert query(target, "SELECT count(*) FROM django_migrations") == query(
        imported, "SELECT count(*) FROM django_migrations"
    )
    assert search_finds(target, "ho ngheo") == search_finds(imported, "ho ngheo") > 0
    rerun = manage("import_reports", str(SEEDS), url=target)
    assert rerun.returncode == 0 and rerun.stdout.count("unchanged ") == 5
    assert postgres_url("postgres")  # the maintenance database the copies were made from


@pytest.mark.skipif(is_postgres(), reason="the SQLite backup API backs up SQLite only")
def test_sqlite_backup_restores_everything(imported, tmp_path):
    source = imported.removeprefix("sqlite:///")
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(source) as src, sqlite3.connect(backup) as dst:
        src.backup(dst)  # what `sqlite3 db.sqlite3 ".backup backup.sqlite3"` does
    restored = f"sqlite:///{backup}"
    assert table_counts(restored) == table_counts(imported)
    assert per_file(restored) == per_file(imported)


def test_archive_package_restores_the_published_archive(scratch, imported, tmp_path):
    package = tmp_path / "archive.zip"
    result = manage("export_archive", str(package), url=imported)
    assert result.returncode == 0, result.stderr
    target = scratch.new()
    result = manage("import_archive", str(package), url=target)
    assert result.returncode == 0, result.stderr
    counts, original = table_counts(target), table_counts(imported)
    for table in ("congress_article", "congress_indicator", "congress_unit", "congress_person"):
        assert counts[table] == original[table], table
    assert search_finds(target, "ho ngheo") == search_finds(imported, "ho ngheo") > 0
