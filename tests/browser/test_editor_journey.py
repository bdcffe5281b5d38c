"""An editor's main path in a real headless Chromium: sign in, search, correct, hide."""

import pytest

from congress.models import Article, Indicator
from tests.admin.conftest import editor, editors_group, imported  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_signs_in_corrects_an_indicator_and_hides_a_report(
    live_server,
    page,
    shot,
    editor,  # noqa: F811
    imported,  # noqa: F811
):
    page.goto(live_server.url + "/admin/")
    assert "/admin/login/" in page.url
    page.fill("#id_username", "bientap")
    page.fill("#id_password", "mật-khẩu-dài-123")
    page.click("input[type=submit]")
    page.locator("#user-tools").wait_for()
    assert page.locator("#user-tools").count() == 1
    shot("admin-01-index")

    page.goto(live_server.url + "/admin/congress/indicator/?q=ho+ngheo")
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == Indicator.objects.filter(search_text__contains=" ho ngheo ").count()
    rows.first.locator("th a").click()
    page.locator(".quote-context").wait_for()
    assert page.locator(".quote-context mark").count() == 1
    shot("admin-02-indicator")
    page.fill("#id_name", "Tỷ lệ hộ nghèo (đã sửa)")
    page.click("input[name=_save]")
    page.locator(".messagelist").wait_for()
    assert page.locator(".messagelist .success").count() == 1
    indicator = Indicator.objects.get(name="Tỷ lệ hộ nghèo (đã sửa)")
    assert indicator.edited_fields == ["name"]
    assert indicator.history.latest().history_user.username == "bientap"

    page.goto(live_server.url + "/admin/congress/article/?status__exact=published")
    article_pk = int(page.locator("input.action-select").first.get_attribute("value"))
    page.locator("input.action-select").first.check()
    page.select_option("select[name=action]", "hide")
    page.click("button[name=index]")
    page.locator(".messagelist").wait_for()
    assert page.locator(".messagelist .success").count() == 1
    shot("admin-03-hidden")
    assert Article.objects.get(pk=article_pk).status == "hidden"
