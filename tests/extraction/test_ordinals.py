from congress.extraction.ordinals import parse_ordinal, parse_term, roman_to_int, term_for_year


def test_roman_numerals():
    assert roman_to_int("VII") == 7
    assert roman_to_int("XXV") == 25
    assert roman_to_int("XIX") == 19
    assert roman_to_int("IIII") is None
    assert roman_to_int("") is None


def test_ordinal_roman_or_arabic():
    assert parse_ordinal("VIII") == 8
    assert parse_ordinal("25") == 25
    assert parse_ordinal("07") == 7
    assert parse_ordinal("0") is None
    assert parse_ordinal("2020") is None
    assert parse_ordinal("abc") is None


def test_parse_term_dashes_and_spaces():
    assert parse_term("nhiệm kỳ 2015 – 2020") == (2015, 2020)
    assert parse_term("NK 2020-2025") == (2020, 2025)
    assert parse_term("giai đoạn 2020 2025") == (2020, 2025)
    assert parse_term("nhiệm kỳ 2010—2015") == (2010, 2015)
    assert parse_term("nhiệm kỳ 2015-20") == (2015, 2020)


def test_parse_term_rejects_non_terms():
    assert parse_term("năm 2018") is None
    assert parse_term("2015-2045") is None
    assert parse_term("") is None


def test_term_for_year():
    terms = ["2015-2020", "2020-2025"]
    assert term_for_year(2018, terms) == "2015-2020"
    # The year of a congress closes the old term; its plan starts the year after.
    assert term_for_year(2020, terms) == "2015-2020"
    assert term_for_year(2023, terms) == "2020-2025"
    assert term_for_year(2015, terms) == "2015-2020"
    assert term_for_year(2031, terms) is None
