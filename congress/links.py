"""Addresses of the archive's pages, remembered per view and key."""

from __future__ import annotations

from functools import lru_cache

from django.urls import get_script_prefix, reverse


def page_url(view: str, key: str) -> str:
    """``reverse(view, args=[key])``, remembered: a page of results links every row's unit,
    term and report, and ``reverse`` was a tenth of the time it took to render one. The
    address depends only on the URL configuration (fixed while the site runs), the script
    prefix (part of the key) and the key."""
    return _page_url(get_script_prefix(), view, key)


@lru_cache(maxsize=50_000)
def _page_url(prefix: str, view: str, key: str) -> str:
    return reverse(view, args=[key])
