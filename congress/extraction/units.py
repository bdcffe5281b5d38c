"""Step 3: the Party organisations a report is about, resolved against the gazetteer.

A unit is a Party organisation that reports: "Đảng bộ phường I", "Đảng bộ thị xã Quảng Trị",
"Đảng bộ Khối Cơ quan Dân Chính Đảng TP Cần Thơ". The text names it by place ("Đảng bộ
phường Hà Lầm", "Thị ủy Quảng Trị") or by type only ("Đảng bộ Quận", "Quận ủy"), which then
stands for the place of that type named elsewhere ("quận Hai Bà Trưng đã triển khai").

The primary unit is the one the report is about: named in the title and the lead, named most
often as a Party organisation. Places named only to locate another ("phường I, thị xã Quảng
Trị") count for the unit they locate. Each unit gets its parent (a ward's district, a
district's or bloc's province) and province, from the text or else from the gazetteer.
"""

from __future__ import annotations

from collections import Counter

from .gazetteer import AdminUnit, Gazetteer
from .records import CleanReport, ReportMetadata, UnitRef
from .unit_mentions import BLOC, BlocMention, Mention, scan_text
from .unit_names import DISTRICT, PROVINCE, TYPE_KIND, WARD
from .unit_resolution import (
    Locality,
    assign_cues,
    group_localities,
    link_qualifiers,
    province_counts,
    resolve_by_context,
)

LEAD_CHARS = 500  # the opening of the body, where a report names its subject
_LEVEL_ORDER = {WARD: 0, DISTRICT: 1, PROVINCE: 2, "bloc": 3}


def extract_units(
    report: CleanReport, metadata: ReportMetadata, gazetteer: Gazetteer
) -> list[UnitRef]:
    """The Party organisations the report names, the primary one first."""
    text, title_end, lead_end = _compose(report, metadata)
    if not text.strip():
        return []
    scan = scan_text(text, gazetteer)
    link_qualifiers(text, scan.mentions, gazetteer)
    groups = group_localities(scan.mentions)
    resolve_by_context(groups, scan, gazetteer)
    assign_cues(groups, scan.cues)
    provinces = province_counts(groups, scan, gazetteer)

    scored: list[tuple[float, int, int, UnitRef]] = []
    named = [g for g in groups if g.party] or [g for g in groups if _salient(g, lead_end)]
    for group in named:
        ref = _locality_ref(group, scan.mentions, gazetteer)
        score = _score(group.own_mentions, group.cues, title_end, lead_end)
        scored.append((score, -_LEVEL_ORDER[ref.kind], -group.mentions[0].start, ref))
    bloc_cues = sum(1 for cue in scan.cues if cue.type == BLOC)
    for index, (blocs, ref) in enumerate(_bloc_refs(scan.blocs, provinces, gazetteer)):
        cues = bloc_cues if index == 0 else 0  # "Đảng ủy Khối" stands for the first bloc named
        score = _score(blocs, cues, title_end, lead_end)
        scored.append((score, -_LEVEL_ORDER["bloc"], -blocs[0].start, ref))
    if not scored:
        return []
    scored.sort(key=lambda item: item[:3], reverse=True)
    refs = [item[3] for item in scored]
    refs[0].primary = True
    for ref in refs:
        if ref.gazetteer_code or ref.parent_code or ref.province_code:
            ref.gazetteer_map = gazetteer.map
    order = {id(item[3]): -item[2] for item in scored}
    return [refs[0], *sorted(refs[1:], key=lambda r: order[id(r)])]


def _compose(report: CleanReport, metadata: ReportMetadata) -> tuple[str, int, int]:
    """Title, body and header lines as one text; where the title and the lead end."""
    title = (metadata.title or "").strip()
    body = (report.body or "").strip() or "\n\n".join(report.lines)
    if title and body.startswith(title):
        body = body[len(title) :].lstrip()
    head = f"{title}\n\n" if title else ""
    header = "\n".join(report.header_lines)
    text = f"{head}{body}\n\n{header}" if header else f"{head}{body}"
    return text, len(title), len(head) + LEAD_CHARS


def _score(
    mentions: list[Mention] | list[BlocMention], cues: int, title_end: int, lead_end: int
) -> float:
    """Named in the title, in the lead, as a Party organisation, often."""
    score = float(cues)
    for mention in mentions:
        score += 3 if mention.party else 1
    if any(m.start < title_end for m in mentions):
        score += 10
    if any(title_end <= m.start < lead_end for m in mentions):
        score += 3
    return score


def _salient(group: Locality, lead_end: int) -> bool:
    """Where no Party body is named, a place in the title or lead may be the subject."""
    return any(m.start < lead_end for m in group.own_mentions)


def _locality_ref(group: Locality, mentions: list[Mention], gazetteer: Gazetteer) -> UnitRef:
    own = group.own_mentions or group.mentions
    typed = [m for m in own if not m.committee] or own
    labels = Counter(m.label for m in typed)
    locality = max(
        labels,
        key=lambda label: (labels[label], -typed[[m.label for m in typed].index(label)].start),
    )
    unit = group.unit
    levels = {c.level for c in group.candidates}
    kind = (
        unit.level
        if unit
        else levels.pop()
        if len(levels) == 1
        else TYPE_KIND.get(group.type, DISTRICT)
    )
    ref = UnitRef(name=f"Đảng bộ {locality}", kind=kind, locality=locality, admin_type=group.type)
    if unit:
        ref.gazetteer_code = unit.code
    if kind == PROVINCE:
        province = unit or _common(group.candidates, gazetteer.province_of)
        if province:
            ref.province, ref.province_code = province.bare, province.code
        return ref
    parent = _common(group.candidates, gazetteer.parent)
    written_parent = _written_parent(group, mentions, kind)
    if parent is None and written_parent is not None and len(written_parent.candidates) == 1:
        parent = written_parent.candidates[0]
    province = _common(group.candidates, gazetteer.province_of)
    if province is None and parent is not None:
        province = gazetteer.province_of(parent)
    if parent is not None:
        ref.parent_code = parent.code
        ref.parent = parent.label
    if written_parent is not None and (parent is None or parent in written_parent.candidates):
        ref.parent = written_parent.label
    if province is not None:
        ref.province, ref.province_code = province.bare, province.code
    return ref


def _common(candidates: list[AdminUnit], step) -> AdminUnit | None:
    """The parent (or province) all candidates share, if they share one."""
    found = {step(c) for c in candidates}
    return found.pop() if len(found) == 1 else None


def _written_parent(group: Locality, mentions: list[Mention], kind: str) -> Mention | None:
    """The place written right after one of the group's mentions, one level up."""
    wanted = DISTRICT if kind == WARD else PROVINCE
    own = {id(m) for m in group.mentions}
    for mention in mentions:
        if mention.qualifies is None or mention.qualifies < 0:
            continue
        if id(mentions[mention.qualifies]) in own:
            levels = {c.level for c in mention.candidates} or {TYPE_KIND.get(mention.type)}
            if wanted in levels or (kind == DISTRICT and mention.type == "thành phố"):
                return mention
    return None


# Longer than any real organisation's name ("Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh
# Quảng Trị" is 60): a run of capitalised words gone on, not a name (and too long to store).
MAX_BLOC_NAME_CHARS = 150


def _bloc_refs(blocs: list[BlocMention], provinces: Counter, gazetteer: Gazetteer):
    """One UnitRef per bloc named, with the mentions that name it."""
    grouped: dict[str, list[BlocMention]] = {}
    for bloc in blocs:
        grouped.setdefault(bloc.core, []).append(bloc)
    top = provinces.most_common(2)
    fallback = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
    for same in grouped.values():
        located = [b for b in same if b.place is not None]
        written = (located or same)[0].written
        if len(written) > MAX_BLOC_NAME_CHARS:
            continue
        ref = UnitRef(name=f"Đảng bộ {written}", kind="bloc")
        province, parent_label = fallback, None
        for bloc in located:
            units = {gazetteer.province_of(c) for c in bloc.place.candidates}
            if len(units) == 1:
                province = units.pop()
                if bloc.place.candidates[0].level == PROVINCE:
                    parent_label = bloc.place.label
                break
        if province is not None:
            ref.province, ref.province_code = province.bare, province.code
            ref.parent, ref.parent_code = parent_label or province.label, province.code
        yield same, ref
