"""An archive with something in every table and column, and helpers to compare databases."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from congress.dumps.package import DERIVED_FIELDS, TABLES
from congress.models import AdminArea, Congress, PersonAlias, Position, UnitAlias
from tests.web.conftest import make_indicator, make_person, world  # noqa: F401


@pytest.fixture
def full_archive(world):  # noqa: F811
    ward, article = world["ward"], world["article"]
    ward.area = AdminArea.objects.get(
        map="legacy",
        code=AdminArea.objects.filter(level="ward").values_list("code", flat=True).first(),
    )
    ward.edited_fields = ["name"]
    ward.save()
    world["district"].area = AdminArea.objects.filter(map="2025").first()
    world["district"].save()
    UnitAlias.objects.create(unit=ward, name="Đảng ủy phường Đông Lễ")
    article.extraction_warnings = ["ngày đăng không rõ"]
    article.edited_fields = ["title"]
    article.verified = True
    article.source_url = "https://example.org/bai/1"
    article.save()
    make_indicator(
        article, "kết nạp được 32 đảng viên mới", comparator="range", value=None,
        low="17.25", high="18.5", unit=ward, term=world["t2"], year=2023,
        created_by_editor=True, verified=True,
    )  # fmt: skip
    make_indicator(article, "kết nạp được 32 đảng viên mới", value="5", status="hidden")
    Congress.objects.create(
        unit=ward, term=world["t2"], ordinal=7, date=datetime.date(2020, 6, 12),
        delegates=120, members_represented=532, source_article=article,
    )  # fmt: skip
    Congress.objects.create(unit=world["bloc"], ordinal=2, source_article=world["draft"])
    person = world["person"]
    PersonAlias.objects.create(person=person, name="Nguyễn V. Đức")
    Position.objects.create(
        person=person, title="Chủ tịch", unit=ward, date=datetime.date(2021, 1, 2)
    )
    Position.objects.create(person=person, title="Bí mật", article=world["draft"])
    make_person("Lê Thị Ẩn", "Ủy viên", article=world["draft"])
    assert Decimal("17.25") in {i.low for i in article.indicators.all()}
    return world


def snapshot() -> dict[str, dict]:
    """Every row the package holds, field by field (derived search columns aside), by id."""
    from congress.dumps.package import published_rows

    tables = {}
    for table in TABLES:
        rows = {}
        for obj in published_rows(table):
            data = {
                field.attname: getattr(obj, field.attname)
                for field in table.model._meta.concrete_fields
                if field.name not in DERIVED_FIELDS
            }
            for field in table.model._meta.local_many_to_many:
                data[field.name] = sorted(r.pk for r in getattr(obj, field.name).all())
            rows[obj.pk] = data
        tables[table.file] = rows
    return tables


def empty_the_archive() -> None:
    """Delete all archive content and its history, leaving the gazetteer: an 'empty' database."""
    from congress.models import Unit

    for table in reversed(TABLES):
        if table.model is Unit:
            Unit.objects.update(parent=None)  # PROTECT between units
        table.model._default_manager.all().delete()
        table.model.history.model.objects.all().delete() if hasattr(
            table.model, "history"
        ) else None
