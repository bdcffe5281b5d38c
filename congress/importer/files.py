"""Which files an import reads: explicit files always, folders searched for reports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# In a folder, a report is a text file; explicitly named files are tried whatever their name.
REPORT_SUFFIXES = {".txt", ".text"}


@dataclass(frozen=True)
class PathProblem:
    path: Path
    reason: str


def discover_reports(paths: list[str | Path]) -> tuple[list[Path], list[PathProblem]]:
    """Expand files and folders into report files, in a stable order, without duplicates."""
    found: list[Path] = []
    problems: list[PathProblem] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            found.append(path)

    for raw in paths:
        path = Path(raw)
        if not path.exists():
            problems.append(PathProblem(path, "no such file or folder"))
        elif path.is_dir():
            reports = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in REPORT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not reports:
                problems.append(PathProblem(path, "folder holds no report files (*.txt)"))
            for report in reports:
                add(report)
        elif path.is_file():
            add(path)
        else:
            problems.append(PathProblem(path, "not a regular file"))
    return found, problems
