"""Bad query strings get a clean page or a 404, never a 500; input is always escaped."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

HOSTILE = [
    "?page=x",
    "?page=999999",
    "?page=-5",
    "?q=" + "hộ nghèo " * 1200,
    "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    '?q="unterminated',
    "?q=%00%01%02",
    "?q=-",
    "?q=%22%22",
    "?q=' OR 1=1 --",
    "?q=%25%5F%5C",
    "?term=%00&unit=../../etc&province=1&unit_kind=zz&category[]=1&sort=-unknown",
    "?year_from=99999999999999999999&year_to=-1",
    "?q=a&q=b&page=1&page=2",
]
PAGES = [
    "congress:home",
    "congress:search",
    "congress:indicator-search",
    "congress:article-list",
    "congress:unit-list",
    "congress:term-list",
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("query", HOSTILE)
def test_never_a_server_error(client, world, page, query):
    response = client.get(reverse(page) + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html


def test_script_in_query_is_shown_escaped(client, world):
    html = client.get(reverse("congress:search") + "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").content
    assert b'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in html


@pytest.mark.parametrize(
    "url",
    ["/don-vi/khong-co/", "/bai-viet/khong-co/", "/nhiem-ky/9999-9999/", "/can-bo/khong-co/",
     "/don-vi/khong-co/feed/", "/nhiem-ky/%00/"],
)  # fmt: skip
def test_unknown_objects_are_404(client, world, url):
    assert client.get(url).status_code == 404
