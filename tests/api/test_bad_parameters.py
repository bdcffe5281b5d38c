"""Bad parameters get a 400 that says what is wrong, never a 500 and never silently ignored."""

import pytest

from congress.api.filters import EMPTY_SORT_ENTRY

pytestmark = pytest.mark.django_db


def errors(client, url):
    response = client.get(url)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["detail"].startswith("Bad parameters. ")
    return body["errors"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/indicators/?kind=x", {"kind": ['"x" is not one of the allowed values.']}),
        ("/api/indicators/?category=sport", {"category": ['"sport" is not one of the allowed values.']}),
        ("/api/indicators/?unit_kind=city", {"unit_kind": ['"city" is not one of the allowed values.']}),
        ("/api/indicators/?term=1900-1901", {"term": ['No term "1900-1901"; terms are written like 2020-2025 (see /api/terms/).']}),
        ("/api/indicators/?unit=nope", {"unit": ['No unit has the slug "nope".']}),
        ("/api/indicators/?province=dong-le", {"province": ['No unit has the slug "dong-le".']}),
        ("/api/indicators/?year_from=2025&year_to=2020", {"year_to": ["year_from (2025) is after year_to (2020)."]}),
        ("/api/indicators/?year_from=abc", {"year_from": ["Enter a number."]}),
        ("/api/indicators/?year_from=1e9", {"year_from": ["Ensure this value is less than or equal to 2200."]}),
        ("/api/indicators/?year_to=1800", {"year_to": ["Ensure this value is greater than or equal to 1900."]}),
        ("/api/indicators/?sort=colour", {"sort": ['"colour" is not one of the allowed values.']}),
        ("/api/indicators/?sort=value,,year", {"sort": [EMPTY_SORT_ENTRY]}),
        ("/api/indicators/?sort=,,,", {"sort": [EMPTY_SORT_ENTRY]}),
        ("/api/indicators/?q=%00", {"q": ["Null characters are not allowed."]}),
        ("/api/indicators/?page=x", {"page": ["Must be a whole number, not 'x'."]}),
        ("/api/indicators/?page=0", {"page": ["Must be 1 or more."]}),
        ("/api/indicators/?page_size=1000", {"page_size": ["Must be at most 100."]}),
        ("/api/indicators/?page_size=-1", {"page_size": ["Must be 1 or more."]}),
        ("/api/indicators/?kind=", {"kind": ["Empty value; leave the parameter out not to filter by it."]}),
        ("/api/indicators/?kind=target&kind=result", {"kind": ["Given more than once; give it once."]}),
        ("/api/indicators/?format=xml", {"format": ['Unknown format "xml"; use json, csv.']}),
        ("/api/units/?format=csv", {"format": ['Unknown format "csv"; use json.']}),
        ("/api/units/?kind=ward&parent=nope", {"parent": ['No unit has the slug "nope".']}),
        ("/api/terms/?year=20x0", {"year": ["Enter a number."]}),
        ("/api/reports/?genre=poem", {"genre": ['"poem" is not one of the allowed values.']}),
        ("/api/people/?unit=%00", {"unit": ["Null characters are not allowed."]}),
    ],
)  # fmt: skip
def test_bad_values_are_named(client, world, url, expected):
    assert errors(client, url) == expected


def test_unknown_parameters_are_named_with_what_is_allowed(client, world):
    allowed = "format, page, page_size, q, unit"
    assert errors(client, "/api/people/?name=x&unti=dong-le") == {
        "name": [f"Unknown parameter; this endpoint takes: {allowed}."],
        "unti": [f"Unknown parameter; this endpoint takes: {allowed}."],
    }
    assert errors(client, f"/api/people/{world['person'].slug}/?page=2") == {
        "page": ["Unknown parameter; this endpoint takes: format."]
    }


def test_several_bad_values_are_all_named(client, world):
    body = client.get("/api/indicators/?kind=x&unit=nope&year_from=abc").json()
    assert set(body["errors"]) == {"kind", "unit", "year_from"}
    assert body["detail"] == (
        'Bad parameters. unit: No unit has the slug "nope".; '
        'kind: "x" is not one of the allowed values.; year_from: Enter a number.'
    )


def test_a_page_past_the_end_is_not_found_and_says_how_many_there_are(client, world):
    response = client.get("/api/indicators/?page=9&page_size=3")
    assert response.status_code == 404
    assert response.json() == {"detail": "Page 9 does not exist: there are 2 pages of 3 rows."}


def test_a_csv_request_with_bad_parameters_is_answered_in_json(client, world):
    response = client.get("/api/indicators/?format=csv&kind=x")
    assert response.status_code == 400
    assert response.json()["errors"] == {"kind": ['"x" is not one of the allowed values.']}


def test_messages_are_english_whatever_the_site_language(client, world):
    client.cookies["django_language"] = "vi"
    assert errors(client, "/api/indicators/?year_from=abc") == {"year_from": ["Enter a number."]}


@pytest.mark.parametrize(
    "address",
    ["/api/nothing/here/", "/api/terms/%0A2020-2025/", "/api/%0A"],
)
def test_unknown_addresses_under_api_are_json_404s(client, world, address):
    # A newline in the address once fell through to the site's HTML 404 (found by fuzzing).
    response = client.get(address)
    assert response.status_code == 404
    assert response.json() == {"detail": "No API endpoint at this address; see /api/docs/."}


def test_an_unknown_slug_with_a_newline_is_a_json_404(client, world):
    response = client.get("/api/units/a%0Ab/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_writes_are_not_allowed(client, world):
    assert client.post("/api/indicators/", {}).status_code == 405
    assert client.delete(f"/api/indicators/{world['target'].pk}/").status_code == 405
