"""Whole ingest (read → dedup → analyse in a process pool → DuckDB) against the bare spaCy parse, and memory.

    python benchmarks/ingest.py [--workers 2] [--multiples 1,5,10] [--corpus PATH]

Prints articles per second of ``veille ingest`` on WiNER-fr (1,174 real articles), the ratio of its time to
the bare ``nlp.pipe(texts, n_process=WORKERS)`` over the same texts with the same number of processes,
the peak RSS (parent + workers), and the RSS after 1×, 5×, 10× the corpus: the copies are re-ingested
with new ids and dedup off (so every copy is analysed again) into one fresh store.

Both sides are timed with their start-up and without it. veille's start-up is everything up to the first
stored chunk (fork server, pipelines, knowledge base, warm-up, first chunk); the bare side's is its
``spacy.load`` (its ``nlp.pipe`` then forks workers that inherit the loaded model, and that fork is timed).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
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


def bare(texts: list[str], workers: int) -> tuple[float, float]:
    """(seconds to load the pipeline, seconds of ``nlp.pipe(texts, n_process=workers)``, its fork included)."""
    t0 = time.perf_counter()
    import spacy

    from veille.config import model_for

    nlp = spacy.load(model_for("fr"))
    t1 = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=64):
        pass
    return t1 - t0, time.perf_counter() - t1


def own_rss_mb() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--multiples", default="1,5,10", help="RSS is reported after each of these multiples of the corpus")
    ap.add_argument("--corpus", default=str(CORPUS / "winer-fr.jsonl"))
    ap.add_argument("--bare-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    multiples = [int(m) for m in args.multiples.split(",")]
    rows = [json.loads(line) for line in Path(args.corpus).open(encoding="utf-8") if line.strip()]
    texts = [r["text"] for r in rows]
    if args.bare_only:
        print(*bare(texts, args.workers))
        return

    def bare_run() -> tuple[float, float]:
        """The bare parse in a fresh process (its model must not weigh on this one's RSS)."""
        out = subprocess.run([sys.executable, __file__, "--bare-only", "--workers", str(args.workers),
                              "--corpus", args.corpus], capture_output=True, text=True, check=True).stdout
        load, pipe = map(float, out.split()[-2:])
        return load, pipe

    bares = [bare_run()]  # before and after the 1x ingest: the machine's load may change

    from veille.run import ingest

    sampler = PeakSampler()
    sampler.start()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        first: list[tuple[float, int]] = []
        t0 = time.perf_counter()

        def on_first(s: object) -> None:
            if not first:
                first.append((time.perf_counter() - t0, s.read))  # type: ignore[attr-defined]

        s = ingest([args.corpus], db=db, workers=args.workers, progress=False, failures=Path(tmp) / "f.tsv",
                   on_chunk=on_first)
        whole = time.perf_counter() - t0
        bares.append(bare_run())
        startup, at_first = first[0]
        steady = whole - startup
        print(f"ingest of {Path(args.corpus).name}: {s.line()}")
        print(f"  {whole:.1f} s, {s.read / whole:.1f} articles/s with {args.workers} workers (start-up included); "
              f"first chunk stored at {startup:.1f} s, then {(s.read - at_first) / steady:.1f} articles/s")
        load, t_bare = (sum(b[0] for b in bares) / len(bares), sum(b[1] for b in bares) / len(bares))
        n = len(texts)
        print("bare runs (spacy.load s, nlp.pipe s), before and after the 1x ingest: "
              + ", ".join(f"({a:.1f}, {b:.1f})" for a, b in bares))
        print(f"bare spaCy nlp.pipe(n_process={args.workers}) over the same {n} texts (mean): {load + t_bare:.1f} s with its "
              f"spacy.load ({load:.1f} s), {t_bare:.1f} s without; {n / (load + t_bare):.1f} / {n / t_bare:.1f} articles/s")
        print(f"ratio whole ingest / bare parse, start-up included on both sides: {whole / (load + t_bare):.2f}")
        print(f"ratio whole ingest / bare parse, start-up left out on both sides:  "
              f"{(steady / (s.read - at_first)) / (t_bare / n):.2f} (time per article)")
        print(f"ratio whole ingest with start-up / bare without (strictest):        {whole / t_bare:.2f}")
        after = {1: (own_rss_mb(), rss_mb(os.getpid()))}
        done = 1
        for m in multiples:
            if m <= done:
                continue
            copies = Path(tmp) / f"copies-{m}.jsonl"
            with copies.open("w", encoding="utf-8") as fh:
                for k in range(done + 1, m + 1):
                    for r in rows:
                        fh.write(json.dumps({**r, "id": f"{r['id']}#copy{k}"}, ensure_ascii=False) + "\n")
            t = time.perf_counter()
            more = ingest([str(copies)], db=db, workers=args.workers, progress=False, dedup=False,
                          failures=Path(tmp) / "f.tsv")
            took = time.perf_counter() - t
            copies.unlink()
            done = m
            after[m] = (own_rss_mb(), rss_mb(os.getpid()))
            print(f"  up to {m}x: {more.line()} in {took:.1f} s ({more.read / took:.1f} articles/s); "
                  f"RSS parent {after[m][0]:.0f} MB, with fork server {after[m][1]:.0f} MB", flush=True)
        sampler.stop.set()
        peak = sampler.peak
    print(f"peak RSS (parent + fork server + workers, sampled every 0.2 s): {peak:.0f} MB")
    print("RSS after each multiple, parent / parent + fork server (workers exit with each run): "
          + ", ".join(f"{m}x: {a:.0f} / {b:.0f} MB" for m, (a, b) in after.items()))


if __name__ == "__main__":
    main()
