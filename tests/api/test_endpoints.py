"""Every endpoint: what it returns, published content only, links between objects."""

import pytest

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def results(client, url):
    return get(client, url)["results"]


def test_root_lists_every_endpoint(client):
    data = get(client, "/api/")
    assert set(data) == {"units", "terms", "congresses", "reports", "indicators", "people"}
    assert data["indicators"] == f"{BASE}/api/indicators/"


def test_indicator_carries_its_quote_and_report_links(client, archive):
    target = archive["target"]
    data = get(client, f"/api/indicators/{target.pk}/")
    assert data == {
        "id": target.pk,
        "kind": "target",
        "category": "economy",
        "name": "Tỷ lệ hộ nghèo",
        "key": "ty le ho ngheo",
        "comparator": "le",
        "value": "2",
        "low": None,
        "high": None,
        "unit_of_measure": "%",
        "display_value": "≤ 2 %",
        "year": None,
        "unit": {
            "id": archive["ward"].pk,
            "slug": "dong-le",
            "name": "Đảng bộ phường Đông Lễ",
            "kind": "ward",
            "url": f"{BASE}/api/units/dong-le/",
        },
        "term": {
            "id": archive["t2"].pk,
            "label": "2020-2025",
            "url": f"{BASE}/api/terms/2020-2025/",
        },
        "verified": False,
        "quote": "giảm tỷ lệ hộ nghèo xuống dưới 2%",
        "quote_start": archive["article"].body.find("giảm tỷ lệ hộ nghèo"),
        "report": {
            "id": archive["article"].pk,
            "slug": "dong-le-ho-ngheo",
            "title": "Đông Lễ giảm hộ nghèo",
            "url": f"{BASE}/api/reports/dong-le-ho-ngheo/",
            "web_url": f"{BASE}/bai-viet/dong-le-ho-ngheo/",
        },
        "url": f"{BASE}/api/indicators/{target.pk}/",
    }
    # The links lead somewhere real.
    assert get(client, data["report"]["url"])["id"] == archive["article"].pk
    assert client.get(data["report"]["web_url"]).status_code == 200
    assert data["quote"] in get(client, data["report"]["url"])["body"]


def test_indicator_list_is_published_only(client, archive):
    ids = {row["id"] for row in results(client, "/api/indicators/")}
    assert ids == {archive[k].pk for k in ("target", "result", "members", "old_ind")}
    # hidden indicator, and a published indicator of a draft report
    for hidden in (archive["hidden"], archive["draft"].indicators.get()):
        assert get(client, f"/api/indicators/{hidden.pk}/", status=404) == {
            "detail": "No Indicator matches the given query."
        }


def test_ranges_are_decimal_strings(client, archive):
    from tests.web.conftest import make_indicator

    ind = make_indicator(
        archive["article"], "kết nạp được 32 đảng viên mới", comparator="range", value=None,
        low="17", high="18.25", unit=archive["ward"], term=archive["t2"],
    )  # fmt: skip
    data = get(client, f"/api/indicators/{ind.pk}/")
    assert (data["value"], data["low"], data["high"]) == (None, "17", "18.25")
    assert data["display_value"] == "17–18,25 %"


def test_reports_are_published_only_and_the_detail_has_the_text(client, archive):
    rows = results(client, "/api/reports/")
    assert [r["slug"] for r in rows] == ["khoi-tong-ket", "dong-le-ho-ngheo"]  # newest first
    assert all("body" not in r for r in rows)
    detail = get(client, "/api/reports/dong-le-ho-ngheo/")
    assert detail["body"] == archive["article"].body
    assert detail["units"] == [
        {
            "unit": {
                "id": archive["ward"].pk, "slug": "dong-le", "name": "Đảng bộ phường Đông Lễ",
                "kind": "ward", "url": f"{BASE}/api/units/dong-le/",
            },
            "is_primary": True,
        }
    ]  # fmt: skip
    assert [t["label"] for t in detail["terms"]] == ["2020-2025"]
    assert detail["indicator_count"] == 3  # the hidden one is not counted
    assert detail["web_url"] == f"{BASE}/bai-viet/dong-le-ho-ngheo/"
    assert get(client, "/api/reports/nhap/", status=404)


def test_units_with_parent_area_aliases_and_published_counts(client, archive):
    from congress.models import AdminArea, UnitAlias

    area = AdminArea.objects.filter(level="province").first()
    ward = archive["ward"]
    ward.area = area
    ward.save()
    UnitAlias.objects.create(unit=ward, name="Đảng ủy phường Đông Lễ")
    data = get(client, "/api/units/dong-le/")
    assert data["parent"]["slug"] == "tx-qt"
    assert data["area"] == {"map": area.map, "code": area.code, "name": area.name}
    assert data["aliases"] == ["Đảng ủy phường Đông Lễ"]
    assert (data["report_count"], data["indicator_count"]) == (1, 3)  # not the draft's
    assert data["web_url"] == f"{BASE}/don-vi/dong-le/"
    assert client.get(data["web_url"]).status_code == 200
    names = [u["name"] for u in results(client, "/api/units/")]
    assert names == sorted(names) and len(names) == 5


def test_terms_by_label(client, archive):
    rows = results(client, "/api/terms/")
    assert [r["label"] for r in rows] == ["2015-2020", "2020-2025"]
    data = get(client, "/api/terms/2020-2025/")
    assert (data["start_year"], data["end_year"]) == (2020, 2025)
    assert (data["report_count"], data["indicator_count"]) == (1, 3)
    assert data["web_url"] == f"{BASE}/nhiem-ky/2020-2025/"
    get(client, "/api/terms/1999-2004/", status=404)
    get(client, "/api/terms/abc/", status=404)


def test_congresses_link_only_published_reports(client, archive):
    shown = get(client, f"/api/congresses/{archive['congress'].pk}/")
    assert shown["source_report"]["slug"] == "dong-le-ho-ngheo"
    assert shown["unit"]["slug"] == "dong-le" and shown["term"]["label"] == "2020-2025"
    assert shown["ordinal"] == 5
    draft = get(client, f"/api/congresses/{archive['draft_congress'].pk}/")
    assert draft["source_report"] is None
    assert len(results(client, "/api/congresses/")) == 2


def test_people_show_positions_from_published_reports_only(client, archive):
    data = get(client, f"/api/people/{archive['person'].slug}/")
    assert data["name"] == "Nguyễn Văn Đức"
    assert [p["title"] for p in data["positions"]] == ["Bí thư Đảng ủy phường"]
    assert data["positions"][0]["report"]["slug"] == "dong-le-ho-ngheo"
    assert data["positions"][0]["unit"]["slug"] == "dong-le"
    # like the public site, a person is listed; what only a draft says of them is not
    secret = get(client, f"/api/people/{archive['secret'].slug}/")
    assert secret["positions"] == []
    assert client.get(data["web_url"]).status_code == 200


@pytest.mark.parametrize(
    ("url", "most"),
    [
        ("/api/units/", 4),
        ("/api/terms/", 3),
        ("/api/congresses/", 3),
        ("/api/reports/", 5),
        ("/api/indicators/", 3),
        ("/api/people/", 5),
    ],
)
def test_list_queries_do_not_grow_with_rows(
    client, archive, django_assert_max_num_queries, url, most
):
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200


def test_pagination_is_bounded(client, archive):
    from tests.web.conftest import make_indicator

    for n in range(120):
        make_indicator(
            archive["article"], "kết nạp được 32 đảng viên mới", value=str(n), refresh=False
        )
    first = get(client, "/api/indicators/")
    assert first["count"] == 124 and len(first["results"]) == 25
    assert first["next"] == f"{BASE}/api/indicators/?page=2"
    biggest = get(client, "/api/indicators/?page_size=100&page=2")
    assert len(biggest["results"]) == 24 and biggest["next"] is None
    pages = [get(client, f"/api/indicators/?page_size=50&page={n}")["results"] for n in (1, 2, 3)]
    ids = [row["id"] for page in pages for row in page]
    assert len(ids) == len(set(ids)) == 124  # a stable order: every row once
