"""Admin for indicators: each shown with its quote in the context of the report."""

from django.contrib import admin
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from ..models import Indicator
from .actions import WORKFLOW_ACTIONS
from .filters import province_filter
from .mixins import CurationAdminMixin, FoldedSearchMixin

CONTEXT_CHARS = 240


def quote_in_context(indicator: Indicator, *, width: int = CONTEXT_CHARS):
    """The body around the indicator's quote, the quote in <mark>; all text escaped."""
    if indicator.pk is None or not indicator.article_id:
        return "—"
    body, quote = indicator.article.body, indicator.quote
    at = body.find(quote, max(0, indicator.quote_start - len(quote))) if quote else -1
    if at < 0:
        at = body.find(quote) if quote else -1
    if at < 0:
        return format_html("<em>{}</em> {}", "Trích dẫn không có trong bài:", quote)
    before = body[max(0, at - width) : at]
    after = body[at + len(quote) : at + len(quote) + width]
    return format_html(
        '<div class="quote-context">{}{}<mark>{}</mark>{}{}</div>',
        "…" if at > width else "",
        before,
        quote,
        after,
        "…" if at + len(quote) + width < len(body) else "",
    )


@admin.register(Indicator)
class IndicatorAdmin(FoldedSearchMixin, CurationAdminMixin, SimpleHistoryAdmin):
    class Media:
        css = {"all": ["css/admin.css"]}  # our read-only fields' styles, not inline (CSP)

    list_display = ("name", "display_value", "kind", "category", "unit", "term", "year",
                    "status", "verified")  # fmt: skip
    list_filter = ("status", "verified", "kind", "category", "term", "unit__kind",
                   province_filter("unit"))  # fmt: skip
    search_fields = ("name", "key", "unit__name")
    autocomplete_fields = ("article", "unit")
    list_select_related = ("unit", "term")
    readonly_fields = ("quote_context", "source_key", "edited_fields")
    actions = WORKFLOW_ACTIONS
    fieldsets = (
        (None, {"fields": ("article", "unit", "term", "year", "kind", "category", "status",
                           "verified")}),
        ("Chỉ tiêu", {"fields": ("name", "key", "comparator", "value", "low", "high",
                                 "unit_of_measure")}),
        ("Trích dẫn", {"fields": ("quote", "quote_start", "quote_context")}),
        ("Nhập liệu", {"classes": ("collapse",), "fields": ("source_key", "edited_fields")}),
    )  # fmt: skip

    @admin.display(description="trích dẫn trong bài")
    def quote_context(self, indicator):
        return quote_in_context(indicator)
