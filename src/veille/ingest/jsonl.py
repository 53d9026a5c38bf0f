"""JSONL read line by line, so that a file of any size streams: the one line reader of ``veille ingest``
(files and stdin) and of ``veille batch`` (a partition is a byte range of a file, cut by ``lines``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from veille.errors import InputError
from veille.ingest.decode import MAX_BYTES, decode
from veille.ingest.options import ReadOptions, filled
from veille.ingest.records import article_from_json
from veille.model import Article


def lines(fh: IO[bytes], *, start: int = 0, end: int | None = None,
          first: int = 1) -> Iterator[tuple[int, int, bytes | None]]:
    """(line number, byte offset after the line, the line) of every line from offset ``start`` (numbered from
    ``first``) up to offset ``end``; the line is None when it is over ``MAX_BYTES`` (skipped whole, unread)."""
    n, pos = first - 1, start
    while end is None or pos < end:
        raw = fh.readline(MAX_BYTES + 1)
        if not raw:
            break
        n += 1
        pos += len(raw)
        if len(raw) > MAX_BYTES:
            while raw and not raw.endswith(b"\n"):  # skip the rest of the oversized line
                raw = fh.readline(MAX_BYTES + 1)
                pos += len(raw)
            yield n, pos, None
        else:
            yield n, pos, raw


def read_jsonl(item: str, fh: IO[bytes], options: ReadOptions, stem: str, *, start: int = 0, end: int | None = None,
               first: int = 1) -> Iterator[Article | InputError]:
    """The articles of a JSONL stream (or of its lines between offsets ``start`` and ``end``), each line named
    ``item:N`` and, without an id, ``stem:N``. A file of one line is a single-article input (``--id`` names it);
    a file with no line at all is one error."""
    pending: Article | InputError | None = None
    count = 0
    for n, _, raw in lines(fh, start=start, end=end, first=first):
        if raw is None:
            result: Article | InputError = InputError(f"{item}:{n}", f"line larger than {MAX_BYTES:,} bytes")
        elif not raw.strip():
            continue
        else:
            result = jsonl_line(f"{item}:{n}", raw, options, f"{stem}:{n}")
        count += 1
        if pending is not None:
            yield pending
        pending = result
    if pending is None:
        if start == 0:
            yield InputError(item, "empty input")
        return
    if count == 1 and start == 0 and isinstance(pending, Article) and options.id:
        pending.id = options.id
    yield pending


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
    try:
        return filled(article_from_json(obj, default_id=default_id), options)
    except ValueError as exc:
        return InputError(where, str(exc))
