"""Vietnamese text helpers shared by every extraction step and by search.

- ``nfc``: Unicode NFC, the one form stored everywhere.
- ``new_tones``: old tone placement ("uỷ", "hoà") rewritten to the new one ("ủy", "hòa"),
  so both spellings compare equal.
- ``match_key``: what two names are compared by (NFC, new tones, casefolded, one space,
  "tỉ" as "tỷ").
- ``fold``: accent-free, "đ" as "d", for accent-insensitive search ("ho ngheo").
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Old-style tone marks sit on the first vowel of "oa", "oe", "uy"; the new style puts
# them on the second. Only these three pairs differ between the two conventions.
_OLD_TO_NEW_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONE_RE = re.compile(
    "|".join(
        sorted(
            {k for k in _OLD_TO_NEW_TONES}
            | {k.upper() for k in _OLD_TO_NEW_TONES}
            | {k[0].upper() + k[1:] for k in _OLD_TO_NEW_TONES}
        )
    )
)
# "qu" + y: in "quý", "quỳnh" the u belongs to the consonant, so the mark is on y in both
# conventions already; the table only applies where "u" is a vowel. A following letter
# (e.g. "oàn", "uýt") means the mark is already where both conventions put it.
_LETTER = re.compile(r"\w", re.UNICODE)

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Invisible characters: zero-width spaces and joiners, the soft hyphen, and bidirectional
# marks and overrides (which can make text display differently from what it says).
_ZERO_WIDTH = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# C0 and C1 controls except tab and newlines (U+0085, "next line", is a line break).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def sanitize(text: str) -> str:
    """NFC, zero-width and control characters removed, newlines as ``\\n``.

    NFC comes last: removing an invisible character can bring a letter and a combining
    mark together ("a\\u200b\\u0301"), which only then compose into one character."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x85", "\n")
    text = _ZERO_WIDTH.sub("", text)
    return nfc(_CONTROL.sub("", text))


def new_tones(text: str) -> str:
    """Rewrite old tone placement as new: "Thị uỷ" -> "Thị ủy", "hoà" -> "hòa"."""

    def replace(match: re.Match[str]) -> str:
        old = match.group(0)
        start, end = match.span()
        source = match.string
        if end < len(source) and _LETTER.match(source[end]):
            return old  # "hoàn", "khuýt": a closed syllable keeps the mark on the first vowel
        if old[0] in "uU" and start > 0 and source[start - 1] in "qQ":
            return old
        new = _OLD_TO_NEW_TONES[old.lower()]
        if old.isupper():
            return new.upper()
        if old[0].isupper():
            return new[0].upper() + new[1:]
        return new

    return _OLD_TONE_RE.sub(replace, nfc(text))


def squash_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


_TI = re.compile(r"\btỉ\b")
# Names and captions up to this length are remembered (see match_key).
_REMEMBERED_CHARS = 120


def _match_key(text: str) -> str:
    text = squash_spaces(new_tones(text)).casefold()
    return _TI.sub("tỷ", text) if "tỉ" in text else text


_remembered_match_key = functools.lru_cache(maxsize=16_384)(_match_key)


def match_key(text: str) -> str:
    """The form two names are compared in: tone placement, case, spacing and tỉ/tỷ unified.

    Extraction compares the same unit names, titles and captions hundreds of times per
    report, so short texts are remembered; the cache is bounded in entries and in their
    length, whatever the input."""
    if len(text) <= _REMEMBERED_CHARS:
        return _remembered_match_key(text)
    return _match_key(text)


class CharTable(dict):
    """A ``str.translate`` table filled on first use of each character: one C-level pass per
    text instead of a Python step per character (extraction folds every line many times).
    It keeps at most ``limit`` characters, so hostile text cannot grow it without end."""

    def __init__(self, convert, limit: int = 20_000):
        super().__init__()
        self._convert = convert
        self._limit = limit

    def __missing__(self, code: int) -> str:
        converted = self._convert(chr(code))
        if len(self) < self._limit:
            self[code] = converted
        return converted


def _strip_char_accents(char: str) -> str:
    if char in "đĐ":
        return "d" if char == "đ" else "D"
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_ACCENTLESS = CharTable(_strip_char_accents)


def strip_accents(text: str) -> str:
    """Accents and combining marks removed, "đ" as "d"; NFC."""
    stripped = text.translate(_ACCENTLESS)
    return stripped if stripped.isascii() else unicodedata.normalize("NFC", stripped)


def fold(text: str) -> str:
    """Accent-free, lower-case search form: "Hộ NGHÈO, Đảng" -> "ho ngheo, dang"."""
    return squash_spaces(strip_accents(match_key(text)))


_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slugify_vi(text: str, max_length: int = 80) -> str:
    """An ASCII slug: "Đảng bộ phường I" -> "dang-bo-phuong-i"."""
    slug = _SLUG_DROP.sub("-", fold(text)).strip("-")
    return slug[:max_length].rstrip("-") or "x"
