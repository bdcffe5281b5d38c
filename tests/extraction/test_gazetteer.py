import pytest

from congress.extraction.gazetteer import (
    AdminUnit,
    Gazetteer,
    default_gazetteer,
    iter_2025_units,
    iter_legacy_units,
    iter_successions,
)


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def labels(units):
    return [(u.label, u.code) for u in units]


@pytest.mark.parametrize(
    ("type_word", "name", "expected"),
    [
        ("phường", "Hà Lầm", [("phường Hà Lầm", "06670")]),
        ("TP", "Hạ Long", [("thành phố Hạ Long", "193")]),
        ("thị xã", "Quảng Trị", [("thị xã Quảng Trị", "462")]),
        ("quận", "Hai Bà Trưng", [("quận Hai Bà Trưng", "007")]),
        ("huyện", "Krông Búk", [("huyện Krông Búk", "649")]),
        ("thành phố", "Vinh", [("thành phố Vinh", "412")]),
        ("Q.", "10", [("quận 10", "771")]),
        ("tỉnh", "Hoà Bình", [("tỉnh Hòa Bình", "17")]),
        ("TP.", "HCM", [("thành phố Hồ Chí Minh", "79")]),
        ("tỉnh", "Đăk Lăk", [("tỉnh Đắk Lắk", "66")]),
        ("tỉnh", "Thừa Thiên - Huế", [("tỉnh Thừa Thiên Huế", "46")]),
        # older names from the dataset's alias columns
        ("huyện", "Hoành Bồ", [("thành phố Hạ Long", "193")]),
        ("thị xã", "Phúc Yên", [("thành phố Phúc Yên", "244")]),
        ("thành phố", "Ninh Bình", [("thành phố Hoa Lư", "374")]),
        ("quận", "2", [("thành phố Thủ Đức", "769")]),
    ],
)
def test_find(gaz, type_word, name, expected):
    assert labels(gaz.find(type_word, name)) == expected


def test_roman_and_padded_ward_numbers_find_the_numbered_wards(gaz):
    roman = gaz.find("phường", "I")
    assert roman == gaz.find("phường", "01") == gaz.find("phường", "1")
    assert ("phường 1", "19357") in labels(roman)  # Phường 1 of thị xã Quảng Trị
    assert len(roman) > 20


def test_a_type_of_the_wrong_level_finds_nothing(gaz):
    assert gaz.find("tỉnh", "Hai Bà Trưng") == []
    assert gaz.find("phường", "Núi Không Có") == []
    assert gaz.find("Khối", "Doanh nghiệp") == []
    assert gaz.find("xã", "") == []


def test_parent_chain_and_codes(gaz):
    ward = gaz.find("phường", "Hà Lầm")[0]
    assert ward.level == "ward" and ward.type == "phường" and ward.name == "Phường Hà Lầm"
    assert [u.label for u in gaz.ancestors(ward)] == ["thành phố Hạ Long", "tỉnh Quảng Ninh"]
    assert ward.parent_code == "193" and ward.province_code == "22"
    assert gaz.province_of(ward).bare == "Quảng Ninh"


def test_children_named(gaz):
    district = gaz.find("huyện", "Đồng Phú")[0]
    assert labels(gaz.children_named(district, "Tân Phú")) == [("thị trấn Tân Phú", "25363")]


def test_province_official_name_and_type(gaz):
    assert gaz.province_official("Cần Thơ") == ("Thành phố Cần Thơ", "thành phố")
    assert gaz.province_official("tỉnh Quảng Trị") == ("Tỉnh Quảng Trị", "tỉnh")
    assert gaz.province_official("TP HCM") == ("Thành phố Hồ Chí Minh", "thành phố")
    assert gaz.province_official("45") == ("Tỉnh Quảng Trị", "tỉnh")
    assert gaz.province_official("Hai Bà Trưng") is None


def test_small_invented_map():
    province = AdminUnit("99", "province", "tỉnh", "Tỉnh Núi Xanh", "Núi Xanh", "99")
    district = AdminUnit("999", "district", "huyện", "Huyện Suối Đá", "Suối Đá", "99")
    ward = AdminUnit("99999", "ward", "phường", "Phường 3", "3", "99", "999")
    gaz = Gazetteer.from_units(
        [province, district, ward], aliases=[("district", "huyện Đá Cũ", "999")]
    )
    assert gaz.find("P.", "III") == [ward]
    assert gaz.find("huyện", "Suoi Da") == [district]  # accent-free fallback
    assert gaz.find("huyện", "Đá Cũ") == [district]  # older name
    assert gaz.find("thị xã", "Suối Đá") == [district]  # another type of the same level
    assert gaz.ancestors(ward) == [district, province]
    assert len(gaz) == 3


def test_legacy_units_for_the_loader():
    units = list(iter_legacy_units())
    by_key = {(u["level"], u["code"]): u for u in units}
    assert len([u for u in units if u["level"] == "province"]) == 63
    assert by_key[("ward", "19357")] == {
        "code": "19357",
        "level": "ward",
        "type": "phường",
        "name": "Phường 1",
        "short_name": "Phường 1",
        "parent_code": "462",
    }
    assert by_key[("district", "462")]["type"] == "thị xã"
    assert by_key[("province", "92")]["type"] == "thành phố"
    assert {u["type"] for u in units} == {
        "tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn",
    }  # fmt: skip


def test_2025_units_for_the_loader():
    units = list(iter_2025_units())
    assert len([u for u in units if u["level"] == "province"]) == 34
    assert {u["type"] for u in units if u["level"] == "ward"} == {"phường", "xã", "đặc khu"}
    assert all(u["parent_code"] for u in units if u["level"] == "ward")


def test_successions():
    pairs = dict(iter_successions())
    assert pairs["45"] == "44"  # tỉnh Quảng Trị joined Quảng Bình under code 44
    assert pairs["93"] == "92"  # Hậu Giang joined Cần Thơ
    wards = {old: new for old, new in pairs.items() if len(old) == 5}
    assert len(wards) == 10035  # every old ward has one successor
    new_codes = {u["code"] for u in iter_2025_units() if u["level"] == "ward"}
    assert set(wards.values()) <= new_codes
