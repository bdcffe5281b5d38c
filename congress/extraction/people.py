"""Step 5: the officials a report names, with their positions."""

from __future__ import annotations

from .records import CleanReport, PersonRef


def extract_people(report: CleanReport) -> list[PersonRef]:
    return []
