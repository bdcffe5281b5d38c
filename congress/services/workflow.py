"""Editorial workflow: publish, hide, verify reports and indicators in bulk.

Each row is saved on its own so that its history records who changed it and when, and the
field is marked as an editor's, so no re-import resets it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from ..models.curation import CuratedModel


@transaction.atomic
def set_field(objects: Iterable[CuratedModel], *, field: str, value) -> int:
    """Set ``field`` to ``value`` on every object that differs; return how many changed."""
    changed = 0
    for obj in objects:
        if getattr(obj, field) == value:
            continue
        setattr(obj, field, value)
        obj.mark_edited([field])
        obj.save()
        changed += 1
    return changed


def set_status(objects: Iterable[CuratedModel], *, status: str) -> int:
    return set_field(objects, field="status", value=status)


def set_verified(objects: Iterable[CuratedModel], *, verified: bool = True) -> int:
    return set_field(objects, field="verified", value=verified)
