"""Does an event's ``confidence`` mean something? Precision of events by confidence band, on the gold.

    python benchmarks/confidence.py ANALYSES.jsonl GOLD_DIR [GOLD_DIR ...]

An event is right when a gold event of the same article has its type, actor and recipient (the
scorer's own matching, ``veille.eval.event_matches``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from veille.eval import event_matches, load_preds

BANDS = ((0.8, 1.01), (0.6, 0.8), (0.0, 0.6))


def main() -> None:
    preds = load_preds(Path(sys.argv[1]))
    golds = {}
    for folder in sys.argv[2:]:
        for f in Path(folder).glob("*.gold.json"):
            g = json.loads(f.read_text(encoding="utf-8"))
            golds[g["article"]["id"]] = g
    tally = {b: [0, 0] for b in BANDS}
    for aid, gold in golds.items():
        for v in (preds.get(aid) or {}).get("events", []):
            band = next(b for b in BANDS if b[0] <= v["confidence"] < b[1])
            tally[band][0] += 1
            tally[band][1] += any(event_matches(g, v) for g in gold.get("events", []))
    for (lo, hi), (n, ok) in tally.items():
        label = f"confidence ≥ {lo:.1f}" if hi > 1 else f"{lo:.1f} ≤ confidence < {hi:.1f}"
        print(f"{label:28s} events {n:3d}  right {ok:3d}  precision {ok / n if n else float('nan'):.2f}")


if __name__ == "__main__":
    main()
