"""What an import did, counted per file, for the command's closing lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class IndicatorCounts:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    kept_curated: int = 0

    def add(self, other: IndicatorCounts) -> None:
        self.created += other.created
        self.updated += other.updated
        self.deleted += other.deleted
        self.kept_curated += other.kept_curated


@dataclass
class FileOutcome:
    path: Path
    status: str  # new / updated / unchanged / failed / extracted (dry run)
    reason: str = ""
    indicators: IndicatorCounts = field(default_factory=IndicatorCounts)
    indicators_found: int = 0
    warnings: list[str] = field(default_factory=list)
    left_alone: list[str] = field(default_factory=list)  # editor changes the import kept


@dataclass
class ImportSummary:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def indicators(self) -> IndicatorCounts:
        total = IndicatorCounts()
        for outcome in self.outcomes:
            total.add(outcome.indicators)
        return total

    @property
    def warning_count(self) -> int:
        return sum(len(o.warnings) for o in self.outcomes)

    def lines(self, *, dry_run: bool) -> list[str]:
        files = len(self.outcomes)
        found = sum(o.indicators_found for o in self.outcomes)
        if dry_run:
            return [
                f"Dry run: {files} files; {self.count('extracted')} extracted, "
                f"{len(self.failed)} failed; {found} indicators found; "
                f"{self.warning_count} warnings. Nothing was written."
            ]
        ind = self.indicators
        return [
            f"Files: {files}. Articles: {self.count('new')} new, {self.count('updated')} updated, "
            f"{self.count('unchanged')} unchanged, {len(self.failed)} failed.",
            f"Indicators: {found} extracted; {ind.created} created, {ind.updated} updated, "
            f"{ind.deleted} removed, {ind.kept_curated} kept because an editor changed them.",
            f"Warnings: {self.warning_count}.",
        ]
