"""Ingest into a store of 100,000 articles against an ingest into an empty store, per article.

    python benchmarks/store_scale.py [--copies 96] [--new 200] [--workers 2]

The 100k store is synthesised, not analysed: the shared corpora less ``--new`` WiNER-fr articles (1,042
articles) are ingested once (analyses, stories, derivations, merged tables), then every table is copied
``--copies`` times in SQL with shifted ids (``id#k``) and dates (``k`` × 3,653 days earlier: a store's past), so it
holds stories, derivations, merged events and statements like the real ones, none of them in the new
articles' weeks but those of the first copy. The ``--new`` WiNER-fr articles kept out (fresh texts: dedup finds no copy) are then ingested
with stories, into an empty store and into the big one, each from a fresh copy of it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).parent))

from common import load_jsonl  # noqa: E402

from veille.run import ingest  # noqa: E402

SHIFT = 3653
ID_COLUMNS = {
    "articles": {"id": "id", "duplicate_of": "duplicate_of"},
    "entities": {"article_id": "article_id"}, "mentions": {"article_id": "article_id"},
    "times": {"article_id": "article_id"}, "events": {"article_id": "article_id"},
    "claims": {"article_id": "article_id"}, "claim_sources": {"article_id": "article_id"},
    "article_vectors": {"article_id": "article_id"},
    "story_articles": {"article_id": "article_id", "story_id": "story_id", "copy_of": "copy_of"},
    "stories": {"story_id": "story_id", "founder": "founder"},
    "derivations": {"article_id": "article_id", "derived_from": "derived_from"},
    "merged_events": {"merged_id": "merged_id"},
    "merged_event_reports": {"merged_id": "merged_id", "article_id": "article_id", "copy_of": "copy_of"},
    "merged_claims": {"merged_id": "merged_id", "first_article": "first_article"},
    "merged_claim_reports": {"merged_id": "merged_id", "article_id": "article_id", "copy_of": "copy_of"},
    "merged_claim_words": {"merged_id": "merged_id"},
    "minhash_bands": {"article_id": "article_id"},
}
DATE_COLUMNS = {"articles": ["published"], "events": ["day"], "stories": ["first_day", "last_day"],
                "merged_events": ["first_day", "last_day"], "merged_event_reports": ["day"],
                "merged_claims": ["first_day"], "merged_claim_reports": ["published"]}


def synthesise(db: Path, copies: int) -> int:
    """Copy every table ``copies`` times with shifted ids and dates; return the articles in the store."""
    con = duckdb.connect(str(db))
    for table, ids in ID_COLUMNS.items():
        repl = [f"{c} || '#' || k AS {c}" for c in ids]
        repl += [f"{c} - CAST(k * {SHIFT} AS INTEGER) AS {c}" for c in DATE_COLUMNS.get(table, [])]
        if table == "articles":  # the stored analysis names its article and date too
            repl.append(f"""CASE WHEN analysis IS NULL THEN NULL ELSE replace(replace(CAST(analysis AS VARCHAR),
                '"id": "' || id || '"', '"id": "' || id || '#' || k || '"'),
                '"published": "' || CAST(published AS VARCHAR) || '"',
                '"published": "' || CAST(published - CAST(k * {SHIFT} AS INTEGER) AS VARCHAR) || '"') END AS analysis""")
        if table == "merged_events":
            repl.append("[s || '#' || k FOR s IN stories] AS stories")
        cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        select = ", ".join(next((r for r in repl if r.endswith(f" AS {c}")), c) for c in cols)
        con.execute(f"INSERT INTO {table} SELECT {select} FROM {table} CROSS JOIN range(1, {copies + 1}) t(k)")
    (n,), = con.execute("SELECT count(*) FROM articles").fetchall()
    con.execute("CHECKPOINT")
    con.close()
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=96)
    ap.add_argument("--new", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", help="also keep the synthesised store at this path (for profiling)")
    args = ap.parse_args()
    winer = load_jsonl("winer-fr.jsonl")
    new_rows = winer[-args.new:]
    fresh = {r["id"] for r in new_rows}
    base_rows = [r for r in load_jsonl("wikinews-fr.jsonl") + load_jsonl("wikinews-en.jsonl") + winer[: -args.new]
                 if r["id"] not in fresh]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_p = Path(tmp)
        base, new = tmp_p / "base.jsonl", tmp_p / "new.jsonl"
        base.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in base_rows), encoding="utf-8")
        new.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in new_rows), encoding="utf-8")
        big = tmp_p / "big.duckdb"
        t0 = time.perf_counter()
        ingest([str(base)], db=big, workers=args.workers, progress=False, failures=tmp_p / "f.tsv")
        n = synthesise(big, args.copies)
        if args.keep:
            shutil.copy(big, args.keep)
        print(f"store synthesised: {n} articles ({len(base_rows)} analysed × {args.copies + 1}) in "
              f"{time.perf_counter() - t0:.0f} s, {big.stat().st_size / 1e9:.2f} GB", flush=True)
        timings = {}
        for label in ("empty", "100k", "empty", "100k"):  # alternated: the machine's load drifts
            db = tmp_p / f"run-{label}.duckdb"
            if label == "100k":
                shutil.copy(big, db)
            t = time.perf_counter()
            s = ingest([str(new)], db=db, workers=args.workers, progress=False, failures=tmp_p / "f.tsv")
            took = time.perf_counter() - t
            timings.setdefault(label, []).append(took)
            db.unlink()
            print(f"  into the {label} store: {s.line()}; {s.stories.line() if s.stories else ''}; {took:.1f} s, "
                  f"{took / len(new_rows) * 1000:.0f} ms per article", flush=True)
        empty, full = min(timings["empty"]), min(timings["100k"])
        print(f"per article: empty store {empty / len(new_rows) * 1000:.0f} ms, {n} articles "
              f"{full / len(new_rows) * 1000:.0f} ms; ratio {full / empty:.2f} (best of two runs each; budget 1.5)")


if __name__ == "__main__":
    main()
