"""Derivations and cross-language statements measured on the hand-labelled multi-outlet set.

    python benchmarks/outlets.py            # derivation pairs: tuned on the tune part, scored on the held-out part
    python benchmarks/outlets.py --claims   # plus cross-language statement pairs (ingests the set: ~1 min)
    python benchmarks/outlets.py --cost     # plus what stories, derivations and merging cost next to the analysis

Protocol (that of ``benchmarks/stories.py``): every threshold is chosen on the ``tune`` part of
``tests/gold/outlets`` (best F1; among ties, the middle of the grid's order); the ``heldout`` line is
only scored. Derivation pairs are the pairs of articles one derivation family joins (an origin and what
derives from it; see the set's README); a predicted family is a connected group of detected
derivations. Translation pairs are those in two languages.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from veille.cluster.derive import DEFAULT, Method, Text, candidates, families, one_to_one, similarity_matrix  # noqa: E402
from veille.cluster.embed import embed, embed_together  # noqa: E402
from veille.cluster.profile import lead_of  # noqa: E402

from common import analysed_and_embedded, update_cost  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "outlets"
LEXICAL = (0.3, 0.4, 0.5, 0.6)
SEMANTIC = (0.65, 0.7, 0.75, 0.8, 0.85)
MIN_ALIGNED = (2, 3, 4)
MIN_SHARE = (0.3, 0.5, 0.7)
QUOTE = tuple(round(0.5 + 0.05 * i, 2) for i in range(9))  # 0.50 … 0.90


def load() -> tuple[dict[str, dict], dict[str, dict]]:
    with (GOLD / "articles.jsonl").open(encoding="utf-8") as fh:
        arts = {a["id"]: a for a in map(json.loads, fh)}
    with (GOLD / "labels.tsv").open(encoding="utf-8") as fh:
        labels = {r["id"]: r for r in csv.DictReader(fh, delimiter="\t")}
    return arts, labels


def gold_pairs(labels: dict[str, dict], part: str) -> set[frozenset[str]]:
    fam: dict[str, list[str]] = {}
    for i, r in labels.items():
        if r["part"] == part and r["relation"] in ("origin", "translation", "rewrite", "partial"):
            fam.setdefault(r["family"], []).append(i)
    return {frozenset(p) for ids in fam.values() for p in itertools.combinations(sorted(ids), 2)}


def predicted_pairs(links: list[tuple[str, str]], ids: set[str]) -> set[frozenset[str]]:
    fam: dict[str, list[str]] = {}
    for i, root in families(links).items():
        if i in ids:
            fam.setdefault(root, []).append(i)
    return {frozenset(p) for members in fam.values() for p in itertools.combinations(sorted(members), 2)}


def scores(pred: set, gold: set) -> tuple[float, float, float]:
    p = len(pred & gold) / len(pred) if pred else 1.0
    r = len(pred & gold) / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def derivations() -> Method:
    arts, labels = load()
    texts = {}
    for i, a in arts.items():
        texts[i] = Text(i, a["lang"], dt.date.fromisoformat(a["published"]), a["text"])
    vecs = embed([f"{a['title']}. {lead_of(a['text'], a['title'])}" for a in arts.values()])
    for t, v in zip(texts.values(), vecs, strict=True):
        t.vector = v
    cache: dict[str, np.ndarray] = {}

    def sentence_vectors(t: Text) -> np.ndarray:
        if t.id not in cache:
            cache[t.id] = embed_together([s.text for s in t.sentences])
        return cache[t.id]

    # every candidate pair's sentence similarities, once; thresholds are then applied to them
    order = sorted(texts.values(), key=lambda t: (t.published, t.id))
    matrices = []
    for k, t in enumerate(order):
        for other in candidates(t, order[:k], DEFAULT):
            matrices.append((t, other, similarity_matrix(t, other, sentence_vectors)))
    print(f"{len(arts)} articles, {len(matrices)} candidate pairs compared")

    def links(m: Method) -> list[tuple[str, str]]:
        out = []
        for a, b, sim in matrices:
            aligned = one_to_one(sim, m.semantic if a.lang != b.lang else m.lexical)
            if m.derived(len(aligned), min(len(a.sentences), len(b.sentences))):
                out.append((a.id, b.id))
        return out

    def measure(m: Method, part: str) -> tuple[tuple, tuple]:
        ids = {i for i, r in labels.items() if r["part"] == part}
        pred, gold = predicted_pairs(links(m), ids), gold_pairs(labels, part)
        cross = lambda pairs: {p for p in pairs if len({arts[i]["lang"] for i in p}) == 2}  # noqa: E731
        return scores(pred, gold), scores(cross(pred), cross(gold))

    grid = [Method(lexical=lx, semantic=se, min_aligned=ma, min_share=ms)
            for lx in LEXICAL for se in SEMANTIC for ma in MIN_ALIGNED for ms in MIN_SHARE]
    tuned = [(round(measure(m, "tune")[0][2], 4), m) for m in grid]
    best = max(f for f, _ in tuned)
    tied = [m for f, m in tuned if f == best]
    chosen = tied[len(tied) // 2]
    print(f"chosen on tune (F1 {best:.3f}, {len(tied)} settings tie): lexical {chosen.lexical}, semantic "
          f"{chosen.semantic}, min_aligned {chosen.min_aligned}, min_share {chosen.min_share}"
          + ("  (= DEFAULT)" if (chosen.lexical, chosen.semantic, chosen.min_aligned, chosen.min_share)
             == (DEFAULT.lexical, DEFAULT.semantic, DEFAULT.min_aligned, DEFAULT.min_share) else "  (DEFAULT differs)"))
    for part in ("tune", "heldout"):
        (p, r, f), (tp, tr, tf) = measure(chosen, part)
        n = len(gold_pairs(labels, part))
        print(f"{part:8s} derivation pairs ({n}): P {p:.3f} R {r:.3f} F1 {f:.3f}   translations: P {tp:.3f} R {tr:.3f} F1 {tf:.3f}")
    return chosen


def statement_groups(part: str) -> list[tuple[str, str, str]]:
    with (GOLD / "statements.tsv").open(encoding="utf-8") as fh:
        return [(r["statement"], r["article"], r["words"]) for r in csv.DictReader(fh, delimiter="\t") if r["part"] == part]


def group_of(article: str, content: str, groups: list[tuple[str, str, str]]) -> str | None:
    for g, a, words in groups:
        if a == article and words.casefold() in content.casefold():
            return g
    return None


def claims() -> None:
    """Ingest the whole set, then read which quotes in two languages became one statement."""
    import duckdb

    from veille.run import ingest

    arts, labels = load()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "outlets.duckdb"
        ingest([str(GOLD / "articles.jsonl")], db=db, workers=2, progress=False, failures=Path(tmp) / "f.tsv")
        con = duckdb.connect(str(db), read_only=True)
        con_rows = con.execute("""
            SELECT c.article_id, c.claim_id, c.content_text, a.lang, sa.story_id FROM claims c
            JOIN articles a ON a.id = c.article_id JOIN story_articles sa ON sa.article_id = c.article_id
            JOIN stories st ON st.story_id = sa.story_id
            WHERE c.kind = 'direct' AND len(st.languages) > 1 ORDER BY 1, 2""").fetchall()
        rows = con.execute("""
            SELECT r.merged_id, r.article_id, c.content_text FROM merged_claim_reports r
            JOIN claims c ON c.article_id = coalesce(r.copy_of, r.article_id) AND c.claim_id = r.claim_id""").fetchall()
        con.close()
        quotes = con_rows
    tune_threshold(quotes, arts, labels)
    by_merged: dict[str, list[tuple[str, str]]] = {}
    for mid, aid, content in rows:
        by_merged.setdefault(mid, []).append((aid, content))
    for part in ("tune", "heldout"):
        groups = statement_groups(part)
        ids = {i for i, r in labels.items() if r["part"] == part}
        pred, right = 0, 0
        found_groups = set()
        for reports in by_merged.values():
            for (a, ca), (b, cb) in itertools.combinations(reports, 2):
                if a not in ids or b not in ids or arts[a]["lang"] == arts[b]["lang"]:
                    continue
                pred += 1
                ga, gb = group_of(a, ca, groups), group_of(b, cb, groups)
                if ga is not None and ga == gb:
                    right += 1
                    found_groups.add(ga)
        gold = {(g, a, b) for (g, a, wa), (g2, b, wb) in itertools.combinations(groups, 2)
                if g == g2 and arts[a]["lang"] != arts[b]["lang"]}
        print(f"{part:8s} cross-language statement pairs: {pred} proposed, {right} right: P "
              f"{(right / pred if pred else 1.0):.3f}; {len(gold)} gold pairs in {len({g for g, _, _ in groups})} "
              f"statements, R {right / len(gold):.3f}")


def tune_threshold(quotes: list[tuple], arts: dict[str, dict], labels: dict[str, dict]) -> None:
    """Cross-language quote pairs of one story scored by cosine, thresholds chosen on the tune part: the
    pairwise view of what ``SAME_QUOTE_ACROSS`` decides (the store then groups greedily)."""
    from veille.cluster.provenance import MIN_WORDS, SAME_QUOTE_ACROSS

    by_article: dict[str, list[tuple]] = {}
    for q in quotes:
        if len(q[2].split()) >= MIN_WORDS:
            by_article.setdefault(q[0], []).append(q)
    vec = {}
    for aid, qs in by_article.items():
        for q, v in zip(qs, embed_together([q[2] for q in qs]), strict=True):
            vec[(q[0], q[1])] = (q, v)
    scored = {}
    for part in ("tune", "heldout"):
        groups = statement_groups(part)
        pairs = []
        for (ka, (qa, va)), (kb, (qb, vb)) in itertools.combinations(sorted(vec.items()), 2):
            if qa[3] == qb[3] or qa[4] != qb[4] or qa[0] == qb[0] or labels[qa[0]]["part"] != part:
                continue
            ga, gb = group_of(qa[0], qa[2], groups), group_of(qb[0], qb[2], groups)
            pairs.append((float(va @ vb), ga is not None and ga == gb))
        scored[part] = pairs
    table = [(t, [_prf_at(t, scored[part]) for part in ("tune", "heldout")]) for t in QUOTE]
    best = max(round(row[0][2], 4) for _, row in table)
    tied = [t for t, row in table if round(row[0][2], 4) == best]
    chosen = tied[len(tied) // 2]
    print(f"cross-language quote pairs in one story: {len(scored['tune'])} (tune), {len(scored['heldout'])} (held out)")
    for t, ((p, r, f), (hp, hr, hf)) in table:
        mark = "  <- chosen on tune" if t == chosen else ""
        print(f"  cosine >= {t:.2f}: tune P {p:.3f} R {r:.3f} F1 {f:.3f}   held out P {hp:.3f} R {hr:.3f} F1 {hf:.3f}{mark}")
    print(f"  SAME_QUOTE_ACROSS = {SAME_QUOTE_ACROSS}" + ("" if SAME_QUOTE_ACROSS == chosen else "  (differs from the choice)"))


def _prf_at(t: float, scored: list[tuple[float, bool]]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the pairs scored ``t`` or more."""
    pred = [ok for s, ok in scored if s >= t]
    gold = sum(ok for _, ok in scored)
    p = sum(pred) / len(pred) if pred else 1.0
    r = sum(pred) / gold if gold else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def cost() -> None:
    """Per article, on the set (dense in derivations and in stories told in two languages): the analysis,
    the story embedding (measured in turn, ``common.analysed_and_embedded``), and one stories update
    (assignment, derivations, merging; median of 3 over a fresh store, ``common.update_cost``)."""
    arts, _ = load()
    rows = list(arts.values())
    results, vectors, t_analysis, t_embed = analysed_and_embedded(rows)
    t_update, summary = update_cost(results, vectors)
    n = len(rows)
    print(f"cost on the set: {summary.line()}")
    print(f"per article: analysis {t_analysis / n * 1000:.1f} ms, story embedding {t_embed / n * 1000:.1f} ms, "
          f"update (stories, derivations, merging) {t_update / n * 1000:.1f} ms; "
          f"(embedding + update) / analysis = {(t_embed + t_update) / t_analysis:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", action="store_true", help="also cross-language statement pairs (ingests the set)")
    ap.add_argument("--cost", action="store_true", help="also the cost per article next to the analysis")
    args = ap.parse_args()
    derivations()
    if args.claims:
        claims()
    if args.cost:
        cost()


if __name__ == "__main__":
    main()
