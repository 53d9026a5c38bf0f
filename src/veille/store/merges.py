"""Merged events and statements in the store, updated incrementally.

Only what the new articles touch is merged again. A report is new when it is not yet in a merged table
(a new article, a new copy of an old one, or the other reports of a merged event a replaced article left);
an article is also touched when a new derivation links it.

- Events merge only within one (type, actor, recipient) key, so every merged event of the keys the new
  reports carry is dropped and those keys are merged again from all their reports: the same result as a
  whole recomputation, at the cost of those keys only.
- Statements are found by words, speaker or story: the statements a new report could join (sharing one of
  its probe words, its speaker, or, across languages, its story) are dropped and merged again with the new
  reports. When the new reports are the latest, as in a stream, this is what a whole recomputation gives.

When the merged tables are empty (a new store, or after migration 003) everything is merged once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

import duckdb
import numpy as np

from veille.cluster.derive import families
from veille.cluster.embed import embed_together
from veille.cluster.merge import ACT_WINDOW_DAYS, WINDOW_DAYS, Report, merge
from veille.cluster.provenance import MIN_WORDS, SAME_CLAIM, SAME_QUOTE, ClaimReport, merge_claims
from veille.model import ENTITY_KEY_SQL
from veille.store.derivations import links
from veille.store.duckdb import insert

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
brackets in its first 300 characters."""


def _party(prefix: str) -> str:
    return f"""{ENTITY_KEY_SQL.format(a=prefix + '.')} AS {prefix}_key"""


def _event_sql(restrict: bool) -> str:
    """The report rows of events; with ``restrict``, of the articles in the temporary table ``merge_articles``
    only (every table is cut to them first, so the joins do not build on the whole store)."""
    cut = (lambda t, k="article_id": f"(SELECT * FROM {t} WHERE {k} IN (SELECT id FROM merge_articles))") \
        if restrict else (lambda t, k="article_id": t)
    return f"""
    WITH credit AS ({CREDIT_SQL.replace("FROM mentions m", f"FROM {cut('mentions')} m")})
    SELECT e.article_id, e.event_id, e.type, {_party('ae')}, {_party('re')},
           CASE WHEN e.day IS NOT NULL AND length(e.date) >= 10 THEN e.day ELSE a.published END AS day,
           e.day IS NOT NULL AND length(e.date) >= 10 AS dated, e.factuality,
           substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
           e.location, e.actor_canonical, e.actor_country, e.recipient_canonical, e.recipient_country, e.score,
           c.speaker_canonical, {ENTITY_KEY_SQL.format(a='se.')} AS speaker_key,
           sa.story_id, {OUTLET_SQL.format(a='a.')} AS outlet, cr.credit
    FROM {cut('events')} e JOIN {cut('articles', 'id')} a ON a.id = e.article_id
    LEFT JOIN {cut('entities')} ae ON ae.article_id = e.article_id AND ae.entity_id = e.actor_entity
    LEFT JOIN {cut('entities')} re ON re.article_id = e.article_id AND re.entity_id = e.recipient_entity
    LEFT JOIN {cut('claims')} c ON c.article_id = e.article_id AND c.claim_id = e.attributed_to
    LEFT JOIN {cut('entities')} se ON se.article_id = c.article_id AND se.entity_id = c.speaker_entity
    LEFT JOIN {cut('story_articles')} sa ON sa.article_id = e.article_id
    LEFT JOIN credit cr ON cr.article_id = e.article_id
    ORDER BY e.article_id, e.event_id"""


def _rows(con: duckdb.DuckDBPyConnection, sql_of, ids: list[str] | None) -> list[tuple[Any, ...]]:
    if ids is None:
        return con.execute(sql_of(False)).fetchall()
    if not ids:
        return []
    con.execute("CREATE OR REPLACE TEMP TABLE merge_articles (id VARCHAR)")
    insert(con, "merge_articles", [{"id": i} for i in ids])
    try:
        return con.execute(sql_of(True)).fetchall()
    finally:
        con.execute("DROP TABLE merge_articles")


@dataclass(frozen=True, slots=True)
class _Reporter:
    """An article that carries a report: the original, or one of its copies (which repeats its reports)."""

    id: str
    copy_of: str | None
    outlet: str
    published: dt.date | None
    origins: tuple[str, ...]
    """Keys shared by dependent reports: the copy group, the derivation family, the outlet (never an unknown
    one), the wire credit."""


Copies = dict[str, list[tuple[str, str, dt.date | None]]]
"""Original id → its copies as (id, outlet, published)."""


def _copies(con: duckdb.DuckDBPyConnection, originals: list[str] | None) -> Copies:
    where, params = ("AND a.duplicate_of IN (SELECT unnest(?))", [originals]) if originals is not None else ("", [])
    out: Copies = {}
    for cid, orig, outlet, published in con.execute(f"""
            SELECT a.id, a.duplicate_of, {OUTLET_SQL.format(a='a.')}, a.published FROM articles a
            WHERE a.duplicate_of IS NOT NULL {where} ORDER BY a.id""", params).fetchall():
        out.setdefault(orig, []).append((cid, outlet, published))
    return out


def _reporters(aid: str, outlet: str, published: dt.date | None, credit: str | None, copies: Copies,
               family: dict[str, str]) -> list[_Reporter]:
    """The article ``aid`` and its copies, each with its origin keys; an unknown outlet is not one outlet."""
    out = []
    text = (f"text:{family[aid]}",) if aid in family else ()
    for rid, copy_of, r_outlet, r_published, r_credit in [(aid, None, outlet, published, credit),
                                                          *((c, aid, o, p, None) for c, o, p in copies.get(aid, []))]:
        keys = (f"copy:{aid}", f"outlet:{r_outlet}" if r_outlet != "unknown" else f"outlet:unknown:{rid}") + text
        out.append(_Reporter(rid, copy_of, r_outlet, r_published, keys + ((f"wire:{r_credit}",) if r_credit else ())))
    return out


def _touched(con: duckdb.DuckDBPyConnection, kind: str, extra: set[str]) -> list[str]:
    """Originals whose reports of ``kind`` (event, claim) are not all merged yet, or that ``extra`` names
    (an article a new derivation links, or the original of such a copy)."""
    table, key = ("events", "event_id") if kind == "event" else ("claims", "claim_id")
    rows = con.execute(f"""
        SELECT DISTINCT x.article_id FROM {table} x WHERE NOT EXISTS (
            SELECT 1 FROM merged_{kind}_reports r WHERE r.article_id = x.article_id AND r.{key} = x.{key})
        UNION SELECT a.duplicate_of FROM articles a
        WHERE a.duplicate_of IS NOT NULL AND a.duplicate_of IN (SELECT article_id FROM {table})
          AND a.id NOT IN (SELECT article_id FROM merged_{kind}_reports)
        UNION SELECT coalesce(a.duplicate_of, a.id) FROM articles a WHERE a.id IN (SELECT unnest(?))""",
                       [sorted(extra)]).fetchall()
    return sorted(r[0] for r in rows if r[0] is not None)


def _since(rows: list[tuple[Any, ...]]) -> dict[tuple[Any, Any, Any], dt.date | None]:
    """Per key of these reports, the first day whose merged events they can change (None: every day)."""
    widest = dt.timedelta(days=max(WINDOW_DAYS, ACT_WINDOW_DAYS))
    out: dict[tuple[Any, Any, Any], dt.date | None] = {}
    for r in rows:
        key, day = (r[2], r[3], r[4]), r[5]
        if key in out and out[key] is None:
            continue
        start = None if day is None else day - widest
        out[key] = start if key not in out or start is None else min(out[key], start)
    return out


def _empty(con: duckdb.DuckDBPyConnection, kind: str) -> bool:
    return con.execute(f"SELECT count(*) FROM merged_{kind}_reports").fetchone()[0] == 0  # type: ignore[index]


def merge_events(con: duckdb.DuckDBPyConnection, linked: set[str]) -> int:
    """Merge the events the new articles touch (all, when nothing is merged yet); return the reports merged."""
    full = _empty(con, "event")
    if full:
        rows = _rows(con, _event_sql, None)
    else:
        touched = _touched(con, "event", linked)
        new = _rows(con, _event_sql, touched)
        since = _since(new)
        if not since:
            return 0
        # the old reports of those keys the new ones can change: ``merge`` groups reports greedily in day order,
        # so a merged event that ended before the new reports' first day less the widest window keeps its
        # reports whatever comes later; the others are merged again with the new reports (the store's past of a
        # key is not read again at every update)
        con.execute("CREATE OR REPLACE TEMP TABLE merge_keys (type VARCHAR, akey VARCHAR, rkey VARCHAR, since DATE)")
        insert(con, "merge_keys", [{"type": t, "akey": a, "rkey": r, "since": d} for (t, a, r), d in since.items()])
        same = ("k.type = m.type AND k.akey IS NOT DISTINCT FROM m.actor_key AND k.rkey IS NOT DISTINCT FROM m.recipient_key"
                " AND (k.since IS NULL OR m.last_day IS NULL OR m.last_day >= k.since)")
        gone = f"SELECT m.merged_id FROM merged_events m JOIN merge_keys k ON {same}"
        pairs = {(a, e) for a, e in con.execute(f"""SELECT DISTINCT coalesce(r.copy_of, r.article_id), r.event_id
                                                     FROM merged_event_reports r WHERE r.merged_id IN ({gone})""").fetchall()}
        con.execute(f"DELETE FROM merged_event_reports WHERE merged_id IN ({gone})")
        con.execute(f"DELETE FROM merged_events WHERE merged_id IN ({gone})")
        con.execute("DROP TABLE merge_keys")
        old = sorted({a for a, _ in pairs} - set(touched))
        rows = sorted([r for r in _rows(con, _event_sql, old) if (r[0], r[1]) in pairs] + new, key=lambda r: (r[0], r[1]))
    family = families(links(con))
    copies = _copies(con, None if full else sorted({r[0] for r in rows}))
    reports: list[Report] = []
    for (aid, eid, typ, akey, rkey, day, dated, fact, sentence, loc, actor, acountry, recipient, rcountry, score,
         speaker, speaker_key, story, outlet, credit) in rows:
        speaker_key = speaker_key or (f"name:{speaker.lower()}" if speaker else None)
        for rp in _reporters(aid, outlet, None, credit, copies, family):
            reports.append(Report(article_id=rp.id, event_id=eid, type=typ, actor_key=akey, recipient_key=rkey,
                                  day=day, factuality=fact, sentence=sentence or "", origins=rp.origins,
                                  source_keys=(f"said:{speaker_key}",) if speaker_key else (),
                                  story_id=story, location=loc, actor=actor, actor_country=acountry,
                                  recipient=recipient, recipient_country=rcountry, score=score, copy_of=rp.copy_of,
                                  outlet=rp.outlet, said_by=speaker, dated=bool(dated)))
    merged = merge(reports)
    ev_rows, rep_rows = [], []
    for m in merged:
        first = m.representative()
        ev_rows.append({
            "merged_id": m.id, "type": m.type, "actor_key": m.actor_key, "actor": first.actor,
            "actor_country": first.actor_country, "recipient_key": m.recipient_key, "recipient": first.recipient,
            "recipient_country": first.recipient_country, "first_day": m.first_day, "last_day": m.last_day,
            "n_reports": len(m.reports), "n_articles": len({r.article_id for r in m.reports}),
            "independent_sources": m.independent_sources, "independent_reports": m.independent_reports,
            "report_members": m.report_members, "source_members": m.source_members,
            "factuality": m.factuality, "score": first.score,
            "stories": sorted({r.story_id for r in m.reports if r.story_id}),
        })
        for r, c, k in zip(m.reports, m.source_classes, m.report_classes, strict=True):
            rep_rows.append({"merged_id": m.id, "article_id": r.article_id, "event_id": r.event_id, "day": r.day,
                             "outlet": r.outlet, "origin": c + 1, "report": k + 1, "copy_of": r.copy_of,
                             "factuality": r.factuality, "said_by": r.said_by})
    insert(con, "merged_events", ev_rows)
    insert(con, "merged_event_reports", rep_rows)
    return len(reports)


def _claim_sql(restrict: bool) -> str:
    """The report rows of claims; with ``restrict``, of the articles in ``merge_articles`` only."""
    cut = (lambda t, k="article_id": f"(SELECT * FROM {t} WHERE {k} IN (SELECT id FROM merge_articles))") \
        if restrict else (lambda t, k="article_id": t)
    return f"""
    WITH credit AS ({CREDIT_SQL.replace("FROM mentions m", f"FROM {cut('mentions')} m")})
    SELECT c.article_id, c.claim_id, a.published, {ENTITY_KEY_SQL.format(a='se.')}, c.speaker_canonical,
           c.kind, c.content_text, c.factuality, {OUTLET_SQL.format(a='a.')}, cr.credit, a.lang, sa.story_id,
           coalesce(len(st.languages), 0) > 1 AS multilingual
    FROM {cut('claims')} c JOIN {cut('articles', 'id')} a ON a.id = c.article_id
    LEFT JOIN {cut('entities')} se ON se.article_id = c.article_id AND se.entity_id = c.speaker_entity
    LEFT JOIN credit cr ON cr.article_id = c.article_id
    LEFT JOIN {cut('story_articles')} sa ON sa.article_id = c.article_id
    LEFT JOIN stories st ON st.story_id = sa.story_id
    ORDER BY c.article_id, c.claim_id"""


def _statements_joined(con: duckdb.DuckDBPyConnection, new: list[tuple[Any, ...]], touched: list[str]) -> list[str]:
    """The stored statements the new claims could join, as ``merge_claims`` would find them: a quotation
    sharing a probe word and enough words, the same speaker's indirect claim with enough words, any
    statement of a story told in several languages that a new claim is in; and those the touched articles
    already report. Found by hash joins on words and speakers, so the cost follows the matches, not the store."""
    quotes, stories = [], set()
    for n, row in enumerate(new):
        words = sorted(set(ClaimReport(row[0], row[1], None, None, None, row[5], row[6], "", ()).words()))
        if len(words) >= MIN_WORDS and (row[5] == "direct" or row[3]):
            quotes.append({"n": n, "direct": row[5] == "direct", "speaker": row[3], "words": words,
                           "probes": _probes(set(words))})
        if row[12] and row[11]:
            stories.add(row[11])
    con.execute("CREATE OR REPLACE TEMP TABLE new_quotes (n INTEGER, direct BOOLEAN, speaker VARCHAR, words VARCHAR[], "
                "probes VARCHAR[])")
    insert(con, "new_quotes", quotes)
    enough = "len(list_intersect(mc.words, q.words)) >= {share} * least(len(mc.words), len(q.words))"
    found = con.execute(f"""
        WITH probe AS (SELECT n, unnest(probes) AS w FROM new_quotes WHERE direct),
             stored AS (SELECT merged_id, word AS w FROM merged_claim_words WHERE word IN (SELECT w FROM probe)),
             cand AS (SELECT DISTINCT p.n, s.merged_id FROM probe p JOIN stored s USING (w))
        SELECT c.merged_id FROM cand c JOIN new_quotes q USING (n) JOIN merged_claims mc USING (merged_id)
        WHERE {enough.format(share=SAME_QUOTE)}
        UNION SELECT mc.merged_id FROM new_quotes q JOIN merged_claims mc ON mc.speaker_key = q.speaker
        WHERE NOT q.direct AND mc.kind <> 'direct' AND {enough.format(share=SAME_CLAIM)}
        UNION SELECT r.merged_id FROM merged_claim_reports r
        WHERE r.article_id IN (SELECT unnest(?::VARCHAR[])) OR r.copy_of IN (SELECT unnest(?::VARCHAR[]))
           OR r.article_id IN (SELECT article_id FROM story_articles WHERE story_id IN (SELECT unnest(?::VARCHAR[])))""",
                        [touched, touched, sorted(stories)]).fetchall()
    con.execute("DROP TABLE new_quotes")
    return sorted(r[0] for r in found)


def _probes(words: set[str]) -> list[str]:
    """The words ``merge_claims`` looks a direct quote up by (its three longest)."""
    return sorted(words, key=lambda w: (-len(w), w))[:3]


def merge_statements(con: duckdb.DuckDBPyConnection, linked: set[str]) -> int:
    """Merge the claims the new articles touch into statements (all, when nothing is merged yet)."""
    full = _empty(con, "claim")
    if full:
        rows = _rows(con, _claim_sql, None)
    else:
        touched = _touched(con, "claim", linked)
        if not touched:
            return 0
        new = _rows(con, _claim_sql, touched)
        gone = _statements_joined(con, new, touched)
        pairs = set(con.execute("""SELECT DISTINCT coalesce(r.copy_of, r.article_id), r.claim_id FROM merged_claim_reports r
                                   WHERE r.merged_id IN (SELECT unnest(?::VARCHAR[]))""", [gone]).fetchall())
        old = [r for r in _rows(con, _claim_sql, sorted({a for a, _ in pairs} - set(touched))) if (r[0], r[1]) in pairs]
        for table in ("merged_claim_reports", "merged_claim_words", "merged_claims"):
            con.execute(f"DELETE FROM {table} WHERE merged_id IN (SELECT unnest(?::VARCHAR[]))", [gone])
        rows = sorted(old + new, key=lambda r: (r[0], r[1]))
    family = families(links(con))
    copies = _copies(con, None if full else sorted({r[0] for r in rows}))
    vectors = _quote_vectors(rows)
    reports = []
    for aid, cid, pub, skey, speaker, kind, content, fact, outlet, credit, lang, story, _ in rows:
        for rp in _reporters(aid, outlet, pub, credit, copies, family):
            reports.append(ClaimReport(article_id=rp.id, claim_id=cid, published=rp.published, speaker_key=skey,
                                       speaker=speaker, kind=kind, content=content, factuality=fact,
                                       origins=rp.origins, copy_of=rp.copy_of, outlet=rp.outlet, lang=lang,
                                       story_id=story, vector=vectors.get((aid, cid))))
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
            "independent_reports": m.independent_reports, "report_members": m.report_members,
            "source_members": m.source_members, "wording_changed": m.wording_changed, "words": sorted(set(base)),
        })
        for r, k, c in zip(m.reports, m.report_classes, m.source_classes, strict=True):
            rep_rows.append({"merged_id": m.id, "article_id": r.article_id, "claim_id": r.claim_id,
                             "published": r.published, "outlet": r.outlet, "copy_of": r.copy_of,
                             "same_wording": r.words() == base, "report": k + 1, "origin": c + 1})
    insert(con, "merged_claims", claim_rows)
    insert(con, "merged_claim_reports", rep_rows)
    insert(con, "merged_claim_words", [{"word": w, "merged_id": c["merged_id"]} for c in claim_rows
                                       if c["kind"] == "direct" for w in cast(list[str], c["words"])])
    return len(reports)


def _quote_vectors(rows: list[tuple[Any, ...]]) -> dict[tuple[str, str], np.ndarray]:
    """Embeddings of the direct quotes of stories told in several languages (one batch per article, so a
    vector depends on its article alone); other quotes need none."""
    by_article: dict[str, list[tuple[str, str]]] = {}
    for aid, cid, _, _, _, kind, content, _, _, _, _, _, multilingual in rows:
        if multilingual and kind == "direct" and len(content.split()) >= MIN_WORDS:
            by_article.setdefault(aid, []).append((cid, content))
    out = {}
    for aid, quotes in sorted(by_article.items()):
        for (cid, _), vec in zip(quotes, embed_together([q for _, q in quotes]), strict=True):
            out[(aid, cid)] = vec
    return out
