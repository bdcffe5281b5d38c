"""Find or create the Unit rows a report names, with their parent chain from the gazetteer."""

from __future__ import annotations

from ..extraction.records import UnitRef
from ..extraction.text import match_key, slugify_vi
from ..models import AdminArea, AdminMap, Unit, UnitAlias, UnitKind

# Column widths (Unit.name, Unit.locality, UnitAlias.name): PostgreSQL refuses longer text,
# so nothing longer reaches it whatever the extraction lets through.
NAME_CHARS = 200

_LEVEL_TO_KIND = {
    "province": UnitKind.PROVINCE,
    "district": UnitKind.DISTRICT,
    "ward": UnitKind.WARD,
}


def unique_slug(model, base: str) -> str:
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base[:110]}-{n}"
        n += 1
    return slug


def _locality_of(area: AdminArea) -> str:
    """ "Thị xã Quảng Trị" -> "thị xã Quảng Trị" (the type is written lower-case in names)."""
    name = area.name
    if name.lower().startswith(area.admin_type.lower()):
        return area.admin_type.lower() + name[len(area.admin_type) :]
    return name


def add_alias(unit: Unit, name: str) -> None:
    name = name[:NAME_CHARS]
    key = match_key(name)[:NAME_CHARS]
    if key and key != unit.name_key:
        UnitAlias.objects.get_or_create(unit=unit, name_key=key, defaults={"name": name})


def unit_for_area(area: AdminArea) -> Unit:
    """The Party organisation of an official unit, created with its parents if new."""
    unit = Unit.objects.filter(area=area).first()
    if unit is not None:
        return unit
    locality = _locality_of(area)
    name = f"Đảng bộ {locality}"
    if area.level == "province":
        # A province that kept its name in 2025 ("thành phố Đà Nẵng", now with Quảng Nam)
        # has the same Party organisation: one unit across both maps, whichever came first.
        same = Unit.objects.filter(
            kind=UnitKind.PROVINCE, parent__isnull=True, name_key=match_key(name)
        ).first()
        if same is not None:
            return same
    parent = unit_for_area(area.parent) if area.parent_id else None
    return Unit.objects.create(
        kind=_LEVEL_TO_KIND[area.level],
        admin_type=area.admin_type,
        name=name,
        locality=locality,
        name_key=match_key(name),
        slug=unique_slug(Unit, slugify_vi(name)),
        area=area,
        parent=parent,
    )


def _area(code: str | None, map: str | None) -> AdminArea | None:
    """The official unit of ``code`` on ``map`` (the pre-2025 one unless the record says)."""
    if not code:
        return None
    areas = AdminArea.objects.filter(map=map or AdminMap.LEGACY, code=code)
    return areas.select_related("parent").first()


def resolve_unit(ref: UnitRef) -> Unit:
    """The Unit for a reference: by gazetteer code, then by a known name, else a new one."""
    area = _area(ref.gazetteer_code, ref.gazetteer_map)
    if area is not None:
        unit = unit_for_area(area)
        add_alias(unit, ref.name)
        return unit

    name = ref.name[:NAME_CHARS]
    key = match_key(name)[:NAME_CHARS]
    parent_area = _area(ref.parent_code, ref.gazetteer_map) or _area(
        ref.province_code, ref.gazetteer_map
    )
    parent = unit_for_area(parent_area) if parent_area else None
    candidates = Unit.objects.filter(kind=ref.kind)
    if parent is not None:
        candidates = candidates.filter(parent=parent)
    unit = (
        candidates.filter(name_key=key).first() or candidates.filter(aliases__name_key=key).first()
    )
    if unit is not None:
        return unit
    return Unit.objects.create(
        kind=ref.kind,
        admin_type=ref.admin_type or "",
        name=name,
        locality=(ref.locality or "")[:NAME_CHARS],
        name_key=key,
        slug=unique_slug(Unit, slugify_vi(name)),
        parent=parent,
    )
