"""Step 6: every target and result the report states, with numbers and units of measure."""

from __future__ import annotations

from datetime import datetime

from .records import CleanReport, IndicatorRef


def extract_indicators(
    report: CleanReport, *, terms: list[str], published_at: datetime | None
) -> list[IndicatorRef]:
    return []
