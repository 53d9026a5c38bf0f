"""Stories, merged events and claim provenance in the store: computed after articles arrive, kept in
the tables of migration 002.

``update`` is incremental for stories: articles not yet in a story are embedded and assigned, in
publication order, to the live stories re-loaded from the store (or to new ones); an article's story
never changes afterwards. Merged events and merged claims are a function of the per-article tables
and the stories, so they are recomputed whole after each update.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np

from veille.cluster.embed import embed
from veille.cluster.merge import Report, merge
from veille.cluster.profile import ArticleProfile, profile
from veille.cluster.provenance import ClaimReport, merge_claims
from veille.cluster.stories import DEFAULT, Method, StoryIndex, arrival_order
from veille.store.duckdb import insert

STORY_TABLES = ("article_vectors", "stories", "story_articles", "merged_events", "merged_event_reports",
                "merged_claims", "merged_claim_reports")
PARTY_KEY_SQL = "coalesce({a}kb_id, {a}type || ':' || lower({a}canonical))"
"""An entity's key across articles and languages, as ``veille.cluster.profile.entity_key`` makes it."""
OUTLET_SQL = ("coalesce(nullif(trim({a}source), ''), "
              "nullif(regexp_replace(regexp_extract({a}url, '^[a-z]+://([^/:]+)', 1), '^www\\.', ''), ''), 'unknown')")
"""The outlet of an article: its ``source``, else its URL's host without ``www.``, else ``unknown``."""
CREDIT_SQL = """SELECT m.article_id, min(coalesce(en.kb_id, en.canonical)) AS credit
    FROM mentions m JOIN entities en ON en.article_id = m.article_id AND en.entity_id = m.entity_id
    JOIN articles a ON a.id = m.article_id
    WHERE en.agent = 'MED' AND m.start_char < 300 AND m.start_char > 0
      AND substr(a.text, m.start_char, 1) = '(' AND substr(a.text, m.end_char + 1, 1) = ')'
    GROUP BY m.article_id"""
"""The wire agency an article credits in its dateline ("Paris (AFP) –", "(Reuters)"): a media entity named in
brackets in its first 300 characters. In SQL over the mentions, because merging reads every article."""


@dataclass(slots=True)
class StoriesSummary:
    clustered: int = 0
    new_stories: int = 0
    stories: int = 0
    merged_events: int = 0
    corroborated: int = 0
    merged_claims: int = 0
    repeated_claims: int = 0

    def line(self) -> str:
        return (f"stories: {self.clustered} articles clustered, {self.new_stories} new stories ({self.stories} in all); "
                f"{self.merged_events} merged events ({self.corroborated} with 2+ independent sources); "
                f"{self.merged_claims} claims ({self.repeated_claims} repeated across articles)")


def update(con: duckdb.DuckDBPyConnection, *, method: Method = DEFAULT, rebuild: bool = False) -> StoriesSummary:
    """Cluster the articles not yet in a story, then recompute merged events and claims; one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        if rebuild:
            for table in ("stories", "story_articles"):
                con.execute(f"DELETE FROM {table}")
        summary = _assign(con, method)
        copies = _copies(con)
        _merge_events(con, summary, copies)
        _merge_claims(con, summary, copies)
        summary.stories = con.execute("SELECT count(*) FROM stories").fetchone()[0]  # type: ignore[index]
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return summary


def _profiles(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> list[ArticleProfile]:
    rows = con.execute(f"SELECT analysis, text FROM articles a WHERE a.analysis IS NOT NULL AND {where}",
                       params).fetchall()
    return [profile(json.loads(analysis), text=text) for analysis, text in rows]


def _assign(con: duckdb.DuckDBPyConnection, method: Method) -> StoriesSummary:
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
    index.df = dict(con.execute(f"""
        SELECT {PARTY_KEY_SQL.format(a='')} AS key, count(DISTINCT article_id) FROM entities
        WHERE article_id IN (SELECT article_id FROM story_articles WHERE copy_of IS NULL) GROUP BY key""").fetchall())
    touched: set[str] = set()
    if new:
        _restore(con, index, new, method)
        vectors = _vectors(con, [p.id for p in new])
        rows = []
        for p in new:
            before = len(index.stories)
            sid, sim = index.add(p, vectors[p.id])
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
    return summary


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


def _party(prefix: str) -> str:
    return f"""{PARTY_KEY_SQL.format(a=prefix + '.')} AS {prefix}_key"""


def _merge_events(con: duckdb.DuckDBPyConnection, summary: StoriesSummary, copies: Copies) -> None:
    for table in ("merged_events", "merged_event_reports"):
        con.execute(f"DELETE FROM {table}")
    rows = con.execute(f"""
        WITH credit AS ({CREDIT_SQL})
        SELECT e.article_id, e.event_id, e.type, {_party('ae')}, {_party('re')},
               coalesce(e.day, a.published) AS day, e.factuality,
               substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
               e.location, e.actor_canonical, e.actor_country, e.recipient_canonical, e.recipient_country, e.score,
               c.speaker_canonical, {PARTY_KEY_SQL.format(a='se.')} AS speaker_key,
               sa.story_id, {OUTLET_SQL.format(a='a.')} AS outlet, cr.credit
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN entities ae ON ae.article_id = e.article_id AND ae.entity_id = e.actor_entity
        LEFT JOIN entities re ON re.article_id = e.article_id AND re.entity_id = e.recipient_entity
        LEFT JOIN claims c ON c.article_id = e.article_id AND c.claim_id = e.attributed_to
        LEFT JOIN entities se ON se.article_id = c.article_id AND se.entity_id = c.speaker_entity
        LEFT JOIN story_articles sa ON sa.article_id = e.article_id
        LEFT JOIN credit cr ON cr.article_id = e.article_id
        ORDER BY e.article_id, e.event_id""").fetchall()
    reports: list[Report] = []
    for (aid, eid, typ, akey, rkey, day, fact, sentence, loc, actor, acountry, recipient, rcountry, score,
         speaker, speaker_key, story, outlet, credit) in rows:
        speaker_key = speaker_key or (f"name:{speaker.lower()}" if speaker else None)
        for r in _reporters(aid, outlet, None, credit, copies):
            origins = r.origins + ((f"said:{speaker_key}",) if speaker_key else ())
            reports.append(Report(article_id=r.id, event_id=eid, type=typ, actor_key=akey, recipient_key=rkey,
                                  day=day, factuality=fact, sentence=sentence or "", origins=origins,
                                  story_id=story, location=loc, actor=actor, actor_country=acountry,
                                  recipient=recipient, recipient_country=rcountry, score=score, copy_of=r.copy_of,
                                  outlet=r.outlet, said_by=speaker))
    merged = merge(reports)
    ev_rows, rep_rows = [], []
    for m in merged:
        first = m.representative()
        ev_rows.append({
            "merged_id": m.id, "type": m.type, "actor_key": m.actor_key, "actor": first.actor,
            "actor_country": first.actor_country, "recipient_key": m.recipient_key, "recipient": first.recipient,
            "recipient_country": first.recipient_country, "first_day": m.first_day, "last_day": m.last_day,
            "n_reports": len(m.reports), "n_articles": len({r.article_id for r in m.reports}),
            "independent_sources": m.independent_sources, "factuality": m.factuality, "score": first.score,
            "stories": sorted({r.story_id for r in m.reports if r.story_id}),
        })
        for r, c in zip(m.reports, m.classes, strict=True):
            rep_rows.append({"merged_id": m.id, "article_id": r.article_id, "event_id": r.event_id, "day": r.day,
                             "outlet": r.outlet, "origin": c + 1, "copy_of": r.copy_of,
                             "factuality": r.factuality, "said_by": r.said_by})
    insert(con, "merged_events", ev_rows)
    insert(con, "merged_event_reports", rep_rows)
    summary.merged_events = len(merged)
    summary.corroborated = sum(1 for m in merged if m.independent_sources > 1)


@dataclass(frozen=True, slots=True)
class _Reporter:
    """An article that carries a report: the original, or one of its copies (which repeats its reports)."""

    id: str
    copy_of: str | None
    outlet: str
    published: dt.date | None
    origins: tuple[str, ...]
    """Keys shared by dependent reports: the copy group, the outlet (never an unknown one), the wire credit."""


Copies = dict[str, list[tuple[str, str, dt.date | None]]]
"""Original id → its copies as (id, outlet, published)."""


def _copies(con: duckdb.DuckDBPyConnection) -> Copies:
    out: Copies = {}
    for cid, orig, outlet, published in con.execute(f"""
            SELECT a.id, a.duplicate_of, {OUTLET_SQL.format(a='a.')}, a.published FROM articles a
            WHERE a.duplicate_of IS NOT NULL ORDER BY a.id""").fetchall():
        out.setdefault(orig, []).append((cid, outlet, published))
    return out


def _reporters(aid: str, outlet: str, published: dt.date | None, credit: str | None,
               copies: Copies) -> list[_Reporter]:
    """The article ``aid`` and its copies, each with its origin keys; an unknown outlet is not one outlet."""
    out = []
    for rid, copy_of, r_outlet, r_published, r_credit in [(aid, None, outlet, published, credit),
                                                          *((c, aid, o, p, None) for c, o, p in copies.get(aid, []))]:
        keys = (f"copy:{aid}", f"outlet:{r_outlet}" if r_outlet != "unknown" else f"outlet:unknown:{rid}")
        out.append(_Reporter(rid, copy_of, r_outlet, r_published, keys + ((f"wire:{r_credit}",) if r_credit else ())))
    return out


def _merge_claims(con: duckdb.DuckDBPyConnection, summary: StoriesSummary, copies: Copies) -> None:
    for table in ("merged_claims", "merged_claim_reports"):
        con.execute(f"DELETE FROM {table}")
    rows = con.execute(f"""
        WITH credit AS ({CREDIT_SQL})
        SELECT c.article_id, c.claim_id, a.published, {PARTY_KEY_SQL.format(a='se.')}, c.speaker_canonical,
               c.kind, c.content_text, c.factuality, {OUTLET_SQL.format(a='a.')}, cr.credit
        FROM claims c JOIN articles a ON a.id = c.article_id
        LEFT JOIN entities se ON se.article_id = c.article_id AND se.entity_id = c.speaker_entity
        LEFT JOIN credit cr ON cr.article_id = c.article_id
        ORDER BY c.article_id, c.claim_id""").fetchall()
    reports = []
    for aid, cid, pub, skey, speaker, kind, content, fact, outlet, credit in rows:
        for r in _reporters(aid, outlet, pub, credit, copies):
            reports.append(ClaimReport(article_id=r.id, claim_id=cid, published=r.published, speaker_key=skey,
                                       speaker=speaker, kind=kind, content=content, factuality=fact,
                                       origins=r.origins, copy_of=r.copy_of, outlet=r.outlet))
    merged = merge_claims(reports)
    claim_rows, rep_rows = [], []
    for m in merged:
        first = m.first
        base = first.words()
        claim_rows.append({
            "merged_id": m.id, "speaker_key": first.speaker_key, "speaker": first.speaker, "kind": first.kind,
            "content": first.content, "first_article": first.article_id, "first_claim": first.claim_id,
            "first_day": first.published, "n_reports": len(m.reports),
            "n_articles": len({r.article_id for r in m.reports}), "independent_sources": m.independent_sources,
            "wording_changed": m.wording_changed,
        })
        for r in m.reports:
            rep_rows.append({"merged_id": m.id, "article_id": r.article_id, "claim_id": r.claim_id,
                             "published": r.published, "outlet": r.outlet,
                             "copy_of": r.copy_of, "same_wording": r.words() == base})
    insert(con, "merged_claims", claim_rows)
    insert(con, "merged_claim_reports", rep_rows)
    summary.merged_claims = len(merged)
    summary.repeated_claims = sum(1 for m in merged if len({r.article_id for r in m.reports}) > 1)

