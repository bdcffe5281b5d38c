"""Figures that name or frame something instead of measuring it.

Party news is full of numbers that are no target or result: document numbers ("Chỉ thị
05-CT/TW", "Nghị quyết 26, 27, 28", "Quyết định 703", "Kết luận số 176"), plenums and
ordinals ("Hội nghị lần thứ 18", "Trung ương 4", "Đại hội 25", "sinh con thứ 3"), years
("năm 2017"), anniversaries ("kỷ niệm 45 năm"), slogans ("Kế hoạch 1, nhiệm vụ giải pháp
10"), places ("tại 4 phường"), and the total a breakdown is taken from ("Trong tổng số 28
tổ chức cơ sở đảng, có …").

Every check reads the search form of the paragraph (see ``sentences.search_form``) just
before and after the figure.
"""

from __future__ import annotations

import re

# Documents and meetings: a number after them is their number ("Chỉ thị 05", "Nghị quyết
# 26, 27, 28", "Trung ương 4", "Hội nghị lần thứ 18", "Đại hội 25").
_DOCUMENT_WORDS = (
    r"chỉ thị|nghị quyết|nq|quyết định|kết luận|quy định|hướng dẫn|thông tư|nghị định"
    r"|công văn|thông báo|tờ trình|luật|điều|khoản|chương|trung ương|t\.ư|tw"
    r"|(?:nghị quyết|hội nghị) tư|hội nghị|đại hội|khóa|lần thứ|thứ|kỳ họp|phiên"
)
# Other labels: dates, anniversaries, places with a number for a name ("phường 1"),
# ranks, and plans named in slogans ("Kế hoạch 1"). "năm" is a label ("năm 2017") except
# in "hằng năm 95%", "mỗi năm 5".
_OTHER_LABEL_WORDS = (
    r"kế hoạch|chương trình|đề án|báo cáo|số|mục|phần|lần|ngày|tháng|quý|tuần|đợt"
    r"|(?<!hàng )(?<!hằng )(?<!mỗi )(?<!cả )(?<!trong )năm|kỷ niệm|cách mạng|phường|quận"
    r"|xã|tổ|khu phố|khu|ấp|thôn|đường|quốc lộ|tỉnh lộ|lô|covid|hạng|top"
    r"|sư đoàn|trung đoàn|lữ đoàn|quân khu"
)
_LABEL_BEFORE = re.compile(
    rf"(?:^|[^\w])(?:{_DOCUMENT_WORDS}|{_OTHER_LABEL_WORDS})\s*(?:số\s*)?[\"“(]?$"
)
# A list of document numbers keeps the label: "Nghị quyết 26, 27, 28", "Trung ương 6, 7".
_LABEL_LIST_BEFORE = re.compile(
    rf"(?:^|[^\w])(?:{_DOCUMENT_WORDS})\s*(?:số\s*)?\d+(?:\s*(?:,|và)\s*\d+)*\s*(?:,|và)\s*$"
)
# The whole a breakdown is taken from: "trong tổng số 28", "trên tổng số 120".
_TOTAL_BEFORE = re.compile(r"(?:tổng số|trong số|trên tổng|trong tổng)\s*$")
# A place where something happened, not a count of results: "tại 4 phường".
_PLACE_BEFORE = re.compile(r"(?:^|[^\w])(?:tại|ở)\s*$")
# "kỷ niệm 45 năm", "45 năm ngày thành lập": an anniversary.
_ANNIVERSARY_AFTER = re.compile(r"\s*năm (?:ngày )?(?:thành lập|truyền thống|giải phóng)")


def is_label(form: str, start: int, end: int) -> bool:
    """True when the figure at ``form[start:end]`` names something instead of measuring."""
    before = form[max(0, start - 60) : start]
    if _LABEL_BEFORE.search(before) or _LABEL_LIST_BEFORE.search(before):
        return True
    return bool(_ANNIVERSARY_AFTER.match(form, end))


# "với 100% số phiếu", "95% đại biểu tán thành": a vote of the congress.
_VOTE_AFTER = re.compile(r"\s*(?:số\s+)?phiếu|\s*(?:số\s+)?đại biểu (?:tán thành|biểu quyết)")


# "1.234 lượt xem": the site's counter under the article.
_SITE_COUNTER_AFTER = re.compile(
    r"\s*lượt (?:xem|truy cập|thích|chia sẻ|bình luận|đánh giá)|\s*(?:bình luận|đánh giá)\b"
)


def is_vote(form: str, unit_end: int) -> bool:
    return bool(_VOTE_AFTER.match(form, unit_end))


def is_site_counter(form: str, figure_end: int) -> bool:
    return bool(_SITE_COUNTER_AFTER.match(form, figure_end))


def is_total_of_breakdown(form: str, start: int) -> bool:
    return bool(_TOTAL_BEFORE.search(form[max(0, start - 20) : start]))


def is_place(form: str, start: int) -> bool:
    return bool(_PLACE_BEFORE.search(form[max(0, start - 10) : start]))
