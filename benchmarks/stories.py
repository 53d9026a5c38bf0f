"""Story clustering measured on the hand-labelled winer-fr sets, and its cost next to the analysis.

    python benchmarks/stories.py          # every method: tuned on the 2017 set, reported on the 2016 set
    python benchmarks/stories.py --cost   # plus the cost per article of embedding and of a stories update / analysis

Protocol: each method's free parameters (threshold, and the embedding's share for the mixed method)
are chosen on ``winer-fr-2017.tsv`` alone (best B-cubed F1; among ties, the middle threshold); the
``winer-fr-2016.tsv`` line is the held-out figure. Pairwise figures count same-story article pairs,
which B-cubed hides when most stories have one article.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import analysed_and_embedded, load_jsonl, update_cost  # noqa: E402

from veille.analyze import analyze_many  # noqa: E402
from veille.cluster.embed import embed  # noqa: E402
from veille.cluster.profile import ArticleProfile, profile  # noqa: E402
from veille.cluster.stories import DEFAULT, Method, bcubed, cluster  # noqa: E402
from veille.ingest.records import article_from_json  # noqa: E402

LABELS = Path(__file__).resolve().parents[1] / "tests" / "gold" / "stories"
TUNE, HELDOUT = "winer-fr-2017.tsv", "winer-fr-2016.tsv"
THRESHOLDS = [round(0.30 + 0.05 * i, 2) for i in range(12)]  # 0.30 … 0.85
WEIGHTS = (0.3, 0.5, 0.6, 0.7, 0.8, 0.9)


def labels(name: str) -> dict[str, str]:
    with (LABELS / name).open(encoding="utf-8") as fh:
        return {row["id"]: row["story"] for row in csv.DictReader(fh, delimiter="\t")}


def analyses(ids: set[str]) -> tuple[list[dict], float]:
    """The analyses of the labelled articles and the analysis time (after a warm-up)."""
    rows = [r for r in load_jsonl("winer-fr.jsonl") if r["id"] in ids]
    list(analyze_many(article_from_json(r, default_id=r["id"]) for r in rows[:3]))  # load the pipelines
    t0 = time.perf_counter()
    out = [r for r in analyze_many(article_from_json(r, default_id=r["id"]) for r in rows)]
    elapsed = time.perf_counter() - t0
    assert all(isinstance(r, dict) for r in out)
    return out, elapsed


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    ids = sorted(gold)
    same_p = {(a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if pred[a] == pred[b]}
    same_g = {(a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if gold[a] == gold[b]}
    both = len(same_p & same_g)
    return (both / len(same_p) if same_p else 1.0), (both / len(same_g) if same_g else 1.0)


TEXTS: dict[str, str] = {}
Variant = tuple[str, Callable[[ArticleProfile], str], tuple[float, ...]]
VARIANTS: list[Variant] = [
    ("entities only", lambda p: "", (0.0,)),
    ("embedding of the title", lambda p: p.title, (1.0,)),
    ("embedding of title + lead", ArticleProfile.text_for_embedding, (1.0,)),
    ("embedding of the whole text", lambda p: p.title + ". " + TEXTS[p.id], (1.0,)),
    ("title + lead, mixed with entities", ArticleProfile.text_for_embedding, WEIGHTS),
    ("the same, gated on a shared named actor", ArticleProfile.text_for_embedding, WEIGHTS),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cost", action="store_true", help="clustering cost per article next to the analysis cost")
    args = ap.parse_args()
    if args.cost:  # first, while the sets' texts are new to the process (as an ingest's are)
        for name in (TUNE, HELDOUT):
            cost(name)
        print()
    data = {}
    for name in (TUNE, HELDOUT):
        gold = labels(name)
        results, t_analysis = analyses(set(gold))
        profs = [profile(a) for a in results]
        TEXTS.update((a["article"]["id"], a["article"]["text"]) for a in results)
        data[name] = (gold, profs, t_analysis)
        multi = sum(1 for s in set(gold.values()) if list(gold.values()).count(s) > 1)
        p, r, f = bcubed({i: i for i in gold}, gold)
        print(f"{name}: {len(gold)} articles, {len(set(gold.values()))} stories ({multi} with several articles); "
              f"every article alone: B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}")

    print(f"\n{'method':36s} {'chosen on ' + TUNE:>30s}   {'held out: ' + HELDOUT + ' (B-cubed P / R / F1, pairs P / R)':s}")
    for label, text_of, weights in VARIANTS:
        vecs = {}
        for name, (gold, profs, _) in data.items():
            vecs[name] = dict(zip([p.id for p in profs], embed([text_of(p) for p in profs]), strict=True))
        gold, profs, _ = data[TUNE]
        scored = []
        gate = "gated" in label
        for w in weights:
            for t in THRESHOLDS:
                method = Method(label, w, t, anchor_gate=gate)
                scored.append((round(bcubed(cluster(profs, vecs[TUNE], method), gold)[2], 4), w, t))
        best = max(s[0] for s in scored)
        tied = [s for s in scored if s[0] == best]
        _, w, t = tied[len(tied) // 2]
        method = Method(label, w, t, anchor_gate=gate)
        hg, hp, _ = data[HELDOUT]
        pred = cluster(hp, vecs[HELDOUT], method)
        p, r, f = bcubed(pred, hg)
        pp, pr = pairwise(pred, hg)
        mark = "  <- default" if (w, t, gate) == (DEFAULT.embedding_weight, DEFAULT.threshold, DEFAULT.anchor_gate) \
            and ("mixed" in label or gate) else ""
        print(f"{label:36s} weight {w:.1f} threshold {t:.2f} F1 {best:.3f}   "
              f"P {p:.3f} R {r:.3f} F1 {f:.3f}   pairs P {pp:.3f} R {pr:.3f}{mark}")



def cost(name: str) -> None:
    """Per article: the analysis and the story embedding (measured in turn, ``common.analysed_and_embedded``),
    the story assignment alone, and one stories update in a store (``common.update_cost``)."""
    rows = [r for r in load_jsonl("winer-fr.jsonl") if r["id"] in set(labels(name))]
    results, vectors, t_analysis, t_embed = analysed_and_embedded(rows)
    profs = [profile(a) for a in results]
    vv = dict(zip([p.id for p in profs], vectors, strict=True))
    t0 = time.perf_counter()
    cluster(profs, vv, DEFAULT)
    t_assign = time.perf_counter() - t0
    t_update, _ = update_cost(results, vectors)
    n = len(rows)
    print(f"{name}: per article analysis {t_analysis / n * 1000:.1f} ms, embedding {t_embed / n * 1000:.1f} ms, "
          f"story assignment alone {t_assign / n * 1000:.2f} ms, stories update in the store (assignment, "
          f"derivations, merging) {t_update / n * 1000:.2f} ms; (embedding + update) / analysis = "
          f"{(t_embed + t_update) / t_analysis:.3f}")


if __name__ == "__main__":
    main()
