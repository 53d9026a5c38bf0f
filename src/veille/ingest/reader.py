"""Dispatch any input (files, directories, globs, ``-`` for stdin) to the reader for its form.

Readers yield ``Article`` or ``InputError`` items instead of raising, so that one bad item in a
batch is reported and the others are still read (a batch "finishes and loses nothing").
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from veille.errors import InputError
from veille.ingest.decode import MAX_BYTES, decode
from veille.ingest.feeds import looks_like_feed, read_feed
from veille.ingest.html import parse_html
from veille.ingest.records import article_from_json, article_from_text
from veille.ingest.warc import read_warc
from veille.model import Article

SUFFIXES = {".txt": "text", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html",
            ".rss": "feed", ".atom": "feed", ".xml": "xml",
            ".warc": "warc", ".warc.gz": "warc", ".wet": "warc", ".wet.gz": "warc"}
_GLOB_CHARS = frozenset("*?[")


def form_of(path: Path) -> str | None:
    """The reader for a file name (``.warc.gz`` counts as one suffix), or None for a name veille does not read."""
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIXES[suffix]
    return None


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What the command line can say that a file cannot: ``id`` only applies to single-article inputs."""

    published: dt.date | None = None
    lang: str | None = None
    id: str | None = None


def read_inputs(paths: list[str], options: ReadOptions = ReadOptions()) -> Iterator[Article | InputError]:
    for raw in paths:
        if raw == "-":
            yield from _read_item("stdin", sys.stdin.buffer.read(MAX_BYTES + 1), _sniff_stdin, options)
            continue
        path = Path(raw)
        if not path.exists() and _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield InputError(raw, "no file matches this pattern")
            for match in matches:
                yield from read_inputs([match], options)
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and form_of(p) is not None)
            if not files:
                yield InputError(raw, "directory holds no file veille reads (.txt, .json, .jsonl, .html, feeds, WARC)")
            for f in files:
                yield from _read_file(f, options)
        else:
            yield from _read_file(path, options)


def _read_file(path: Path, options: ReadOptions) -> Iterator[Article | InputError]:
    item = str(path)
    form = form_of(path) or "text"
    try:
        with path.open("rb") as fh:
            if form == "warc":
                yield from read_warc(fh, item=item)
                return
            if form == "jsonl":
                yield from _stream_jsonl(item, fh, options, path.stem)
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
        yield from _filled(read_feed(data, item=item, stem=stem), options)
        return
    yield from _read_item(item, data, lambda _text: form, options, stem=stem)


def _filled(items: Iterator[Article | InputError], options: ReadOptions) -> Iterator[Article | InputError]:
    """Feed items with what ``--published`` and ``--lang`` say where the feed says nothing (RSS items are
    short, so a language the feed does not declare is often too short to detect)."""
    for art in items:
        if isinstance(art, Article):
            art.published = art.published or options.published
            art.lang = art.lang or options.lang
        yield art


def _stream_jsonl(item: str, fh, options: ReadOptions, stem: str) -> Iterator[Article | InputError]:
    """A JSONL file read line by line, so a file of any size streams; each line is bounded by MAX_BYTES."""
    pending: tuple[str, Article | InputError] | None = None
    count = 0
    n = 0
    while True:
        raw = fh.readline(MAX_BYTES + 1)
        if not raw:
            break
        n += 1
        if len(raw) > MAX_BYTES:
            while raw and not raw.endswith(b"\n"):  # skip the rest of the oversized line
                raw = fh.readline(MAX_BYTES + 1)
            result: Article | InputError = InputError(f"{item}:{n}", f"line larger than {MAX_BYTES:,} bytes")
        elif not raw.strip():
            continue
        else:
            result = jsonl_line(f"{item}:{n}", raw, options, f"{stem}:{n}")
        count += 1
        if pending is not None:
            yield pending[1]
        pending = (f"{item}:{n}", result)
    if pending is None:
        yield InputError(item, "empty input")
        return
    last = pending[1]
    if count == 1 and isinstance(last, Article) and options.id:
        last.id = options.id  # a one-line JSONL file is a single-article input
    yield last


def jsonl_line(where: str, raw: bytes, options: ReadOptions, default_id: str) -> Article | InputError:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = decode(raw, where)
        except ValueError as exc:
            return InputError(where, str(exc))
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return InputError(where, f"line is not JSON ({exc.msg})")
    return _one(where, lambda: article_from_json(obj, default_id=default_id), options, single=False)


def _sniff_stdin(text: str) -> str:
    head = text.lstrip()[:1]
    if head == "{":
        return "jsonl" if "\n{" in text.strip() else "json"
    if head == "<":
        return "feed" if looks_like_feed(text[:4096].encode("utf-8", "replace")) else "html"
    return "text"


def _read_item(item: str, data: bytes, sniff, options: ReadOptions, stem: str = "stdin") -> Iterator[Article | InputError]:
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
        yield from _filled(read_feed(data, item=item, stem=stem), options)
        return
    if form == "jsonl":
        yield from _read_jsonl(item, text, options, stem)
        return
    try:
        if form == "json":
            obj = json.loads(text)
            if isinstance(obj, list):
                for i, elem in enumerate(obj, 1):
                    yield _one(f"{item}[{i}]", lambda e=elem, i=i: article_from_json(e, default_id=f"{stem}:{i}"), options, single=False)
                return
            yield _one(item, lambda: article_from_json(obj, default_id=stem), options, single=True)
        elif form == "html":
            yield _one(item, lambda: parse_html(text, default_id=stem), options, single=True)
        else:
            yield _one(item, lambda: article_from_text(text, default_id=stem), options, single=True)
    except json.JSONDecodeError as exc:
        yield InputError(item, f"not JSON ({exc.msg} at line {exc.lineno})")


def _read_jsonl(item: str, text: str, options: ReadOptions, stem: str) -> Iterator[Article | InputError]:
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    for n, line in lines:
        where = f"{item}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"line is not JSON ({exc.msg})")
            continue
        yield _one(where, lambda: article_from_json(obj, default_id=f"{stem}:{n}"), options, single=len(lines) == 1)


def _one(item: str, build, options: ReadOptions, *, single: bool) -> Article | InputError:
    try:
        art: Article = build()
    except ValueError as exc:
        return InputError(item, str(exc))
    if options.published and not art.published:
        art.published = options.published
    if options.lang and not art.lang:
        art.lang = options.lang
    if options.id and single:
        art.id = options.id
    return art
