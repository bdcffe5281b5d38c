"""The OpenAPI schema validates, is served, and its documentation page needs no CDN."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

from congress.api.filters import IndicatorApiFilter
from congress.filters import IndicatorFilter


def test_the_schema_validates_without_warnings(tmp_path):
    out = tmp_path / "schema.yaml"
    # --fail-on-warn: any warning of drf-spectacular (an unguessable type…) fails the test.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    assert out.read_text().startswith("openapi: 3.")


@pytest.fixture
def schema(client):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_every_endpoint_is_described(schema):
    assert set(schema["paths"]) == {
        f"/api/{name}/{suffix}"
        for name, lookup in [
            ("units", "{slug}/"), ("terms", "{label}/"), ("congresses", "{id}/"),
            ("reports", "{slug}/"), ("indicators", "{id}/"), ("people", "{slug}/"),
        ]
        for suffix in ("", lookup)
    }  # fmt: skip
    for operations in schema["paths"].values():
        assert set(operations) == {"get"}  # read-only
        assert {"200", "400", "404", "429"} <= set(operations["get"]["responses"])


def test_the_indicator_list_takes_the_public_search_filters(schema):
    operation = schema["paths"]["/api/indicators/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names == set(IndicatorFilter.base_filters) | {"page", "page_size", "format"}
    assert names - {"page", "page_size", "format"} == set(IndicatorApiFilter.base_filters)
    params = {p["name"]: p["schema"] for p in operation["parameters"]}
    assert params["kind"]["enum"] == ["result", "target"]
    assert params["page_size"]["maximum"] == 100
    assert params["term"]["pattern"] == "^[0-9]{4}-[0-9]{4}$"
    assert set(operation["responses"]["200"]["content"]) == {"application/json", "text/csv"}


def test_the_documentation_page_uses_local_assets_only(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html and "<style>" not in html  # nothing inline (the CSP)
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    # The page's own script is a separate file (split view), pointing at our schema.
    scripts = [a for a in assets if a.startswith("/api/docs/?script")]
    assert len(scripts) == 1
    script = client.get(scripts[0].replace("&amp;", "&"))
    assert script.status_code == 200 and "/api/schema/" in script.content.decode()
    for asset in set(assets) - set(scripts):
        assert asset.startswith("/static/"), asset  # nothing from another host
        assert finders.find(asset.removeprefix("/static/")), asset
    assert "https://" not in html and "http://" not in html
