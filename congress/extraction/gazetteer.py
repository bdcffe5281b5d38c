"""The official administrative units (pre-2025 map) as a plain in-memory index."""

from __future__ import annotations

from functools import lru_cache


class Gazetteer:
    pass


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer()
