"""What story clustering reads from one article: its date, title, lead and entities.

A profile is built from the analysis JSON alone, so the same code serves the store, files of analyses
and tests.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from veille.model import entity_key

LEAD_CHARS = 300
"""Characters of body text after the title that stand for the article in its embedding: the lead
carries the who/what/where of a news story; the rest adds background that blurs stories together."""

ANCHOR_TYPES = frozenset({"PERSON", "ORG", "EVENT"})
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class ArticleProfile:
    id: str
    published: dt.date | None
    lang: str | None
    title: str
    lead: str
    entities: dict[str, float] = field(default_factory=dict)
    """Entity key (``veille.model.entity_key``) → number of mentions."""
    names: dict[str, str] = field(default_factory=dict)
    """Entity key → canonical name, to title stories and name their actors."""
    anchors: frozenset[str] = frozenset()
    """Keys of the named actors and happenings (people, organisations, named events): what a story is
    about, as opposed to where it happens (countries and places are shared by unrelated stories)."""

    def text_for_embedding(self) -> str:
        return f"{self.title}. {self.lead}" if self.title else self.lead


def entity_key_of(entity: dict[str, Any]) -> str:
    """The key (``veille.model.entity_key``) of an entity of an analysis."""
    return entity_key(entity.get("kb_id"), entity["type"], entity["canonical"])


def lead_of(text: str, title: str | None) -> str:
    """The first ``LEAD_CHARS`` of the body: the text without a first line that repeats the title."""
    body = text
    if title and body.lstrip().startswith(title.strip()):
        body = body.lstrip()[len(title.strip()):]
    body = _SPACES.sub(" ", body).strip()
    if len(body) <= LEAD_CHARS:
        return body
    cut = body.rfind(" ", 0, LEAD_CHARS)
    return body[: cut if cut > 0 else LEAD_CHARS]


def profile(analysis: dict[str, Any], *, text: str | None = None) -> ArticleProfile:
    """The profile of one analysed article (``text`` when the analysis was stored without it)."""
    art = analysis["article"]
    body = text if text is not None else art.get("text", "")
    title = (art.get("title") or "").strip()
    published = art.get("published")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    entities: dict[str, float] = {}
    names: dict[str, str] = {}
    anchors: set[str] = set()
    for e in analysis.get("entities", []):
        key = entity_key_of(e)
        if e["type"] in ANCHOR_TYPES:
            anchors.add(key)
        entities[key] = entities.get(key, 0.0) + max(1, len(e.get("mentions") or ()))
        names.setdefault(key, e["canonical"])
    return ArticleProfile(id=art["id"], published=published, lang=art.get("lang"), title=title,
                          lead=lead_of(body, title),
                          entities=entities, names=names, anchors=frozenset(anchors))
