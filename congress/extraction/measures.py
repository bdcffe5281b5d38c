"""Units of measure: the word(s) right after a figure that say what was counted.

"26,68%/năm" -> "%/năm", "21,1 tỷ đồng" -> "tỷ đồng", "430 đảng viên" -> "đảng viên",
"95 TCCSĐ" -> "tổ chức cơ sở đảng", "02 Trường học" -> "trường". A lexicon of the measure
words of the genre says where a unit ends; any other noun after a figure is read as a
``generic`` unit of at most two words, which the indicator step trusts less.

The ``kind`` of a unit drives what the figure can be: a ``time`` unit ("5 năm", "6 tháng",
"5 tuổi") is a duration or an age, and a ``title`` unit ("15 đồng chí", "03 Ủy viên") the
make-up of a committee, never a target or a result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .sentences import search_form

PERCENT, MONEY, COUNT, PHYSICAL, PLACE, TIME, TITLE, GENERIC = (
    "percent", "money", "count", "physical", "place", "time", "title", "generic",
)  # fmt: skip


@dataclass(frozen=True)
class Unit:
    name: str  # canonical form, e.g. "%/năm", "đảng viên"
    kind: str  # one of the kinds above
    end: int  # offset just after the unit in the text


# surface form (search form: lower case, new tones) -> (canonical name, kind)
_LEXICON: dict[str, tuple[str, str]] = {}


def _add(kind: str, *entries: str) -> None:
    for entry in entries:
        surface, _, canonical = entry.partition("=")
        _LEXICON[surface] = (canonical or surface, kind)


_add(PERCENT, "%", "phần trăm=%")
_add(
    MONEY,
    "nghìn tỷ đồng", "ngàn tỷ đồng=nghìn tỷ đồng", "nghìn tỉ đồng=nghìn tỷ đồng",
    "tỉ đồng=tỷ đồng",
    "tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "đồng", "tỷ usd=tỷ USD",
    "triệu usd=triệu USD",
    "usd=USD", "đô la=USD",
)  # fmt: skip
_add(
    COUNT,
    # Party organisation and members
    "đảng viên", "chi bộ đảng=chi bộ", "chi bộ", "đảng bộ cơ sở", "đảng bộ",
    "tổ chức cơ sở đảng", "tccsđ=tổ chức cơ sở đảng", "cơ sở đảng=tổ chức cơ sở đảng",
    "tổ chức đảng", "quần chúng ưu tú=quần chúng", "quần chúng", "đại biểu", "cán bộ",
    "công chức", "viên chức", "đoàn viên", "hội viên", "báo cáo viên",
    # people and households
    "hộ gia đình=hộ", "hộ nghèo=hộ", "hộ cận nghèo=hộ", "hộ dân=hộ", "hộ", "người dân=người",
    "người", "lao động", "học viên", "học sinh", "sinh viên", "bác sĩ", "trẻ em", "cháu",
    "lượt người=lượt", "lượt", "suất", "việc làm", "thanh niên", "công dân", "tân binh",
    # activities and things counted
    "lớp", "cuộc", "hội nghị", "buổi", "đợt", "lần", "vụ việc=vụ", "vụ", "đơn thư", "đơn",
    "trường hợp", "tập thể", "cá nhân", "trường học=trường", "trường", "phòng học",
    "giường bệnh", "trạm y tế", "doanh nghiệp", "hợp tác xã", "cơ sở", "dự án",
    "công trình", "căn nhà=nhà", "ngôi nhà=nhà", "nhà", "căn hộ", "mô hình", "sản phẩm",
    "câu lạc bộ", "tuyến đường", "con", "cây", "chiếc", "tàu", "máy",
)  # fmt: skip
_add(
    PHYSICAL,
    "ha", "héc-ta=ha", "hécta=ha", "hecta=ha", "km", "ki-lô-mét=km", "kilômét=km", "m2",
    "m²=m2", "m3", "m³=m3", "mét", "m", "tấn", "tạ", "kg", "lít", "mw", "kwh",
    "nghìn tấn", "ngàn tấn=nghìn tấn", "triệu tấn", "nghìn ha", "ngàn ha=nghìn ha",
)  # fmt: skip
_add(
    PLACE,
    "xã", "phường", "thị trấn", "thôn", "bản", "ấp", "khu phố", "tổ dân phố", "khu dân cư",
    "cơ quan", "đơn vị", "địa phương",
)  # fmt: skip
_add(
    TIME,
    "năm", "tháng", "ngày", "tuần", "quý", "giờ", "phút", "giây", "tuổi", "thế kỷ",
    "nhiệm kỳ", "khóa", "kỳ",
)  # fmt: skip

# People counted by their title: the make-up of a committee ("Ban Chấp hành gồm 15 đồng
# chí", "03 Ủy viên"), not a target or result. Listed so "đồng chí" is not read as "đồng".
_add(TITLE, "đồng chí", "ủy viên", "uỷ viên", "thành viên", "phó bí thư", "bí thư")

_SURFACES = sorted(_LEXICON, key=len, reverse=True)
# "%/năm", "triệu đồng/người/năm", "tạ/ha": a rate after the unit.
_RATE = re.compile(r"\s?/\s?(người|năm|tháng|ha|hộ|km)\b")
# A generic unit stops before these words: what follows is no longer the counted noun.
_STOP_WORDS = {
    "của", "trong", "cho", "ở", "tại", "được", "là", "với", "và", "về", "so", "đã", "để",
    "trên", "dưới", "từ", "đến", "theo", "có", "đạt", "trở", "thì", "này", "đó", "các",
    "những", "một", "mới",
}  # fmt: skip


def read_unit(text: str, pos: int) -> Unit | None:
    """The unit of measure starting at ``pos`` (just after a figure), or None."""
    form = search_form(text[pos : pos + 60])
    spaces = len(form) - len(form.lstrip(" \u00a0"))
    head = form[spaces:]
    for surface in _SURFACES:
        if head.startswith(surface) and _ends_word(head, len(surface)):
            name, kind = _LEXICON[surface]
            if surface == "lần" and re.match(r"lần thứ\b", head):
                return Unit("lần thứ", TIME, pos + spaces + len(surface))
            end = spaces + len(surface)
            if kind == PERCENT and spaces > 1:
                return None
            name, end = _with_rates(form, name, end)
            return Unit(name, kind, pos + end)
    return _generic_unit(text, form, pos, spaces)


def _with_rates(form: str, name: str, end: int) -> tuple[str, int]:
    while match := _RATE.match(form, end):
        name += "/" + match.group(1)
        end = match.end()
    return name, end


def _generic_unit(text: str, form: str, pos: int, spaces: int) -> Unit | None:
    if spaces == 0 or spaces > 1:
        return None  # "19a", or a figure standing alone before a gap
    words = []
    cursor = spaces
    for match in re.finditer(r"[^\W\d_]+|\S", form[spaces:]):
        word = match.group(0)
        if not word.isalpha() or word in _STOP_WORDS or len(words) == 2:
            break
        if match.start() + spaces != cursor + (1 if words else 0):
            break  # more than one space or punctuation between: not one noun phrase
        words.append(word)
        cursor = match.end() + spaces
    if not words:
        return None
    end = spaces + len(" ".join(words))
    original = text[pos + spaces : pos + end]
    if original[:1].isupper() and not original.isupper():
        return None  # "Kế hoạch 1, Nhiệm vụ…": a capitalised name follows, not a unit
    return Unit(" ".join(words), GENERIC, pos + end)


def _ends_word(head: str, length: int) -> bool:
    return length >= len(head) or not head[length].isalnum() or head[length - 1] == "%"


# "12 tỷ 500 triệu đồng", "3 triệu 200 nghìn đồng": one sum written in two units.
_COMPOUND_MONEY = re.compile(
    r"(?<![\d.,])(?P<whole>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<big>tỷ|tỉ|triệu)\s+"
    r"(?P<part>\d{1,3})\s+(?P<small>triệu|nghìn|ngàn)\s+đồng(?!\w)"
)
_COMPOUND_PAIRS = {("tỷ", "triệu"), ("tỉ", "triệu"), ("triệu", "nghìn"), ("triệu", "ngàn")}


@dataclass(frozen=True)
class CompoundAmount:
    start: int
    end: int  # end of the number part, before the unit
    value: Decimal
    unit: Unit


def compound_amounts(text: str) -> list[CompoundAmount]:
    """Sums written in two units, as one amount in the larger: 12 tỷ 500 triệu đồng ->
    12,5 tỷ đồng."""
    form = search_form(text)
    found = []
    for match in _COMPOUND_MONEY.finditer(form):
        big, small = match.group("big"), match.group("small")
        if (big, small) not in _COMPOUND_PAIRS:
            continue
        whole = Decimal(match.group("whole").replace(".", ""))
        value = whole + Decimal(match.group("part")) / 1000
        name = "tỷ đồng" if big in ("tỷ", "tỉ") else "triệu đồng"
        unit = Unit(name, MONEY, match.end())
        found.append(CompoundAmount(match.start(), match.end("part"), value.normalize(), unit))
    return found
