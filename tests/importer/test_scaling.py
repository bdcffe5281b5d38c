"""The import's cost per report must not grow with the archive.

Every statement the import runs to find or update a row (the article a file already is, a
unit, an alias, a person, a term, a report's indicators…) must be able to use an index: a
sequential scan reads the whole table, so each report would cost more than the last. The
tables here are tiny, where PostgreSQL scans anyway; with ``enable_seqscan`` off its planner
still scans a table only when no index can answer the statement, which is what is tested.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congress.importer.writer import find_person
from congress.models import Indicator, Person, PersonAlias
from congress.search import parse_query, search

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's query plans"),
]

# Statements that read a table to find rows: INSERTs of values only write (an INSERT …
# SELECT, the history copied by the database, reads); savepoints read nothing.
READS = re.compile(r"^\s*(SELECT|UPDATE|DELETE)\b|^\s*INSERT\b.*\bSELECT\b", re.I | re.S)


def scanned_tables(sql: str) -> set[str]:
    """Tables the plan reads in full: a sequential scan, or an index walked end to end
    (an index scan with no index condition, which the planner picks over a sequential scan
    it was told to avoid)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        (plan,) = cursor.fetchone()
    tables = set()
    nodes = [plan[0]["Plan"]]
    while nodes:
        node = nodes.pop()
        nodes.extend(node.get("Plans", []))
        relation = node.get("Relation Name")
        if relation is None:
            continue
        if node["Node Type"] == "Seq Scan" or (
            node["Node Type"] in ("Index Scan", "Index Only Scan") and "Index Cond" not in node
        ):
            tables.add(relation)
    return tables


def full_scans(queries) -> dict[str, str]:
    found = {}
    for query in queries:
        sql = query["sql"]
        if not READS.match(sql) or "pg_advisory" in sql:
            continue
        for table in scanned_tables(sql):
            found.setdefault(table, sql[:300])
    return found


def test_importing_and_reimporting_reports_reads_no_table_in_full(run_import, reports_dir):
    with CaptureQueriesContext(connection) as first:
        code, _, err = run_import(reports_dir)
    assert code == 0, err
    # Changed text: the update path (the article by source path, its links, indicators…).
    for path in sorted(reports_dir.iterdir()):
        path.write_text(path.read_text(encoding="utf-8") + "\n\nThêm một dòng.\n", "utf-8")
    with CaptureQueriesContext(connection) as again:
        code, out, err = run_import(reports_dir)
    assert code == 0, err
    assert "5 updated" in out

    assert len(first.captured_queries) > 50  # the capture saw the import
    assert full_scans(first.captured_queries) == {}
    assert full_scans(again.captured_queries) == {}


def test_a_person_is_found_by_name_or_alias_through_indexes():
    named = Person.objects.create(name="Nguyễn Văn An", slug="nguyen-van-an")
    other = Person.objects.create(name="Trần Thị Bình", slug="tran-thi-binh")
    alias = PersonAlias.objects.create(person=other, name="Trần Bình")

    with CaptureQueriesContext(connection) as queries:
        assert find_person(named.name_key) == named
        assert find_person(alias.name_key) == other
        assert find_person("khong co ai") is None
    assert full_scans(queries.captured_queries) == {}


def test_indicator_search_vectors_follow_their_text(run_import, seeds_dir):
    """Written by the trigger on insert (the import no longer updates every row after it)
    and on any later change of the text, equal to ``to_tsvector('simple', search_text)``."""
    code, _, err = run_import(seeds_dir)
    assert code == 0, err
    indicator = Indicator.objects.order_by("pk").first()
    indicator.search_text = " kiemtra vectormot "
    indicator.save()
    Indicator.objects.filter(pk=indicator.pk + 1).update(search_text=" kiemtra vectorhai ")

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), count(*) FILTER (WHERE search_vector IS NULL"
            " OR search_vector <> to_tsvector('simple', search_text)) FROM congress_indicator"
        )
        rows, stale = cursor.fetchone()
    assert rows > 50
    assert stale == 0
    assert search(Indicator.objects.all(), parse_query("vectormot")).get() == indicator
    assert search(Indicator.objects.all(), parse_query("vectorhai")).get().pk == indicator.pk + 1
