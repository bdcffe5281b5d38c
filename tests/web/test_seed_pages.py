"""The seed reports, imported for real: every page renders and search finds them."""

import pytest
from django.urls import reverse

from congress.models import Article, Indicator, Term, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(run_import, seeds_dir):
    code, _out, err = run_import(seeds_dir)
    assert code == 0, err
    assert Article.objects.published().exists()


def test_every_seed_page_renders(client, seeded):
    urls = [reverse("congress:home"), reverse("congress:unit-list"), reverse("sitemap")]
    urls += [a.get_absolute_url() for a in Article.objects.published()]
    urls += [u.get_absolute_url() for u in Unit.objects.all()]
    urls += [t.get_absolute_url() for t in Term.objects.all()]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_the_import_fills_the_search_text(seeded):
    article = Article.objects.published().first()
    assert article.search_text.startswith(" ") and article.search_text.strip()
    assert article.search_text == article.search_text.lower()


def test_seed_reports_are_found_without_accents(client, seeded):
    article = Article.objects.published().order_by("pk").first()
    words = " ".join(article.title.split()[:3])
    response = client.get(reverse("congress:search"), {"q": words})
    assert article in response.context["sections"][0]["items"]
    from congress.extraction.text import fold

    response = client.get(reverse("congress:search"), {"q": fold(words).upper()})
    assert article in response.context["sections"][0]["items"]


def test_seed_indicators_link_to_their_quote(client, seeded):
    indicator = Indicator.objects.published().select_related("article").first()
    if indicator is None:
        pytest.skip("extraction found no indicators in the seeds")
    html = client.get(indicator.article.get_absolute_url()).content.decode()
    assert f'id="q{indicator.pk}"' in html and f'id="i{indicator.pk}"' in html
    csv = b"".join(client.get(reverse("congress:indicator-csv")).streaming_content).decode()
    assert csv.count("\n") == Indicator.objects.published().count() + 1
