"""Admins for officials and their positions."""

from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from ..models import Person, PersonAlias, Position
from .actions import merge_two
from .mixins import CurationAdminMixin, FoldedSearchMixin


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ("unit", "article")
    fields = ("title", "unit", "article", "date")


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 0
    fields = ("name",)


@admin.register(Person)
class PersonAdmin(FoldedSearchMixin, CurationAdminMixin, SimpleHistoryAdmin):
    list_display = ("name", "slug", "position_count")
    search_fields = ("name", "aliases__name", "positions__title")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [PositionInline, PersonAliasInline]
    readonly_fields = ("edited_fields",)
    actions = [merge_two]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_positions=Count("positions"))

    @admin.display(description="số chức vụ", ordering="n_positions")
    def position_count(self, person) -> int:
        return person.n_positions


@admin.register(Position)
class PositionAdmin(CurationAdminMixin, SimpleHistoryAdmin):
    list_display = ("person", "title", "unit", "article", "date")
    list_filter = ("unit__kind",)
    search_fields = ("person__name", "person__search_text", "title")
    autocomplete_fields = ("person", "unit", "article")
    list_select_related = ("person", "unit", "article")
    date_hierarchy = "date"
