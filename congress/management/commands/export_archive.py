"""Write the published archive as a versioned package (a folder, or a .zip file).

    python manage.py export_archive archive-2025-06-01/
    python manage.py export_archive archive-2025-06-01.zip

The package holds one JSON Lines file per table (published content only), metadata.json
(schema version, export date, software version and commit, row counts, SHA-256 of each
file) and README.md describing the format. Rows are streamed: memory does not grow with
the archive. Restore it into an empty database with ``import_archive``.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from congress.dumps.exporter import export_archive


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("output", help="a new folder, or a new file ending in .zip")

    def handle(self, *args, **options):
        output = Path(options["output"])
        if output.exists():
            raise CommandError(f"{output} already exists: give a new folder or file name.")
        if not output.parent.is_dir():
            raise CommandError(f"{output.parent} is not a folder.")

        def progress(name, count):
            if options["verbosity"] >= 2:
                self.stdout.write(f"{name}: {count} rows")

        metadata = export_archive(output, progress=progress)
        total = sum(f["count"] for f in metadata["files"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported {total} rows in {len(metadata['files'])} files to {output} "
                f"(schema version {metadata['schema_version']})."
            )
        )
