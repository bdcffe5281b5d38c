import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.forms.widgets import SplitDateTimeWidget

from congress.services.accounts import create_editor


@pytest.fixture
def imported(run_import, seeds_dir):
    code, _, err = run_import(seeds_dir)
    assert code == 0, err


def ensure_editors_group() -> Group:
    """The group migration 0004 creates (gone after a transactional test's flush)."""
    if not Group.objects.filter(name="Editors").exists():
        migration = importlib.import_module("congress.migrations.0004_editors_group")
        migration.create_editors_group(django_apps, None)
    return Group.objects.get(name="Editors")


@pytest.fixture
def editors_group(db):
    return ensure_editors_group()


@pytest.fixture
def editor(editors_group):
    return create_editor(username="bientap", password="mật-khẩu-dài-123")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def _encode(data: dict, bound) -> None:
    value = bound.value()
    name = bound.html_name
    if isinstance(bound.field.widget, SplitDateTimeWidget):
        if isinstance(value, datetime.datetime):
            data[f"{name}_0"], data[f"{name}_1"] = value.date().isoformat(), value.time()
        else:
            data[f"{name}_0"] = data[f"{name}_1"] = ""
    elif value is None:
        data[name] = ""
    elif value is True:
        data[name] = "on"
    elif value is False:
        return
    elif isinstance(value, list | tuple):
        data[name] = [getattr(v, "pk", v) for v in value]
    else:
        data[name] = getattr(value, "pk", value)


def change_form_data(response) -> dict:
    """What the browser would post back from an admin change page, unchanged."""
    data: dict = {}
    for bound in response.context["adminform"].form:
        _encode(data, bound)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        for bound in formset.management_form:
            data[bound.html_name] = bound.value()
        for form in formset.forms:
            for bound in form:
                _encode(data, bound)
    return data
