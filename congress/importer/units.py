"""Find or create the Unit rows a report names, with their parent chain from the gazetteer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

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


# Official units already read in this import run, by (map, code): the gazetteer is loaded by
# a migration and does not change while an import runs, and most reports name units an
# earlier report named.
_known_areas: ContextVar[dict[tuple[str, str], AdminArea | None] | None] = ContextVar(
    "known_areas", default=None
)


@contextmanager
def remembered_areas() -> Iterator[None]:
    """Read each official unit once until the block ends (one import run)."""
    token = _known_areas.set({})
    try:
        yield
    finally:
        _known_areas.reset(token)


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


def add_alias(unit: Unit, name: str, touched: set[int] | None = None) -> None:
    name = name[:NAME_CHARS]
    key = match_key(name)[:NAME_CHARS]
    if key and key != unit.name_key:
        _alias, created = UnitAlias.objects.get_or_create(
            unit=unit, name_key=key, defaults={"name": name}
        )
        if created and touched is not None:
            touched.add(unit.pk)


def unit_for_area(area: AdminArea, touched: set[int] | None = None) -> Unit:
    """The Party organisation of an official unit, created with its parents if new.

    ``touched`` collects the units created (their search text is still to be written)."""
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
    parent = unit_for_area(area.parent, touched) if area.parent_id else None
    unit = Unit.objects.create(
        kind=_LEVEL_TO_KIND[area.level],
        admin_type=area.admin_type,
        name=name,
        locality=locality,
        name_key=match_key(name),
        slug=unique_slug(Unit, slugify_vi(name)),
        area=area,
        parent=parent,
    )
    if touched is not None:
        touched.add(unit.pk)
    return unit


def _area(code: str | None, map: str | None) -> AdminArea | None:
    """The official unit of ``code`` on ``map`` (the pre-2025 one unless the record says)."""
    if not code:
        return None
    key = (map or AdminMap.LEGACY, code)
    known = _known_areas.get()
    if known is not None and key in known:
        return known[key]
    area = AdminArea.objects.filter(map=key[0], code=code).select_related("parent").first()
    if known is not None:
        known[key] = area
    return area


def resolve_unit(ref: UnitRef, touched: set[int] | None = None) -> Unit:
    """The Unit for a reference: by gazetteer code, then by a known name, else a new one.

    ``touched`` collects the units created or given a new alias by this call: the only
    units whose search text a report can change."""
    area = _area(ref.gazetteer_code, ref.gazetteer_map)
    if area is not None:
        unit = unit_for_area(area, touched)
        add_alias(unit, ref.name, touched)
        return unit

    name = ref.name[:NAME_CHARS]
    key = match_key(name)[:NAME_CHARS]
    parent_area = _area(ref.parent_code, ref.gazetteer_map) or _area(
        ref.province_code, ref.gazetteer_map
    )
    parent = unit_for_area(parent_area, touched) if parent_area else None
    candidates = Unit.objects.filter(kind=ref.kind)
    if parent is not None:
        candidates = candidates.filter(parent=parent)
    unit = (
        candidates.filter(name_key=key).first() or candidates.filter(aliases__name_key=key).first()
    )
    if unit is not None:
        return unit
    unit = Unit.objects.create(
        kind=ref.kind,
        admin_type=ref.admin_type or "",
        name=name,
        locality=(ref.locality or "")[:NAME_CHARS],
        name_key=key,
        slug=unique_slug(Unit, slugify_vi(name)),
        parent=parent,
    )
    if touched is not None:
        touched.add(unit.pk)
    return unit
