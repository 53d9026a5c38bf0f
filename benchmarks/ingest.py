"""Whole ingest (read → dedup → analyse in a process pool → DuckDB) against the bare spaCy parse, and memory.

    python benchmarks/ingest.py [--workers 2] [--multiples 1,5,10] [--corpus PATH]

Prints articles per second of ``veille ingest`` on WiNER-fr (1,174 real articles), the ratio of its time to
the bare ``nlp.pipe(texts, n_process=WORKERS)`` over the same texts with the same number of processes,
the peak RSS (parent + workers), and the RSS after 1×, 5×, 10× the corpus: the copies are re-ingested
with new ids and dedup off (so every copy is analysed again) into one fresh store.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import CORPUS  # noqa: E402


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MB (from /proc)."""
    total = 0.0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack += [int(c) for c in fh.read().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total


class PeakSampler(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0.0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.2):
            self.peak = max(self.peak, rss_mb(os.getpid()))


def bare(texts: list[str], workers: int) -> float:
    import spacy

    from veille.config import model_for

    nlp = spacy.load(model_for("fr"))
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=64):
        pass
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--multiples", default="1,5,10", help="RSS is reported after each of these multiples of the corpus")
    ap.add_argument("--corpus", default=str(CORPUS / "winer-fr.jsonl"))
    args = ap.parse_args()
    multiples = [int(m) for m in args.multiples.split(",")]
    rows = [json.loads(line) for line in Path(args.corpus).open(encoding="utf-8") if line.strip()]
    texts = [r["text"] for r in rows]

    from veille.store.ingest import ingest

    sampler = PeakSampler()
    sampler.start()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        s = ingest([args.corpus], db=db, workers=args.workers, progress=False, failures=Path(tmp) / "f.tsv")
        whole = time.perf_counter() - t0
        print(f"ingest of {Path(args.corpus).name}: {s.line()}")
        print(f"  {whole:.1f} s, {s.read / whole:.1f} articles/s with {args.workers} workers "
              "(start-up of the workers included)")
        after = {1: rss_mb(os.getpid())}
        done = 1
        for m in multiples:
            if m <= done:
                continue
            copies = Path(tmp) / f"copies-{m}.jsonl"
            with copies.open("w", encoding="utf-8") as fh:
                for k in range(done + 1, m + 1):
                    for r in rows:
                        fh.write(json.dumps({**r, "id": f"{r['id']}#copy{k}"}, ensure_ascii=False) + "\n")
            ingest([str(copies)], db=db, workers=args.workers, progress=False, dedup=False,
                   failures=Path(tmp) / "f.tsv", on_chunk=lambda _s: None)
            copies.unlink()
            done = m
            after[m] = rss_mb(os.getpid())
        sampler.stop.set()
        peak = sampler.peak
    t_bare = bare(texts, args.workers)
    print(f"bare spaCy nlp.pipe(n_process={args.workers}) over the same {len(texts)} texts: {t_bare:.1f} s, "
          f"{len(texts) / t_bare:.1f} articles/s")
    print(f"ratio whole ingest / bare parse: {whole / t_bare:.2f}")
    print(f"peak RSS (parent + workers, sampled every 0.2 s): {peak:.0f} MB")
    print("RSS of the parent after each multiple (workers exit with each run): "
          + ", ".join(f"{m}x: {v:.0f} MB" for m, v in after.items()))


if __name__ == "__main__":
    main()
