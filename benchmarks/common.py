"""Shared by the benchmarks: the real articles they run on."""

from __future__ import annotations

import json
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"


def load_jsonl(name: str) -> list[dict]:
    with (CORPUS / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sample_200() -> list[dict]:
    """200 real articles: every English Wikinews article (29) and the first 171 of WiNER-fr."""
    return load_jsonl("wikinews-en.jsonl") + load_jsonl("winer-fr.jsonl")[:171]


def analysed_and_embedded(rows: list[dict], chunk: int = 8) -> tuple[list[dict], list, float, float]:
    """Analyses and story vectors of ``rows``, with the seconds each took, measured chunk by chunk in
    turn (analysis of 8 articles, their embedding, the next 8 …): on a shared machine a busy neighbour
    slows both sides of the ratio alike, and every text is analysed once, as an ingest does (analysing a
    set again would find its caches warm and flatter the analysis)."""
    import time

    from veille.analyze import analyze_many
    from veille.cluster.embed import embed
    from veille.cluster.profile import profile
    from veille.ingest.records import article_from_json

    outside = load_jsonl("wikinews-en.jsonl")[-3:] + load_jsonl("wikinews-fr.jsonl")[-3:]
    list(analyze_many(article_from_json(r, default_id=r["id"]) for r in outside))
    embed(["warm-up"])  # load both pipelines and the encoder, on texts outside the sets measured
    results: list[dict] = []
    vectors: list = []
    t_analysis = t_embed = 0.0
    for k in range(0, len(rows), chunk):
        t0 = time.perf_counter()
        done = list(analyze_many(article_from_json(r, default_id=r["id"]) for r in rows[k:k + chunk]))
        t1 = time.perf_counter()
        vectors += [embed([profile(a).text_for_embedding()])[0] for a in done]  # one at a time, as the workers do
        t_embed += time.perf_counter() - t1
        t_analysis += t1 - t0
        results += done
    return results, vectors, t_analysis, t_embed


def update_cost(results: list[dict], vectors: list, runs: int = 3) -> tuple[float, object]:
    """Seconds of one stories update (assignment, derivations, merging of events and claims) over a fresh store
    holding ``results`` with their ``vectors`` (median of ``runs``), and the last update's summary."""
    import datetime as dt
    import statistics
    import tempfile
    import time

    from veille.ingest.admit import ArticleRow
    from veille.store.duckdb import Store
    from veille.store.stories import update

    times, summary = [], None
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.duckdb") as store:
            store.write([ArticleRow(id=a["article"]["id"], text=a["article"]["text"], text_sha256="", norm_sha256="",
                                    lang=a["article"]["lang"], published=dt.date.fromisoformat(a["article"]["published"]),
                                    title=a["article"]["title"], url=a["article"]["url"], source=a["article"]["source"],
                                    analysis=a, vector=v) for a, v in zip(results, vectors, strict=True)])
            t0 = time.perf_counter()
            summary = update(store.con)
            times.append(time.perf_counter() - t0)
    return statistics.median(times), summary
