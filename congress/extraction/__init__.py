"""The extraction pipeline: raw report text in, a :class:`ReportRecord` out.

Pure Python over plain data, no Django: clean → metadata → units → terms/congresses →
people → indicators. Each step lives in its own module and is tested alone.
"""

from __future__ import annotations

from .cleaning import clean_report
from .gazetteer import Gazetteer, default_gazetteer
from .indicators import extract_indicators
from .metadata import extract_metadata
from .people import extract_people
from .records import ReportRecord
from .terms import extract_congresses, extract_terms
from .text import sanitize
from .units import extract_units

__all__ = ["extract_report", "ReportRecord"]


def extract_report(raw: str, source_file: str, gazetteer: Gazetteer | None = None) -> ReportRecord:
    """Run every step over one decoded report."""
    gazetteer = gazetteer or default_gazetteer()
    report = clean_report(sanitize(raw))
    metadata = extract_metadata(report)
    units = extract_units(report, metadata, gazetteer)
    terms = extract_terms(report, metadata)
    congresses = extract_congresses(report, units, terms, metadata)
    people = extract_people(report)
    indicators = extract_indicators(report, terms=terms, published_at=metadata.published_at)
    record = ReportRecord(
        source_file=source_file,
        metadata=metadata,
        body=report.body,
        raw=report.raw,
        units=units,
        terms=terms,
        congresses=congresses,
        people=people,
        indicators=indicators,
    )
    if not report.body.strip():
        record.warnings.append("no article text found after cleaning")
    if not units:
        record.warnings.append("no reporting unit found")
    return record
