"""List filters the models' fields do not give: the province a row belongs to."""

from django.contrib import admin
from django.db.models import Q

from ..models import Unit, UnitKind

ANCESTOR_DEPTH = 4  # ward › district › province, blocs one level deeper at most


class ProvinceFilter(admin.SimpleListFilter):
    """Rows whose unit is the province or lies under it (any number of levels)."""

    title = "tỉnh, thành phố"
    parameter_name = "province"
    unit_path = "unit"  # from the filtered model to a Unit ("" for units themselves)

    def lookups(self, request, model_admin):
        return [(str(u.pk), u.name) for u in Unit.objects.of_kind(UnitKind.PROVINCE)]

    def queryset(self, request, queryset):
        value = self.value()
        # isascii: str.isdigit() is also true of "²" and "٣", which int() refuses or reads.
        if not value or not (value.isascii() and value.isdigit()) or len(value) > 18:
            return queryset
        start = [self.unit_path] if self.unit_path else []
        condition = Q()
        for level in range(ANCESTOR_DEPTH):
            lookup = "__".join([*start, *["parent"] * level, "pk"])
            condition |= Q(**{lookup: int(value)})
        return queryset.filter(condition).distinct()


def province_filter(unit_path: str) -> type[ProvinceFilter]:
    return type(f"ProvinceFilter_{unit_path}", (ProvinceFilter,), {"unit_path": unit_path})
