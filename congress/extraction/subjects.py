"""What a figure measures: its subject, read from the words around it, and its key.

A clause of a report names its indicator in one of four shapes:

- subject, verb, figure: "Tỷ lệ hộ nghèo chiếm 1,28%" -> "Tỷ lệ hộ nghèo";
- action, figure, noun: "kết nạp được 32 đảng viên" -> "Kết nạp đảng viên";
- figure, noun: "97% hộ gia đình được công nhận gia đình văn hóa" -> "Hộ gia đình được
  công nhận gia đình văn hóa"; "Đảng bộ … có 11 chi bộ" -> "Số chi bộ";
- a verb alone, which continues the indicator before it: "…, vượt so với chỉ tiêu Nghị
  quyết đề ra 16%-17%", "…; tăng 5% so với 6 tháng đầu năm 2017".

``split_head`` finds the verb before the figure; ``subject_name`` and ``action_name``
build the name; ``indicator_key`` folds it for comparison across reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import fold, squash_spaces

STATE, ACTION = "state", "action"

# Verbs that link a subject to its figure: "X đạt 85%", "X tăng 26,68%/năm".
_STATE_VERBS = (
    r"đạt và vượt|đạt hoặc vượt|đạt và vượt mức|ước đạt|đạt được|đạt tỷ lệ|đạt mức|đạt|chiếm tỷ lệ|chiếm|ước tăng|tăng bình quân"
    # "Kinh tế tăng trưởng 7%" has a verb; "Tốc độ tăng trưởng GRDP 7%" is one noun phrase.
    r"|(?<!tốc độ )(?<!mức )tăng trưởng|tăng(?!\s+trưởng)"
    r"|giảm còn|giảm xuống còn|giảm|chỉ còn|còn lại|còn|có|là|bằng|vượt so với|vượt|lên|gấp"
    r"|xuống còn|đề ra|đặt ra|tương đương|ước|duy trì ở mức|duy trì|giữ vững|giữ ổn định|giữ mức|ổn định ở mức|ổn định"
    r"|ở mức"
)
# Verbs of what was done: "kết nạp 62", "tổ chức 16 lớp", "kiểm tra … 29 tổ chức đảng".
ACTION_VERBS = (
    r"kết nạp|tổ chức|tiến hành|thành lập|phát triển|xây dựng|ban hành|huy động|kiểm tra"
    r"|giám sát|khiển trách|cảnh cáo|kỷ luật|xóa tên|xử lý|trồng mới|trồng|làm mới|xây mới"
    r"|nâng cấp|sửa chữa|hỗ trợ|trao tặng|trao|tặng|khám chữa bệnh|khám|cấp|mở"
    r"|giải quyết việc làm|giải quyết"
    r"|đào tạo|bồi dưỡng|vận động|thu hút|tiếp nhận|tuyển|đón|phục vụ|tuyên truyền"
    r"|công nhận|khen thưởng|thu|chi|đầu tư|bàn giao|di dời|giải ngân|giao|cho"
)
_VERB_RE = re.compile(rf"(?<![\w])(?:(?P<action>{ACTION_VERBS})|(?P<state>{_STATE_VERBS}))(?![\w])")
# Words between a verb and its figure that qualify the figure, not the subject.
_COMPARATOR_TAIL = re.compile(
    r"(?:\s*(?<![\w])(?:được|từ|trên|dưới|gần|hơn|khoảng|ít nhất|tối thiểu|tối đa|không quá"
    r"|không dưới|tỷ lệ|mức|chỉ|đã|ước|bình quân|thêm|mới|xấp xỉ|chừng))*\s*$"
)
# Openings of a clause that frame it and are not the subject.
_FRAME_PART = re.compile(
    r"^(?:trong|hết|cuối|đến|tính đến|tính từ|sau|qua|hằng|hàng|mỗi|năm|từ|với|nhờ|theo|về"
    r"|trên cơ sở|thực hiện|bên cạnh|ngoài ra|đồng thời|riêng|nhìn chung|cụ thể|kết quả"
    r"|đặc biệt|\d+ tháng|sáu tháng|nhiệm kỳ|giai đoạn)\b"
)
_LEADING_FILLER = re.compile(
    r"^(?:[-–*+•]\s*|\d+[.)]\s+|\d[\d.,]*\s+|(?:và|nhưng|còn|đã|đều|cũng|tiếp tục|trong đó"
    r"|trong số đó|phấn đấu|đề ra mục tiêu|mục tiêu|chỉ tiêu|hàng năm|hằng năm|mỗi năm|cả năm"
    r"|trong năm|trong nhiệm kỳ|nhiệm kỳ qua|(?:tính )?từ đầu nhiệm kỳ|đến nay|tính đến nay"
    r"|hiện nay|hiện"
    r"|(?:đến|tới|trong|hết|cuối)?\s*năm \d{4}|(?:nhiệm kỳ|giai đoạn) \d{4}\s*[-–]\s*\d{4})"
    r"\b[\s,:]*)+"
)
# A "subject" that opens with one of these continues the indicator before it ("…, vượt so
# với chỉ tiêu đề ra 16%-17%") or only says whose figure it is ("của 95 tổ chức").
_NOT_A_SUBJECT = re.compile(r"^(?:vượt|so với|bằng|gấp)\b")
_PREPOSITION = re.compile(r"^(?:đại diện cho|đối với|của|cho|với|gồm)\b\s*")
_TRAILING_FILLER = re.compile(
    r"(?:[\s,]+(?:bình quân|hàng năm|hằng năm|mỗi năm|ước|trong \d+ năm|cả năm|đã|đều|chỉ"
    r"|phấn đấu|hiện|hiện có|(?:đến|tới|trong|hết|cuối|vào)?\s*năm \d{4}"
    r"|(?:đến |tới )?(?:cuối|hết|đầu|trong) (?:nhiệm kỳ|giai đoạn)|cuối năm|đến nay))+$"
)
# Subjects that are the organisation or place owning the count: "Đảng bộ … có 11 chi bộ".
_OWNER = re.compile(
    r"^(?:đảng bộ|chi bộ|toàn|cả|phường|xã|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|khối"
    r"|đơn vị|địa phương|hiện nay|hiện|trong đó|ban chấp hành|tp|đại hội|hội nghị)\b"
)


@dataclass(frozen=True)
class Head:
    """The words before a figure, split at the verb."""

    subject: str  # cleaned subject, may be ""
    subject_start: int  # offset of the subject in the text (or of the verb when none)
    verb: str  # verb phrase as written, comparators removed, may be ""
    verb_kind: str | None  # STATE, ACTION or None


def split_head(text: str, form: str, start: int, end: int) -> Head:
    """Split ``text[start:end]`` (the words before a figure) into subject and verb."""
    verbs = [v for v in _VERB_RE.finditer(form, start, end) if _links_figure(form, v, end)]
    if len(verbs) > 1 and verbs[-1].group(0) == "cho" and verbs[-2].group("action"):
        verbs.pop()  # "giải quyết việc làm cho 1.200 lao động": the action, not "cho"
    verb_start = verbs[-1].start() if verbs else end
    verb_kind = None
    if verbs:
        verb_kind = ACTION if verbs[-1].group("action") else STATE
    verb_text = text[verb_start:end]
    verb_text = verb_text[: len(verb_text) - len(_COMPARATOR_TAIL.search(verb_text.lower())[0])]
    subject, subject_start = _clean_subject(text, form, start, verb_start)
    return Head(subject, subject_start if subject else verb_start, verb_text.strip(), verb_kind)


def _links_figure(form: str, verb: re.Match[str], figure_start: int) -> bool:
    """An action verb may have a complement before its figure ("kiểm tra chuyên đề đối với
    29 tổ chức đảng"); a state verb stands right before it ("tăng 7-8%"), else it belongs to
    the subject ("Tỷ lệ tăng dân số tự nhiên dưới 1%")."""
    if verb.group("action"):
        return True
    between = form[verb.end() : figure_start]
    between = between[: len(between) - len(_COMPARATOR_TAIL.search(between)[0])]
    return len(between.split()) <= 2 or bool(re.match(r"\s*so với", between))


def _clean_subject(text: str, form: str, start: int, end: int) -> tuple[str, int]:
    # Drop framing parts before the subject: "Trong năm 2020, ", "Hằng năm, ",
    # "Trong tổng số 28 tổ chức cơ sở đảng, ".
    while True:
        comma = form.find(",", start, end)
        if comma < 0 or not _FRAME_PART.match(form[start:end].lstrip()):
            break
        start = comma + 1
    piece = text[start:end]
    lead = _LEADING_FILLER.match(piece.lower().lstrip())
    offset = len(piece) - len(piece.lstrip()) + (lead.end() if lead else 0)
    piece = piece[offset:]
    # "Khu phố văn hóa có 4/4 khu phố, đạt", "Số hộ nghèo giảm từ 1.250 hộ xuống còn":
    # the subject ends before the figure it had.
    cut = re.search(r"\s+(?:có|tăng từ|giảm từ|từ)\s+\d", piece)
    if cut:
        piece = piece[: cut.start()]
    elif re.match(r"có\s+[\d.,/]+\s+", piece):
        leading = re.match(r"có\s+[\d.,/]+\s+", piece)
        offset += leading.end()
        piece = piece[leading.end() :]
    # "Đảng bộ phường phấn đấu thu ngân sách tăng …": what the owner strives for is the
    # subject, not the owner.
    resolve = next(reversed(list(_RESOLVE.finditer(piece.lower()))), None)
    if resolve and piece[resolve.end() :].strip(" ,;:"):
        offset += resolve.end()
        piece = piece[resolve.end() :]
        lead = _LEADING_FILLER.match(piece.lower())  # "đề ra mục tiêu đến năm 2025 thu nhập…"
        if lead and piece[lead.end() :].strip():
            offset += lead.end()
            piece = piece[lead.end() :]
    piece = _last_measured_part(piece.strip(" ,;:"))
    # "tỷ lệ hộ nghèo cuối nhiệm kỳ dưới": the comparator, then the time words before it.
    piece = piece[: len(piece) - len(_COMPARATOR_TAIL.search(piece.lower())[0])]
    trailing = _TRAILING_FILLER.search(piece.lower())
    if trailing:
        piece = piece[: trailing.start()]
    piece = piece[: len(piece) - len(_COMPARATOR_TAIL.search(piece.lower())[0])]
    if _NOT_A_SUBJECT.match(piece.lower()):
        return "", start + offset
    preposition = _PREPOSITION.match(piece.lower())  # "với tổng vốn đăng ký 2.350 tỷ đồng"
    if preposition:
        offset += preposition.end()
        piece = piece[preposition.end() :]
    return clean_name(piece), start + offset


_RESOLVE = re.compile(
    r"(?<![\w])(?:phấn đấu|quyết tâm|đề ra mục tiêu|đặt mục tiêu|đặt ra mục tiêu|"
    r"(?:giữ vững|duy trì|nâng cao|nâng)(?=\s+(?:tỷ lệ|tỉ lệ|số|tổng|mức)))(?![\w])\s*"
)
_MEASURE_HEADS = re.compile(
    r"(?:tỷ lệ|tỉ lệ|số|tổng|giá trị|tốc độ|thu|chi|sản lượng|thu nhập|kim ngạch|doanh thu"
    r"|diện tích|năng suất|mức|kinh phí|vốn)\s"
)


def _last_measured_part(piece: str) -> str:
    """ "Tuổi bình quân … là 45 tuổi, tỷ lệ nữ" -> "tỷ lệ nữ": after a comma or "với", a new
    measure noun opens the subject of this figure."""
    parts = piece.split(", ")
    if len(parts) > 1 and _MEASURE_HEADS.match(parts[-1].lower() + " "):
        return parts[-1]
    # "… nhà tình nghĩa, tình thương với tổng kinh phí": the sum has its own name.
    joined = re.split(r"\s+với\s+", piece)
    if len(joined) > 1 and _MEASURE_HEADS.match(joined[-1].lower() + " "):
        return joined[-1]
    return piece


def subject_is_owner(subject: str) -> bool:
    """True for "Đảng bộ phường X", "toàn phường": the owner of a count, not its name."""
    return bool(_OWNER.match(subject.lower()))


_SHARE_IN_BRACKETS = re.compile(r"\(\s*\d+\s*/\s*\d+\s*\)")


def clean_name(text: str) -> str:
    """One line, no quotes, shares in brackets ("100% (28/28) chi bộ") or edge
    punctuation, first letter capitalised."""
    text = _SHARE_IN_BRACKETS.sub(" ", re.sub(r"[\"“”‘’«»]", "", text))
    text = squash_spaces(text).strip(" ,;:.-–…")
    return text[:1].upper() + text[1:] if text else ""


def action_name(verb: str, noun: str) -> str:
    """ "kết nạp được" + "đảng viên" -> "Kết nạp đảng viên"."""
    verb = re.sub(r"\b(?:được|đã|sẽ|phấn đấu)\b", " ", verb, flags=re.IGNORECASE)
    # "kết nạp từ 10 đảng viên trở lên": the comparator qualifies the figure, not the name.
    noun = re.sub(r"\s+(?:trở lên|trở xuống)\s*$", "", noun, flags=re.IGNORECASE)
    if verb.strip().lower() == "cho":
        return clean_name(noun)
    return clean_name(f"{verb} {noun}")


_GENERIC_KEY_WORDS = re.compile(
    r"\b(?:ty le|so luong|tong so|so|tong|binh quan|hang nam|uoc|dat|muc|cac|nhung)\b"
)


def indicator_key(name: str) -> str:
    """Accent-free name without generic words: "Tỷ lệ hộ nghèo" -> "ho ngheo"."""
    key = re.sub(r"[^\w\s]", " ", fold(name))
    return squash_spaces(_GENERIC_KEY_WORDS.sub(" ", key))
