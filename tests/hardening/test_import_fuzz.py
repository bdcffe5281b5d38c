"""Fuzzing the import with the database: damaged seed reports written to files and imported.
No exception escapes, a failed file is named with its reason and leaves nothing behind, an
imported one fits every column (PostgreSQL enforces lengths and digits) and re-imports as
unchanged."""

from __future__ import annotations

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congress.importer.service import import_reports
from congress.models import Article, Indicator

from .mutations import damaged_report

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    """Undo one example's writes, so that every example starts from an empty archive."""


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(files=st.lists(damaged_report(), min_size=1, max_size=3))
def test_damaged_reports_import_cleanly_or_fail_with_their_name(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("damaged")
    paths = []
    for index, data in enumerate(files):
        path = folder / f"report-{index}.txt"
        path.write_bytes(data)
        paths.append(path)
    try:
        with transaction.atomic():
            summary = import_reports([folder])
            assert len(summary.outcomes) == len(paths)
            for outcome in summary.outcomes:
                assert outcome.path in paths
                stored = Article.objects.filter(source_file=outcome.path.name)
                if outcome.status == "failed":
                    assert outcome.reason.strip()
                    assert not stored.exists()  # nothing written for a rejected file
                else:
                    assert outcome.status in {"new", "unchanged"}, outcome
                    assert stored.exists() or outcome.status == "unchanged"
            # Written values are read back whole (nothing silently cut by the database).
            for article in Article.objects.all():
                assert (
                    article.indicators.count() == Indicator.objects.filter(article=article).count()
                )
            again = import_reports([folder])
            assert {o.status for o in again.outcomes} <= {"unchanged", "failed"}
            assert [o.status == "failed" for o in again.outcomes] == [
                o.status == "failed" for o in summary.outcomes
            ]
            raise Rollback
    except Rollback:
        pass


LONG = " ".join(["Cơ Quan Doanh Nghiệp"] * 80)
OVERSIZED = (
    f"Đại hội Đảng bộ Khối {LONG} tỉnh Quảng Trị lần thứ V, nhiệm kỳ 2020-2025\n\n"
    f"Đại hội Đảng bộ Khối {LONG} tỉnh Quảng Trị lần thứ V, nhiệm kỳ 2020-2025 đã diễn ra. "
    "Năm 2020, tổng thu ngân sách đạt 99999999999999999999999 tỷ đồng; tỷ lệ hộ nghèo giảm "
    "còn 1,123456789%. Kết nạp được 999999999999999 đảng viên mới.\n"
)


def test_oversized_names_and_figures_fit_the_columns(tmp_path):
    """Found by the fuzzing on PostgreSQL: a 1,700-character bloc name (Unit.name is 200)
    and a 23-digit figure (the column holds 16) made the database refuse the report."""
    path = tmp_path / "oversized.txt"
    path.write_text(OVERSIZED, encoding="utf-8")
    summary = import_reports([path])
    assert [o.status for o in summary.outcomes] == ["new"], summary.outcomes[0].reason
    numbers = [
        n
        for i in Indicator.objects.filter(article__source_file="oversized.txt")
        for n in (i.value, i.low, i.high)
        if n is not None
    ]
    assert 999999999999999 in numbers  # 15 digits: still a figure
    assert all(abs(n) < 10**15 for n in numbers)  # the 23 digits are not
    assert import_reports([path]).outcomes[0].status == "unchanged"
