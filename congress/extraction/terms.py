"""Step 4: terms (nhiệm kỳ) and congresses (Đại hội … lần thứ VII)."""

from __future__ import annotations

from .records import CleanReport, CongressRef, ReportMetadata, UnitRef


def extract_terms(report: CleanReport, metadata: ReportMetadata) -> list[str]:
    return []


def extract_congresses(
    report: CleanReport, units: list[UnitRef], terms: list[str], metadata: ReportMetadata
) -> list[CongressRef]:
    return []
