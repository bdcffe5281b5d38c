"""A fast bulk loader for the latency benchmark at archive scale (100k reports).

Importing 100k reports through the full pipeline takes hours on two cores; the request
latencies only need a database of that size and shape. So: ``TEMPLATES`` generated reports
(bench/corpus.py) go through the real extraction, and report *i* of the corpus is written as
a copy of template *i mod TEMPLATES* placed at report *i*'s own unit (same seeded unit as
the corpus file would name), with its terms, congress, unit link and indicators, using bulk
inserts. Search fields are filled with the functions the import uses
(``congress.search.article_parts``, ``indicator_search_text``, ``refresh_units``) and the
same ``to_tsvector('simple', …)`` vectors; the search indexes are dropped during the load
and created again after it (faster than updating them row by row).

Not written: edit history rows and people (the import writes them; no page of the mix
reads them at scale). Run by bench/run.py for latency sizes that were not imported:

    DATABASE_URL=… .venv/bin/python -m bench.loader 100000 [--seed 1]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from psycopg2.extras import execute_values  # noqa: E402

from bench.corpus import generate_report, pick_place  # noqa: E402
from congress.extraction import extract_report  # noqa: E402
from congress.extraction.records import UnitRef  # noqa: E402
from congress.importer.units import _area, resolve_unit, unit_for_area  # noqa: E402
from congress.importer.writer import article_values, indicator_source_key  # noqa: E402
from congress.models import (  # noqa: E402
    Article,
    ArticleUnit,
    Congress,
    Indicator,
    Term,
    Unit,
)
from congress.search import (  # noqa: E402
    article_parts,
    indicator_search_text,
    join_texts,
    refresh_units,
)

TEMPLATES = 400
BATCH = 500
SEARCH_INDEXES = ("congress_article", "congress_indicator")


def log(message: str) -> None:
    print(f"[loader {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def templates(seed: int, n: int):
    return [
        extract_report(text, name)
        for name, text in map(lambda j: generate_report(seed, j), range(n))
    ]


def unit_of(place, cache: dict) -> Unit:
    key = (place.kind, place.code, place.name)
    if key not in cache:
        if place.kind == "bloc":
            ref = UnitRef(name=f"Đảng bộ {place.name}", kind="bloc", province_code=place.code)
            cache[key] = resolve_unit(ref)
        else:
            cache[key] = unit_for_area(_area(place.code, None))
    return cache[key]


def drop_search_indexes() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
            "AND indexdef ILIKE '%%USING gin%%'",
            [list(SEARCH_INDEXES)],
        )
        rows = cursor.fetchall()
        for name, _definition in rows:
            cursor.execute(f'DROP INDEX "{name}"')
    return [definition for _name, definition in rows]


def load(n: int, seed: int) -> None:
    started = time.perf_counter()
    records = templates(seed, min(n, TEMPLATES))
    log(f"{len(records)} templates extracted")
    terms = {f"{t.start_year}-{t.end_year}": t for t in Term.objects.all()}

    def term(label):
        if label and label not in terms:
            start, end = (int(x) for x in label.split("-"))
            terms[label] = Term.objects.get_or_create(start_year=start, end_year=end)[0]
        return terms.get(label) if label else None

    indexes = drop_search_indexes()
    units: dict = {}
    for first in range(0, n, BATCH):
        with transaction.atomic():
            write_batch(first, min(n, first + BATCH), seed, records, units, term)
        if (first // BATCH) % 20 == 0:
            log(f"{min(n, first + BATCH)} reports written")
    with connection.cursor() as cursor:
        for definition in indexes:
            cursor.execute(definition)
        cursor.execute("ANALYZE")
    refresh_units(Unit.objects.all())
    log(f"{n} reports in {time.perf_counter() - started:.0f} s")


def write_batch(first: int, last: int, seed: int, records, units: dict, term) -> None:
    articles, links, vectors = [], [], []
    plan = []
    for i in range(first, last):
        record = records[i % len(records)]
        unit = unit_of(pick_place(random.Random(f"{seed}:{i}")), units)
        values = article_values(record)
        digest = hashlib.sha256(f"{seed}:{i}".encode()).hexdigest()
        head, rest = article_parts(
            title=values["title"],
            author=values["author"],
            source_name=values["source_name"],
            unit_names=[unit.name],
            term_labels=record.terms,
            body=record.body,
        )
        articles.append(
            Article(
                **values,
                slug=f"{digest[:10]}-{i}",
                raw_text=record.raw,
                content_hash=digest,
                source_file=f"{i:06d}_{seed}.txt",
                source_path=f"/bulk/{i:06d}_{seed}.txt",
                status="published",
                search_text=join_texts(head, rest),
            )
        )
        vectors.append((head, rest))
        plan.append((record, unit))
    Article.objects.bulk_create(articles)
    indicators, article_terms, congresses = [], [], []
    through = Article.terms.through
    for article, (record, unit) in zip(articles, plan, strict=True):
        links.append(ArticleUnit(article=article, unit=unit, is_primary=True))
        for label in record.terms:
            article_terms.append(through(article_id=article.pk, term_id=term(label).pk))
        for ref in record.congresses:
            congresses.append(
                Congress(
                    unit=unit,
                    ordinal=ref.ordinal,
                    term=term(ref.term),
                    date=date.fromisoformat(ref.date) if ref.date else None,
                    delegates=ref.delegates,
                    members_represented=ref.members,
                    source_article=article,
                )
            )
        seen = set()
        for ref in record.indicators:
            key = indicator_source_key(ref)
            if key in seen:
                continue
            seen.add(key)
            ind = Indicator(
                article=article, source_key=key, status="published", unit=unit,
                term=term(ref.term), year=ref.year, name=ref.name[:300],
                key=(ref.key or ref.name)[:300], category=ref.category, kind=ref.kind,
                comparator=ref.comparator, value=ref.value, low=ref.low, high=ref.high,
                unit_of_measure=ref.unit[:60], quote=ref.quote, quote_start=max(ref.start, 0),
            )  # fmt: skip
            ind.search_text = indicator_search_text(ind)
            indicators.append(ind)
    ArticleUnit.objects.bulk_create(links)
    through.objects.bulk_create(article_terms, ignore_conflicts=True)
    Congress.objects.bulk_create(congresses, ignore_conflicts=True)
    Indicator.objects.bulk_create(indicators, batch_size=2000)
    with connection.cursor() as cursor:
        execute_values(
            cursor,
            "UPDATE congress_article AS a SET search_vector = "
            "setweight(to_tsvector('simple', v.head), 'A') || "
            "setweight(to_tsvector('simple', v.rest), 'B') "
            "FROM (VALUES %s) AS v(id, head, rest) WHERE a.id = v.id",
            [(a.pk, h, r) for a, (h, r) in zip(articles, vectors, strict=True)],
        )
    # The indicators' vectors were computed on insert by their trigger (migration 0010).


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("reports", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("the bulk loader writes PostgreSQL vectors: set DATABASE_URL to PostgreSQL")
    load(args.reports, args.seed)


if __name__ == "__main__":
    main()
