"""Re-running extraction for one report: a preview of the differences, then apply."""

import pytest
from django.urls import reverse

from congress.models import Article
from congress.services import reextract

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(imported):
    return Article.objects.order_by("pk").first()


def test_nothing_changes_right_after_import(article):
    preview = reextract.preview(article)
    assert not preview.has_changes
    assert preview.kept == []


def test_preview_lists_what_would_change(article):
    gone = article.indicators.order_by("pk")[0]
    gone.delete()
    changed = article.indicators.order_by("pk")[0]
    original_name = changed.name
    changed.name = "Tên cũ"
    changed.save()
    pinned = article.indicators.order_by("pk")[1]
    original_measure = pinned.unit_of_measure
    pinned.unit_of_measure = "cái"
    pinned.mark_edited(["unit_of_measure"])
    pinned.save()
    article.title = "Tiêu đề sửa tay"
    article.mark_edited(["title"])
    article.author = "Ai đó"
    article.save()

    preview = reextract.preview(article)
    assert [v["quote"] for v in preview.added] == [gone.quote]
    assert {
        (c.indicator.pk, f.name, f.proposed, f.kept) for c in preview.changed for f in c.changes
    } == {
        (changed.pk, "name", original_name, False),
        (pinned.pk, "unit_of_measure", original_measure, True),
    }
    fields = {f.name: (f.current, f.kept) for f in preview.fields}
    assert fields == {"title": ("Tiêu đề sửa tay", True), "author": ("Ai đó", False)}
    assert preview.removed == [] and preview.kept == []


def test_apply_writes_but_keeps_editor_changes(article):
    article.title = "Tiêu đề sửa tay"
    article.mark_edited(["title"])
    article.author = "Ai đó"
    article.save()
    first = article.indicators.order_by("pk")[0]
    first.delete()
    result = reextract.apply(article)
    article.refresh_from_db()
    assert article.title == "Tiêu đề sửa tay"
    assert article.author != "Ai đó"
    assert result.indicators.created == 1
    assert "article title" in result.left_alone
    assert [(f.name, f.kept) for f in reextract.preview(article).fields] == [("title", True)]


def test_curated_indicator_no_longer_extracted_is_kept(article):
    extra = article.indicators.order_by("pk")[0]
    extra.pk = None
    extra.source_key = "made-by-hand"
    extra.created_by_editor = True
    extra.save()
    preview = reextract.preview(article)
    assert preview.kept == [extra] and preview.removed == []


def test_admin_preview_then_apply(editor_client, article):
    article.author = "Ai đó"
    article.save()
    url = reverse("admin:congress_article_reextract", args=[article.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    content = page.content.decode()
    assert "Ai đó" in content and 'class="reextract-fields"' in content
    article.refresh_from_db()
    assert article.author == "Ai đó"  # the preview wrote nothing

    response = editor_client.post(url, {"apply": "1"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "admin:congress_article_change", args=[article.pk]
    )
    article.refresh_from_db()
    assert article.author != "Ai đó"
    messages = [str(m) for m in response.context["messages"]]
    assert messages[0].startswith("Đã trích xuất lại: chỉ tiêu 0 mới")


def test_admin_reports_what_it_left_alone(editor_client, article):
    article.title = "Tiêu đề sửa tay"
    article.mark_edited(["title"])
    article.save()
    url = reverse("admin:congress_article_reextract", args=[article.pk])
    assert "giữ nguyên" in editor_client.get(url).content.decode()
    response = editor_client.post(url, {"apply": "1"}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert "Giữ nguyên thay đổi của biên tập viên: article title" in messages


def test_unchanged_report_says_so(editor_client, article):
    url = reverse("admin:congress_article_reextract", args=[article.pk])
    assert "Không có gì thay đổi." in editor_client.get(url).content.decode()


def test_reextract_needs_change_permission(client, django_user_model, article):
    viewer = django_user_model.objects.create_user("xem", password="x", is_staff=True)
    client.force_login(viewer)
    url = reverse("admin:congress_article_reextract", args=[article.pk])
    assert client.get(url).status_code == 403
