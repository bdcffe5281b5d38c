"""The API's filters: the indicator search's own (same answers as the public page), and each
endpoint's."""

import pytest
from django.urls import reverse

from congress.models import Unit
from congress.search import refresh_units
from tests.web.test_indicator_search import test_filters as public_cases

pytestmark = pytest.mark.django_db

# The public search's own cases (tests/web/test_indicator_search.py), asked of the API.
CASES = public_cases.pytestmark[0].args[1]


def ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_indicator_filters_match_the_public_search(client, archive, query, expected):
    api = ids(client, "/api/indicators/" + query)
    assert set(api) == {archive[k].pk for k in expected}
    page = client.get(reverse("congress:indicator-search") + query)
    assert api == [ind.pk for ind in page.context["indicators"]]  # same rows, same order


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("?sort=-value", ["members", "old_ind"]),
        ("?sort=term", ["old_ind"]),
        ("?sort=value", ["result"]),
    ],
)
def test_indicator_sorting(client, archive, query, first):
    assert ids(client, "/api/indicators/" + query)[: len(first)] == [archive[k].pk for k in first]


def test_indicator_relevance_order_with_a_keyword(client, archive):
    assert ids(client, "/api/indicators/?q=ho+ngheo") == ids(
        client, "/api/indicators/?q=H%E1%BB%98+NGH%C3%88O"
    )


def slugs(client, url, key="slug"):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [row[key] for row in response.json()["results"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=province", ["can-tho", "quang-tri"]),
        ("?kind=bloc", ["khoi-co-quan"]),
        ("?parent=quang-tri", ["khoi-co-quan", "tx-qt"]),
        ("?province=quang-tri", ["dong-le", "khoi-co-quan", "quang-tri", "tx-qt"]),
        ("?q=dong+le", ["dong-le"]),
        ("?q=QUANG+TRI&kind=district", ["tx-qt"]),
    ],
)
def test_unit_filters(client, archive, query, expected):
    refresh_units(Unit.objects.all())  # the import keeps units' search text; here by hand
    assert sorted(slugs(client, "/api/units/" + query)) == expected


def test_term_filter_by_year(client, archive):
    assert slugs(client, "/api/terms/?year=2020", "label") == ["2015-2020", "2020-2025"]
    assert slugs(client, "/api/terms/?year=2017", "label") == ["2015-2020"]
    assert slugs(client, "/api/terms/?year=1990", "label") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?unit=quang-tri", {"congress", "draft_congress"}),
        ("?unit=tx-qt", {"congress"}),
        ("?term=2015-2020", {"draft_congress"}),
        ("?unit=dong-le&term=2015-2020", set()),
    ],
)
def test_congress_filters(client, archive, query, expected):
    assert set(slugs(client, "/api/congresses/" + query, "id")) == {archive[k].pk for k in expected}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?q=ho+ngheo", ["dong-le-ho-ngheo"]),
        ("?q=tong+ket", ["khoi-tong-ket"]),
        ("?q=nhap", []),  # the draft is never found
        ("?unit=quang-tri", ["khoi-tong-ket", "dong-le-ho-ngheo"]),
        ("?unit=khoi-co-quan", ["khoi-tong-ket"]),
        ("?term=2020-2025", ["dong-le-ho-ngheo"]),
        ("?genre=news", []),
        ("?genre=other", ["khoi-tong-ket", "dong-le-ho-ngheo"]),
    ],
)
def test_report_filters(client, archive, query, expected):
    assert slugs(client, "/api/reports/" + query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?q=nguyen+van+duc", ["person"]),
        ("?q=bi+thu", ["person", "secret"]),
        ("?unit=quang-tri", ["person", "secret"]),
        ("?unit=khoi-co-quan", []),
    ],
)
def test_person_filters(client, archive, query, expected):
    found = slugs(client, "/api/people/" + query)
    assert sorted(found) == sorted(archive[k].slug for k in expected)
