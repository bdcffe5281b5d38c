"""export_archive → import_archive into an empty database gives the same archive: every
published row, field by field, with the same ids; nothing unpublished."""

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models.query import QuerySet
from django.test.utils import CaptureQueriesContext

from congress.dumps.package import TABLES
from congress.models import Congress, Indicator, Person, Position, Term, Unit

from .conftest import empty_the_archive, snapshot

pytestmark = pytest.mark.django_db


def export(path):
    call_command("export_archive", str(path))
    return path


def restore(path, *args):
    call_command("import_archive", str(path), *args)


@pytest.mark.parametrize("name", ["package", "package.zip"])
def test_round_trip_gives_identical_rows(full_archive, tmp_path, name):
    before = snapshot()
    package = export(tmp_path / name)
    empty_the_archive()
    assert all(rows == {} for rows in snapshot().values())
    restore(package)
    after = snapshot()
    for table in TABLES:
        assert after[table.file] == before[table.file], table.file
    assert all(after[table.file] for table in TABLES), "every table has rows to compare"


def test_only_published_content_travels(full_archive, tmp_path):
    package = export(tmp_path / "p")
    empty_the_archive()
    restore(package)
    assert Indicator.objects.exclude(status="published").count() == 0
    assert set(Indicator.objects.values_list("article__slug", flat=True)) == {
        "dong-le-ho-ngheo",
        "khoi-tong-ket",
    }
    assert not Position.objects.filter(title="Bí mật").exists()
    assert Congress.objects.get(ordinal=2).source_article_id is None  # was a draft's
    assert Congress.objects.get(ordinal=7).source_article.slug == "dong-le-ho-ngheo"
    # like the public site, people are kept, but not what only a draft says of them
    assert Person.objects.get(name="Lê Thị Ẩn").positions.count() == 0


def test_the_package_describes_itself(full_archive, tmp_path):
    package = export(tmp_path / "p")
    metadata = json.loads((package / "metadata.json").read_text())
    assert metadata["format"] == "congress-archive"
    assert metadata["schema_version"] == 1
    assert metadata["content"] == "published"
    assert metadata["software"]["version"] == "0.1.0"
    assert metadata["gazetteer_areas"] > 10000
    counts = {name: info["count"] for name, info in metadata["files"].items()}
    assert counts == {
        t.file: len(rows) for t, rows in zip(TABLES, snapshot().values(), strict=True)
    }
    for name, count in counts.items():
        assert len((package / name).read_text().splitlines()) == count
    assert (
        (package / "README.md")
        .read_text()
        .startswith("# congress-archive package, schema version 1")
    )
    unit = json.loads((package / "units.jsonl").read_text().splitlines()[2])
    assert unit["fields"]["area"] == [full_archive["ward"].area.map, full_archive["ward"].area.code]
    assert "search_text" not in unit["fields"]


def test_a_restored_archive_exports_the_same_files(full_archive, tmp_path):
    first = export(tmp_path / "first")
    empty_the_archive()
    restore(first)
    second = export(tmp_path / "second")
    for table in TABLES:
        assert (first / table.file).read_bytes() == (second / table.file).read_bytes(), table.file


def test_after_a_restore_search_history_and_new_rows_work(full_archive, tmp_path, client):
    package = export(tmp_path / "p")
    expected = [r["id"] for r in client.get("/api/indicators/?q=ho+ngheo").json()["results"]]
    empty_the_archive()
    restore(package)
    assert expected
    assert [
        r["id"] for r in client.get("/api/indicators/?q=ho+ngheo").json()["results"]
    ] == expected
    assert client.get("/bai-viet/dong-le-ho-ngheo/").status_code == 200
    # no history is restored (see FORMAT.md) …
    assert Indicator.history.count() == 0
    # … and new rows get ids past the restored ones (the id sequences were moved on)
    top = Unit.objects.order_by("-pk").first().pk
    assert Unit.objects.create(name="Đảng bộ mới", kind="ward", slug="moi").pk > top
    assert Term.objects.create(start_year=2025, end_year=2030).pk > 2


def test_export_streams_every_table_in_chunks(full_archive, tmp_path, monkeypatch):
    seen = []
    real = QuerySet.iterator

    def spy(self, chunk_size=None):
        seen.append((self.model, chunk_size))
        return real(self, chunk_size=chunk_size)

    monkeypatch.setattr(QuerySet, "iterator", spy)
    with CaptureQueriesContext(connection) as queries:
        export(tmp_path / "p")
    # each table read once, in chunks
    assert [(model, size) for model, size in seen if size] == [
        (t.model, t.chunk_size) for t in TABLES
    ]
    # and a report's terms come with its chunk (prefetched), not one query per report
    assert len(queries) <= len(TABLES) + 8


def test_dry_run_keeps_nothing(full_archive, tmp_path, capsys):
    package = export(tmp_path / "p")
    empty_the_archive()
    restore(package, "--dry-run")
    assert "Checked (dry run, nothing kept)" in capsys.readouterr().out
    assert all(rows == {} for rows in snapshot().values())
