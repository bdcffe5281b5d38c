"""New reports are written a batch per transaction (congress.importer.batch). The archive
must come out exactly as the file-by-file writer leaves it, row by row, and a batch the
database refuses must leave each file to be written (or to fail) alone."""

from datetime import date
from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction

from bench.corpus import generate_report
from congress.importer import service
from congress.importer.units import unique_slugs
from congress.models import (
    Article,
    Congress,
    Indicator,
    Person,
    PersonAlias,
    Position,
    Term,
    Unit,
    UnitAlias,
)
from tests.conftest import SEED_FILES

pytestmark = pytest.mark.django_db(transaction=False)

INDICATOR_COLUMNS = (
    "year", "name", "key", "category", "kind", "comparator", "value", "low", "high",
    "unit_of_measure", "quote", "quote_start", "source_key", "status", "search_text",
)  # fmt: skip


# What each history row must say, by natural keys (history ids and dates differ by run).
HISTORY_COLUMNS = {
    Article: ("title", "slug", "content_hash", "status", "body"),
    Indicator: ("source_key", "name", "quote", "value", "low", "high", "status", "year"),
    Person: ("slug", "name", "name_key"),
    Position: ("title", "date", "edited_fields", "created_by_editor"),
    Unit: ("slug", "name", "kind", "locality"),
    Congress: ("ordinal", "date", "delegates", "members_represented"),
    Term: ("start_year", "end_year"),
}


class _Rollback(Exception):
    pass


def corpus(folder: Path) -> tuple[list[Path], list[Path]]:
    """Two imports' worth of files: what the second finds already in the archive (units,
    people, slugs) is what the batch writer must look up rather than create."""
    first, second = folder / "first", folder / "second"
    first.mkdir()
    second.mkdir()
    for seed in SEED_FILES[:3]:
        (first / seed.name).write_bytes(seed.read_bytes())
    for index in range(12):
        name, text = generate_report(7, index)
        (first / name).write_text(text, encoding="utf-8")
    for seed in SEED_FILES:
        text = seed.read_text(encoding="utf-8")
        (second / seed.name).write_text(text, encoding="utf-8")  # known: same text
        # Same title, people and units, other text: a second slug, people found by name,
        # and a known person with a new title (whose search text must be read back).
        more = text.replace("Bí thư Đảng ủy", "Phó Bí thư Đảng ủy") + "\nĐoạn bổ sung.\n"
        (second / f"more-{seed.name}").write_text(more, encoding="utf-8")
    (second / "copy.txt").write_text(SEED_FILES[4].read_text(encoding="utf-8"), "utf-8")
    for index in range(12, 30):
        name, text = generate_report(7, index)
        (second / name).write_text(text, encoding="utf-8")
    return sorted(first.iterdir()), sorted(second.iterdir())


def archive_rows() -> dict[str, object]:
    """Everything the import writes, by natural keys (primary keys differ between runs)."""

    def unit_key(unit):
        return unit.slug if unit else None

    def term_key(term):
        return term.label if term else None

    units = {
        u.slug: (
            u.name, u.name_key, u.kind, u.admin_type, u.locality, unit_key(u.parent),
            u.area.code if u.area else None, u.search_text,
            sorted(a.name_key for a in u.aliases.all()),
        )
        for u in Unit.objects.select_related("parent", "area").prefetch_related("aliases")
    }  # fmt: skip
    articles = {}
    for a in Article.objects.prefetch_related("unit_links__unit", "terms"):
        articles[a.source_path] = (
            a.title, a.slug, a.published_at, a.author, a.source_name, a.source_url, a.genre,
            a.body, a.raw_text, a.content_hash, a.source_file, a.status, a.extraction_warnings,
            a.search_text,
            sorted((link.unit.slug, link.is_primary) for link in a.unit_links.all()),
            sorted(t.label for t in a.terms.all()),
        )  # fmt: skip
    rows = {
        "units": units,
        "articles": articles,
        "terms": sorted(t.label for t in Term.objects.all()),
        "people": sorted(Person.objects.values_list("slug", "name", "name_key", "search_text")),
        "positions": sorted(
            (p.person.slug, p.title, p.article.source_path, p.date)
            for p in Position.objects.select_related("person", "article")
        ),
        "congresses": sorted(
            (
                c.unit.slug,
                c.ordinal,
                term_key(c.term),
                c.date,
                c.delegates,
                c.members_represented,
                c.source_article.source_path,
            )
            for c in Congress.objects.select_related("unit", "term", "source_article")
        ),  # fmt: skip
        "indicators": sorted(
            (
                i.article.source_path,
                unit_key(i.unit),
                term_key(i.term),
                *(str(getattr(i, name)) for name in INDICATOR_COLUMNS),
            )
            for i in Indicator.objects.select_related("article", "unit", "term")
        ),  # fmt: skip
        "history": {
            model.__name__: sorted(
                tuple(map(str, row))
                for row in model.history.values_list(
                    "history_type", "history_user", "history_change_reason", *columns
                )
            )
            for model, columns in HISTORY_COLUMNS.items()
        },
        "aliases": (UnitAlias.objects.count(), PersonAlias.objects.count()),
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT source_path, search_vector::text FROM congress_article")
            rows["article_vectors"] = sorted(cursor.fetchall())
            cursor.execute(
                "SELECT a.source_path, i.source_key, i.search_vector::text FROM congress_indicator"
                " i JOIN congress_article a ON a.id = i.article_id"
            )
            rows["indicator_vectors"] = sorted(cursor.fetchall())
    return rows


def import_both(first, second) -> list[tuple[str, str]]:
    outcomes = []
    for files in (first, second):
        summary = service.import_reports(files)
        outcomes += [(o.path.name, o.status) for o in summary.outcomes]
    return outcomes


def spy_on_batches(monkeypatch) -> list[int]:
    """The number of reports of each batch written by the batch writer."""
    sizes: list[int] = []
    real = service.write_new_reports

    def write(reports, **kwargs):
        results = real(reports, **kwargs)
        sizes.append(len(results))
        return results

    monkeypatch.setattr(service, "write_new_reports", write)
    return sizes


def file_by_file(monkeypatch, first, second):
    """What the file-by-file writer leaves, then rolled back."""
    with monkeypatch.context() as patch:
        patch.setattr(service, "_write_new", lambda items, options: {})
        try:
            with transaction.atomic():
                outcomes = import_both(first, second)
                rows = archive_rows()
                raise _Rollback
        except _Rollback:
            pass
    return outcomes, rows


def test_a_batch_leaves_the_archive_exactly_as_file_by_file_writing(
    tmp_path, settings, monkeypatch
):
    first, second = corpus(tmp_path)
    settings.IMPORT_WORKERS = 1
    expected_outcomes, expected = file_by_file(monkeypatch, first, second)
    assert Article.objects.count() == 0

    settings.IMPORT_BATCH_FILES = 50
    batched = spy_on_batches(monkeypatch)
    outcomes = import_both(first, second)
    rows = archive_rows()

    assert outcomes == expected_outcomes
    # Every new report went through the batch writer (a batch that failed and fell back to
    # file-by-file writing would leave the same rows and prove nothing).
    assert batched == [len(first), sum(status == "new" for _f, status in outcomes[len(first) :])]
    statuses = dict(outcomes[len(first) :])
    assert statuses["copy.txt"] == "unchanged"  # the same text as a file before it
    assert statuses[SEED_FILES[0].name] == "unchanged"
    assert statuses[f"more-{SEED_FILES[0].name}"] == "new"
    for part in expected:
        assert rows[part] == expected[part], part
    # The corpus does exercise what the batch shares between reports.
    assert len({slug for slug, *_ in rows["people"]}) < len(rows["positions"])
    assert any(a[1].endswith("-2") for a in rows["articles"].values())


def test_batches_of_one_and_of_many_give_the_same_archive(tmp_path, settings, monkeypatch):
    first, second = corpus(tmp_path)
    settings.IMPORT_WORKERS = 1
    settings.IMPORT_BATCH_FILES = 1
    try:
        with transaction.atomic():
            import_both(first, second)
            single = archive_rows()
            raise _Rollback
    except _Rollback:
        pass
    settings.IMPORT_BATCH_FILES = 7  # batches that end in the middle of each import
    batched = spy_on_batches(monkeypatch)
    import_both(first, second)
    assert archive_rows() == single
    assert batched[:3] == [7, 7, 1]  # the first import's 15 files


def test_a_refused_batch_is_written_file_by_file_and_a_bad_file_fails_alone(
    tmp_path, settings, monkeypatch
):
    first, _second = corpus(tmp_path)
    settings.IMPORT_WORKERS = 1

    def refuse(*args, **kwargs):
        raise DatabaseError("value too long for type character varying(120)")

    real_write = service.write_report

    def write_all_but_one(record, **kwargs):
        if record.source_file == first[1].name:
            raise DatabaseError("value too long for type character varying(120)")
        return real_write(record, **kwargs)

    monkeypatch.setattr(service, "write_new_reports", refuse)
    monkeypatch.setattr(service, "write_report", write_all_but_one)
    summary = service.import_reports(first)

    statuses = {o.path.name: (o.status, o.reason) for o in summary.outcomes}
    assert statuses.pop(first[1].name) == (
        "failed",
        "database error: value too long for type character varying(120)",
    )
    assert set(statuses.values()) == {("new", "")}
    assert Article.objects.count() == len(first) - 1


def test_unique_slugs_gives_what_one_by_one_lookups_give():
    Article.objects.create(title="x", slug="bao-cao", body="b", raw_text="b", content_hash="1")
    Article.objects.create(title="x", slug="bao-cao-3", body="b", raw_text="b", content_hash="2")
    assert unique_slugs(Article, ["bao-cao", "moi", "bao-cao", "moi", "bao-cao"]) == [
        "bao-cao-2",
        "moi",
        "bao-cao-4",
        "moi-2",
        "bao-cao-5",
    ]


def test_people_are_found_by_name_first_then_by_alias_lowest_key_first():
    from congress.extraction.text import match_key
    from congress.importer.batch import _find_people
    from congress.importer.writer import find_person

    def person(name, slug):
        return Person.objects.create(name=name, slug=slug)

    first, second = person("Lê Văn A", "a1"), person("Lê Văn A", "a2")
    aliased = person("Trần B", "b")
    PersonAlias.objects.create(person=aliased, name="Lê Văn A")  # a name wins over an alias
    other = person("Ngô C", "c")
    PersonAlias.objects.create(person=other, name="Ngô Văn C")
    a, c = match_key("Lê Văn A"), match_key("Ngô Văn C")
    found = _find_people([a, c, match_key("Võ D")])
    assert found == {a: first.pk, c: other.pk}
    assert [find_person(key).pk for key in (a, c)] == list(found.values())
    assert second.pk > first.pk


def test_a_congress_named_again_in_the_same_batch_is_filled_as_file_by_file(monkeypatch):
    """The first report to name a congress creates it; a later one fills only what is still
    empty, in order, with a history row for each change."""
    from congress.extraction.records import CongressRef, ReportMetadata, ReportRecord, UnitRef
    from congress.importer.batch import NewReport, write_new_reports
    from congress.importer.writer import write_report

    bloc = "Đảng bộ Khối Doanh nghiệp tỉnh"

    def report(name, *congresses):
        body = f"Báo cáo {name}."
        return ReportRecord(
            name,
            ReportMetadata(title=name),
            body,
            body,
            units=[UnitRef(name=bloc, kind="bloc", primary=True)],
            congresses=list(congresses),
        )

    reports = [
        report("a.txt", CongressRef(unit=bloc, ordinal=5, term="2020-2025")),
        report("b.txt", CongressRef(bloc, 5, None, date="2020-07-01", delegates=120)),
        report("c.txt", CongressRef(bloc, 5, "2015-2020", delegates=99, members=900)),
    ]

    def congress_rows():
        congress = Congress.objects.get()
        history = [
            (
                h.history_type,
                h.term.label if h.term else None,
                h.date,
                h.delegates,
                h.members_represented,
            )
            for h in congress.history.order_by("history_id")
        ]
        return (
            congress.term.label,
            congress.date,
            congress.delegates,
            congress.members_represented,
        ), history

    try:
        with transaction.atomic():
            for record in reports:
                write_report(
                    record, source_path=f"/{record.source_file}", status="draft", existing=None
                )
            expected = congress_rows()
            raise _Rollback
    except _Rollback:
        pass
    write_new_reports([NewReport(r, f"/{r.source_file}") for r in reports], status="draft")
    assert congress_rows() == expected
    assert expected[0] == ("2020-2025", date(2020, 7, 1), 120, 900)


def test_a_slug_whose_numbers_are_taken_is_found_in_two_queries(django_assert_num_queries):
    """Hundreds of wards share a name ("Đảng bộ phường 1"): the next number is read from
    the numbered slugs in one query, not tried one by one."""
    taken = ["dang-bo-phuong-1", *(f"dang-bo-phuong-1-{n}" for n in range(2, 40))]
    for n, slug in enumerate(taken + ["dang-bo-phuong-12a"]):
        Unit.objects.create(name=f"Đảng bộ phường {n}", slug=slug, kind="ward")
    with django_assert_num_queries(2):
        assert unique_slugs(Unit, ["dang-bo-phuong-1", "dang-bo-phuong-1"]) == [
            "dang-bo-phuong-1-40",
            "dang-bo-phuong-1-41",
        ]
