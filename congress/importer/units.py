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
    return unique_slugs(model, [base])[0]


def unique_slugs(model, bases: list[str]) -> list[str]:
    """A free slug for each base, in turn: the base, else the first free of "base-2",
    "base-3"… Two queries at most per base, however many of its numbers are taken ("Đảng
    bộ phường 1" is the name of hundreds of wards)."""
    taken = set(model.objects.filter(slug__in=set(bases)).values_list("slug", flat=True))
    read_stems: set[str] = set()
    slugs = []
    for base in bases:
        slug = base
        if slug in taken:
            stem = f"{base[:110]}-"
            if stem not in read_stems:
                read_stems.add(stem)
                numbered = model.objects.filter(slug__startswith=stem)
                taken.update(numbered.values_list("slug", flat=True))
            n = 2
            while (slug := f"{stem}{n}") in taken:
                n += 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


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


def _area(code: str | None, map: str | None, known: dict | None = None) -> AdminArea | None:
    """The official unit of ``code`` on ``map`` (the pre-2025 one unless the record says)."""
    if not code:
        return None
    key = (map or AdminMap.LEGACY, code)
    known = _known_areas.get() if known is None else known
    if known is not None and key in known:
        return known[key]
    area = AdminArea.objects.filter(map=key[0], code=code).select_related("parent").first()
    if known is not None:
        known[key] = area
    return area


def _read_areas(refs: list[UnitRef], known: dict) -> None:
    """Read the official units the references name (with their parents) into ``known``,
    one query per map for those not read yet."""
    wanted: dict[str, set[str]] = {}
    for ref in refs:
        key = (ref.gazetteer_map or AdminMap.LEGACY, ref.gazetteer_code)
        if ref.gazetteer_code and key not in known:
            wanted.setdefault(key[0], set()).add(key[1])
    for map_name, codes in wanted.items():
        areas = AdminArea.objects.filter(map=map_name, code__in=codes)
        for area in areas.select_related("parent__parent"):
            known[(map_name, area.code)] = area
        for code in codes:
            known.setdefault((map_name, code), None)


def _chain(area: AdminArea) -> list[AdminArea]:
    chain, node = [], area
    while node is not None and len(chain) < 5:
        chain.append(node)
        node = node.parent if node.parent_id else None
    return chain


class _BatchUnits:
    """Units of many references planned in memory, then written level by level."""

    def __init__(self, touched: set[int]):
        self.touched = touched
        self.by_area: dict[int, Unit] = {}
        self.looked_up: set[int] = set()  # areas whose unit was read from the database
        self.provinces: dict[str, Unit] = {}  # top-level province units by name key
        self.planned: list[Unit] = []
        self.aliases: list[tuple[Unit, str, str]] = []

    def forget(self) -> None:
        """Read the database again from now on (call with nothing planned)."""
        self.by_area, self.looked_up, self.provinces = {}, set(), {}

    def read(self, areas: list[AdminArea]) -> None:
        ids = {a.pk for area in areas for a in _chain(area)} - self.looked_up
        for unit in Unit.objects.filter(area_id__in=ids).order_by("name", "pk"):
            self.by_area.setdefault(unit.area_id, unit)
        self.looked_up |= ids
        keys = {
            match_key(f"Đảng bộ {_locality_of(a)}")
            for area in areas
            for a in _chain(area)
            if a.level == "province" and a.pk not in self.by_area
        } - set(self.provinces)
        if keys:
            same = Unit.objects.filter(
                kind=UnitKind.PROVINCE, parent__isnull=True, name_key__in=keys
            ).order_by("name", "pk")
            for unit in same:
                self.provinces.setdefault(unit.name_key, unit)

    def unit_for_area(self, area: AdminArea) -> Unit:
        """As ``unit_for_area``, with the new units planned rather than written."""
        if area.pk not in self.looked_up:
            self.read([area])
        if area.pk in self.by_area:
            return self.by_area[area.pk]
        locality = _locality_of(area)
        name = f"Đảng bộ {locality}"
        key = match_key(name)
        if area.level == "province" and key in self.provinces:
            return self.provinces[key]
        parent = self.unit_for_area(area.parent) if area.parent_id else None
        unit = Unit(
            kind=_LEVEL_TO_KIND[area.level],
            admin_type=area.admin_type,
            name=name,
            locality=locality,
            name_key=key,
            area=area,
            parent=parent,
        )
        self.planned.append(unit)
        self.by_area[area.pk] = unit
        if area.level == "province" and parent is None:
            self.provinces[key] = unit
        return unit

    def alias(self, unit: Unit, name: str) -> None:
        name = name[:NAME_CHARS]
        key = match_key(name)[:NAME_CHARS]
        if key and key != unit.name_key:
            self.aliases.append((unit, key, name))

    def flush(self) -> None:
        """Write the planned units (parents first) and the aliases not known yet."""
        from simple_history.utils import bulk_create_with_history

        if self.planned:
            slugs = unique_slugs(Unit, [slugify_vi(u.name) for u in self.planned])
            for unit, slug in zip(self.planned, slugs, strict=True):
                unit.slug = slug
            waiting = self.planned
            while waiting:
                ready = [u for u in waiting if u.parent is None or u.parent.pk is not None]
                bulk_create_with_history(ready, Unit)
                waiting = [u for u in waiting if u.pk is None]
            self.touched.update(u.pk for u in self.planned)
            self.planned = []
        if self.aliases:
            known = set(
                UnitAlias.objects.filter(
                    unit__in={u.pk for u, _k, _n in self.aliases},
                    name_key__in={k for _u, k, _n in self.aliases},
                ).values_list("unit_id", "name_key")
            )
            new = []
            for unit, key, name in self.aliases:
                if (unit.pk, key) not in known:
                    known.add((unit.pk, key))
                    new.append(UnitAlias(unit=unit, name=name, name_key=match_key(name)))
                    self.touched.add(unit.pk)
            UnitAlias.objects.bulk_create(new)
            self.aliases = []


def resolve_units(refs: list[UnitRef], touched: set[int]) -> list[Unit]:
    """The unit of each reference: the units, slugs, aliases and ``touched`` that
    ``resolve_unit`` called for each in turn gives, with a few queries for them all.

    References by official code are planned together; one without a code is resolved by
    name against the database, so whatever was planned before it is written first."""
    known = _known_areas.get()
    known = {} if known is None else known
    _read_areas(refs, known)
    areas = [_area(ref.gazetteer_code, ref.gazetteer_map, known) for ref in refs]
    batch = _BatchUnits(touched)
    batch.read([area for area in areas if area is not None])
    units = []
    for n, (ref, area) in enumerate(zip(refs, areas, strict=True)):
        if area is None:
            batch.flush()
            before = set(touched)
            units.append(resolve_unit(ref, touched))
            if touched != before:  # it wrote units (a parent, say) that were read as missing
                batch.forget()
                batch.read([area for area in areas[n + 1 :] if area is not None])
            continue
        unit = batch.unit_for_area(area)
        batch.alias(unit, ref.name)
        units.append(unit)
    batch.flush()
    return units


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
