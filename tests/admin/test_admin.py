"""The admin lists every model, and records what editors change so imports keep it."""

import pytest
from django.urls import reverse

from congress.models import Article, Indicator, Unit
from congress.search import parse_query, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(run_import, seeds_dir):
    code, _, err = run_import(seeds_dir)
    assert code == 0, err


@pytest.mark.parametrize(
    "model", ["adminarea", "unit", "term", "congress", "article", "indicator", "person", "position"]
)
def test_every_changelist_lists_imported_rows(admin_client, imported, model):
    response = admin_client.get(reverse(f"admin:congress_{model}_changelist"))
    assert response.status_code == 200
    assert b"0 results" not in response.content


def test_changelist_search_and_filters(admin_client, imported):
    url = reverse("admin:congress_indicator_changelist")
    response = admin_client.get(url, {"q": "hộ nghèo", "kind__exact": "result"})
    assert response.status_code == 200
    names = [i.name for i in response.context["cl"].result_list]
    assert names and all(i.kind == "result" for i in response.context["cl"].result_list)


def test_anonymous_visitor_gets_the_login_page(client):
    response = client.get(reverse("admin:congress_article_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_editing_an_indicator_records_the_fields_and_refreshes_search(admin_client, imported):
    indicator = Indicator.objects.filter(kind="result").first()
    url = reverse("admin:congress_indicator_change", args=[indicator.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if k in form.fields}
    data.update(name="Tỉ lệ chỉ tiêu biên tập", article=indicator.article_id,
                unit=indicator.unit_id or "", term=indicator.term_id or "")  # fmt: skip
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    indicator.refresh_from_db()
    assert indicator.name == "Tỉ lệ chỉ tiêu biên tập"
    assert "name" in indicator.edited_fields
    assert "ty le chi tieu bien tap" in indicator.search_text
    # …and public search (PostgreSQL: the search vector) finds it by the new words.
    found = search(Indicator.objects.all(), parse_query("chi tieu bien tap"))
    assert list(found.values_list("pk", flat=True)) == [indicator.pk]


def test_article_edit_is_kept_by_reimport(admin_client, imported, run_import, seeds_dir):
    article = Article.objects.order_by("pk").first()
    url = reverse("admin:congress_article_change", args=[article.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    article.title = "Tiêu đề đã sửa"
    article.mark_edited(["title"])
    article.save()
    run_import("--reextract", seeds_dir)
    article.refresh_from_db()
    assert article.title == "Tiêu đề đã sửa"
    assert Unit.objects.exists()
