"""Step 3: the Party organisations a report is about, resolved against the gazetteer."""

from __future__ import annotations

from .gazetteer import Gazetteer
from .records import CleanReport, ReportMetadata, UnitRef


def extract_units(report: CleanReport, metadata: ReportMetadata, gazetteer: Gazetteer) -> list[UnitRef]:
    return []
