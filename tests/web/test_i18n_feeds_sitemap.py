"""Language switch, localised numbers and dates, Atom feeds and sitemap.xml."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_vietnamese_is_the_default(client, world):
    html = client.get(reverse("congress:home")).content.decode()
    assert '<html lang="vi">' in html and "Tra cứu chỉ tiêu" in html


def test_switching_to_english(client, world):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("congress:indicator-search")}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("congress:indicator-search")
    html = client.get(reverse("congress:indicator-search")).content.decode()
    assert '<html lang="en">' in html
    assert "Search targets and results" in html and "Download:" in html
    assert "Tra cứu chỉ tiêu và kết quả" not in html
    html = client.get(world["ward"].get_absolute_url()).content.decode()
    assert "No result yet" in html and "Met" in html


def test_numbers_follow_the_reader_locale(client, world):
    html = client.get(reverse("congress:indicator-search") + "?kind=result").content.decode()
    assert "1,5 %" in html  # Vietnamese decimal comma
    client.post(reverse("set_language"), {"language": "en"})
    html = client.get(reverse("congress:indicator-search") + "?kind=result").content.decode()
    assert "1.5 %" in html


def test_site_feed(client, world):
    response = client.get(reverse("congress:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    xml = response.content.decode()
    assert "Đông Lễ giảm hộ nghèo" in xml and "Bài nháp" not in xml
    assert "&lt;script&gt;" in xml or "<script>" not in xml


def test_unit_feed(client, world):
    xml = client.get(reverse("congress:unit-feed", args=["khoi-co-quan"])).content.decode()
    assert "Khối cơ quan tổng kết" in xml and "Đông Lễ giảm hộ nghèo" not in xml


def test_sitemap_lists_public_pages_only(client, world):
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    xml = response.content.decode()
    assert "http://testserver/bai-viet/dong-le-ho-ngheo/" in xml
    assert "http://testserver/don-vi/dong-le/" in xml
    assert "http://testserver/nhiem-ky/2020-2025/" in xml
    assert "http://testserver/chi-tieu/" in xml
    assert "/bai-viet/nhap/" not in xml


@pytest.mark.django_db
def test_vietnamese_is_the_default_whatever_the_browser_asks(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="vi"' in response.content.decode()
    client.cookies["django_language"] = "en"
    assert '<html lang="en"' in client.get("/").content.decode()
