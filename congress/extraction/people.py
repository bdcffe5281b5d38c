"""Step 5: the officials a report names, with their positions.

Three shapes carry a person in this genre:

- "đồng chí / ông / bà NAME - / , / ( POSITIONS": the anchor word makes any 2–4 capitalised
  syllables a name, uncommon family names included;
- a list item "…; NAME - POSITIONS" (after "các đồng chí:"), where the name must open with
  a common family name unless the list was announced by "đồng chí";
- "POSITION NAME cho biết …" ("Bí thư Thị ủy X Văn Ngọc Lãm cho biết"), where the name is
  the tail of the capitalised run that opens with a family name and the title must name
  an organisation ("Chủ tịch Hồ Chí Minh" names none).

A name with no position after or before it is not taken: "tư tưởng Hồ Chí Minh", "Bác Hồ",
bylines and photo credits ("Ảnh: ANH DŨNG") are not officials of the report. One person
named several times is one entry: the first spelling, the union of positions (a position
that only shortens another, "Bí thư Đảng ủy Khối" beside "Bí thư Đảng ủy Khối X", is dropped).
"""

from __future__ import annotations

import re

from .article import lowered
from .positions import FAMILY_NAMES, ORGANISATION_WORD, POSITION_HEAD, STOP_WORD, read_positions
from .records import CleanReport, PersonRef
from .text import match_key

# "đồng chí", "ông", "bà" or a military or police rank ("Thượng tá") before a name.
_ANCHOR = re.compile(
    r"\b(?:đồng\s+chí|đ/c|ông|bà|(?:đại|thượng|trung|thiếu)\s+(?:tá|úy|tướng))\s*:?\s+"
)
_LIST_ITEM = re.compile(r"(?:^|[;:]|\n)[ \t]*(?:[-+•*][ \t]+)?")
_NAME_SEPARATOR = re.compile(r"\s*(?:[-–—,:]|\()\s*")
# "đồng chí X tái đắc cử Bí thư …", "… được bầu giữ chức Chủ tịch …": only after an anchor.
_ELECTED = re.compile(
    r"\s*(?:[-–—,:]|\()\s*|\s+(?:tái\s+đắc\s+cử|đắc\s+cử|được\s+(?:tín\s+nhiệm\s+)?bầu"
    r"(?:\s+(?:giữ\s+chức|làm))?|giữ\s+chức|được\s+bổ\s+nhiệm(?:\s+giữ\s+chức)?)\s+"
)
_CLAUSE_END = re.compile(r"[,;:.!?\n()“”\"]")
_WORD_RUN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
# Capitalised words that open a title or an organisation, never a personal name.
_NOT_FIRST_NAME = frozenset(
    [
        "bí",
        "chủ",
        "phó",
        "trưởng",
        "ban",
        "ủy",
        "uỷ",
        "thường",
        "giám",
        "tổng",
        "chánh",
        "đảng",
        "hội",
        "sở",
        "phòng",
        "quận",
        "huyện",
        "tỉnh",
        "thành",
        "xã",
        "phường",
        "thị",
        "đại",
        "nhân",
        "mặt",
        "bác",
        "ông",
        "bà",
    ]
)
# Places and historical figures whose names look like an official's after a title.
_NOT_OFFICIALS = frozenset({"hồ chí minh"})
_PLACE_BEFORE = re.compile(
    r"(?:phường|xã|thị\s+xã|thị\s+trấn|huyện|quận|tỉnh|thành\s+phố|tp\.?|đường|trường|khu)\s*$"
)


def _is_syllable(word: str) -> bool:
    return word.isalpha() and word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _read_name(text: str, pos: int) -> tuple[str, int] | None:
    """2–4 capitalised syllables starting at ``pos``, and where they end."""
    match = _WORD_RUN.match(text, pos)
    if not match:
        return None
    words = []
    for word in match.group().split(" "):
        if not _is_syllable(word):
            break
        words.append(word)
    # A longer run of capitals is a heading or a place, not one person's name.
    if not 2 <= len(words) <= 4 or words[0].lower() in _NOT_FIRST_NAME:
        return None
    name = " ".join(words)
    return name, pos + len(name)


def _person_at(
    text: str, low: str, pos: int, separator: re.Pattern[str], need_family: bool
) -> tuple[PersonRef, int] | None:
    """NAME, a separator, and positions starting at ``pos``."""
    named = _read_name(text, pos)
    if not named:
        return None
    name, end = named
    if need_family and name.split(" ")[0].lower() not in FAMILY_NAMES:
        return None
    sep = separator.match(text, end)
    if not sep or not POSITION_HEAD.match(low, sep.end()):
        return None
    positions, stop = read_positions(text, sep.end(), low)
    return (PersonRef(name, positions), stop) if positions else None


def _anchored(text: str, low: str) -> list[tuple[int, PersonRef]]:
    found = []
    for anchor in _ANCHOR.finditer(low):
        person = _person_at(text, low, anchor.end(), _ELECTED, need_family=False)
        if person:
            found.append((anchor.start(), person[0]))
    return found


_PLURAL_ANCHOR = re.compile(r"\b(?:các\s+)?(?:đồng\s+chí|đ/c)\s+")
_AND = re.compile(r"\s*(?:,|\svà)\s+")
_ELECTED_VERB = re.compile(
    r"\s+(?:cùng\s+)?(?:tái\s+đắc\s+cử|đắc\s+cử|được\s+(?:tín\s+nhiệm\s+)?bầu"
    r"(?:\s+(?:giữ\s+chức|làm))?|giữ\s+chức|được\s+bổ\s+nhiệm(?:\s+giữ\s+chức)?)\s+"
)


def _elected_together(text: str, low: str) -> list[tuple[int, PersonRef]]:
    """ "Các đồng chí Lê Văn Sơn và Nguyễn Thị Thu được bầu làm Phó Bí thư": one position
    for every name of the list."""
    found = []
    for anchor in _PLURAL_ANCHOR.finditer(low):
        names, pos = [], anchor.end()
        while named := _read_name(text, pos):
            names.append(named)
            joint = _AND.match(text, named[1])
            if not joint:
                break
            pos = joint.end()
        if len(names) < 2:
            continue
        verb = _ELECTED_VERB.match(low, names[-1][1])
        if not verb or not POSITION_HEAD.match(low, verb.end()):
            continue
        positions, _ = read_positions(text, verb.end(), low)
        if positions:
            found += [(anchor.start(), PersonRef(name, list(positions))) for name, _ in names]
    return found


def _list_items(text: str, low: str) -> list[tuple[int, PersonRef]]:
    found = []
    for item in _LIST_ITEM.finditer(text):
        sentence_start = max(low.rfind(".", 0, item.start()), low.rfind("\n", 0, item.start()))
        announced = "đồng chí" in low[sentence_start + 1 : item.start()]
        person = _person_at(text, low, item.end(), _NAME_SEPARATOR, need_family=not announced)
        if person:
            found.append((item.end(), person[0]))
    return found


def _title_first(text: str, low: str) -> list[tuple[int, PersonRef]]:
    """ "Bí thư Thị ủy X Văn Ngọc Lãm cho biết": a title, then the name, then a verb."""
    found = []
    for head in POSITION_HEAD.finditer(low):
        if not text[head.start()].isupper():
            continue
        limit = min(len(low), head.end() + 160)
        stop = STOP_WORD.search(low, head.end(), limit)
        punct = _CLAUSE_END.search(text, head.end(), stop.start() if stop else limit)
        end = punct.start() if punct else (stop.start() if stop else None)
        if end is None:
            continue
        segment = text[head.start() : end].rstrip()
        words = segment.split(" ")
        run = 0
        while run < len(words) and _is_syllable(words[len(words) - 1 - run]):
            run += 1
        name = _name_in_run(words[len(words) - run :])
        if not name:
            continue
        title = " ".join(words[: len(words) - len(name)])
        name_text = " ".join(name)
        if (
            len(title.split(" ")) < 2
            or not ORGANISATION_WORD.search(lowered(title[len(head.group()) :]))
            or match_key(name_text) in _NOT_OFFICIALS
            or (_PLACE_BEFORE.search(lowered(title)) and name[1] not in ("Văn", "Thị"))
        ):
            continue
        found.append((head.start(), PersonRef(name_text, [title])))
    return found


def _name_in_run(run: list[str]) -> list[str] | None:
    """The personal name ending a run of capitalised words: three syllables preferred."""
    for size in (3, 4, 2):
        if len(run) >= size and run[-size].lower() in FAMILY_NAMES:
            return run[-size:]
    return None


def _merge(found: list[tuple[int, PersonRef]]) -> list[PersonRef]:
    people: dict[str, PersonRef] = {}
    for _, person in sorted(found, key=lambda item: item[0]):
        merged = people.setdefault(match_key(person.name), PersonRef(person.name, []))
        for position in person.positions:
            if match_key(position) not in {match_key(p) for p in merged.positions}:
                merged.positions.append(position)
    for person in people.values():
        keys = [match_key(p) for p in person.positions]
        person.positions = [
            p
            for p, key in zip(person.positions, keys, strict=True)
            if not any(other != key and other.startswith(key + " ") for other in keys)
        ]
    return list(people.values())


def extract_people(report: CleanReport) -> list[PersonRef]:
    """Officials named with their positions, in order of first mention."""
    seen = set(report.lines)
    extra = [line for line in report.body.split("\n") if line.strip() and line not in seen]
    text = "\n".join(report.lines + extra)
    low = lowered(text)
    found = _anchored(text, low) + _elected_together(text, low) + _list_items(text, low)
    found += _title_first(text, low)
    return _merge(found)
