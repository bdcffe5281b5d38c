"""Restore an archive package (written by ``export_archive``) into an EMPTY database.

    python manage.py migrate            # a new database: tables and the gazetteer
    python manage.py import_archive archive-2025-06-01.zip
    python manage.py import_archive --dry-run archive-2025-06-01/

Refused, with nothing written: a database that already holds archive content (units,
reports, indicators, people … or their history), a package of an unknown schema version,
a file whose row count or SHA-256 differs from metadata.json, a row that refers to
something missing. Everything is written in one transaction; ids are kept.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from congress.dumps.restorer import PackageError, import_archive


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("package", help="a package folder or .zip file")
        parser.add_argument(
            "--dry-run", action="store_true", help="check and load everything, then roll back"
        )

    def handle(self, *args, **options):
        package = Path(options["package"])
        if not package.exists():
            raise CommandError(f"{package} does not exist.")

        def progress(name, count):
            if options["verbosity"] >= 2:
                self.stdout.write(f"{name}: {count} rows")

        try:
            counts = import_archive(package, dry_run=options["dry_run"], progress=progress)
        except PackageError as exc:
            raise CommandError(f"{exc} Nothing was imported.") from None
        total = sum(counts.values())
        verb = "Checked (dry run, nothing kept)" if options["dry_run"] else "Imported"
        self.stdout.write(self.style.SUCCESS(f"{verb} {total} rows from {len(counts)} files."))
