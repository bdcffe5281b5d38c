"""A reader's journey in a real headless Chromium, with screenshots in test-artifacts/."""

import csv
import io
from pathlib import Path

import pytest

from tests.web.conftest import world  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_filter_unit_report_language_and_csv(live_server, page, shot, world):  # noqa: F811
    page.goto(live_server.url + "/")
    shot("01-home")
    page.fill("#home-q", "ho ngheo")
    page.click(".big-search button")
    assert page.locator("#indicators mark").first.inner_text().lower() == "hộ nghèo"
    shot("02-search-ho-ngheo")

    page.click("text=Lọc các chỉ tiêu này")
    page.select_option("#id_term", "2020-2025")
    page.click(".filter-form button[type=submit]")
    assert "term=2020-2025" in page.url and "q=ho+ngheo" in page.url
    assert page.locator("table.indicators tbody tr").count() == 2
    shot("03-indicator-search")

    page.click("table.indicators tbody tr >> nth=0 >> text=Đảng bộ phường Đông Lễ")
    assert page.locator("h1").inner_text() == "Đảng bộ phường Đông Lễ"
    assert page.locator(".comparison.status-met").count() == 1
    shot("04-unit")

    page.click(".article-item a >> nth=0")
    quote = page.locator(f"mark#q{world['target'].pk}")
    assert quote.inner_text() == "giảm tỷ lệ hộ nghèo xuống dưới 2%"
    quote.locator("a").click()
    assert page.url.endswith(f"#i{world['target'].pk}")
    shot("05-report")

    page.select_option("#lang-select", "en")
    page.click(".lang button")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Đông Lễ giảm hộ nghèo"  # content stays Vietnamese
    page.click("nav >> text=Indicator search")
    assert page.locator("h1").inner_text() == "Search targets and results"
    shot("06-english")

    with page.expect_download() as info:
        page.click("text=CSV")
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 4
    assert {r["unit"] for r in rows} == {"Đảng bộ phường Đông Lễ", "Đảng bộ Khối cơ quan"}


def test_mobile_layout(live_server, browser, world):  # noqa: F811
    from tests.browser.conftest import ARTIFACTS

    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.url + "/chi-tieu/?q=ho+ngheo")
    width = page.evaluate("document.documentElement.scrollWidth")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "07-mobile-indicators.png"), full_page=True)
    context.close()
    assert width <= 400
