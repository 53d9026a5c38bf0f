"""Other shapes of the same analysis: PLOVER event records and schema.org JSON-LD claims.

Both are views of the contract, computed from the analysis dict alone (its text included), so that
``veille analyze --format plover`` and ``veille export --format plover`` (of an ingest, or of a loaded
batch) write the same record for the same event.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from veille.kb import city_by_id
from veille.lexicons import table

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@cache
def quad_codes() -> dict[str, int]:
    """PLOVER type → quad class (``lexicons/plover_types.tsv``)."""
    return {row["type"]: int(row["quad_code"]) for row in table("", "plover_types")}


def plover_records(analysis: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One PLOVER record per event, with PLOVER's fields: ``id``, ``date`` (YYYY-MM-DD, when the text dates the
    event to a day), ``event``, ``mode``, ``context``, ``source`` and ``target`` actors (``code``: ISO3 country,
    ``actor_text``, ``wikidata``, ``sector``), ``event_loc`` (with coordinates when the place is a city of the
    knowledge base), ``quad_code`` and ``cite_info``; and veille's own: factuality, confidence, intensity
    (the PLOVER score), the trigger and the sentence."""
    art = analysis["article"]
    entities = {e["id"]: e for e in analysis["entities"]}
    speakers = {c["id"]: (c["speaker"] or {}).get("canonical") for c in analysis["claims"]}
    text = art.get("text") or ""
    for v in analysis["events"]:
        value = v["date"]
        yield {
            "id": f"{art['id']}:{v['id']}",
            "date": value if value and _DAY.match(value) else None,
            "date_value": value,
            "event": v["type"], "mode": v["mode"], "context": v["context"],
            "source": _actor(v["actor"], entities), "target": _actor(v["recipient"], entities),
            "event_loc": _place(entities.get(v["location"] or "")),
            "quad_code": quad_codes().get(v["type"]),
            "factuality": v["factuality"], "confidence": v["confidence"], "intensity": v.get("score"),
            "trigger": v["trigger"],
            "event_text": text[v["sentence"]["start"]:v["sentence"]["end"]] if text else None,
            "cite_info": {"id": art["id"], "url": art["url"], "title": art["title"], "language": art["lang"],
                          "published": art["published"], "source": art["source"], "claim": v["attributed_to"],
                          "attributed_to": speakers.get(v["attributed_to"] or "")},
        }


def _wikidata(kb_id: str | None) -> str | None:
    return kb_id.split(":", 1)[1] if kb_id and kb_id.startswith("wikidata:") else None


def _actor(p: dict[str, Any] | None, entities: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    if not p:
        return None
    e = entities.get(p.get("entity") or "") or {}
    return {"code": p.get("country"), "actor": p.get("canonical"), "actor_text": p.get("text"),
            "sector": p.get("agent"), "wikidata": _wikidata(e.get("kb_id")), "entity": p.get("entity")}


def _place(e: dict[str, Any] | None) -> dict[str, Any] | None:
    if not e:
        return None
    kb = e.get("kb_id") or ""
    city = city_by_id(kb.split(":", 1)[1]) if kb.startswith("geonames:") else None
    return {"name": e["canonical"], "country": e.get("country"), "wikidata": _wikidata(kb),
            "geonames": kb.split(":", 1)[1] if kb.startswith("geonames:") else None,
            "lat": city.latitude if city else None, "lon": city.longitude if city else None, "entity": e["id"]}


def jsonld_claims(analysis: dict[str, Any]) -> dict[str, Any]:
    """schema.org ``Claim`` (indirect) and ``Quotation`` (direct) nodes, speakers with Wikidata ``sameAs``."""
    art = analysis["article"]
    entities = {e["id"]: e for e in analysis["entities"]}
    base = art["url"] or f"urn:veille:{art['id']}"
    graph = []
    for c in analysis["claims"]:
        sp = c["speaker"] or {}
        e = entities.get(sp.get("entity") or "") or {}
        kb = e.get("kb_id") or ""
        speaker: dict[str, Any] = {"@type": "Person" if e.get("type") == "PERSON" else "Organization",
                                   "name": sp.get("canonical") or sp.get("text")}
        if kb.startswith("wikidata:"):
            speaker["sameAs"] = f"https://www.wikidata.org/wiki/{kb.split(':', 1)[1]}"
        if sp.get("country"):
            speaker["nationality"] = sp["country"]
        node: dict[str, Any] = {
            "@type": "Quotation" if c["kind"] == "direct" else "Claim",
            "@id": f"{base}#{c['id']}",
            "text": c["content"]["text"],
            "author" if c["kind"] == "direct" else "creator": speaker,
            "isPartOf": {"@type": "NewsArticle", "@id": base, "headline": art["title"], "inLanguage": art["lang"],
                         "datePublished": art["published"]},
            "veille:kind": c["kind"], "veille:factuality": c["factuality"],
        }
        if c["date"]:
            node["dateCreated"] = c["date"]
        if c["sources"]:
            node["citation"] = [{"@type": "Organization", "name": s["canonical"], "veille:relation": s["relation"]}
                                for s in c["sources"]]
        graph.append(node)
    return {"@context": {"@vocab": "https://schema.org/", "veille": "https://veille.invalid/ns#"}, "@graph": graph}


GOLD = "veille.gold/1"


def gold_record(analysis: dict[str, Any], *, file: str, note: str) -> dict[str, Any]:
    """An analysis (a corrected one: ``veille export --format gold``) as a gold file (``veille.gold/1``, the
    format ``veille eval`` and ``shared/eval/score.py`` grade against), every item required: the analyst has
    read the article, so what is left is what must be found. ``file``: where the article's text is written,
    relative to the gold folder. Parties are named by canonical name (by country when they have none);
    a time without a value and a claim without a speaker cannot be matched, so they are not required."""
    art = analysis["article"]
    text = art.get("text") or ""
    return {
        "gold": GOLD,
        "article": {"id": art["id"], "file": file, "lang": art.get("lang"), "published": art.get("published"),
                    "note": note},
        "entities": [{"canonical": e["canonical"], "type": e["type"], "country": e.get("country"), "required": True,
                      "aliases": list(dict.fromkeys(m["text"] for m in e["mentions"]))} for e in analysis["entities"]],
        "linking": _gold_linking(analysis["entities"]),
        "times": [_gold_time(t, text) for t in analysis["times"]],
        "events": [_gold_event(v, text) for v in analysis["events"]],
        "claims": [_gold_claim(c) for c in analysis["claims"]],
    }


def _gold_linking(entities: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Each mention of a linked entity with a country, once; a mention two entities of different countries
    share says nothing about linking and is left out."""
    countries: dict[str, set[str | None]] = {}
    linked: set[str] = set()
    for e in entities:
        for m in e["mentions"]:
            countries.setdefault(m["text"], set()).add(e.get("country"))
            if e.get("kb_id"):
                linked.add(m["text"])
    out = []
    for mention, found in countries.items():
        country = next(iter(found))
        if len(found) == 1 and country is not None and mention in linked:
            out.append({"mention": mention, "country": country})
    return out


def _gold_time(t: dict[str, Any], text: str) -> dict[str, Any]:
    out: dict[str, Any] = {"text": t["text"], "value": [t["value"]] if t.get("value") else None,
                           "required": bool(t.get("value"))}
    n, at = 0, text.find(t["text"]) if t["text"] else -1
    while 0 <= at <= t["start"]:  # which occurrence of its words this time is (the scorer finds it by them)
        n += 1
        if at == t["start"]:
            out["occurrence"] = n
            break
        at = text.find(t["text"], at + 1)
    return out


def _gold_party(p: dict[str, Any] | None) -> str | None:
    return None if not p else (p.get("canonical") or p.get("country"))


def _gold_event(v: dict[str, Any], text: str) -> dict[str, Any]:
    out: dict[str, Any] = {"type": [v["type"]], "actor": _gold_party(v.get("actor")),
                           "recipient": _gold_party(v.get("recipient")), "required": True,
                           "factuality": v["factuality"]}
    if v.get("date"):
        out["date"] = v["date"]
    sentence = v.get("sentence") or {}
    if text and sentence.get("end"):
        out["evidence"] = text[sentence["start"]:sentence["end"]].strip()
    return out


def _gold_claim(c: dict[str, Any]) -> dict[str, Any]:
    sp = c.get("speaker") or {}
    names = list(dict.fromkeys(n for n in (sp.get("canonical"), sp.get("text")) if n))
    out: dict[str, Any] = {"speaker": names, "speaker_country": sp.get("country"), "kind": [c["kind"]],
                           "required": bool(names), "content": c["content"]["text"], "factuality": c["factuality"]}
    if c.get("date"):
        out["date"] = c["date"]
    if c.get("sources"):
        out["sources"] = [s["canonical"] for s in c["sources"] if s.get("canonical")]
    return out
