"""Every admin change is in the object's history, which can revert it."""

import pytest
from django.urls import reverse

from congress.models import Unit

from .conftest import change_form_data

pytestmark = pytest.mark.django_db


def test_rename_then_revert_through_the_history(editor_client, editor, imported):
    unit = Unit.objects.get(name="Đảng bộ phường Hà Lầm")
    url = reverse("admin:congress_unit_change", args=[unit.pk])
    before = unit.history.latest()

    data = change_form_data(editor_client.get(url))
    data["name"] = "Đảng bộ phường Hà Lầm (đã sửa)"
    assert editor_client.post(url, data).status_code == 302
    unit.refresh_from_db()
    assert unit.name == "Đảng bộ phường Hà Lầm (đã sửa)"
    change = unit.history.latest()
    assert change.history_user == editor
    assert [c.field for c in change.diff_against(before).changes] == ["edited_fields", "name"]

    history = editor_client.get(reverse("admin:congress_unit_history", args=[unit.pk]))
    assert history.status_code == 200
    assert "Đảng bộ phường Hà Lầm (đã sửa)" in history.content.decode()

    revert_url = reverse("admin:congress_unit_simple_history", args=[unit.pk, before.history_id])
    page = editor_client.get(revert_url)
    assert page.status_code == 200
    assert editor_client.post(revert_url, change_form_data(page)).status_code == 302
    unit.refresh_from_db()
    assert unit.name == "Đảng bộ phường Hà Lầm"
    assert unit.history.latest().history_user == editor
    assert unit.history.count() == before.instance.history.count()


def test_anonymous_visitor_cannot_see_history(client, imported):
    unit = Unit.objects.first()
    response = client.get(reverse("admin:congress_unit_history", args=[unit.pk]))
    assert response.status_code == 302
