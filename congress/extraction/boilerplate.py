"""What a line of a copied news page is, when it is not article text.

Every Vietnamese news CMS wraps the article in the same furniture: rating and comment
widgets, share and print buttons, view counters, "other news" lists, breadcrumbs, session
notices. The phrases differ a little from site to site but the vocabulary is the genre's,
so the lists below are compared on the folded (accent-free, lower-case) line, which also
catches pages whose furniture lost its accents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_datetimes, fold_same_length
from .text import squash_spaces, strip_accents

# Lines after which nothing belongs to the article any more: the page has moved on to
# ratings, reader comments, tags or site links. These phrases are distinctive enough to
# end the article whatever follows them on the line.
END_MARKERS = (
    "tong so diem cua bai viet",
    "click de danh gia",
    "ban da khong su dung site",
    "lien he - gop y",
    "lien he gop y",
    "tu khoa:",
    "tags:",
    # The site footer: "Bản quyền thuộc về Báo …", "© 2020 …", "Copyright …", the
    # licence, the editor in chief, the newsroom's address.
    "ban quyen thuoc",
    "copyright",
    "©",
    "giay phep so",
    "giay phep hoat dong",
    "giay phep:",
    "tong bien tap:",
    "pho tong bien tap:",
    "chiu trach nhiem xuat ban",
    "chiu trach nhiem noi dung",
    "co quan chu quan",
    "toa soan:",
    "dia chi toa soan",
    "ghi ro nguon",
)
# These also start ordinary sentences ("Gửi ý kiến đóng góp vào dự thảo…"), so they end
# the article only as a short widget heading.
SHORT_END_MARKERS = (
    "danh gia bai viet",
    "y kien ban doc",
    "y kien cua ban",
    "gui y kien",
    "binh luan cua ban",
    "binh luan ban doc",
    "gui binh luan",
    "viet binh luan",
    "cac binh luan",
    "tin cung chuyen muc",
    "cung chuyen muc",
    "tin moi hon",
    "tin cu hon",
    "cac tin da dua",
    "tin da dua",
)
SHORT_WIDGET_WORDS = 6

# Headers of "other articles" lists; the titles under them are dropped too.
RELATED_HEADERS = (
    "cac tin khac",
    "tin khac",
    "cac bai khac",
    "bai viet khac",
    "cac bai viet khac",
    "tin lien quan",
    "bai lien quan",
    "bai viet lien quan",
    "tin bai lien quan",
    "tin tuc lien quan",
    "cac tin lien quan",
    "xem them",
    "doc them",
    "tin xem nhieu",
    "doc nhieu nhat",
    "tin noi bat",
    "tin moi",
    "tin moi nhat",
    "tin tuc khac",
)

# Buttons and counters: dropped wherever they stand, without ending the article
# (share bars also sit between the title and the first paragraph).
WIDGET_LINES = (
    "chia se",
    "chia se bai viet",
    "chia se facebook",
    "in bai viet",
    "in bai",
    "in trang",
    "ban in",
    "gui email",
    "gui bai viet",
    "gui cho ban be",
    "quay lai",
    "tro ve",
    "tro lai",
    "ve dau trang",
    "len dau trang",
    "dau trang",
    "trang chu",
    "facebook",
    "twitter",
    "zalo",
    "tweet",
    "share",
    "like",
    "email",
    "print",
    "luu bai viet",
    "theo doi",
    "bao loi",
    "phan hoi",
    "tra loi",
)

COUNTER = re.compile(
    r"^(?:view count|views?|luot xem|so luot xem|luot doc|so lan doc|da xem|luot truy cap|"
    r"luot thich|binh luan|y kien|comments?)\s*[:(]?\s*[\d.,]*\)?$"
)
# Spam that scraped pages pick up from hacked templates.
SPAM_WORDS = re.compile(
    r"\b(?:escort|eskort|bayan|casino|betting|viagra|cialis|porn|slot gacor|togel|"
    r"nha cai|ca cuoc bong da|lo de|sex)\b"
)
# Compared on the line as written: upper-case "XXX" is a Roman numeral (the 30th congress).
SPAM_LOWER_CASE = re.compile(r"\bxxx\b")
IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp|tiff?)\b", re.IGNORECASE)
BREADCRUMB = re.compile(r"\s(?:>|»|›|→|\|)\s")
NO_LETTERS = re.compile(r"^[\W\d_]*$")
TERMINAL = '.!?…;:"”’»)]'


def folded(line: str) -> str:
    """The line as the furniture lists are compared: folded, edge punctuation trimmed."""
    return squash_spaces(fold_same_length(line)).strip(" .:!-–—|*•·»«()[]")


# The head of the reader comments: "Bình luận (2)", "Ý kiến: 3", "5 bình luận".
_COMMENT_COUNT = re.compile(
    r"^(?:(?:binh luan|y kien|y kien ban doc|comments?)\s*[:(]?\s*\d+\s*\)?"
    r"|\d+\s+(?:binh luan|y kien|comments?))$"
)


def is_end_marker(line: str) -> bool:
    key = folded(line)
    if len(key) > 160:
        return False
    # "(0)" ends nothing: a share bar above the article also shows an empty count.
    count = _COMMENT_COUNT.match(key)
    if (count and re.search(r"[1-9]", key)) or key in ("binh luan", "comments", "y kien"):
        return True
    if any(key.startswith(p) for p in END_MARKERS):
        return True
    return len(key.split()) <= SHORT_WIDGET_WORDS and any(
        key.startswith(p) for p in SHORT_END_MARKERS
    )


def is_related_header(line: str) -> bool:
    """ "CÁC TIN KHÁC", "Tin liên quan:", "Xem thêm: <one title>"."""
    key = folded(line)
    if len(key.split()) > 25:
        return False
    # Exactly the header, or the header and a colon: "Tin mới về Đại hội" is a headline.
    return any(key == p or key.startswith((p + ":", p + " :", p + " (")) for p in RELATED_HEADERS)


def is_widget(line: str) -> bool:
    key = folded(line)
    if not key:
        return False
    if COUNTER.match(key):
        return True
    # A row of buttons: "Chia sẻ | In bài viết | Gửi email".
    parts = [p.strip() for p in re.split(r"[|/•·,]+|\s{2,}", fold_same_length(line)) if p.strip()]
    parts = [p.strip(" .:!-–—*»«()[]") for p in parts]
    if bool(parts) and all(p in WIDGET_LINES or COUNTER.match(p) or not p for p in parts):
        return True
    # The same row copied without separators: "Chia sẻ Facebook Zalo In bài".
    return len(key.split()) <= 12 and _covered_by_buttons(key.split())


_LONGEST_BUTTON = max(len(b.split()) for b in WIDGET_LINES)


def _covered_by_buttons(words: list[str]) -> bool:
    """True when the words split, in order, into two or more button labels."""
    reachable = {0: 0}  # word index -> number of labels used to get there
    for start in range(len(words)):
        if start not in reachable:
            continue
        for size in range(1, _LONGEST_BUTTON + 1):
            if " ".join(words[start : start + size]) in WIDGET_LINES and start + size <= len(words):
                reachable.setdefault(start + size, reachable[start] + 1)
    return reachable.get(len(words), 0) >= 2


def is_breadcrumb(line: str) -> bool:
    """ "Trang chủ > Tin tức > Xây dựng Đảng", "Thời sự | Chính trị | Kinh tế": short
    segments joined by arrows, bars or wide gaps."""
    segments = BREADCRUMB.split(line)
    if len(segments) < 3:
        # Copied pages often lose the arrows and keep wide gaps: "Trang chủ  Chính trị  Xây dựng Đảng".
        segments = re.split(r"\s{2,}|\t", line.strip())
        if any(s.rstrip().endswith(tuple(TERMINAL)) for s in segments):
            return False
    return len(segments) >= 3 and all(0 < len(s.split()) <= 5 for s in segments)


def is_spam(line: str) -> bool:
    return bool(SPAM_WORDS.search(folded(line)) or SPAM_LOWER_CASE.search(line))


_PHOTO_LABEL = re.compile(r"^[(\[]?\s*(?:anh|nguon anh|anh minh hoa|video|clip)\s*[:\-–]\s*")
PHOTO_CREDIT_WORDS = 6


def is_photo_credit(line: str) -> bool:
    """ "Ảnh: Thành Cường", "(Ảnh: TTXVN)", "Ảnh minh họa": who took the picture, not a
    sentence of the article. A caption that goes on to describe the photo is kept."""
    key = fold_same_length(line.strip())
    if key.strip(" .()[]") == "anh minh hoa":
        return True
    label = _PHOTO_LABEL.match(key)
    if not label:
        return False
    rest = line.strip()[label.end() :].strip(" .()[]")
    return 0 < len(rest.split()) <= PHOTO_CREDIT_WORDS and rest[-1:] not in TERMINAL


def is_numeric_or_punctuation(line: str) -> bool:
    """ ".", "106575342", "129 0", "***": nothing a reader could read."""
    return bool(NO_LETTERS.match(line))


def has_vietnamese_marks(text: str) -> bool:
    return strip_accents(text) != text


def is_capitalised_word(word: str) -> bool:
    letters = word.strip("()[].,;:-–\"'“”")
    return bool(letters) and letters[0].isupper()


def is_unaccented_junk(line: str) -> bool:
    """A line without a single Vietnamese mark that is not written like a name or an
    acronym: image slugs ("ngoc lan anh 1"), accent-stripped tags ("Dai hoi"), English
    widget text. Only meaningful inside a document written with accents."""
    if has_vietnamese_marks(line):
        return False
    words = [w for w in re.split(r"\s+", line) if re.search(r"[A-Za-z]", w)]
    if not words:
        return False
    if IMAGE_FILE.search(line):
        return True
    # "Quang Minh", "PV", "TTXVN", "T.L": names and agency codes carry no marks either.
    return not all(is_capitalised_word(w) for w in words)


def is_navigation(line: str) -> bool:
    """A short lower-case fragment without end punctuation: "tin tức sự kiện", menu text.
    Article lines start with a capital, a digit or a list mark."""
    stripped = line.strip()
    if not stripped or not stripped[0].isalpha() or not stripped[0].islower():
        return False
    if re.match(r"^[a-zđ]\)", stripped) or stripped[-1] in TERMINAL + ",":
        return False
    return len(stripped.split()) <= 6 and not re.search(r"\d", stripped)


def is_dated_list_item(line: str) -> bool:
    """A related-article title: "Chọn mặt gửi vàng (5/3/2021)"."""
    return bool(re.search(r"[(\[]\s*\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\s*[)\]]\s*$", line))


# Words that may stand on a date line beside the date itself.
_DATE_LINE_WORDS = re.compile(
    r"\b(?:thu|hai|ba|tu|nam|sau|bay|chu nhat|cn|t[2-7]|ngay|dang|cap nhat|dang luc|luc|"
    r"vao luc|gio|phut|gmt|utc|view count|views?|luot xem|luot doc|da xem|binh luan|"
    r"xuat ban|publish(?:ed)?|updated?|posted|sang|chieu|toi|trua|sa|ch|am|pm|thang|"
    r"[a-z]?\d+[a-z]?)\b"
)


_CLOCK_TIME = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])\s?[:hg]\s?[0-5]\d(?!\d)")


def has_clock_time(line: str) -> bool:
    """ "Cập nhật lúc 16:45, 28/07/2020": a publication line gives the time; the date a
    site prints in its own header ("Thứ Hai, 23/11/2026") is the day it was copied."""
    return bool(_CLOCK_TIME.search(line))


def publication_line_first(indices: list[int], lines: list[str]) -> list[int]:
    """Date lines in the order they are trusted: those with a time of day, then the rest."""
    return sorted(indices, key=lambda i: not has_clock_time(lines[i]))


def is_date_line(line: str) -> bool:
    """A publication line: a date, perhaps a time, a weekday, a label and counters, and
    little else ("Thứ Năm, 10/01/2019, 08:01 [GMT+7]", "Ngày đăng 12/07/2018 | 15:35")."""
    if len(line) > 120:
        return False
    found = find_datetimes(line)
    if not found:
        return False
    rest = fold_same_length(line)
    for match in reversed(found):
        rest = rest[: match.start] + " " + rest[match.end :]
    rest = _DATE_LINE_WORDS.sub(" ", rest)
    leftover = re.sub(r"[\W\d_]+", " ", rest).split()
    return len(leftover) <= 2


# --- bylines -------------------------------------------------------------------------

_BYLINE_LABEL = re.compile(
    r"^(?:bai\s*(?:va|,|&|/|-)\s*anh|tin\s*(?:va|,|&|/|-)\s*anh|bai|tin|thuc hien|ghi chep|"
    r"tac gia|nguoi viet|nhom phong vien|nhom pv|phong vien|pv|but danh)\s*[:\-–]\s*"
)
_BYLINE_SUFFIX = re.compile(
    r"\s*[(\[]\s*(?:thuc hien|tong hop|luoc ghi|ghi|ghi chep|bien soan|th|st|suu tam)\s*[)\]]\.?$"
)
_BYLINE_THEO = re.compile(r"^(?:theo|nguon)\s*:?\s+")
_LONE_REPORTER = re.compile(r"^(?:nhom\s+)?(?:pv|phong vien)(?:\s+[a-z ]{0,20})?\.?$")
# Capitalised words that make a short line a heading or a place, not a person.
# (never syllables of a personal name; "Thị", "Nam", "Quốc" are, so they are not here)
_NOT_NAME_WORDS = frozenset(
    {"đảng", "ủy", "ban", "nghị", "tỉnh", "huyện", "xã", "phường", "quận", "tin", "bài", "xem",
     "chia", "sẻ", "trang", "kết", "luận", "bộ", "mặt", "trận", "ubnd", "hđnd", "khối"}
)  # fmt: skip
_NAME_WORD = re.compile(r"^(?:[^\W\d_][^\W\d_'’]*|(?:[^\W\d_]{1,3}\.)+[^\W\d_]{0,3}\.?)$")
_AGENCY = re.compile(r"^[A-ZĐ]{2,8}$")


def title_case_name(name: str) -> str:
    """ "ANH DŨNG" -> "Anh Dũng"; names already in mixed case and initials ("T.L") are kept."""
    if name != name.upper():
        return name
    words = []
    for word in name.split():
        words.append(word if "." in word else word[:1] + word[1:].lower())
    return " ".join(words)


# A credit naming a newspaper, a portal or a website, not a person.
_OUTLET_START = re.compile(
    r"^(?:bao|tap chi|dai|cong thong tin|cong ttdt|trang|website|thong tan xa|kenh|tuan bao|"
    r"nhat bao|dien tu)\b|\.(?:vn|com|net|org)\b"
)


def is_outlet(text: str) -> bool:
    return bool(_OUTLET_START.search(fold_same_length(text.strip())))


def _is_person_name(text: str) -> bool:
    if is_outlet(text):
        return False
    words = text.split()
    if not 1 <= len(words) <= 5 or len(text) > 40:
        return False
    if len(words) == 1 and "." not in text and not text.isupper():
        return False  # a lone capitalised word is more often a heading than a signature
    for word in words:
        if not _NAME_WORD.match(word) or not word[0].isupper():
            return False
        if word.lower() in _NOT_NAME_WORDS:
            return False
    return not (len(words) == 1 and _AGENCY.match(text))


def _split_credit(text: str) -> tuple[str | None, str | None]:
    """ "Minh Anh - TTXVN" -> ("Minh Anh", "TTXVN"); "ANH DŨNG" -> ("Anh Dũng", None)."""
    text = text.strip().rstrip(".").strip()
    source = None
    agency = re.match(
        r"^(.*?)\s*(?:[(\[]\s*([^()\[\]]{2,40})\s*[)\]]|[-–/]\s*([A-ZĐ]{2,8}))$", text
    )
    slash = re.match(r"^([^/]+?)\s*/\s*([^/]{2,60})$", text)
    if agency and agency.group(1):
        source = (agency.group(2) or agency.group(3)).strip()
        text = agency.group(1).strip(" -–,")
    elif slash:  # "Hồng Nhung/VOV-Tây Bắc"
        text, source = slash.group(1), slash.group(2).strip()
    people = [
        p.strip() for p in re.split(r"\s*(?:,|\s-\s|\s–\s|\s&\s|\svà\s)\s*", text) if p.strip()
    ]
    if not people or not all(_is_person_name(p) for p in people):
        return None, None
    return " - ".join(title_case_name(p) for p in people), source


@dataclass
class Byline:
    author: str | None
    source: str | None = None


def parse_byline(line: str) -> Byline | None:
    """The author (and agency) a signature line names, or None when the line is no byline.

    Handles "Thực hiện: Ngọc Lan", "Bài, ảnh: MINH HÀ", "ANH DŨNG (thực hiện)", "Theo Minh
    Anh (TTXVN)", "PV", "Nhóm PV" and a lone name ("Quang Minh"). A photo credit ("Ảnh: …")
    is not a byline.
    """
    line = line.strip()
    if not line or len(line) > 80:
        return None
    key = fold_same_length(line)
    if key.startswith("anh:") or key.startswith("anh :"):
        return None
    if _LONE_REPORTER.match(key.strip()):
        return Byline(line.rstrip(".").strip())
    label = _BYLINE_LABEL.match(key)
    if label:
        author, source = _split_credit(line[label.end() :])
        return Byline(author, source) if author else None
    suffix = _BYLINE_SUFFIX.search(key)
    if suffix:
        author, source = _split_credit(line[: suffix.start()])
        return Byline(author, source) if author else None
    theo = _BYLINE_THEO.match(key)
    if theo:
        rest = line[theo.end() :].strip().rstrip(".")
        author, source = _split_credit(rest)
        if author and not rest.isupper():
            return Byline(author, source)
        return Byline(None, rest) if rest and len(rest.split()) <= 8 else None
    author, source = _split_credit(line)
    return Byline(author, source) if author else None
