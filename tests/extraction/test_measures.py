import pytest

from congress.extraction import measures
from congress.extraction.measures import read_unit


def unit_after(text):
    """The unit after the first figure of ``text`` (the figure ends at the first space
    or % sign after the digits)."""
    end = 0
    while end < len(text) and (text[end].isdigit() or text[end] in ".,"):
        end += 1
    unit = read_unit(text, end)
    return (unit.name, unit.kind, text[end : unit.end]) if unit else None


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("26,68%/năm", "%/năm", measures.PERCENT),
        ("85% hộ", "%", measures.PERCENT),
        ("21,1 tỷ đồng.", "tỷ đồng", measures.MONEY),
        ("1 tỉ đồng", "tỷ đồng", measures.MONEY),
        ("45 triệu đồng/người/năm", "triệu đồng/người/năm", measures.MONEY),
        ("520 triệu USD", "triệu USD", measures.MONEY),
        ("1,2 nghìn tỷ đồng", "nghìn tỷ đồng", measures.MONEY),
        ("3 ngàn tỷ đồng", "nghìn tỷ đồng", measures.MONEY),
        ("1,5 triệu tấn lúa", "triệu tấn", measures.PHYSICAL),
        ("430 đảng viên,", "đảng viên", measures.COUNT),
        ("95 TCCSĐ trong", "tổ chức cơ sở đảng", measures.COUNT),
        ("5 tổ chức đảng", "tổ chức đảng", measures.COUNT),
        ("02 Trường học được", "trường", measures.COUNT),
        ("29 hộ nghèo, cận nghèo", "hộ", measures.COUNT),
        ("62 quần chúng ưu tú", "quần chúng", measures.COUNT),
        ("150 ha rừng", "ha", measures.PHYSICAL),
        ("4 phường", "phường", measures.PLACE),
        ("5 năm qua", "năm", measures.TIME),
        ("5 tuổi", "tuổi", measures.TIME),
        ("15 đồng chí", "đồng chí", measures.TITLE),
        ("52 diễn đàn sinh hoạt", "diễn đàn", measures.GENERIC),
        ("8 đề án, nghị quyết", "đề án", measures.GENERIC),
    ],
)
def test_units(text, name, kind):
    got = unit_after(text)
    assert got[:2] == (name, kind)


def test_unit_end_is_an_offset_in_the_original_text():
    text = "đạt 3,6 Tỷ Đồng, vượt"
    unit = read_unit(text, 7)
    assert text[7 : unit.end] == " Tỷ Đồng"


def test_lexicon_units_tolerate_a_double_space():
    assert unit_after("12  đảng viên")[:2] == ("đảng viên", measures.COUNT)


def test_second_time_is_not_a_count():
    assert unit_after("18 lần thứ")[:2] == ("lần thứ", measures.TIME)
    assert unit_after("1,5 lần so với")[:2] == ("lần", measures.COUNT)


@pytest.mark.parametrize(
    "text",
    [
        "129 0",  # view counters
        "1 Kế hoạch",  # a capitalised name follows
        "10 và thực hiện",
        "2018,",
        "19a",
        "52  diễn đàn",  # a gap before a word outside the lexicon: not one phrase
    ],
)
def test_no_unit(text):
    assert unit_after(text) is None
