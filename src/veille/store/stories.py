"""Stories, merged events and claim provenance in the store: computed after articles arrive, kept in
the tables of migration 002.

``update`` is incremental: articles not yet in a story are embedded and assigned, in publication order,
to the live stories re-loaded from the store (or to new ones), and an article's story never changes
afterwards; the new articles are aligned with those of the week around them to find derivations
(``veille.store.derivations``); then only the merged events and statements the new articles touch are
merged again (``veille.store.merges``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np

from veille.cluster.embed import embed
from veille.cluster.profile import ArticleProfile, profile
from veille.cluster.stories import DEFAULT, Method, StoryIndex, arrival_order
from veille.store.derivations import derive
from veille.store.duckdb import insert, transaction
from veille.model import ENTITY_KEY_SQL
from veille.store.merges import OUTLET_SQL, merge_events, merge_statements

STORY_TABLES = ("article_vectors", "stories", "story_articles", "derivations", "merged_events",
                "merged_event_reports", "merged_claims", "merged_claim_reports", "merged_claim_words")
__all__ = ["OUTLET_SQL", "STORY_TABLES", "StoriesSummary", "update"]


@dataclass(slots=True)
class StoriesSummary:
    clustered: int = 0
    new_stories: int = 0
    stories: int = 0
    merged_events: int = 0
    corroborated: int = 0
    merged_claims: int = 0
    repeated_claims: int = 0
    derivations: int = 0

    def line(self) -> str:
        return (f"stories: {self.clustered} articles clustered, {self.new_stories} new stories ({self.stories} in all), "
                f"{self.derivations} derived from another; "
                f"{self.merged_events} merged events ({self.corroborated} told by 2+ independent reports); "
                f"{self.merged_claims} claims ({self.repeated_claims} repeated across articles)")


def update(con: duckdb.DuckDBPyConnection, *, method: Method = DEFAULT, rebuild: bool = False) -> StoriesSummary:
    """Cluster the articles not yet in a story, find their derivations, then merge again the events and claims
    they touch; one transaction."""
    with transaction(con):
        if rebuild:
            for table in ("stories", "story_articles", "derivations", "merged_event_reports", "merged_events",
                          "merged_claim_reports", "merged_claim_words", "merged_claims"):
                con.execute(f"DELETE FROM {table}")
        summary, new = _assign(con, method)
        linked = derive(con, new)
        merge_events(con, linked)
        merge_statements(con, linked)
        _count(con, summary)
    return summary


def _profiles(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> list[ArticleProfile]:
    rows = con.execute(f"SELECT analysis, text FROM articles a WHERE a.analysis IS NOT NULL AND {where}",
                       params).fetchall()
    return [profile(json.loads(analysis), text=text) for analysis, text in rows]


def _count(con: duckdb.DuckDBPyConnection, summary: StoriesSummary) -> None:
    """The summary's totals, read from the tables."""
    (summary.stories,), = con.execute("SELECT count(*) FROM stories").fetchall()
    (summary.derivations,), = con.execute("SELECT count(DISTINCT article_id) FROM derivations").fetchall()
    (summary.merged_events, summary.corroborated), = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE independent_reports > 1) FROM merged_events").fetchall()
    (summary.merged_claims, summary.repeated_claims), = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE n_articles > 1) FROM merged_claims").fetchall()


def _assign(con: duckdb.DuckDBPyConnection, method: Method) -> tuple[StoriesSummary, list[str]]:
    """Put the articles not yet in a story into one; return the summary and the new originals' ids."""
    summary = StoriesSummary()
    new = arrival_order(_profiles(con, "a.id NOT IN (SELECT article_id FROM story_articles)", []))
    have = {r[0] for r in con.execute("SELECT article_id FROM article_vectors WHERE article_id IN (SELECT unnest(?))",
                                      [[p.id for p in new]]).fetchall()} if new else set()
    missing = [p for p in new if p.id not in have]
    if missing:
        vectors = embed([p.text_for_embedding() for p in missing])
        insert(con, "article_vectors", [{"article_id": p.id, "vector": v.tolist()}
                                        for p, v in zip(missing, vectors, strict=True)])
    index = StoryIndex(method)
    index.n_docs, = con.execute(
        "SELECT count(*) FROM story_articles WHERE copy_of IS NULL").fetchone()  # type: ignore[misc]
    touched: set[str] = set()
    if new:
        _restore(con, index, new, method)
        # document frequencies of the entities the comparisons will weigh: the new articles' and the live stories'
        keys = sorted({k for p in new for k in p.entities} | {k for st in index.stories.values() for k in st.entities})
        index.df = dict(con.execute(f"""
            SELECT {ENTITY_KEY_SQL.format(a='')} AS key, count(DISTINCT article_id) FROM entities
            WHERE {ENTITY_KEY_SQL.format(a='')} IN (SELECT unnest(?::VARCHAR[]))
              AND article_id IN (SELECT article_id FROM story_articles WHERE copy_of IS NULL) GROUP BY key""",
                                    [keys]).fetchall())
        found = _vectors(con, [p.id for p in new])
        rows = []
        for p in new:
            before = len(index.stories)
            sid, sim = index.add(p, found[p.id])
            summary.new_stories += len(index.stories) - before
            touched.add(sid)
            rows.append({"article_id": p.id, "story_id": sid, "similarity": sim, "copy_of": None})
        _append(con, rows)
        summary.clustered = len(new)
    # copies join their original's story, after its articles, in id order
    copies = con.execute("""
        SELECT a.id, s.story_id, a.duplicate_of FROM articles a JOIN story_articles s ON s.article_id = a.duplicate_of
        WHERE a.id NOT IN (SELECT article_id FROM story_articles) ORDER BY s.story_id, a.id""").fetchall()
    _append(con, [{"article_id": cid, "story_id": sid, "similarity": 1.0, "copy_of": original}
                  for cid, sid, original in copies])
    touched.update(sid for _, sid, _ in copies)
    summary.clustered += len(copies)
    _write_stories(con, sorted(touched), index)
    return summary, [p.id for p in new]


def _append(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    """Insert story members, each numbered after what its story already holds (copies included), in order."""
    if not rows:
        return
    sizes = dict(con.execute("SELECT story_id, count(*) FROM story_articles WHERE story_id IN (SELECT unnest(?)) "
                             "GROUP BY story_id", [sorted({r["story_id"] for r in rows})]).fetchall())
    for row in rows:
        sizes[row["story_id"]] = row["n"] = sizes.get(row["story_id"], 0) + 1
    insert(con, "story_articles", rows)


def _vectors(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, np.ndarray]:
    rows = con.execute("SELECT article_id, vector FROM article_vectors WHERE article_id IN (SELECT unnest(?))",
                       [ids]).fetchall()
    return {aid: np.asarray(vec, dtype=np.float32) for aid, vec in rows}


def _restore(con: duckdb.DuckDBPyConnection, index: StoryIndex, new: list[ArticleProfile], method: Method) -> None:
    """Re-load the stories a new article could join: those live within the window of the new dates."""
    days = [p.published for p in new if p.published]
    if len(days) < len(new):
        live_sql, params = "TRUE", []
    else:
        live_sql, params = "s.last_day IS NULL OR s.last_day >= ?", [min(days) - dt.timedelta(days=method.window_days)]
    rows = con.execute(f"""
        SELECT sa.story_id, sa.article_id FROM story_articles sa
        JOIN stories s ON s.story_id = sa.story_id
        WHERE sa.copy_of IS NULL AND ({live_sql}) ORDER BY sa.story_id, sa.n""", params).fetchall()
    if not rows:
        return
    ids = [r[1] for r in rows]
    profs = {p.id: p for p in _profiles(con, "a.id IN (SELECT unnest(?))", [ids])}
    vectors = _vectors(con, ids)
    for sid, aid in rows:
        index.restore(sid, profs[aid], vectors[aid])


def _write_stories(con: duckdb.DuckDBPyConnection, ids: list[str], index: StoryIndex) -> None:
    """(Re)write the rows of these stories from their articles; main actors from the index when it holds
    the story (it re-loaded or made it), else as stored."""
    if not ids:
        return
    heads = con.execute(f"""
        SELECT sa.story_id, min(a.published), max(a.published), count(*), count(DISTINCT {OUTLET_SQL.format(a='a.')}),
               list(DISTINCT a.lang ORDER BY a.lang) FILTER (WHERE a.lang IS NOT NULL),
               arg_min(a.id, sa.n), arg_min(a.title, sa.n)
        FROM story_articles sa JOIN articles a ON a.id = sa.article_id
        WHERE sa.story_id IN (SELECT unnest(?)) GROUP BY sa.story_id ORDER BY sa.story_id""", [ids]).fetchall()
    stored = dict(con.execute("SELECT story_id, actors FROM stories WHERE story_id IN (SELECT unnest(?))",
                              [ids]).fetchall())
    rows = []
    for sid, first, last, n, outlets, langs, founder, title in heads:
        story = index.stories.get(sid)
        actors = story.main_actors() if story is not None else stored.get(sid) or []
        rows.append({"story_id": sid, "title": title or founder, "first_day": first, "last_day": last,
                     "n_articles": n, "n_outlets": outlets, "languages": langs or [], "actors": list(actors),
                     "founder": founder})
    con.execute("DELETE FROM stories WHERE story_id IN (SELECT unnest(?))", [ids])
    insert(con, "stories", rows)
