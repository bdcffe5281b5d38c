"""Memory benchmark: streamed indicator exports stay within a fixed memory bound.

Creates a scratch database (``<name>_scratch`` beside the database DATABASE_URL names, which
is never touched; created, migrated and dropped by this script, like a test database), fills
it with synthetic published indicators (bulk_create), then downloads every streamed export
through Django's test client, reading the response chunk by chunk and keeping nothing:

- ``/chi-tieu/chi-tieu.csv`` and ``/chi-tieu/chi-tieu.json`` (the public downloads),
- ``/api/indicators/?format=csv`` (the API's CSV),
- ``export_archive`` (the whole-archive package, written to a temporary folder).

Each export runs twice at each size (10k rows, then 100k by default): once plain, for time
and peak RSS, and once under tracemalloc, for the peak of Python allocations. If memory is
bounded, the figures at 100k are about those at 10k. Prints one JSON document.

Usage (PostgreSQL, the production database):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ca_api_bench \\
        .venv/bin/python bench/export_memory.py [--sizes 10000 100000]

The scratch database is ``ca_api_bench_scratch`` there (the server must allow CREATE
DATABASE); with SQLite it is in memory.
Nothing here is a test: it measures and prints, it does not pass or fail.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import platform
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ["DJANGO_DEBUG"] = "0"  # DEBUG keeps every query in memory: not what production does

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

EXPORTS = {
    "public_csv": "/chi-tieu/chi-tieu.csv",
    "public_json": "/chi-tieu/chi-tieu.json",
    "api_csv": "/api/indicators/?format=csv",
}
PER_ARTICLE = 100
BODY = (
    "Đại hội Đảng bộ phường nhiệm kỳ 2020-2025 đề ra các chỉ tiêu: tổng mức bán lẻ hàng hóa "
    "tăng 17-18%/năm; giảm tỷ lệ hộ nghèo xuống dưới 2%; kết nạp được 32 đảng viên mới. "
) * 20


def rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def reset_peak_rss() -> bool:
    """Reset the kernel's high-water mark (VmHWM) for this process; False if not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def peak_rss_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def fill(total: int) -> None:
    """Add synthetic published indicators until there are ``total`` (batches of 5000)."""
    from congress.models import Article, ArticleUnit, Indicator, Term, Unit

    have = Indicator.objects.count()
    if have >= total:
        return
    province = Unit.objects.get_or_create(
        slug="bench-tinh", defaults={"name": "Đảng bộ tỉnh Thử", "kind": "province"}
    )[0]
    wards = [
        Unit.objects.get_or_create(
            slug=f"bench-phuong-{n}",
            defaults={"name": f"Đảng bộ phường {n}", "kind": "ward", "parent": province},
        )[0]
        for n in range(20)
    ]
    term = Term.objects.get_or_create(start_year=2020, end_year=2025)[0]
    now = timezone.now()
    first = have // PER_ARTICLE
    articles = Article.objects.bulk_create(
        Article(
            title=f"Báo cáo thử {n}",
            slug=f"bench-bao-cao-{n}",
            body=BODY,
            raw_text=BODY,
            content_hash=f"{n:064d}",
            source_file=f"{n}.txt",
            source_path=f"/bench/{n}.txt",
            status="published",
            published_at=now,
        )
        for n in range(first, (total + PER_ARTICLE - 1) // PER_ARTICLE)
    )
    ArticleUnit.objects.bulk_create(
        ArticleUnit(article=a, unit=wards[a.pk % len(wards)], is_primary=True) for a in articles
    )
    batch = []
    for index in range(have, total):
        article = articles[index // PER_ARTICLE - first]
        batch.append(
            Indicator(
                article=article,
                unit=wards[index % len(wards)],
                term=term,
                year=2020 + index % 6,
                name="Tổng mức bán lẻ hàng hóa",
                key="tong muc ban le hang hoa",
                category="economy",
                kind="target" if index % 2 else "result",
                comparator="range",
                low=Decimal("17"),
                high=Decimal(18 + index % 5),
                unit_of_measure="%/năm",
                quote="tổng mức bán lẻ hàng hóa tăng 17-18%/năm",
                quote_start=120,
                source_key=f"bench-{index}",
                status="published",
                search_text=" tong muc ban le hang hoa ",
            )
        )
        if len(batch) == 5000:
            Indicator.objects.bulk_create(batch)
            batch = []
    Indicator.objects.bulk_create(batch)


def download(client: Client, url: str) -> tuple[int, int]:
    """Read the whole streamed response chunk by chunk, keeping only counts."""
    response = client.get(url)
    assert response.status_code == 200 and response.streaming, (url, response.status_code)
    size = chunks = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        chunks += 1
    response.close()
    return size, chunks


def run_archive_export() -> tuple[int, int]:
    with tempfile.TemporaryDirectory(prefix="ca_api_bench_") as folder:
        target = Path(folder) / "package"
        call_command("export_archive", str(target), stdout=io.StringIO())
        size = sum(p.stat().st_size for p in target.iterdir())
        rows = json.loads((target / "metadata.json").read_text())["files"]["indicators.jsonl"]
        return size, rows["count"]


def measure(name: str, action) -> dict:
    gc.collect()
    # Pass 1: time and resident memory.
    before = rss_mib()
    exact_peak = reset_peak_rss()
    started = time.perf_counter()
    size, chunks = action()
    seconds = time.perf_counter() - started
    peak = peak_rss_mib() if exact_peak else rss_mib()
    # Pass 2: the peak of Python allocations (tracemalloc slows the run; not timed).
    gc.collect()
    tracemalloc.start()
    action()
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "export": name,
        "bytes": size,
        "chunks_or_rows": chunks,
        "seconds": round(seconds, 2),
        "rss_before_mib": round(before, 1),
        "rss_peak_mib": round(peak, 1),
        "rss_growth_mib": round(peak - before, 1),
        "tracemalloc_peak_mib": round(traced_peak / 2**20, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    if connection.vendor != "sqlite":  # SQLite's scratch database is in memory
        connection.settings_dict["TEST"]["NAME"] = f"{old_name}_scratch"
    started = time.perf_counter()
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    setup_seconds = time.perf_counter() - started
    results = []
    try:
        client = Client()
        for size in sorted(args.sizes):
            started = time.perf_counter()
            fill(size)
            fill_seconds = time.perf_counter() - started
            for name, url in EXPORTS.items():
                row = measure(name, lambda url=url: download(client, url))
                results.append({"rows": size, "fill_seconds": round(fill_seconds, 1), **row})
                print(json.dumps(results[-1]), file=sys.stderr)
            row = measure("export_archive", run_archive_export)
            results.append({"rows": size, "fill_seconds": round(fill_seconds, 1), **row})
            print(json.dumps(results[-1]), file=sys.stderr)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    small, large = min(args.sizes), max(args.sizes)
    ratios = {}
    for name in [*EXPORTS, "export_archive"]:
        a = next(r for r in results if r["rows"] == small and r["export"] == name)
        b = next(r for r in results if r["rows"] == large and r["export"] == name)
        ratios[name] = {
            "rows_ratio": large / small,
            "tracemalloc_peak_ratio": round(
                b["tracemalloc_peak_mib"] / a["tracemalloc_peak_mib"], 2
            ),
            "rss_growth_mib": [a["rss_growth_mib"], b["rss_growth_mib"]],
        }
    print(
        json.dumps(
            {
                "database": connection.vendor,
                "server_side_cursors": connection.vendor == "postgresql"
                and not settings.DATABASES["default"].get("DISABLE_SERVER_SIDE_CURSORS", False),
                "python": platform.python_version(),
                "django": django.get_version(),
                "cpus": os.cpu_count(),
                "load_average": os.getloadavg(),
                "scratch_db_setup_seconds": round(setup_seconds, 1),
                "results": results,
                "small_vs_large": ratios,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
