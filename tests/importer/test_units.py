"""Finding or creating a report's units, and telling the writer which ones changed (their
search text is rewritten after the report, and only theirs)."""

import pytest

from congress.extraction.records import UnitRef
from congress.importer.units import remembered_areas, resolve_unit
from congress.models import AdminArea, AdminMap, Unit
from congress.search import refresh_units

pytestmark = pytest.mark.django_db


def ward_ref(name: str) -> UnitRef:
    area = AdminArea.objects.filter(map=AdminMap.LEGACY, level="ward").order_by("code").first()
    return UnitRef(name=name, kind="ward", gazetteer_code=area.code)


def search_texts() -> dict[int, str]:
    return dict(Unit.objects.values_list("pk", "search_text"))


def test_units_created_or_given_an_alias_are_reported_as_touched():
    first = ward_ref("Đảng bộ phường Một")
    touched: set[int] = set()
    ward = resolve_unit(first, touched)
    # The ward, its district and its province were created with it.
    assert touched == {ward.pk, ward.parent_id, ward.parent.parent_id}

    touched.clear()
    assert resolve_unit(first, touched) == ward
    assert touched == set()  # nothing new: no search text to rewrite

    renamed = UnitRef(
        name="Đảng bộ phường Số Một", kind="ward", gazetteer_code=first.gazetteer_code
    )
    assert resolve_unit(renamed, touched) == ward
    assert touched == {ward.pk}  # a new alias: the ward is found by it from now on


def test_refreshing_the_touched_units_alone_leaves_every_unit_as_a_full_rebuild_would():
    touched: set[int] = set()
    ward = resolve_unit(ward_ref("Đảng bộ phường Một"), touched)
    resolve_unit(ward_ref("Đảng bộ phường Số Một"), touched)
    refresh_units(Unit.objects.filter(pk__in=touched))
    written = search_texts()
    refresh_units(Unit.objects.all())
    assert search_texts() == written
    assert " so mot " in written[ward.pk]


def test_an_import_run_reads_each_official_unit_once(django_assert_max_num_queries):
    ref = ward_ref("Đảng bộ phường Một")
    with remembered_areas():
        resolve_unit(ref)
        with django_assert_max_num_queries(2):  # the unit by its area; its alias
            resolve_unit(ref)
