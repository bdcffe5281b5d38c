"""Reports written after the 1 July 2025 reorganisation name units of the 2025 map."""

from datetime import datetime

import pytest

from congress.extraction import extract_report, written_after_reorganisation
from congress.extraction.dates import VIETNAM

COMMUNE_2025 = """Đại hội Đảng bộ xã Hòa Vang lần thứ I, nhiệm kỳ 2025 - 2030
Thứ bảy, 16/08/2025 - 10:12
Sáng 16/8, Đảng bộ xã Hòa Vang, thành phố Đà Nẵng tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025 - 2030. Đây là đại hội đầu tiên của Đảng bộ xã sau khi sắp xếp đơn vị hành chính.
Nhiệm kỳ 2025 - 2030, Đảng bộ xã phấn đấu thu nhập bình quân đầu người đến năm 2030 đạt trên 100 triệu đồng.
"""

DISTRICT_2020 = """Đại hội Đảng bộ huyện Hòa Vang lần thứ XXII, nhiệm kỳ 2020 - 2025
Thứ sáu, 10/07/2020 - 10:12
Sáng 10/7, Đảng bộ huyện Hòa Vang, thành phố Đà Nẵng tổ chức Đại hội đại biểu lần thứ XXII, nhiệm kỳ 2020 - 2025 với sự tham dự của 250 đại biểu.
"""

LOOK_BACK_2025 = """Nhìn lại chặng đường của Đảng bộ huyện Thạch Hà trước khi kết thúc hoạt động
Thứ bảy, 16/08/2025 - 10:12
Đảng bộ huyện Thạch Hà, tỉnh Hà Tĩnh đã kết thúc hoạt động cấp huyện. Nhiệm kỳ 2020 - 2025, huyện Thạch Hà kết nạp được 820 đảng viên mới, có 100% xã đạt chuẩn nông thôn mới.
"""


def primary(raw):
    record = extract_report(raw, "probe.txt")
    unit = record.units[0]
    assert unit.primary
    return unit


def test_a_commune_after_july_2025_is_on_the_2025_map_under_its_province():
    unit = primary(COMMUNE_2025)
    assert (unit.kind, unit.locality, unit.gazetteer_map) == ("ward", "xã Hòa Vang", "2025")
    assert unit.gazetteer_code and unit.gazetteer_code == unit.gazetteer_code.strip()
    assert (unit.parent_code, unit.province_code, unit.province) == ("48", "48", "Đà Nẵng")


def test_the_same_name_before_2025_is_the_former_district():
    unit = primary(DISTRICT_2020)
    assert (unit.kind, unit.locality, unit.gazetteer_map) == (
        "district",
        "huyện Hòa Vang",
        "legacy",
    )
    assert unit.province == "Đà Nẵng"


def test_a_look_back_at_a_former_district_keeps_the_older_map():
    unit = primary(LOOK_BACK_2025)
    assert (unit.kind, unit.locality, unit.gazetteer_map) == (
        "district",
        "huyện Thạch Hà",
        "legacy",
    )
    assert unit.province == "Hà Tĩnh"


@pytest.mark.parametrize(
    ("published_at", "terms", "after"),
    [
        (datetime(2025, 7, 1, tzinfo=VIETNAM), [], True),
        (datetime(2025, 6, 30, 23, 59, tzinfo=VIETNAM), ["2025-2030"], False),
        (None, ["2020-2025", "2025-2030"], True),
        (None, ["2020-2025"], False),
        (None, [], False),
    ],
)
def test_written_after_reorganisation(published_at, terms, after):
    assert written_after_reorganisation(published_at, terms) is after


def test_a_special_zone_is_a_ward_level_unit_of_the_2025_map():
    unit = primary(
        "Đại hội Đảng bộ đặc khu Phú Quốc lần thứ I, nhiệm kỳ 2025 - 2030\n20/08/2025 09:00\n"
        "Sáng 20/8, Đảng bộ đặc khu Phú Quốc, tỉnh An Giang khai mạc Đại hội đại biểu lần thứ I."
    )
    assert (unit.kind, unit.locality, unit.province, unit.gazetteer_map) == (
        "ward",
        "đặc khu Phú Quốc",
        "An Giang",
        "2025",
    )


def test_a_bloc_dated_by_a_copied_header_after_2025_still_takes_its_publication_date():
    raw = (
        "Thứ Hai, 23/11/2026\nĐảng ủy Khối các cơ quan tỉnh Quảng Ninh: Đại hội thành công\n"
        "Cập nhật lúc 16:45, 28/07/2020\nNgày 28/7, Đảng bộ Khối các cơ quan tỉnh Quảng Ninh tổ "
        "chức Đại hội đại biểu lần thứ IV, nhiệm kỳ 2020-2025."
    )
    record = extract_report(raw, "probe.txt")
    bloc = record.units[0]
    assert (bloc.kind, bloc.province_code, bloc.gazetteer_map) == ("bloc", "22", "legacy")
    assert str(record.congresses[0].date) == "2020-07-28"


def test_a_bloc_of_a_merged_province_after_2025_keeps_the_older_map():
    raw = (
        "Đảng bộ Khối các cơ quan tỉnh Quảng Bình nhìn lại một nhiệm kỳ\n16/08/2025 10:00\n"
        "Nhiệm kỳ 2020-2025, Đảng bộ Khối các cơ quan tỉnh Quảng Bình kết nạp 420 đảng viên."
    )
    bloc = extract_report(raw, "probe.txt").units[0]
    assert (bloc.kind, bloc.province, bloc.gazetteer_map) == ("bloc", "Quảng Bình", "legacy")
