"""Finding the places and Party organisations a report names, as written.

A scan of one text gives:

- ``Mention``: a typed place name, "phường Hà Lầm", "TP Hạ Long", "Q.10", "thị xã Quảng Trị",
  also written as its Party committee ("Thị ủy Quảng Trị", "Quận ủy Hai Bà Trưng"), with the
  gazetteer's candidates. Names are read as runs of capitalised words and cut to the longest
  run the gazetteer knows, so "Thị ủy Quảng Trị Văn Ngọc Lãm" stops before the person.
- ``Cue``: a Party organisation named by its type only, "Đảng bộ Quận", "Đảng ủy phường",
  "Quận ủy", "Đảng ủy Khối": it stands for the unit of that type the text names elsewhere.
- ``BlocMention``: "Đảng bộ Khối Cơ quan Dân Chính Đảng TP Cần Thơ".
- province names without a type ("Báo Quảng Ninh", "Bình Phước"), as context.

Generic uses are skipped: "các phường", "toàn quận", "xã hội", "4 phường", "Thành ủy viên".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import AdminUnit, Gazetteer
from .text import match_key
from .unit_names import (
    COMMITTEE_TYPES,
    DISTRICT,
    PERSON_NAMED_PROVINCES,
    TYPE_KIND,
    WARD,
    canonical_type,
    is_number,
    name_key,
)

BLOC = "khối"
MAX_NAME_WORDS = 6
MAX_UNKNOWN_WORDS = 3

_FULL_TYPES = r"thành\s+phố|thị\s+xã|thị\s+trấn|đặc\s+khu|phường|xã|quận|huyện|tỉnh"
_ANCHOR = re.compile(
    r"(?<![\w.])(?:"
    r"(?P<committee>(?i:(?:tỉnh|thành|thị|huyện|quận)\s+(?:ủy|uỷ)))(?!\w)"
    rf"|(?P<full>(?i:{_FULL_TYPES}))(?!\w)"
    r"|(?P<dotted>T\.\s?P\.|T\.P|TP\.|Tp\.|TX\.|Tx\.|T\.X\.|TT\.|Q\.|H\.|P\.)"
    r"|(?P<abbr>TP|Tp|TX|Tx|TT)(?!\w)"
    r")"
)
_PARTY_BEFORE = re.compile(r"(?i:đảng\s+(?:bộ|ủy|uỷ))\s+$")
# A bloc ("Đảng bộ Khối …") and the Party organisations of the police and the army that
# report to a provincial committee the same way ("Đảng bộ Công an tỉnh X", "Đảng bộ Quân sự
# tỉnh X"), and those that replaced the blocs in 2025 ("Đảng bộ các cơ quan Đảng tỉnh X",
# "Đảng bộ Ủy ban nhân dân tỉnh X"): they are no territory, so they are blocs here.
_BLOC = re.compile(
    r"(?<!\w)(?i:đảng\s+(?:bộ|ủy|uỷ))\s+"
    r"(?P<head>(?i:khối)|Công\s+an|Quân\s+sự|Bộ\s+đội\s+Biên\s+phòng|Bộ\s+Chỉ\s+huy\s+Quân\s+sự"
    r"|(?i:các\s+cơ\s+quan\s+đảng)|(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|UBND|Cơ\s+quan\s+Tỉnh\s+(?:ủy|uỷ))(?!\w)"
)
_TOKEN = re.compile(r"[ \t\u00a0]*(?:[-–][ \t\u00a0]*)?([^\W_][\w'’]*)")
_WORD = re.compile(r"[^\W_][\w'’]*")


def _keys(words: str) -> frozenset[str]:
    return frozenset(match_key(word) for word in words.split())


# After a number, these words show it is a quantity, not a ward's or district's number:
# "Đảng bộ quận 6 tháng đầu năm", "phường 3 năm liền".
_QUANTITY_WORDS = _keys(
    "tháng năm ngày tuần quý giờ lần người hộ tỷ tỉ triệu nghìn ngàn đồng ha km "
    "chi đơn cơ thôn ấp khu bản xóm xã phường"
)
# Capitalised words that start phrases, not names, after a type word: "Huyện Đoàn",
# "xã Nông thôn mới", "Tỉnh Đội", "thành phố Trực thuộc".
_NOT_NAMES = _keys(
    "Đoàn Đội Ủy Uỷ Hội Đảng Nông Văn Anh Kiểu Đạt Trực Trung Nhà Trường Ban "
    "Công Cơ Khối Mặt Chi Tổ Nghị Chỉ Quyết Kế Chương Báo Ngày Năm Tháng"
)
# A person's name often follows a place in a position ("Chủ tịch UBND xã X Nguyễn Văn A"):
# an unknown place name stops at a common family name.
_FAMILY_NAMES = _keys(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Đinh Trương Trịnh"
)
# Lower-case words that belong to bloc names: "Khối các cơ quan tỉnh", "Khối Doanh nghiệp".
_BLOC_WORDS = _keys("các cơ quan doanh nghiệp dân chính đảng và trung ương sự tỉnh thành phố")
_BLOC_TRAILING = frozenset(["và", "các", "tỉnh", "thành", "phố"])


@dataclass
class Mention:
    start: int
    end: int
    type: str  # canonical type word: "phường", "thành phố"…
    written: str  # the name as written: "I", "Hạ Long"
    candidates: list[AdminUnit]  # empty: a unit the gazetteer lacks
    party: bool = False  # "Đảng bộ phường I", "Thị ủy Quảng Trị"
    committee: bool = False  # written as the committee: "Thị ủy Quảng Trị"
    qualifies: int | None = None  # index of the mention this one locates ("…, thị xã X")
    narrowed_by: list[AdminUnit] = field(default_factory=list)  # ancestors named right after

    @property
    def label(self) -> str:
        written = self.written
        # An acronym ("TP HCM") or an all-caps title ("PHƯỜNG HÀ LẦM"): the official form.
        if self.candidates and written.isupper() and not is_number(name_key(written)):
            written = self.candidates[0].bare
        return f"{self.type} {written}"


@dataclass
class Cue:
    start: int
    type: str  # a type word, or "khối"


@dataclass
class BlocMention:
    start: int
    end: int
    written: str  # "Khối Cơ quan Dân Chính Đảng TP Cần Thơ"
    core: str  # match_key of the name without its place: "cơ quan dân chính đảng"
    place: Mention | None = None  # "TP Cần Thơ"
    party: bool = True  # always a Party organisation, as a Mention with "Đảng bộ" before it


@dataclass
class Scan:
    mentions: list[Mention] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    blocs: list[BlocMention] = field(default_factory=list)
    provinces: list[tuple[int, AdminUnit]] = field(default_factory=list)  # untyped names


def _name_tokens(text: str, pos: int, glued: bool) -> list[re.Match[str]]:
    """Capitalised words (or one number) from ``pos``: the written name after a type word."""
    tokens: list[re.Match[str]] = []
    while len(tokens) < MAX_NAME_WORDS:
        match = _TOKEN.match(text, pos)
        if not match:
            break
        word = match.group(1)
        separator = text[pos : match.start(1)]
        if not tokens and (("-" in separator or "–" in separator) or (not separator and not glued)):
            break
        if tokens and not separator:
            break
        if is_number(word):
            if tokens or len(word) > 3 or _next_word(text, match.end()) in _QUANTITY_WORDS:
                break
            tokens.append(match)
            break  # "Quận 10", "phường 12": a number is the whole name
        if not word[0].isupper():
            break
        tokens.append(match)
        pos = match.end()
    return tokens


def _next_word(text: str, pos: int) -> str:
    match = _WORD.search(text, pos, pos + 40)
    if not match or text[pos : match.start()].strip():
        return ""
    return match_key(match.group(0))


def _longest_known(
    gazetteer: Gazetteer, type_word: str, text: str, tokens: list[re.Match[str]]
) -> tuple[int, list[AdminUnit]]:
    """The longest run of words the gazetteer knows with this type, and its units.

    A longer run that names a unit of another level ("thị trấn Đồng Xoài", once a thị trấn,
    now a city) is the name as written: its words are all kept, with no candidates, rather
    than cut to a shorter name that happens to exist ("thị trấn Đồng").
    """
    names = [text[tokens[0].start(1) : t.end(1)] for t in tokens]
    for count in range(len(tokens), 0, -1):
        found = gazetteer.find(type_word, names[count - 1])
        if found:
            return count, found
        if count > 1 and gazetteer.find(None, names[count - 1]):
            return count, []
    return 0, []


def _unknown_length(tokens: list[re.Match[str]]) -> int:
    count = 0
    for token in tokens[:MAX_UNKNOWN_WORDS]:
        key = match_key(token.group(1))
        if key in _NOT_NAMES or (count and key in _FAMILY_NAMES):
            break
        count += 1
    return count


def scan_text(text: str, gazetteer: Gazetteer) -> Scan:
    """Every place, cue and bloc named in ``text``, in order."""
    scan = Scan()
    for anchor in _ANCHOR.finditer(text):
        _read_anchor(text, anchor, gazetteer, scan)
    _read_blocs(text, scan)
    _read_province_names(text, gazetteer, scan)
    return scan


def _read_anchor(text: str, anchor: re.Match[str], gazetteer: Gazetteer, scan: Scan) -> None:
    written_type = anchor.group(0)
    committee = anchor.group("committee")
    if committee:
        type_word = COMMITTEE_TYPES.get(re.sub(r"\s+", " ", match_key(committee)))
        if _next_word(text, anchor.end()) == "viên":  # "Thị ủy viên": a position
            return
    else:
        type_word = canonical_type(written_type)
    if not type_word:
        return
    after = _next_word(text, anchor.end())
    if type_word == "xã" and after == "hội":  # "xã hội": society
        return
    party = bool(committee) or bool(
        _PARTY_BEFORE.search(text, max(0, anchor.start() - 20), anchor.start())
    )
    glued = bool(anchor.group("dotted"))
    tokens = _name_tokens(text, anchor.end(), glued)
    count, found = _longest_known(gazetteer, type_word, text, tokens) if tokens else (0, [])
    if count and not found and not anchor.group("full"):
        count = 0  # abbreviations and committees count only where the map knows the name
    # A name the map lacks (misspelt, or gone since) is kept for wards and districts only:
    # every province and city is listed.
    unlisted = TYPE_KIND.get(type_word) in (WARD, DISTRICT) and type_word != "thành phố"
    if not count and tokens and anchor.group("full") and unlisted:
        count = _unknown_length(tokens)
    if count:
        end = tokens[count - 1].end(1)
        name = text[tokens[0].start(1) : end]
        mention = Mention(anchor.start(), end, type_word, name, found, party, bool(committee))
        scan.mentions.append(mention)
    elif party and (not tokens or committee):
        scan.cues.append(Cue(anchor.start(), type_word))


def _read_blocs(text: str, scan: Scan) -> None:
    places = {m.start: m for m in scan.mentions}
    for match in _BLOC.finditer(text):
        head = match_key(match.group("head"))
        khoi = match.start("head")
        pos, end, core, place = match.end(), match.end(), [], None
        while True:
            if pos < len(text) and text[pos] == " " and pos + 1 in places:
                place = places[pos + 1]  # "… TP Cần Thơ": the place ends the name
                end = place.end
                break
            token = _TOKEN.match(text, pos)
            if not token or "\n" in text[pos : token.start(1)]:
                break
            word = token.group(1)
            key = match_key(word)
            if not (word[0].isupper() or key in _BLOC_WORDS) or word[0].isdigit():
                break
            core.append(key)
            pos = token.end()
            if key not in _BLOC_TRAILING:
                end = pos
        while core and core[-1] in _BLOC_TRAILING and place is None:
            core.pop()
        if head != BLOC:
            core.insert(0, head)
        if not core:
            scan.cues.append(Cue(match.start(), BLOC))
            continue
        if place is None:  # "Khối Doanh nghiệp tỉnh": keep the trailing "tỉnh" as written
            end = pos if match_key(text[end:pos].strip()) in ("tỉnh", "thành phố") else end
        written = text[khoi:end].strip()
        if head == BLOC:  # "khối" is a name: "Khối Doanh nghiệp"; "các cơ quan Đảng" is not
            written = written[0].upper() + written[1:]
        scan.blocs.append(BlocMention(match.start(), end, written, " ".join(core), place))
        if place:
            place.qualifies = -1  # the place locates the bloc, not a unit of its own


def _read_province_names(text: str, gazetteer: Gazetteer, scan: Scan) -> None:
    """Province names without a type word, outside the typed mentions."""
    taken = bytearray(len(text))  # 1 where a typed mention already covers the text
    for mention in scan.mentions:
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    pos = 0
    for match in _WORD.finditer(text):
        if match.start() < pos or taken[match.start()] or not match.group(0)[0].isupper():
            continue
        if not gazetteer.may_start_province(match.group(0)):
            continue
        tokens = _name_tokens(text, match.start(), glued=True)
        for count in range(min(len(tokens), 4), 0, -1):
            name = text[tokens[0].start(1) : tokens[count - 1].end(1)]
            if len(name) < 3:
                continue
            found = gazetteer.find("tỉnh", name)  # any province, whatever its type
            if name_key(name) in PERSON_NAMED_PROVINCES:
                break
            if len(found) == 1:
                scan.provinces.append((match.start(), found[0]))
                pos = tokens[count - 1].end(1)
                break
