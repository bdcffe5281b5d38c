"""The article text the terms, congress and people steps read.

Cleaning decides what the article is; this only joins the title to the body and, as a
safety net, skips lines shaped like a "related articles" list ("Title (5/3/2021)"), whose
terms and officials belong to other stories.
"""

from __future__ import annotations

import re

from .records import CleanReport
from .text import new_tones

_LINK_LIST_ITEM = re.compile(r"\(\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*\)\s*$")


def article_text(report: CleanReport, title: str = "") -> str:
    """Title and body (or the kept lines when there is no body), one line per paragraph."""
    body = report.body if report.body.strip() else "\n".join(report.lines)
    parts = [title] if title and title not in body else []
    parts.extend(line for line in body.split("\n") if not _LINK_LIST_ITEM.search(line))
    return "\n".join(parts)


_SENTENCE_END = re.compile(r"[.!?;](?=\s+\S)|\n")
# No sentence is longer than this: a damaged file's line of 400,000 characters without a
# full stop is not one, and looking at most this far each way keeps every lookup short (a
# report asks for the sentence of every mention; scanning the whole text each time made a
# long report, or one huge line, take minutes).
MAX_SENTENCE_CHARS = 3000


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence (or clause ended by ';') around ``pos``, at most
    ``MAX_SENTENCE_CHARS`` each way."""
    start = max(0, pos - MAX_SENTENCE_CHARS)
    for match in _SENTENCE_END.finditer(text, start, pos):
        start = match.end()
    limit = min(len(text), pos + MAX_SENTENCE_CHARS)
    found = _SENTENCE_END.search(text, pos, limit)
    return start, found.start() + 1 if found else limit


def lowered(text: str) -> str:
    """Lower case with new tone placement, as long as ``text`` so offsets carry over."""
    low = new_tones(text).lower()
    return low if len(low) == len(text) else text.lower()
