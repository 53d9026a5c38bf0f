"""The JSON Schema of ``veille.analysis/1`` and its validator: one schema for every part that speaks it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator


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
