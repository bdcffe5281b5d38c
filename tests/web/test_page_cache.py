"""Public pages cached whole until the content changes, never served stale or personal."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congress.models import Article
from congress.page_cache import bump_content_version, content_version
from congress.services.accounts import create_editor
from tests.admin.conftest import change_form_data, ensure_editors_group

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]
SEARCH = reverse("congress:indicator-search") + "?q=ho+ngheo"


def queries(client: Client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.fixture
def editor_client(db):
    ensure_editors_group()
    client = Client()
    client.force_login(create_editor(username="bientap", password="mật-khẩu-dài-123"))
    return client


@pytest.mark.parametrize(
    "url",
    ["/", SEARCH, "/tim-kiem/?q=dang+vien", "/don-vi/dong-le/", "/nhiem-ky/2020-2025/",
     "/bai-viet/dong-le-ho-ngheo/", "/feed/", "/sitemap.xml"],
)  # fmt: skip
def test_a_second_anonymous_visit_is_served_from_the_cache(client, world, url):
    built, first = queries(client, url)
    served, again = queries(client, url)
    assert built > 1
    assert served == 1  # the content version, nothing else
    assert again == first


def test_an_editors_save_shows_at_once(client, world, editor_client):
    article = world["article"]
    assert "Tiêu đề đã sửa" not in client.get(article.get_absolute_url()).content.decode()
    url = reverse("admin:congress_article_change", args=[article.pk])
    data = change_form_data(editor_client.get(url))
    data["title"] = "Tiêu đề đã sửa"
    assert editor_client.post(url, data).status_code == 302
    assert "Tiêu đề đã sửa" in client.get(article.get_absolute_url()).content.decode()


def test_an_admin_action_shows_at_once(client, world, editor_client):
    draft = world["draft"]
    assert client.get(draft.get_absolute_url()).status_code == 404
    _, listing = queries(client, reverse("congress:article-list"))
    assert draft.title not in listing
    changelist = reverse("admin:congress_article_changelist")
    editor_client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    assert Article.objects.get(pk=draft.pk).status == "published"
    _, listing = queries(client, reverse("congress:article-list"))
    assert draft.title in listing


def test_an_import_shows_at_once(client, db, run_import, seeds_dir):
    _, before = queries(client, SEARCH)
    code, _, err = run_import(seeds_dir)
    assert code == 0, err
    built, after = queries(client, SEARCH)
    assert built > 1 and after != before


def test_an_unchanged_reimport_keeps_the_cache(client, db, run_import, seeds_dir):
    assert run_import(seeds_dir)[0] == 0
    version = content_version()
    queries(client, SEARCH)
    assert run_import(seeds_dir)[0] == 0
    assert content_version() == version
    assert queries(client, SEARCH)[0] == 1


def test_any_write_elsewhere_can_bump_the_version(client, world):
    queries(client, "/")
    Article.objects.filter(pk=world["article"].pk).update(title="Sửa trong shell")
    assert queries(client, "/")[0] == 1  # not seen by the cache…
    bump_content_version()
    built, html = queries(client, "/")  # …until the version moves on
    assert built > 1 and "Sửa trong shell" in html


def test_signed_in_visitors_bypass_the_cache(world, editor_client):
    queries(editor_client, SEARCH)
    assert queries(editor_client, SEARCH)[0] > 1


def test_each_language_has_its_own_page(client, world):
    _, vietnamese = queries(client, SEARCH)
    english = Client()
    english.post(reverse("set_language"), {"language": "en"})
    _, html = queries(english, SEARCH)
    assert '<html lang="en">' in html and '<html lang="vi">' in vietnamese
    assert '<html lang="vi">' in queries(client, SEARCH)[1]


def test_public_pages_set_no_cookie(client, world):
    for url in ("/", SEARCH, world["article"].get_absolute_url()):
        assert not client.get(url).cookies, url


def test_errors_the_admin_and_the_api_are_not_cached(client, world, editor_client):
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/bai-viet/khong-co/").status_code == 404
        assert len(captured) > 1
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/indicators/").status_code == 200
        assert len(captured) > 1


def test_the_cache_can_be_turned_off(client, world, settings):
    settings.PAGE_CACHE_SECONDS = 0
    queries(client, SEARCH)
    assert queries(client, SEARCH)[0] > 1
