"""Articles: the listing, one article as the contract's analysis, and the store's spread (``stats``)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import duckdb

from veille.model import entity_key
from veille.store.queries.base import Table, Where, counts, page


@dataclass(frozen=True, slots=True)
class ArticleFilters:
    """``q``: words found in the title or the text; dates are publication dates."""

    q: str | None = None
    lang: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def where(self) -> Where:
        return (Where().words(self.q, article="a.id", title=True, text=True).when(self.lang, "a.lang = lower(?)")
                .when(self.since, "a.published >= ?").when(self.until, "a.published <= ?"))


_SELECT = """a.id, a.title, a.published, a.lang, a.source, a.url, a.n_chars, a.duplicate_of,
        (SELECT count(*) FROM entities x WHERE x.article_id = a.id) AS entities,
        (SELECT count(*) FROM events x WHERE x.article_id = a.id) AS events,
        (SELECT count(*) FROM claims x WHERE x.article_id = a.id) AS claims"""


def articles(con: duckdb.DuckDBPyConnection, filters: ArticleFilters = ArticleFilters(), *, limit: int | None = 50,
             offset: int = 0) -> tuple[Table, int]:
    """Articles (newest first) and how many match."""
    return page(con, _SELECT, "articles a", filters.where(), "a.published DESC NULLS LAST, a.id", limit, offset)


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """One stored article as the contract's analysis (text included; each entity with its ``key``).

    A copy (not analysed) comes back with empty layers and ``article.duplicate_of``.
    """
    row = con.execute("SELECT id, analysis, text, lang, published, title, url, source, duplicate_of, duplicate_kind "
                      "FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return None
    aid, analysis, text, lang, published, title, url, source, dup_of, dup_kind = row
    if analysis is None:
        from veille.contract import build
        from veille.model import Article

        out = build(Article(id=aid, text=text, title=title, published=published, url=url, source=source), lang)
    else:
        out = json.loads(analysis)
    out["article"]["text"] = text
    out["article"]["duplicate_of"] = dup_of
    out["article"]["duplicate_kind"] = dup_kind
    return with_entity_keys(out)


def with_entity_keys(analysis: dict[str, Any]) -> dict[str, Any]:
    """Give each entity of an analysis its cross-article ``key`` (the one ``/entities/{key}`` answers to)."""
    for e in analysis.get("entities", []):
        e["key"] = entity_key(e.get("kb_id"), e["type"], e["canonical"])
    return analysis


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
