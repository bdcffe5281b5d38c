"""Bulk workflow actions, list filters and accent-insensitive search in the admin."""

import pytest
from django.urls import reverse

from congress.models import Article, Indicator, Unit

pytestmark = pytest.mark.django_db


def run_action(client, model: str, action: str, pks) -> object:
    url = reverse(f"admin:congress_{model}_changelist")
    return client.post(url, {"action": action, "_selected_action": [str(pk) for pk in pks]})


@pytest.mark.parametrize("model", [Article, Indicator])
@pytest.mark.parametrize(
    ("action", "field", "value"),
    [("hide", "status", "hidden"), ("make_draft", "status", "draft"),
     ("verify", "verified", True)],
)  # fmt: skip
def test_bulk_action_sets_the_field_records_history_and_marks_it_edited(
    editor_client, editor, imported, model, action, field, value
):
    rows = list(model.objects.order_by("pk")[:2])
    response = run_action(editor_client, model._meta.model_name, action, [r.pk for r in rows])
    assert response.status_code == 302
    for row in rows:
        row.refresh_from_db()
        assert getattr(row, field) == value
        assert field in row.edited_fields
        latest = row.history.latest()
        assert latest.history_user == editor
        assert getattr(latest, field) == value
    untouched = model.objects.exclude(pk__in=[r.pk for r in rows]).first()
    assert getattr(untouched, field) != value


def test_publish_after_hide(editor_client, imported):
    article = Article.objects.first()
    run_action(editor_client, "article", "hide", [article.pk])
    run_action(editor_client, "article", "publish", [article.pk])
    article.refresh_from_db()
    assert article.status == "published"
    assert [h.status for h in article.history.order_by("history_id")][-2:] == [
        "hidden",
        "published",
    ]


def test_editor_status_survives_a_reimport(editor_client, imported, run_import, seeds_dir):
    article = Article.objects.order_by("pk").first()
    indicator = Indicator.objects.order_by("pk").first()
    run_action(editor_client, "article", "hide", [article.pk])
    run_action(editor_client, "indicator", "verify", [indicator.pk])
    code, out, _ = run_import("--reextract", seeds_dir)
    assert code == 0
    article.refresh_from_db()
    indicator.refresh_from_db()
    assert article.status == "hidden"
    assert indicator.verified is True


def test_hidden_report_leaves_the_public_site(editor_client, client, imported):
    article = Article.objects.first()
    assert client.get(article.get_absolute_url()).status_code == 200
    run_action(editor_client, "article", "hide", [article.pk])
    assert client.get(article.get_absolute_url()).status_code == 404


def changelist(client, model: str, params: dict):
    response = client.get(reverse(f"admin:congress_{model}_changelist"), params)
    assert response.status_code == 200
    return list(response.context["cl"].queryset)


def test_province_filter_follows_the_unit_ancestors(editor_client, imported):
    province = Unit.objects.get(name="Đảng bộ tỉnh Quảng Ninh")
    inside = {province.pk, *Unit.objects.filter(parent=province).values_list("pk", flat=True)}
    inside |= set(Unit.objects.filter(parent__in=inside).values_list("pk", flat=True))
    units = changelist(editor_client, "unit", {"province": province.pk})
    assert {u.pk for u in units} == inside
    assert "Đảng bộ phường Hà Lầm" in {u.name for u in units}

    indicators = changelist(editor_client, "indicator", {"province": province.pk})
    expected = Indicator.objects.filter(unit__in=inside)
    assert indicators and {i.pk for i in indicators} == set(expected.values_list("pk", flat=True))
    articles = changelist(editor_client, "article", {"province": province.pk})
    assert {a.pk for a in articles} == set(
        Article.objects.filter(units__in=inside).values_list("pk", flat=True)
    )
    assert changelist(editor_client, "congress", {"province": "x"})  # bad value: ignored


@pytest.mark.parametrize(
    ("model", "params", "check"),
    [
        ("indicator", {"kind__exact": "target"}, lambda i: i.kind == "target"),
        ("indicator", {"category__exact": "economy"}, lambda i: i.category == "economy"),
        ("indicator", {"verified__exact": "0"}, lambda i: not i.verified),
        ("indicator", {"status__exact": "published"}, lambda i: i.status == "published"),
        ("indicator", {"unit__kind__exact": "ward"}, lambda i: i.unit.kind == "ward"),
        ("article", {"status__exact": "published"}, lambda a: a.status == "published"),
        ("unit", {"kind__exact": "province"}, lambda u: u.kind == "province"),
        ("congress", {"unit__kind__exact": "ward"}, lambda c: c.unit.kind == "ward"),
    ],
)
def test_list_filters(editor_client, imported, model, params, check):
    rows = changelist(editor_client, model, params)
    assert rows and all(check(r) for r in rows)


def test_term_filter(editor_client, imported):
    indicator = Indicator.objects.exclude(term=None).first()
    rows = changelist(editor_client, "indicator", {"term__id__exact": indicator.term_id})
    assert rows and all(r.term_id == indicator.term_id for r in rows)


@pytest.mark.parametrize("query", ["ho ngheo", "HỘ NGHÈO", "hộ nghèo"])
def test_indicator_search_ignores_accents(editor_client, imported, query):
    rows = changelist(editor_client, "indicator", {"q": query})
    assert rows
    assert all("ho ngheo" in r.search_text for r in rows)


@pytest.mark.parametrize(
    ("model", "query", "expected"),
    [
        ("unit", "phuong ha lam", "Đảng bộ phường Hà Lầm"),
        ("unit", "quang ninh", "Đảng bộ tỉnh Quảng Ninh"),
        ("article", "dai hoi", None),
        ("article", ".txt", None),  # file names: the plain search
    ],
)
def test_search_other_models(editor_client, imported, model, query, expected):
    rows = changelist(editor_client, model, {"q": query})
    assert rows
    if expected:
        assert expected in {str(r) for r in rows}


def test_person_search_ignores_accents(editor_client, imported):
    from congress.models import Person

    person = Person.objects.first()
    from congress.extraction.text import fold

    rows = changelist(editor_client, "person", {"q": fold(person.name)})
    assert person in rows


def test_autocomplete_finds_units_without_accents(editor_client, imported):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "ha lam", "app_label": "congress", "model_name": "indicator",
         "field_name": "unit"},
    )  # fmt: skip
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Đảng bộ phường Hà Lầm"]
