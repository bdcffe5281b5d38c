"""Roman numerals, as congresses and terms are numbered ("lần thứ VII", "khóa XXV")."""

from __future__ import annotations

import re

_VALUES = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]  # fmt: skip
_ROMAN_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def to_roman(number: int) -> str:
    if number <= 0:
        return str(number)
    out = []
    for value, letters in _VALUES:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(text: str) -> int | None:
    """ "VII" -> 7; None for anything that is not a well-formed Roman numeral."""
    text = text.strip().upper()
    if not text or not _ROMAN_RE.match(text):
        return None
    total, index = 0, 0
    for value, letters in _VALUES:
        while text.startswith(letters, index):
            total += value
            index += len(letters)
    return total
