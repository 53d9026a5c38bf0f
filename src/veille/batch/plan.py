"""Inputs → partitions, and a partition → its items, on any fsspec filesystem.

A partition is a small, picklable description of a stretch of input, never the text itself: a range of
lines of one JSONL file (byte offsets found by one scan of the file, so each worker reads only its own
lines), one WARC/WET file, or a group of single-article files. Partitions are cut in input order and
their ids hash the input name and the range, so the same inputs always give the same partitions; that
is what lets a re-run recognise the partitions it already wrote.

Items keep the names and ids that ``veille ingest`` gives them (the same reader functions make them),
which is what makes a batch's output comparable with an ingest, article for article.
"""

from __future__ import annotations

import hashlib
from functools import partial
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import fsspec

from veille.errors import InputError
from veille.ingest import ReadOptions
from veille.ingest.forms import form_of
from veille.ingest.jsonl import lines, read_jsonl
from veille.ingest.reader import read_file  # the ingest's own reader
from veille.ingest.walk import walk
from veille.model import Article

PARTITION_SIZE = 64
"""Articles per partition: one task's work (about 10 s on one core), and what a kill can lose."""


@dataclass(frozen=True, slots=True)
class Partition:
    """``form`` is ``jsonl`` (lines ``first_line``… in bytes [start, end) of ``items[0]``), ``warc``
    (the whole file ``items[0]``), ``files`` (each of ``items`` read whole) or ``error`` (``items[0]``
    cannot be read: ``reason``)."""

    seq: int
    form: str
    items: tuple[str, ...]
    start: int = 0
    end: int = 0
    first_line: int = 0
    reason: str = ""

    @property
    def id(self) -> str:
        """Hash of the input names and the range: stable across runs and machines."""
        key = "\x1f".join([self.form, *self.items, str(self.start), str(self.end), str(self.first_line)])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def plan(inputs: list[str], *, size: int = PARTITION_SIZE) -> list[Partition]:
    """The partitions of ``inputs`` in input order (files, directories, globs; local paths or URLs)."""
    out: list[Partition] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            out.append(Partition(len(out), "files", tuple(pending)))
            pending.clear()

    for name, error in expand(inputs):
        if error:
            flush()
            out.append(Partition(len(out), "error", (name,), reason=error))
            continue
        form = form_of(Path(name.split("://")[-1])) or "text"
        if form == "jsonl":
            flush()
            for start, end, first in _jsonl_ranges(name, size):
                out.append(Partition(len(out), "jsonl", (name,), start, end, first))
        elif form == "warc":
            flush()
            out.append(Partition(len(out), "warc", (name,)))
        else:
            pending.append(name)
            if len(pending) >= size:
                flush()
    flush()
    return out


def expand(inputs: list[str]) -> Iterator[tuple[str, str | None]]:
    """(file name, None) for every file the inputs name, in the ingest's order (its own walk); (input, reason)
    when one names none, stdin included, which cannot be cut into partitions."""
    for name, error in walk(inputs):
        yield (name, "stdin cannot be split into partitions: give files") if name == "-" else (name, error)


def _jsonl_ranges(name: str, size: int) -> Iterator[tuple[int, int, int]]:
    """(byte start, byte end, number of the first line) of every ``size`` non-blank lines, read as the reader
    reads them (an oversized line counts as one item: the reader reports it)."""
    start, first, pos, count = 0, 1, 0, 0
    with fsspec.open(name, "rb") as fh:
        for n, pos, raw in lines(fh):
            if raw is None or raw.strip():
                count += 1
            if count >= size:
                yield start, pos, first
                start, first, count = pos, n + 1, 0
    if count or start == 0:  # an empty file is one partition, which reports it as such
        yield start, pos, first


def read_partition(part: Partition, options: ReadOptions = ReadOptions()) -> Iterator[Article | InputError]:
    """The items of one partition, named and numbered as ``veille ingest`` names and numbers them."""
    if part.form == "error":
        yield InputError(part.items[0], part.reason)
    elif part.form == "jsonl":
        yield from _read_lines(part, options)
    else:  # a WARC file, or single-article files: each read as the ingest reads it, opened through fsspec
        for name in part.items:
            yield from read_file(name, options, opener=partial(fsspec.open, name, "rb"))


def _read_lines(part: Partition, options: ReadOptions) -> Iterator[Article | InputError]:
    name = part.items[0]
    with fsspec.open(name, "rb") as fh:
        fh.seek(part.start)
        yield from read_jsonl(name, fh, options, Path(name.split("://")[-1]).stem, start=part.start, end=part.end,
                              first=part.first_line)
