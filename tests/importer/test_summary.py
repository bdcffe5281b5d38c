"""The import's summary adds up each file's outcome as it comes; the command keeps only the
counts and the failures, so its memory does not grow with the number of files."""

from pathlib import Path

import pytest

from congress.importer.summary import FileOutcome, ImportSummary, IndicatorCounts


def outcomes() -> list[FileOutcome]:
    return [
        FileOutcome(
            Path("a.txt"), "new", indicators=IndicatorCounts(created=3), indicators_found=3
        ),
        FileOutcome(Path("b.txt"), "failed", "cannot read file"),
        FileOutcome(Path("c.txt"), "unchanged", indicators_found=2, warnings=["w1", "w2"]),
        FileOutcome(Path("d.txt"), "updated", indicators=IndicatorCounts(updated=1, deleted=2)),
    ]


@pytest.mark.parametrize("keep", [True, False])
def test_the_counts_are_the_same_whether_outcomes_are_kept_or_not(keep):
    summary = ImportSummary(keep_outcomes=keep)
    for outcome in outcomes():
        summary.add(outcome)
    assert summary.lines(dry_run=False) == [
        "Files: 4. Articles: 1 new, 1 updated, 1 unchanged, 1 failed.",
        "Indicators: 5 extracted; 3 created, 1 updated, 2 removed, 0 kept because an editor "
        "changed them.",
        "Warnings: 2.",
    ]
    assert [o.path.name for o in summary.failed] == ["b.txt"]
    assert len(summary.outcomes) == (4 if keep else 0)


@pytest.mark.django_db
def test_the_command_keeps_no_outcome_per_file(run_import, seeds_dir, monkeypatch):
    from congress.management.commands import import_reports as command

    summaries = []
    real = command.import_reports

    def spy(*args, **kwargs):
        summaries.append(real(*args, **kwargs))
        return summaries[-1]

    monkeypatch.setattr(command, "import_reports", spy)
    code, out, _ = run_import(seeds_dir)
    assert code == 0
    assert "Files: 5. Articles: 5 new" in out
    assert summaries[0].files == 5 and summaries[0].outcomes == []
