"""Every public page renders published content only, with the facts readers came for."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_home(client, world):
    html = get(client, reverse("congress:home"))
    assert "Đông Lễ giảm hộ nghèo" in html
    assert "Bài nháp bí mật" not in html
    assert world["province"].get_absolute_url() in html
    assert world["t2"].get_absolute_url() in html
    assert 'name="q"' in html


def test_unit_tree_nests_to_districts_and_counts(client, world):
    html = get(client, reverse("congress:unit-list"))
    province, district = (
        html.index("Đảng bộ tỉnh Quảng Trị"),
        html.index("Đảng bộ thị xã Quảng Trị"),
    )
    assert province < district and province < html.index("Đảng bộ Khối cơ quan")
    assert "1 bài · 1 chỉ tiêu" in html[html.index("Đảng bộ Khối cơ quan") :]
    # Wards are on their district's page, which the tree links to with their number.
    assert "Đảng bộ phường Đông Lễ" not in html
    link = f'href="{world["district"].get_absolute_url()}#don-vi-truc-thuoc">1 đơn vị cấp xã</a>'
    assert link in html[district:]
    page = get(client, world["district"].get_absolute_url())
    ward = page.index("Đảng bộ phường Đông Lễ")
    assert 'id="don-vi-truc-thuoc"' in page
    assert "1 bài · 3 chỉ tiêu" in page[ward:]  # the draft is not counted


def test_a_ward_without_a_parent_stays_in_the_tree(client, world):
    from .conftest import make_unit

    make_unit("Đảng bộ xã Mồ Côi", kind="ward", slug="mo-coi")
    assert "Đảng bộ xã Mồ Côi" in get(client, reverse("congress:unit-list"))


def test_unit_page_pairs_targets_with_results(client, world):
    html = get(client, world["ward"].get_absolute_url())
    assert '<li aria-current="page">Đảng bộ phường Đông Lễ</li>' in html
    assert world["district"].get_absolute_url() in html  # breadcrumb and parent
    assert 'class="comparison status-met"' in html  # 1.5% against "under 2%"
    assert 'class="comparison status-no_result"' in html  # 32 members: no result yet
    assert "Chưa có kết quả" in html and "Đạt" in html
    assert "Nguyễn Văn Đức" in html and "Bí thư Đảng ủy phường" in html
    assert "Bài nháp" not in html


def test_unit_page_charts_a_key_across_terms(client, world):
    # the bloc's 2015-2020 result and the ward's 2020-2025 target share a key, but not a unit:
    html = get(client, world["province"].get_absolute_url())
    assert "<svg" not in html
    from .conftest import make_indicator

    make_indicator(
        world["article"], "kết nạp được 32 đảng viên mới", kind="result", value="30",
        unit=world["bloc"], term=world["t2"], key="ket nap dang vien", name="Kết nạp đảng viên",
        category="party_building", unit_of_measure="đảng viên",
    )  # fmt: skip
    html = get(client, world["bloc"].get_absolute_url())
    assert "<svg" in html and "2015-2020" in html and "2020-2025" in html
    assert "<figcaption>Kết nạp đảng viên (đảng viên)</figcaption>" in html  # the name, not the key


def test_term_page(client, world):
    html = get(client, world["t2"].get_absolute_url())
    assert "Đảng bộ phường Đông Lễ" in html
    assert "Đông Lễ giảm hộ nghèo" in html
    assert "kết nạp được 32 đảng viên mới" in html


@pytest.mark.parametrize("label", ["2099-2100", "abc", "2015-20", "2015-2020-2025", "-"])
def test_unknown_term_is_404(client, world, label):
    get(client, reverse("congress:term-detail", args=[label]), status=404)


def test_report_page_marks_each_quote_and_escapes_the_text(client, world):
    html = get(client, world["article"].get_absolute_url())
    target = world["target"]
    assert (
        f'<mark class="quote target" id="q{target.pk}"><a href="#i{target.pk}">'
        "giảm tỷ lệ hộ nghèo xuống dưới 2%</a></mark>"
    ) in html
    assert f'<li id="i{target.pk}">' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "Tác giả" in html and "Báo Thử" in html
    assert world["ward"].get_absolute_url() in html and world["t2"].get_absolute_url() in html
    assert "Nguyễn Văn Đức" in html


def test_draft_report_is_not_public(client, world):
    get(client, world["draft"].get_absolute_url(), status=404)


def test_article_list_and_its_search(client, world):
    html = get(client, reverse("congress:article-list"))
    assert "Khối cơ quan tổng kết" in html and "Bài nháp" not in html
    html = get(client, reverse("congress:article-list") + "?q=HO+NGHEO")
    assert "<mark>hộ nghèo</mark>" in html and "Khối cơ quan tổng kết" not in html


def test_person_page(client, world):
    html = get(client, reverse("congress:person-detail", args=[world["person"].slug]))
    assert "Bí thư Đảng ủy phường" in html


def test_site_search_groups_and_highlights(client, world):
    html = get(client, reverse("congress:search") + "?q=ho+ngheo")
    assert 'id="articles"' in html and 'id="indicators"' in html
    assert "<mark>hộ nghèo</mark>" in html
    assert "Bài nháp" not in html and "nháp" not in html
    html = get(client, reverse("congress:search") + "?q=duc")
    assert 'id="people"' in html and "<mark>Đức</mark>" in html
    html = get(client, reverse("congress:search") + "?q=dong+le")
    assert 'id="units"' in html


def test_site_search_suggests_when_nothing_matches(client, world):
    html = get(client, reverse("congress:search") + "?q=ho+nghoe")
    assert "Không tìm thấy kết quả nào." in html
    assert '<a href="?q=ho%20ngheo">ho ngheo</a>' in html


def test_friendly_404(client, db):
    html = get(client, "/khong-co-trang-nay/", status=404)
    assert "Không tìm thấy trang" in html
