"""Merging a duplicate unit or person moves everything to the one kept, in one transaction."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from congress.models import (
    Article,
    ArticleUnit,
    Congress,
    Indicator,
    Person,
    PersonAlias,
    Position,
    Term,
    Unit,
    UnitAlias,
)
from congress.services.merge import MergeError, merge_people, merge_units

pytestmark = pytest.mark.django_db


def make_unit(name, kind="ward", parent=None, **extra):
    return Unit.objects.create(
        name=name, kind=kind, parent=parent, slug=name.lower().replace(" ", "-"), **extra
    )


def make_article(n: int) -> Article:
    return Article.objects.create(
        title=f"Bài {n}", slug=f"bai-{n}", body="Tỷ lệ hộ nghèo giảm còn 1%.", raw_text="x",
        content_hash=f"h{n}", source_file=f"{n}.txt", source_path=f"/r/{n}.txt",
    )  # fmt: skip


def make_indicator(article, unit) -> Indicator:
    return Indicator.objects.create(
        article=article, unit=unit, name="Tỷ lệ hộ nghèo", key="ty le ho ngheo", kind="result",
        value=Decimal(1), unit_of_measure="%", quote="hộ nghèo giảm còn 1%", quote_start=7,
        source_key=f"k{article.pk}",
    )  # fmt: skip


@pytest.fixture
def units():
    province = make_unit("Tỉnh A", kind="province")
    keep = make_unit("Phường 1", parent=province, locality="phường 1")
    dup = make_unit("Phường I", parent=province, admin_type="phường")
    UnitAlias.objects.create(unit=dup, name="Đảng ủy phường I")
    UnitAlias.objects.create(unit=keep, name="Phường Một")
    return province, keep, dup


def test_merge_units_moves_everything(units):
    province, keep, dup = units
    shared, only_dup, only_keep = make_article(1), make_article(2), make_article(3)
    ArticleUnit.objects.create(article=shared, unit=keep, is_primary=False)
    ArticleUnit.objects.create(article=shared, unit=dup, is_primary=True)
    ArticleUnit.objects.create(article=only_dup, unit=dup, is_primary=True)
    ArticleUnit.objects.create(article=only_keep, unit=keep, is_primary=True)
    indicator = make_indicator(only_dup, dup)
    term = Term.objects.create(start_year=2015, end_year=2020)
    Congress.objects.create(unit=keep, ordinal=7)
    Congress.objects.create(unit=dup, ordinal=7, term=term, delegates=120,
                            date=datetime.date(2015, 5, 1), source_article=only_dup)  # fmt: skip
    Congress.objects.create(unit=dup, ordinal=8, delegates=130)
    person = Person.objects.create(name="Nguyễn Văn A", slug="nguyen-van-a")
    position = Position.objects.create(person=person, title="Bí thư", unit=dup)
    child = make_unit("Chi bộ khu 1", kind="bloc", parent=dup)

    result = merge_units(keep=keep, duplicate=dup)

    assert not Unit.objects.filter(pk=dup.pk).exists()
    links = ArticleUnit.objects.filter(article=shared)
    assert [(link.unit_id, link.is_primary) for link in links] == [(keep.pk, True)]
    assert ArticleUnit.objects.get(article=only_dup).unit == keep
    assert ArticleUnit.objects.get(article=only_keep).is_primary
    indicator.refresh_from_db()
    assert indicator.unit == keep
    seventh = Congress.objects.get(unit=keep, ordinal=7)
    assert (seventh.term, seventh.delegates, seventh.date, seventh.source_article) == (
        term, 120, datetime.date(2015, 5, 1), only_dup,
    )  # fmt: skip
    assert Congress.objects.get(unit=keep, ordinal=8).delegates == 130
    assert Congress.objects.count() == 2
    position.refresh_from_db()
    child.refresh_from_db()
    assert position.unit == keep and child.parent == keep
    assert sorted(keep.aliases.values_list("name", flat=True)) == [
        "Phường I", "Phường Một", "Đảng ủy phường I",
    ]  # fmt: skip
    assert result.aliases_added == ["Phường I", "Đảng ủy phường I"]
    keep.refresh_from_db()
    assert keep.admin_type == "phường" and keep.locality == "phường 1"
    assert " phuong i " in keep.search_text
    assert result.moved == {"article links": 2, "indicators": 1, "congresses": 2,
                            "positions": 1, "child units": 1}  # fmt: skip
    assert indicator.history.latest().unit_id == keep.pk


def test_merging_a_parent_into_its_child_keeps_the_tree(units):
    province, keep, _dup = units
    district = make_unit("Quận B", kind="district", parent=province)
    ward = make_unit("Phường B", parent=district)
    merge_units(keep=ward, duplicate=district)
    ward.refresh_from_db()
    assert ward.parent == province


def test_refused_merges(units):
    province, keep, dup = units
    with pytest.raises(MergeError, match="là một"):
        merge_units(keep=keep, duplicate=keep)
    with pytest.raises(MergeError, match="không thể gộp cấp trên vào cấp dưới"):
        merge_units(keep=province, duplicate=keep)
    assert Unit.objects.count() == 3


def test_a_failing_merge_changes_nothing(units, monkeypatch):
    _province, keep, dup = units
    article = make_article(1)
    ArticleUnit.objects.create(article=article, unit=dup, is_primary=True)

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("congress.services.merge.refresh_units", explode)
    with pytest.raises(RuntimeError):
        merge_units(keep=keep, duplicate=dup)
    assert Unit.objects.filter(pk=dup.pk).exists()
    assert ArticleUnit.objects.get(article=article).unit == dup
    assert not keep.aliases.filter(name="Phường I").exists()


def test_merge_people():
    keep = Person.objects.create(name="Nguyễn Văn A", slug="a")
    dup = Person.objects.create(name="Nguyễn văn A.", slug="a-2")
    PersonAlias.objects.create(person=dup, name="đồng chí Nguyễn Văn A")
    article, unit = make_article(1), make_unit("Phường 1")
    Position.objects.create(person=keep, title="Bí thư", article=article)
    Position.objects.create(person=dup, title="Bí thư", article=article, unit=unit,
                            date=datetime.date(2020, 1, 1))  # fmt: skip
    Position.objects.create(person=dup, title="Chủ tịch", article=article)
    result = merge_people(keep=keep, duplicate=dup)
    assert not Person.objects.filter(pk=dup.pk).exists()
    positions = {p.title: p for p in keep.positions.all()}
    assert sorted(positions) == ["Bí thư", "Chủ tịch"]
    assert positions["Bí thư"].unit == unit
    assert positions["Bí thư"].date == datetime.date(2020, 1, 1)
    assert sorted(keep.aliases.values_list("name", flat=True)) == [
        "Nguyễn văn A.", "đồng chí Nguyễn Văn A",
    ]  # fmt: skip
    assert result.moved == {"positions": 2}
    keep.refresh_from_db()
    assert " chu tich " in keep.search_text


def test_merge_from_the_admin_asks_then_merges(editor_client, units):
    _province, keep, dup = units
    url = reverse("admin:congress_unit_changelist")
    selected = {"action": "merge_two", "_selected_action": [keep.pk, dup.pk]}
    page = editor_client.post(url, selected)
    assert page.status_code == 200
    assert page.templates[0].name == "admin/congress/merge_confirmation.html"
    content = page.content.decode()
    assert "Phường 1" in content and "Phường I" in content
    assert Unit.objects.filter(pk=dup.pk).exists()

    response = editor_client.post(url, {**selected, "confirm": "1", "keep": keep.pk})
    assert response.status_code == 302
    assert not Unit.objects.filter(pk=dup.pk).exists()
    assert keep.aliases.filter(name="Phường I").exists()
    messages = [str(m) for m in editor_client.get(url).context["messages"]]
    assert any(m.startswith("Đã gộp “Phường I” vào “Phường 1”") for m in messages)


def test_merge_action_needs_exactly_two(editor_client, units):
    province, keep, dup = units
    url = reverse("admin:congress_unit_changelist")
    response = editor_client.post(
        url, {"action": "merge_two", "_selected_action": [province.pk, keep.pk, dup.pk]},
        follow=True,
    )  # fmt: skip
    assert "Hãy chọn đúng hai mục để gộp." in [str(m) for m in response.context["messages"]]
    assert Unit.objects.count() == 3


def test_merge_people_from_the_admin(editor_client):
    keep = Person.objects.create(name="Trần Thị B", slug="b")
    dup = Person.objects.create(name="Tran Thi B", slug="b-2")
    url = reverse("admin:congress_person_changelist")
    response = editor_client.post(
        url, {"action": "merge_two", "_selected_action": [keep.pk, dup.pk], "confirm": "1",
              "keep": keep.pk},
    )  # fmt: skip
    assert response.status_code == 302
    assert list(Person.objects.values_list("name", flat=True)) == ["Trần Thị B"]
    assert list(keep.aliases.values_list("name", flat=True)) == ["Tran Thi B"]
