"""Dispatch any input (files, directories, globs, ``-`` for stdin) to the reader for its form.

Readers yield ``Article`` or ``InputError`` items instead of raising, so that one bad item in a
batch is reported and the others are still read (a batch "finishes and loses nothing"). The files are
those of ``walk`` and JSONL is read by ``veille.ingest.jsonl``, both shared with ``veille batch``.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterator
from typing import BinaryIO
from functools import partial
from pathlib import Path

from veille.errors import InputError
from veille.ingest.decode import MAX_BYTES, decode
from veille.ingest.feeds import looks_like_feed, read_feed
from veille.ingest.forms import SUFFIXES, form_of
from veille.ingest.html import parse_html
from veille.ingest.jsonl import jsonl_line, read_jsonl
from veille.ingest.options import ReadOptions, filled
from veille.ingest.records import article_from_json, article_from_text
from veille.ingest.walk import walk
from veille.ingest.warc import read_warc
from veille.model import Article

__all__ = ["SUFFIXES", "ReadOptions", "form_of", "jsonl_line", "read_bytes", "read_file", "read_inputs"]


def read_inputs(paths: list[str], options: ReadOptions = ReadOptions()) -> Iterator[Article | InputError]:
    for name, error in walk(paths):
        if error is not None:
            yield InputError(name, error)
        elif name == "-":
            yield from _read_item("stdin", sys.stdin.buffer.read(MAX_BYTES + 1), _sniff_stdin, options)
        else:
            yield from read_file(name, options)


def read_file(item: str, options: ReadOptions, *, opener: Callable[[], BinaryIO] | None = None,
              ) -> Iterator[Article | InputError]:
    """The articles of one file (a WARC and a JSONL file streamed); ``opener``: how to open it (a batch opens a
    URL through fsspec), else it is a local path."""
    path = Path(item.split("://")[-1])
    form = form_of(path) or "text"
    try:
        with (opener() if opener is not None else path.open("rb")) as fh:
            if form == "warc":
                yield from read_warc(fh, item=item)
                return
            if form == "jsonl":
                yield from read_jsonl(item, fh, options, path.stem)
                return
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        yield InputError(item, "no such file")
        return
    except OSError as exc:
        yield InputError(item, exc.strerror or str(exc))
        return
    yield from read_bytes(item, data, form, options, stem=path.stem)


def read_bytes(item: str, data: bytes, form: str, options: ReadOptions, *, stem: str) -> Iterator[Article | InputError]:
    """The articles of one item whose bytes are read: an ``.xml`` told apart as a feed or a page, then the
    reader of its form. Shared by ``veille ingest`` and the Dask partitions, so both read an item alike."""
    if form == "xml":
        form = "feed" if looks_like_feed(data) else "html"
    if form == "feed" and len(data) <= MAX_BYTES:
        yield from _feed(read_feed(data, item=item, stem=stem), options)
        return
    yield from _read_item(item, data, lambda _text: form, options, stem=stem)


def _feed(items: Iterator[Article | InputError], options: ReadOptions) -> Iterator[Article | InputError]:
    """Feed items with what ``--published`` and ``--lang`` say where the feed says nothing (RSS items are
    short, so a language the feed does not declare is often too short to detect)."""
    for art in items:
        yield filled(art, options) if isinstance(art, Article) else art


def _sniff_stdin(text: str) -> str:
    head = text.lstrip()[:1]
    if head == "{":
        return "jsonl" if "\n{" in text.strip() else "json"
    if head == "<":
        return "feed" if looks_like_feed(text[:4096].encode("utf-8", "replace")) else "html"
    return "text"


def _read_item(item: str, data: bytes, sniff: Callable[[str], str], options: ReadOptions,
               stem: str = "stdin") -> Iterator[Article | InputError]:
    if len(data) > MAX_BYTES:
        yield InputError(item, f"larger than {MAX_BYTES:,} bytes")
        return
    try:
        text = decode(data, item)
    except ValueError as exc:
        yield InputError(item, str(exc))
        return
    form = sniff(text)
    if form == "feed":
        yield from _feed(read_feed(data, item=item, stem=stem), options)
        return
    if form == "jsonl":  # the decoded text, as UTF-8 lines for the one JSONL reader
        yield from read_jsonl(item, io.BytesIO(text.encode("utf-8")), options, stem)
        return
    try:
        if form == "json":
            obj = json.loads(text)
            if isinstance(obj, list):
                for i, elem in enumerate(obj, 1):
                    yield _one(f"{item}[{i}]", partial(article_from_json, elem, default_id=f"{stem}:{i}"), options,
                               single=False)
                return
            yield _one(item, lambda: article_from_json(obj, default_id=stem), options, single=True)
        elif form == "html":
            yield _one(item, lambda: parse_html(text, default_id=stem), options, single=True)
        else:
            yield _one(item, lambda: article_from_text(text, default_id=stem), options, single=True)
    except json.JSONDecodeError as exc:
        yield InputError(item, f"not JSON ({exc.msg} at line {exc.lineno})")


def _one(item: str, build: Callable[[], Article], options: ReadOptions, *, single: bool) -> Article | InputError:
    try:
        art = build()
    except ValueError as exc:
        return InputError(item, str(exc))
    return filled(art, options, single=single)
