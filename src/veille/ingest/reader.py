"""Dispatch any input (files, directories, ``-`` for stdin) to the reader for its form.

Readers yield ``Article`` or ``InputError`` items instead of raising, so that one bad item in a
batch is reported and the others are still read (a batch "finishes and loses nothing").
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from veille.errors import InputError
from veille.ingest.decode import MAX_BYTES, decode
from veille.ingest.html import parse_html
from veille.ingest.records import article_from_json, article_from_text
from veille.model import Article

SUFFIXES = {".txt": "text", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html"}


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
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield InputError(raw, "directory holds no .txt, .json, .jsonl or .html file")
            for f in files:
                yield from _read_file(f, options)
        else:
            yield from _read_file(path, options)


def _read_file(path: Path, options: ReadOptions) -> Iterator[Article | InputError]:
    item = str(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        yield InputError(item, "no such file")
        return
    except OSError as exc:
        yield InputError(item, exc.strerror or str(exc))
        return
    form = SUFFIXES.get(path.suffix.lower(), "text")
    yield from _read_item(item, data, lambda _text: form, options, stem=path.stem)


def _sniff_stdin(text: str) -> str:
    head = text.lstrip()[:1]
    if head == "{":
        return "jsonl" if "\n{" in text.strip() else "json"
    return "html" if head == "<" else "text"


def _read_item(item: str, data: bytes, form_of, options: ReadOptions, stem: str = "stdin") -> Iterator[Article | InputError]:
    if len(data) > MAX_BYTES:
        yield InputError(item, f"larger than {MAX_BYTES:,} bytes")
        return
    try:
        text = decode(data, item)
    except ValueError as exc:
        yield InputError(item, str(exc))
        return
    form = form_of(text)
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
