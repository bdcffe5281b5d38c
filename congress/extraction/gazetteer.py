"""The official administrative units as a plain in-memory index, one per map.

``default_gazetteer()`` is the pre-2025 map (63 provinces, districts, wards), which most
reports were written under; ``map_2025_gazetteer()`` is the two-level map in force from
1 July 2025 (34 provinces, their wards and communes directly under them), for reports
written after it.

Built once from the ``vietnamadminunits`` dataset (see :mod:`.gazetteer_data`) and shared
(both are cached). Lookups take a type word as the press writes it
("TP", "thị xã", "Q.") and a name ("Hạ Long", "I", "Hai Bà Trưng") and return the matching
official units, most exact first:

1. same name (tone placement, case, "tỉ/tỷ", Roman/Arabic numerals ignored) and same type;
2. same name, another type of the same level (a "thị xã" since made a "thành phố",
   a "xã" since made a "phường");
3. the accent-free key, or an older name from the dataset's alias columns
   ("huyện Hoành Bồ" is now part of thành phố Hạ Long; "TP HCM").

The loader's iterators (``iter_legacy_units``, ``iter_2025_units``, ``iter_successions``)
live in :mod:`.gazetteer_data` and are re-exported here.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer_data import (
    DatasetMissing,
    iter_2025_units,
    iter_legacy_units,
    iter_province_successions,
    iter_successions,
    iter_ward_successions,
    legacy_rows,
    unit_type,
)
from .unit_names import (
    DISTRICT,
    LEVELS,
    PROVINCE,
    PROVINCE_ALIASES,
    TYPE_LEVELS,
    WARD,
    bare_name,
    canonical_type,
    fold_key,
    name_key,
)

__all__ = [
    "AdminUnit",
    "DatasetMissing",
    "Gazetteer",
    "default_gazetteer",
    "map_2025_gazetteer",
    "iter_legacy_units",
    "iter_2025_units",
    "iter_successions",
    "iter_province_successions",
    "iter_ward_successions",
]

# Thừa Thiên Huế became the centrally-run "thành phố Huế" on 1 January 2025; the reports
# archived here predate that, so the province keeps its older name and type.
_PRE_2025_PROVINCE_NAMES = {"46": ("tỉnh", "Thừa Thiên Huế")}

LEGACY_MAP, MAP_2025 = "legacy", "2025"  # the values of the AdminArea.map column


@dataclass(frozen=True, slots=True)
class AdminUnit:
    """One official unit of a map (pre-2025 unless ``map`` says otherwise)."""

    code: str
    level: str  # province / district / ward
    type: str  # lower-case: tỉnh, thành phố, quận, huyện, thị xã, phường, xã, thị trấn
    name: str  # official: "Phường 1", "Thị xã Quảng Trị"
    bare: str  # without the type: "1", "Quảng Trị"
    province_code: str
    district_code: str | None = None  # wards of the pre-2025 map only
    map: str = LEGACY_MAP

    @property
    def parent_code(self) -> str | None:
        if self.level == WARD:
            # On the 2025 map a ward or commune sits directly under its province.
            return self.district_code or self.province_code
        return self.province_code if self.level == DISTRICT else None

    @property
    def label(self) -> str:
        """Type and name, lower-case type: "thị xã Quảng Trị", "phường 1"."""
        return f"{self.type} {self.bare}"


class Gazetteer:
    """Name lookups over one map, with parent chains and codes."""

    def __init__(
        self,
        units: Iterable[AdminUnit],
        fold_keys: Iterable[tuple[str, str, str]] = (),
        map: str = LEGACY_MAP,
    ):
        """``fold_keys`` are (level, fold_key, code): accent-free forms of official names and
        older or informal names. :meth:`from_units` computes those of the official names."""
        self.map = map
        self._units: dict[tuple[str, str], AdminUnit] = {}
        self._by_name: dict[str, dict[str, list[AdminUnit]]] = {
            lvl: defaultdict(list) for lvl in LEVELS
        }
        self._by_fold: dict[str, dict[str, list[AdminUnit]]] = {
            lvl: defaultdict(list) for lvl in LEVELS
        }
        self._found: dict[tuple[str | None, str], tuple[AdminUnit, ...]] = {}  # lookups made
        keys: dict[str, str] = {}  # many wards share a name: compute each key once
        for unit in units:
            self._units[(unit.level, unit.code)] = unit
            key = keys.get(unit.bare)
            if key is None:
                key = keys[unit.bare] = name_key(unit.bare)
            self._by_name[unit.level][key].append(unit)
        for level, key, code in fold_keys:
            unit = self._units.get((level, code))
            if unit:
                self._add_fold(level, key, unit)
        # Accent-free first words of province names and aliases: a cheap test before a lookup.
        self._province_starts = {fold_key(u.bare.split()[0]) for u in self._by_code(PROVINCE)}
        self._province_starts |= set(self._by_fold[PROVINCE])

    def _by_code(self, level: str) -> list[AdminUnit]:
        return [u for (lvl, _), u in self._units.items() if lvl == level]

    @classmethod
    def from_units(cls, units: Iterable[AdminUnit], aliases: Iterable[tuple[str, str, str]] = ()):
        """A gazetteer of ``units`` (tests, small maps); ``aliases`` as (level, name, code)."""
        units = list(units)
        keys = [(u.level, fold_key(form), u.code) for u in units for form in (u.bare, u.label)]
        keys += [(level, fold_key(name), code) for level, name, code in aliases]
        return cls(units, keys)

    def _add_fold(self, level: str, key: str, unit: AdminUnit) -> None:
        bucket = self._by_fold[level][key]
        if key and unit not in bucket:
            bucket.append(unit)

    # -- lookups ---------------------------------------------------------------------------

    def get(self, level: str, code: str | None) -> AdminUnit | None:
        return self._units.get((level, code)) if code else None

    def province(self, code_or_name: str) -> AdminUnit | None:
        """A province by code ("45") or name ("Quảng Trị", "tỉnh Quảng Trị", "TP HCM")."""
        unit = self.get(PROVINCE, code_or_name)
        if unit:
            return unit
        words = code_or_name.split()
        for cut in (2, 1, 0):  # "thành phố Hà Nội", "TP HCM", "Hà Nội"
            type_word = canonical_type(" ".join(words[:cut])) if cut else None
            if cut and type_word is None:
                continue
            found = [u for u in self.find(type_word, " ".join(words[cut:])) if u.level == PROVINCE]
            if found:
                return found[0]
        return None

    def province_official(self, code_or_name: str) -> tuple[str, str] | None:
        """(official name, type) of a province: "Cần Thơ" -> ("Thành phố Cần Thơ", "thành phố")."""
        unit = self.province(code_or_name)
        return (unit.name, unit.type) if unit else None

    def find(self, type_word: str | None, name: str) -> list[AdminUnit]:
        """Official units called ``name`` with type ``type_word`` as written ("TP", "quận").

        Without a type word every level is searched. Returns the best tier only (see the
        module docstring), or an empty list.
        """
        cached = self._found.get((type_word, name))
        if cached is None:
            if len(self._found) > 100_000:  # a bound for long runs over many reports
                self._found.clear()
            cached = self._found[(type_word, name)] = tuple(self._find(type_word, name))
        return list(cached)

    def _find(self, type_word: str | None, name: str) -> list[AdminUnit]:
        canonical = canonical_type(type_word) if type_word else None
        if type_word and canonical is None:
            return []
        levels = TYPE_LEVELS.get(canonical, LEVELS) if canonical else LEVELS
        key = name_key(name)
        if not key:
            return []
        named = [u for lvl in levels for u in self._by_name[lvl].get(key, ())]
        exact = [u for u in named if canonical is None or u.type == canonical]
        if exact:
            return exact
        if canonical:  # an older name with its type: "huyện Hoành Bồ", "thị xã Phúc Yên"
            typed = self._folded(levels, fold_key(f"{canonical} {name}"))
            if typed:
                return typed
        if named:
            # A "thành phố X" not found as such is an older city status of a district-level
            # unit far more often than a province.
            lower = [u for u in named if u.level != PROVINCE]
            return lower if canonical == "thành phố" and lower else named
        return self._folded(levels, fold_key(name))

    def _folded(self, levels: Iterable[str], key: str) -> list[AdminUnit]:
        return [u for lvl in levels for u in self._by_fold[lvl].get(key, ())] if key else []

    def may_start_province(self, word: str) -> bool:
        """False when no province name or alias starts with ``word`` (a fast pre-check)."""
        return fold_key(word) in self._province_starts

    def parent(self, unit: AdminUnit) -> AdminUnit | None:
        if unit.level == WARD:
            if unit.district_code is None:
                return self.get(PROVINCE, unit.province_code)
            return self.get(DISTRICT, unit.district_code)
        return self.get(PROVINCE, unit.province_code) if unit.level == DISTRICT else None

    def province_of(self, unit: AdminUnit) -> AdminUnit | None:
        return unit if unit.level == PROVINCE else self.get(PROVINCE, unit.province_code)

    def ancestors(self, unit: AdminUnit) -> list[AdminUnit]:
        """Parent, grandparent…: for a ward its district and province."""
        chain, current = [], self.parent(unit)
        while current:
            chain.append(current)
            current = self.parent(current)
        return chain

    def children_named(self, parent: AdminUnit, name: str) -> list[AdminUnit]:
        """Units directly under ``parent`` whose bare name is ``name`` (any type, same level
        as a district-level unit under a province)."""
        level = DISTRICT if parent.level == PROVINCE else WARD
        return [u for u in self._by_name[level].get(name_key(name), ()) if self.parent(u) == parent]

    def __len__(self) -> int:
        return len(self._units)


def _build() -> Gazetteer:
    units: dict[tuple[str, str], AdminUnit] = {}
    fold_keys: list[tuple[str, str, str]] = []
    types: dict[tuple[str, str | None], str] = {}  # few distinct values: compute each once

    def type_of(official: str, dataset_type: str | None) -> str:
        key = (official if not dataset_type else "", dataset_type)
        if key not in types:
            types[key] = unit_type(official, dataset_type)
        return types[key]

    def add(level: str, code: str, row, prefix: str, province: str, district=None) -> None:
        if (level, code) in units:
            return
        official = row[prefix]
        type_word = type_of(official, row[f"{prefix}Type"] if level != PROVINCE else None)
        if level == PROVINCE and code in _PRE_2025_PROVINCE_NAMES:
            type_word, bare = _PRE_2025_PROVINCE_NAMES[code]
            official = f"{type_word.capitalize()} {bare}"
            fold_keys.append((level, fold_key(bare), code))
        units[(level, code)] = AdminUnit(
            code, level, type_word, official, bare_name(official, type_word), province, district
        )
        fold_keys.append((level, row[f"{prefix}Key"], code))
        fold_keys.append((level, row[f"{prefix}ShortKey"], code))
        if row[f"{prefix}Alias"]:
            fold_keys.extend((level, key, code) for key in _json_list(row[f"{prefix}Alias"]))

    for row in legacy_rows():
        province = row["provinceCode"]
        add(PROVINCE, province, row, "province", province)
        add(DISTRICT, row["districtCode"], row, "district", province)
        if row["wardCode"]:
            add(WARD, row["wardCode"], row, "ward", province, row["districtCode"])
    fold_keys.extend((PROVINCE, key, code) for key, code in PROVINCE_ALIASES.items())
    return Gazetteer(units.values(), fold_keys)


def _json_list(value: str) -> list[str]:
    try:
        loaded = json.loads(value)
    except ValueError:
        return []
    return [str(x) for x in loaded] if isinstance(loaded, list) else []


def _build_2025() -> Gazetteer:
    units = []
    for row in iter_2025_units():
        province = row["parent_code"] or row["code"]
        units.append(
            AdminUnit(
                row["code"],
                row["level"],
                row["type"],
                row["name"],
                row["short_name"],
                province,
                None,
                MAP_2025,
            )
        )
    keys = [(u.level, fold_key(form), u.code) for u in units for form in (u.bare, u.label)]
    keys += [(PROVINCE, key, code) for key, code in PROVINCE_ALIASES.items()]
    return Gazetteer(units, keys, MAP_2025)


@lru_cache(maxsize=1)
def map_2025_gazetteer() -> Gazetteer:
    """The 2025 map's gazetteer, built on first use. Raises :class:`DatasetMissing` like
    :func:`default_gazetteer`."""
    try:
        return _build_2025()
    except (OSError, sqlite3.Error) as exc:
        raise DatasetMissing(f"cannot read the unit dataset: {exc}") from exc


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use (about 0.1 s).

    Raises :class:`DatasetMissing` when the dataset cannot be read: that is an installation
    fault, not something to paper over with empty results.
    """
    try:
        return _build()
    except (OSError, sqlite3.Error) as exc:
        raise DatasetMissing(f"cannot read the unit dataset: {exc}") from exc
