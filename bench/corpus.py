"""A synthetic corpus of congress reports, seeded so that every run writes the same files.

Each report is written the way the archived news pages are: a site menu and a date line
before the article, a title, an opening that names the Party organisation, its congress and
its term ("Đại hội đại biểu Đảng bộ phường X, huyện Y lần thứ VII, nhiệm kỳ 2015 – 2020"), the
officials present, then targets and results in prose and in dashed lists, and a trailer of
page furniture (ratings, comment counters, share buttons). Units come from the official
gazetteer (pre-2025 map): provinces, their districts and wards, plus blocs ("Đảng bộ Khối Cơ
quan tỉnh …"). Terms run from 2010–2015 to 2025–2030. Old tone placement ("Đảng uỷ", "hoà"),
doubled spaces, non-breaking spaces and Windows line ends are mixed in, as in the seeds.

Pure Python: ``generate_report(seed, index)`` returns ``(file name, text)``;
``write_corpus(folder, n, seed)`` writes the files. No Django.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TERMS = [(2010, 2015), (2015, 2020), (2020, 2025), (2025, 2030)]
ORDINALS = ["III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV"]
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]  # fmt: skip
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Xuân", "Hồng"]
GIVEN = ["Hiếu", "Lan", "Nam", "Hùng", "Dũng", "Hoa", "Tuấn", "Hải", "Bình", "Yến", "Sơn",
         "Thắng", "Phong", "Duyên", "Nga", "Long", "Trung", "Mai", "Khánh", "Tâm"]  # fmt: skip
BLOCS = ["Cơ quan", "Doanh nghiệp", "Các cơ quan", "Dân Chính Đảng", "Cơ quan Dân Chính Đảng"]
SOURCES = ["Báo Tin tức địa phương", "Cổng thông tin điện tử", "Báo Đảng bộ", "Trang tin huyện"]

# (sentence, category): {a}…{d} are numbers drawn per report; each sentence states one
# target or one result in the ways the seeds do (a share, a growth rate, a count, money).
RESULTS = [
    "tổng mức bán lẻ hàng hóa tăng {a}%/năm",
    "thu ngân sách nhà nước trên địa bàn đạt {b},{c} tỷ đồng",
    "giá trị sản xuất công nghiệp tăng {a},{c}% so với cùng kỳ",
    "tỷ lệ hộ nghèo giảm còn {d},{c}%",
    "kết nạp được {e} đảng viên mới",
    "thu nhập bình quân đầu người đạt {b} triệu đồng/người/năm",
    "tỷ lệ gia đình văn hóa đạt {f}%",
    "tỷ lệ người dân tham gia bảo hiểm y tế đạt {f},{c}%",
    "giải quyết việc làm cho {g} lao động",
    "có {d} trường học đạt chuẩn quốc gia",
    "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt {f}%",
    "tổng vốn đầu tư toàn xã hội đạt {g} tỷ đồng",
    "tỷ lệ thu gom rác thải đạt {f}%",
    "giao quân đạt {h}% chỉ tiêu",
    "xây dựng mới {e} km đường giao thông nông thôn",
    "tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng giảm còn {d},{c}%",
    "diện tích lúa đạt {g} ha",
    "tổng sản lượng lương thực đạt {g} tấn",
    "tỷ lệ lao động qua đào tạo đạt {f}%",
    "tỷ lệ hộ dùng nước sạch đạt {f}%",
]
TARGETS = [
    "tốc độ tăng trưởng kinh tế bình quân đạt {a}-{i}%/năm",
    "phấn đấu thu ngân sách tăng bình quân {a}%/năm",
    "giảm tỷ lệ hộ nghèo xuống dưới {d}%",
    "kết nạp từ {e} đảng viên trở lên",
    "thu nhập bình quân đầu người đến năm {y} đạt {b} triệu đồng",
    "tỷ lệ gia đình văn hóa đạt trên {f}%",
    "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ hằng năm đạt {f}% trở lên",
    "tỷ lệ người dân tham gia bảo hiểm y tế đạt {f}%",
    "giải quyết việc làm mới cho {g} lao động",
    "tỷ lệ lao động qua đào tạo đạt {f}%",
    "tỷ lệ hộ dùng nước sạch đạt {h}%",
    "tổng vốn đầu tư toàn xã hội đạt {g} tỷ đồng",
    "có thêm {d} trường học đạt chuẩn quốc gia",
    "hoàn thành {h}% chỉ tiêu giao quân hằng năm",
    "tỷ lệ thu gom rác thải đạt trên {f}%",
]
FILLER = [
    "Công tác xây dựng Đảng, xây dựng hệ thống chính trị được quan tâm thường xuyên; vai trò "
    "lãnh đạo của cấp uỷ, sự điều hành của chính quyền được nâng lên.",
    "An ninh chính trị, trật tự an toàn xã hội được giữ vững; công tác quốc phòng, quân sự "
    "địa phương được tăng cường.",
    "Các lĩnh vực văn hoá - xã hội có nhiều chuyển biến tích cực; công tác y tế, chăm sóc sức "
    "khỏe nhân dân được tăng cường, an sinh xã hội được bảo đảm.",
    "Bên cạnh kết quả đạt được, vẫn còn những hạn chế: chuyển dịch cơ cấu kinh tế còn chậm, "
    "chất lượng sinh hoạt chi bộ ở một số nơi chưa cao.",
    "Phát huy dân chủ và sức mạnh đại đoàn kết toàn dân, huy động và sử dụng có hiệu quả các "
    "nguồn lực cho đầu tư phát triển.",
]
MENUS = [
    "Trang chủ | Giới thiệu | Tin tức | Hoạt động Đảng | Liên hệ",
    "TRANG CHỦ  TIN TỨC - SỰ KIỆN  XÂY DỰNG ĐẢNG  VĂN BẢN",
    "Hoạt động Đảng",
]
TRAILERS = [
    "Tổng số điểm của bài viết là: 0 trong 0 đánh giá\n\nClick để đánh giá bài viết",
    "Ý kiến bạn đọc\n\nBạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập.",
    "Chia sẻ  Facebook  Twitter  In bài",
    "Bình luận (0)\n\nTin liên quan",
]


@dataclass(frozen=True)
class Place:
    kind: str  # ward / district / province / bloc
    code: str  # gazetteer code of the unit (of its province for a bloc)
    name: str  # as the report writes it after "Đảng bộ": "phường 1, thị xã Quảng Trị"
    short: str  # "phường 1"
    province: str  # "tỉnh Quảng Trị"


@lru_cache(maxsize=1)
def gazetteer_places() -> tuple[list, dict, dict]:
    """(provinces, districts by province, wards by district) from the official unit lists."""
    from congress.extraction.gazetteer_data import iter_legacy_units

    provinces, districts, wards = [], {}, {}
    for unit in iter_legacy_units():
        short = unit["short_name"]
        if short.lower().startswith(unit["type"] + " "):  # "Phường 1" is its own short name
            short = short[len(unit["type"]) + 1 :]
        label = f"{unit['type']} {short}"
        row = (unit["code"], label, unit["parent_code"])
        if unit["level"] == "province":
            provinces.append(row)
        elif unit["level"] == "district":
            districts.setdefault(unit["parent_code"], []).append(row)
        else:
            wards.setdefault(unit["parent_code"], []).append(row)
    return provinces, districts, wards


def pick_place(rng: random.Random) -> Place:
    provinces, districts, wards = gazetteer_places()
    code, province, _ = rng.choice(provinces)
    roll = rng.random()
    if roll < 0.05:
        return Place("province", code, province, province, province)
    if roll < 0.12:
        bloc = f"Khối {rng.choice(BLOCS)} {province}"
        return Place("bloc", code, bloc, bloc, province)
    district_code, district, _ = rng.choice(districts[code])
    if roll < 0.3 or not wards.get(district_code):
        return Place("district", district_code, f"{district}, {province}", district, province)
    ward_code, ward, _ = rng.choice(wards[district_code])
    return Place("ward", ward_code, f"{ward}, {district}, {province}", ward, province)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _numbers(rng: random.Random, year: int) -> dict:
    a = rng.randint(5, 15)
    return {
        "a": a, "b": rng.randint(20, 900), "c": rng.randint(1, 9), "d": rng.randint(1, 9),
        "e": rng.randint(10, 400), "f": rng.randint(70, 99), "g": rng.randint(100, 9000),
        "h": rng.randint(95, 100), "i": a + rng.randint(1, 3), "y": year,
    }  # fmt: skip


def _noise(rng: random.Random, text: str) -> str:
    """The seeds' noise: old tone placement, doubled and non-breaking spaces."""
    if rng.random() < 0.5:
        text = text.replace("Đảng ủy", "Đảng uỷ").replace("hóa", "hoá")
    if rng.random() < 0.3:
        text = text.replace(". ", ".  ", 3)
    if rng.random() < 0.2:
        text = text.replace(" đạt ", "\u00a0đạt ", 2)
    return text


def generate_report(seed: int, index: int) -> tuple[str, str]:
    """One report: ``(file name, text)``; the same seed and index give the same text."""
    rng = random.Random(f"{seed}:{index}")
    place = pick_place(rng)
    start, end = rng.choice(TERMS)
    ordinal = rng.choice(ORDINALS)
    year = min(start, 2025)
    month, day = rng.randint(3, 10), rng.randint(1, 28)
    hour, minute = rng.randint(7, 18), rng.randint(0, 59)
    org = f"Đảng bộ {place.name}"
    secretary, deputy, guest = _person(rng), _person(rng), _person(rng)
    delegates, members = rng.randint(80, 350), rng.randint(300, 9000)
    title = rng.choice(
        [
            f"Đại hội đại biểu Đảng bộ {place.short} lần thứ {ordinal}, nhiệm kỳ {start} - {end}",
            f"{org.split(',')[0]} tổ chức thành công Đại hội lần thứ {ordinal}",
            f"Phát huy sức mạnh đoàn kết, xây dựng {place.short} phát triển toàn diện",
        ]
    )
    lines = [rng.choice(MENUS), ""]
    lines.append(title)
    lines.append("")
    lines.append(
        f"{rng.choice(WEEKDAYS)} - {day:02d}/{month:02d}/{year} {hour:02d}:{minute:02d} "
        f"{rng.randint(10, 900)} 0"
    )
    lines.append("")
    lines.append(
        f"Ngày {day}-{month}-{year}, {org} long trọng tổ chức Đại hội đại biểu lần thứ {ordinal}, "
        f"nhiệm kỳ {start} – {end}. {delegates} đại biểu đại diện cho {members} đảng viên "
        f"trong toàn Đảng bộ về dự."
    )
    lines.append("")
    lines.append(
        f"Tới dự Đại hội có đồng chí {guest} - Phó Bí thư Tỉnh ủy; đồng chí {secretary} - "
        f"Bí thư Đảng ủy; đồng chí {deputy} - Phó Bí thư Thường trực Đảng ủy."
    )
    lines.append("")
    previous = f"nhiệm kỳ {start - 5} - {start}" if start > 2010 else "nhiệm kỳ qua"
    lines.append(
        f"Trong {previous}, {org.split(',')[0]} đã lãnh đạo thực hiện thắng lợi Nghị quyết "
        f"Đại hội, hoàn thành và vượt nhiều chỉ tiêu:"
    )
    numbers = _numbers(rng, end)
    results = rng.sample(RESULTS, rng.randint(8, min(20, len(RESULTS))))
    for i, sentence in enumerate(results):
        text = sentence.format(**_numbers(rng, end) if i % 3 else numbers)
        lines.append(f"- {text[0].upper()}{text[1:]}.")
    lines.append("")
    lines.append(rng.choice(FILLER))
    lines.append("")
    lines.append(f"Đại hội xác định các chỉ tiêu chủ yếu nhiệm kỳ {start} - {end}, phấn đấu:")
    targets = rng.sample(TARGETS, rng.randint(7, min(15, len(TARGETS))))
    for sentence in targets:
        text = sentence.format(**_numbers(rng, end))
        aim = "" if text.startswith("phấn đấu") else "Phấn đấu "
        lines.append(f"- {aim}{text}." if aim else f"- {text[0].upper()}{text[1:]}.")
    lines.append("")
    for filler in rng.sample(FILLER, 2):
        lines.append(filler)
        lines.append("")
    lines.append(
        f"Đại hội đã bầu Ban Chấp hành Đảng bộ khóa mới gồm {rng.randint(9, 45)} đồng chí; "
        f"đồng chí {secretary} được bầu giữ chức Bí thư Đảng ủy."
    )
    lines.append("")
    lines.append(f"{rng.choice(['Ngọc Lan', 'Minh Tâm', 'Thanh Hà', 'PV'])}")
    lines.append("")
    lines.append(rng.choice(TRAILERS))
    text = _noise(rng, "\n".join(lines) + "\n")
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n")
    return f"{index:06d}_{seed}.txt", text


def write_corpus(folder: Path, n: int, seed: int = 1) -> list[Path]:
    """Write reports 0 … n-1 into ``folder`` (created); the files' paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        name, text = generate_report(seed, index)
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="")
        paths.append(path)
    return paths
