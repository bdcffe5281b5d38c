"""Hypothesis strategies that damage the seed reports the way real files get damaged.

Each mutation draws one seeded ``random.Random`` and does its work with it: drawing every
byte and line through Hypothesis would make generating a 20 kB report take seconds.
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

from django.conf import settings
from hypothesis import strategies as st

SEED_BYTES = [p.read_bytes() for p in sorted(Path(settings.SEED_REPORTS_DIR).glob("*.txt"))]

ZERO_WIDTH_AND_CONTROLS = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202e\u2066"
    "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\x9b"
)


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace").removeprefix("\ufeff")


def truncated(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]  # may cut a UTF-8 sequence in two


def random_bytes_inserted(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        at = rng.randrange(len(out) + 1)
        out[at:at] = rng.randbytes(rng.randint(1, 8))
    return bytes(out)


def shuffled_lines(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    rng.shuffle(lines)
    return b"\n".join(lines)


def duplicated_lines(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 30)):
        at = rng.randrange(len(lines))
        lines.insert(at, lines[at])
    return b"\n".join(lines)


def huge_line(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    piece = rng.choice([rng.choice(lines[:40]), b"9", "hộ nghèo ".encode(), b"x"]) or b"x"
    size = rng.choice([2_000, 20_000, 100_000])
    lines.insert(rng.randrange(len(lines) + 1), (piece * (size // len(piece) + 1))[:size])
    return b"\n".join(lines)


def mixed_encodings(rng: random.Random, data: bytes) -> bytes:
    """Some lines re-encoded as Windows-1258, Windows-1252 or UTF-16 (a pasted-together file)."""
    encodings = ["utf-8", "utf-8", "cp1258", "cp1252", "utf-16-le"]
    lines = _text(data).split("\n")
    return b"\n".join(line.encode(rng.choice(encodings), "replace") for line in lines)


def nfd(rng: random.Random, data: bytes) -> bytes:
    return unicodedata.normalize(rng.choice(["NFD", "NFKD", "NFKC"]), _text(data)).encode()


def invisible_characters(rng: random.Random, data: bytes) -> bytes:
    text = list(_text(data))
    for _ in range(rng.randint(1, 200)):
        text.insert(rng.randrange(len(text) + 1), rng.choice(ZERO_WIDTH_AND_CONTROLS))
    return "".join(text).encode("utf-8")


def huge_figures(rng: random.Random, data: bytes) -> bytes:
    """Absurd numbers where the report has figures: '10^30 tỷ đồng', '99,999…%'."""
    figure = str(rng.randint(10**12, 10**40))
    if rng.random() < 0.5:
        figure += "," + str(rng.randint(0, 10**12))
    sentence = rng.choice(
        [
            "Tổng thu ngân sách đạt {} tỷ đồng.",
            "Phấn đấu tỷ lệ hộ nghèo giảm còn {}%.",
            "Kết nạp được {} đảng viên mới.",
            "Thu nhập bình quân đầu người đạt {} - {} triệu đồng/người/năm.",
        ]
    )
    lines = _text(data).split("\n")
    lines.insert(rng.randrange(len(lines) + 1), sentence.format(figure, figure + "9"))
    return "\n".join(lines).encode("utf-8")


def long_names(rng: random.Random, data: bytes) -> bytes:
    """Names, units and titles far longer than any column: the writer must not overflow."""
    word = rng.choice(["Nguyễn", "Văn", "phường", "hộ", "xã", "Đảng bộ", "Cơ Quan Doanh Nghiệp"])
    long = " ".join([word] * rng.randint(50, 400))
    template = rng.choice(
        [
            "Đồng chí {} - Bí thư Đảng ủy phường phát biểu.",
            "Đồng chí Nguyễn Văn An, {} phát biểu.",
            "Tỷ lệ {} đạt 95%.",
            "Đạt 12 {}.",
            "Đảng bộ phường {} nhiệm kỳ 2020-2025.",
            "Đại hội Đảng bộ Khối {} tỉnh Quảng Trị lần thứ V, nhiệm kỳ 2020-2025.",
            "{}",
        ]
    )
    lines = _text(data).split("\n")
    lines.insert(rng.randrange(min(len(lines), 12) + 1), template.format(long))
    return "\n".join(lines).encode("utf-8")


MUTATIONS = [
    truncated,
    random_bytes_inserted,
    shuffled_lines,
    duplicated_lines,
    huge_line,
    mixed_encodings,
    nfd,
    invisible_characters,
    huge_figures,
    long_names,
]


@st.composite
def damaged_report(draw) -> bytes:
    data = draw(st.sampled_from(SEED_BYTES))
    rng = draw(st.randoms(use_true_random=False))
    for mutation in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3)):
        data = mutation(rng, data)
    return data
