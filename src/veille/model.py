"""Typed records at the boundaries: the article that comes in, what the extractors return about it.

The analysis that goes out is plain JSON, built from these records by ``contract.build`` and validated
against the schema by ``contract.errors``, because every consumer (CLI, store, API, page, exports,
scorer) speaks that JSON, not Python objects.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

SCHEMA_VERSION = "veille.analysis/1"
SUPPORTED_LANGS = ("fr", "en")
"""The languages veille analyses: one spaCy pipeline and one folder of lexicons each."""
ASSERTED, NEGATED, HYPOTHETICAL, UNCERTAIN = "asserted", "negated", "hypothetical", "uncertain"
FACTUALITIES = (ASSERTED, NEGATED, HYPOTHETICAL, UNCERTAIN)
"""The factuality values of events and claims."""
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



@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression: ``value`` is its TimeML value (None when it cannot be resolved)."""

    text: str  # exactly text[start:end]
    start: int  # char offsets into the given text, end-exclusive
    end: int
    value: str | None  # TimeML value, or None if unresolvable
    anchor: str | None  # "absolute", "published", or None (value is None)


@dataclass(slots=True)
class Party:
    """An actor, a recipient or a speaker: the words, the entity they stand for, the agent."""

    text: str
    start: int
    end: int
    entity: Entity | None
    agent: str | None = None

    @property
    def country(self) -> str | None:
        if self.entity is None:
            return None
        return self.entity.country or self.entity.stands_for

    def as_dict(self) -> dict[str, object]:
        """An event's party in the contract's form (a claim's speaker: ``contract.build``)."""
        e = self.entity
        return {"text": self.text, "entity": e.id if e else None, "canonical": e.canonical if e else None,
                "country": self.country, "agent": self.agent}


@dataclass(slots=True)
class Claim:
    """A quote or a claim: ``start``/``end`` its content, ``cue`` the verb or phrase that introduces it."""

    speaker: Party | None
    cue: tuple[int, int] | None
    start: int
    end: int
    kind: str
    factuality: str = ASSERTED
    date: str | None = None
    sources: list[dict[str, str | None]] = field(default_factory=list)
    cue_token: int | None = None
    """The parse's token of the cue verb (the event coder reads it); not in the contract."""
    id: str = ""


ENTITY_KEY_SQL = "coalesce({a}kb_id, {a}type || ':' || lower({a}canonical))"
"""``entity_key`` in SQL over a row of the store's ``entities`` (``{a}``: the table's alias and a dot, or nothing)."""


def entity_key(kb_id: str | None, type: str, canonical: str) -> str:
    """One thing across articles and languages: its knowledge-base id, else its type and lower-cased name.

    The one definition of "the same entity": stories, merged events and claims, and the API's entity pages
    (``/entities/{key}``) all use it, in Python here and in SQL (``ENTITY_KEY_SQL``)."""
    return kb_id if kb_id else f"{type}:{canonical.lower()}"


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
