"""Atom feeds of new reports: the whole archive, and one unit."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Unit
from .selectors import published_articles

FEED_SIZE = 30


class LatestReportsFeed(Feed):
    feed_type = Atom1Feed
    title = _("Lưu trữ Đại hội Đảng bộ: bài mới")
    subtitle = _("Các bài viết mới về đại hội và kết quả nhiệm kỳ")

    def link(self):
        return reverse("congress:article-list")

    def items(self):
        return published_articles().order_by("-imported_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body[:500]

    def item_author_name(self, item):
        return item.author or None

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


class UnitReportsFeed(LatestReportsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Unit, slug=slug)

    def title(self, obj):
        return _("Bài mới: %(unit)s") % {"unit": obj.name}

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return (
            published_articles()
            .filter(unit_links__unit=obj)
            .distinct()
            .order_by("-imported_at", "-pk")[:FEED_SIZE]
        )
