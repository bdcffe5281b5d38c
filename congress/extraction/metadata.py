"""Step 2: title, publication date and time, author, genre, source."""

from __future__ import annotations

from .records import CleanReport, ReportMetadata


def extract_metadata(report: CleanReport) -> ReportMetadata:
    return ReportMetadata(title=report.lines[0] if report.lines else "")
