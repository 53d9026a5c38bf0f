"""Entity recall of veille against the WiNER-fr ``ner_silver`` person/location/organisation spans.

    python benchmarks/ner_recall.py [--limit N]

Silver spans were made by hand by one group, without an agreement score: good for recall, not for
precision. A silver span is found "exactly" when a veille mention has its boundaries, and "overlapping"
when a mention shares at least one character with it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import load_jsonl  # noqa: E402

from veille.analyze import analyze_many  # noqa: E402
from veille.ingest.records import article_from_json  # noqa: E402

TYPES = ("Person", "Location", "Organization")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (default: all)")
    args = ap.parse_args()
    rows = load_jsonl("winer-fr.jsonl")
    if args.limit:
        rows = rows[: args.limit]
    t0 = time.perf_counter()
    arts = [article_from_json(r, default_id=str(i)) for i, r in enumerate(rows)]
    gold, exact, overlap = Counter(), Counter(), Counter()
    for row, analysis in zip(rows, analyze_many(arts)):
        assert isinstance(analysis, dict), analysis
        mentions = [(m["start"], m["end"]) for e in analysis["entities"] for m in e["mentions"]]
        spans = set(mentions)
        for s in row.get("ner_silver", []):
            if s["type"] not in TYPES:
                continue
            gold[s["type"]] += 1
            exact[s["type"]] += (s["start"], s["end"]) in spans
            overlap[s["type"]] += any(ms < s["end"] and s["start"] < me for ms, me in mentions)
    elapsed = time.perf_counter() - t0
    print(f"{len(rows)} articles analysed in {elapsed:.0f} s ({len(rows) / elapsed:.1f} articles/s, one process)")
    for t in (*TYPES, "all"):
        g = sum(gold.values()) if t == "all" else gold[t]
        e = sum(exact.values()) if t == "all" else exact[t]
        o = sum(overlap.values()) if t == "all" else overlap[t]
        print(f"{t:13s} silver {g:6d}  recall exact {e / g:.3f}  overlapping {o / g:.3f}")


if __name__ == "__main__":
    main()
