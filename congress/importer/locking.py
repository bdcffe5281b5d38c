"""Concurrency: imports running at the same time, and editors saving during an import.

Each import transaction (a batch of new reports, or one file) first takes the import's write
lock, so two imports of the same folder queue instead of racing to create the same units,
people, terms and slugs (which the unique constraints would turn into failed files, or,
where there is no constraint, into duplicates). Extraction, the slow part, stays parallel.

- PostgreSQL: a transaction-scoped advisory lock (``pg_advisory_xact_lock``), released by
  the commit or rollback, so a killed import never leaves it held.
- SQLite: every write transaction already begins IMMEDIATE (settings), which is the same
  lock for the whole database.
"""

from __future__ import annotations

from django.db import connection

from ..models import Article, Indicator

# Any fixed 64-bit number, unique to this application's imports.
IMPORT_LOCK_KEY = 0x636F6E6772657373  # "congress"


def lock_import_writes() -> None:
    """Wait for, and hold until the end of the current transaction, the import's lock."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])


def lock_article(article: Article | None) -> Article | None:
    """The article and its indicators re-read and locked for the rest of the transaction.

    What an editor saved since the import looked them up (their values and the list of
    fields they edited) is then what the import sees, and an editor saving now waits for
    the import's commit instead of being overwritten by it."""
    if article is None:
        return None
    locked = Article.objects.select_for_update().get(pk=article.pk)
    list(Indicator.objects.select_for_update().filter(article=locked).values_list("pk"))
    return locked
