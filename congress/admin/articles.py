"""Admin for reports: the clean body beside the raw text, their indicators, units and
congresses inline, and re-extraction with a preview of the differences."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from ..models import Article, ArticleUnit, Congress, Indicator
from ..services import reextract
from .actions import WORKFLOW_ACTIONS
from .filters import province_filter
from .mixins import CurationAdminMixin, FoldedSearchMixin


class ArticleUnitInline(admin.TabularInline):
    model = ArticleUnit
    extra = 0
    autocomplete_fields = ("unit",)


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ("kind", "name", "comparator", "value", "low", "high", "unit_of_measure", "term",
              "status", "verified")  # fmt: skip
    show_change_link = True


class CongressInline(admin.TabularInline):
    model = Congress
    fk_name = "source_article"
    extra = 0
    fields = ("unit", "ordinal", "term", "date", "delegates", "members_represented")
    autocomplete_fields = ("unit",)


@admin.register(Article)
class ArticleAdmin(FoldedSearchMixin, CurationAdminMixin, SimpleHistoryAdmin):
    class Media:
        css = {"all": ["css/admin.css"]}  # our read-only fields' styles, not inline (CSP)

    list_display = ("title", "published_at", "primary_unit_name", "genre", "status", "verified",
                    "source_file")  # fmt: skip
    list_filter = ("status", "verified", "genre", "terms", "units__kind", province_filter("units"))
    search_fields = ("title", "author", "source_file")
    date_hierarchy = "published_at"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("terms",)
    inlines = [ArticleUnitInline, IndicatorInline, CongressInline]
    actions = WORKFLOW_ACTIONS
    readonly_fields = ("raw_text_display", "content_hash", "source_path", "imported_at",
                       "updated_at", "extraction_warnings", "edited_fields")  # fmt: skip
    fieldsets = (
        (None, {"fields": ("title", "slug", "published_at", "author", "genre", "status",
                           "verified")}),
        ("Nguồn", {"fields": ("source_name", "source_url", "source_file", "source_path")}),
        ("Nội dung", {"fields": ("body", "terms")}),
        ("Văn bản gốc (không sửa)", {"classes": ("collapse",), "fields": ("raw_text_display",)}),
        ("Nhập liệu", {"classes": ("collapse",), "fields": ("content_hash", "imported_at",
                       "updated_at", "extraction_warnings", "edited_fields")}),
    )  # fmt: skip

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("unit_links__unit")

    @admin.display(description="đơn vị chính")
    def primary_unit_name(self, article) -> str:
        return str(article.primary_unit or "—")

    @admin.display(description="văn bản gốc")
    def raw_text_display(self, article):
        return format_html(
            '<pre class="raw-text">{}</pre>',
            article.raw_text,
        )

    # ------------------------------------------------------------ re-extraction

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/reextract/",
                self.admin_site.admin_view(self.reextract_view),
                name="congress_article_reextract",
            )
        ]
        return urls + super().get_urls()

    def reextract_view(self, request, object_id):
        article = get_object_or_404(Article, pk=object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        change_url = reverse("admin:congress_article_change", args=[article.pk])
        if request.method == "POST" and "apply" in request.POST:
            result = reextract.apply(article)
            counts = result.indicators
            self.message_user(
                request,
                f"Đã trích xuất lại: chỉ tiêu {counts.created} mới, {counts.updated} cập nhật, "
                f"{counts.deleted} bỏ, {counts.kept_curated} giữ vì biên tập viên đã sửa.",
                messages.SUCCESS,
            )
            if result.left_alone:
                self.message_user(
                    request,
                    "Giữ nguyên thay đổi của biên tập viên: " + "; ".join(result.left_alone),
                    messages.INFO,
                )
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Trích xuất lại: {article}",
            "opts": self.model._meta,
            "original": article,
            "preview": reextract.preview(article),
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/congress/article/reextract_preview.html", context)
