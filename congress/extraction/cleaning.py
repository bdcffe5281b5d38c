"""Step 1: drop site boilerplate and keep the article's lines."""

from __future__ import annotations

from .records import CleanReport


def clean_report(raw: str) -> CleanReport:
    lines = [line.strip() for line in raw.split("\n") if line.strip()]
    return CleanReport(raw=raw, lines=lines, body="\n\n".join(lines[1:]))
