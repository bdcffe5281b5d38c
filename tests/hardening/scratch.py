"""Scratch databases for tests that run the real command in other processes (concurrent
imports, a killed import, the database going away, migrations, backups).

They cannot use pytest-django's test database: SQLite's is in memory, and a second process
must see committed data. One database is migrated per session (on the engine under test:
SQLite file or PostgreSQL) and each test gets a copy of it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import dj_database_url
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def is_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def postgres_url(name: str) -> str:
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def base_name() -> str:
    """Named after the database under test: `ca_harden` gives `ca_harden_scratch_…`."""
    url = os.environ.get("DATABASE_URL", "")
    name = dj_database_url.parse(url)["NAME"] if url.startswith("postgres") else "ca"
    return f"{name}_scratch"


def manage(*args: str, url: str, timeout: int = 300, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=command_env(url, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def command_env(url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DATABASE_URL=url, PYTHONUNBUFFERED="1", DJANGO_MANIFEST_STATIC="0", **extra)
    return env


class Scratch:
    """Copies of one migrated database: ``new()`` gives the URL of a fresh copy."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.prefix = f"{base_name()}_{uuid.uuid4().hex[:8]}"
        self.created: list[str] = []
        self.template = self._create(migrated=True)

    # -- PostgreSQL: CREATE DATABASE … TEMPLATE; SQLite: a file copy.
    def _admin(self, sql: str) -> None:
        import psycopg2

        conn = psycopg2.connect(postgres_url("postgres").replace("postgres://", "postgresql://"))
        conn.autocommit = True
        try:
            with conn.cursor() as cursor:
                cursor.execute(sql)
        finally:
            conn.close()

    def _create(self, *, migrated: bool, template: str | None = None) -> str:
        name = f"{self.prefix}_{len(self.created)}"
        self.created.append(name)
        if is_postgres():
            self._admin(
                f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
            )
            url = postgres_url(name)
        else:
            path = self.tmp / f"{name}.sqlite3"
            if template:
                shutil.copyfile(self.tmp / f"{template}.sqlite3", path)
            url = f"sqlite:///{path}"
        if migrated and not template:
            result = manage("migrate", "--no-input", "-v", "0", url=url)
            assert result.returncode == 0, result.stderr
        return name

    def new(self, *, migrated: bool = True) -> str:
        if migrated:
            name = self._create(migrated=True, template=self.template)
        else:
            name = self._create(migrated=False)
        return self.url(name)

    def url(self, name: str) -> str:
        return postgres_url(name) if is_postgres() else f"sqlite:///{self.tmp / name}.sqlite3"

    def drop_all(self) -> None:
        if is_postgres():
            for name in self.created:
                self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def query(url: str, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows of one statement on a scratch database, committed at once."""
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=30, isolation_level=None)
        try:
            return conn.execute(sql.replace("%s", "?"), params).fetchall()
        finally:
            conn.close()
    import psycopg2

    conn = psycopg2.connect(url.replace("postgres://", "postgresql://"))
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall() if cursor.description else []
    finally:
        conn.close()


TABLES = [
    "congress_article", "congress_indicator", "congress_unit", "congress_unitalias",
    "congress_person", "congress_position", "congress_term", "congress_congress",
    "congress_articleunit", "congress_article_terms",
]  # fmt: skip


def table_counts(url: str) -> dict[str, int]:
    return {table: query(url, f"SELECT count(*) FROM {table}")[0][0] for table in TABLES}


def per_file(url: str) -> dict[str, tuple[int, int, int]]:
    """For each imported file: (indicators, unit links, positions) of its article."""
    rows = query(
        url,
        "SELECT a.source_file,"
        " (SELECT count(*) FROM congress_indicator i WHERE i.article_id = a.id),"
        " (SELECT count(*) FROM congress_articleunit u WHERE u.article_id = a.id),"
        " (SELECT count(*) FROM congress_position p WHERE p.article_id = a.id)"
        " FROM congress_article a",
    )
    return {name: tuple(counts) for name, *counts in rows}
