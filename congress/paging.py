"""Counts that stop early and pagination that stays within them.

Counting every match of a broad search means reading every match: at archive scale (millions
of indicators) that is most of a request's time. A reader needs to know "1 234" or "more
than 1 000", not the exact figure of a search they will narrow anyway, so counts stop at
``COUNT_CAP`` and pages end there (the last pages of a ranked list are never read; the
downloads still hold every row).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_CAP = 1000


def capped_count(queryset, cap: int | None = None) -> tuple[int, bool]:
    """``(count, capped)``: the number of rows up to ``cap``, and whether there are more.

    One ``SELECT COUNT(*) FROM (… LIMIT cap + 1)``: the database stops at cap + 1 rows.
    """
    cap = COUNT_CAP if cap is None else cap
    count = queryset.order_by().values("pk")[: cap + 1].count()  # no rank, no sort
    return min(count, cap), count > cap


class CappedPaginator(Paginator):
    """A paginator whose count stops at ``COUNT_CAP``: pages beyond it do not exist."""

    @cached_property
    def _capped_count(self) -> tuple[int, bool]:
        return capped_count(self.object_list)

    @property
    def count(self) -> int:
        return self._capped_count[0]

    @property
    def capped(self) -> bool:
        """True when there are more rows than ``count``."""
        return self._capped_count[1]
