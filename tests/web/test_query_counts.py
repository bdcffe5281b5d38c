"""The number of SQL queries per page does not grow with the number of rows."""

import pytest
from django.urls import reverse

from .conftest import make_article, make_indicator, make_person, make_term, make_unit

pytestmark = pytest.mark.django_db


def grow(world, n):
    """n more wards, each with a report, two indicators and an official."""
    for i in range(n):
        ward = make_unit(f"Đảng bộ xã Thử {i}", kind="ward", parent=world["district"])
        article = make_article(
            f"Hộ nghèo ở xã {i}", f"Giảm hộ nghèo còn {i}%.", units=[ward], terms=[world["t2"]]
        )
        make_indicator(
            article,
            f"hộ nghèo còn {i}%",
            kind="result",
            value=str(i),
            unit=ward,
            term=world["t2"],
            refresh=False,
        )
        make_indicator(
            article,
            "Giảm hộ nghèo",
            kind="target",
            value="1",
            unit=ward,
            term=make_term(2010, 2015),
            refresh=False,
        )
        make_person(f"Người {i}", "Bí thư", unit=world["district"], article=article)


def pages(world):
    return [
        reverse("congress:home"),
        reverse("congress:unit-list"),
        world["district"].get_absolute_url(),
        world["province"].get_absolute_url(),
        world["t2"].get_absolute_url(),
        reverse("congress:term-list"),
        reverse("congress:article-list"),
        reverse("congress:article-list") + "?q=ho+ngheo",
        world["article"].get_absolute_url(),
        reverse("congress:indicator-search"),
        reverse("congress:indicator-search") + "?q=ho+ngheo&province=quang-tri&sort=-value",
        reverse("congress:search") + "?q=ho+ngheo",
        reverse("congress:search") + "?q=khong+co+gi+het",
        reverse("congress:feed"),
        reverse("sitemap"),
    ]


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(captured)


def test_queries_do_not_grow_with_rows(client, world):
    grow(world, 5)
    small = {url: count_queries(client, url) for url in pages(world)}
    grow(world, 15)
    large = {url: count_queries(client, url) for url in pages(world)}
    assert large == small


@pytest.mark.parametrize("n", [4, 12])
def test_indicator_search_query_bound(client, world, django_assert_max_num_queries, n):
    grow(world, n)
    with django_assert_max_num_queries(14):
        client.get(reverse("congress:indicator-search") + "?q=ho+ngheo&unit=quang-tri")


@pytest.mark.parametrize("n", [4, 12])
def test_unit_page_query_bound(client, world, django_assert_max_num_queries, n):
    grow(world, n)
    with django_assert_max_num_queries(14):
        client.get(world["district"].get_absolute_url())


@pytest.mark.parametrize("n", [4, 12])
def test_csv_query_bound(client, world, django_assert_max_num_queries, n):
    grow(world, n)
    with django_assert_max_num_queries(4):
        b"".join(client.get(reverse("congress:indicator-csv")).streaming_content)


def test_queries_do_not_change_when_results_pass_the_count_cap(client, world, monkeypatch):
    """Past the cap, facets list values without counts: the same number of queries as
    counted facets, so that a page's cost does not jump when the archive grows."""
    from congress import filters, paging

    grow(world, 6)
    urls = [
        reverse("congress:indicator-search") + "?term=2020-2025",
        reverse("congress:indicator-search") + "?q=ho+ngheo",
    ]
    counted = {url: count_queries(client, url) for url in urls}
    monkeypatch.setattr(paging, "COUNT_CAP", 3)
    monkeypatch.setattr(filters, "COUNT_CAP", 3)
    capped = {url: count_queries(client, url) for url in urls}
    assert capped == counted
