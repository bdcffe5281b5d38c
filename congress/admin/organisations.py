"""Admins for the gazetteer, units, terms and congresses."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ..models import AdminArea, Congress, Term, Unit, UnitAlias
from .actions import merge_two
from .filters import province_filter
from .mixins import CurationAdminMixin, FoldedSearchMixin


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
class UnitAdmin(FoldedSearchMixin, CurationAdminMixin, SimpleHistoryAdmin):
    list_display = ("name", "kind", "admin_type", "locality", "parent", "area")
    list_filter = ("kind", "admin_type", province_filter(""))
    search_fields = ("name", "locality", "aliases__name", "slug")
    autocomplete_fields = ("parent", "area")
    prepopulated_fields = {"slug": ("name",)}
    list_select_related = ("parent", "area")
    inlines = [UnitAliasInline]
    readonly_fields = ("edited_fields",)
    actions = [merge_two]


@admin.register(Term)
class TermAdmin(SimpleHistoryAdmin):
    list_display = ("label", "start_year", "end_year")
    search_fields = ("start_year", "end_year")


@admin.register(Congress)
class CongressAdmin(CurationAdminMixin, SimpleHistoryAdmin):
    list_display = ("unit", "ordinal", "term", "date", "delegates", "members_represented")
    list_filter = ("term", "unit__kind", province_filter("unit"))
    search_fields = ("unit__name", "unit__search_text")
    autocomplete_fields = ("unit", "source_article")
    list_select_related = ("unit", "term")
    readonly_fields = ("edited_fields",)
    date_hierarchy = "date"
