"""``--format text``: an analysis as a report a person reads in a terminal."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from veille.terminal import printable

TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "MISC")


def render(analysis: dict[str, Any]) -> str:
    art = analysis["article"]
    lines = [
        f"{art['id']}  [{art['lang']}]  published {art['published'] or 'unknown'}",
        f"  {art['title'] or '(no title)'}",
        "",
        *_entities(analysis["entities"]),
        "",
        f"Dates ({len(analysis['times'])})",
    ]
    for t in analysis["times"]:
        value = t["value"] or "(vague, unresolved)"
        lines.append(f"  {t['text']!r:<34} {value}" + (f"  (from {t['anchor']})" if t["anchor"] == "published" else ""))
    if analysis.get("events"):
        lines += ["", f"Events ({len(analysis['events'])})"]
        for v in analysis["events"]:
            a, r = v.get("actor") or {}, v.get("recipient") or {}
            lines.append(f"  {v['type']:<9} {a.get('canonical') or '?'} → {r.get('canonical') or '-'}  [{v['factuality']}] {v['trigger']['text']!r}")
    if analysis.get("claims"):
        lines += ["", f"Claims ({len(analysis['claims'])})"]
        for c in analysis["claims"]:
            sp = c.get("speaker") or {}
            lines.append(f"  {sp.get('canonical') or sp.get('text') or '?'} ({c['kind']}): {c['content']['text'][:90]!r}")
    return printable("\n".join(lines))  # titles, names and quotes come from the article


def _entities(entities: list[dict[str, Any]]) -> list[str]:
    """The entities by type, each with its tags, its forms counted and its roles."""
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in entities:
        by_type[e["type"]].append(e)
    lines = [f"Entities ({len(entities)})"]
    for t in TYPE_ORDER:
        if not by_type.get(t):
            continue
        lines.append(f"  {t}")
        for e in by_type[t]:
            forms: dict[str, int] = {}
            for m in e["mentions"]:
                forms[m["text"]] = forms.get(m["text"], 0) + 1
            mentions = ", ".join(f"{f} ×{n}" if n > 1 else f for f, n in forms.items())
            tags = " ".join(x for x in (e["country"], e["kb_id"], f"→{e['stands_for']}" if e.get("stands_for") else None) if x)
            lines.append(f"    {e['canonical']:<34} {tags}")
            lines.append(f"      mentions: {mentions}")
            if e.get("roles"):
                lines.append(f"      roles: {'; '.join(e['roles'])}")
    return lines
