"""The indicator search: every filter is a GET parameter.

:class:`IndicatorSearch` holds the filters, their queries and the order of the results; the
public page (:class:`IndicatorFilter`, bad values ignored and said), its downloads and the
JSON API (``congress.api.filters``, bad values rejected with a 400) all use it.
"""

from __future__ import annotations

from collections import Counter

import django_filters
from django import forms
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from . import search
from .models import Term, Unit
from .models.organisations import UnitKind
from .paging import COUNT_CAP
from .selectors import descendant_ids, province_of, unit_family
from .widgets import PlainSelect

CATEGORY_LABELS = {
    "economy": _("Kinh tế"),
    "culture_society": _("Văn hóa – xã hội"),
    "party_building": _("Xây dựng Đảng"),
    "defense_security": _("Quốc phòng – an ninh"),
    "other": _("Khác"),
}
KIND_LABELS = {"target": _("Chỉ tiêu"), "result": _("Kết quả")}
UNIT_KIND_LABELS = {
    UnitKind.PROVINCE: _("Cấp tỉnh"),
    UnitKind.DISTRICT: _("Cấp huyện"),
    UnitKind.WARD: _("Cấp xã"),
    UnitKind.BLOC: _("Đảng bộ Khối"),
}
PAGE_SIZES = [25, 50, 100]


def term_choices():
    return [(t.label, t.label) for t in Term.objects.order_by("start_year", "end_year")]


class UnitChoiceFilter(django_filters.ModelChoiceFilter):
    """A unit by slug, matching rows of that unit and of every unit below it.

    ``field_name`` is the path to the unit (default ``unit``); the filter set provides
    ``family`` (:class:`UnitFamilyMixin`).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("field_name", "unit")
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        ids = descendant_ids([value.pk], self.parent.family)
        qs = qs.filter(**{f"{self.field_name}__in": ids})
        return qs.distinct() if self.distinct else qs


class TermLabelFilter(django_filters.ChoiceFilter):
    """A term by its label ("2015-2020"); ``field_name`` is the path to the term."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("field_name", "term")
        kwargs.setdefault("choices", term_choices)
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        start, _sep, end = value.partition("-")
        qs = qs.filter(
            **{f"{self.field_name}__start_year": start, f"{self.field_name}__end_year": end}
        )
        return qs.distinct() if self.distinct else qs


class UnitFamilyMixin:
    @cached_property
    def family(self):
        return unit_family()


class IndicatorSearch(UnitFamilyMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Từ khóa"), method="filter_q", max_length=search.MAX_QUERY_CHARS * 40
    )
    term = TermLabelFilter(label=_("Nhiệm kỳ"), empty_label=_("Tất cả"))
    province = UnitChoiceFilter(
        label=_("Tỉnh, thành phố"),
        queryset=Unit.objects.filter(kind=UnitKind.PROVINCE).order_by("name"),
        to_field_name="slug",
        empty_label=_("Tất cả"),
    )
    unit = UnitChoiceFilter(
        label=_("Đơn vị (gồm các đơn vị trực thuộc)"),
        queryset=Unit.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("Tất cả"),
    )
    unit_kind = django_filters.ChoiceFilter(
        label=_("Cấp đơn vị"),
        field_name="unit__kind",
        choices=list(UNIT_KIND_LABELS.items()),
        empty_label=_("Tất cả"),
    )
    category = django_filters.ChoiceFilter(
        label=_("Lĩnh vực"), choices=list(CATEGORY_LABELS.items()), empty_label=_("Tất cả")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Chỉ tiêu / kết quả"), choices=list(KIND_LABELS.items()), empty_label=_("Tất cả")
    )
    year_from = django_filters.NumberFilter(
        label=_("Từ năm"), method="filter_year_from", min_value=1900, max_value=2200
    )
    year_to = django_filters.NumberFilter(
        label=_("Đến năm"), method="filter_year_to", min_value=1900, max_value=2200
    )
    sort = django_filters.OrderingFilter(
        label=_("Sắp xếp"),
        fields=(
            ("term__start_year", "term"),
            ("unit__name", "unit"),
            ("value", "value"),
            ("year", "year"),
            ("category", "category"),
        ),
        field_labels={
            "term__start_year": _("Nhiệm kỳ"),
            "unit__name": _("Đơn vị"),
            "value": _("Giá trị"),
            "year": _("Năm"),
            "category": _("Lĩnh vực"),
        },
        empty_label=_("Liên quan nhất"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = search.ParsedQuery()

    def filter_q(self, queryset, name, value):
        self.query = search.parse_query(value)
        if not self.query:
            return queryset
        return search.search(queryset, self.query, head_field="name")

    def filter_year_from(self, queryset, name, value):
        value = int(value)
        return queryset.filter(Q(year__gte=value) | Q(year__isnull=True, term__end_year__gte=value))

    def filter_year_to(self, queryset, name, value):
        value = int(value)
        return queryset.filter(
            Q(year__lte=value) | Q(year__isnull=True, term__start_year__lte=value)
        )

    @property
    def sorted_by(self) -> list[str]:
        """Model fields to order by, from the ``sort`` parameters ("unit" -> "unit__name");
        empty entries ("sort=", "sort=value,") are no order."""
        if not self.is_valid():
            return []
        ordering = self.filters["sort"]
        params = [p for p in self.form.cleaned_data.get("sort") or [] if p and p.strip("-")]
        return [ordering.get_ordering_value(p) for p in params]

    def ordered(self, *, windowed: bool = False):
        """The filtered rows in a stable order: the chosen sort, else relevance, else term.

        ``windowed``: rank only the first matches (``search.rank_window``), for pages whose
        count and pagination stop at the same bound; downloads take every row.
        """
        rows = self.qs
        if self.sorted_by:
            return rows.order_by(*self.sorted_by, "pk")
        if self.query:
            rows = search.rank_window(rows) if windowed else rows
            return search.order_by_rank(rows, "-term__start_year", "pk")
        return rows.order_by("-term__start_year", "unit__name", "article", "quote_start", "pk")


class IndicatorFilter(IndicatorSearch):
    """The public search page's form: number inputs with their bounds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["year_from"].widget = forms.NumberInput(attrs={"min": 1900, "max": 2200})
        self.form.fields["year_to"].widget = forms.NumberInput(attrs={"min": 1900, "max": 2200})
        # A unit is typed by its address name (slug): a list of every unit of a large archive
        # is thousands of options, most of a page's size and rendering time.
        self.form.fields["unit"].widget = forms.TextInput(
            attrs={"placeholder": "dang-bo-phuong-…", "spellcheck": "false"}
        )
        # The terms, read once: the field validates against its choices and renders them,
        # and a broad search's facets list them (a callable was read at each of those).
        self.term_choices = term_choices()
        self.form.fields["term"].choices = self.term_choices
        for field in self.form.fields.values():
            if type(field.widget) is forms.Select:
                field.widget = PlainSelect(attrs=field.widget.attrs, choices=field.widget.choices)


def facets(queryset, family, terms=None) -> dict[str, list[tuple[str, str, int | None]]]:
    """``{filter name: [(value, label, count)]}`` over the filtered rows.

    The counts come from one query reading at most ``COUNT_CAP`` + 1 matching rows. When more
    rows match, counting them all would read them all (seconds on a large archive): the
    facets then list every value a filter can take, with ``None`` for the count.
    """
    rows = list(
        queryset.order_by().values_list(
            "term__start_year", "term__end_year", "unit", "unit__kind", "category", "kind"
        )[: COUNT_CAP + 1]
    )
    if len(rows) > COUNT_CAP:
        return _uncounted_facets(term_choices() if terms is None else terms)
    terms, units, unit_kinds = Counter(), Counter(), Counter()
    categories, kinds = Counter(), Counter()
    for start, end, unit, unit_kind, category, kind in rows:
        if start is not None:
            terms[(start, end)] += 1
        units[unit] += 1
        unit_kinds[unit_kind] += 1
        categories[category] += 1
        kinds[kind] += 1
    provinces = Counter()
    for unit_id, n in units.items():
        province = province_of(unit_id, family)
        if province is not None:
            provinces[province] += n
    names = {
        pk: (slug, name)
        for pk, slug, name in Unit.objects.filter(pk__in=provinces).values_list(
            "pk", "slug", "name"
        )
    }
    return {
        "term": [(f"{s}-{e}", f"{s}-{e}", n) for (s, e), n in sorted(terms.items())],
        "province": sorted(
            ((*names[pk], n) for pk, n in provinces.items() if pk in names), key=lambda r: r[1]
        ),
        "unit_kind": [
            (k, label, unit_kinds[k]) for k, label in UNIT_KIND_LABELS.items() if unit_kinds.get(k)
        ],
        "category": [
            (k, label, categories[k]) for k, label in CATEGORY_LABELS.items() if categories.get(k)
        ],
        "kind": [(k, label, kinds[k]) for k, label in KIND_LABELS.items() if kinds.get(k)],
    }


def _uncounted_facets(terms) -> dict[str, list[tuple[str, str, None]]]:
    """Every value of each facet, without counts (one small query: the provinces)."""
    provinces = Unit.objects.filter(kind=UnitKind.PROVINCE).order_by("name")
    return {
        "term": [(label, label, None) for label, _ in terms],
        "province": [(slug, name, None) for slug, name in provinces.values_list("slug", "name")],
        "unit_kind": [(k, label, None) for k, label in UNIT_KIND_LABELS.items()],
        "category": [(k, label, None) for k, label in CATEGORY_LABELS.items()],
        "kind": [(k, label, None) for k, label in KIND_LABELS.items()],
    }
