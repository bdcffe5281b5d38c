"""The API's filter sets. The indicator filters are the public search's own
(:class:`congress.filters.IndicatorSearch`); here bad values are errors, not ignored.

Every filter set orders its rows (``ordered()``), so pages are stable.
"""

from __future__ import annotations

import copy

import django_filters
from django import forms
from drf_spectacular.utils import extend_schema_field

from .. import search
from ..filters import (
    CATEGORY_LABELS,
    IndicatorSearch,
    TermLabelFilter,
    UnitChoiceFilter,
    UnitFamilyMixin,
)
from ..models import Unit
from ..models.articles import Genre
from ..models.organisations import UnitKind

UNKNOWN_UNIT = 'No unit has the slug "%(value)s".'
UNKNOWN_TERM = 'No term "%(value)s"; terms are written like 2020-2025 (see /api/terms/).'
UNKNOWN_CHOICE = '"%(value)s" is not one of the allowed values.'
EMPTY_SORT_ENTRY = "An entry of sort is empty; write e.g. sort=-value,term."
YEARS_REVERSED = "year_from ({start}) is after year_to ({end})."


def _units(**filters):
    return Unit.objects.filter(**filters).order_by("name")


# The schema cannot guess these from the model (a term is looked up by its label, a unit by
# its slug whatever the path to it).
extend_schema_field({"type": "string", "pattern": "^[0-9]{4}-[0-9]{4}$", "example": "2020-2025"})(
    TermLabelFilter
)
extend_schema_field({"type": "string", "example": "quang-tri"})(UnitChoiceFilter)


def strict(cls):
    """Give a filter set's filters English messages that name the bad value, and help texts.

    The filters are copied first: a filter set shares its filter objects with the one it
    extends (the public search page keeps its own messages).
    """
    filters = {name: copy.deepcopy(flt) for name, flt in cls.base_filters.items()}
    for name, flt in filters.items():
        if isinstance(flt, UnitChoiceFilter | django_filters.ModelChoiceFilter):
            flt.extra["error_messages"] = {"invalid_choice": UNKNOWN_UNIT}
        elif isinstance(flt, TermLabelFilter):
            flt.extra["error_messages"] = {"invalid_choice": UNKNOWN_TERM}
        elif isinstance(flt, django_filters.ChoiceFilter):
            flt.extra["error_messages"] = {"invalid_choice": UNKNOWN_CHOICE}
        if name in cls.help_texts:
            flt.extra["help_text"] = cls.help_texts[name]
    cls.base_filters = filters
    return cls


class _Ordered(django_filters.FilterSet):
    help_texts: dict[str, str] = {}
    default_order: tuple[str, ...] = ("pk",)

    def ordered(self):
        return self.qs.order_by(*self.default_order)


class YearRangeForm(forms.Form):
    def clean_sort(self):
        # The search page takes "sort=value," as "by value" (its form is lenient); in the API
        # an empty entry is a mistake the schema does not allow.
        values = self.cleaned_data.get("sort") or []
        if any(not value.strip("-") for value in values):
            raise forms.ValidationError(EMPTY_SORT_ENTRY)
        return values

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("year_from"), cleaned.get("year_to")
        if start is not None and end is not None and start > end:
            self.add_error("year_to", YEARS_REVERSED.format(start=int(start), end=int(end)))
        return cleaned


@strict
class IndicatorApiFilter(IndicatorSearch):
    help_texts = {
        "q": "Words to find, accents optional; \"quoted phrase\"; -word excludes.",
        "term": "A term label, e.g. 2020-2025.",
        "province": "A province unit's slug.",
        "unit": "A unit's slug; its indicators and those of every unit below it.",
        "unit_kind": "Level of the indicator's unit.",
        "category": "Field: " + ", ".join(CATEGORY_LABELS) + ".",
        "kind": "target (chỉ tiêu) or result (kết quả).",
        "year_from": "Rows of this year or later (rows with no year: their term ends then or later).",
        "year_to": "Rows of this year or earlier (rows with no year: their term starts then or earlier).",
        "sort": "Order: term, unit, value, year, category; a leading - reverses. Default: relevance "
        "with q, else newest term first.",
    }  # fmt: skip

    class Meta:
        form = YearRangeForm


@strict
class UnitApiFilter(_Ordered, UnitFamilyMixin):
    q = django_filters.CharFilter(method="filter_q", max_length=search.MAX_QUERY_CHARS)
    kind = django_filters.ChoiceFilter(choices=UnitKind.choices)
    parent = django_filters.ModelChoiceFilter(
        field_name="parent", queryset=_units(), to_field_name="slug"
    )
    province = UnitChoiceFilter(
        field_name="pk", queryset=_units(kind=UnitKind.PROVINCE), to_field_name="slug"
    )
    help_texts = {
        "q": "Words of the unit's name, accents optional.",
        "kind": "Level of the unit.",
        "parent": "The slug of the unit directly above.",
        "province": "A province's slug: the province and every unit below it.",
    }
    default_order = ("name", "pk")

    def filter_q(self, queryset, name, value):
        return search.search(queryset, search.parse_query(value), head_field="name")


@strict
class TermApiFilter(_Ordered):
    year = django_filters.NumberFilter(
        method="filter_year", min_value=1900, max_value=2200, help_text="Terms covering this year."
    )
    default_order = ("start_year", "end_year")

    def filter_year(self, queryset, name, value):
        return queryset.filter(start_year__lte=value, end_year__gte=value)


@strict
class CongressApiFilter(_Ordered, UnitFamilyMixin):
    unit = UnitChoiceFilter(queryset=_units(), to_field_name="slug")
    term = TermLabelFilter()
    help_texts = {
        "unit": "A unit's slug: its congresses and those of every unit below it.",
        "term": "A term label, e.g. 2020-2025.",
    }
    default_order = ("unit__name", "ordinal", "pk")


@strict
class ArticleApiFilter(_Ordered, UnitFamilyMixin):
    q = django_filters.CharFilter(method="filter_q", max_length=search.MAX_QUERY_CHARS * 40)
    unit = UnitChoiceFilter(
        field_name="unit_links__unit", queryset=_units(), to_field_name="slug", distinct=True
    )
    term = TermLabelFilter(field_name="terms", distinct=True)
    genre = django_filters.ChoiceFilter(choices=Genre.choices)
    help_texts = {
        "q": "Words to find in the report, accents optional; \"quoted phrase\"; -word excludes.",
        "unit": "A unit's slug: reports about it and about every unit below it.",
        "term": "A term label, e.g. 2020-2025.",
        "genre": "Kind of report.",
    }  # fmt: skip
    default_order = ("-published_at", "-pk")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = search.ParsedQuery()

    def filter_q(self, queryset, name, value):
        self.query = search.parse_query(value)
        return search.search(queryset, self.query, head_field="title")

    def ordered(self):
        if self.query:
            return search.order_by_rank(self.qs, *self.default_order)
        return super().ordered()


@strict
class PersonApiFilter(_Ordered, UnitFamilyMixin):
    q = django_filters.CharFilter(method="filter_q", max_length=search.MAX_QUERY_CHARS)
    unit = UnitChoiceFilter(
        field_name="positions__unit", queryset=_units(), to_field_name="slug", distinct=True
    )
    help_texts = {
        "q": "Words of the name or position, accents optional.",
        "unit": "A unit's slug: people who held a position in it or in a unit below it.",
    }
    default_order = ("name", "pk")

    def filter_q(self, queryset, name, value):
        return search.search(queryset, search.parse_query(value), head_field="name")
