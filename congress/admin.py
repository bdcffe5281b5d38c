"""The editors' workspace: every model with the columns, filters and search they need.

Every save through the admin records which fields the editor changed, so a re-import
leaves them alone (see models.curation).
"""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AdminArea,
    Article,
    ArticleUnit,
    Congress,
    Indicator,
    Person,
    PersonAlias,
    Position,
    Term,
    Unit,
    UnitAlias,
)
from .models.curation import CuratedModel
from .search import refresh_people, refresh_search_fields, refresh_units

IMPORT_OWNED = {"edited_fields", "created_by_editor"}


class CurationAdminMixin:
    """Record what an editor changed on curated rows, and on their inlines."""

    def save_model(self, request, obj, form, change):
        if isinstance(obj, CuratedModel):
            if change:
                obj.mark_edited(f for f in form.changed_data if f not in IMPORT_OWNED)
            else:
                obj.created_by_editor = True
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for inline_form in formset.forms:
            obj = inline_form.instance
            if isinstance(obj, CuratedModel) and inline_form.has_changed():
                if obj.pk:
                    obj.mark_edited(inline_form.changed_data)
                else:
                    obj.created_by_editor = True
        # Editing an article's unit links pins them against re-import.
        if formset.model is ArticleUnit and (instances or formset.deleted_objects):
            form.instance.mark_edited(["units"])
            form.instance.save(update_fields=["edited_fields"])
        for obj in formset.deleted_objects:
            obj.delete()
        for obj in instances:
            obj.save()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # An editor's change shows in public search at once, not at the next import.
        obj = form.instance
        if isinstance(obj, Article):
            refresh_search_fields(obj)
        elif isinstance(obj, Indicator | Position) and obj.article_id:
            refresh_search_fields(obj.article)
        elif isinstance(obj, Unit):
            refresh_units(Unit.objects.filter(pk=obj.pk))
        elif isinstance(obj, Person):
            refresh_people(Person.objects.filter(pk=obj.pk))


@admin.register(AdminArea)
class AdminAreaAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "level", "admin_type", "parent", "map", "successor")
    list_filter = ("map", "level", "admin_type")
    search_fields = ("name", "name_key", "code")
    autocomplete_fields = ("parent", "successor")
    list_select_related = ("parent", "successor")


class UnitAliasInline(admin.TabularInline):
    model = UnitAlias
    extra = 0
    fields = ("name",)


@admin.register(Unit)
class UnitAdmin(CurationAdminMixin, SimpleHistoryAdmin):
    list_display = ("name", "kind", "admin_type", "locality", "parent", "area")
    list_filter = ("kind", "admin_type")
    search_fields = ("name", "locality", "aliases__name")
    autocomplete_fields = ("parent", "area")
    prepopulated_fields = {"slug": ("name",)}
    list_select_related = ("parent", "area")
    inlines = [UnitAliasInline]
    readonly_fields = ("edited_fields",)


@admin.register(Term)
class TermAdmin(SimpleHistoryAdmin):
    list_display = ("label", "start_year", "end_year")
    search_fields = ("start_year", "end_year")


@admin.register(Congress)
class CongressAdmin(CurationAdminMixin, SimpleHistoryAdmin):
    list_display = ("unit", "ordinal", "term", "date", "delegates", "members_represented")
    list_filter = ("term", "unit__kind")
    search_fields = ("unit__name",)
    autocomplete_fields = ("unit", "source_article")
    list_select_related = ("unit", "term")
    readonly_fields = ("edited_fields",)


class ArticleUnitInline(admin.TabularInline):
    model = ArticleUnit
    extra = 0
    autocomplete_fields = ("unit",)


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = (
        "kind",
        "name",
        "comparator",
        "value",
        "low",
        "high",
        "unit_of_measure",
        "term",
        "status",
    )
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(CurationAdminMixin, SimpleHistoryAdmin):
    list_display = ("title", "published_at", "author", "genre", "status", "verified", "source_file")
    list_filter = ("status", "verified", "genre", "terms")
    search_fields = ("title", "body", "author", "source_file")
    date_hierarchy = "published_at"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("terms",)
    inlines = [ArticleUnitInline, IndicatorInline]
    readonly_fields = ("raw_text", "content_hash", "source_path", "imported_at", "updated_at",
                       "extraction_warnings", "edited_fields")  # fmt: skip
    fieldsets = (
        (None, {"fields": ("title", "slug", "published_at", "author", "genre", "status", "verified")}),
        ("Nguồn", {"fields": ("source_name", "source_url", "source_file", "source_path")}),
        ("Nội dung", {"fields": ("body", "raw_text", "terms")}),
        ("Nhập liệu", {"fields": ("content_hash", "imported_at", "updated_at",
                                   "extraction_warnings", "edited_fields")}),
    )  # fmt: skip


@admin.register(Indicator)
class IndicatorAdmin(CurationAdminMixin, SimpleHistoryAdmin):
    list_display = ("name", "display_value", "kind", "category", "unit", "term", "year",
                    "status", "verified")  # fmt: skip
    list_filter = ("kind", "category", "status", "verified", "term", "unit__kind")
    search_fields = ("name", "key", "quote", "unit__name")
    autocomplete_fields = ("article", "unit")
    list_select_related = ("unit", "term")
    readonly_fields = ("source_key", "edited_fields")


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ("unit", "article")


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 0
    fields = ("name",)


@admin.register(Person)
class PersonAdmin(CurationAdminMixin, SimpleHistoryAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "aliases__name", "positions__title")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [PositionInline, PersonAliasInline]
    readonly_fields = ("edited_fields",)


@admin.register(Position)
class PositionAdmin(CurationAdminMixin, SimpleHistoryAdmin):
    list_display = ("person", "title", "unit", "article", "date")
    search_fields = ("person__name", "title")
    autocomplete_fields = ("person", "unit", "article")
    list_select_related = ("person", "unit", "article")
