"""Counts stop at a cap: "Hơn N kết quả", pages within it, facets uncounted beyond it."""

import pytest
from django.urls import reverse

from congress import paging, search

from .conftest import make_article, make_indicator

pytestmark = pytest.mark.django_db
URL = reverse("congress:indicator-search")


@pytest.fixture
def cap(monkeypatch):
    """A cap of 2 (rank window 3): the small world is then a 'large' result."""
    monkeypatch.setattr(paging, "COUNT_CAP", 2)
    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    monkeypatch.setattr("congress.filters.COUNT_CAP", 2)


def test_capped_count_says_whether_there_are_more(world):
    from congress.models import Indicator

    rows = Indicator.objects.all()
    total = rows.count()
    assert paging.capped_count(rows, cap=total) == (total, False)
    assert paging.capped_count(rows, cap=total - 1) == (total - 1, True)


def test_below_the_cap_the_count_is_exact(client, world):
    response = client.get(URL)
    assert response.context["total_capped"] is False
    assert f"{response.context['total']} kết quả" in response.content.decode()


def test_above_the_cap_the_page_says_more_than(client, world, cap):
    response = client.get(URL + "?per_page=25")
    html = response.content.decode()
    assert response.context["total"] == 2 and response.context["total_capped"] is True
    assert "Hơn 2 kết quả" in html
    # Facets list every value, without counts, rather than counting every match.
    facets = response.context["facets"]
    assert {k for k, _l, _n in facets["kind"]} == {"target", "result"}
    assert all(n is None for values in facets.values() for _v, _l, n in values)
    assert '<span class="count">' not in html


def test_pages_end_at_the_cap(client, world, cap):
    response = client.get(URL + "?per_page=25&page=99")
    assert response.status_code == 200
    assert response.context["paginator"].num_pages == 1
    assert len(response.context["indicators"]) == 2


def test_a_ranked_search_above_the_cap(client, world, cap):
    article = make_article("Hộ nghèo", "hộ nghèo a. hộ nghèo b. hộ nghèo c. hộ nghèo d.")
    for quote in ("hộ nghèo a", "hộ nghèo b", "hộ nghèo c", "hộ nghèo d"):
        make_indicator(article, quote)
    response = client.get(URL + "?q=ho+ngheo")
    assert response.context["total_capped"] is True
    assert "Hơn 2 kết quả" in response.content.decode()


def test_downloads_hold_every_match_whatever_the_cap(client, world, cap):
    response = client.get(reverse("congress:indicator-csv") + "?q=ho+ngheo")
    lines = b"".join(response.streaming_content).decode().strip().splitlines()
    without_cap = search.parse_query("ho ngheo")
    assert without_cap
    from congress.models import Indicator

    expected = search.search(Indicator.objects.published(), without_cap).count()
    assert len(lines) - 1 == expected


def test_article_list_above_the_cap(client, world, cap):
    make_article("Một bài nữa")
    html = client.get(reverse("congress:article-list")).content.decode()
    assert "Hơn 2 bài viết" in html


def test_term_page_paginates_its_reports(client, world, monkeypatch):
    from congress import selectors

    monkeypatch.setattr(selectors, "TERM_PAGE_REPORTS", 1)
    make_article("Bài thứ hai của nhiệm kỳ", terms=[world["t2"]])
    url = world["t2"].get_absolute_url()
    first = client.get(url)
    assert first.context["paginator"].num_pages >= 2
    assert len(first.context["articles"]) == 1
    second = client.get(url + "?page=2")
    assert second.context["articles"][0].pk != first.context["articles"][0].pk
    assert 'rel="prev"' in second.content.decode()
    assert client.get(url + "?page=x").status_code == 200


def test_term_page_lists_units_by_name_with_their_reports_of_the_term(client, world, monkeypatch):
    from congress import selectors

    t1, t2, ward = world["t1"], world["t2"], world["ward"]
    make_article("Báo cáo thứ hai của phường", units=[ward], terms=[t2])
    make_article("Báo cáo nhiệm kỳ trước", units=[ward], terms=[t1])  # another term
    make_article("Bản nháp", units=[world["other"]], terms=[t2], status="draft")
    response = client.get(t2.get_absolute_url())
    units = response.context["units"]
    assert [u.name for u in units] == ["Đảng bộ phường Đông Lễ"]  # not the draft's unit
    assert units[0].report_count == 2  # this term's reports only
    assert not response.context["units_capped"]

    make_article("Báo cáo của khối", units=[world["bloc"]], terms=[t2])
    monkeypatch.setattr(selectors, "TERM_PAGE_UNITS", 1)
    response = client.get(t2.get_absolute_url())
    assert [u.name for u in response.context["units"]] == ["Đảng bộ Khối cơ quan"]
    assert response.context["units_capped"]


def test_unit_page_shows_the_latest_indicators_and_links_to_all(client, world, monkeypatch):
    from congress import selectors

    monkeypatch.setattr(selectors, "UNIT_PAGE_INDICATORS", 2)
    ward = world["ward"]
    response = client.get(ward.get_absolute_url())
    assert response.context["indicators_shown"] == 2
    assert response.context["indicator_count"] == 3
    html = response.content.decode()
    assert f'href="{reverse("congress:indicator-search")}?unit={ward.slug}"' in html
    shown = {
        ind.pk
        for group in response.context["groups"]
        for comparison in group.comparisons
        for ind in [comparison.target, *comparison.results]
        if ind is not None
    }
    assert world["target"].pk not in shown  # the oldest of the three
