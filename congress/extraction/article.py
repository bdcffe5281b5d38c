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


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence (or clause ended by ';') around ``pos``."""
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, pos):
        start = match.end()
    found = _SENTENCE_END.search(text, pos)
    return start, found.start() + 1 if found else len(text)


def lowered(text: str) -> str:
    """Lower case with new tone placement, as long as ``text`` so offsets carry over."""
    low = new_tones(text).lower()
    return low if len(low) == len(text) else text.lower()
