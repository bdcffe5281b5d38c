"""The search form's select lists, written in Python, are the markup Django would write."""

import pytest
from django import forms
from django.test.html import parse_html

from congress.widgets import PlainSelect

CHOICES = [
    ("", "Tất cả"),
    ("a&b", 'A <b> "c"'),
    ("x", "Xã"),
    ("Nhóm", [("g1", "G1"), ("g2", "G2")]),
]


@pytest.mark.parametrize("value", ["", "x", "g2", None, "a&b", "không có"])
def test_plain_select_matches_django_select(value):
    attrs = {"id": "id_t", "class": "c", "data-x": 'q"'}
    django_html = forms.Select(choices=CHOICES, attrs=attrs).render("t", value)
    plain_html = PlainSelect(choices=CHOICES, attrs=attrs).render("t", value)
    assert parse_html(plain_html) == parse_html(django_html)


def test_search_form_selects_are_plain_and_keep_the_choice(client, db):
    from congress.filters import IndicatorFilter
    from congress.models import Indicator

    form = IndicatorFilter({"kind": "target"}, queryset=Indicator.objects.all()).form
    assert isinstance(form.fields["kind"].widget, PlainSelect)
    assert isinstance(form.fields["province"].widget, PlainSelect)
    html = client.get("/chi-tieu/?kind=target").content.decode()
    assert '<option value="target" selected>' in html
