"""The change pages: raw text beside the body, inlines, each quote in its context."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from congress.admin.indicators import quote_in_context
from congress.models import Article, Congress, Indicator, Person

pytestmark = pytest.mark.django_db


def test_article_page_shows_raw_text_and_inlines(editor_client, imported):
    congress = Congress.objects.exclude(source_article=None).first()
    article = congress.source_article
    response = editor_client.get(reverse("admin:congress_article_change", args=[article.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert escape(article.raw_text[:80]) in content
    prefixes = [i.formset.prefix for i in response.context["inline_admin_formsets"]]
    assert prefixes == ["unit_links", "indicators", "congresses"]
    congresses = response.context["inline_admin_formsets"][2].formset
    assert [f.instance for f in congresses.forms] == list(article.congresses.all())
    indicators = response.context["inline_admin_formsets"][1].formset
    assert len(indicators.forms) == article.indicators.count()
    assert reverse("admin:congress_article_reextract", args=[article.pk]) in content


def test_person_page_lists_positions(editor_client, imported):
    person = Person.objects.filter(positions__isnull=False).first()
    response = editor_client.get(reverse("admin:congress_person_change", args=[person.pk]))
    positions = response.context["inline_admin_formsets"][0].formset
    assert [f.instance for f in positions.forms] == list(person.positions.all())


def test_indicator_page_shows_the_quote_in_context(editor_client, imported):
    indicator = Indicator.objects.first()
    response = editor_client.get(reverse("admin:congress_indicator_change", args=[indicator.pk]))
    assert response.status_code == 200
    assert f"<mark>{escape(indicator.quote)}</mark>" in response.content.decode()


def test_quote_in_context_escapes_the_text(imported):
    article = Article.objects.first()
    article.body = "Trước <b>đậm</b> & sau: tỷ lệ <x> đạt 5%. Hết <script>."
    indicator = Indicator(article=article, quote="tỷ lệ <x> đạt 5%", quote_start=0, pk=1)
    html = str(quote_in_context(indicator, width=10))
    assert html == (
        '<div class="quote-context">'
        "…b&gt; &amp; sau: <mark>tỷ lệ &lt;x&gt; đạt 5%</mark>. Hết &lt;scr…</div>"
    )
    indicator.quote = "không có"
    assert "Trích dẫn không có trong bài:" in str(quote_in_context(indicator))


@pytest.mark.parametrize("model", ["article", "indicator", "unit", "person", "congress"])
def test_add_pages_open(editor_client, model):
    assert editor_client.get(reverse(f"admin:congress_{model}_add")).status_code == 200
