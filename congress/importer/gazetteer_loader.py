"""Load the official administrative units into the AdminArea table.

The source is vietnamadminunits (MIT), read by the pure gazetteer module; this module only
writes rows: pre-2025 provinces, districts and wards, the 2025 provinces and wards, and each
old unit's 2025 successor. Used by a data migration, so every database has the gazetteer.
"""

from __future__ import annotations

from ..extraction import gazetteer as source
from ..extraction.text import match_key

LEVEL_ORDER = ("province", "district", "ward")
BATCH = 2000


def _insert_map(AdminArea, map_name: str, rows: list[dict]) -> dict[str, int]:
    """Insert one map, parents before children; return code -> primary key."""
    ids: dict[str, int] = {}
    for level in LEVEL_ORDER:
        objs = [
            AdminArea(
                map=map_name,
                code=row["code"],
                level=level,
                admin_type=row["type"],
                name=row["name"],
                short_name=row["short_name"],
                name_key=match_key(row["short_name"]),
                parent_id=ids.get(row["parent_code"]) if row.get("parent_code") else None,
            )
            for row in rows
            if row["level"] == level
        ]
        AdminArea.objects.bulk_create(objs, batch_size=BATCH)
        # Not every backend returns primary keys from bulk_create: read them back.
        ids.update(AdminArea.objects.filter(map=map_name, level=level).values_list("code", "pk"))
    return ids


def load_gazetteer(AdminArea) -> int:
    """Fill an empty AdminArea table (the model class may be a migration's historical one)."""
    if AdminArea.objects.exists():
        return 0
    legacy_ids = _insert_map(AdminArea, "legacy", list(source.iter_legacy_units()))
    new_ids = _insert_map(AdminArea, "2025", list(source.iter_2025_units()))
    updates = []
    for old_code, new_code in source.iter_successions():
        old_pk, new_pk = legacy_ids.get(old_code), new_ids.get(new_code)
        if old_pk and new_pk:
            updates.append(AdminArea(pk=old_pk, successor_id=new_pk))
    AdminArea.objects.bulk_update(updates, ["successor"], batch_size=BATCH)
    return len(legacy_ids) + len(new_ids)
