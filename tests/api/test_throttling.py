"""Rate limits: anonymous clients are limited per address; rates come from the environment."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def limited(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"burst": "3/minute", "sustained": "1000/day"},
    }


def test_the_fourth_request_in_a_minute_is_refused(client, world, limited):
    for _ in range(3):
        assert client.get("/api/terms/").status_code == 200
    response = client.get("/api/indicators/")
    assert response.status_code == 429
    assert response.json()["detail"].startswith("Request was throttled.")
    assert 0 < int(response["Retry-After"]) <= 60


def test_each_address_has_its_own_budget(client, world, limited):
    for _ in range(3):
        client.get("/api/terms/", REMOTE_ADDR="10.0.0.1")
    assert client.get("/api/terms/", REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get("/api/terms/", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_a_forged_forwarded_for_header_does_not_reset_the_budget(client, world, limited):
    for n in range(3):
        client.get("/api/terms/", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert client.get("/api/terms/", HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429


def test_the_public_pages_are_not_limited_by_the_api(client, world, limited):
    for _ in range(5):
        assert client.get("/chi-tieu/").status_code == 200


def _settings_with(env: dict) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "rf = settings.REST_FRAMEWORK; "
        "print(json.dumps([rf['DEFAULT_THROTTLE_CLASSES'], rf['DEFAULT_THROTTLE_RATES'], rf['NUM_PROXIES']]))"
    )
    environ = {k: v for k, v in os.environ.items() if not k.startswith("API_")}
    environ.update(env, DJANGO_SETTINGS_MODULE="archive.settings")
    out = subprocess.run(
        [sys.executable, "-c", code], env=environ, cwd=django_settings.BASE_DIR,
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(out.stdout)


def test_limits_are_on_by_default_and_set_from_the_environment():
    classes, rates, proxies = _settings_with({})
    assert classes == [
        "congress.api.throttling.BurstRateThrottle",
        "congress.api.throttling.SustainedRateThrottle",
    ]
    assert rates == {"burst": "120/minute", "sustained": "10000/day"}
    assert proxies == 0
    _, rates, proxies = _settings_with(
        {
            "API_THROTTLE_BURST": "10/second",
            "API_THROTTLE_SUSTAINED": "50/hour",
            "API_NUM_PROXIES": "1",
        }
    )
    assert rates == {"burst": "10/second", "sustained": "50/hour"}
    assert proxies == 1
