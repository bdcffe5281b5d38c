"""Production settings: `check --deploy` is clean, a secret key is required, DEBUG is off,
and every response carries the security headers (CSP, referrer policy, no framing)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def production_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CSP_"))}
    env.update(
        DJANGO_PRODUCTION="1",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="archive.example.org",
        DATABASE_URL="sqlite:///:memory:",
    )
    env.update(extra)
    return env


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_has_no_warnings_in_production():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_warns_without_the_production_settings():
    """The test above would be worthless if the check could not fail here."""
    env = production_env(DJANGO_PRODUCTION="0")
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr


@pytest.mark.parametrize(
    "env, message",
    [
        ({"DJANGO_SECRET_KEY": ""}, "DJANGO_SECRET_KEY must be set in production."),
        ({"DJANGO_SECRET_KEY": "short"}, "must be a random value of 50+ characters"),
        ({"DJANGO_DEBUG": "1"}, "DJANGO_DEBUG must be off when DJANGO_PRODUCTION=1."),
        (
            {"DJANGO_PRODUCTION": "0", "DJANGO_REQUIRE_SECRET_KEY": "1", "DJANGO_SECRET_KEY": ""},
            "DJANGO_SECRET_KEY must be set in production.",
        ),
    ],
)
def test_production_refuses_to_start_without_a_real_key_or_with_debug(env, message):
    result = manage("check", env=production_env(**env))
    assert result.returncode != 0
    assert message in result.stderr


def test_production_turns_on_https_hsts_and_secure_cookies():
    code = (
        "from django.conf import settings as s; print(s.DEBUG, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_REFERRER_POLICY)"
    )
    result = manage("shell", "--no-imports", "-c", code, env=production_env())
    assert result.stdout.split() == ["False", "True", "31536000", "True", "True", "same-origin"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/", "/tim-kiem/?q=x", "/api/units/", "/api/docs/", "/admin/login/"]
)
def test_every_response_has_the_security_headers(client, url):
    response = client.get(url)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


SERVE_STATIC = """
import re
from django.test import Client
client = Client()
home = client.get("/")
css = re.search(r'href="(/static/css/site\\.[0-9a-f]+\\.css)"', home.content.decode()).group(1)
asset = client.get(css)
docs = client.get("/api/docs/")
swagger = re.search(r'src="(/static/[^"]+swagger-ui-bundle[^"]*\\.js)"', docs.content.decode())
print(home.status_code, asset.status_code, b"".join(asset.streaming_content)[:1] != b"",
      docs.status_code, client.get(swagger.group(1)).status_code, asset["Cache-Control"])
"""


def test_static_files_are_served_with_debug_off_after_collectstatic(tmp_path):
    """Production: hashed file names from the manifest, served by whitenoise, cached long."""
    env = production_env(
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert manage("migrate", "-v", "0", env=env).returncode == 0
    collected = manage("collectstatic", "--no-input", "-v", "0", env=env)
    assert collected.returncode == 0, collected.stderr
    result = manage("shell", "--no-imports", "-c", SERVE_STATIC, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "200",
        "200",
        "True",
        "200",
        "200",
        "max-age=315360000,",
        "public,",
        "immutable",
    ]
