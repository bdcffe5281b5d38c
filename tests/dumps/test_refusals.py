"""import_archive refuses what it cannot restore exactly, says why, and writes nothing."""

import hashlib
import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from congress.models import AdminArea, Term

from .conftest import empty_the_archive, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def package(full_archive, tmp_path):
    path = tmp_path / "package"
    call_command("export_archive", str(path))
    empty_the_archive()
    return path


def refused(path) -> str:
    with pytest.raises(CommandError) as exc:
        call_command("import_archive", str(path))
    assert all(rows == {} for rows in snapshot().values()), "nothing may be left behind"
    return str(exc.value)


def rewrite(package, name, edit):
    """Change one file and fix its count and checksum in metadata.json, as a forger would."""
    lines = (package / name).read_text().splitlines(keepends=True)
    lines = edit(lines)
    data = "".join(lines).encode()
    (package / name).write_bytes(data)
    meta = json.loads((package / "metadata.json").read_text())
    meta["files"][name].update(count=len(lines), sha256=hashlib.sha256(data).hexdigest())
    (package / "metadata.json").write_text(json.dumps(meta))


def test_a_database_with_archive_content_is_refused(package):
    Term.objects.create(start_year=1990, end_year=1995)
    with pytest.raises(CommandError) as exc:
        call_command("import_archive", str(package))
    assert str(exc.value) == (
        "The database is not empty (terms: 1, terms history: 1): an archive is restored into "
        "an empty database only (a new database after `manage.py migrate`). Nothing was imported."
    )
    assert Term.objects.count() == 1


def test_history_alone_makes_a_database_not_empty(package):
    term = Term.objects.create(start_year=1990, end_year=1995)
    term.delete()
    message = refused(package)
    assert "(terms history: 2)" in message


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"schema_version": 2}, "The package has schema version 2; this software reads version 1 only."),
        ({"schema_version": None}, "The package has schema version None; this software reads version 1 only."),
        ({"format": "other"}, 'metadata.json does not describe a "congress-archive" package.'),
    ],
)  # fmt: skip
def test_unknown_versions_and_formats_are_refused(package, change, message):
    meta = json.loads((package / "metadata.json").read_text())
    meta.update(change)
    (package / "metadata.json").write_text(json.dumps(meta))
    assert refused(package) == f"{message} Nothing was imported."


def test_a_folder_without_metadata_is_not_a_package(tmp_path, db):
    assert (
        refused(tmp_path)
        == f"{tmp_path} is not an archive package: it has no metadata.json. Nothing was imported."
    )
    assert refused(tmp_path / "nope") == f"{tmp_path / 'nope'} does not exist."


def test_broken_metadata_is_refused(package):
    (package / "metadata.json").write_text("{not json")
    assert refused(package).startswith("metadata.json is not valid JSON:")


def test_a_missing_file_is_refused(package):
    (package / "people.jsonl").unlink()
    assert refused(package) == "people.jsonl is missing from the package. Nothing was imported."


def test_a_count_that_does_not_match_is_refused(package):
    meta = json.loads((package / "metadata.json").read_text())
    meta["files"]["indicators.jsonl"]["count"] += 1
    (package / "metadata.json").write_text(json.dumps(meta))
    n = meta["files"]["indicators.jsonl"]["count"]
    assert refused(package) == (
        f"indicators.jsonl has {n - 1} rows; metadata.json says {n}. Nothing was imported."
    )


def test_a_changed_file_is_refused_by_its_checksum(package):
    path = package / "indicators.jsonl"
    path.write_text(path.read_text().replace("hộ nghèo", "hộ giàu"))
    assert refused(package) == (
        "indicators.jsonl does not match its SHA-256 in metadata.json: it was changed or "
        "damaged. Nothing was imported."
    )


def test_a_row_pointing_at_a_missing_row_is_refused(package):
    def orphan(lines):
        row = json.loads(lines[0])
        row["fields"]["article"] = 999999
        return [json.dumps(row, ensure_ascii=False) + "\n", *lines[1:]]

    rewrite(package, "indicators.jsonl", orphan)
    assert refused(package).startswith("The package refers to rows it does not hold:")


def test_a_bad_value_names_the_file_and_line(package):
    def bad(lines):
        row = json.loads(lines[1])
        row["fields"]["value"] = "mười"
        return [lines[0], json.dumps(row, ensure_ascii=False) + "\n", *lines[2:]]

    rewrite(package, "indicators.jsonl", bad)
    assert refused(package).startswith("indicators.jsonl line 2: ")


def test_a_unit_in_an_unknown_gazetteer_area_is_refused(package):
    def elsewhere(lines):
        rows = [json.loads(line) for line in lines]
        for row in rows:
            if row["fields"]["area"]:
                row["fields"]["area"] = ["legacy", "no-such-code"]
        return [json.dumps(r, ensure_ascii=False) + "\n" for r in rows]

    rewrite(package, "units.jsonl", elsewhere)
    message = refused(package)
    assert message.startswith("units.jsonl line ")
    assert "AdminArea matching query does not exist" in message


def test_rows_of_the_wrong_kind_are_refused(package):
    shutil.copy(package / "terms.jsonl", package / "people.jsonl")
    meta = json.loads((package / "metadata.json").read_text())
    meta["files"]["people.jsonl"] = {**meta["files"]["terms.jsonl"], "model": "congress.person"}
    (package / "metadata.json").write_text(json.dumps(meta))
    assert refused(package) == (
        "people.jsonl line 1: a congress.term row where congress.person rows belong. "
        "Nothing was imported."
    )


def test_a_database_without_the_gazetteer_is_refused(package):
    AdminArea.objects.all().delete()
    assert (
        refused(package)
        == "The gazetteer is missing: run `manage.py migrate` first. Nothing was imported."
    )


def test_export_refuses_to_overwrite(full_archive, tmp_path):
    (tmp_path / "exists").mkdir()
    with pytest.raises(CommandError, match="already exists: give a new folder or file name"):
        call_command("export_archive", str(tmp_path / "exists"))
    with pytest.raises(CommandError, match="is not a folder"):
        call_command("export_archive", str(tmp_path / "no" / "such" / "dir"))
