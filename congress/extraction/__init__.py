"""The extraction pipeline: raw report text in, a :class:`ReportRecord` out.

Pure Python over plain data, no Django: clean → metadata → units → terms/congresses →
people → indicators. Each step lives in its own module and is tested alone.
"""

from __future__ import annotations

from datetime import datetime

from .cleaning import clean_report
from .dates import VIETNAM
from .gazetteer import Gazetteer, default_gazetteer, map_2025_gazetteer
from .indicators import extract_indicators
from .metadata import extract_metadata
from .people import extract_people
from .records import ReportRecord
from .terms import extract_congresses, extract_terms
from .text import sanitize
from .units import extract_units

__all__ = ["extract_report", "ReportRecord"]


# Two-level local government (provinces, then wards and communes) took effect on this day:
# reports written after it name the units of the 2025 map.
REORGANISED = datetime(2025, 7, 1, tzinfo=VIETNAM)


def extract_report(raw: str, source_file: str, gazetteer: Gazetteer | None = None) -> ReportRecord:
    """Run every step over one decoded report (``gazetteer``: one map for every report)."""
    report = clean_report(sanitize(raw))
    metadata = extract_metadata(report)
    terms = extract_terms(report, metadata)
    if gazetteer is not None:
        units = extract_units(report, metadata, gazetteer)
    else:
        units = _units_on_their_map(report, metadata, terms)
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


def written_after_reorganisation(published_at: datetime | None, terms: list[str]) -> bool:
    """Was the report written under the 2025 map? By its date, or, undated, by a term that
    starts in 2025 or later (the 2025-2030 congresses were held after the reorganisation)."""
    if published_at is not None:
        return published_at >= REORGANISED
    return any(int(term[:4]) >= REORGANISED.year for term in terms if term[:4].isdigit())


def _units_on_their_map(report, metadata, terms) -> list:
    """Units resolved on the map of the report's time; a report written after 2025 that
    only names units of the older map (a look back at a former district) gets those."""
    legacy = default_gazetteer()
    if not written_after_reorganisation(metadata.published_at, terms):
        return extract_units(report, metadata, legacy)
    units = extract_units(report, metadata, map_2025_gazetteer())
    if units and _on_the_map(units[0]):
        return units
    older = extract_units(report, metadata, legacy)
    return older if older and _on_the_map(older[0]) else units


def _on_the_map(unit) -> bool:
    # A bloc has no code of its own: its province's tells.
    return bool(unit.gazetteer_code or (unit.kind == "bloc" and unit.province_code))
