"""Step 1: drop site boilerplate and keep the article's lines.

A raw report is a text copy of a news page: category and title, a publication line, the
article, a signature, then the page's furniture (ratings, comments, other news, spam).
Cleaning works in three passes over the non-empty lines:

1. drop furniture line by line, stop at the first end-of-article widget once the article
   has begun, and drop the lists under "other news" headers;
2. find the header: the title (which is not always the first line) and the publication
   line near the top, told apart by general signals (a date line, length, end
   punctuation, position), never by site;
3. peel the signature block (byline, source, late date line) off the end.

Kept lines are only stripped of surrounding whitespace, never edited, so later steps can
quote the body and find the quote in the raw file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .boilerplate import (
    TERMINAL,
    has_vietnamese_marks,
    is_breadcrumb,
    is_date_line,
    is_dated_list_item,
    is_end_marker,
    is_navigation,
    is_numeric_or_punctuation,
    is_outlet,
    is_photo_credit,
    is_related_header,
    is_spam,
    is_unaccented_junk,
    is_widget,
    parse_byline,
    publication_line_first,
)
from .records import CleanReport
from .text import fold, match_key

HEADER_ZONE = 8  # the title and publication line sit within the first few lines
MAX_TITLE_CHARS = 300
TRAILER_ZONE = 5  # a signature block is a few short lines at most


def clean_report(raw: str) -> CleanReport:
    lines = _article_lines(raw or "")
    if not lines:
        return CleanReport(raw=raw or "", lines=[], body="")
    header = _find_header(lines)
    body_idx = [i for i in range(len(lines)) if i not in header.taken]
    trailer_start = _trailer_start(lines, body_idx)
    body = [lines[i] for i in body_idx if i < trailer_start]
    trailer = [lines[i] for i in body_idx if i >= trailer_start]
    header_lines = [lines[i] for i in sorted(header.taken)]
    title_key = match_key(header.title) if header.title else None
    body = [line for line in body if match_key(line) != title_key]  # title repeated in the text
    title_lines = [lines[i] for i in header.title_idx]
    ordered = title_lines + [line for line in header_lines if line not in title_lines]
    return CleanReport(
        raw=raw,
        lines=ordered + body + trailer,
        body="\n\n".join(body),
        header_lines=header_lines,
        trailer_lines=trailer,
    )


# --- pass 1: furniture ----------------------------------------------------------------


def is_paragraph(line: str) -> bool:
    """Running text rather than a heading: long, or finished like a sentence."""
    if is_dated_list_item(line):
        return False
    ends = line.rstrip()[-1:] in TERMINAL and not line.endswith(":")
    return (ends and len(line) >= 120) or len(line) >= 220


def _ends_sentence(line: str) -> bool:
    # "?" is left out: linked headlines often ask questions.
    return not is_dated_list_item(line) and (line[-1] in ".!…" or is_paragraph(line))


def _has_inline_title(line: str) -> bool:
    _, colon, rest = line.partition(":")
    return bool(colon) and _word_count(rest) >= 2


def _is_furniture(line: str, accented: bool) -> bool:
    if is_date_line(line):
        return False  # "04/08/2015 - 08:56" has no letters but is the publication line
    return (
        is_numeric_or_punctuation(line)
        or is_spam(line)
        or is_widget(line)
        or is_breadcrumb(line)
        or is_navigation(line)
        or is_photo_credit(line)
        or (accented and is_unaccented_junk(line))
    )


def _caption_key(line: str) -> str:
    return match_key(line).rstrip(TERMINAL + " ")


def _is_footer_masthead(line: str, started: bool, kept: list[str]) -> bool:
    """The site's name over its footer ("BÁO THỪA THIÊN HUẾ") once the article has begun,
    unless printed under the date line of a header that follows a summary."""
    return (
        started
        and is_masthead(line)
        and not _AGENCY_CODE.fullmatch(line)
        and bool(kept)
        and not is_date_line(kept[-1])
    )


def _article_lines(raw: str) -> list[str]:
    lines = [line.strip() for line in raw.split("\n")]
    lines = [line for line in lines if line]
    with_letters = [line for line in lines if any(c.isalpha() for c in line)]
    # Accent-free lines are junk only in a page otherwise written with accents.
    accented = sum(map(has_vietnamese_marks, with_letters)) * 2 > len(with_letters)
    kept: list[str] = []
    started = False  # has running text begun?
    related = False  # inside an "other news" list?
    for line in lines:
        if is_end_marker(line):
            if started:
                break
            continue
        if _is_footer_masthead(line, started, kept):
            break
        if is_related_header(line):
            # "Xem thêm: <title>" is one link; a bare "Tin liên quan" heads a list.
            related = not _has_inline_title(line)
            continue
        if related:
            # Before the article only dated titles are surely links; after it has begun,
            # anything up to the next finished sentence is.
            if is_dated_list_item(line) or (started and not _ends_sentence(line)):
                continue
            related = False
        if _is_furniture(line, accented):
            continue
        if kept and _caption_key(kept[-1]) == _caption_key(line):
            # A photo caption printed twice (alt text, then caption): keep the sentence.
            if line[-1] in TERMINAL and kept[-1][-1] not in TERMINAL:
                kept[-1] = line
            continue
        kept.append(line)
        started = started or is_paragraph(line)
    return kept


# --- pass 2: header -------------------------------------------------------------------


@dataclass
class _Header:
    title: str
    title_idx: list[int]
    taken: set[int]  # indices of header lines (title, kicker, date, category…)
    body_start: int  # first index after the header block


def _word_count(line: str) -> int:
    return sum(1 for w in line.split() if any(c.isalnum() for c in w))


_AGENCY_CODE = re.compile(r"[A-ZĐ]{2,8}")


def is_masthead(line: str) -> bool:
    """The outlet's name printed on its own line ("Báo Nghệ An", "Baonghean.vn", "TTXVN")."""
    if _AGENCY_CODE.fullmatch(line.strip()):
        return True
    if ":" in line or fold(line).startswith(("theo ", "nguon", "http", "www")):
        return False  # a credit or a link ("Nguồn: baodongthap.vn") is a signature
    return _word_count(line) <= 6 and is_outlet(line) and line[-1:] not in TERMINAL


def _title_like(line: str) -> bool:
    return (
        2 <= _word_count(line) <= 60
        and not is_masthead(line)
        and len(line) <= MAX_TITLE_CHARS
        and not is_date_line(line)
        and parse_byline(line) is None
    )


def _find_header(lines: list[str]) -> _Header:
    # The header ends by the second paragraph of running text (the first may be a
    # summary printed between the headline and the publication line).
    paragraphs = [i for i, line in enumerate(lines) if i and is_paragraph(line)]
    zone_end = min(paragraphs[1] if len(paragraphs) > 1 else len(lines), HEADER_ZONE)
    dates = [i for i in range(zone_end) if is_date_line(lines[i])]
    date_idx = publication_line_first(dates, lines)[0] if dates else None
    candidates = [
        i for i in range(zone_end) if _title_like(lines[i]) and not is_paragraph(lines[i])
    ]
    # Category lines ("Hoạt động Đảng") are short; a headline has five words or more.
    full = [i for i in candidates if _word_count(lines[i]) >= 5] or candidates
    if date_idx is not None:
        before = [i for i in full if i < date_idx]
        after = [i for i in full if i > date_idx]
        title_at = (before or after or [None])[0]
    else:
        title_at = full[0] if full else None
    title_idx: list[int] = []
    if title_at is not None:
        title_idx = [title_at]
        nxt = title_at + 1
        # A kicker ("Đồng chí X, Bí thư …:") stands over the headline proper.
        if (
            lines[title_at].endswith(":")
            and nxt < len(lines)
            and nxt != date_idx
            and _title_like(lines[nxt])
            and not is_paragraph(lines[nxt])
        ):
            title_idx.append(nxt)
    marks = title_idx + ([date_idx] if date_idx is not None else [])
    if not marks:
        return _Header("", [], set(), 0)
    body_start = max(marks) + 1
    taken = set(range(body_start))
    # A summary printed between the headline and the date line is article text.
    for i in range(max(title_idx, default=-1) + 1, date_idx or 0):
        if _word_count(lines[i]) >= 15:
            taken.discard(i)
    # A byline or the outlet's name printed right under the date belongs to the header too.
    while body_start < len(lines) and (
        _is_signature(lines[body_start]) or is_masthead(lines[body_start])
    ):
        taken.add(body_start)
        body_start += 1
    title = " ".join(lines[i] for i in title_idx)
    return _Header(title, title_idx, taken, body_start)


# --- pass 3: signature ----------------------------------------------------------------


def _is_signature(line: str) -> bool:
    """A byline, a source credit, a date, a link: the lines that close an article."""
    if len(line) > 100:
        return False
    key = fold(line)
    if key.startswith(("nguon:", "nguon :", "theo ")) and _word_count(line) <= 12:
        return True
    if key.startswith(("http://", "https://", "www.")) or "@" in line and " " not in line:
        return True
    return parse_byline(line) is not None or is_date_line(line)


def _trailer_start(lines: list[str], body_idx: list[int]) -> int:
    """Index of the first signature line at the end of the article (len if none)."""
    start = len(lines)
    for i in reversed(body_idx[-TRAILER_ZONE:]):
        if i == body_idx[0] or not _is_signature(lines[i]):
            break
        start = i
    return start


def title_lines(report: CleanReport) -> list[str]:
    """The headline's lines: the first kept line (cleaning puts the title first), joined
    with the next when the first is a kicker ending in ":"."""
    lines, header = report.lines, report.header_lines
    if not lines or not header or lines[0] not in header or is_date_line(lines[0]):
        return []
    found = [lines[0]]
    if lines[0].endswith(":") and len(lines) > 1 and lines[1] in header and _title_like(lines[1]):
        found.append(lines[1])
    return found


def report_title(report: CleanReport) -> str:
    return " ".join(title_lines(report))
