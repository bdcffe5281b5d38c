"""Unit pages show where a unit stands across the 1 July 2025 reorganisation."""

import pytest

from congress.importer.units import unit_for_area
from congress.models import AdminArea, AdminMap
from tests.web.conftest import make_unit

pytestmark = pytest.mark.django_db


def test_a_former_ward_links_to_the_2025_ward_it_joined(client):
    former = AdminArea.objects.filter(map=AdminMap.LEGACY, level="ward").exclude(successor=None)
    former = next(a for a in former[:200] if a.successor.name != a.name)
    old_unit = unit_for_area(former)
    new_unit = unit_for_area(former.successor)

    page = client.get(old_unit.get_absolute_url()).content.decode()
    assert "Từ 1/7/2025 thuộc:" in page
    assert f'<a href="{new_unit.get_absolute_url()}">{former.successor.name}</a>' in page

    page = client.get(new_unit.get_absolute_url()).content.decode()
    assert "Hình thành ngày 1/7/2025 từ:" in page
    assert f'<a href="{old_unit.get_absolute_url()}">{former.name}</a>' in page


def test_a_unit_without_a_map_says_nothing_of_it(client):
    unit = make_unit("Đảng bộ Khối Doanh nghiệp", kind="bloc")
    page = client.get(unit.get_absolute_url()).content.decode()
    assert "1/7/2025" not in page
