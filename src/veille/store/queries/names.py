"""Names as users type them, in any language: the one place every name filter (events' actor and recipient,
claims' speaker, entities' name, merged events, actor timelines, stories' actors) turns a name into SQL.

A name goes through the knowledge base first (``KB.resolve``: "Corée du Nord", "North Korea", "nord-coréen",
"PRK", "Poutine", the user's own actors of ``kb/overlay.py`` too):

- a **state** (a country or territory of the base) stands for everything of its ISO3 country, as the code
  itself does ("North Korea" asks what "PRK" asks: Pyongyang, Kim Jong Un, the country);
- **anything else the base knows** (a person, a ministry, a seat of power, an armed group) is matched by its
  entity key (``veille.model.entity_key``: the knowledge-base id, else type and name), or by its canonical
  name where a row has no entity of its own (a claim's speaker the analysis did not link);
- a **three-letter code** the base does not hold ("rus", "XKX") keeps its old reading: the country code, or a
  name of three letters taken whole (never "rus" inside "Belarus");
- **an unknown name** falls back to the words as typed: part of the name, literally, in any case.

The caller names its columns (fixed SQL, never user text); the name itself is always a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from veille.kb.lookup import knowledge_base
from veille.model import entity_key
from veille.store.queries.base import like

STATE_KINDS = frozenset({"country", "territory"})


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a typed name stands for: ``key`` and ``canonical`` of the record the base knows, with ``country`` when
    it is a state (its ISO3); none of them for a name the base does not know (the words as typed, ``typed``)."""

    typed: str
    country: str | None = None
    key: str | None = None
    canonical: str | None = None


def resolve(name: str) -> Resolved:
    """The record a typed name stands for (the base itself is read once per process: ``knowledge_base``)."""
    text = name.strip()
    record = knowledge_base().resolve(text)
    if record is None:
        return Resolved(text)
    state = record.country if record.kind in STATE_KINDS else None
    return Resolved(text, country=state, key=entity_key(record.kb_id, record.type, record.canonical),
                    canonical=record.canonical)


def name_condition(value: str, *, name: str, key: str | None = None, country: str | None = None,
                   whole: bool = False, words: tuple[str, ...] = ()) -> tuple[str, list[Any]]:
    """A WHERE term for a typed name over the caller's columns: ``name`` (a canonical name), ``key`` (an entity
    key; without it the canonical name is compared whole), ``country`` (an ISO3 country; without it a state is
    matched as the record it is). ``whole``: an unknown name must equal the name (in any case) rather than be
    part of it; ``words``: more columns an unknown name may be part of (a speaker's words as the text gives them)."""
    found = resolve(value)
    code = found.country or (found.typed if len(found.typed) == 3 and found.typed.isalpha() else None)
    if code and country is not None:
        return f"({country} = upper(?) OR lower({name}) = lower(?))", [code, found.typed]
    if found.key:
        if key is not None:
            return f"({key} = ? OR lower({name}) = lower(?))", [found.key, found.canonical]
        return f"lower({name}) = lower(?)", [found.canonical]
    if whole:
        return f"lower({name}) = lower(?)", [found.typed]
    columns = (name, *words)
    return "(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in columns) + ")", [like(found.typed)] * len(columns)


__all__ = ["Resolved", "name_condition", "resolve"]
