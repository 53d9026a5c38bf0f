"""Read-only questions to the store, shared by the CLI and (later) the HTTP API.

Each function takes an open connection and keyword filters, runs one parameterised query, and returns
a ``Table`` (column names and rows). ``sql`` runs an analyst's own query on a read-only connection.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from veille.errors import VeilleError
from veille.store.duckdb import StoreError, connect


@dataclass(frozen=True, slots=True)
class Table:
    columns: list[str]
    rows: list[tuple[Any, ...]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r)) for r in self.rows]


class QueryError(VeilleError):
    """An analyst's SQL failed, or tried to write."""


def open_readonly(db: str | Path, *, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A read-only connection that also cannot read or write other files (no COPY TO, no ATTACH); ``wait``:
    seconds to keep trying while a writer holds the file."""
    return connect(db, read_only=True, sandbox=True, wait=wait)


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Table:
    cur = con.execute(sql, params)
    return Table([d[0] for d in cur.description], cur.fetchall())


def events(con: duckdb.DuckDBPyConnection, *, actor: str | None = None, recipient: str | None = None,
           type: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
           factuality: str | None = None, limit: int | None = None) -> Table:
    """Events; ``actor``/``recipient`` match an ISO3 country or a canonical name; dates fall back on publication."""
    where, params = _event_filters(actor=actor, recipient=recipient, type=type, factuality=factuality,
                                   since=since, until=until)
    sql = f"""
        SELECT e.article_id, e.event_id, coalesce(e.date, CAST(a.published AS VARCHAR)) AS date, e.type, e.mode,
               e.actor_canonical AS actor, e.actor_country, e.recipient_canonical AS recipient, e.recipient_country,
               e.factuality, c.speaker_canonical AS said_by, e.confidence, e.trigger_text AS trigger, a.title
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN claims c ON c.article_id = e.article_id AND c.claim_id = e.attributed_to
        WHERE {' AND '.join(where)}
        ORDER BY coalesce(e.day, a.published) NULLS LAST, e.article_id, e.event_id
        LIMIT ?"""
    return _run(con, sql, params + [limit if limit is not None else 2**62])


def claims(con: duckdb.DuckDBPyConnection, *, speaker: str | None = None, country: str | None = None,
           since: dt.date | None = None, limit: int | None = None) -> Table:
    """Claims; ``speaker`` is found (case-insensitively) in the speaker's canonical name or text."""
    where, params = ["TRUE"], []
    if speaker:
        where.append("(c.speaker_canonical ILIKE ? OR c.speaker_text ILIKE ?)")
        params += [f"%{speaker}%", f"%{speaker}%"]
    if country:
        where.append("c.speaker_country = upper(?)")
        params.append(country)
    if since:
        where.append("a.published >= ?")
        params.append(since)
    sql = f"""
        SELECT c.article_id, c.claim_id, a.published, c.speaker_canonical AS speaker, c.speaker_country,
               c.kind, c.factuality, c.content_text AS content,
               (SELECT string_agg(s.canonical || ' (' || s.relation || ')', '; ' ORDER BY s.n) FROM claim_sources s
                WHERE s.article_id = c.article_id AND s.claim_id = c.claim_id) AS sources
        FROM claims c JOIN articles a ON a.id = c.article_id
        WHERE {' AND '.join(where)}
        ORDER BY a.published NULLS LAST, c.article_id, c.claim_id
        LIMIT ?"""
    return _run(con, sql, params + [limit if limit is not None else 2**62])


def entities(con: duckdb.DuckDBPyConnection, *, country: str | None = None, type: str | None = None,
             name: str | None = None, limit: int | None = None) -> Table:
    """Entities gathered across articles (by canonical name, type, country and KB id), most cited first."""
    where, params = ["TRUE"], []
    if country:
        where.append("country = upper(?)")
        params.append(country)
    if type:
        where.append("type = upper(?)")
        params.append(type)
    if name:
        where.append("canonical ILIKE ?")
        params.append(f"%{name}%")
    sql = f"""
        SELECT canonical, type, country, kb_id, count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions
        FROM entities WHERE {' AND '.join(where)}
        GROUP BY canonical, type, country, kb_id
        ORDER BY articles DESC, mentions DESC, canonical
        LIMIT ?"""
    return _run(con, sql, params + [limit if limit is not None else 2**62])


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per table (the figures an ingest is judged on)."""
    from veille.store.duckdb import TABLES

    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # type: ignore[index]


def sql(con: duckdb.DuckDBPyConnection, query: str) -> Table:
    """An analyst's query on a read-only connection: any write is refused by DuckDB itself."""
    try:
        cur = con.execute(query)
    except duckdb.Error as exc:
        raise QueryError(str(exc).splitlines()[0]) from None
    if cur.description is None:
        return Table([], [])
    return Table([d[0] for d in cur.description], cur.fetchall())


__all__ = ["Table", "QueryError", "StoreError", "open_readonly", "events", "claims", "entities", "counts", "sql"]


# --- browsing: paginated questions for the HTTP API and the web page (both read only these) ---

ENTITY_KEY_SQL = ("substr(md5({a}canonical || '|' || {a}type || '|' || coalesce({a}country, '') || '|' || "
                  "coalesce({a}kb_id, '')), 1, 16)")
"""An entity across articles is (canonical, type, country, kb_id); its key is the start of that tuple's MD5."""

EVENT_SORTS = {
    "date": "coalesce(e.day, a.published)", "type": "e.type", "actor": "e.actor_canonical",
    "recipient": "e.recipient_canonical", "factuality": "e.factuality", "confidence": "e.confidence",
    "score": "e.score", "article": "e.article_id",
}
"""Columns the events table may be sorted on (user input picks a key, never SQL)."""


def entity_key(canonical: str, type: str, country: str | None, kb_id: str | None) -> str:
    """The key ``ENTITY_KEY_SQL`` computes, in Python (for entities of an analysis not read from SQL)."""
    import hashlib

    raw = "|".join((canonical, type, country or "", kb_id or ""))
    return hashlib.md5(raw.encode("utf-8")).hexdigest()[:16]


def _like(text: str) -> str:
    """A substring pattern for ILIKE ... ESCAPE '\\' (the user's % and _ are literal)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _page(con: duckdb.DuckDBPyConnection, select: str, frm: str, where: list[str], params: list[Any],
          order: str, limit: int, offset: int) -> tuple[Table, int]:
    cond = " AND ".join(where) or "TRUE"
    total = con.execute(f"SELECT count(*) FROM {frm} WHERE {cond}", params).fetchone()[0]  # type: ignore[index]
    table = _run(con, f"SELECT {select} FROM {frm} WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?",
                 params + [limit, offset])
    return table, int(total)


def articles_page(con: duckdb.DuckDBPyConnection, *, q: str | None = None, lang: str | None = None,
                  since: dt.date | None = None, until: dt.date | None = None, limit: int = 50,
                  offset: int = 0) -> tuple[Table, int]:
    """Articles (newest first) and how many match; ``q`` is found in the title or the text."""
    where, params = ["TRUE"], []
    if q:
        where.append("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')")
        params += [_like(q), _like(q)]
    if lang:
        where.append("a.lang = lower(?)")
        params.append(lang)
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("a.published <= ?")
        params.append(until)
    select = """a.id, a.title, a.published, a.lang, a.source, a.url, a.n_chars, a.duplicate_of,
        (SELECT count(*) FROM entities x WHERE x.article_id = a.id) AS entities,
        (SELECT count(*) FROM events x WHERE x.article_id = a.id) AS events,
        (SELECT count(*) FROM claims x WHERE x.article_id = a.id) AS claims"""
    return _page(con, select, "articles a", where, params, "a.published DESC NULLS LAST, a.id", limit, offset)


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """One stored article as the contract's analysis (text included; each entity with its ``key``).

    A copy (not analysed) comes back with empty layers and ``article.duplicate_of``.
    """
    import json

    row = con.execute("SELECT id, analysis, text, lang, published, title, url, source, text_sha256, duplicate_of, "
                      "duplicate_kind FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return None
    aid, analysis, text, lang, published, title, url, source, sha, dup_of, dup_kind = row
    if analysis is None:
        from veille.contract import build
        from veille.model import Article

        out = build(Article(id=aid, text=text, title=title, published=published, url=url, source=source), lang)
    else:
        out = json.loads(analysis)
    out["article"]["text"] = text
    out["article"]["duplicate_of"] = dup_of
    out["article"]["duplicate_kind"] = dup_kind
    with_entity_keys(out)
    return out


def with_entity_keys(analysis: dict[str, Any]) -> dict[str, Any]:
    """Give each entity of an analysis its cross-article ``key`` (the one ``/entities/{key}`` answers to)."""
    for e in analysis.get("entities", []):
        e["key"] = entity_key(e["canonical"], e["type"], e.get("country"), e.get("kb_id"))
    return analysis


def party_condition(country: str, name: str, value: str) -> tuple[str, list[Any]]:
    """A WHERE term for an actor as a user names one: an ISO3 code ("RUS": the country or anything of that
    country) or a three-letter name taken whole, never "rus" inside "Belarus"; else part of the name.
    ``country`` and ``name`` are column expressions of the caller's query, never user text."""
    if len(value) == 3 and value.isalpha():
        return f"({country} = upper(?) OR lower({name}) = lower(?))", [value, value]
    return f"{name} ILIKE ? ESCAPE '\\'", [_like(value)]


def _event_filters(*, actor: str | None = None, recipient: str | None = None, country: str | None = None,
                   type: str | None = None, factuality: str | None = None, since: dt.date | None = None,
                   until: dt.date | None = None, q: str | None = None, article_id: str | None = None,
                   ) -> tuple[list[str], list[Any]]:
    """WHERE terms over ``events e JOIN articles a``: the events table, the timeline and the network share them."""
    where, params = ["TRUE"], []
    for side, value in (("actor", actor), ("recipient", recipient)):
        if value:
            cond, more = party_condition(f"e.{side}_country", f"e.{side}_canonical", value)
            where.append(cond)
            params += more
    if country:
        where.append("(e.actor_country = upper(?) OR e.recipient_country = upper(?))")
        params += [country, country]
    if type:
        where.append("e.type = upper(?)")
        params.append(type)
    if factuality:
        where.append("e.factuality = lower(?)")
        params.append(factuality)
    if since:
        where.append("coalesce(e.day, a.published) >= ?")
        params.append(since)
    if until:
        where.append("coalesce(e.day, a.published) <= ?")
        params.append(until)
    if q:
        where.append("(e.trigger_text ILIKE ? ESCAPE '\\' OR e.actor_text ILIKE ? ESCAPE '\\' OR "
                     "e.recipient_text ILIKE ? ESCAPE '\\' OR a.title ILIKE ? ESCAPE '\\' OR "
                     "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) ILIKE ? ESCAPE '\\')")
        params += [_like(q)] * 5
    if article_id:
        where.append("e.article_id = ?")
        params.append(article_id)
    return where, params


_EVENTS_FROM = f"""events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN claims c ON c.article_id = e.article_id AND c.claim_id = e.attributed_to
    LEFT JOIN (SELECT article_id, entity_id, {ENTITY_KEY_SQL.format(a='')} AS key FROM entities) ak
        ON ak.article_id = e.article_id AND ak.entity_id = e.actor_entity
    LEFT JOIN (SELECT article_id, entity_id, {ENTITY_KEY_SQL.format(a='')} AS key FROM entities) rk
        ON rk.article_id = e.article_id AND rk.entity_id = e.recipient_entity"""

_EVENTS_SELECT = """e.article_id, e.event_id, coalesce(e.date, CAST(a.published AS VARCHAR)) AS date, e.type, e.mode,
    e.actor_canonical AS actor, e.actor_country, ak.key AS actor_key, e.recipient_canonical AS recipient,
    e.recipient_country, rk.key AS recipient_key, e.factuality, c.speaker_canonical AS said_by,
    e.confidence, e.score, e.trigger_text AS trigger,
    substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence, a.title"""


def events_page(con: duckdb.DuckDBPyConnection, *, sort: str = "date", descending: bool = False, limit: int = 50,
                offset: int = 0, entity: str | None = None, **filters: Any) -> tuple[Table, int]:
    """Events with the filters of ``_event_filters`` (and ``entity``: a key, on either side), sorted, one page."""
    where, params = _event_filters(**filters)
    if entity:
        where.append("(ak.key = ? OR rk.key = ?)")
        params += [entity, entity]
    key = EVENT_SORTS.get(sort, EVENT_SORTS["date"])
    order = f"{key} {'DESC' if descending else 'ASC'} NULLS LAST, e.article_id, e.event_id"
    return _page(con, _EVENTS_SELECT, _EVENTS_FROM, where, params, order, limit, offset)


def claims_page(con: duckdb.DuckDBPyConnection, *, speaker: str | None = None, country: str | None = None,
                q: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                entity: str | None = None, limit: int = 50, offset: int = 0) -> tuple[Table, int]:
    """Claims: ``speaker`` in the speaker's name, ``q`` in the content, ``entity`` the speaker's key."""
    where, params = ["TRUE"], []
    if speaker:
        where.append("(c.speaker_canonical ILIKE ? ESCAPE '\\' OR c.speaker_text ILIKE ? ESCAPE '\\')")
        params += [_like(speaker), _like(speaker)]
    if country:
        where.append("c.speaker_country = upper(?)")
        params.append(country)
    if q:
        where.append("c.content_text ILIKE ? ESCAPE '\\'")
        params.append(_like(q))
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("a.published <= ?")
        params.append(until)
    if entity:
        where.append("sk.key = ?")
        params.append(entity)
    frm = f"""claims c JOIN articles a ON a.id = c.article_id
        LEFT JOIN (SELECT article_id, entity_id, {ENTITY_KEY_SQL.format(a='')} AS key FROM entities) sk
            ON sk.article_id = c.article_id AND sk.entity_id = c.speaker_entity"""
    select = """c.article_id, c.claim_id, a.published, c.date, c.speaker_canonical AS speaker, c.speaker_country,
        sk.key AS speaker_key, c.kind, c.factuality, c.content_text AS content,
        (SELECT string_agg(s.canonical || ' (' || s.relation || ')', '; ' ORDER BY s.n) FROM claim_sources s
         WHERE s.article_id = c.article_id AND s.claim_id = c.claim_id) AS sources, a.title"""
    return _page(con, select, frm, where, params, "a.published NULLS LAST, c.article_id, c.claim_id", limit, offset)


def entities_page(con: duckdb.DuckDBPyConnection, *, name: str | None = None, type: str | None = None,
                  country: str | None = None, limit: int = 50, offset: int = 0) -> tuple[Table, int]:
    """Entities across articles with their ``key``, most cited first."""
    where, params = ["TRUE"], []
    if name:
        where.append("canonical ILIKE ? ESCAPE '\\'")
        params.append(_like(name))
    if type:
        where.append("type = upper(?)")
        params.append(type)
    if country:
        where.append("country = upper(?)")
        params.append(country)
    frm = f"""(SELECT {ENTITY_KEY_SQL.format(a='')} AS key, canonical, type, country, kb_id,
                     count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions
              FROM entities GROUP BY canonical, type, country, kb_id) g"""
    return _page(con, "*", frm, where, params, "articles DESC, mentions DESC, canonical", limit, offset)


def entity(con: duckdb.DuckDBPyConnection, key: str, *, limit: int = 200) -> dict[str, Any] | None:
    """One entity by key: what it is, its events as actor and as recipient, its claims, its mentions per day."""
    head = _run(con, f"""SELECT {ENTITY_KEY_SQL.format(a='')} AS key, canonical, type, country, kb_id,
                            count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions
                         FROM entities WHERE {ENTITY_KEY_SQL.format(a='')} = ?
                         GROUP BY canonical, type, country, kb_id""", [key]).records()
    if not head:
        return None
    out = head[0]
    local = f"(SELECT article_id, entity_id FROM entities WHERE {ENTITY_KEY_SQL.format(a='')} = ?)"
    for side in ("actor", "recipient"):
        out[f"events_as_{side}"] = _run(con, f"""
            SELECT {_EVENTS_SELECT} FROM {_EVENTS_FROM}
            WHERE (e.article_id, e.{side}_entity) IN {local}
            ORDER BY coalesce(e.day, a.published) NULLS LAST, e.article_id, e.event_id LIMIT ?""",
            [key, limit]).records()
    out["claims"] = claims_page(con, entity=key, limit=limit)[0].records()
    out["mentions_by_day"] = _run(con, f"""
        SELECT a.published AS day, count(*) AS mentions, count(DISTINCT m.article_id) AS articles
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE (m.article_id, m.entity_id) IN {local}
        GROUP BY a.published ORDER BY a.published NULLS LAST""", [key]).records()
    out["aliases"] = [r[0] for r in con.execute(f"""
        SELECT m.text FROM mentions m WHERE (m.article_id, m.entity_id) IN {local}
        GROUP BY m.text ORDER BY count(*) DESC, m.text LIMIT 20""", [key]).fetchall()]
    return out


def timeline(con: duckdb.DuckDBPyConnection, **filters: Any) -> Table:
    """Events per day (event date, else publication date): conflict and cooperation counts and PLOVER score sums."""
    where, params = _event_filters(**filters)
    return _run(con, f"""
        SELECT coalesce(e.day, a.published) AS day,
               count(*) FILTER (WHERE e.score < 0) AS conflict, count(*) FILTER (WHERE e.score > 0) AS cooperation,
               count(*) FILTER (WHERE e.score IS NULL OR e.score = 0) AS neutral,
               coalesce(sum(e.score) FILTER (WHERE e.score < 0), 0) AS conflict_score,
               coalesce(sum(e.score) FILTER (WHERE e.score > 0), 0) AS cooperation_score
        FROM events e JOIN articles a ON a.id = e.article_id
        WHERE {' AND '.join(where)} AND coalesce(e.day, a.published) IS NOT NULL
        GROUP BY 1 ORDER BY 1""", params)


def network(con: duckdb.DuckDBPyConnection, *, limit: int = 200, **filters: Any) -> Table:
    """Dyads (actor → recipient, by canonical name) weighted by their event count, heaviest first."""
    where, params = _event_filters(**filters)
    where += ["e.actor_canonical IS NOT NULL", "e.recipient_canonical IS NOT NULL"]
    return _run(con, f"""
        SELECT e.actor_canonical AS actor, any_value(e.actor_country) AS actor_country, any_value(ak.key) AS actor_key,
               e.recipient_canonical AS recipient, any_value(e.recipient_country) AS recipient_country,
               any_value(rk.key) AS recipient_key, count(*) AS events, avg(e.score) AS mean_score,
               count(*) FILTER (WHERE e.score < 0) AS conflict, count(*) FILTER (WHERE e.score > 0) AS cooperation
        FROM {_EVENTS_FROM}
        WHERE {' AND '.join(where)}
        GROUP BY e.actor_canonical, e.recipient_canonical
        ORDER BY events DESC, actor, recipient LIMIT ?""", params + [limit])


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts per table and the store's spread: languages, publication dates, event types and factuality."""
    out: dict[str, Any] = {"counts": counts(con)}
    out["languages"] = dict(con.execute(
        "SELECT coalesce(lang, 'und'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC").fetchall())
    first, last = con.execute("SELECT min(published), max(published) FROM articles").fetchone()  # type: ignore[misc]
    out["published"] = {"first": first.isoformat() if first else None, "last": last.isoformat() if last else None}
    out["event_types"] = dict(con.execute("SELECT type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall())
    out["factuality"] = dict(con.execute(
        "SELECT factuality, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall())
    out["duplicates"] = con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]  # type: ignore[index]
    return out
