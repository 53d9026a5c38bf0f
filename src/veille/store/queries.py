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


def open_readonly(db: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that also cannot read or write other files (no COPY TO, no ATTACH)."""
    con = connect(db, read_only=True)
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Table:
    cur = con.execute(sql, params)
    return Table([d[0] for d in cur.description], cur.fetchall())


def events(con: duckdb.DuckDBPyConnection, *, actor: str | None = None, recipient: str | None = None,
           type: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
           factuality: str | None = None, limit: int | None = None) -> Table:
    """Events; ``actor``/``recipient`` match an ISO3 country or a canonical name; dates fall back on publication."""
    where, params = ["TRUE"], []
    for side, value in (("actor", actor), ("recipient", recipient)):
        if value:
            where.append(f"(e.{side}_country = upper(?) OR lower(e.{side}_canonical) = lower(?))")
            params += [value, value]
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
