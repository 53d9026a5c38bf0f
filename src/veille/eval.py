"""``veille eval``: grade analyses against gold files (``veille.gold/1``) and list every miss.

The scoring functions are the reference scorer's (``shared/eval/score.py``), carried here unchanged so
that veille's figures and the reference's are the same by construction (``tests/test_eval.py`` runs
both on the specimen and compares). Only the driver differs: it is a function returning a dict.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

DETERMINERS = {"le", "la", "les", "l", "un", "une", "des", "du", "the", "a", "an"}


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'").lower()
    words = re.findall(r"[a-z0-9]+", s)
    while words and words[0] in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def tokens(s: str | None) -> Counter:
    return Counter(norm(s).split())


def dice(a: str | None, b: str | None) -> float:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return 2 * sum((ta & tb).values()) / (sum(ta.values()) + sum(tb.values()))


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "pred": n_pred, "pred_matched": tp_pred, "gold": n_gold, "gold_found": tp_gold}


def as_list(x):
    if x is None:
        return []
    return x if isinstance(x, list) else [x]


# ---------------------------------------------------------------- entities

def entity_keys(e: dict) -> set[str]:
    keys = {norm(e.get("canonical"))}
    keys |= {norm(m.get("text")) for m in e.get("mentions") or []}
    keys.discard("")
    return keys


def gold_entity_names(g: dict) -> set[str]:
    return {norm(x) for x in [g["canonical"], *g.get("aliases", [])]} - {""}


def entity_strength(g: dict, p: dict) -> int:
    """How well predicted entity p stands for gold entity g: 3 same canonical name, 2 canonical name is
    one of g's aliases, 1 a mention is an alias and the country agrees, 0 no match."""
    names = gold_entity_names(g)
    pc = norm(p.get("canonical"))
    if pc and pc == norm(g["canonical"]):
        return 3
    if pc in names:
        return 2
    if g.get("country") and p.get("country") == g["country"] and entity_keys(p) & names:
        return 1
    return 0


def entity_matches(g: dict, p: dict) -> bool:
    return entity_strength(g, p) > 0


def match_entities(gents: list, pents: list) -> dict:
    """One-to-one matching, strongest pairs first: an entity split in two (\"Kirby\" apart from
    \"John Kirby\") matches once, and its other half counts against precision."""
    pairs = sorted(((entity_strength(g, p), gi, pi) for gi, g in enumerate(gents) for pi, p in enumerate(pents)),
                   reverse=True)
    g_of, used_g = {}, set()
    for strength, gi, pi in pairs:
        if strength == 0:
            break
        if gi in used_g or pi in g_of:
            continue
        g_of[pi] = gi
        used_g.add(gi)
    return g_of


def score_entities(gold: dict, pred: dict, misses: list) -> dict:
    gents, pents = gold.get("entities", []), pred.get("entities", [])
    g_of = match_entities(gents, pents)
    p_of = {gi: pi for pi, gi in g_of.items()}
    req = [gi for gi, g in enumerate(gents) if g.get("required", True)]
    found = sum(1 for gi in req if gi in p_of)
    for gi in req:
        if gi not in p_of:
            misses.append(f"entity missed: {gents[gi]['canonical']}")
    for pi, p in enumerate(pents):
        if pi not in g_of:
            twin = next((g["canonical"] for g in gents if entity_matches(g, p)), None)
            why = f" (a second entity for {twin})" if twin else ""
            misses.append(f"entity not in gold: {p.get('canonical')!r} ({p.get('type')}){why}")
    out = prf(len(g_of), len(pents), found, len(req))
    typed = [gi for gi in req if gi in p_of]
    out["type_accuracy"] = round(sum(gents[gi]["type"] == pents[p_of[gi]].get("type") for gi in typed) / len(typed), 4) if typed else 0.0
    return out


def score_linking(gold: dict, pred: dict, misses: list) -> dict:
    items = gold.get("linking", [])
    ok = 0
    for it in items:
        want = norm(it["mention"])
        hit = False
        for p in pred.get("entities", []):
            if any(norm(m.get("text")) == want for m in p.get("mentions") or []) and p.get("country") == it["country"]:
                hit = True
                break
        ok += hit
        if not hit:
            misses.append(f"linking wrong: {it['mention']!r} should resolve to {it['country']}")
    return {"accuracy": round(ok / len(items), 4) if items else 0.0, "gold": len(items), "correct": ok}


# ---------------------------------------------------------------- times

def spans_of(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def norm_time(v: str | None) -> str:
    return (v or "").strip().upper()


def score_times(gold: dict, pred: dict, text: str | None, misses: list) -> dict:
    """A gold time is found by a predicted time whose span overlaps it in the article text
    (or, without the text, whose text contains the gold text or is contained in it)."""
    gtimes, ptimes = gold.get("times", []), pred.get("times", [])

    def gold_spans(g):
        occ = spans_of(text, g["text"]) if text else []
        k = g.get("occurrence")
        return [occ[k - 1]] if occ and k and k <= len(occ) else occ

    def hits(g, spans, p):
        s, e = p.get("start"), p.get("end")
        if spans and s is not None and e is not None:
            return any(s < ge and gs < e for gs, ge in spans)
        a, b = norm(g["text"]), norm(p.get("text"))
        return bool(a and b) and (a in b or b in a)

    gsp = [(g, gold_spans(g)) for g in gtimes]
    req = [(g, sp) for g, sp in gsp if g.get("required", True)]
    found = valued = 0
    for g, sp in req:
        cands = [p for p in ptimes if hits(g, sp, p)]
        if not cands:
            misses.append(f"time missed: {g['text']!r}")
            continue
        found += 1
        want = {norm_time(v) for v in as_list(g.get("value"))}
        if any(norm_time(p.get("value")) in want for p in cands):
            valued += 1
        else:
            misses.append(f"time value wrong: {g['text']!r} -> {[p.get('value') for p in cands]} want {sorted(want)}")
    matched = sum(1 for p in ptimes if any(hits(g, sp, p) for g, sp in gsp))
    out = prf(matched, len(ptimes), found, len(req))
    out["value_accuracy"] = round(valued / len(req), 4) if req else 0.0
    return out


# ---------------------------------------------------------------- events

ISO3 = re.compile(r"^[A-Z]{3}$")


def actor_matches(gold_actor: str | None, p_actor: dict | None) -> bool:
    if gold_actor is None:
        return not p_actor
    if not p_actor:
        return False
    if ISO3.match(gold_actor):
        return p_actor.get("country") == gold_actor
    return norm(p_actor.get("canonical")) == norm(gold_actor)


def event_matches(g: dict, p: dict) -> bool:
    return (p.get("type") in as_list(g["type"]) and actor_matches(g.get("actor"), p.get("actor"))
            and actor_matches(g.get("recipient"), p.get("recipient")))


def describe_event(p: dict) -> str:
    s, t = p.get("actor") or {}, p.get("recipient") or {}
    return f"{p.get('type')} {s.get('country') or s.get('canonical')} -> {t.get('country') or t.get('canonical')}"


def score_events(gold: dict, pred: dict, misses: list) -> dict:
    gev, pev = gold.get("events", []), pred.get("events", [])
    req = [g for g in gev if g.get("required", True)]
    found = fact_total = fact_ok = date_total = date_ok = 0
    for g in req:
        cands = [p for p in pev if event_matches(g, p)]
        if not cands:
            misses.append(f"event missed: {'/'.join(as_list(g['type']))} {g.get('actor')} -> {g.get('recipient')}")
            continue
        found += 1
        if g.get("factuality"):
            fact_total += 1
            if all(p.get("factuality") == g["factuality"] for p in cands):
                fact_ok += 1
            else:
                misses.append(f"event factuality wrong: {describe_event(cands[0])} "
                              f"{[p.get('factuality') for p in cands]} want {g['factuality']}")
        if g.get("date"):
            date_total += 1
            if any(str(p.get("date") or "").startswith(g["date"]) for p in cands):
                date_ok += 1
            else:
                misses.append(f"event date wrong: {describe_event(cands[0])} {[p.get('date') for p in cands]} want {g['date']}")
    matched = 0
    for p in pev:
        if any(event_matches(g, p) for g in gev):
            matched += 1
        else:
            misses.append(f"event not in gold: {describe_event(p)}")
    out = prf(matched, len(pev), found, len(req))
    out["factuality_accuracy"] = round(fact_ok / fact_total, 4) if fact_total else None
    out["date_accuracy"] = round(date_ok / date_total, 4) if date_total else None
    return out


# ---------------------------------------------------------------- claims

def speaker_names(g: dict) -> set[str]:
    return {norm(x) for x in as_list(g.get("speaker"))} - {""}


def speaker_strict(g: dict, p: dict) -> bool:
    sp = p.get("speaker") or {}
    return bool({norm(sp.get("canonical")), norm(sp.get("text"))} & speaker_names(g))


def speaker_lenient(g: dict, p: dict) -> bool:
    sp = p.get("speaker") or {}
    return speaker_strict(g, p) or (bool(g.get("speaker_country")) and sp.get("country") == g.get("speaker_country"))


def content_of(p: dict) -> str:
    c = p.get("content")
    return c.get("text", "") if isinstance(c, dict) else (c or "")


def claim_matches(g: dict, p: dict) -> bool:
    return speaker_lenient(g, p) and dice(g["content"], content_of(p)) >= 0.5


def score_claims(gold: dict, pred: dict, misses: list) -> dict:
    gcl, pcl = gold.get("claims", []), pred.get("claims", [])
    req = [g for g in gcl if g.get("required", True)]
    tally = dict.fromkeys(("found", "strict", "kind_ok", "fact_total", "fact_ok", "src_total", "src_ok"), 0)
    for g in req:
        cands = [p for p in pcl if claim_matches(g, p)]
        if cands:
            _tally_claim(g, cands, tally)
        else:
            misses.append(_claim_miss(g, pcl))
    matched = 0
    for p in pcl:
        if any(claim_matches(g, p) for g in gcl):
            matched += 1
        else:
            sp = p.get("speaker") or {}
            misses.append(f"claim not in gold: {sp.get('canonical') or sp.get('text')!r}: {content_of(p)[:70]!r}")
    found = tally["found"]
    out = prf(matched, len(pcl), found, len(req))
    out["speaker_strict_accuracy"] = round(tally["strict"] / found, 4) if found else 0.0
    out["kind_accuracy"] = round(tally["kind_ok"] / found, 4) if found else 0.0
    out["factuality_accuracy"] = round(tally["fact_ok"] / tally["fact_total"], 4) if tally["fact_total"] else None
    out["source_chain_accuracy"] = round(tally["src_ok"] / tally["src_total"], 4) if tally["src_total"] else None
    return out


def _claim_miss(g: dict, pcl: list) -> str:
    """A gold claim no prediction matches, and why when its content was found (the speaker differs)."""
    best = max(pcl, key=lambda p: dice(g["content"], content_of(p)), default=None)
    why = ""
    if best is not None and dice(g["content"], content_of(best)) >= 0.5:
        sp = best.get("speaker") or {}
        why = f" (content found, speaker given as {sp.get('canonical') or sp.get('text')!r})"
    return f"claim missed: {as_list(g['speaker'])[0]}: {g['content'][:70]!r}{why}"


def _tally_claim(g: dict, cands: list, tally: dict) -> None:
    """Count a found gold claim: strict speaker, kind, factuality and source chain, each right in any match."""
    tally["found"] += 1
    tally["strict"] += any(speaker_strict(g, p) for p in cands)
    tally["kind_ok"] += any(p.get("kind") in as_list(g.get("kind")) for p in cands)
    if g.get("factuality"):
        tally["fact_total"] += 1
        tally["fact_ok"] += any(p.get("factuality") == g["factuality"] for p in cands)
    if g.get("sources"):
        tally["src_total"] += 1
        want = {norm(s) for s in g["sources"]}
        tally["src_ok"] += any(want & {norm(s.get("canonical") or s.get("text")) for s in p.get("sources") or []}
                               for p in cands)


# ---------------------------------------------------------------- driver

LAYERS = ("entities", "linking", "times", "events", "claims")


def score_one(gold: dict, pred: dict, root: Path | None) -> tuple[dict, list]:
    misses: list[str] = []
    text = None
    f = gold.get("article", {}).get("file")
    if f and root is not None:
        for base in (root, root.parent):
            if (base / f).exists():
                text = (base / f).read_text(encoding="utf-8")
                break
    rep = {
        "entities": score_entities(gold, pred, misses),
        "linking": score_linking(gold, pred, misses),
        "times": score_times(gold, pred, text, misses),
        "events": score_events(gold, pred, misses),
        "claims": score_claims(gold, pred, misses),
    }
    return rep, misses


def headline(rep: dict) -> float:
    parts = [rep["entities"]["f1"], rep["linking"]["accuracy"], rep["times"]["value_accuracy"] or 0.0,
             rep["events"]["f1"], rep["claims"]["f1"]]
    return round(sum(parts) / len(parts), 4)


def merge(reps: list[dict]) -> dict:
    """Micro-average the counted layers over articles."""
    tot = {}
    for layer in ("entities", "times", "events", "claims"):
        c: Counter[str] = Counter()
        for r in reps:
            for k in ("pred", "pred_matched", "gold", "gold_found"):
                c[k] += r[layer][k]
        tot[layer] = prf(c["pred_matched"], c["pred"], c["gold_found"], c["gold"])
    g = sum(r["linking"]["gold"] for r in reps)
    ok = sum(r["linking"]["correct"] for r in reps)
    tot["linking"] = {"accuracy": round(ok / g, 4) if g else 0.0, "gold": g, "correct": ok}
    # secondary accuracies: averaged over articles, each weighted by the gold items it found in that layer
    for layer in ("entities", "times", "events", "claims"):
        keys = {k for r in reps for k in r[layer] if k.endswith("accuracy")}
        for k in keys:
            num = den = 0.0
            for r in reps:
                v = r[layer].get(k)
                w = r[layer]["gold"] if k == "value_accuracy" else r[layer]["gold_found"]
                if v is not None and w:
                    num += v * w
                    den += w
            tot[layer][k] = round(num / den, 4) if den else None
    return tot


def load_preds(path: Path) -> dict[str, dict]:
    raw = path.read_text(encoding="utf-8").strip()
    docs = [json.loads(raw)] if raw.startswith("{") and "\n{" not in raw else [json.loads(l) for l in raw.splitlines() if l.strip()]
    return {str((d.get("article") or {}).get("id")): d for d in docs}


def evaluate(gold: Path, analyses: Path) -> dict:
    """Score ``analyses`` (a JSON or JSONL file) against one gold file or every ``*.gold.json`` in a folder.

    Returns ``{"total": {...per layer...}, "articles": N, "misses": {article_id: [miss, ...]}}``.
    """
    preds = load_preds(analyses)
    pairs = []
    if gold.is_dir():
        for gf in sorted(gold.glob("*.gold.json")):
            g = json.loads(gf.read_text(encoding="utf-8"))
            pairs.append((gf, g, preds.get(g["article"]["id"], {})))
    else:
        g = json.loads(gold.read_text(encoding="utf-8"))
        pred = preds.get(g["article"]["id"]) or (next(iter(preds.values()), {}) if len(preds) == 1 else {})
        pairs.append((gold, g, pred))
    if not pairs:
        raise ValueError(f"no *.gold.json file in {gold}")
    reps, all_misses = [], {}
    for gf, g, pred in pairs:
        rep, misses = score_one(g, pred, gf.parent)
        reps.append(rep)
        all_misses[g["article"]["id"]] = misses
    total = merge(reps) if len(reps) > 1 else reps[0]
    total["score"] = headline(total)
    return {"total": total, "articles": len(reps), "misses": all_misses}


def format_report(result: dict, *, verbose: bool = False) -> str:
    """The reference scorer's text report."""
    lines: list[str] = []
    if verbose:
        for aid, ms in result["misses"].items():
            lines.extend(f"{aid}: {m}" for m in ms)
    total = result["total"]
    for layer in LAYERS:
        r = total[layer]
        extra = {k: v for k, v in r.items() if k.endswith("accuracy") and v is not None}
        if layer == "linking":
            lines.append(f"{layer:9s} accuracy {r['accuracy']:.3f} ({r['correct']}/{r['gold']})")
        else:
            lines.append(f"{layer:9s} P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} "
                         f"(pred {r['pred']}, gold {r['gold']}) " + " ".join(f"{k} {v:.3f}" for k, v in extra.items()))
    lines.append(f"score {total['score']:.3f} over {result['articles']} article(s)")
    return "\n".join(lines)
