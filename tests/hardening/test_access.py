"""CSRF on every form that writes, and the admin for staff only."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from congress.models import Article, Unit
from tests.admin.conftest import change_form_data

pytestmark = pytest.mark.django_db
PASSWORD = "một-mật-khẩu-dài-9"


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("quantri", "q@example.org", PASSWORD)


@pytest.fixture
def strict(superuser):
    """A signed-in browser whose requests are checked for CSRF tokens as in production."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(superuser)
    return client


@pytest.fixture
def article(run_import, seeds_dir):
    code, _, err = run_import(seeds_dir / "001_e86062fc5ce4ea78.txt")
    assert code == 0, err
    return Article.objects.get()


def token(client, url: str) -> str:
    client.get(url)
    return client.cookies["csrftoken"].value


def posts(article) -> list[tuple[str, dict]]:
    """Every form that writes: (address, what it posts)."""
    unit = article.primary_unit
    return [
        (reverse("admin:logout"), {}),
        (reverse("admin:password_change"), {"old_password": PASSWORD}),
        (reverse("admin:congress_article_change", args=[article.pk]), {"title": "Sửa"}),
        (reverse("admin:congress_article_add"), {"title": "Mới"}),
        (reverse("admin:congress_article_delete", args=[article.pk]), {"post": "yes"}),
        (reverse("admin:congress_article_changelist"),
         {"action": "publish", "_selected_action": [article.pk]}),
        (reverse("admin:congress_unit_changelist"),
         {"action": "merge_two", "_selected_action": [unit.pk], "keep": unit.pk}),
        (reverse("admin:congress_article_reextract", args=[article.pk]), {"apply": "1"}),
        (reverse("admin:congress_unit_change", args=[unit.pk]), {"name": "Sửa"}),
        (reverse("admin:auth_user_add"), {"username": "x", "password1": "a", "password2": "a"}),
    ]  # fmt: skip


def test_every_form_refuses_a_post_without_the_csrf_token(strict, article):
    title = article.title
    for url, data in posts(article):
        response = strict.post(url, data)
        assert response.status_code == 403, url
        assert b"CSRF" in response.content, url
    article.refresh_from_db()
    assert article.title == title and Article.objects.count() == 1


def test_a_forged_token_is_refused_too(strict, article):
    url = reverse("admin:congress_article_change", args=[article.pk])
    token(strict, url)
    data = change_form_data(strict.get(url))
    data.update(title="Giả mạo", csrfmiddlewaretoken="x" * 64)
    assert strict.post(url, data).status_code == 403
    article.refresh_from_db()
    assert article.title != "Giả mạo"


def test_the_same_forms_work_with_the_token(strict, article):
    """Proof that the 403s above are the CSRF check and not something else."""
    url = reverse("admin:congress_article_change", args=[article.pk])
    token(strict, url)
    data = change_form_data(strict.get(url))
    data.update(title="Tiêu đề đã sửa", csrfmiddlewaretoken=strict.cookies["csrftoken"].value)
    assert strict.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Tiêu đề đã sửa"


def test_the_language_switch_needs_no_token_and_stays_on_the_site(article):
    """It only sets the reader's language cookie (a forged switch is harmless), so public
    pages carry no per-visitor token and can be cached and shared. ``next`` cannot send
    the reader to another site."""
    client = Client(enforce_csrf_checks=True)
    html = client.get("/").content.decode()
    form = html[html.index('action="/i18n/setlang/"') :]
    assert "csrfmiddlewaretoken" not in form[: form.index("</form>")]
    response = client.post(reverse("set_language"), {"language": "en", "next": "/bai-viet/"})
    assert response.status_code == 302 and response["Location"] == "/bai-viet/"
    assert client.cookies["django_language"].value == "en"
    response = client.post(
        reverse("set_language"), {"language": "vi", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def admin_urls(article) -> list[str]:
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        meta = model._meta
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
    urls.append(reverse("admin:congress_article_change", args=[article.pk]))
    urls.append(reverse("admin:congress_article_reextract", args=[article.pk]))
    return urls


@pytest.mark.parametrize("who", ["anonymous", "signed-in reader", "inactive staff"])
def test_the_admin_is_for_staff_only(client, django_user_model, article, who):
    if who == "signed-in reader":
        client.force_login(django_user_model.objects.create_user("docgia", password=PASSWORD))
    elif who == "inactive staff":
        user = django_user_model.objects.create_user("cu", password=PASSWORD, is_staff=True)
        user.is_active = False
        user.save()
        assert not client.login(username="cu", password=PASSWORD)
    for url in admin_urls(article):
        response = client.get(url)
        assert response.status_code == 302, (who, url)
        assert response["Location"].startswith(reverse("admin:login")), (who, url)
        response = client.post(url, {})
        assert response.status_code == 302, (who, url)
    assert Unit.objects.exclude(name="").count() == Unit.objects.count()


def test_staff_without_permissions_sees_nothing(client, django_user_model, article):
    client.force_login(
        django_user_model.objects.create_user("nhanvien", password=PASSWORD, is_staff=True)
    )
    assert client.get(reverse("admin:index")).context["app_list"] == []
    for url in admin_urls(article)[1:]:
        assert client.get(url).status_code == 403, url
