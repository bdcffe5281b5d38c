"""The Content Security Policy in a real Chromium: the main pages, the admin and the API's
Swagger UI load and work with no violation reported (nothing inline, nothing from outside)."""

from __future__ import annotations

import pytest

from tests.web.conftest import world  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@pytest.fixture
def watched(page):
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(WATCH)

    def violations() -> list[str]:
        reported = page.evaluate("window.__violations")
        refused = [m for m in console if "Content Security Policy" in m or "Refused to" in m]
        return reported + refused

    page.violations = violations
    return page


def visit(tab, url: str) -> None:
    response = tab.goto(url)
    assert response.status == 200, url
    assert "script-src 'self'" in response.headers["content-security-policy"]
    tab.wait_for_load_state("networkidle")
    assert tab.violations() == [], url


def test_public_pages_have_no_csp_violation(live_server, watched, world, unthrottled):  # noqa: F811
    for path in ["/", "/tim-kiem/?q=ho+ngheo", "/chi-tieu/?q=ho+ngheo", "/don-vi/",
                 "/don-vi/dong-le/", "/bai-viet/dong-le-ho-ngheo/", "/nhiem-ky/2020-2025/"]:  # fmt: skip
        visit(watched, live_server.url + path)
    # The language form still works (no inline script drives it).
    watched.goto(live_server.url + "/")
    watched.select_option("#lang-select", "en")
    watched.click(".lang button")
    assert watched.locator("html").get_attribute("lang") == "en"
    assert watched.violations() == []


def test_swagger_ui_works_under_the_csp(live_server, watched, world, unthrottled):  # noqa: F811
    visit(watched, live_server.url + "/api/docs/")
    watched.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert watched.locator(".swagger-ui .opblock").count() >= 6  # every endpoint listed
    assert "congress-archive open data API" in watched.locator(".swagger-ui .info").inner_text()
    assert watched.violations() == []


def test_admin_has_no_csp_violation(live_server, watched, world, django_user_model):  # noqa: F811
    django_user_model.objects.create_superuser("quantri", "q@example.org", "mật-khẩu-dài-123")
    visit(watched, live_server.url + "/admin/login/")
    watched.fill("#id_username", "quantri")
    watched.fill("#id_password", "mật-khẩu-dài-123")
    watched.click("input[type=submit]")
    watched.wait_for_load_state("networkidle")
    for path in ["/admin/", "/admin/congress/article/",
                 f"/admin/congress/article/{world['article'].pk}/change/",
                 f"/admin/congress/indicator/{world['target'].pk}/change/",
                 "/admin/congress/unit/?q=dong"]:  # fmt: skip
        visit(watched, live_server.url + path)
