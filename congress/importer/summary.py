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
    """Counts of an import, added up as each file's outcome comes in.

    ``outcomes`` keeps every file's outcome only when ``keep_outcomes`` (callers that look
    at them); the command reports each file as it goes, so an import of any size keeps
    only its counts and its failures."""

    keep_outcomes: bool = True
    outcomes: list[FileOutcome] = field(default_factory=list)
    failed: list[FileOutcome] = field(default_factory=list)
    files: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    indicators: IndicatorCounts = field(default_factory=IndicatorCounts)
    indicators_found: int = 0
    warning_count: int = 0

    def add(self, outcome: FileOutcome) -> None:
        self.files += 1
        self.statuses[outcome.status] = self.statuses.get(outcome.status, 0) + 1
        self.indicators.add(outcome.indicators)
        self.indicators_found += outcome.indicators_found
        self.warning_count += len(outcome.warnings)
        if outcome.status == "failed":
            self.failed.append(outcome)
        if self.keep_outcomes:
            self.outcomes.append(outcome)

    def count(self, status: str) -> int:
        return self.statuses.get(status, 0)

    def lines(self, *, dry_run: bool) -> list[str]:
        files, found = self.files, self.indicators_found
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
