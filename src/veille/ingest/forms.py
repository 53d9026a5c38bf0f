"""File name → the reader for its form (``.warc.gz`` counts as one suffix)."""

from __future__ import annotations

from pathlib import Path

SUFFIXES = {".txt": "text", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html",
            ".rss": "feed", ".atom": "feed", ".xml": "xml",
            ".warc": "warc", ".warc.gz": "warc", ".wet": "warc", ".wet.gz": "warc"}


def form_of(path: Path) -> str | None:
    """The reader for a file name, or None for a name veille does not read."""
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIXES[suffix]
    return None
