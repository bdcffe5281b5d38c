"""The bulk loader that builds the 100k-report database for the latency benchmark."""

import pytest
from django.db import connection

from congress.models import Article, ArticleUnit, Indicator
from congress.search import parse_query, search

# Transactional: the loader commits batch by batch, then creates its indexes again.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the bulk loader writes PostgreSQL search vectors (the benchmark's database)",
)
def test_bulk_loader_writes_searchable_published_reports(monkeypatch):
    from bench import loader

    monkeypatch.setattr(loader, "TEMPLATES", 4)  # 12 reports copied from 4 extracted ones
    monkeypatch.setattr(loader, "BATCH", 5)
    loader.load(12, seed=1)

    assert Article.objects.published().count() == 12
    assert ArticleUnit.objects.filter(is_primary=True).count() == 12
    indicators = Indicator.objects.published()
    assert indicators.count() >= 12 * 15
    assert not indicators.filter(search_vector__isnull=True).exists()
    assert search(indicators, parse_query("dang vien")).exists()
