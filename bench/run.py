"""The benchmark: import a synthetic corpus into PostgreSQL, time the public site, load it.

    scripts/bench                      # 1k and 10k imported; latency at 10k and 100k; HTTP 30 s
    scripts/bench --quick              # 200 reports, a few seconds of load (what CI runs)
    scripts/bench --import-sizes 1000 10000 100000   # 100k through the real import too

Steps, each printed as it finishes:

1. import: for each size N, a fresh database ``ca_bench_<N>``, migrated, then N generated
   reports (bench/corpus.py, seed 1) through ``manage.py import_reports``; reports/s end to
   end and the peak resident memory of the import's process tree (sampled every 0.1 s);
2. latency: for each size, server time p50/p95/p99 and SQL queries of the request mix
   (bench/latency.py). A size that was not imported is built by the bulk loader
   (bench/loader.py: reports extracted by the real pipeline, copied onto other units and
   terms with bulk writes, search fields filled as the import fills them);
3. http: gunicorn with 2 workers on the largest database, wrk (or a Python client) on the
   indicator search for ``--http-seconds``: requests/s, latency percentiles, errors; once
   with the page cache (``http``) and once without it (``http_uncached``).

Prints one JSON summary and appends it, with date, machine and commit, to bench/RESULTS.md.
Databases are left in place for inspection (each run drops and creates its own). Nothing passes
or fails on speed: ``targets`` in the summary says which goals were met.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from . import http
from .corpus import write_corpus
from .system import (
    DEFAULT_SERVER,
    PYTHON,
    ROOT,
    collectstatic,
    database_url,
    django_env,
    git_commit,
    machine,
    migrate,
    recreate_database,
    run_sampled,
)

RESULTS = ROOT / "bench" / "RESULTS.md"
TARGETS = {"p95_ms": 30, "import_reports_per_s": 300, "import_peak_rss_mib": 500, "http_rps": 300}
SEARCH_PATHS = ["/chi-tieu/?q=ho+ngheo", "/chi-tieu/?q=dang+vien", "/chi-tieu/?q=ngan+sach"]


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def build_imported(server: str, name: str, n: int, *, seed: int, workers: int = 0) -> dict:
    """A fresh database with ``n`` generated reports imported the normal way."""
    url = recreate_database(server, name)
    migrate(url)
    folder = Path(tempfile.mkdtemp(prefix=f"ca-bench-{n}-"))
    try:
        write_corpus(folder, n, seed)
        extra = {"IMPORT_WORKERS": str(workers)} if workers else {}
        seconds, peak, out = run_sampled(
            [PYTHON, "manage.py", "import_reports", str(folder)], django_env(url, **extra)
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    analyze(url)
    summary = re.search(r"Files: (\d+)\. Articles: (\d+) new.*?(\d+) failed", out, re.S)
    indicators = re.search(r"Indicators: (\d+) extracted", out)
    return {
        "database_url": url,
        "reports": n,
        "new": int(summary.group(2)) if summary else None,
        "failed": int(summary.group(3)) if summary else None,
        "indicators": int(indicators.group(1)) if indicators else None,
        "seconds": round(seconds, 1),
        "reports_per_s": round(n / seconds, 1),
        "peak_rss_mib": round(peak, 1),
    }


def analyze(url: str) -> None:
    """Fresh planner statistics, as autovacuum gathers them shortly after a large import."""
    import psycopg2

    conn = psycopg2.connect(url)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("ANALYZE")
    conn.close()


def build_bulk(server: str, name: str, n: int, *, seed: int) -> dict:
    url = recreate_database(server, name)
    migrate(url)
    started = time.perf_counter()
    subprocess.run(
        [PYTHON, "-m", "bench.loader", str(n), "--seed", str(seed)],
        cwd=ROOT, env=django_env(url), check=True,
    )  # fmt: skip
    return {"database_url": url, "reports": n, "seconds": round(time.perf_counter() - started)}


def existing_database(server: str, prefix: str, n: int) -> str | None:
    """A database of an earlier run holding exactly ``n`` reports: imported, else bulk."""
    import psycopg2

    for name in (f"{prefix}_{n}", f"{prefix}_bulk_{n}"):
        url = database_url(server, name)
        try:
            with psycopg2.connect(url) as conn, conn.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM congress_article")
                if cursor.fetchone()[0] == n:
                    return url
        except psycopg2.Error:
            continue
    return None


def latency(url: str, repeat: int, export_repeat: int) -> dict:
    out = subprocess.run(
        [PYTHON, "-m", "bench.latency", "--repeat", str(repeat),
         "--export-repeat", str(export_repeat)],
        cwd=ROOT, env=django_env(url), check=True, stdout=subprocess.PIPE, text=True,
    ).stdout  # fmt: skip
    return json.loads(out)


def targets(summary: dict) -> dict:
    """Each goal of issue 6: met or not, with the figure it was judged on."""
    out = {}
    for size, result in summary["latency"].items():
        pages = {name: r for name, r in result["requests"].items() if name != "csv_export"}
        worst = max((r["p95_ms"], name) for name, r in pages.items())
        out[f"p95_le_30ms_at_{size}"] = {"met": worst[0] <= TARGETS["p95_ms"], "worst": worst}
        worst = max((r["cached"]["p95_ms"], name) for name, r in pages.items())
        out[f"p95_le_30ms_cached_at_{size}"] = {
            "met": worst[0] <= TARGETS["p95_ms"],
            "worst": worst,
        }
    for size, result in summary["import"].items():
        out[f"import_ge_300_per_s_at_{size}"] = {
            "met": result["reports_per_s"] >= TARGETS["import_reports_per_s"],
            "value": result["reports_per_s"],
        }
        out[f"import_rss_lt_500mib_at_{size}"] = {
            "met": result["peak_rss_mib"] < TARGETS["import_peak_rss_mib"],
            "value": result["peak_rss_mib"],
        }
    for run in ("http", "http_uncached"):
        if summary.get(run):
            h = summary[run]
            out[f"{run}_ge_300_rps_0_errors"] = {
                "met": h["requests_per_s"] >= TARGETS["http_rps"] and h["errors"] == 0,
                "value": h["requests_per_s"],
                "errors": h["errors"],
            }
    counts = [
        {name: r["queries"] for name, r in result["requests"].items()}
        for result in summary["latency"].values()
    ]
    out["queries_constant_in_n"] = {
        "met": len(counts) > 1 and all(c == counts[0] for c in counts),
        "sizes": list(summary["latency"]),
    }
    return out


def append_results(summary: dict, note: str, kind: str = "benchmark") -> None:
    """A section of bench/RESULTS.md: date, commit, machine, then the JSON summary."""
    m = summary["machine"]
    lines = [
        f"\n## {summary['date']} — {kind} — commit {summary['commit']}"
        f"{' — ' + note if note else ''}\n",
        f"Machine: {m['cpus']} × {m['cpu']}, {m['memory_gib']} GiB, load average "
        f"{m['load_average']} at start; {m['postgresql_client']}.\n",
        "```json",
        json.dumps(summary, ensure_ascii=False, indent=1),
        "```\n",
    ]
    if not RESULTS.exists():
        RESULTS.write_text("# Benchmark results\n\nAppended by scripts/bench and scripts/soak.\n")
    with RESULTS.open("a") as f:
        f.write("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="200 reports, 3 s of load (CI)")
    parser.add_argument("--import-sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--latency-sizes", type=int, nargs="*", default=[10000, 100000])
    parser.add_argument("--http-seconds", type=float, default=30)
    parser.add_argument("--http-connections", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=30, help="samples per request")
    parser.add_argument("--workers", type=int, default=0, help="IMPORT_WORKERS for the import")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--server", default=DEFAULT_SERVER, help="PostgreSQL server URL")
    parser.add_argument("--prefix", default="ca_bench", help="prefix of the database names")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="latency sizes not imported in this run use an earlier run's database if it "
        "holds exactly that many reports",
    )
    parser.add_argument("--note", default="", help="a line for RESULTS.md")
    parser.add_argument("--no-results", action="store_true", help="do not append RESULTS.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.import_sizes, args.latency_sizes = [200], [200]
        args.http_seconds, args.repeat = 3, 5
    summary: dict = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(),
        "machine": machine(),
        "seed": args.seed,
        "import": {},
        "latency": {},
    }
    databases: dict[int, str] = {}
    collectstatic()
    for n in args.import_sizes:
        log(f"import of {n} reports …")
        result = build_imported(
            args.server, f"{args.prefix}_{n}", n, seed=args.seed, workers=args.workers
        )
        databases[n] = result.pop("database_url")
        summary["import"][str(n)] = result
        log(f"import of {n}: {json.dumps(result)}")
    for n in args.latency_sizes:
        if n not in databases and args.reuse:
            databases[n] = existing_database(args.server, args.prefix, n)
            if databases[n]:
                log(f"latency at {n}: reusing {databases[n]} (migrated to this commit)")
                migrate(databases[n])
                analyze(databases[n])
        if not databases.get(n):
            log(f"bulk load of {n} reports (latency only) …")
            built = build_bulk(args.server, f"{args.prefix}_bulk_{n}", n, seed=args.seed)
            databases[n] = built["database_url"]
            summary.setdefault("bulk_load_seconds", {})[str(n)] = built["seconds"]
        log(f"latency at {n} …")
        summary["latency"][str(n)] = latency(databases[n], args.repeat, max(2, args.repeat // 6))
        log(f"latency at {n}: {json.dumps(summary['latency'][str(n)]['requests'])}")
    if args.http_seconds and args.latency_sizes:
        n = max(args.latency_sizes)
        # With the page cache (as served), then without it (each search run in full).
        for run, cache_seconds in (("http", "600"), ("http_uncached", "0")):
            log(f"HTTP load at {n} reports for {args.http_seconds} s ({run}) …")
            with http.serve(databases[n], DJANGO_PAGE_CACHE_SECONDS=cache_seconds) as (base, _):
                http.load(base, SEARCH_PATHS, 2, 2)  # warm both workers
                summary[run] = {
                    "reports": n,
                    "paths": SEARCH_PATHS,
                    "page_cache": cache_seconds != "0",
                    **http.load(base, SEARCH_PATHS, args.http_seconds, args.http_connections),
                }
    summary["targets"] = targets(summary)
    print(json.dumps(summary, ensure_ascii=False))
    if not args.no_results:
        append_results(summary, args.note or ("quick" if args.quick else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
