"""Vocabulary of Vietnamese administrative unit names: type words, abbreviations, name keys.

Pure functions and tables shared by the gazetteer (indexing official names) and the unit
extraction (reading names as newspapers write them):

- ``canonical_type``: "TP." / "Tp" / "thành phố" -> "thành phố", "TX" -> "thị xã", "Q." -> "quận"…
- ``name_key``: how two unit names are compared ("Phường I" = "phường 01" = "1",
  "Hoà Bình" = "Hòa Bình", "Phan Rang-Tháp Chàm" = "Phan Rang - Tháp Chàm").
- ``fold_key``: accent-free, space-free key, the form of the dataset's alias columns.
"""

from __future__ import annotations

import re

from .roman import from_roman
from .text import fold, match_key

PROVINCE, DISTRICT, WARD = "province", "district", "ward"
LEVELS = (PROVINCE, DISTRICT, WARD)

# The official type words, lower-case, and the levels each can name. "thành phố" is either
# a province-level city (Hà Nội, Cần Thơ) or a city inside a province (Vinh, Hạ Long).
TYPE_LEVELS: dict[str, tuple[str, ...]] = {
    "tỉnh": (PROVINCE,),
    "thành phố": (PROVINCE, DISTRICT),
    "quận": (DISTRICT,),
    "huyện": (DISTRICT,),
    "thị xã": (DISTRICT,),
    "phường": (WARD,),
    "xã": (WARD,),
    "thị trấn": (WARD,),
    "đặc khu": (WARD,),  # 2025 map only
}

# Unit kind in the record schema for a type word (a "thành phố" is settled by the gazetteer).
TYPE_KIND = {
    "tỉnh": PROVINCE,
    "thành phố": DISTRICT,
    "quận": DISTRICT,
    "huyện": DISTRICT,
    "thị xã": DISTRICT,
    "phường": WARD,
    "xã": WARD,
    "thị trấn": WARD,
    "đặc khu": WARD,
}

# Abbreviations used by the press, keyed by their match_key without dots and spaces.
_ABBREVIATIONS = {
    "tp": "thành phố",
    "tx": "thị xã",
    "tt": "thị trấn",
    "q": "quận",
    "h": "huyện",
    "p": "phường",
    "x": "xã",
}

# The Party committee of a unit is named by its type: "Thị ủy Quảng Trị" = the committee of
# thị xã Quảng Trị. Keys are match_keys (new tone placement).
COMMITTEE_TYPES = {
    "tỉnh ủy": "tỉnh",
    "thành ủy": "thành phố",
    "thị ủy": "thị xã",
    "huyện ủy": "huyện",
    "quận ủy": "quận",
}

MAX_UNIT_NUMBER = 39  # wards and districts are numbered up to the twenties; "C", "L" are names
_DIGITS = re.compile(r"[0-9]+")
_DASHES = re.compile(r"\s*[-–—]\s*")
_APOSTROPHES = re.compile(r"[’‘`´]")
_NON_ALNUM = re.compile(r"[\W_]+")


def canonical_type(written: str) -> str | None:
    """The official type word for a written one: "TP." -> "thành phố", "Thị Xã" -> "thị xã"."""
    key = match_key(written)
    key = re.sub(r"\s+", " ", key).strip()
    if key in TYPE_LEVELS:
        return key
    compact = re.sub(r"[.\s]", "", key)
    return _ABBREVIATIONS.get(compact)


def is_number(text: str) -> bool:
    """ASCII digits only ("²" and other Unicode digits are not unit numbers)."""
    return bool(_DIGITS.fullmatch(text))


def name_key(name: str) -> str:
    """Comparison form of a unit name without its type: "Phường I" and "01" both give "1"."""
    key = _APOSTROPHES.sub("'", match_key(name))
    key = _DASHES.sub(" ", key).replace(".", " ")
    key = re.sub(r"\s+", " ", key).strip()
    if is_number(key):
        return str(int(key))
    roman = from_roman(key) if len(key) <= 6 else None
    return str(roman) if roman and roman <= MAX_UNIT_NUMBER else key


def fold_key(text: str) -> str:
    """Accent- and space-free key, as in the dataset's alias columns: "TX. Phúc Yên" -> "txphucyen"."""
    return _NON_ALNUM.sub("", fold(text))


def bare_name(official: str, type_word: str) -> str:
    """The official name without its type: ("Phường 1", "phường") -> "1"."""
    if match_key(official).startswith(type_word + " "):
        return official[len(type_word) + 1 :].strip()
    return official.strip()


# Province names the press uses that the dataset does not list (keys are fold_keys).
# Values are province codes of the pre-2025 map.
PROVINCE_ALIASES = {
    "hcm": "79",
    "tphcm": "79",
    "tphochiminh": "79",
    "saigon": "79",
    "thuathienhue": "46",
    "tthue": "46",
    "brvt": "77",
    "bariavungtau": "77",
    "daklac": "66",
    "kontum": "62",
}

# Without "TP"/"thành phố", "Hồ Chí Minh" in Party news is the person ("tư tưởng Hồ Chí Minh").
PERSON_NAMED_PROVINCES = frozenset(["hồ chí minh"])
