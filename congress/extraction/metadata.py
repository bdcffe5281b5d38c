"""Step 2: title, publication date and time, author, genre, source.

Everything is read from where a news page prints it: the title and publication line from
the header that cleaning found, the author from the signature block (or a byline under
the title), the source from a lead marker such as "(QTO) -" or a "Theo …" credit. Dates
written inside the article ("Nghị quyết ngày 15/5/2016 …") are never the publication
date; the only fallback into the text is a lead that dates itself ("Hôm nay, ngày …").
"""

from __future__ import annotations

import re
from datetime import datetime

from .boilerplate import Byline, is_date_line, parse_byline, publication_line_first
from .cleaning import is_masthead, report_title, title_lines
from .dates import find_datetimes, fold_same_length
from .records import CleanReport, ReportMetadata
from .text import fold

# Web news started in the 1990s; anything later than next year is a misread.
FIRST_YEAR = 1995
LEAD_PARAGRAPHS = 2  # how far into the article a self-dating lead or a source is sought


def extract_metadata(report: CleanReport) -> ReportMetadata:
    title = report_title(report)
    paragraphs = [p for p in report.body.split("\n\n") if p.strip()]
    byline = _find_byline(report)
    source_name, source_url = _find_source(report, paragraphs, byline)
    return ReportMetadata(
        title=title,
        published_at=_find_published_at(report, paragraphs),
        author=byline.author if byline else None,
        genre=_find_genre(title, paragraphs, report.trailer_lines),
        source_name=source_name,
        source_url=source_url,
    )


# --- publication date ---------------------------------------------------------------


def _plausible(value: datetime) -> bool:
    return FIRST_YEAR <= value.year <= datetime.now().year + 1


def _first_datetime(lines: list[str]) -> datetime | None:
    for line in lines:
        for match in find_datetimes(line):
            if _plausible(match.value):
                return match.value
    return None


_SELF_DATING = re.compile(
    r"(?:hom nay|sang nay|chieu nay|toi nay|trua nay|ngay hom nay)\s*[,(]?\s*(?:thu \w+\s*,?\s*)?"
    r"(?:ngay\s*)?$"
)


def _find_published_at(report: CleanReport, paragraphs: list[str]) -> datetime | None:
    header = report.header_lines
    # The publication line first, then other header lines, then a date printed under
    # the signature; the title is skipped (a headline may name an event's date).
    titles = title_lines(report)
    date_lines = [line for line in header if is_date_line(line)]
    date_lines = [
        date_lines[i] for i in publication_line_first(list(range(len(date_lines))), date_lines)
    ]
    others = [line for line in header if line not in date_lines and line not in titles]
    trailer_dates = [line for line in report.trailer_lines if is_date_line(line)]
    early_dates = [p for p in paragraphs[:3] if is_date_line(p)]
    found = _first_datetime(date_lines + others + trailer_dates + early_dates)
    if found:
        return found
    for paragraph in paragraphs[:LEAD_PARAGRAPHS]:
        folded = fold_same_length(paragraph)
        for match in find_datetimes(paragraph):
            if _plausible(match.value) and _SELF_DATING.search(folded[: match.start].rstrip()):
                return match.value
    return None


# --- author -------------------------------------------------------------------------


def _find_byline(report: CleanReport) -> Byline | None:
    for line in reversed(report.trailer_lines):
        byline = parse_byline(line)
        if byline and byline.author:
            return byline
    # A byline under the headline: only lines after the title, so that a section name
    # printed above it is never taken for a person.
    header = report.header_lines
    titles = title_lines(report)
    start = header.index(titles[-1]) + 1 if titles and titles[-1] in header else 0
    for line in header[start:]:
        byline = parse_byline(line)
        if byline and byline.author:
            return byline
    for line in reversed(report.trailer_lines):
        byline = parse_byline(line)
        if byline:
            return byline  # a source credit without a person
    return None


# --- genre --------------------------------------------------------------------------

_QUESTION_LABEL = re.compile(r"^(?:pv|phong vien|hoi|bao [a-z ]{2,30})\s*:")
_INTERVIEW_WORDS = re.compile(
    r"\b(?:phong van|tra loi phong vien|trao doi voi phong vien|xin cam on (?:dong chi|ong|ba))\b"
)
_MEETING = r"(?:hoi nghi|dai hoi|ky hop|phien hop|hop bao)"
_MEETING_HELD = re.compile(
    r"\b(?:to chuc|tien hanh|khai mac|be mac|hop)\s+(?:\w+\s+){0,3}?" + _MEETING + r"\b"
    r"|\b" + _MEETING + r"\b[^.]{0,160}?\b(?:da dien ra|da khai mac|da be mac|khai mac|be mac)\b"
)
_MEETING_AHEAD = re.compile(r"\b(?:chuan bi|huong toi|tien toi|truoc them|chao mung|se)\s+$")


def _is_question(line: str) -> bool:
    folded = fold(line)
    if _QUESTION_LABEL.match(folded):
        return True
    return line.rstrip().endswith("?") and line.lstrip()[:1] in "*-–•+"


def _find_genre(title: str, paragraphs: list[str], trailer: list[str]) -> str:
    if not paragraphs:
        return "other"
    questions = sum(1 for p in paragraphs if _is_question(p))
    signed_interview = any("thuc hien" in fold(line) for line in trailer)
    lead = fold(" ".join([title, *paragraphs[:LEAD_PARAGRAPHS]]))
    if questions >= 2 or (questions and signed_interview):
        return "interview"
    if _INTERVIEW_WORDS.search(lead) and (questions or signed_interview):
        return "interview"
    for match in _MEETING_HELD.finditer(lead):
        if not _MEETING_AHEAD.search(lead[max(0, match.start() - 30) : match.start()]):
            return "conference"
    return "news"


# --- source -------------------------------------------------------------------------

_URL = re.compile(r"https?://[^\s<>\"'()]+|www\.[^\s<>\"'()]+", re.IGNORECASE)
_LEAD_MARKER = re.compile(r"^\s*\(([^()\n]{2,40})\)\s*[-–—]")
# The same marker without brackets: "HNP - ", "VOV.VN - ", "Baonghean.vn - ".
_BARE_LEAD_MARKER = re.compile(
    r"^\s*((?:[A-ZĐ]{2,8}(?:\.[A-Z]{2,3})?)|[A-Za-zĐđ]{3,30}\.(?:vn|com\.vn|VN))\s*[-–—]\s"
)
_OUTLET = (
    r"(?:Báo|Tạp chí|Đài Phát thanh và Truyền hình|Đài PT-TH|Đài|Cổng Thông tin điện tử|"
    r"Cổng TTĐT|Trang Thông tin điện tử|Trang TTĐT|Thông tấn xã Việt Nam|TTXVN)"
)
_OUTLET_NAME = _OUTLET + r"(?:\s+(?:điện tử\b|[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][\w.-]*)){0,5}"
_INTERVIEWED_BY = re.compile(
    r"(" + _OUTLET_NAME + r")\s+(?:đã\s+)?(?:có cuộc\s+)?(?:phỏng vấn|trao đổi với|ghi nhận)"
)
_CREDIT = re.compile(r"^(?:theo|nguồn)\s*:?\s*(.+?)\.?$", re.IGNORECASE)


def _find_source(
    report: CleanReport, paragraphs: list[str], byline: Byline | None
) -> tuple[str | None, str | None]:
    name = None
    url = None
    for line in report.trailer_lines + report.header_lines:
        found = _URL.search(line)
        if found:
            url = found.group(0).rstrip(".,;")
            break
    if byline and byline.source and not _URL.fullmatch(byline.source):
        name = byline.source
    if name is None:
        for line in report.trailer_lines:
            credit = _CREDIT.match(line)
            if credit and not _URL.fullmatch(credit.group(1)) and len(credit.group(1).split()) <= 8:
                name = credit.group(1)
                break
    if name is None:
        # The outlet printed on its own line by the headline ("Báo Nghệ An").
        name = next((line.strip() for line in report.header_lines if is_masthead(line)), None)
    if name is None and paragraphs:
        marker = _LEAD_MARKER.match(paragraphs[0]) or _BARE_LEAD_MARKER.match(paragraphs[0])
        if marker:
            name = marker.group(1).strip()
    if name is None:
        for paragraph in paragraphs[:LEAD_PARAGRAPHS]:
            outlet = _INTERVIEWED_BY.search(paragraph)
            if outlet:
                name = outlet.group(1).strip()
                break
    return name, url
