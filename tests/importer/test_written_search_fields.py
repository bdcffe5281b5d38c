"""The import writes search text only for what a report changed: the units it created or
gave an alias, and people, whose text is written as they are created. Each must equal
what a full rebuild from the database gives."""

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


def test_people_search_text_written_with_them_equals_a_full_rebuild():
    """A new person's text is written as it is created; one named twice in a report (with
    other titles the second time), or known before, is read back."""
    from congress.extraction.records import PersonRef, ReportMetadata, ReportRecord
    from congress.importer.writer import write_report
    from congress.models import Person
    from congress.search import refresh_people

    def report(name: str, people: list[PersonRef]) -> ReportRecord:
        body = f"Báo cáo {name}."
        return ReportRecord(name, ReportMetadata(title=name), body, body, people=people)

    first = [
        PersonRef("Nguyễn Văn An", ["Bí thư Đảng ủy"]),
        PersonRef("Trần Thị Bình", ["Phó Bí thư"]),
        PersonRef("Nguyễn Văn An", ["Chủ tịch UBND"]),
    ]
    write_report(report("a.txt", first), source_path="/a.txt", status="draft", existing=None)
    second = [PersonRef("Trần Thị Bình", ["Chủ tịch HĐND"]), PersonRef("Lê Văn Cư", [])]
    write_report(report("b.txt", second), source_path="/b.txt", status="draft", existing=None)

    written = dict(Person.objects.values_list("name", "search_text"))
    refresh_people(Person.objects.all())
    assert dict(Person.objects.values_list("name", "search_text")) == written
    assert "chu tich ubnd" in written["Nguyễn Văn An"]
    assert "chu tich hdnd" in written["Trần Thị Bình"]
