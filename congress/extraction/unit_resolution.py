"""Settling which official unit each place mention is, from the text around it.

A name such as "phường I" or "xã Tân Phú" fits dozens of official units. Newspapers locate
it, right after or elsewhere: "phường I, thị xã Quảng Trị", "phường Hà Lầm (TP Hạ Long)",
"xã Tân Phú (Đồng Phú)", or the district and province named further on. This module

1. links each mention to the higher-level place written right after it (its qualifier)
   and keeps only the candidates that lie inside it;
2. groups the mentions of one locality ("phường I", "Phường I", "phường 1");
3. picks among the remaining candidates by the places the whole text names, and by the
   committees it names ("Thị ủy" means the parent is a thị xã, "Thành ủy" a city).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .gazetteer import AdminUnit, Gazetteer
from .unit_mentions import _TOKEN, BLOC, Cue, Mention, Scan
from .unit_names import DISTRICT, PROVINCE, TYPE_LEVELS, WARD, name_key

_RANK = {WARD: 0, DISTRICT: 1, PROVINCE: 2}
_QUALIFIER_GAP = re.compile(r"\s*(?:,|\(|[-–]|thuộc|,\s*thuộc|\(\s*thuộc)\s*")
_BARE_QUALIFIER_GAP = re.compile(r"\s*(?:,|\()\s*")
_CONTEXT_WEIGHT = {DISTRICT: 3, PROVINCE: 1, WARD: 0}


@dataclass
class Locality:
    """The mentions of one place in a text, and what it resolves to."""

    type: str
    key: str
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[AdminUnit] = field(default_factory=list)
    cues: int = 0  # "Đảng bộ Quận", "Quận ủy"… that stand for it

    @property
    def unit(self) -> AdminUnit | None:
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def own_mentions(self) -> list[Mention]:
        """Mentions that name it for itself, not to locate another unit."""
        return [m for m in self.mentions if m.qualifies is None]

    @property
    def party(self) -> bool:
        return self.cues > 0 or any(m.party for m in self.mentions)


def _rank(mention: Mention) -> float:
    if mention.candidates:
        return max(_RANK[c.level] for c in mention.candidates)
    levels = TYPE_LEVELS.get(mention.type, (WARD,))
    return max(_RANK[level] for level in levels)


def _within(unit: AdminUnit, container: AdminUnit, gazetteer: Gazetteer) -> bool:
    return container in gazetteer.ancestors(unit)


def link_qualifiers(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """Mark "…, thị xã Quảng Trị" as locating the mention before it; narrow both."""
    for index, mention in enumerate(mentions[:-1]):
        following = mentions[index + 1]
        if following.qualifies is not None:
            continue
        if not _QUALIFIER_GAP.fullmatch(text, mention.end, following.start):
            continue
        # A higher-level place right after locates the one before, even where the map has
        # moved it since ("xã A, huyện B" before a merger); it narrows only where it fits.
        if _rank(following) > _rank(mention):
            following.qualifies = index
    for following in reversed(mentions):  # the outermost place narrows first: "xã, huyện, tỉnh"
        if following.qualifies is None or following.qualifies < 0:
            continue
        mention = mentions[following.qualifies]
        inside = [
            c
            for c in mention.candidates
            if any(_within(c, q, gazetteer) for q in following.candidates)
        ]
        if not inside and len(following.candidates) == 1:
            # Named in its parent under another type: "xã Tân Phú, huyện Đồng Phú" where the
            # map has a thị trấn Tân Phú (upgraded, or the reporter's slip).
            inside = gazetteer.children_named(following.candidates[0], mention.written)
        if inside:
            mention.candidates = inside
            following.candidates = [
                q for q in following.candidates if any(_within(c, q, gazetteer) for c in inside)
            ]
    qualified = {m.qualifies for m in mentions}
    for index, mention in enumerate(mentions):
        if len(mention.candidates) > 1 and index not in qualified:
            _narrow_by_bare_name(text, mention, gazetteer)


def _narrow_by_bare_name(text: str, mention: Mention, gazetteer: Gazetteer) -> None:
    """ "xã Tân Phú (Đồng Phú)", "phường 1, Đông Hà": an ancestor named without its type."""
    gap = _BARE_QUALIFIER_GAP.match(text, mention.end)
    if not gap:
        return
    ancestors: dict[str, list[AdminUnit]] = {}
    for candidate in mention.candidates:
        for ancestor in gazetteer.ancestors(candidate):
            ancestors.setdefault(name_key(ancestor.bare), []).append(ancestor)
    pos, words = gap.end(), []
    while len(words) < 5:
        token = _TOKEN.match(text, pos)
        if not token or not token.group(1)[0].isupper() or (words and pos == token.start(1)):
            break
        words.append(token)
        pos = token.end()
    for count in range(len(words), 0, -1):
        found = ancestors.get(name_key(text[words[0].start(1) : words[count - 1].end(1)]))
        if found:
            mention.candidates = [
                c for c in mention.candidates if any(_within(c, a, gazetteer) for a in found)
            ]
            mention.narrowed_by = list(dict.fromkeys(found))
            return


def group_localities(mentions: list[Mention]) -> list[Locality]:
    """One Locality per place, in order of first mention.

    Its candidates are those of the mentions that the text locates ("phường I, thị xã
    Quảng Trị"), or of all its mentions when none is located.
    """
    groups: dict[tuple[str, str], Locality] = {}
    for mention in mentions:
        key = (mention.type, name_key(mention.written))
        groups.setdefault(key, Locality(mention.type, key[1])).mentions.append(mention)
    located = {
        id(mentions[m.qualifies]) for m in mentions if m.qualifies is not None and m.qualifies >= 0
    }
    for group in groups.values():
        chosen = [m for m in group.mentions if id(m) in located or m.narrowed_by]
        for mention in chosen or group.mentions:
            if not mention.candidates:
                continue
            common = [c for c in group.candidates if c in mention.candidates]
            group.candidates = common or group.candidates or list(mention.candidates)
    return _merge_same_unit(list(groups.values()))


def _merge_same_unit(groups: list[Locality]) -> list[Locality]:
    """ "thị xã Phúc Yên" and "thành phố Phúc Yên" in one text are one place."""
    merged: list[Locality] = []
    by_unit: dict[AdminUnit, Locality] = {}
    for group in groups:
        unit = group.unit
        if unit and unit in by_unit:
            by_unit[unit].mentions.extend(group.mentions)
            continue
        if unit:
            by_unit[unit] = group
        merged.append(group)
    return merged


def resolve_by_context(groups: list[Locality], scan: Scan, gazetteer: Gazetteer) -> None:
    """Pick among several candidates by the places and committees the text names."""
    cued_types = {cue.type for cue in scan.cues if cue.type != BLOC}
    cued_types |= {m.type for m in scan.mentions if m.committee}
    for _ in range(2):  # a place settled in the first round is context for the second
        context = _context(groups, scan, gazetteer)
        for group in groups:
            if len(group.candidates) < 2:
                continue
            scored = sorted(
                (
                    (_support(c, context, cued_types, gazetteer), i)
                    for i, c in enumerate(group.candidates)
                ),
                reverse=True,
            )
            (best, index), (second, _) = scored[0], scored[1]
            if best > second:
                group.candidates = [group.candidates[index]]


def _context(groups: list[Locality], scan: Scan, gazetteer: Gazetteer) -> Counter:
    counts: Counter = Counter()
    for group in groups:
        unit = group.unit
        if unit:
            for place in [unit, *gazetteer.ancestors(unit)]:
                counts[place] += len(group.mentions)
    for _, province in scan.provinces:
        counts[province] += 1
    return counts


def _support(candidate: AdminUnit, context: Counter, cued: set[str], gazetteer: Gazetteer) -> int:
    score = 0
    for ancestor in gazetteer.ancestors(candidate):
        score += 4 * context[ancestor] * _CONTEXT_WEIGHT[ancestor.level]
        score += 1 if ancestor.type in cued else 0
    return score


def assign_cues(groups: list[Locality], cues: list[Cue]) -> Counter:
    """Give each "Đảng bộ Quận" / "Quận ủy" to the most named locality of that type.

    Returns the cues left over (no locality of their type is named), by type.
    """
    left: Counter = Counter()
    for type_word, count in Counter(cue.type for cue in cues).items():
        fitting = [
            g for g in groups if g.type == type_word or (g.unit and g.unit.type == type_word)
        ]
        if not fitting:
            left[type_word] += count
            continue
        best = max(
            fitting, key=lambda g: (len(g.own_mentions), len(g.mentions), -g.mentions[0].start)
        )
        best.cues += count
    return left


def province_counts(groups: list[Locality], scan: Scan, gazetteer: Gazetteer) -> Counter:
    """How often each province is named or implied, for units the text does not locate."""
    counts: Counter = Counter()
    for group in groups:
        provinces = {gazetteer.province_of(c) for c in group.candidates}
        if len(provinces) == 1:
            counts[provinces.pop()] += len(group.mentions)
    for _, province in scan.provinces:
        counts[province] += 1
    return counts
