"""Paragraphs, sentences and clauses of a report body, as offsets into the body.

The indicator step reads every figure together with the clause and sentence around it, and
its quotes must stay exact substrings of the body, so nothing here copies or rewrites text:
every function returns ``(start, end)`` spans of the string it was given.

``search_form`` is the one rewritten view: lower case, new tone placement and "tỉ" as "tỷ",
with exactly the same length as the input, so a regex match on it gives offsets that are
valid in the original text.
"""

from __future__ import annotations

import re

from .text import CharTable, new_tones

Span = tuple[int, int]

# A sentence ends at . ! ? … followed by a space, a closing quote or the end. A full stop
# glued to the next capitalised word ("đất nước.Nhân dịp") also ends one, unless it sits in
# an abbreviation of single capitals such as "T.Ư" or "TP.HCM".
_SENTENCE_END = re.compile(r"(?:\.{3}|…|[.!?])[”\"’)]*(?=\s|$)|(?<=\w\w)\.(?=\w)")
# Clauses: a semicolon, or a colon that is not inside a time such as "15:13".
_CLAUSE_END = re.compile(r";|(?<!\d):|:(?!\d)")


def _lower_one(char: str) -> str:
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char  # "İ".lower() is two characters


_LOWER_SAME_LENGTH = CharTable(_lower_one)
_TI = re.compile(r"\btỉ\b")


def search_form(text: str) -> str:
    """Lower case, new tones and "tỷ" for "tỉ", keeping every offset valid in ``text``."""
    lowered = new_tones(text).translate(_LOWER_SAME_LENGTH)
    folded = _TI.sub("tỷ", lowered)
    return folded if len(folded) == len(text) else text


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines: each line of a cleaned report is one paragraph of the article."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = _strip(text, match.start(), match.end())
        if start < end:
            spans.append((start, end))
    return spans


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences of ``text[start:end]``, each with its closing punctuation."""
    return _split(text, start, end, _SENTENCE_END, keep_end=True, accept=_is_sentence_end)


def clauses(text: str, start: int, end: int) -> list[Span]:
    """Clauses of one sentence: the parts between semicolons and colons."""
    return _split(text, start, end, _CLAUSE_END, keep_end=False)


def _is_sentence_end(text: str, match: re.Match[str]) -> bool:
    """A glued full stop ends a sentence only between a lower-case word and a capital."""
    if match.group(0) != "." or match.end() >= len(text) or text[match.end()].isspace():
        return True
    before, after = text[match.start() - 2 : match.start()], text[match.end()]
    return before.isalpha() and before.islower() and after.isupper()


def _split(text, start, end, pattern, *, keep_end, accept=None) -> list[Span]:
    spans = []
    cursor = start
    for match in pattern.finditer(text, start, end):
        if accept is not None and not accept(text, match):
            continue
        piece = _strip(text, cursor, match.end() if keep_end else match.start())
        if piece[0] < piece[1]:
            spans.append(piece)
        cursor = match.end()
    piece = _strip(text, cursor, end)
    if piece[0] < piece[1]:
        spans.append(piece)
    return spans


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
