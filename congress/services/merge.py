"""Merge a duplicate unit or person into the one kept, in one transaction.

Everything that points at the duplicate moves to the kept row; the duplicate's names become
aliases of the kept one (so the next import resolves them to it), then the duplicate is
deleted. Moved rows are saved one by one, so their history records the move.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from ..extraction.text import match_key
from ..models import (
    Article,
    ArticleUnit,
    Congress,
    Indicator,
    Person,
    PersonAlias,
    Position,
    Unit,
    UnitAlias,
)
from ..search import refresh_people, refresh_search_fields, refresh_units


class MergeError(Exception):
    """The two rows cannot be merged; the message says why."""


@dataclass
class MergeResult:
    moved: dict[str, int] = field(default_factory=dict)
    aliases_added: list[str] = field(default_factory=list)

    def add(self, what: str, count: int = 1) -> None:
        self.moved[what] = self.moved.get(what, 0) + count


CONGRESS_FILLS = ("term", "date", "delegates", "members_represented", "source_article")
UNIT_FILLS = ("admin_type", "locality", "area", "parent")


def _fill_empty(target, source, names) -> bool:
    """Copy the source's values into the target's empty fields; True if any changed."""
    changed = False
    for name in names:
        if getattr(target, name) in (None, "") and getattr(source, name) not in (None, ""):
            setattr(target, name, getattr(source, name))
            changed = True
    return changed


@transaction.atomic
def merge_units(*, keep: Unit, duplicate: Unit) -> MergeResult:
    if keep.pk == duplicate.pk:
        raise MergeError("Hai đơn vị được chọn là một.")
    keep = Unit.objects.select_for_update().get(pk=keep.pk)
    duplicate = Unit.objects.select_for_update().get(pk=duplicate.pk)
    if duplicate in keep.ancestors() and keep.parent_id != duplicate.pk:
        raise MergeError(f"“{keep}” nằm dưới “{duplicate}” nhiều cấp; hãy sửa cấp trên trước.")
    if keep in duplicate.ancestors():
        raise MergeError(f"“{duplicate}” nằm dưới “{keep}”; không thể gộp cấp trên vào cấp dưới.")
    result = MergeResult()
    articles = set(duplicate.article_links.values_list("article_id", flat=True))

    for link in ArticleUnit.objects.filter(unit=duplicate):
        kept = ArticleUnit.objects.filter(article_id=link.article_id, unit=keep).first()
        if kept is None:
            link.unit = keep
            link.save(update_fields=["unit"])
        else:
            link.delete()  # first, so that the kept link may take its primary flag
            if link.is_primary and not kept.is_primary:
                kept.is_primary = True
                kept.save(update_fields=["is_primary"])
        result.add("article links")

    for indicator in Indicator.objects.filter(unit=duplicate):
        indicator.unit = keep
        indicator.save()
        result.add("indicators")

    for congress in Congress.objects.filter(unit=duplicate):
        clash = Congress.objects.filter(unit=keep, ordinal=congress.ordinal).first()
        if clash is None:
            congress.unit = keep
            congress.save()
        else:
            if _fill_empty(clash, congress, CONGRESS_FILLS):
                clash.save()
            congress.delete()
        result.add("congresses")

    for position in Position.objects.filter(unit=duplicate):
        position.unit = keep
        position.save()
        result.add("positions")

    if keep.parent_id == duplicate.pk:
        keep.parent = duplicate.parent
    for child in Unit.objects.filter(parent=duplicate).exclude(pk=keep.pk):
        child.parent = keep
        child.save()
        result.add("child units")

    known = {keep.name_key, *keep.aliases.values_list("name_key", flat=True)}
    for name in [duplicate.name, *duplicate.aliases.values_list("name", flat=True)]:
        key = match_key(name)
        if key not in known:
            UnitAlias.objects.create(unit=keep, name=name)
            known.add(key)
            result.aliases_added.append(name)

    _fill_empty(keep, duplicate, UNIT_FILLS)
    keep.save()
    duplicate.delete()

    refresh_units(Unit.objects.filter(pk=keep.pk) | Unit.objects.filter(parent=keep))
    for article in Article.objects.filter(pk__in=articles):
        refresh_search_fields(article)
    return result


@transaction.atomic
def merge_people(*, keep: Person, duplicate: Person) -> MergeResult:
    if keep.pk == duplicate.pk:
        raise MergeError("Hai cán bộ được chọn là một.")
    keep = Person.objects.select_for_update().get(pk=keep.pk)
    duplicate = Person.objects.select_for_update().get(pk=duplicate.pk)
    result = MergeResult()
    for position in Position.objects.filter(person=duplicate):
        clash = Position.objects.filter(
            person=keep, title=position.title, article_id=position.article_id
        ).first()
        if clash is None:
            position.person = keep
            position.save()
        else:
            if _fill_empty(clash, position, ("unit", "date")):
                clash.save()
            position.delete()
        result.add("positions")

    known = {keep.name_key, *keep.aliases.values_list("name_key", flat=True)}
    for name in [duplicate.name, *duplicate.aliases.values_list("name", flat=True)]:
        key = match_key(name)
        if key not in known:
            PersonAlias.objects.create(person=keep, name=name)
            known.add(key)
            result.aliases_added.append(name)
    duplicate.delete()
    refresh_people(Person.objects.filter(pk=keep.pk))
    return result
