"""Is a figure a target (chỉ tiêu) or a result (kết quả)?

Reports state both, often in one paragraph, and the verbs do not decide it alone: "đạt"
appears in "Tỷ lệ hộ nghèo đạt 1,28%" (a result) and in "phấn đấu … đạt 85% trở lên" (a
target). Three layers decide, the nearest first:

1. the words right before the figure in its clause: "… chỉ tiêu Nghị quyết đề ra 16%-17%",
   "phấn đấu kết nạp 35" are targets; "vượt chỉ tiêu 30,33%" is a result;
2. a mode set earlier in the sentence or the paragraph by a phrase that opens a list of
   targets ("Đại hội đặt ra các chỉ tiêu … là:", "Đề ra mục tiêu phấn đấu", "mục tiêu
   nhiệm kỳ 2015-2020", "trong nhiệm kỳ mới", "sẽ") or of results ("Kết quả …", "đạt
   được", "nhiệm kỳ qua"); the last such phrase before the figure wins;
3. the heading of the list the paragraph belongs to: after "Các chỉ tiêu chủ yếu nhiệm kỳ
   2020-2025:" every item below ("- Thu ngân sách … đạt 3.000 tỷ đồng.") is a target;
4. the heading of the section it stands in: under "PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ NHIỆM
   KỲ 2020 - 2025" targets, under "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT…" results, until the next
   heading that says which;
5. otherwise a result: news reports mostly report.
"""

from __future__ import annotations

import re

TARGET, RESULT = "target", "result"

# Right before the figure: a target it is compared with, or an aim.
_LOCAL_TARGET = re.compile(
    r"(?:(?:đề ra|đặt ra|(?:được|trên|tỉnh|huyện|thành phố|thị xã) giao|đề ra là|đặt ra là|phấn đấu(?: đạt)?|mục tiêu(?: là)?"
    r"|chỉ tiêu(?: là| đề ra)?|kế hoạch đề ra)\s*(?:từ|trên|dưới|ít nhất|tối thiểu|khoảng)?\s*)$"
)
# An aim stated in the figure's own clause makes it a target whatever verb follows.
_CLAUSE_AIM = re.compile(r"(?<![\w])(?:phấn đấu|quyết tâm)(?![\w])")
_LOCAL_RESULT = re.compile(r"(?:vượt|vượt chỉ tiêu|vượt kế hoạch|bằng)\s*$")

# Phrases that open targets for the rest of the sentence or paragraph.
_TARGET_OPENERS = re.compile(
    r"phấn đấu"
    r"|(?:đặt ra|đề ra|xác định|dự kiến|đưa ra|thông qua|đề xuất|với)\s+(?:các |những |\d+ )?"
    r"(?:mục tiêu|chỉ tiêu)"
    r"|(?:mục tiêu|chỉ tiêu)(?: chủ yếu| cụ thể| chính| cơ bản)?\s+(?:của |trong |cho )?"
    r"(?:nhiệm kỳ|giai đoạn|đến năm|năm \d{4}|phấn đấu)"
    r"|nhiệm kỳ (?:mới|tới)|giai đoạn tới|năm tới|thời gian tới|\bsẽ\b"
    r"|(?:mục tiêu|chỉ tiêu)[^.;:]{0,40}\blà\s*:"
)
# Phrases that open results: an account of what was done.
_RESULT_OPENERS = re.compile(
    r"kết quả|đạt được|đã đạt|nhìn lại|nhiệm kỳ (?:vừa )?qua|(?:năm|tháng) qua"
    r"|từ đầu nhiệm kỳ|đến nay|sau \d+ năm|qua \d+ năm"
)
# Inside an opener these mean an account of old targets: "3/4 chỉ tiêu vượt … là:".
_ACCOUNT_WORDS = re.compile(r"vượt|đạt|hoàn thành|kết quả|thực hiện")
# A target opener preceded by these is a reference to old targets inside a result
# ("thực hiện các chỉ tiêu nhiệm kỳ 2015-2020", "vượt chỉ tiêu Nghị quyết đề ra là:").
_ACCOUNT_BEFORE = re.compile(r"(?:kết quả|thực hiện|hoàn thành|vượt|đạt|so với)(?:\s+\S+){0,4}\s*$")


def kind_events(form: str, start: int, end: int) -> list[tuple[int, str]]:
    """Positions in ``form[start:end]`` (a paragraph) where the mode changes, in order."""
    events = []
    for match in _TARGET_OPENERS.finditer(form, start, end):
        before = form[max(start, match.start() - 40) : match.start()]
        if match.group(0) != "phấn đấu" and (
            _ACCOUNT_BEFORE.search(before) or _ACCOUNT_WORDS.search(match.group(0))
        ):
            continue
        events.append((match.end(), TARGET))
    for match in _RESULT_OPENERS.finditer(form, start, end):
        events.append((match.end(), RESULT))
    return sorted(events)


def kind_of(
    form: str,
    clause_start: int,
    figure_start: int,
    events: list[tuple[int, str]],
    initial: str = RESULT,
) -> str:
    """The kind of the figure at ``figure_start``, given the paragraph's mode events and
    the mode it opens in (``initial``: set by the heading of a list it belongs to)."""
    before = form[clause_start:figure_start]
    if _CLAUSE_AIM.search(before):
        return TARGET  # "phấn đấu thu ngân sách đạt và vượt 5% dự toán"
    if _LOCAL_RESULT.search(before):
        return RESULT
    if _LOCAL_TARGET.search(before):
        return TARGET
    mode = initial
    for position, kind in events:
        if position > figure_start:
            break
        mode = kind
    return mode


def closing_mode(events: list[tuple[int, str]]) -> str | None:
    """The mode a paragraph ends in, or None when nothing in it set one."""
    return events[-1][1] if events else None


_SECTION_RESULT = re.compile(
    r"kết quả|đánh giá|tình hình|thực hiện nghị quyết|nhìn lại|những mặt|hạn chế|nguyên nhân"
)
_SECTION_TARGET = re.compile(r"phương hướng|mục tiêu|chỉ tiêu|nhiệm vụ|giải pháp|định hướng")
HEADING_WORDS = 20


_HEADING_NUMBER = re.compile(r"^(?:[ivxlc]+|\d{1,2}|[a-zđ])[.)/]\s*|^(?:phần|chương|mục)\s+\S+\s*")
_TERM_YEARS = re.compile(r"\d{4}\s*[-–—]\s*\d{4}|\b(?:năm )?\d{4}\b")


def is_section_heading(text: str) -> bool:
    """A short numbered or capitalised line that is no sentence and states no figure:
    "PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ NHIỆM KỲ 2020 - 2025", "1. Về kinh tế". A list item
    copied without its full stop ("- Thu ngân sách đạt 300 tỷ đồng") is none."""
    stripped = text.strip()
    if not stripped or len(stripped.split()) > HEADING_WORDS or stripped[-1] in ".;,!?…:":
        return False
    if stripped[0] in "-–—+•*●▪·":
        return False
    lower = stripped.lower()
    rest = _TERM_YEARS.sub(" ", _HEADING_NUMBER.sub("", lower))
    if any(c.isdigit() for c in rest):
        return False
    # Numbered or in capitals: a photo caption between paragraphs is neither.
    letters = [c for c in stripped if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    return bool(_HEADING_NUMBER.match(lower)) or capitals


def section_mode(form_of_heading: str) -> str | None:
    """The mode a section heading sets (its search form), or None when it says neither."""
    if _SECTION_RESULT.search(form_of_heading):
        return RESULT
    if _SECTION_TARGET.search(form_of_heading):
        return TARGET
    return None
