"""HTML and JavaScript in anything imported or edited is shown as text on every page: the
report, lists, unit and person pages, both searches, feeds, the API and the admin."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from congress.models import Article, Indicator, Person, Unit
from tests.admin.conftest import change_form_data

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
PAYLOADS = (SCRIPT, IMG)
RAW_MARKUP = (b"<script>alert(", b"<img src=x", b"onerror=alert(2)>")

REPORT = f"""Đại hội Đảng bộ phường Đông Lễ {SCRIPT} lần thứ XV, nhiệm kỳ 2020-2025 {IMG}

Thứ Hai, 15/06/2020 08:00 (GMT+7)

Đại hội Đảng bộ phường Đông Lễ, thị xã Đông Hà, tỉnh Quảng Trị lần thứ XV, nhiệm kỳ 2020-2025
đã diễn ra {SCRIPT}. Nhiệm kỳ qua, tỷ lệ hộ nghèo {IMG} giảm còn 1,5%; kết nạp được 32 đảng
viên {SCRIPT} mới. Nhiệm kỳ 2020-2025, phấn đấu thu ngân sách {IMG} tăng 10%/năm.

Đồng chí Nguyễn Văn An, Bí thư Đảng ủy phường {SCRIPT} phát biểu tại Đại hội.

Nguồn: {IMG}
"""


@pytest.fixture
def hostile(tmp_path, run_import, admin_client):
    """A report full of markup, imported; then markup typed into the admin on every name."""
    path = tmp_path / f"{SCRIPT}.txt".replace("/", "")
    path.write_text(REPORT, encoding="utf-8")
    code, _, err = run_import(path)
    assert code == 0, err
    article = Article.objects.get()
    assert SCRIPT in article.body  # stored as written: escaping is the pages' job
    edit(admin_client, article, title=f"Tiêu đề {SCRIPT}{IMG}", author=IMG, source_name=SCRIPT)
    unit = article.primary_unit
    edit(admin_client, unit, name=f"Đảng bộ phường {IMG}", locality=SCRIPT)
    person = Person.objects.first() or Person.objects.create(name="Ai", slug="ai", name_key="ai")
    edit(admin_client, person, name=f"Nguyễn {SCRIPT}")
    indicator = Indicator.objects.filter(article=article).first()
    edit(admin_client, indicator, name=f"Chỉ tiêu {IMG}", unit_of_measure=SCRIPT[:40])
    cache.clear()
    return {"article": article, "unit": unit, "person": person, "indicator": indicator}


def edit(client, obj, **values) -> None:
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    data = change_form_data(client.get(url))
    data.update(values)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    obj.refresh_from_db()
    for name, value in values.items():
        assert getattr(obj, name) == value


def assert_escaped(content: bytes, url: str) -> None:
    for markup in RAW_MARKUP:
        assert markup not in content, (url, markup)


def pages(objects) -> list[str]:
    article, unit, person, indicator = (
        objects[k] for k in ("article", "unit", "person", "indicator")
    )
    return [
        "/", "/bai-viet/", article.get_absolute_url(), unit.get_absolute_url(), "/don-vi/",
        f"/can-bo/{person.slug}/", "/nhiem-ky/2020-2025/", "/tim-kiem/?q=script",
        "/tim-kiem/?q=alert", "/tim-kiem/?q=img", f"/tim-kiem/?q={SCRIPT}",
        "/chi-tieu/?q=chi+tieu", "/chi-tieu/", "/feed/", f"{unit.get_absolute_url()}feed/",
        "/chi-tieu/chi-tieu.csv", "/chi-tieu/chi-tieu.json",
    ]  # fmt: skip


def test_public_pages_show_markup_as_text(client, hostile):
    for url in pages(hostile):
        response = client.get(url)
        assert response.status_code == 200, url
        content = b"".join(response) if response.streaming else response.content
        kind = response["Content-Type"]
        if kind.startswith("text/html"):
            assert_escaped(content, url)
        # CSV and JSON downloads carry the text as it is, but never as a page.
        assert kind.split(";")[0] in {
            "text/html", "application/atom+xml", "text/csv", "application/json"
        }, (url, kind)  # fmt: skip
        assert response["X-Content-Type-Options"] == "nosniff"
        if kind.startswith("application/atom+xml"):
            assert_escaped(content, url)  # XML-escaped in the feed's text


def test_the_escaped_text_is_still_shown(client, hostile):
    html = client.get(hostile["article"].get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in html


def test_the_api_answers_json_only(client, hostile, unthrottled):
    for url in ["/api/reports/", f"/api/reports/{hostile['article'].slug}/", "/api/indicators/",
                "/api/units/", "/api/people/", "/api/indicators/?format=csv"]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].split(";")[0] in {"application/json", "text/csv"}
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "Content-Security-Policy" in response
    response = client.get("/api/reports/", HTTP_ACCEPT="text/html")
    assert not response["Content-Type"].startswith("text/html")  # no browsable HTML API
    cache.clear()


def test_admin_pages_show_markup_as_text(admin_client, hostile):
    article, unit = hostile["article"], hostile["unit"]
    urls = [
        reverse("admin:congress_article_changelist"),
        reverse("admin:congress_article_change", args=[article.pk]),
        reverse("admin:congress_article_history", args=[article.pk]),
        reverse("admin:congress_unit_changelist"),
        reverse("admin:congress_unit_change", args=[unit.pk]),
        reverse("admin:congress_indicator_changelist"),
        reverse("admin:congress_indicator_change", args=[hostile["indicator"].pk]),
        reverse("admin:congress_person_changelist"),
        reverse("admin:congress_article_changelist") + f"?q={SCRIPT}",
    ]
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content, url)
    assert Unit.objects.filter(name__contains=IMG).exists()
