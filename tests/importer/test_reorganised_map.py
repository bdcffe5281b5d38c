"""Importing reports of both maps: a 2025 commune sits under the province that kept its name."""

import pytest

from congress.models import AdminMap, ArticleUnit, Unit, UnitKind
from tests.extraction.test_reorganised_map import COMMUNE_2025, DISTRICT_2020

pytestmark = pytest.mark.django_db


def primary_unit(name: str) -> Unit:
    link = ArticleUnit.objects.select_related("unit__area", "unit__parent").get(
        article__source_file=name, is_primary=True
    )
    return link.unit


def test_commune_of_2025_and_district_of_2020_share_their_province(run_import, tmp_path):
    (tmp_path / "district-2020.txt").write_text(DISTRICT_2020, encoding="utf-8")
    (tmp_path / "commune-2025.txt").write_text(COMMUNE_2025, encoding="utf-8")
    code, _, err = run_import(tmp_path)
    assert code == 0, err

    district = primary_unit("district-2020.txt")
    commune = primary_unit("commune-2025.txt")
    assert (district.kind, district.area.map) == (UnitKind.DISTRICT, AdminMap.LEGACY)
    assert (commune.kind, commune.area.map) == (UnitKind.WARD, AdminMap.MAP_2025)
    assert commune.name == "Đảng bộ xã Hòa Vang"
    assert commune.parent == district.parent
    assert commune.parent.kind == UnitKind.PROVINCE
    assert Unit.objects.filter(kind=UnitKind.PROVINCE, name__contains="Đà Nẵng").count() == 1
