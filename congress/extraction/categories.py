"""The field an indicator belongs to: economy, culture_society, party_building,
defense_security or other.

Keyword rules in the genre's own words, read in accent-free form so "hộ nghèo", "HỘ NGHÈO"
and "ho ngheo" all match. The indicator's name and unit are read first, then its clause
(one item of a list "…; tỷ lệ che phủ rừng trên 62%; …"), then its sentence, then the heading of its paragraph ("Chỉ tiêu về văn hóa, xã hội: …"). Within one text the
fields are tried in a fixed order: Party words first ("đảng viên trong doanh nghiệp" is
Party building, not economy), money next ("1 tỷ đồng … bảo vệ môi trường" is economy).
"""

from __future__ import annotations

import re
from functools import cache

from .text import fold

ECONOMY, CULTURE, PARTY, DEFENSE, OTHER = (
    "economy", "culture_society", "party_building", "defense_security", "other",
)  # fmt: skip

_PARTY = (
    "dang vien", "chi bo", "dang bo", "to chuc dang", "co so dang", "tccsd", "ket nap",
    "vao dang", "quan chung uu tu", "phat trien dang", "kiem tra", "giam sat", "ky luat",
    "nghi quyet", "chi thi", "ly luan chinh tri", "bao cao vien", "cap uy", "dang uy",
    "hoc tap va lam theo", "tam guong dao duc", "quan triet", "trong sach vung manh",
    "hoan thanh tot nhiem vu", "hoan thanh xuat sac nhiem vu", "dai bieu", "xay dung dang",
    "cong tac dang", "dan van", "sinh hoat chi bo", "can bo", "cong chuc", "vien chuc",
)  # fmt: skip
_MONEY_UNITS = ("ty dong", "trieu dong", "nghin dong", "ngan dong", "dong", "usd")
_DEFENSE = (
    "quoc phong", "an ninh", "quan su", "dien tap", "tuyen quan", "giao quan", "nhap ngu",
    "nghia vu quan su", "dan quan", "tu ve", "toi pham", "ma tuy", "trat tu an toan",
    "chay no", "phong thu", "cong an", "bien gioi", "tai nan giao thong",
)  # fmt: skip
_CULTURE = (
    "giao duc", "hoc sinh", "sinh vien", "truong", "mau giao", "nha tre", "tieu hoc",
    "thcs", "thpt", "trung hoc", "pho cap", "y te", "bac si", "giuong benh", "bao hiem",
    "dan so", "sinh con", "suy dinh duong", "tre em", "chau", "ho ngheo", "can ngheo",
    "giam ngheo", "ngheo", "gia dinh van hoa", "van hoa", "the thao", "moi truong",
    "nuoc sach", "rac thai", "ve sinh", "viec lam", "lao dong", "dao tao nghe", "an sinh",
    "nguoi co cong", "chinh sach", "tinh nghia", "xa hoi", "tiem chung", "benh",
    "che phu rung", "cay xanh", "chat thai", "o nhiem",
)  # fmt: skip
_ECONOMY = (
    "kinh te", "tang truong", "ngan sach", "san xuat", "cong nghiep", "nong nghiep",
    "thuy san", "lam nghiep", "thuong mai", "dich vu", "ban le", "doanh thu", "von",
    "dau tu", "thu nhap", "grdp", "gdp", "xuat khau", "nhap khau", "du lich", "san luong",
    "nang suat", "lua", "cay trong", "trong rung", "dien tich", "doanh nghiep",
    "hop tac xa", "nong thon moi", "giao thong", "ha tang", "thi truong", "gia tri",
    "tieu thu cong nghiep", "ocop", "kinh doanh", "thu ngan sach", "chi ngan sach",
    "do thi", "nha o", "dien nang", "chuyen doi so", "kinh te so",
)  # fmt: skip
# The fields in the order they are tried on one text.
_ORDER = ((PARTY, _PARTY), (DEFENSE, _DEFENSE), (CULTURE, _CULTURE), (ECONOMY, _ECONOMY))
# Words that contain a keyword of another field: "thị trường" is not a school.
_MASKS = ("thi truong", "moi truong dau tu", "truong thanh", "tang truong")


def categorize(
    name: str, unit: str = "", sentence: str = "", heading: str = "", clause: str = ""
) -> str:
    """The category of an indicator from its name, unit, clause, sentence and paragraph
    heading."""
    subject = f"{name} {unit}"
    for text in (subject, clause, sentence, heading):
        found = _category_of(text, money=text is subject and _is_money(unit))
        if found:
            return found
    return OTHER


def _category_of(text: str, *, money: bool = False) -> str | None:
    words = f" {_masked(fold(text or ''))} "
    if _has_any(words, _PARTY):
        return PARTY
    if money:
        return ECONOMY
    for category, keywords in _ORDER[1:]:
        if _has_any(words, keywords):
            return category
    return None


def _is_money(unit: str) -> bool:
    return any(fold(unit).startswith(money) for money in _MONEY_UNITS)


def _masked(words: str) -> str:
    for mask in _MASKS:
        words = words.replace(mask, mask.replace(" ", "_"))
    return words


def _has_any(words: str, keywords: tuple[str, ...]) -> bool:
    return _keywords_pattern(keywords).search(words) is not None


@cache
def _keywords_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a field's keywords, each a whole word or phrase."""
    return re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, keywords))})(?![\w])")
