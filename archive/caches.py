"""The cache, from the environment (``DJANGO_CACHE_URL``).

Unset, each worker process keeps its own cache in memory: enough for one worker, and the
page cache is correct with any number of workers (its pages are keyed by a content version
kept in the database). With several workers, a shared Redis server makes every worker count
the API's rate limits together (in memory each worker would allow the full rate) and
serve the pages any of them built.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

LOCAL = "django.core.cache.backends.locmem.LocMemCache"
REDIS = "django.core.cache.backends.redis.RedisCache"
REDIS_SCHEMES = ("redis", "rediss", "unix")


def caches_from_url(url: str | None, *, max_entries: int) -> dict:
    """``CACHES`` for ``url``: unset or ``locmem://`` for memory, ``redis://host:port/db``
    (or ``rediss://``, ``unix://``) for a Redis server."""
    url = (url or "").strip()
    scheme = url.split("://", 1)[0].lower() if "://" in url else url.lower()
    if scheme in ("", "locmem"):
        return {"default": {"BACKEND": LOCAL, "OPTIONS": {"MAX_ENTRIES": max_entries}}}
    if scheme in REDIS_SCHEMES:
        # The key prefix keeps this site's keys apart on a server other programs use too.
        return {"default": {"BACKEND": REDIS, "LOCATION": url, "KEY_PREFIX": "congress"}}
    raise ImproperlyConfigured(
        f"DJANGO_CACHE_URL {url!r} is not a cache this site can use: give "
        "redis://host:6379/0 (shared by every worker) or leave it unset (each worker's memory)."
    )
