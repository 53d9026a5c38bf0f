"""Bytes to text: a byte-order mark first, UTF-8 next (a few stray bytes replaced), a detected legacy
encoding after that, and a clear refusal for binary data."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

MAX_BYTES = 20_000_000
"""Inputs larger than this are refused item by item: an article is never this long, a dump is."""

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""Longest first: the UTF-32 little-endian mark begins with the UTF-16 one."""
_STRAY_SHARE = 0.2
"""At most this share of the non-ASCII bytes may be invalid for the text to stay UTF-8 (see ``_mostly_utf8``)."""


def decode(data: bytes, item: str) -> str:
    """Return the text of ``data`` or raise ValueError with a reason a user can act on."""
    if not data.strip():
        raise ValueError("empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise ValueError(f"undecodable bytes (a {encoding.upper()} byte-order mark, then invalid data)") from None
            if "\x00" in text:
                raise ValueError("binary data, not text")
            if not text.strip():
                raise ValueError("empty input")
            return text
    if b"\x00" in data:  # anywhere: a NUL after the first kilobytes is binary all the same
        raise ValueError("binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if (mostly := _mostly_utf8(data)) is not None:
        return mostly
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise ValueError("undecodable bytes (not UTF-8 and no legacy encoding fits)")
    return data.decode(best.encoding, errors="replace")


def _mostly_utf8(data: bytes) -> str | None:
    """The text, when ``data`` is UTF-8 with a few stray bytes (a bad copy, a cut) rather than a legacy encoding.

    In a Latin-1 or Windows-1252 text nearly every non-ASCII byte is invalid UTF-8 ("é" is one byte 0xE9);
    in a UTF-8 text with a stray byte nearly all are valid. Guessing a legacy encoding for the second would
    garble every accented letter of the article to save one byte, so it keeps UTF-8 and replaces that byte.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))  # invalid sequences, one U+FFFD each
    non_ascii = len(data) - len(data.decode("ascii", errors="ignore"))
    return text if 0 < bad <= non_ascii * _STRAY_SHARE else None
