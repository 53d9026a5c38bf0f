"""Every file the inputs name, in one order: the one walk ``veille ingest``, ``veille batch`` and the ingest's
progress bar share, so that each names the same items in the same order.

Inputs are files, directories (every file veille reads inside, sorted), globs (their matches, sorted) and,
for ``veille batch``, URLs of any fsspec filesystem (``s3://bucket/corpus/``).
"""

from __future__ import annotations

import glob
from collections.abc import Iterator
from pathlib import Path

from veille.ingest.forms import form_of

GLOB_CHARS = frozenset("*?[")
NO_FILE = "directory holds no file veille reads (.txt, .json, .jsonl, .html, feeds, WARC)"


def walk(inputs: list[str]) -> Iterator[tuple[str, str | None]]:
    """(file name, None) for every file the inputs name, in order; (input, reason) when one names none.

    ``-`` (stdin) is passed through as it is, for the caller to read or refuse."""
    for raw in inputs:
        if raw == "-":
            yield raw, None
        elif "://" in raw:
            yield from _walk_url(raw)
        else:
            yield from _walk_local(raw)


def _walk_local(raw: str) -> Iterator[tuple[str, str | None]]:
    path = Path(raw)
    if not path.exists() and GLOB_CHARS & set(raw):
        matches = sorted(glob.glob(raw, recursive=True))
        if not matches:
            yield raw, "no file matches this pattern"
        for match in matches:
            yield from _walk_local(match)
    elif path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and form_of(p) is not None)
        if not files:
            yield raw, NO_FILE
        for f in files:
            yield str(f), None
    elif not path.exists():
        yield str(path), "no such file"
    else:
        yield str(path), None


def _walk_url(raw: str) -> Iterator[tuple[str, str | None]]:
    import fsspec

    fs, path = fsspec.core.url_to_fs(raw)
    proto = raw.split("://", 1)[0] + "://"
    if GLOB_CHARS & set(path) and not fs.exists(path):
        names = sorted(fs.glob(path))
    elif fs.isdir(path):
        names = sorted(f for f in fs.find(path) if form_of(Path(f)) is not None)
    elif fs.exists(path):
        names = [path]
    else:
        yield raw, "no such file"
        return
    if not names:
        yield raw, "no file matches this input"
    for n in names:
        yield proto + n, None
