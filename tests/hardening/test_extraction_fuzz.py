"""Fuzzing the extraction pipeline (no database): damaged seed reports and random text
through decoding and every extraction step. Nothing may raise except the decoder's
``UnreadableReport``, and what comes out must be clean enough to store."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from congress.extraction import extract_report
from congress.extraction.cleaning import clean_report
from congress.extraction.decoding import UnreadableReport, decode_report
from congress.extraction.gazetteer import default_gazetteer
from congress.extraction.indicators import extract_indicators
from congress.extraction.metadata import extract_metadata
from congress.extraction.numbers import find_quantities
from congress.extraction.people import extract_people
from congress.extraction.terms import extract_congresses, extract_terms
from congress.extraction.text import match_key, sanitize, slugify_vi
from congress.extraction.units import extract_units

from .mutations import SEED_BYTES, ZERO_WIDTH_AND_CONTROLS, damaged_report

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=False
)
# Text that looks like a report: Vietnamese words, figures, punctuation, invisible characters.
VIETNAMESE = st.lists(
    st.sampled_from(
        list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐƠƯ àáảãạằắẳẵặầấẩẫậềếểễệờớởỡợừứửữự")
        + list("0123456789%.,;:-–/()\"'\n\n  ")
        + list(ZERO_WIDTH_AND_CONTROLS)
        + ["Đảng bộ phường ", "nhiệm kỳ 2020-2025", "Đại hội lần thứ XV", "tỷ lệ ", "đạt ",
           "phấn đấu ", "tăng ", "triệu đồng", "Bí thư ", "đồng chí Nguyễn Văn A", "xã ",
           "huyện ", "tỉnh Quảng Trị", "ngày 15/5/2020", "giảm còn ", "hộ nghèo", "\u0301"]
    ),
    max_size=600,
).map("".join)  # fmt: skip
ANY_TEXT = st.text(max_size=2000) | VIETNAMESE
INVISIBLE = set(ZERO_WIDTH_AND_CONTROLS) - {"\x85"}


def assert_clean(text: str) -> None:
    """Stored text: NFC, and no zero-width, bidi or control characters."""
    assert unicodedata.is_normalized("NFC", text)
    assert not INVISIBLE & set(text.replace("\n", "").replace("\t", ""))


def assert_storable(record) -> None:
    assert_clean(record.body)
    assert_clean(record.raw)
    assert_clean(record.metadata.title)
    for ref in record.indicators:
        assert ref.quote and ref.quote in record.body
        for number in (ref.value, ref.low, ref.high):
            if number is not None:
                assert isinstance(number, Decimal) and number.is_finite()
                assert abs(number) < Decimal(10) ** 15  # the column holds 16 digits
    for person in record.people:
        assert person.name.strip()


@FUZZ
@given(data=damaged_report())
def test_damaged_reports_decode_or_are_refused_with_a_reason(data):
    try:
        text, encoding = decode_report(data, max_bytes=5 * 1024 * 1024)
    except UnreadableReport as exc:
        assert str(exc)
        return
    assert encoding
    record = extract_report(text, "damaged.txt")
    assert_storable(record)


@FUZZ
@given(data=st.binary(min_size=1, max_size=4000))
def test_random_bytes_decode_or_are_refused(data):
    try:
        text, _ = decode_report(data)
    except UnreadableReport as exc:
        assert str(exc)
        return
    assert_storable(extract_report(text, "random.bin"))


def test_mostly_garbage_is_refused_not_read_as_a_legacy_encoding():
    """Random bytes must not pass for Windows-1258 text: count how many are accepted."""
    import random

    rng = random.Random(7)
    accepted = 0
    # Printable bytes only (no NUL or control byte to give it away): the hard case, which
    # the decoder used to accept as Windows-1258 about once in a hundred.
    alphabet = bytes(range(0x20, 0x100)) + b"\n" * 10
    for _ in range(400):
        data = bytes(rng.choice(alphabet) for _ in range(rng.randrange(20, 2000)))
        try:
            decode_report(data)
            accepted += 1
        except UnreadableReport:
            pass
    assert accepted == 0


def test_a_report_with_a_few_damaged_bytes_is_still_read_as_utf8():
    data = SEED_BYTES[1]
    damaged = data[:500] + b"\xff\xfe\x80" + data[500:]
    text, encoding = decode_report(damaged)
    assert encoding == "utf-8"
    assert "Đảng" in text and "Ä" not in text  # not mojibake from Windows-1258


@FUZZ
@given(text=ANY_TEXT)
@example(text="Đa\u200b\u0301ng bộ")  # removal leaves a decomposed sequence behind
@example(text="a\u200e\u0300\u202e")
def test_sanitize_gives_clean_nfc_text(text):
    assert_clean(sanitize(text))


@FUZZ
@given(text=ANY_TEXT)
def test_every_extraction_step_accepts_any_text(text):
    report = clean_report(sanitize(text))
    metadata = extract_metadata(report)
    units = extract_units(report, metadata, default_gazetteer())
    terms = extract_terms(report, metadata)
    extract_congresses(report, units, terms, metadata)
    extract_people(report)
    extract_indicators(report, terms=terms, published_at=metadata.published_at)
    find_quantities(text)
    match_key(text)
    assert len(slugify_vi(text, max_length=100)) <= 100
    assert_storable(extract_report(text, "random.txt"))


@pytest.mark.parametrize("digits", [15, 16, 30, 400])
def test_huge_figures_are_not_extracted(digits):
    body = f"Năm 2020, tổng thu ngân sách trên địa bàn phường đạt {'9' * digits} tỷ đồng."
    record = extract_report(f"Tiêu đề bài viết\n\n{body}\n", "huge.txt")
    assert_storable(record)


def test_a_huge_line_is_read_in_linear_time():
    """Found by the fuzzing: a 50,000-character line of repeated questions took 28 s (every
    term mention re-read the text from its start; main's sentence look-back in growing
    windows fixes it), a line of repeated figures 7 s (each figure compared with every
    other); 400,000 characters took minutes."""
    import time

    line = "Phóng viên: Thưa đồng chí Bí thư Đảng ủy phường I, nhiệm kỳ 2015 – 2020, đạt 5,5%? "
    text = SEED_BYTES[1].decode("utf-8") + "\n" + line * (200_000 // len(line))
    started = time.perf_counter()
    assert_storable(extract_report(text, "huge-line.txt"))
    assert time.perf_counter() - started < 30
