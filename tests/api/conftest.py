"""The API's tests use the public site's small world (tests/web/conftest.py) plus a few rows
that must never be shown: hidden indicators, a draft report's congress and positions."""

from __future__ import annotations

import pytest

from congress.models import Congress, Position
from tests.web.conftest import make_article, make_indicator, make_person, world  # noqa: F401


@pytest.fixture(autouse=True)
def _unthrottled(unthrottled):
    """Every API test runs without rate limits (see ``unthrottled``)."""


@pytest.fixture
def archive(world):  # noqa: F811
    """The world, and what only editors may see."""
    hidden = make_indicator(
        world["article"], "kết nạp được 32 đảng viên mới", value="99", status="hidden",
        unit=world["ward"], term=world["t2"], name="Ẩn",
    )  # fmt: skip
    shown_congress = Congress.objects.create(
        unit=world["ward"], term=world["t2"], ordinal=5, source_article=world["article"]
    )
    draft_congress = Congress.objects.create(
        unit=world["bloc"], term=world["t1"], ordinal=3, source_article=world["draft"]
    )
    secret = make_person("Trần Bí Mật", "Phó Bí thư", unit=world["ward"], article=world["draft"])
    Position.objects.create(person=world["person"], title="Chức vụ nháp", article=world["draft"])
    return {
        **world,
        "hidden": hidden,
        "congress": shown_congress,
        "draft_congress": draft_congress,
        "secret": secret,
    }
