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


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return False
    bad = sum(
        1 for c in text if unicodedata.category(c) in {"Cc", "Co", "Cn"} and c not in "\n\r\t"
    )
    return bad / len(text) < 0.01


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
            continue
        if _looks_like_text(text):
            return unicodedata.normalize("NFC", text), encoding.replace("-sig", "")
    raise UnreadableReport("not readable as text in UTF-8, UTF-16, Windows-1258 or Windows-1252")
