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
    # Look back in growing windows, not from the start of the text: a long report asks
    # this for every mention, and scanning from 0 each time made it quadratic.
    start, window, low = 0, 512, pos
    while low > 0:
        low = max(0, pos - window)
        last = None
        for last in _SENTENCE_END.finditer(text, low, pos):  # noqa: B007 - the last one counts
            pass
        if last is not None:
            start = last.end()
            break
        window *= 4
    found = _SENTENCE_END.search(text, pos)
    return start, found.start() + 1 if found else len(text)


def lowered(text: str) -> str:
    """Lower case with new tone placement, as long as ``text`` so offsets carry over."""
    low = new_tones(text).lower()
    return low if len(low) == len(text) else text.lower()
