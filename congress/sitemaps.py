"""sitemap.xml: the public pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Term, Unit
from .selectors import published_articles


class StaticSitemap(Sitemap):
    def items(self):
        return ["home", "unit-list", "term-list", "article-list", "indicator-search"]

    def location(self, item):
        return reverse(f"congress:{item}")


class ArticleSitemap(Sitemap):
    def items(self):
        return published_articles().only("slug", "updated_at").order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class UnitSitemap(Sitemap):
    def items(self):
        return Unit.objects.only("slug").order_by("pk")


class TermSitemap(Sitemap):
    def items(self):
        return Term.objects.order_by("start_year")


SITEMAPS = {
    "pages": StaticSitemap,
    "articles": ArticleSitemap,
    "units": UnitSitemap,
    "terms": TermSitemap,
}
