import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congress.extraction.dates import fold_same_length
from congress.extraction.sentences import search_form
from congress.extraction.text import (
    CharTable,
    fold,
    match_key,
    new_tones,
    sanitize,
    slugify_vi,
    strip_accents,
)


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


def _strip_accents_by_definition(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_strip_accents_translation_table_matches_its_definition(text):
    # strip_accents goes through a per-character table for speed; it must agree with the
    # whole-text definition (NFD, combining marks dropped, NFC) on any text.
    assert strip_accents(text) == _strip_accents_by_definition(text)


def test_strip_accents_on_vietnamese_and_combining_sequences():
    assert strip_accents("Đảng bộ phường Hoà Khánh") == "Dang bo phuong Hoa Khanh"
    assert strip_accents("nghe\u0300o") == "ngheo"  # a decomposed accent


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_same_length_forms_keep_every_offset(text):
    assert len(fold_same_length(text)) == len(text)
    assert len(search_form(text)) == len(text)


def test_char_table_stops_growing_at_its_limit():
    table = CharTable(str.upper, limit=3)
    assert "abcdef".translate(table) == "ABCDEF"
    assert len(table) == 3
