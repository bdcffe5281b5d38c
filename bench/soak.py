"""Soak: gunicorn (2 workers) and PostgreSQL under 64 concurrent connections, on 127.0.0.1.

Bounded: ``--seconds`` (60 by default) of load over a fixed mix of public pages, then the
server is stopped. The workers' resident memory is sampled every second; the result says
the requests, errors and RSS at start, middle and end. Memory is flat when the last third
grows by less than ``--max-growth-mib`` (default 10 MiB) per worker.

    scripts/soak --record              # 60 s, 64 connections; appended to bench/RESULTS.md
    scripts/soak --seconds 5           # the short form CI runs
    scripts/soak --database ca_bench_10000   # serve an existing database instead

Without ``--database`` it builds its own small database (``ca_bench_soak``: 200 synthetic
reports imported) first. Five seconds of load warm the workers before sampling starts.
Memory is judged on runs of 30 s or more (``memory_flat`` is null on shorter ones). Prints JSON; exit status 1 on any error or growing memory.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import threading
import time
import urllib.request
from datetime import UTC, datetime

import psutil

from . import http
from .system import DEFAULT_SERVER, collectstatic, database_url, git_commit, machine

PATHS = [
    "/chi-tieu/?q=ho+ngheo",
    "/chi-tieu/?term=2020-2025&kind=target",
    "/tim-kiem/?q=ngan+sach",
    "/nhiem-ky/2020-2025/",
    "/don-vi/",
    "/",
    "/bai-viet/",
]


def worker_rss(master: int) -> list[float]:
    try:
        children = psutil.Process(master).children()
    except psutil.NoSuchProcess:
        return []
    out = []
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            out.append(round(child.memory_info().rss / 2**20, 1))
    return sorted(out)


def soak(url: str, seconds: float, connections: int, max_growth: float, warmup: float) -> dict:
    samples: list[tuple[float, list[float]]] = []
    with http.serve(url) as (base, proc):
        if warmup:  # first requests fill the workers' caches (templates, translations)
            http.load(base, PATHS, warmup, connections)
            # The requests still queued when the warm-up stops are served before this one.
            urllib.request.urlopen(base + "/", timeout=120).read()
        done = threading.Event()

        def sample() -> None:
            started = time.monotonic()
            while not done.is_set():
                samples.append((round(time.monotonic() - started, 1), worker_rss(proc.pid)))
                done.wait(1.0)

        sampler = threading.Thread(target=sample)
        sampler.start()
        result = http.load(base, PATHS, seconds, connections)
        done.set()
        sampler.join()
    rss = [s for _t, s in samples if s]
    workers = min((len(r) for r in rss), default=0)
    cut = max(1, (2 * len(rss)) // 3)
    # Flat: the last third never rises above what the first two thirds reached (warm-up).
    growth = [
        max(0.0, max(r[i] for r in rss[cut:] or rss[-1:]) - max(r[i] for r in rss[:cut]))
        for i in range(workers)
    ]
    result.update(
        worker_rss_mib={
            "start": rss[0] if rss else [],
            "middle": rss[len(rss) // 2] if rss else [],
            "end": rss[-1] if rss else [],
            "max": [max(r[i] for r in rss) for i in range(workers)],
        },
        rss_samples=len(rss),
        last_third_growth_mib=[round(g, 1) for g in growth],
        # Judged on long runs only: in a few seconds the workers are still warming up.
        memory_flat=all(g < max_growth for g in growth) if seconds >= 30 else None,
    )
    result["ok"] = (
        result["errors"] == 0 and result["memory_flat"] is not False and result["requests"] > 0
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--server", default=DEFAULT_SERVER, help="PostgreSQL server URL")
    parser.add_argument("--database", help="an existing database on the server to serve")
    parser.add_argument("--warmup", type=float, default=5, help="seconds of load not sampled")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--max-growth-mib", type=float, default=10.0)
    parser.add_argument("--record", action="store_true", help="append to bench/RESULTS.md")
    parser.add_argument("--note", default="", help="a line for RESULTS.md")
    args = parser.parse_args(argv)
    if not 1 <= args.seconds <= 600 or not 1 <= args.connections <= 256:
        parser.error("--seconds must be 1…600 and --connections 1…256")
    collectstatic()
    if args.database:
        url = database_url(args.server, args.database)
    else:
        from .run import build_imported

        url = build_imported(args.server, "ca_bench_soak", 200, seed=1)["database_url"]
    started = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(),
        "machine": machine(),
        "database": url.rsplit("/", 1)[-1],
        "paths": PATHS,
    }
    result = {
        **started,
        **soak(url, args.seconds, args.connections, args.max_growth_mib, args.warmup),
    }
    print(json.dumps(result))
    if args.record:
        from .run import append_results

        append_results(result, args.note, kind="soak")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
