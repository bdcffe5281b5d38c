import codecs

import pytest

from congress.extraction.decoding import UnreadableReport, decode_report

TEXT = "Đảng bộ phường Hà Lầm kết nạp được 32 đảng viên.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_decodes_unicode_encodings(data, encoding):
    assert decode_report(data) == (TEXT, encoding)


def test_windows_1252_latin_text():
    # Windows-1258 and -1252 agree on these bytes; either reading gives the same text.
    assert decode_report("Café – report".encode("cp1252"))[0] == "Café – report"


def test_windows_1258_is_normalised_to_nfc():
    # Windows-1258 writes "kết" as k, ê (0xEA), a combining acute (0xEC), t.
    text, encoding = decode_report(b"k\xea\xect n\xe3p")
    assert encoding == "cp1258"
    assert text == "kết năp"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"   \n\t ", "empty file"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10,
            "binary file (contains NUL bytes), not a text report",
        ),
    ],
)
def test_refuses_what_is_not_a_report(data, message):
    with pytest.raises(UnreadableReport, match=message.replace("(", r"\(").replace(")", r"\)")):
        decode_report(data)


def test_refuses_too_large():
    with pytest.raises(UnreadableReport, match=r"file too large \(11 bytes; the limit is 10\)"):
        decode_report(b"x" * 11, max_bytes=10)
