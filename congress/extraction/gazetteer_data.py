"""Reading the official unit lists shipped with the ``vietnamadminunits`` package (MIT).

The package's ``data/dataset.db`` (sqlite) holds two maps:

- ``admin_units_legacy``: the map before the 2025 reform (63 provinces, districts, wards),
  as it stood just before 1 July 2025; older names are in its alias columns;
- ``admin_units``: the 2025 map (34 provinces, wards directly under them).

``data/converter_2025.json`` says which old wards make up each new ward.

The file is read with the stdlib ``sqlite3``, read-only; the package itself is never imported
(its parser pulls in geopy and shapely and is slow to load). The ``iter_*`` functions yield
plain dicts and tuples for the database loader.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from functools import lru_cache
from pathlib import Path

from .text import match_key
from .unit_names import DISTRICT, PROVINCE, WARD, bare_name

PACKAGE = "vietnamadminunits"

# The *Key columns are accent- and space-free, the same as unit_names.fold_key.
LEGACY_COLUMNS = (
    "province, provinceShort, provinceCode, provinceKey, provinceShortKey, provinceAlias, "
    "district, districtShort, districtType, districtCode, districtKey, districtShortKey, "
    "districtAlias, ward, wardShort, wardType, wardCode, wardKey, wardShortKey, wardAlias"
)


class DatasetMissing(RuntimeError):
    """The ``vietnamadminunits`` package (or its data files) is not installed."""


@lru_cache(maxsize=1)
def data_dir() -> Path:
    """The package's ``data`` folder, found without importing the package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise DatasetMissing(f"the {PACKAGE} package is not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    if not (folder / "dataset.db").is_file():
        raise DatasetMissing(f"{folder / 'dataset.db'} not found")
    return folder


def _connect() -> sqlite3.Connection:
    uri = (data_dir() / "dataset.db").resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True)


def legacy_rows() -> list[sqlite3.Row]:
    """One row per pre-2025 ward (districts without wards give one row with no ward)."""
    with closing(_connect()) as db:
        db.row_factory = sqlite3.Row
        return db.execute(f"SELECT {LEGACY_COLUMNS} FROM admin_units_legacy").fetchall()


def unit_type(official_name: str, dataset_type: str | None = None) -> str:
    """Lower-case type word: ("Tỉnh Quảng Trị") -> "tỉnh", ("Thị xã Quảng Trị") -> "thị xã"."""
    if dataset_type:
        return match_key(dataset_type)
    key = match_key(official_name)
    for word in ("thành phố", "tỉnh"):
        if key.startswith(word + " "):
            return word
    return ""


def _unit(code, level, official, short, type_word, parent_code) -> dict:
    return {
        "code": code,
        "level": level,
        "type": type_word,
        "name": official,
        "short_name": short or bare_name(official, type_word),
        "parent_code": parent_code,
    }


def iter_legacy_units() -> Iterator[dict]:
    """Every unit of the pre-2025 map: provinces first, then districts, then wards.

    Each is ``{"code", "level", "type", "name", "short_name", "parent_code"}``:
    level is "province" / "district" / "ward"; type the lower-case Vietnamese word
    ("tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn"); name the
    official one ("Phường 1", "Thị xã Quảng Trị"); codes are the official GSO codes
    (2, 3 and 5 digits), unique within a level.
    """
    rows = legacy_rows()
    seen: set[str] = set()
    for row in rows:
        if row["provinceCode"] not in seen:
            seen.add(row["provinceCode"])
            kind = unit_type(row["province"])
            yield _unit(
                row["provinceCode"], PROVINCE, row["province"], row["provinceShort"], kind, None
            )
    for row in rows:
        if row["districtCode"] not in seen:
            seen.add(row["districtCode"])
            kind = unit_type(row["district"], row["districtType"])
            yield _unit(
                row["districtCode"],
                DISTRICT,
                row["district"],
                row["districtShort"],
                kind,
                row["provinceCode"],
            )
    for row in rows:
        if row["wardCode"]:
            kind = unit_type(row["ward"], row["wardType"])
            yield _unit(
                row["wardCode"], WARD, row["ward"], row["wardShort"], kind, row["districtCode"]
            )


def iter_2025_units() -> Iterator[dict]:
    """Every unit of the 2025 map, same shape: provinces, then wards (parent = province).

    Ward types are "phường", "xã" and "đặc khu".
    """
    with closing(_connect()) as db:
        rows = db.execute(
            "SELECT province, provinceShort, provinceCode, ward, wardShort, wardType, wardCode "
            "FROM admin_units"
        ).fetchall()
    seen: set[str] = set()
    for province, short, code, *_ in rows:
        if code not in seen:
            seen.add(code)
            yield _unit(code, PROVINCE, province, short, unit_type(province), None)
    for _p, _s, province_code, ward, ward_short, ward_type, ward_code in rows:
        yield _unit(ward_code, WARD, ward, ward_short, unit_type(ward, ward_type), province_code)


def _converter() -> dict:
    with open(data_dir() / "converter_2025.json", encoding="utf-8") as handle:
        return json.load(handle)


def iter_province_successions() -> Iterator[tuple[str, str]]:
    """(old province code, new province code) for each of the 63 old provinces."""
    with closing(_connect()) as db:
        old = dict(db.execute("SELECT DISTINCT provinceKey, provinceCode FROM admin_units_legacy"))
        new = dict(db.execute("SELECT DISTINCT provinceKey, provinceCode FROM admin_units"))
    for new_key, old_keys in _converter()["DICT_PROVINCE"].items():
        for old_key in old_keys:
            if old_key in old and new_key in new:
                yield old[old_key], new[new_key]


def iter_ward_successions() -> Iterator[tuple[str, str]]:
    """(old ward code, new ward code) for each old ward.

    A ward split between several new wards yields only the one the converter marks as its
    default successor (the one holding most of it), so each old ward has one successor.
    """
    with closing(_connect()) as db:
        old = {
            f"{p}_{d}_{w}": code
            for p, d, w, code in db.execute(
                "SELECT provinceKey, districtKey, wardKey, wardCode FROM admin_units_legacy "
                "WHERE wardCode IS NOT NULL"
            )
        }
        new = {
            (p, w): code
            for p, w, code in db.execute("SELECT provinceKey, wardKey, wardCode FROM admin_units")
        }
    converter = _converter()
    for new_province, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, old_keys in wards.items():
            for old_key in old_keys:
                if old_key in old and (new_province, new_ward) in new:
                    yield old[old_key], new[(new_province, new_ward)]
    for new_province, divided in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in divided.items():
            default = next((p for p in parts if p.get("isDefaultNewWard")), None)
            if old_key in old and default and (new_province, default["newWardKey"]) in new:
                yield old[old_key], new[(new_province, default["newWardKey"])]


def iter_successions() -> Iterator[tuple[str, str]]:
    """(old code, new code) for provinces (2-digit codes) and wards (5-digit codes)."""
    yield from iter_province_successions()
    yield from iter_ward_successions()
