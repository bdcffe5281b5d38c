"""Small data builders for the public site's tests; every row is published unless asked."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from django.utils import timezone

from congress.models import Article, ArticleUnit, Indicator, Person, Position, Term, Unit
from congress.search import refresh_search_fields

_seq = itertools.count(1)


def make_unit(name, *, kind="ward", parent=None, slug=None) -> Unit:
    n = next(_seq)
    return Unit.objects.create(
        name=name, kind=kind, parent=parent, slug=slug or f"unit-{n}", locality=name
    )


def make_term(start, end) -> Term:
    return Term.objects.get_or_create(start_year=start, end_year=end)[0]


def make_article(title, body="", *, units=(), terms=(), status="published", slug=None):
    n = next(_seq)
    article = Article.objects.create(
        title=title,
        slug=slug or f"bai-{n}",
        body=body or title,
        raw_text=body or title,
        content_hash=f"{n:064d}",
        source_file=f"{n}.txt",
        source_path=f"/tmp/{n}.txt",
        status=status,
        published_at=timezone.now(),
        author="Tác giả",
        source_name="Báo Thử",
    )
    for index, unit in enumerate(units):
        ArticleUnit.objects.create(article=article, unit=unit, is_primary=index == 0)
    article.terms.set(terms)
    refresh_search_fields(article)
    return article


def make_indicator(
    article, quote, *, kind="target", value="10", unit=None, term=None, refresh=True, **extra
):
    body = article.body
    start = body.find(quote)
    fields = {
        "name": quote[:60],
        "key": extra.pop("key", quote[:60]),
        "category": "economy",
        "comparator": "eq",
        "value": Decimal(value) if value is not None else None,
        "unit_of_measure": "%",
        "status": "published",
        **extra,
    }
    indicator = Indicator.objects.create(
        article=article,
        unit=unit,
        term=term,
        kind=kind,
        quote=quote,
        quote_start=max(start, 0),
        source_key=f"k{next(_seq)}",
        **fields,
    )
    if refresh:
        refresh_search_fields(article)
    return indicator


def make_person(name, title, *, unit=None, article=None) -> Person:
    person = Person.objects.create(name=name, slug=f"nguoi-{next(_seq)}")
    Position.objects.create(person=person, title=title, unit=unit, article=article)
    if article is not None:
        refresh_search_fields(article)
    return person


POVERTY_BODY = (
    "Đại hội Đảng bộ phường Đông Lễ nhiệm kỳ 2020-2025.\n"
    "Phấn đấu giảm tỷ lệ hộ nghèo xuống dưới 2% vào cuối nhiệm kỳ.\n"
    "Kết quả: tỷ lệ hộ nghèo còn 1,5%; kết nạp được 32 đảng viên mới.\n"
    "Ủy ban phường <script>alert(1)</script> đã hoàn thành."
)


@pytest.fixture
def world(db):
    """A province › district › ward, a bloc, two terms, a report with a target and a result."""
    province = make_unit("Đảng bộ tỉnh Quảng Trị", kind="province", slug="quang-tri")
    district = make_unit("Đảng bộ thị xã Quảng Trị", kind="district", parent=province, slug="tx-qt")
    ward = make_unit("Đảng bộ phường Đông Lễ", kind="ward", parent=district, slug="dong-le")
    bloc = make_unit("Đảng bộ Khối cơ quan", kind="bloc", parent=province, slug="khoi-co-quan")
    other = make_unit("Đảng bộ tỉnh Cần Thơ", kind="province", slug="can-tho")
    t1, t2 = make_term(2015, 2020), make_term(2020, 2025)
    article = make_article(
        "Đông Lễ giảm hộ nghèo", POVERTY_BODY, units=[ward], terms=[t2], slug="dong-le-ho-ngheo"
    )
    target = make_indicator(
        article,
        "giảm tỷ lệ hộ nghèo xuống dưới 2%",
        kind="target",
        value="2",
        comparator="le",
        unit=ward,
        term=t2,
        key="ty le ho ngheo",
        name="Tỷ lệ hộ nghèo",
    )
    result = make_indicator(
        article,
        "tỷ lệ hộ nghèo còn 1,5%",
        kind="result",
        value="1.5",
        unit=ward,
        term=t2,
        key="ty le ho ngheo",
        name="Tỷ lệ hộ nghèo",
        year=2024,
    )
    members = make_indicator(
        article,
        "kết nạp được 32 đảng viên mới",
        kind="target",
        value="32",
        unit=ward,
        term=t2,
        key="ket nap dang vien",
        name="Kết nạp đảng viên",
        category="party_building",
        unit_of_measure="đảng viên",
    )
    old = make_article(
        "Khối cơ quan tổng kết",
        "Khối cơ quan kết nạp 12 đảng viên trong nhiệm kỳ.",
        units=[bloc],
        terms=[t1],
        slug="khoi-tong-ket",
    )
    old_ind = make_indicator(
        old,
        "kết nạp 12 đảng viên",
        kind="result",
        value="12",
        unit=bloc,
        term=t1,
        key="ket nap dang vien",
        name="Kết nạp đảng viên",
        category="party_building",
        unit_of_measure="đảng viên",
    )
    draft = make_article(
        "Bài nháp bí mật hộ nghèo", "hộ nghèo nháp", units=[ward], status="draft", slug="nhap"
    )
    make_indicator(draft, "hộ nghèo nháp", unit=ward, term=t2)
    person = make_person("Nguyễn Văn Đức", "Bí thư Đảng ủy phường", unit=ward, article=article)
    return {
        "province": province, "district": district, "ward": ward, "bloc": bloc, "other": other,
        "t1": t1, "t2": t2, "article": article, "old": old, "draft": draft,
        "target": target, "result": result, "members": members, "old_ind": old_ind,
        "person": person,
    }  # fmt: skip
