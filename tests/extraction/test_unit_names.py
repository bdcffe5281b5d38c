import pytest

from congress.extraction.unit_names import bare_name, canonical_type, fold_key, is_number, name_key


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("TP", "thành phố"),
        ("TP.", "thành phố"),
        ("Tp.", "thành phố"),
        ("T.P", "thành phố"),
        ("Thành Phố", "thành phố"),
        ("TX.", "thị xã"),
        ("thị xã", "thị xã"),
        ("TT", "thị trấn"),
        ("Q.", "quận"),
        ("H.", "huyện"),
        ("P.", "phường"),
        ("Xã", "xã"),
        ("Tỉnh", "tỉnh"),
    ],
)
def test_canonical_type(written, canonical):
    assert canonical_type(written) == canonical


@pytest.mark.parametrize("written", ["Khối", "ấp", "thôn", ""])
def test_canonical_type_rejects_other_words(written):
    assert canonical_type(written) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("I", "1"),
        ("01", "1"),
        ("XII", "12"),
        ("Hoà Bình", "Hòa Bình"),
        ("HÀ LẦM", "Hà Lầm"),
        ("Phan Rang-Tháp Chàm", "Phan Rang - Tháp Chàm"),
        ("Cư M’gar", "Cư M'gar"),
    ],
)
def test_name_key_equal(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_keeps_letters_that_are_not_unit_numbers():
    assert name_key("C") == "c"  # 100 in Roman numerals: no unit has that number
    assert name_key("Vĩnh") == "vĩnh"


def test_fold_key_matches_the_dataset_keys():
    assert fold_key("TX. Phúc Yên") == "txphucyen"
    assert fold_key("Huyện Ia H'Drai") == "huyeniahdrai"


def test_bare_name():
    assert bare_name("Phường 1", "phường") == "1"
    assert bare_name("Phường Phường Đúc", "phường") == "Phường Đúc"
    assert bare_name("Thị xã Quảng Trị", "thị xã") == "Quảng Trị"


def test_is_number_is_ascii_only():
    assert is_number("12")
    assert not is_number("²")
    assert not is_number("1a")
