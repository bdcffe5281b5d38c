"""CSV and JSON downloads of a search are streamed: rows are read in chunks while the
response is written, never gathered in a list, and report bodies are never read."""

import csv
import io
import json

import pytest
from django.db import connection
from django.db.models.query import QuerySet
from django.test.utils import CaptureQueriesContext

from congress import exports

pytestmark = pytest.mark.django_db

DOWNLOADS = ["/chi-tieu/chi-tieu.csv", "/chi-tieu/chi-tieu.json", "/api/indicators/?format=csv"]


def body(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_the_api_csv_is_the_public_csv(client, archive):
    query = "q=ho+ngheo&sort=value"
    api = client.get(f"/api/indicators/?{query}&format=csv")
    assert api.status_code == 200
    assert api["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="chi-tieu.csv"' in api["Content-Disposition"]
    public = body(client.get(f"/chi-tieu/chi-tieu.csv?{query}"))
    assert body(api) == public
    rows = list(csv.DictReader(io.StringIO(public)))
    assert [int(r["id"]) for r in rows] == [archive["result"].pk, archive["target"].pk]
    assert rows[1]["quote"] == "giảm tỷ lệ hộ nghèo xuống dưới 2%"
    assert rows[1]["report_url"] == "http://testserver/bai-viet/dong-le-ho-ngheo/"


def test_the_api_csv_is_the_whole_search_not_one_page(client, archive):
    from tests.web.conftest import make_indicator

    for n in range(130):
        make_indicator(
            archive["article"], "kết nạp được 32 đảng viên mới", value=str(n), refresh=False
        )
    rows = list(csv.DictReader(io.StringIO(body(client.get("/api/indicators/?format=csv")))))
    assert len(rows) == 134
    # the Accept header chooses CSV too
    assert len(body(client.get("/api/indicators/", HTTP_ACCEPT="text/csv")).splitlines()) == 135


@pytest.mark.parametrize("url", DOWNLOADS)
def test_rows_are_read_in_chunks_while_streaming(client, archive, monkeypatch, url):
    calls = []
    real_iterator = QuerySet.iterator

    def spy(self, chunk_size=None):
        calls.append((self.model.__name__, chunk_size))
        return real_iterator(self, chunk_size=chunk_size)

    monkeypatch.setattr(QuerySet, "iterator", spy)
    with CaptureQueriesContext(connection) as before:
        response = client.get(url)
    assert response.status_code == 200 and response.streaming
    # Nothing has been read from the indicators yet: rows come as the response is written.
    assert not [q for q in before.captured_queries if 'FROM "congress_indicator"' in q["sql"]]
    with CaptureQueriesContext(connection) as during:
        text = body(response)
    assert calls == [("Indicator", exports.CHUNK_SIZE)]
    selects = [q["sql"] for q in during.captured_queries if 'FROM "congress_indicator"' in q["sql"]]
    assert selects, "the rows were read while streaming"
    for sql in selects:
        assert '"congress_article"."body"' not in sql
        assert '"congress_article"."raw_text"' not in sql
    assert "kết nạp 12 đảng viên" in text


def test_the_json_download_is_one_valid_document(client, archive):
    data = json.loads(body(client.get("/chi-tieu/chi-tieu.json?kind=result")))
    assert [row["id"] for row in data["indicators"]] == [
        archive["result"].pk,
        archive["old_ind"].pk,
    ]
    assert set(data["indicators"][0]) == set(exports.EXPORT_FIELDS)
    # the public download ignores bad values, like its page
    everything = json.loads(body(client.get("/chi-tieu/chi-tieu.json")))
    assert json.loads(body(client.get("/chi-tieu/chi-tieu.json?kind=x"))) == everything
    assert len(everything["indicators"]) == 4
