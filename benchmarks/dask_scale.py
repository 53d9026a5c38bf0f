"""Dask scale-out: throughput with 1 and 2 workers in one run, worker memory per partition, identity.

    python benchmarks/dask_scale.py [--input FILE] [--limit N] [--partition-size 64] [--workers 1,2] [--identity]

For each worker count: a fresh ``LocalCluster`` (processes, one thread each), the pipelines plugin
loaded (timed apart: ``setup``), then ``run_batch`` over the input into a fresh folder (``job``: sign,
judge, analyse, write). Throughput is articles analysed per second of ``job``; the ratio is that of the
largest worker count to one worker. Each partition's manifest records the RSS of the worker that
wrote it, right after writing; the series per worker shows whether memory stays flat, and is summed up
as: RSS after the worker's 1st partition, after its 4th (the warm-up: the lemmatizer cache and the
allocator's pools filled), after its last, the growth over its last 15 partitions (``last - the one
15 before``), and the range after the warm-up.

``--identity`` also runs ``veille ingest --workers 1`` (one process) over the same input into a fresh
store, loads the 2-worker batch output into another store with ``veille load``, and compares every
table row by row (all columns but the ingest timestamps) and the analysis JSON article by article.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from veille.batch import load, run_batch
from veille.batch.tasks import PipelinesPlugin
from veille.store.duckdb import TABLES

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "corpus" / "winer-fr.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--limit", type=int, help="Only the first N lines of the input.")
    ap.add_argument("--partition-size", type=int, default=64)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--identity", action="store_true")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="veille-dask-bench-"))
    source = args.input
    if args.limit:
        source = work / args.input.name
        with args.input.open("rb") as fh, source.open("wb") as out:
            for _, line in zip(range(args.limit), fh):
                out.write(line)
    report: dict = {"input": str(args.input), "limit": args.limit, "partition_size": args.partition_size, "runs": {}}
    for n in [int(x) for x in args.workers.split(",")]:
        report["runs"][n] = one_run(source, work / f"out-{n}", n, args.partition_size)
        r = report["runs"][n]
        print(f"{n} worker(s): setup {r['setup_s']:.1f} s, job {r['job_s']:.1f} s, {r['analysed']} analysed, "
              f"{r['articles_per_s']:.2f} articles/s (load average {r['loadavg_1min']}); RSS per worker after each partition (MB): {r['rss_mb']}",
              flush=True)
        for m in r["memory"]:
            tail = "n/a" if m["growth_last_15_mb"] is None else f"{m['growth_last_15_mb']:+.1f} MB"
            print(f"  worker RSS after partition 1: {m['first_mb']}, {m['warm_up_at']}: {m['warm_mb']}, "
                  f"{m['partitions']} (last): {m['last_mb']} MB; over the last 15 partitions {tail}; "
                  f"range after the warm-up {m['range_after_warm_up_mb']} MB", flush=True)
    counts = sorted(report["runs"])
    if len(counts) > 1:
        ratio = report["runs"][counts[-1]]["articles_per_s"] / report["runs"][counts[0]]["articles_per_s"]
        report["ratio"] = round(ratio, 3)
        print(f"throughput ratio {counts[-1]} / {counts[0]} workers: {ratio:.2f}")
    if args.identity:
        report["identity"] = identity(source, work / f"out-{counts[-1]}", work)
        print("identity with `veille ingest --workers 1`:", json.dumps(report["identity"]))
    print(json.dumps(report, indent=1), file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)


def one_run(source: Path, out: Path, workers: int, size: int) -> dict:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        t0 = time.perf_counter()
        client.register_plugin(PipelinesPlugin())
        setup = time.perf_counter() - t0
        load_before = os.getloadavg()[0]
        summary = run_batch([str(source)], out=str(out), client=client, size=size)
        load_after = os.getloadavg()[0]
    rss: dict[int, list[float]] = {}
    for m in summary.manifests:
        rss.setdefault(m["pid"], []).append(m["rss_mb"])
    return {"setup_s": round(setup, 2), "job_s": round(summary.seconds, 2), "analysed": summary.analysed,
            "read": summary.read, "partitions": summary.partitions,
            "articles_per_s": summary.analysed / summary.seconds, "rss_mb": list(rss.values()),
            "memory": [memory(series) for series in rss.values()], "loadavg_1min": [load_before, load_after]}


WARM_UP = 4
"""Partitions a worker analyses before its memory should stop growing."""


def memory(series: list[float]) -> dict:
    """One worker's RSS after each of its partitions, summed up: first, after the warm-up, last, tail growth."""
    warm = min(WARM_UP, len(series)) - 1
    after = series[warm:]
    return {"partitions": len(series), "first_mb": series[0], "warm_up_at": warm + 1, "warm_mb": series[warm],
            "last_mb": series[-1],
            "growth_last_15_mb": round(series[-1] - series[-16], 1) if len(series) >= 16 else None,
            "range_after_warm_up_mb": [min(after), max(after)]}


def identity(source: Path, out: Path, work: Path) -> dict:
    from veille.run import ingest

    ref, got = work / "ingest.duckdb", work / "batch.duckdb"
    t0 = time.perf_counter()
    ingest([str(source)], db=ref, workers=1, progress=False)
    ingest_s = time.perf_counter() - t0
    load(str(out), db=got)
    return {"ingest_single_process_s": round(ingest_s, 1), **compare(ref, got)}


def compare(ref: Path, got: Path) -> dict:
    """Rows per table in each store and whether they are equal; the articles whose analysis differs."""
    a, b = duckdb.connect(str(ref), read_only=True), duckdb.connect(str(got), read_only=True)
    result: dict = {"tables": {}}
    for t in TABLES:
        cols = [c[0] for c in a.execute(f"DESCRIBE {t}").fetchall() if c[0] not in ("ingested_at", "failed_at")]
        q = f"SELECT {', '.join(cols)} FROM {t} ORDER BY ALL"
        ra, rb = a.execute(q).fetchall(), b.execute(q).fetchall()
        result["tables"][t] = {"ingest": len(ra), "batch": len(rb), "equal": ra == rb}
    an_a = dict(a.execute("SELECT id, analysis FROM articles").fetchall())
    an_b = dict(b.execute("SELECT id, analysis FROM articles").fetchall())
    result["articles_differing"] = sorted(k for k in an_a.keys() | an_b.keys()
                                          if json.loads(an_a.get(k) or "null") != json.loads(an_b.get(k) or "null"))
    result["failures"] = {"ingest": a.execute("SELECT item, reason FROM failures ORDER BY item LIMIT 3").fetchall(),
                          "batch": b.execute("SELECT item, reason FROM failures ORDER BY item LIMIT 3").fetchall()}
    result["identical"] = all(v["equal"] for v in result["tables"].values()) and not result["articles_differing"]
    return result


if __name__ == "__main__":
    main()
