"""Bytes to text: UTF-8 first, a detected legacy encoding next, and a clear refusal for binary data."""

from __future__ import annotations

from charset_normalizer import from_bytes

MAX_BYTES = 20_000_000
"""Inputs larger than this are refused item by item: an article is never this long, a dump is."""


def decode(data: bytes, item: str) -> str:
    """Return the text of ``data`` or raise ValueError with a reason a user can act on."""
    if not data.strip():
        raise ValueError("empty input")
    if b"\x00" in data[:8192]:
        raise ValueError("binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise ValueError("undecodable bytes (not UTF-8 and no legacy encoding fits)")
    return data.decode(best.encoding, errors="replace")
