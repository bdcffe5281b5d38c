"""Where a report names a Party congress or an elected committee, with its number.

- Congresses: "Đại hội Đảng bộ phường I, thị xã X lần thứ VII", "Đại hội (ĐH) đại biểu
  Đảng bộ Khối lần thứ VII", "Đại hội lần thứ XX Đảng bộ huyện Y", "Đại hội 25 Đảng bộ quận".
- Committees: "Ban Chấp hành Đảng bộ Quận khóa XXV", "Quận ủy khóa XXV": khóa N of a
  committee is the one elected by the N-th congress.

Congresses of the whole Party ("Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"), of
mass organisations ("Đại hội Hội Nông dân …") and plenums ("Hội nghị lần thứ 18") are not
mentions. Deciding which unit a mention is about is left to :mod:`congresses`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .ordinals import ORDINAL_PATTERN, TERM_YEARS_PATTERN, format_term, parse_ordinal, term_years

# Administrative words that follow "Đảng bộ" / "Đảng ủy", longest first.
ADMIN_WORDS = ("thị trấn", "thị xã", "thành phố", "phường", "xã", "quận", "huyện", "tỉnh", "khối")
_ADMIN_RE = re.compile(r"(thị\s+trấn|thị\s+xã|thành\s+phố|tp\.?|phường|xã|quận|huyện|tỉnh|khối)\b")
_ADMIN_PARTS = {
    "thị",
    "trấn",
    "xã",
    "thành",
    "phố",
    "tp",
    "phường",
    "quận",
    "huyện",
    "tỉnh",
    "khối",
}
# Lower-case words inside the names of blocs and enterprises ("Khối Cơ quan và Doanh nghiệp").
_NAME_LOWER_WORDS = {"quan", "nghiệp", "và", "chính", "đảng", "dân", "các", "cơ", "doanh"}
# The committee a Party organisation at each level elects.
COMMITTEE_ADMIN = {
    "thị ủy": "thị xã",
    "huyện ủy": "huyện",
    "quận ủy": "quận",
    "tỉnh ủy": "tỉnh",
    "thành ủy": "thành phố",
}

_I = re.IGNORECASE
_CONGRESS_HEAD = re.compile(
    r"(?:Đại\s+hội|(?-i:ĐH))(?:\s*\(\s*(?-i:ĐH)\s*\))?(?:\s+đại\s+biểu)?", _I
)
_NATIONAL_AFTER = re.compile(
    rf"\s+(?:Đảng\s+)?toàn\s+quốc|\s+(?:lần\s+thứ\s+)?{ORDINAL_PATTERN}\s*,?\s*"
    r"(?:của\s+Đảng(?!\s+bộ)|Đảng\s+Cộng\s+sản)",
    _I,
)
_ORDINAL_FIRST = re.compile(rf"\s+(?P<lan>lần\s+thứ\s+)?(?P<ord>{ORDINAL_PATTERN})", _I)
_UNIT_FIRST = re.compile(
    r"\s+(?P<unit>(?:Đảng|Chi)\s+bộ\b(?:(?!Đại\s+hội|(?-i:ĐH)\b|toàn\s+quốc)[^.;:!?\n()“”\"]){0,120}?)"
    rf"\s*,?\s*(?:lần\s+thứ|khóa|khoá)\s+(?P<ord>{ORDINAL_PATTERN})",
    _I,
)
_UNIT_START = re.compile(r"[\s,]*((?:Đảng|Chi)\s+bộ)\b", _I)
_COMMITTEE = re.compile(
    r"(?:Ban\s+Chấp\s+hành|(?-i:BCH))\s+(?P<unit>Đảng\s+bộ\b(?:\s+[^\s,.;:!?()]+){0,8}?)"
    rf"\s*,?\s+(?:khóa|khoá)\s+(?P<ord>{ORDINAL_PATTERN})"
    r"|(?P<committee>(?:Thị|Huyện|Quận|Tỉnh|Thành|Đảng)\s+(?:ủy|uỷ))(?P<name>(?:\s+[^\s,.;:!?()]+){0,5}?)"
    rf"\s*,?\s+(?:khóa|khoá)\s+(?P<cord>{ORDINAL_PATTERN})",
    _I,
)
_TERM_AFTER = re.compile(
    rf"\s*[,(–-]?\s*(?:(?:nhiệm\s+k[ỳì]|(?-i:NK))\s*:?\s*\(?\s*|\(\s*){TERM_YEARS_PATTERN}", _I
)


@dataclass
class Mention:
    start: int
    end: int
    ordinal: int
    unit: str | None  # "Đảng bộ phường I", "Đảng bộ quận" (generic) or None (unnamed)
    admin: str | None  # "phường", "quận", "khối"… of the unit named
    committee: bool = False  # read from "khóa N" of a committee, not from a congress
    term: str | None = None  # the term written right after the mention
    bare: bool = False  # "Đại hội XXIII": neither "lần thứ" nor a unit


def admin_word(phrase: str) -> str | None:
    """The administrative word opening a unit phrase after "Đảng bộ"/"Đảng ủy"."""
    rest = re.sub(r"^\s*(?:đảng|chi)\s+(?:bộ|ủy|uỷ)\s*", "", phrase, flags=_I)
    match = _ADMIN_RE.match(rest.lower())
    if not match:
        return None
    word = re.sub(r"\s+", " ", match.group(1)).rstrip(".")
    return "thành phố" if word == "tp" else word


def is_generic(phrase: str) -> bool:
    """ "Đảng bộ quận", "Đảng bộ Khối", "Đảng bộ": no proper name of their own."""
    rest = re.sub(r"^\s*(?:đảng|chi)\s+bộ\s*", "", phrase, flags=_I).strip().lower()
    return rest in ("", "tp", *ADMIN_WORDS) or rest.replace(" ", "") in (
        "thịxã",
        "thịtrấn",
        "thànhphố",
    )


def _trim_unit(phrase: str) -> str | None:
    """ "Đảng bộ phường I, thị xã X" -> "Đảng bộ phường I"; None if it is no unit name."""
    phrase = re.sub(r"\s+", " ", phrase.split(",")[0]).strip()
    words = phrase.split(" ")[2:]
    if words and not (words[0][0].isupper() or words[0].lower() in _ADMIN_PARTS):
        return None  # "Đảng bộ các cấp", "Đảng bộ đã …"
    admin = admin_word(phrase)
    if admin and admin != "khối":
        # A second administrative word starts the parent unit: "phường I thị xã X".
        skip = len(admin.split(" "))
        for i in range(skip + 1, len(words)):
            if _ADMIN_RE.fullmatch(words[i]) or " ".join(words[i : i + 2]) in ADMIN_WORDS:
                words = words[:i]
                break
    return " ".join(phrase.split(" ")[:2] + words)


_NEXT_TOKEN = re.compile(r"\s+([^\s,.;:!?()“”\"]+)")


def _unit_tokens_after(text: str, pos: int) -> tuple[str | None, int]:
    """ "Đảng bộ quận Hai Bà Trưng" starting at ``pos`` (after an ordinal) and its end."""
    match = _UNIT_START.match(text, pos)
    if not match:
        return None, pos
    words, end = [match.group(1)], match.end()
    while len(words) < 10 and (token := _NEXT_TOKEN.match(text, end)):
        word = token.group(1)
        following = _NEXT_TOKEN.match(text, token.end())
        if word[0].isdigit():
            # "Đảng bộ Phường 3" is a name; "Đảng bộ quận 6 tháng đầu năm" is a time span.
            if following and following.group(1)[0].islower():
                break
        elif not (word[0].isupper() or word.lower() in _ADMIN_PARTS | _NAME_LOWER_WORDS):
            break
        words.append(word)
        end = token.end()
    while words[-1].lower() in _NAME_LOWER_WORDS:
        words.pop()
        end = text.rfind(" ", pos, end)
    return _trim_unit(" ".join(words)), end


def unit_phrases(text: str) -> list[str]:
    """Every "Đảng bộ …" phrase of ``text`` read as a unit name, in text order."""
    phrases = []
    for match in re.finditer(r"(?:Đảng|Chi)\s+bộ\b", text, _I):
        phrase, _ = _unit_tokens_after(text, match.start())
        if phrase:
            phrases.append(phrase)
    return phrases


def _term_after(text: str, pos: int) -> str | None:
    match = _TERM_AFTER.match(text, pos)
    years = term_years(match.group(1), match.group(2)) if match else None
    return format_term(years) if years else None


def congress_mentions(text: str) -> list[Mention]:
    """Every local Party congress named with a number, in text order."""
    found: list[Mention] = []
    for head in _CONGRESS_HEAD.finditer(text):
        pos = head.end()
        if _NATIONAL_AFTER.match(text, pos):
            continue
        unit_first = _UNIT_FIRST.match(text, pos)
        ordinal_first = _ORDINAL_FIRST.match(text, pos)
        bare = False
        if unit_first:
            unit = _trim_unit(unit_first.group("unit"))
            ordinal = parse_ordinal(unit_first.group("ord"))
            end = unit_first.end()
        elif ordinal_first:
            ordinal = parse_ordinal(ordinal_first.group("ord"))
            end = ordinal_first.end()
            unit, unit_end = _unit_tokens_after(text, end)
            bare = unit is None and not ordinal_first.group("lan")
            if bare and ordinal_first.group("ord").isdigit():
                continue  # "Đại hội 2 lần": a number, not a congress
            end = unit_end if unit else end
        else:
            continue
        if ordinal is None or (unit_first and unit is None):
            continue
        found.append(
            Mention(
                head.start(),
                end,
                ordinal,
                unit,
                admin_word(unit or ""),
                False,
                _term_after(text, end),
                bare,
            )
        )
    return found


def committee_mentions(text: str) -> list[Mention]:
    """Every local Party committee named with its khóa, in text order."""
    found: list[Mention] = []
    for match in _COMMITTEE.finditer(text):
        if match.group("unit"):
            unit = _trim_unit(match.group("unit"))
            ordinal = parse_ordinal(match.group("ord"))
            admin = admin_word(unit or "")
        else:
            committee = re.sub(r"\s+", " ", match.group("committee")).lower().replace("uỷ", "ủy")
            name = (match.group("name") or "").strip()
            if name and not all(w[0].isupper() or w.lower() in _ADMIN_PARTS for w in name.split()):
                continue  # "Đảng ủy đã … khóa": not a committee's name
            ordinal = parse_ordinal(match.group("cord"))
            if committee == "đảng ủy":
                admin = admin_word(name) or "cơ sở"
                unit = _trim_unit(f"Đảng bộ {name}") if name else "Đảng bộ"
            else:
                admin = COMMITTEE_ADMIN[committee]
                unit = _trim_unit(f"Đảng bộ {admin} {name}".strip())
        if unit is None or ordinal is None:
            continue
        found.append(
            Mention(
                match.start(),
                match.end(),
                ordinal,
                unit,
                admin,
                True,
                _term_after(text, match.end()),
            )
        )
    return found
