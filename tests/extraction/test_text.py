import pytest

from congress.extraction.text import fold, match_key, new_tones, sanitize, slugify_vi


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Thị uỷ viên", "Thị ủy viên"),
        ("hoà bình", "hòa bình"),
        ("TOÀ ÁN", "TÒA ÁN"),
        ("Hoà", "Hòa"),
        ("khoẻ", "khỏe"),
        ("Hoàn thành", "Hoàn thành"),  # closed syllable: both conventions agree
        ("quý", "quý"),  # "qu" + y: the mark is on y either way
        ("thuỷ lợi", "thủy lợi"),
    ],
)
def test_new_tones_rewrites_only_old_placement(old, new):
    assert new_tones(old) == new


def test_match_key_unifies_tones_case_spaces_and_ti_ty():
    assert match_key("  Quận  Uỷ ") == match_key("quận ủy") == "quận ủy"
    assert match_key("tỉ lệ hộ nghèo") == match_key("Tỷ lệ hộ nghèo")


@pytest.mark.parametrize("query", ["ho ngheo", "hộ nghèo", "HỘ NGHÈO", "Hộ   Nghèo"])
def test_fold_gives_one_search_form(query):
    assert fold(query) == "ho ngheo"


def test_fold_maps_d_stroke_and_old_tones():
    assert fold("Đảng uỷ") == fold("đảng ủy") == "dang uy"


def test_sanitize_gives_nfc_without_invisible_characters():
    nfd = "Đa\u0300ng\u200b bộ\r\nphường\x07"
    assert sanitize(nfd) == "Đàng bộ\nphường"


def test_slugify_vi():
    assert slugify_vi("Đảng bộ phường I, thị xã Quảng Trị") == "dang-bo-phuong-i-thi-xa-quang-tri"
    assert slugify_vi("!!!") == "x"
