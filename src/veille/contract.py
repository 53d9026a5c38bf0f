"""The contract ``veille.analysis/1``: the one place an analysis is assembled (``build``, from the typed records
of ``veille.model``), and its JSON Schema with a validator (``errors``) for every part that speaks it.

Events arrive already in the contract's form: the event coder writes them (``veille.extract.events.record``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from veille.model import SCHEMA_VERSION, Article, Claim, Entity, Party, TimeMention


def build(article: Article, lang: str | None, *, entities: Sequence[Entity] = (), times: Sequence[TimeMention] = (),
          events: Sequence[dict[str, Any]] = (), claims: Sequence[Claim] = ()) -> dict[str, Any]:
    """The analysis of ``article``: each claim lists the events attributed to it (their ``attributed_to``)."""
    reported: dict[str, list[str]] = {}
    for v in events:
        if v["attributed_to"]:
            reported.setdefault(v["attributed_to"], []).append(v["id"])
    return {
        "schema": SCHEMA_VERSION,
        "article": {
            "id": article.id,
            "lang": lang,
            "published": article.published.isoformat() if article.published else None,
            "title": article.title,
            "url": article.url,
            "source": article.source,
            "text_sha256": article.text_sha256,
            "text": article.text,
        },
        "entities": [_entity(e) for e in entities],
        "times": [{"text": t.text, "start": t.start, "end": t.end, "value": t.value, "anchor": t.anchor} for t in times],
        "events": list(events),
        "claims": [_claim(c, article.text, reported.get(c.id, [])) for c in claims],
    }


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "canonical": e.canonical,
        "type": e.type,
        "country": e.country,
        "kb_id": e.kb_id,
        "agent": e.agent,
        "stands_for": e.stands_for,
        "roles": list(e.roles),
        "country_from": e.country_from,
        "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in sorted(e.mentions, key=lambda m: m.start)],
    }


def _speaker(p: Party | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {**{k: v for k, v in p.as_dict().items() if k != "agent"}, "start": p.start, "end": p.end}


def _claim(c: Claim, text: str, events: list[str]) -> dict[str, Any]:
    return {
        "id": c.id,
        "speaker": _speaker(c.speaker),
        "cue": {"text": text[c.cue[0]:c.cue[1]], "start": c.cue[0], "end": c.cue[1]} if c.cue else None,
        "content": {"text": text[c.start:c.end], "start": c.start, "end": c.end},
        "kind": c.kind,
        "date": c.date,
        "factuality": c.factuality,
        "sources": c.sources,
        "events": events,
    }


@cache
def schema() -> dict[str, Any]:
    return json.loads(resources.files("veille").joinpath("data/analysis.schema.json").read_text("utf-8"))


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


def errors(analysis: dict[str, Any]) -> list[str]:
    """Every way ``analysis`` breaks the contract, as readable strings (empty when valid)."""
    out = []
    for err in sorted(_validator().iter_errors(analysis), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in err.absolute_path) or "(root)"
        out.append(f"{where}: {err.message}")
    text = (analysis.get("article") or {}).get("text")
    if isinstance(text, str):
        out.extend(_offset_errors(analysis, text))
    return out


def _offset_errors(analysis: dict[str, Any], text: str) -> list[str]:
    """Offsets must point at the characters they quote: the schema cannot say that, so check it here."""
    out = []

    def check(where: str, span: dict[str, Any] | None) -> None:
        if not span or "text" not in span or span.get("start") is None:
            return
        if text[span["start"]:span["end"]] != span["text"]:
            out.append(f"{where}: offsets {span['start']}:{span['end']} do not hold {span['text']!r}")

    for e in analysis.get("entities", []):
        for m in e["mentions"]:
            check(f"entities/{e['id']}", m)
    for t in analysis.get("times", []):
        check("times", t)
    for v in analysis.get("events", []):
        check(f"events/{v['id']}/trigger", v.get("trigger"))
    for c in analysis.get("claims", []):
        check(f"claims/{c['id']}/content", c.get("content"))
    return out
