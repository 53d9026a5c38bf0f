"""WARC and WET crawl files (warcio), read record by record so a crawl of any size streams.

WARC: every ``response`` (or ``resource``) record whose payload is HTML becomes an article through the
HTML reader (boilerplate removed, metadata kept; the record's target URI is its id and URL).
WET: every ``conversion`` record (plain text extracted by the crawler) becomes an article.
Other records (requests, metadata, images, robots.txt) are not articles and are passed over.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from veille.errors import InputError
from veille.ingest.decode import MAX_BYTES, decode
from veille.ingest.html import parse_html
from veille.model import Article

_ISO3_TO_1 = {"fra": "fr", "fre": "fr", "eng": "en", "deu": "de", "ger": "de", "spa": "es", "ita": "it"}


def read_warc(stream: BinaryIO, *, item: str) -> Iterator[Article | InputError]:
    """Articles from a (possibly gzipped) WARC or WET stream; a bad record is reported, the rest still read."""
    n = 0
    try:
        for record in ArchiveIterator(stream, check_digests=True):
            if record.rec_type not in ("response", "resource", "conversion"):
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{item}#{n}"
            where = f"{item}#{uri}"
            ctype = _content_type(record)
            if record.rec_type == "conversion":
                if not ctype.startswith("text/plain") and ctype:
                    continue
            elif "html" not in ctype:
                continue
            data = record.content_stream().read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                yield InputError(where, f"record larger than {MAX_BYTES:,} bytes")
                continue
            if (damage := _damage(record)) is not None:
                yield InputError(where, damage)
                continue
            try:
                text = _text(data, record, where)
                if record.rec_type == "conversion":
                    lang = _lang(record.rec_headers.get_header("WARC-Identified-Content-Language"))
                    yield Article(id=uri, text=text, url=uri, lang=lang)
                else:
                    art = parse_html(text, default_id=uri)
                    art.id, art.url = uri, uri
                    yield art
            except ValueError as exc:
                yield InputError(where, str(exc))
    except Exception as exc:  # warcio raises its own types on a broken archive; the records read so far stay
        yield InputError(item, f"broken WARC archive after {n} records ({type(exc).__name__}: {exc})")


def _damage(record) -> str | None:
    """Why a record read to its end is not whole, or None: the file ended before the length its header
    declares (a crawl cut short), or its block does not hash to the digest its header declares."""
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if missing > 0:
        return f"record truncated: the file ends {missing:,} bytes before the {record.length:,} its header declares"
    if record.digest_checker.passed is False:
        return "record damaged: its content does not match the digest its header declares"
    return None


def _content_type(record) -> str:
    if record.http_headers is not None:
        return (record.http_headers.get_header("Content-Type") or "").lower()
    return (record.rec_headers.get_header("Content-Type") or "").lower()


def _text(data: bytes, record, where: str) -> str:
    charset = None
    ctype = _content_type(record)
    if "charset=" in ctype:
        charset = ctype.split("charset=", 1)[1].split(";")[0].strip().strip('"')
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, where)


def _lang(header: str | None) -> str | None:
    if not header:
        return None
    first = header.split(",")[0].strip().lower()
    return _ISO3_TO_1.get(first, first[:2] if len(first) == 2 else None)
