"""Cost of the whole analysis relative to the bare spaCy parse of the same texts, and single-article latency.

    python benchmarks/speed.py [--rounds 2]

Both are measured in this one run, interleaved, best of ``--rounds`` each: the ratio is what counts,
absolute times depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import CORPUS, sample_200  # noqa: E402

from veille.analyze import analyze, analyze_many  # noqa: E402
from veille.ingest import read_inputs  # noqa: E402
from veille.ingest.records import article_from_json  # noqa: E402
from veille.model import parse_date  # noqa: E402
from veille.nlp.pipeline import load  # noqa: E402


def bare(rows: list[dict]) -> float:
    t0 = time.perf_counter()
    for lang in ("fr", "en"):
        texts = [r["text"] for r in rows if r["lang"] == lang]
        for _ in load(lang).pipe(texts, batch_size=64):
            pass
    return time.perf_counter() - t0


def whole(rows: list[dict]) -> float:
    t0 = time.perf_counter()
    arts = [article_from_json(r, default_id=str(i)) for i, r in enumerate(rows)]
    for result in analyze_many(arts):
        assert isinstance(result, dict), result
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    rows = sample_200()
    t0 = time.perf_counter()
    (specimen,) = read_inputs([str(CORPUS / "seed-fr-001.txt")])
    specimen.published = parse_date("2024-01-05")
    analyze(specimen)  # start-up: both pipelines, the knowledge base and its matchers
    for lang in ("fr", "en"):
        load(lang)
    whole(rows[:2] + rows[-2:])
    startup = time.perf_counter() - t0

    bares, wholes = [], []
    for _ in range(args.rounds):
        bares.append(bare(rows))
        wholes.append(whole(rows))
    latencies = []
    for _ in range(7):
        t = time.perf_counter()
        analyze(specimen)
        latencies.append(time.perf_counter() - t)

    chars = sum(len(r["text"]) for r in rows)
    b, w = min(bares), min(wholes)
    print(f"articles: {len(rows)} ({sum(r['lang'] == 'fr' for r in rows)} fr, {sum(r['lang'] == 'en' for r in rows)} en), {chars:,} characters")
    print(f"bare spaCy nlp.pipe:   {b:7.2f} s  ({len(rows) / b:5.1f} articles/s)")
    print(f"whole veille analysis: {w:7.2f} s  ({len(rows) / w:5.1f} articles/s)")
    print(f"ratio whole / bare:    {w / b:7.2f}   (budget 1.5)")
    print(f"single article (specimen, after start-up): median {statistics.median(latencies) * 1000:.0f} ms")
    print(f"start-up (pipelines, knowledge base, matchers): {startup:.1f} s")


if __name__ == "__main__":
    main()
