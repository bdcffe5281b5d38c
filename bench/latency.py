"""Server time and SQL queries of a fixed mix of requests, in one Django process.

Run with DATABASE_URL set (``python -m bench.latency --repeat 30``); prints JSON. Requests go
through Django's test client: the time is the server's (URL routing, views, queries,
templates), without the network. Streamed downloads are read to the end. Each request is
timed with the page cache off (the page built every time), then with it on (served from the
cache, as for the next anonymous visitor until the content changes): ``cached``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ["DJANGO_DEBUG"] = "0"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402

from congress.models import Article, Indicator, Unit  # noqa: E402
from congress.selectors import (  # noqa: E402
    descendant_ids,
    province_of,
    published_indicators,
    unit_family,
)

EXPORT_ROWS = 10_000


def export_filter() -> tuple[str, int]:
    """The filter whose CSV is closest to 10k rows: a large province, alone or with a term."""
    rows = published_indicators().order_by()
    family = unit_family()
    candidates: list[tuple[str, int]] = []
    by_province = Counter()
    for unit, n in rows.values_list("unit").annotate(n=Count("pk")).values_list("unit", "n"):
        by_province[province_of(unit, family)] += n
    by_province.pop(None, None)
    for province, n in by_province.most_common(3):
        slug = Unit.objects.get(pk=province).slug
        candidates.append((f"province={slug}", n))
        below = descendant_ids([province], family)
        terms = (
            rows.filter(unit__in=below, term__isnull=False)
            .values_list("term__start_year", "term__end_year")
            .annotate(n=Count("pk"))
        )
        candidates += [(f"province={slug}&term={s}-{e}", n) for s, e, n in terms]
    if not candidates:
        return "", rows.count()
    return min(candidates, key=lambda c: abs(c[1] - EXPORT_ROWS))


def request_mix() -> tuple[dict[str, str], int]:
    """The fixed mix; the unit, report and export filter are chosen the same way each run."""
    # A ward of the official map (with its 2025 successor, as most are): the same page shape
    # at every size, so its query count is comparable across sizes.
    ward = (
        Unit.objects.filter(kind="ward", area__isnull=False)
        .annotate(n=Count("article_links"))
        .order_by("-n", "pk")
        .only("slug")
        .first()
    )
    articles = Article.objects.published().order_by("pk")
    total = articles.count()
    report = articles.only("slug")[total // 2] if total else None
    province = (
        Indicator.objects.filter(unit__kind="province")
        .values("unit__slug")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    export, export_rows = export_filter()
    mix = {
        "indicator_search_keyword": "/chi-tieu/?q=ho+ngheo",
        "indicator_search_filters": "/chi-tieu/?term=2020-2025&kind=target&category=economy"
        + (f"&unit={province['unit__slug']}" if province else ""),
        "indicator_search_both": "/chi-tieu/?q=ty+le&term=2015-2020&kind=result",
        "site_search": "/tim-kiem/?q=ngan+sach",
        "unit_page": f"/don-vi/{ward.slug}/" if ward else "/don-vi/",
        "term_page": "/nhiem-ky/2020-2025/",
        "report_page": f"/bai-viet/{report.slug}/" if report else "/bai-viet/",
        "csv_export": f"/chi-tieu/chi-tieu.csv?{export}",
    }
    return mix, export_rows


def _counting(queries: list[str]):
    """An execute wrapper recording each statement (the query log is reset per request)."""

    def wrapper(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    return wrapper


def fetch(client: Client, url: str) -> int:
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {response.status_code}")
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def timed(client: Client, url: str, n: int) -> dict:
    """p50/p95/p99 of ``n`` requests of ``url``, after two to warm up, and the SQL queries of
    one request."""
    for _ in range(2 if n > 3 else 1):  # warm caches and connections first
        fetch(client, url)
    queries: list[str] = []
    with connection.execute_wrapper(_counting(queries)):
        size = fetch(client, url)
    times = []
    for _ in range(n):
        started = time.perf_counter()
        fetch(client, url)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 95), 1),
        "p99_ms": round(percentile(times, 99), 1),
        "queries": len(queries),
        "bytes": size,
        "samples": n,
    }


def measure(repeat: int, export_repeat: int) -> dict:
    """Each request of the mix built every time (the page cache off: what a visitor asking
    something new waits), then served by the page cache (what the next visitor waits)."""
    setup_test_environment()  # lets the test client run with DEBUG off
    client = Client()
    mix, export_rows = request_mix()
    results = {}
    for name, url in mix.items():
        n = export_repeat if name == "csv_export" else repeat
        with override_settings(PAGE_CACHE_SECONDS=0):
            results[name] = {"url": url, **timed(client, url, n)}
        if name != "csv_export":  # a streamed download is never cached
            cached = timed(client, url, n)
            results[name]["cached"] = {
                k: cached[k] for k in ("p50_ms", "p95_ms", "p99_ms", "queries")
            }
    results["csv_export"]["rows"] = export_rows
    return {
        "reports": Article.objects.count(),
        "indicators": Indicator.objects.count(),
        "requests": results,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--export-repeat", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(measure(args.repeat, args.export_repeat)))


if __name__ == "__main__":
    main()
