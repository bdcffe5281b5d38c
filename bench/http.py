"""HTTP load on 127.0.0.1: gunicorn (2 workers) under wrk, or a small Python client.

``serve(url)`` starts gunicorn on a free local port and yields its base address;
``load(base, paths, seconds, connections)`` runs wrk when installed (``scripts/bench-deps``),
otherwise a threaded Python client, and returns requests/s, latency percentiles and errors.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from .system import ROOT, django_env, free_port

GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


READY_PATH = "/bai-viet/"


@contextlib.contextmanager
def serve(url: str, workers: int = 2, **settings: str):
    """gunicorn serving the archive on DATABASE_URL ``url``, with more settings from the
    environment (``DJANGO_PAGE_CACHE_SECONDS="0"``); yields (base address, process)."""
    port = free_port()
    env = django_env(url, DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost", **settings)
    proc = subprocess.Popen(
        [GUNICORN, "archive.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--access-logfile", "-", "--log-level", "warning", "--timeout", "60"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                # A light page: the home page counts the whole archive (seconds at 100k
                # reports without the page cache), which is not what "started" means.
                urllib.request.urlopen(base + READY_PATH, timeout=10).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()  # its stderr ends only when it does
                    raise RuntimeError(
                        f"gunicorn did not start: {proc.communicate()[1][-2000:]}"
                    ) from None
                time.sleep(0.3)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def load(base: str, paths: list[str], seconds: float, connections: int) -> dict:
    if shutil.which("wrk"):
        return _wrk(base, paths, seconds, connections)
    return _python_load(base, paths, seconds, connections)


_LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def _wrk(base: str, paths: list[str], seconds: float, connections: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_LUA % ", ".join(f'"{p}"' for p in paths))
    threads = min(2, connections)
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s",
         "--latency", "--timeout", "30s", "-s", script.name, base + paths[0]],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    Path(script.name).unlink()
    total = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    errors = (int(non_2xx.group(1)) if non_2xx else 0) + (
        sum(int(x) for x in sockets.groups()) if sockets else 0
    )
    latency = {}
    for pct in ("50", "90", "99"):
        match = re.search(rf"^\s+{pct}(?:\.000)?%\s+([\d.]+)(us|ms|s)", out, re.M)
        if match:
            value, unit = float(match.group(1)), match.group(2)
            latency[f"p{pct}_ms"] = round(
                value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 1
            )
    return {
        "tool": "wrk",
        "connections": connections,
        "seconds": seconds,
        "requests": total,
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "errors": errors,
        **latency,
    }


def _python_load(base: str, paths: list[str], seconds: float, connections: int) -> dict:
    """A closed-loop client: ``connections`` threads, each one keep-alive connection."""
    host, port = base.removeprefix("http://").split(":")
    stop = time.monotonic() + seconds
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def worker(offset: int) -> None:
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        i = offset
        mine, bad = [], 0
        while time.monotonic() < stop:
            path = paths[i % len(paths)]
            i += 1
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status >= 400:
                    bad += 1
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection(host, int(port), timeout=10)
                continue
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            times.extend(mine)
            errors[0] += bad

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    ordered = sorted(times) or [0.0]
    return {
        "tool": "python threads",
        "connections": connections,
        "seconds": seconds,
        "requests": len(times),
        "requests_per_s": round(len(times) / elapsed, 1),
        "errors": errors[0],
        "p50_ms": round(statistics.median(ordered), 1),
        "p90_ms": round(ordered[int(0.9 * (len(ordered) - 1))], 1),
        "p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))], 1),
    }
