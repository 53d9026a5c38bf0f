"""Derivations in the store: each new article is aligned with the articles published within a week of it
(``veille.cluster.derive``), and what derives from what is kept with its evidence in ``derivations``.

Only the earlier articles' embeddings of title and lead are read to choose candidates; the texts of at
most ``Method.max_candidates`` of them are read to align sentences.
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import numpy as np

from veille.cluster.derive import DEFAULT, Method, Text, candidates, compare, split
from veille.cluster.embed import embed_together
from veille.store.duckdb import insert


def derive(con: duckdb.DuckDBPyConnection, new_ids: list[str], method: Method = DEFAULT) -> set[str]:
    """Find and store the derivations between the new originals and the articles before them (within the
    window); return every article a new derivation links."""
    if not new_ids:
        return set()
    new = [Text(aid, lang, published, text, vector=np.asarray(vec, dtype=np.float32))
           for aid, lang, published, text, vec in con.execute("""
        SELECT a.id, a.lang, a.published, a.text, v.vector FROM articles a JOIN article_vectors v ON v.article_id = a.id
        WHERE a.id IN (SELECT unnest(?)) AND a.duplicate_of IS NULL ORDER BY a.published NULLS LAST, a.id""",
                                                                      [new_ids]).fetchall()]
    days = [t.published for t in new if t.published]
    earlier: list[Text] = []
    if days:
        lo = min(days) - dt.timedelta(days=method.window_days)
        hi = max(days) + dt.timedelta(days=method.window_days)
        earlier = [Text(aid, lang, published, "", vector=np.asarray(vec, dtype=np.float32))
                   for aid, lang, published, vec in con.execute("""
            SELECT a.id, a.lang, a.published, v.vector FROM articles a JOIN article_vectors v ON v.article_id = a.id
            WHERE a.duplicate_of IS NULL AND a.published BETWEEN ? AND ? AND a.id NOT IN (SELECT unnest(?))""",
                                                                 [lo, hi, new_ids]).fetchall()]
    order = {t.id: k + 1 for k, t in enumerate(new)}  # stored articles arrived before (0)
    pairs: list[tuple[Text, Text]] = []
    seen = list(earlier)
    for t in new:
        pairs += [(t, c) for c in candidates(t, seen, method)]
        seen.append(t)
    unread = sorted({c.id for _, c in pairs if c.id not in order})
    texts = dict(con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", [unread]).fetchall()) \
        if unread else {}
    for t in earlier:
        if t.id in texts:
            t.text = texts[t.id]
            t.sentences = split(t.text)
    cache: dict[str, np.ndarray] = {}

    def sentence_vectors(t: Text) -> np.ndarray:
        if t.id not in cache:
            cache[t.id] = embed_together([s.text for s in t.sentences])
        return cache[t.id]

    rows = []
    for a, b in pairs:
        d = compare(a, b, sentence_vectors, method, order)
        if d is not None:
            rows.append({"article_id": d.article_id, "derived_from": d.derived_from, "kind": d.kind,
                         "share": d.share, "origin_share": d.origin_share, "n_aligned": len(d.pairs),
                         "pairs": json.dumps(d.pairs)})
    if rows:
        con.execute("DELETE FROM derivations d USING (SELECT unnest(?) AS a, unnest(?) AS b) x "
                    "WHERE d.article_id = x.a AND d.derived_from = x.b",
                    [[r["article_id"] for r in rows], [r["derived_from"] for r in rows]])
        insert(con, "derivations", rows)
    return {str(r["article_id"]) for r in rows} | {str(r["derived_from"]) for r in rows}


def links(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """Every stored derivation as (derived, origin)."""
    return [(a, b) for a, b in con.execute("SELECT article_id, derived_from FROM derivations ORDER BY 1, 2").fetchall()]
