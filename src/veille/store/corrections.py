"""Analysts' corrections: fix, delete or add an event, a claim or an entity of one stored article.

A correction is a row of its own (table ``corrections``, migration 005), never a change to the stored analysis:
the corrected analysis is computed, the stored one with its article's corrections laid over it in order
(``apply``), so the engine's answer and every analyst's change stay side by side, each with who, when and why.
A correction is checked against the analysis as corrected so far (``check``): a fix of an event names an
entity of the article (or one an analyst added) as its actor; an added claim's words must be in the text, so
it has offsets like the engine's. The corrected analysis must still be a valid ``veille.analysis/1``.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

import duckdb

from veille.contract import errors as contract_errors
from veille.contract import schema
from veille.errors import VeilleError
from veille.kb import knowledge_base
from veille.store.duckdb import transaction

LAYERS = ("event", "claim", "entity")
ACTIONS = ("fix", "delete", "add")
MAX_TEXT = 5_000
"""Characters at most in an added claim's content or an added event's evidence."""
MAX_NAME = 300
_PREFIX = {"event": "v", "claim": "c", "entity": "e"}
_LIST = {"event": "events", "claim": "claims", "entity": "entities"}
_KB_ID = re.compile(r"^(wikidata:Q\d{1,12}|geonames:\d{1,12})$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


class CorrectionError(VeilleError):
    """A correction that cannot be made (unknown item, a value outside the contract's, words not in the text)."""


def _enum(definition: str, field: str) -> tuple[str, ...]:
    return tuple(schema()["$defs"][definition]["properties"][field]["enum"])


EVENT_TYPES = _enum("event", "type")
FACTUALITY = _enum("event", "factuality")
CLAIM_KINDS = _enum("claim", "kind")
ENTITY_TYPES = _enum("entity", "type")
FIELDS = {
    "event": {"type", "actor", "recipient", "factuality", "evidence"},
    "claim": {"speaker", "kind", "factuality", "content"},
    "entity": {"kb_id", "canonical", "country", "type", "mention"},
}
"""What each layer's correction may set (``evidence``, ``content`` and ``mention``: words of the text, for an addition)."""


@dataclass(frozen=True, slots=True)
class Correction:
    """One stored correction. ``target``: the item's id (an addition's own, given when it was made)."""

    correction_id: int
    article_id: str
    layer: str
    action: str
    target: str
    fields: dict[str, Any]
    author: str
    note: str | None
    created_at: dt.datetime | None
    stale: bool = False

    def head(self) -> dict[str, Any]:
        return {"correction_id": self.correction_id, "layer": self.layer, "action": self.action, "target": self.target,
                "fields": self.fields, "author": self.author, "note": self.note,
                "created_at": self.created_at.isoformat(timespec="seconds") if self.created_at else None,
                "stale": self.stale}


def apply(analysis: dict[str, Any], corrections: list[Correction]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The analysis with ``corrections`` laid over it in order, and one change per correction: its head with the
    item ``before`` and ``after`` it (None for an addition's before and a deletion's after). A stale correction
    (the text changed since) or one that no longer fits (its item deleted by an earlier one) is listed, not applied."""
    out = copy.deepcopy(analysis)
    changes = []
    for c in corrections:
        change = c.head()
        if c.stale:
            changes.append({**change, "before": None, "after": None, "skipped": "the article's text changed since"})
            continue
        try:
            fields = check(out, c.layer, c.action, c.target, c.fields)
        except CorrectionError as exc:
            changes.append({**change, "before": None, "after": None, "skipped": str(exc)})
            continue
        before, after = _apply_one(out, c.layer, c.action, c.target, fields)
        changes.append({**change, "before": before, "after": after})
    return out, changes


def check(analysis: dict[str, Any], layer: str, action: str, target: str | None,
          fields: dict[str, Any]) -> dict[str, Any]:
    """The correction's fields made whole (parties and speakers as the contract writes them, an entity's name and
    country from the knowledge base), or ``CorrectionError`` saying what is wrong."""
    if layer not in LAYERS:
        raise CorrectionError(f"unknown layer {layer!r} (one of {', '.join(LAYERS)})")
    if action not in ACTIONS:
        raise CorrectionError(f"unknown action {action!r} (one of {', '.join(ACTIONS)})")
    unknown = set(fields) - FIELDS[layer]
    if unknown:
        raise CorrectionError(f"a {layer} correction cannot set {', '.join(sorted(unknown))} "
                              f"(it sets {', '.join(sorted(FIELDS[layer]))})")
    items = {x["id"]: x for x in analysis[_LIST[layer]]}
    if action != "add" and target not in items:
        raise CorrectionError(f"no {layer} {target!r} in this article")
    if action == "delete":
        return {}
    if action == "fix" and not fields:
        raise CorrectionError("a fix needs at least one field to change")
    text = analysis["article"].get("text") or ""
    return {"event": _event_fields, "claim": _claim_fields, "entity": _entity_fields}[layer](
        analysis, text, fields, adding=action == "add")


def _one_of(value: Any, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise CorrectionError(f"{what} {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def _span(text: str, words: Any, what: str) -> dict[str, Any]:
    """The first place ``words`` stand in the text, as a span."""
    if not isinstance(words, str) or not words.strip():
        raise CorrectionError(f"{what}: give words of the article")
    words = words.strip()
    if len(words) > MAX_TEXT:
        raise CorrectionError(f"{what}: {len(words):,} characters (at most {MAX_TEXT:,})")
    at = text.find(words)
    if at < 0:
        raise CorrectionError(f"{what}: these words are not in the article's text")
    return {"text": words, "start": at, "end": at + len(words)}


def _party(analysis: dict[str, Any], entity_id: Any, what: str) -> dict[str, Any] | None:
    """A party (or speaker) as the contract writes it, from an entity of the article; None for "nobody"."""
    if entity_id in (None, ""):
        return None
    entity = next((e for e in analysis["entities"] if e["id"] == entity_id), None)
    if entity is None:
        raise CorrectionError(f"{what}: no entity {entity_id!r} in this article")
    first = min(entity["mentions"], key=lambda m: m["start"])
    return {"text": first["text"], "entity": entity["id"], "canonical": entity["canonical"],
            "country": entity.get("country"), "agent": entity.get("agent")}


def _event_fields(analysis: dict[str, Any], text: str, fields: dict[str, Any], *, adding: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if adding and not {"type", "factuality"} <= set(fields):
        raise CorrectionError("an added event needs its type and factuality")
    if "type" in fields:
        out["type"] = _one_of(fields["type"], EVENT_TYPES, "type")
    if "factuality" in fields:
        out["factuality"] = _one_of(fields["factuality"], FACTUALITY, "factuality")
    for side in ("actor", "recipient"):
        if side in fields:
            out[side] = _party(analysis, fields[side], side)
    if "evidence" in fields:
        if not adding:
            raise CorrectionError("evidence is given when an event is added")
        out["evidence"] = _span(text, fields["evidence"], "evidence")
    return out


def _claim_fields(analysis: dict[str, Any], text: str, fields: dict[str, Any], *, adding: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if adding and not {"content", "kind"} <= set(fields):
        raise CorrectionError("an added claim needs its content (words of the article) and kind")
    if "kind" in fields:
        out["kind"] = _one_of(fields["kind"], CLAIM_KINDS, "kind")
    if "factuality" in fields:
        out["factuality"] = _one_of(fields["factuality"], FACTUALITY, "factuality")
    if "speaker" in fields:
        party = _party(analysis, fields["speaker"], "speaker")
        out["speaker"] = None if party is None else {k: party[k] for k in ("text", "entity", "canonical", "country")}
    if "content" in fields:
        if not adding:
            raise CorrectionError("content is given when a claim is added")
        out["content"] = _span(text, fields["content"], "content")
    return out


def _entity_fields(analysis: dict[str, Any], text: str, fields: dict[str, Any], *, adding: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "kb_id" in fields:
        kb_id = fields["kb_id"] or None
        if kb_id is not None and not (isinstance(kb_id, str) and _KB_ID.match(kb_id)):
            raise CorrectionError(f"kb_id {kb_id!r} is not wikidata:Q… or geonames:…")
        out["kb_id"] = kb_id
        record = _kb_record(kb_id) if kb_id else None
        if record is not None:  # the knowledge base's name and country, unless the analyst gives others
            out.update(canonical=record.canonical, country=record.country, type=record.type)
    if fields.get("canonical") not in (None, ""):
        name = str(fields["canonical"]).strip()
        if not name or len(name) > MAX_NAME:
            raise CorrectionError(f"canonical: 1 to {MAX_NAME} characters")
        out["canonical"] = name
    if "country" in fields:
        country = fields["country"] or None
        if country is not None and not (isinstance(country, str) and _ISO3.match(country)):
            raise CorrectionError(f"country {country!r} is not an ISO3 code (RUS, FRA, …)")
        out["country"] = country
    if "type" in fields:
        out["type"] = _one_of(fields["type"], ENTITY_TYPES, "type")
    if adding:
        out["mentions"] = _mentions(text, fields.get("mention"))
        if not out.get("canonical"):
            raise CorrectionError("an added entity needs its canonical name (or a kb_id the knowledge base holds)")
        out.setdefault("type", "MISC")
    elif "mention" in fields:
        raise CorrectionError("mention is given when an entity is added")
    return out


def _mentions(text: str, words: Any) -> list[dict[str, Any]]:
    """Every place the words stand in the text (at most 1,000)."""
    first = _span(text, words, "mention")
    found: list[dict[str, Any]] = []
    at = first["start"]
    while at >= 0 and len(found) < 1000:
        found.append({"text": first["text"], "start": at, "end": at + len(first["text"])})
        at = text.find(first["text"], at + 1)
    return found


def _kb_record(kb_id: str) -> Any:
    kb = knowledge_base()
    return next((r for r in kb.records.values() if r.kb_id == kb_id), None)


def _apply_one(analysis: dict[str, Any], layer: str, action: str, target: str,
               fields: dict[str, Any]) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    items = analysis[_LIST[layer]]
    if action == "add":
        item = _new_item(layer, target, fields)
        items.append(item)
        return None, copy.deepcopy(item)
    at = next(i for i, x in enumerate(items) if x["id"] == target)
    before = copy.deepcopy(items[at])
    if action == "delete":
        del items[at]
        return before, None
    item = items[at]
    evidence = fields.pop("evidence", None)
    item.update(fields)
    if evidence is not None:
        item["trigger"], item["sentence"] = evidence, {"start": evidence["start"], "end": evidence["end"]}
    if layer == "entity":
        _follow_entity(analysis, item)
    return before, copy.deepcopy(item)


def _new_item(layer: str, item_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """An added item in the contract's form (what the analyst did not say is empty; confidence 1: a person said it)."""
    if layer == "event":
        span = fields.get("evidence") or {"text": "", "start": 0, "end": 0}
        return {"id": item_id, "type": fields["type"], "mode": None, "context": [], "actor": fields.get("actor"),
                "recipient": fields.get("recipient"), "trigger": span,
                "sentence": {"start": span["start"], "end": span["end"]}, "date": None, "location": None,
                "factuality": fields["factuality"], "attributed_to": None, "confidence": 1.0, "score": None}
    if layer == "claim":
        return {"id": item_id, "speaker": fields.get("speaker"), "cue": None, "content": fields["content"],
                "kind": fields["kind"], "date": None, "factuality": fields.get("factuality", "asserted"),
                "sources": [], "events": []}
    return {"id": item_id, "canonical": fields["canonical"], "type": fields["type"], "country": fields.get("country"),
            "kb_id": fields.get("kb_id"), "agent": None, "stands_for": None, "roles": [], "mentions": fields["mentions"]}


def _follow_entity(analysis: dict[str, Any], entity: dict[str, Any]) -> None:
    """Parties and speakers carry their entity's name and country: they follow a fixed entity."""
    holders = [p for v in analysis["events"] for p in (v.get("actor"), v.get("recipient")) if p]
    holders += [c["speaker"] for c in analysis["claims"] if c.get("speaker")]
    for p in holders:
        if p.get("entity") == entity["id"]:
            p["canonical"], p["country"] = entity["canonical"], entity.get("country")


def next_id(analysis: dict[str, Any], layer: str) -> str:
    """An added item's id: one more than the highest of its layer (ids are ``v12``, ``c3``, ``e7``)."""
    numbers = [int(x["id"][1:]) for x in analysis[_LIST[layer]] if x["id"][1:].isdigit()]
    return f"{_PREFIX[layer]}{max(numbers, default=0) + 1}"


# --- the store: read an article's corrections, add one, withdraw one (writes: the single writer's connection) ---

def stored(con: duckdb.DuckDBPyConnection, article_id: str) -> list[Correction]:
    """An article's corrections in the order they were made (stale ones: made on another text)."""
    rows = con.execute("""
        SELECT c.correction_id, c.article_id, c.layer, c.action, c.target, c.fields, c.author, c.note, c.created_at,
               c.text_sha256 <> a.text_sha256 AS stale
        FROM corrections c JOIN articles a ON a.id = c.article_id
        WHERE c.article_id = ? ORDER BY c.correction_id""", [article_id]).fetchall()
    return [Correction(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7], r[8], bool(r[9])) for r in rows]


def add(con: duckdb.DuckDBPyConnection, analysis: dict[str, Any], *, layer: str, action: str, target: str | None,
        fields: dict[str, Any], author: str, note: str | None) -> dict[str, Any]:
    """Store one correction of the article ``analysis`` is (the stored analysis, its text included), checked
    against that analysis as already corrected; returns the change it makes."""
    art = analysis["article"]
    current, _ = apply(analysis, stored(con, art["id"]))
    checked = check(current, layer, action, target, fields)
    if action == "add":
        target = next_id(current, layer)
    assert target is not None
    after = copy.deepcopy(current)
    _apply_one(after, layer, action, target, copy.deepcopy(checked))
    problems = contract_errors(after)
    if problems:
        raise CorrectionError(f"the corrected analysis would break the contract: {problems[0]}")
    with transaction(con):
        sha = con.execute("SELECT text_sha256 FROM articles WHERE id = ?", [art["id"]]).fetchone()
        if sha is None:
            raise CorrectionError(f"no article {art['id']!r}")
        row = con.execute("""INSERT INTO corrections (article_id, text_sha256, layer, action, target, fields, author, note)
                             VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING correction_id""",
                          [art["id"], sha[0], layer, action, target, json.dumps(fields, ensure_ascii=False),
                           author, note]).fetchone()
    assert row is not None
    return {"correction_id": int(row[0]), "layer": layer, "action": action, "target": target}


def withdraw(con: duckdb.DuckDBPyConnection, correction_id: int) -> list[int]:
    """Withdraw a correction (the analysis was never changed: nothing else to undo); withdrawing an addition also
    withdraws the later corrections of the item it added. Returns the ids withdrawn (empty: no such correction)."""
    with transaction(con):
        row = con.execute("SELECT article_id, layer, action, target FROM corrections WHERE correction_id = ?",
                          [correction_id]).fetchone()
        if row is None:
            return []
        article_id, layer, action, target = row
        ids = [correction_id]
        if action == "add":
            ids += [r[0] for r in con.execute(
                "SELECT correction_id FROM corrections WHERE article_id = ? AND layer = ? AND target = ? "
                "AND correction_id > ?", [article_id, layer, target, correction_id]).fetchall()]
        con.execute("DELETE FROM corrections WHERE correction_id IN (SELECT unnest(?))", [ids])
    return ids
