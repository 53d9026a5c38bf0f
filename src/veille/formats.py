"""Other shapes of the same analysis: PLOVER/POLECAT-style event rows and schema.org JSON-LD claims.

Both are views of the contract, computed from the analysis dict alone, so the CLI, the store and the
API can all produce them from what they already hold.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def plover_rows(analysis: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One POLECAT-style record per event: actor and recipient with country, sector and Wikidata id."""
    art = analysis["article"]
    entities = {e["id"]: e for e in analysis["entities"]}

    def party(p: dict[str, Any] | None) -> dict[str, Any] | None:
        if not p:
            return None
        e = entities.get(p.get("entity") or "")
        kb = (e or {}).get("kb_id") or ""
        return {"name": p.get("canonical"), "text": p.get("text"), "country": p.get("country"),
                "sector": p.get("agent"), "wikidata": kb.split(":", 1)[1] if kb.startswith("wikidata:") else None}

    for v in analysis["events"]:
        yield {
            "event_id": f"{art['id']}#{v['id']}",
            "event_type": v["type"], "mode": v["mode"], "context": v["context"],
            "actor": party(v["actor"]), "recipient": party(v["recipient"]),
            "date": v["date"], "location": v["location"], "factuality": v["factuality"],
            "confidence": v["confidence"], "score": v.get("score"),
            "trigger": v["trigger"], "sentence": v["sentence"],
            "citation": {"id": art["id"], "url": art["url"], "title": art["title"], "language": art["lang"],
                         "published": art["published"], "source": art["source"]},
        }


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
