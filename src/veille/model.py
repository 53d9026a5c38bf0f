"""Typed records at the boundaries: the article that comes in, the mentions that extractors return.

The analysis that goes out is plain JSON (``contract.py`` validates it against the schema),
because every consumer (CLI, store, API, page, exports, scorer) speaks that JSON, not Python objects.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

SCHEMA_VERSION = "veille.analysis/1"
SUPPORTED_LANGS = ("fr", "en")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """``value`` with every lone surrogate replaced by U+FFFD, one character for one.

    JSON lets a string hold half of a surrogate pair (``"\\ud800"``); no UTF-8 encoder takes it, and spaCy,
    the hashes, the store and the terminal all encode. Replacing it one for one keeps every offset.
    """
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


@dataclass(slots=True)
class Article:
    """One article as read from any input. ``text`` is kept exactly as read: every offset points into it."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    lang: str | None = None
    url: str | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        self.id, self.text = clean_text(self.id), clean_text(self.text)
        for name in ("title", "lang", "url", "source"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, clean_text(value))

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    def as_dict(self) -> dict[str, object]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Entity:
    """Every mention of one thing, with what the knowledge base (or the text) says it is."""

    canonical: str
    type: str
    country: str | None
    kb_id: str | None
    mentions: list[Span]
    agent: str | None = None
    stands_for: str | None = None
    roles: list[str] = field(default_factory=list)
    id: str = ""
    country_from: str | None = None  # where the country comes from: kb, geonames, text (title, apposition, name inside)

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "canonical": self.canonical,
            "type": self.type,
            "country": self.country,
            "kb_id": self.kb_id,
            "agent": self.agent,
            "stands_for": self.stands_for,
            "roles": list(self.roles),
            "country_from": self.country_from,
            "mentions": [m.as_dict() for m in sorted(self.mentions, key=lambda m: m.start)],
        }


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """ISO date or datetime (``2024-01-05``, ``2024-01-05T10:00:00Z``) to a date; None stays None.

    Raises ValueError with the offending value, so readers can report the item.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"not an ISO date: {text!r}") from None
