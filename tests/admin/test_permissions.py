"""Editors curate the archive and nothing else; visitors get the login page."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from congress.services.accounts import EditorAccountError, create_editor

pytestmark = pytest.mark.django_db

CURATED = ("unit", "unitalias", "term", "congress", "article", "articleunit", "indicator",
           "person", "personalias", "position")  # fmt: skip
HISTORY = ("unit", "term", "congress", "article", "indicator", "person", "position")


def test_editors_group_has_exactly_the_curation_permissions(editors_group):
    codenames = set(editors_group.permissions.values_list("codename", flat=True))
    expected = {f"{a}_{m}" for m in CURATED for a in ("view", "add", "change", "delete")}
    expected |= {"view_adminarea"} | {f"view_historical{m}" for m in HISTORY}
    assert codenames == expected
    assert set(editors_group.permissions.values_list("content_type__app_label", flat=True)) == {
        "congress"
    }


@pytest.mark.parametrize(
    "model",
    ["adminarea", "unit", "term", "congress", "article", "indicator", "person", "position"],
)
def test_editor_opens_every_archive_changelist(editor_client, imported, model):
    response = editor_client.get(reverse(f"admin:congress_{model}_changelist"))
    assert response.status_code == 200
    assert b"0 results" not in response.content


def test_editor_cannot_change_the_gazetteer(editor_client, imported):
    from congress.models import AdminArea

    area = AdminArea.objects.first()
    response = editor_client.get(reverse("admin:congress_adminarea_change", args=[area.pk]))
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    assert editor_client.get(reverse("admin:congress_adminarea_add")).status_code == 403


@pytest.mark.parametrize("name", ["admin:auth_user_changelist", "admin:auth_group_changelist",
                                  "admin:auth_user_add"])  # fmt: skip
def test_editor_cannot_reach_user_management(editor_client, name):
    assert editor_client.get(reverse(name)).status_code == 403


def test_admin_index_shows_no_user_management_to_editors(editor_client):
    response = editor_client.get(reverse("admin:index"))
    assert response.status_code == 200
    app_labels = [app["app_label"] for app in response.context["app_list"]]
    assert app_labels == ["congress"]


@pytest.mark.parametrize("name", ["admin:index", "admin:congress_unit_changelist",
                                  "admin:auth_user_changelist"])  # fmt: skip
def test_anonymous_visitor_gets_the_login_page(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_editor_can_sign_in_with_the_password(client, editor):
    assert client.login(username="bientap", password="mật-khẩu-dài-123")
    assert client.get(reverse("admin:congress_article_changelist")).status_code == 200


def test_create_editor_command(db, monkeypatch, capsys):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "một-mật-khẩu-tốt-9")
    call_command("create_editor", "lan", "--no-input", "--email", "lan@example.org")
    from django.contrib.auth.models import User

    user = User.objects.get(username="lan")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    assert user.check_password("một-mật-khẩu-tốt-9")
    assert "Editor 'lan' created" in capsys.readouterr().out
    with pytest.raises(CommandError, match="user 'lan' already exists"):
        call_command("create_editor", "lan", "--no-input")


def test_create_editor_refuses_a_weak_password(db, monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "123")
    with pytest.raises(CommandError):
        call_command("create_editor", "lan", "--no-input")


def test_create_editor_service_refuses_a_duplicate(editor):
    with pytest.raises(EditorAccountError, match="already exists"):
        create_editor(username=editor.username, password=None)
