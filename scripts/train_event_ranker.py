"""Train the event ranker (veille/extract/events/data/ranker.json) on our annotated articles.

    python scripts/train_event_ranker.py [--gold tests/gold/train tests/gold/dev] [--out PATH] [--folds 5]

Needs scikit-learn (``pip install .[train]``); the trained model is plain JSON, read without it.

Every article of the given gold folders is analysed; each candidate event (``veille.extract.events.candidates``) is
labelled by whether it matches a gold event of its article (the reference scorer's matching: type, actor,
recipient). A logistic regression is fitted on the feature strings. The decision threshold is chosen by
cross-validation over articles (no article is scored by a model that saw it): the threshold with the best event F1
among those whose precision is at least --min-precision (0.58: precision held out has run
about nine points under the cross-validated one; at 0.55 the seventh round's candidates chose a threshold whose
precision on dev fell under 0.65). The held-out gold (tests/gold/heldout) and the unseen French set (tests/gold/unseen)
are never read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "reference"))

from score import event_matches  # noqa: E402  the reference scorer's matching, carried in tests/reference

from veille.analyze import analyze_parts  # noqa: E402
from veille.extract.events.candidates import candidates  # noqa: E402
from veille.extract.events.ranker import extras  # noqa: E402
from veille.ingest.records import article_from_json  # noqa: E402

CORPORA = [ROOT / "tests" / "gold" / "articles-fr.jsonl", ROOT / "tests" / "gold" / "articles-en.jsonl"]
SHARED = ROOT.parent / "shared" / "corpus"


def load_articles() -> dict[str, dict]:
    rows = {}
    for path in [*CORPORA, SHARED / "winer-fr.jsonl", SHARED / "wikinews-fr.jsonl", SHARED / "wikinews-en.jsonl"]:
        if path.is_file():
            for line in path.open(encoding="utf-8"):
                row = json.loads(line)
                rows.setdefault(row["id"], row)
    return rows


def pred_of(kind: str, actor, recipient) -> dict:
    """An event as the reference scorer reads it."""
    return {"type": kind, "actor": party_dict(actor), "recipient": party_dict(recipient)}


def party_dict(p) -> dict | None:
    if p is None or p.entity is None:
        return None
    return {"country": p.country, "canonical": p.entity.canonical}


def examples(folders: list[Path]) -> list[dict]:
    """One record per article: its candidates' features, labels and parties, and its gold events."""
    rows = load_articles()
    out = []
    for folder in folders:
        for gf in sorted(folder.glob("*.gold.json")):
            if "heldout" in gf.parts or "unseen" in gf.parts:
                raise SystemExit("the held-out and unseen gold are never used for training")
            gold = json.loads(gf.read_text("utf-8"))
            row = rows[gold["article"]["id"]]
            article = article_from_json(row, default_id=row["id"])
            parts = analyze_parts(article)
            cands = candidates(parts.doc, parts.refs, parts.lang, parts.rule_events, parts.voices, parts.reporting)
            events = gold.get("events", [])
            recs = []
            for c in cands:
                pred = pred_of(c.occurrence.rule.type, c.actor, c.recipient)
                recs.append({"features": c.features, "label": any(event_matches(g, pred) for g in events),
                             "pred": pred, "cand": c})
            rules = [pred_of(f.occurrence.rule.type, f.actor, f.recipient) for f in parts.rule_events]
            out.append({"id": row["id"], "lang": row["lang"], "candidates": recs, "rules": rules, "gold": events})
            print(f"{row['id']}: {len(recs)} candidates, {sum(r['label'] for r in recs)} positive", file=sys.stderr)
    return out


def fit(records: list[dict], c_value: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in r["features"]} for r in records])
    y = [r["label"] for r in records]
    clf = LogisticRegression(C=c_value, max_iter=2000, class_weight="balanced")
    clf.fit(x, y)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 0.005}
    return weights, float(clf.intercept_[0])


def probability(weights: dict, intercept: float, features: list[str]) -> float:
    import math
    z = intercept + sum(weights.get(f, 0.0) for f in features)
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def event_scores(articles: list[dict], scored: dict[str, list[float]], threshold: float) -> dict:
    """Precision, recall and F1 of what veille reports (the rules' events and the ranker's extras, as
    ``veille.extract.events.finder`` does) against the gold, the reference scorer's way."""
    n_pred = n_pred_ok = n_gold = n_found = 0
    for a in articles:
        pairs = [(r["cand"], p) for r, p in zip(a["candidates"], scored[a["id"]])]
        # what the finder reports: the rules' own events, then the ranker's additions
        preds = a["rules"] + [pred_of(c.occurrence.rule.type, c.actor, c.recipient) for c, _ in extras(pairs, threshold)]
        required = [g for g in a["gold"] if g.get("required", True)]
        n_pred += len(preds)
        n_pred_ok += sum(any(event_matches(g, p) for g in a["gold"]) for p in preds)
        n_gold += len(required)
        n_found += sum(any(event_matches(g, p) for p in preds) for g in required)
    p = n_pred_ok / n_pred if n_pred else 0.0
    r = n_found / n_gold if n_gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "pred": n_pred, "gold": n_gold}


def cross_validate(articles: list[dict], folds: int, c_value: float) -> dict[str, list[float]]:
    scored = {}
    for k in range(folds):
        test = [a for n, a in enumerate(articles) if n % folds == k]
        train = [r for n, a in enumerate(articles) if n % folds != k for r in a["candidates"]]
        weights, intercept = fit(train, c_value)
        for a in test:
            scored[a["id"]] = [probability(weights, intercept, r["features"]) for r in a["candidates"]]
    return scored


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", nargs="+", type=Path,
                    default=[ROOT / "tests" / "gold" / "train", ROOT / "tests" / "gold" / "dev"])
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "veille" / "extract" / "events" / "data" / "ranker.json")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-precision", type=float, default=0.58)  # held out runs ~9 points under CV
    ap.add_argument("--c", type=float, nargs="+", default=[0.03, 0.1, 0.3, 1.0])
    args = ap.parse_args()
    articles = examples(args.gold)
    best = None
    for c_value in args.c:
        scored = cross_validate(articles, args.folds, c_value)
        for threshold in [x / 100 for x in range(30, 96, 2)]:
            s = event_scores(articles, scored, threshold)
            print(f"C={c_value} threshold={threshold:.2f} {s}", file=sys.stderr)
            if s["precision"] >= args.min_precision and (best is None or s["f1"] > best[2]["f1"]):
                best = (c_value, threshold, s)
    if best is None:
        raise SystemExit(f"no setting reaches precision {args.min_precision}")
    c_value, threshold, cv = best
    weights, intercept = fit([r for a in articles for r in a["candidates"]], c_value)
    meta = {
        "trained": dt.date.today().isoformat(),
        "articles": [a["id"] for a in articles],
        "candidates": sum(len(a["candidates"]) for a in articles),
        "positives": sum(r["label"] for a in articles for r in a["candidates"]),
        "C": c_value, "cross_validation": {"folds": args.folds, **cv, "min_precision": args.min_precision},
        "how": "scripts/train_event_ranker.py: logistic regression (scikit-learn, class_weight=balanced) on candidate "
               "features; threshold chosen by article-level cross-validation",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"weights": dict(sorted(weights.items())), "intercept": intercept,
                                    "threshold": threshold, "meta": meta}, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(json.dumps({"C": c_value, "threshold": threshold, "cross_validation": cv}))


if __name__ == "__main__":
    main()
