"""Bytes to text: the encodings real report files come in, and clear refusals."""

from __future__ import annotations

import codecs
import unicodedata


class UnreadableReport(ValueError):
    """A file that cannot be a report; the message says why, for the import's summary."""


# Tried in order after the BOM checks. cp1258 (Vietnamese Windows) decodes almost any
# byte string, so it comes after strict UTF-8 and is checked for plausibility.
FALLBACK_ENCODINGS = ("utf-8", "cp1258", "cp1252")
_VIETNAMESE_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")


# A UTF-8 file with a few damaged bytes (a bad copy, a cut download) is still UTF-8: read it
# with U+FFFD in their place rather than as Windows-1258 mojibake; beyond this share of
# invalid bytes it is refused.
MAX_DAMAGED_UTF8_SHARE = 0.01
# Share of a legacy-encoded text that must be letters, digits, spaces and ordinary
# punctuation; random bytes decoded as Windows-1258 are full of symbols (¤ § ¶ « ±).
MIN_LEGACY_PLAIN_SHARE = 0.97
_PLAIN_CATEGORIES = {"Lu", "Ll", "Lt", "Lo", "Lm", "Mn", "Nd", "Zs"}
_PLAIN_PUNCTUATION = set("\n\r\t.,;:!?'\"()-/%&+–—…“”‘’")


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return False
    bad = sum(
        1 for c in text if unicodedata.category(c) in {"Cc", "Co", "Cn"} and c not in "\n\r\t"
    )
    return bad / len(text) < 0.01


def _looks_like_legacy_text(text: str) -> bool:
    """Plausible for a Windows-1258/1252 report: mostly ASCII, hardly any symbols."""
    if not _looks_like_text(text):
        return False
    plain = sum(
        1 for c in text if c in _PLAIN_PUNCTUATION or unicodedata.category(c) in _PLAIN_CATEGORIES
    )
    ascii_share = sum(1 for c in text if c < "\x80") / len(text)
    return plain / len(text) >= MIN_LEGACY_PLAIN_SHARE and ascii_share >= 0.6


def _damaged_utf8(data: bytes) -> str | None:
    """The text of a UTF-8 file with a few invalid bytes, or None if it is not UTF-8.

    Raises UnreadableReport when it is UTF-8 but too damaged to be worth reading."""
    text = data.decode("utf-8", "replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for c in text if "\x80" <= c != "\ufffd")
    if multibyte < max(3, invalid):
        return None  # not UTF-8 text with a few bad bytes: try the legacy encodings
    if invalid > max(8, len(data) * MAX_DAMAGED_UTF8_SHARE):
        raise UnreadableReport(f"damaged UTF-8 text ({invalid:,} invalid byte sequences)")
    return text


def decode_report(data: bytes, *, max_bytes: int | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`UnreadableReport`."""
    if not data or not data.strip():
        raise UnreadableReport("empty file")
    if max_bytes is not None and len(data) > max_bytes:
        raise UnreadableReport(f"file too large ({len(data):,} bytes; the limit is {max_bytes:,})")
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", data)]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", data)]
    else:
        candidates = [(encoding, data) for encoding in FALLBACK_ENCODINGS]
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        if data.count(b"\x00") > len(data) // 4:
            even, odd = data[0::2].count(b"\x00"), data[1::2].count(b"\x00")
            candidates.insert(0, ("utf-16-be" if even > odd else "utf-16-le", data))
    if b"\x00" in data and not any(enc.startswith("utf-16") for enc, _ in candidates):
        raise UnreadableReport("binary file (contains NUL bytes), not a text report")
    for encoding, payload in candidates:
        try:
            text = payload.decode(encoding)
        except UnicodeDecodeError:
            if encoding != "utf-8":
                continue
            text = _damaged_utf8(payload)
            if text is None:
                continue
        plausible = _looks_like_legacy_text if encoding.startswith("cp") else _looks_like_text
        if plausible(text):
            return unicodedata.normalize("NFC", text), encoding.replace("-sig", "")
    raise UnreadableReport("not readable as text in UTF-8, UTF-16, Windows-1258 or Windows-1252")
