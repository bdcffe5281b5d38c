from congress.extraction.sentences import clauses, paragraphs, search_form, sentences


def texts(text, spans):
    return [text[s:e] for s, e in spans]


def test_search_form_keeps_offsets():
    text = "Thị uỷ HOÀ Tỉ lệ"
    form = search_form(text)
    assert form == "thị ủy hòa tỷ lệ"
    assert len(form) == len(text)


def test_paragraphs_are_non_blank_lines():
    text = "  Dòng một.\n\n\nDòng hai  \n"
    assert texts(text, paragraphs(text)) == ["Dòng một.", "Dòng hai"]


def test_sentences_keep_decimals_thousands_and_abbreviations():
    text = "Thu đạt 21,1 tỷ đồng. Kết nạp 1.200 đảng viên theo Nghị quyết T.Ư 4. Hết"
    assert texts(text, sentences(text, 0, len(text))) == [
        "Thu đạt 21,1 tỷ đồng.",
        "Kết nạp 1.200 đảng viên theo Nghị quyết T.Ư 4.",
        "Hết",
    ]


def test_a_full_stop_glued_to_the_next_sentence_still_ends_one():
    text = "đất nước.Nhân dịp này"
    assert texts(text, sentences(text, 0, len(text))) == ["đất nước.", "Nhân dịp này"]


def test_clauses_split_at_semicolons_and_colons_but_not_times():
    text = "Chỉ tiêu về Đảng: đạt 90%; lúc 15:13 kết nạp 5"
    assert texts(text, clauses(text, 0, len(text))) == [
        "Chỉ tiêu về Đảng",
        "đạt 90%",
        "lúc 15:13 kết nạp 5",
    ]


def test_empty_text():
    assert paragraphs("") == []
    assert sentences("", 0, 0) == []
