"""Import raw report files (files or folders) into the archive.

    python manage.py import_reports fixtures/seeds more/reports/
    python manage.py import_reports --dry-run --format jsonl report.txt

Each file is decoded, cleaned and extracted, then written: new reports a batch per
transaction (IMPORT_BATCH_FILES), every other file in its own; each file whole or not at all.
Importing the same files again changes nothing; a changed file updates its article but
never what an editor changed. Exit status is 1 if any file failed.
"""

from __future__ import annotations

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from congress.importer.service import DatabaseUnavailable, ImportOptions, import_reports
from congress.models import PublicationStatus

PROGRESS_FROM = 20  # files; smaller imports print one line per file instead


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="report files or folders of *.txt reports")
        parser.add_argument(
            "--dry-run", action="store_true", help="extract and print, write nothing"
        )
        parser.add_argument(
            "--format",
            choices=["text", "jsonl"],
            default="text",
            help="jsonl: one record per file on stdout in the eval schema",
        )
        parser.add_argument(
            "--status",
            choices=PublicationStatus.values,
            help=f"status of new content (default from settings: {settings.IMPORT_DEFAULT_STATUS})",
        )
        parser.add_argument(
            "--reextract",
            action="store_true",
            help="re-run extraction on files whose text has not changed",
        )

    def handle(self, *args, **options):
        jsonl = options["format"] == "jsonl"
        verbosity = options["verbosity"]
        # With jsonl the records own stdout; everything for people goes to stderr.
        report = self.stderr if jsonl else self.stdout

        def on_file(outcome, record):
            if outcome.status == "failed":
                self.stderr.write(f"FAILED {outcome.path}: {outcome.reason}")
                return
            if jsonl and record is not None:
                self.stdout.write(json.dumps(record.as_json(), ensure_ascii=False))
            if verbosity >= 2 or (verbosity >= 1 and not large):
                line = f"{outcome.status:9} {outcome.path} ({outcome.indicators_found} indicators"
                line += f", {len(outcome.warnings)} warnings)" if outcome.warnings else ")"
                report.write(line)
                for note in outcome.left_alone:
                    report.write(f"          kept editor's change: {note}")
                if verbosity >= 2:
                    for warning in outcome.warnings:
                        report.write(f"          warning: {warning}")

        def progress(files):
            if not large or verbosity == 0:
                return files
            from tqdm import tqdm

            return tqdm(files, desc="Importing", unit="file", file=sys.stderr)

        from congress.importer.files import discover_reports

        large = len(discover_reports(options["paths"])[0]) >= PROGRESS_FROM
        try:
            summary = import_reports(
                options["paths"],
                ImportOptions(
                    dry_run=options["dry_run"],
                    status=options["status"],
                    reextract=options["reextract"],
                ),
                on_file=on_file,
                progress=progress,
                keep_outcomes=False,  # each file is reported as it goes
            )
        except DatabaseUnavailable as exc:
            # One line, no traceback: what happened, and that a rerun completes the import.
            done = exc.summary.files
            if not done:
                raise CommandError(f"{exc} (nothing was imported)") from exc
            raise CommandError(
                f"{exc} (stopped after {done} file(s); each file is imported whole or not at "
                "all: running the same import again completes it)"
            ) from exc
        if verbosity >= 1:
            style = self.style.ERROR if summary.failed else self.style.SUCCESS
            for line in summary.lines(dry_run=options["dry_run"]):
                report.write(style(line))
        if summary.failed:
            raise CommandError(f"{len(summary.failed)} of {summary.files} files failed.")
