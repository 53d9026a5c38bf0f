"""Builders shared by the store tests: a hand-made analysis with events and claims, and corpus subsets."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from ..conftest import SHARED

CORPUS = SHARED / "corpus"


def corpus_rows(name: str, n: int | None = None) -> list[dict]:
    with (CORPUS / name).open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return rows[:n] if n is not None else rows


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _span(text: str, needle: str, after: int = 0) -> dict:
    start = text.index(needle, after)
    return {"text": needle, "start": start, "end": start + len(needle)}


def _party(analysis: dict, canonical: str, text: str, agent: str | None = None) -> dict:
    entity = next((e for e in analysis["entities"] if e["canonical"] == canonical), None)
    return {"text": text, "entity": entity["id"] if entity else None, "canonical": canonical,
            "country": entity["country"] if entity else None, "agent": agent}


def with_events_and_claims(specimen: dict, *, article_id: str = "seed-fr-001") -> dict:
    """The specimen analysis plus events and claims written by hand (the analyser leaves them empty today)."""
    an = copy.deepcopy(specimen)
    an["article"]["id"] = article_id
    text = an["article"]["text"]
    kirby = _span(text, "John Kirby")
    claim_content = _span(text, "d’autres missiles fournis par Pyongyang avaient été lancés dans les jours suivants")
    wh_content = _span(text, "qu’elle disposait de renseignements")
    an["events"] = [
        {"id": "v1", "type": "ASSAULT", "mode": None, "context": ["military"],
         "actor": _party(an, "Russia", "les forces russes", "MIL"), "recipient": _party(an, "Ukraine", "l’Ukraine"),
         "trigger": _span(text, "lancé"), "sentence": {"start": text.index("La Maison Blanche"), "end": text.index("Le porte-parole")},
         "date": "2023-12-30", "location": None, "factuality": "asserted", "attributed_to": "c1",
         "confidence": 0.82, "score": -9.0},
        {"id": "v2", "type": "ACCUSE", "mode": None, "context": [],
         "actor": _party(an, "United Kingdom", "La Grande-Bretagne", "GOV"), "recipient": _party(an, "Russia", "la Russie"),
         "trigger": _span(text, "accusé"), "sentence": {"start": text.index("LONDRES"), "end": text.index("La Maison Blanche")},
         "date": "2024-01-04", "location": None, "factuality": "asserted", "attributed_to": None,
         "confidence": 0.9, "score": None},
        {"id": "v3", "type": "AID", "mode": "military", "context": ["military"],
         "actor": _party(an, "North Korea", "Pyongyang"), "recipient": _party(an, "Russia", "la Russie"),
         "trigger": _span(text, "fournis"), "sentence": {"start": kirby["start"] - 16, "end": claim_content["end"]},
         "date": "2024-01", "location": None, "factuality": "asserted", "attributed_to": "c2",
         "confidence": 0.7, "score": 3.0},
    ]
    an["claims"] = [
        {"id": "c1", "speaker": {"text": "La Maison Blanche", "entity": None, "canonical": "White House", "country": "USA",
                                 "start": text.index("La Maison Blanche"), "end": text.index("La Maison Blanche") + 17},
         "cue": _span(text, "a déclaré"), "content": wh_content, "kind": "indirect", "date": "2024-01-04",
         "factuality": "asserted", "sources": [], "events": ["v1"]},
        {"id": "c2", "speaker": {"text": "John Kirby", "entity": None, "canonical": "John Kirby", "country": "USA",
                                 "start": kirby["start"], "end": kirby["end"]},
         "cue": _span(text, "a déclaré", kirby["end"]), "content": claim_content, "kind": "indirect",
         "date": "2024-01-04", "factuality": "asserted",
         "sources": [{"canonical": "The Wall Street Journal", "relation": "previously_reported"}], "events": ["v3"]},
    ]
    return an
