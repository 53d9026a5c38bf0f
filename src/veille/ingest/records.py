"""Articles as JSON objects (the contract's input form) and plain-text files (first line the headline)."""

from __future__ import annotations

from typing import Any

from veille.model import Article, parse_date

MAX_CHARS = 2_000_000
"""A longer text is refused: it is a dump or a mistake, and the parse would take minutes."""


def article_from_json(obj: Any, *, default_id: str) -> Article:
    """Build an Article from one JSON object; raise ValueError naming what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no 'text' in the article")
    _check_size(text)
    given = obj.get("id")
    if given is not None and (isinstance(given, bool) or not isinstance(given, (str, int, float))):
        raise ValueError(f"'id' must be a string or a number, not {type(given).__name__}")
    return Article(
        id=str(given or default_id),
        text=text,
        title=_opt_str(obj.get("title")),
        published=parse_date(obj.get("published")),
        lang=_opt_str(obj.get("lang")),
        url=_opt_str(obj.get("url")),
        source=_opt_str(obj.get("source")),
    )


def article_from_text(text: str, *, default_id: str) -> Article:
    """A plain-text article: the whole text is analysed, its first non-empty line is the headline."""
    if not text.strip():
        raise ValueError("empty input")
    _check_size(text)
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return Article(id=default_id, text=text, title=title)


def _check_size(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise ValueError(f"text too long ({len(text):,} characters; the limit is {MAX_CHARS:,})")


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)
