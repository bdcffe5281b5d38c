"""Vocabulary of officials: position titles, family names, and reading a list of positions.

"Thị ủy viên, Bí thư Đảng ủy, Chủ tịch HĐND Phường I, thị xã X về …" reads as three
positions: each comma piece that opens with a title is one; a piece opening with an
organisation ("Ban Nội chính Thành ủy") continues the one before; a piece that is only a
place ("thị xã X") is dropped; the list ends at the first other piece or at the verb that
follows it ("… trình bày", "… cho biết").
"""

from __future__ import annotations

import re

from .article import lowered

# Titles, matched on lower-cased text with new tone placement.
POSITION_HEAD = re.compile(
    r"(?:nguyên\s+)?(?:"
    r"(?:phó\s+|tổng\s+|phó\s+tổng\s+)?(?:bí\s+thư|chủ\s+tịch|ủy\s+viên|giám\s+đốc|chủ\s+nhiệm|"
    r"chánh|trưởng|biên\s+tập|thủ\s+tướng|tư\s+lệnh|hiệu\s+trưởng|viện\s+trưởng|tổ\s+trưởng)"
    r"|bộ\s+trưởng|thứ\s+trưởng|chỉ\s+huy\s+(?:trưởng|phó)|chính\s+trị\s+viên|chính\s+ủy|"
    r"thủ\s+trưởng|thường\s+trực|kế\s+toán\s+trưởng|đại\s+biểu\s+quốc\s+hội|"
    r"(?:thành|tỉnh|huyện|quận|thị|đảng|chi)\s+ủy\s+viên|uv\s*tv|uv\s*btv|uv\s*bch|ubtv"
    r")\b"
)
# A piece opening with one of these continues the position before it.
_ORGANISATION = re.compile(
    r"(?:ban|văn\s+phòng|sở|phòng|ủy\s+ban|ubnd|hđnd|đảng\s+ủy|hội|trường|công\s+ty|khối|"
    r"cơ\s+quan|mttq|mặt\s+trận|đoàn|liên\s+đoàn|bộ|tổng\s+cục|cục|chi\s+cục|viện|"
    r"bệnh\s+viện|trung\s+tâm|công\s+an|bộ\s+chỉ\s+huy|ban\s+chỉ\s+huy)\b"
)
# A piece opening with one of these only says where: dropped.
_PLACE = re.compile(r"(?:phường|xã|thị\s+xã|thị\s+trấn|huyện|quận|tỉnh|thành\s+phố|tp)\b\.?")
# Words an organisation name needs somewhere, for a title written before a name.
ORGANISATION_WORD = re.compile(
    r"\b(?:ủy|ubnd|hđnd|ban|mttq|mặt\s+trận|hội|đoàn|sở|phòng|khối|quốc\s+hội|chính\s+phủ|"
    r"công\s+an|quân\s+sự|tỉnh|huyện|xã|phường|quận|thành\s+phố|thị\s+xã|thị\s+trấn|tp|"
    r"đảng|văn\s+phòng|bộ|công\s+ty|trường|nước|chi\s+bộ)\b"
)
# Verbs and function words that end a position: "… Quận ủy trình bày", "… Khối về …".
STOP_WORD = re.compile(
    r"\b(?:cho\s+biết|nhấn\s+mạnh|trình\s+bày|phát\s+biểu|khẳng\s+định|chia\s+sẻ|cho\s+rằng|"
    r"nói|nêu|yêu\s+cầu|đề\s+nghị|chủ\s+trì|điều\s+hành|thông\s+qua|đọc|báo\s+cáo|"
    r"chúc\s+mừng|trao|tặng|tới\s+dự|đến\s+dự|về\s+dự|dự(?!\s+(?:án|toán|thảo|báo|bị|trữ))|tham\s+dự|được|là|đã|đang|sẽ|vừa|"
    r"với|tại|trong|về|tham\s+gia|lưu\s+ý|kết\s+luận|giới\s+thiệu|nhận|bày\s+tỏ|ghi\s+nhận|"
    r"đánh\s+giá|quán\s+triệt|cùng|thăm|làm\s+việc|trả\s+lời|tiếp(?!\s+công\s+dân)|mong|hy\s+vọng|đề\s+xuất|"
    r"khi|thì|nhằm|để|do|bởi|nhưng|cũng|còn|vì|thay\s+mặt|từ|năm|ngày|nhiệm\s+kỳ|và\s+(?:các\s+)?"
    r"(?:đồng\s+chí|ông|bà)|chỉ\s+đạo|phụ\s+trách\s+(?!khối|lĩnh)|kiểm\s+tra|động\s+viên)\b"
)
_END = re.compile(r"[;:.!?\n()“”\"]")
_PIECE_SEPARATOR = re.compile(r",|\s[-–—]\s|\s+kiêm\s+")
_DASH = re.compile(r"\s[-–—]\s")

FAMILY_NAMES = frozenset(
    [
        "nguyễn",
        "trần",
        "lê",
        "phạm",
        "hoàng",
        "huỳnh",
        "phan",
        "vũ",
        "võ",
        "đặng",
        "bùi",
        "đỗ",
        "hồ",
        "ngô",
        "dương",
        "lý",
        "văn",
        "đinh",
        "đoàn",
        "đường",
        "tô",
        "trương",
        "lương",
        "lâm",
        "mai",
        "trịnh",
        "đào",
        "cao",
        "hà",
        "chu",
        "tạ",
        "lưu",
        "quách",
        "thái",
        "kiều",
        "la",
        "vương",
        "triệu",
        "tăng",
        "hứa",
        "khổng",
        "mạc",
        "thân",
        "từ",
        "phùng",
        "tống",
        "lã",
        "lại",
        "châu",
        "giang",
        "khúc",
        "nghiêm",
        "ninh",
        "quan",
        "âu",
        "kim",
        "tiêu",
        "diệp",
        "doãn",
        "đàm",
        "đồng",
        "hầu",
        "khương",
        "lục",
        "mã",
        "nông",
        "sầm",
        "thạch",
        "thiều",
        "tôn",
        "vi",
        "lò",
        "giàng",
        "sùng",
        "vàng",
        "cầm",
        "bế",
        "mẫn",
        "phí",
        "trình",
        "tào",
        "bạch",
        "biện",
        "ưng",
        "lữ",
        "nhữ",
        "khuất",
        "viên",
        "công",
        "ma",
        "y",
        "ksor",
        "nay",
        "rơ",
        "siu",
        "kpă",
        "h'",
        "rcom",
        "niê",
        "mlô",
        "ngọ",
        "hoàng",
        "thào",
        "lầu",
        "mùa",
        "mua",
        "hờ",
        "tòng",
        "lường",
        "quàng",
        "lò",
        "lỳ",
        "chẩu",
        "hoàng",
        "phương",
        "thịnh",
        "giáp",
        "đậu",
        "lỗ",
        "nhan",
        "kha",
        "đồ",
        "trà",
        "hàn",
        "cù",
        "tất",
        "ân",
    ]
)


def _next_separator(text: str, low: str, pos: int, end: int) -> re.Match[str] | None:
    """The next comma, "kiêm" or dash between positions; a dash inside a name
    ("Sở Lao động - Thương binh và Xã hội") is not followed by a title."""
    while (sep := _PIECE_SEPARATOR.search(text, pos, end)) is not None:
        if not _DASH.fullmatch(sep.group()) or POSITION_HEAD.match(low, sep.end()):
            return sep
        pos = sep.end()
    return None


def read_positions(text: str, pos: int, low: str | None = None) -> tuple[list[str], int]:
    """The positions written from ``pos`` on, and where they end."""
    low = low if low is not None else lowered(text)
    end_match = _END.search(text, pos, min(len(text), pos + 300))
    span_end = end_match.start() if end_match else min(len(text), pos + 300)
    positions: list[str] = []
    cursor = pos
    end = pos
    while cursor < span_end:
        sep = _next_separator(text, low, cursor, span_end)
        piece_end = sep.start() if sep else span_end
        lead = len(text[cursor:piece_end]) - len(text[cursor:piece_end].lstrip())
        start = cursor + lead
        head = POSITION_HEAD.match(low, start)
        organisation = positions and _ORGANISATION.match(low, start)
        place = positions and _PLACE.match(low, start)
        if not (head or organisation or place):
            break
        stop = STOP_WORD.search(low, head.end() if head else start, piece_end)
        piece_stop = stop.start() if stop else piece_end
        piece = re.sub(r"\s+", " ", text[start:piece_stop]).strip(" ,-–—")
        if head and piece:
            positions.append(piece)
        elif organisation and piece:
            positions[-1] = f"{positions[-1]}, {piece}"
        end = piece_stop
        if stop or not sep:
            break
        cursor = sep.end()
    return positions, end
