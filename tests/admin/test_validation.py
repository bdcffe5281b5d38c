"""Bad input in the admin forms gets a clear message, and nothing is saved."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from congress.models import Indicator, Unit
from congress.models.indicators import (
    LOW_ABOVE_HIGH,
    QUOTE_NOT_IN_BODY,
    RANGE_WITHOUT_BOUNDS,
    VALUE_MISSING,
)
from congress.models.organisations import OWN_ANCESTOR

from .conftest import change_form_data

pytestmark = pytest.mark.django_db


def post_change(client, obj, **changes):
    url = reverse(f"admin:congress_{obj._meta.model_name}_change", args=[obj.pk])
    data = change_form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def errors(response) -> dict[str, list[str]]:
    assert response.status_code == 200, "the form was accepted"
    form = response.context["adminform"].form
    return {name: list(messages) for name, messages in form.errors.items()}


@pytest.fixture
def indicator(imported):
    return Indicator.objects.exclude(comparator="range").order_by("pk").first()


def test_unchanged_indicator_form_is_accepted(editor_client, indicator):
    assert post_change(editor_client, indicator).status_code == 302


def test_low_above_high(editor_client, indicator):
    response = post_change(editor_client, indicator, comparator="range", low="20", high="10")
    assert errors(response) == {"high": [LOW_ABOVE_HIGH]}
    assert LOW_ABOVE_HIGH == "Giá trị 'từ' phải nhỏ hơn hoặc bằng 'đến'."
    assert escape(LOW_ABOVE_HIGH) in response.content.decode()
    indicator.refresh_from_db()
    assert indicator.comparator != "range"


def test_range_without_bounds(editor_client, indicator):
    response = post_change(editor_client, indicator, comparator="range", low="5", high="")
    assert errors(response) == {"high": [RANGE_WITHOUT_BOUNDS]}
    response = post_change(editor_client, indicator, comparator="range", low="", high="")
    assert errors(response) == {"low": [RANGE_WITHOUT_BOUNDS]}


def test_value_missing_outside_a_range(editor_client, indicator):
    response = post_change(editor_client, indicator, comparator="ge", value="")
    assert errors(response) == {"value": [VALUE_MISSING]}


def test_quote_not_in_the_body(editor_client, indicator):
    response = post_change(editor_client, indicator, quote="Câu này không có trong bài.")
    assert errors(response) == {"__all__": [QUOTE_NOT_IN_BODY]}
    indicator.refresh_from_db()
    assert indicator.quote != "Câu này không có trong bài."


def test_a_quote_shortened_to_a_real_substring_is_accepted(editor_client, indicator):
    shorter = indicator.quote[: len(indicator.quote) // 2]
    assert post_change(editor_client, indicator, quote=shorter).status_code == 302
    indicator.refresh_from_db()
    assert indicator.quote == shorter
    assert "quote" in indicator.edited_fields


def test_low_above_high_in_the_report_inline(editor_client, indicator):
    article = indicator.article
    url = reverse("admin:congress_article_change", args=[article.pk])
    data = change_form_data(editor_client.get(url))
    position = list(article.indicators.all()).index(indicator)
    data.update({f"indicators-{position}-comparator": "range",
                 f"indicators-{position}-low": "9", f"indicators-{position}-high": "1"})  # fmt: skip
    response = editor_client.post(url, data)
    assert response.status_code == 200
    inline = next(
        i.formset
        for i in response.context["inline_admin_formsets"]
        if i.formset.prefix == "indicators"
    )
    assert inline.forms[position].errors == {"high": [LOW_ABOVE_HIGH]}


def test_unit_cannot_be_its_own_parent(editor_client, imported):
    unit = Unit.objects.get(name="Đảng bộ tỉnh Quảng Ninh")
    response = post_change(editor_client, unit, parent=unit.pk)
    assert OWN_ANCESTOR in errors(response)["parent"]
    assert (
        OWN_ANCESTOR == "Một đơn vị không thể là cấp trên (trực tiếp hay gián tiếp) của chính nó."
    )


def test_unit_cannot_be_its_own_ancestor(editor_client, imported):
    province = Unit.objects.get(name="Đảng bộ tỉnh Quảng Ninh")
    ward = Unit.objects.get(name="Đảng bộ phường Hà Lầm")
    assert province in ward.ancestors()
    response = post_change(editor_client, province, parent=ward.pk)
    assert errors(response) == {"parent": [OWN_ANCESTOR]}
    province.refresh_from_db()
    assert province.parent is None


def test_moving_a_unit_under_another_province_is_accepted(editor_client, imported):
    district = Unit.objects.get(name="Đảng bộ thành phố Hạ Long")
    other = Unit.objects.get(name="Đảng bộ tỉnh Quảng Trị")
    assert post_change(editor_client, district, parent=other.pk).status_code == 302
    district.refresh_from_db()
    assert district.parent == other
    assert "parent" in district.edited_fields
