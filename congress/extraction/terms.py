"""Step 4: the terms (nhiệm kỳ) a report speaks of, and its congresses.

Terms are read by :mod:`term_mentions` (local Party terms only, not those of People's
Councils or of the national Party); congresses by :mod:`congresses`, re-exported here.
``parse_term`` and ``term_for_year`` are small helpers for the other steps.
"""

from __future__ import annotations

from .article import article_text
from .congresses import extract_congresses
from .ordinals import parse_term, term_for_year
from .records import CleanReport, ReportMetadata
from .term_mentions import term_mentions

__all__ = ["extract_terms", "extract_congresses", "parse_term", "term_for_year", "term_mentions"]


def extract_terms(report: CleanReport, metadata: ReportMetadata) -> list[str]:
    """The local Party terms the report speaks of, sorted and unique."""
    text = article_text(report, metadata.title)
    return sorted({term for _, _, term in term_mentions(text)})
