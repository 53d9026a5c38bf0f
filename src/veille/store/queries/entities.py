"""Entities across articles: one row per entity key (``veille.model.entity_key``: its knowledge-base id, else its
type and lower-cased name), the listing and one entity's page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from veille.model import ENTITY_KEY_SQL
from veille.store.queries.claims import ClaimFilters, claims
from veille.store.queries.events import FROM as EVENTS_FROM
from veille.store.queries.events import SELECT as EVENTS_SELECT
from veille.store.queries.base import Table, Where, page, run
from veille.store.queries.names import name_condition


@dataclass(frozen=True, slots=True)
class EntityFilters:
    """``name``: a name in any language (``names``: "Poutine" finds Vladimir Putin), else part of the canonical name; ``country``: the entity's own or the one it stands for."""

    name: str | None = None
    type: str | None = None
    country: str | None = None

    def where(self) -> Where:
        w = Where()
        if self.name:  # the entity itself, a state too (``country`` asks for everything of a country)
            cond, params = name_condition(self.name, name="canonical", key="key")
            w.add(cond, *params)
        return (w.when(self.type, "type = upper(?)")
                .when(self.country, "country = upper(?)"))


GROUPED = f"""(SELECT key, min(canonical) AS canonical, min(type) AS type,
                     first(country ORDER BY n_country DESC, country) AS country, max(kb_id) AS kb_id,
                     count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions
              FROM (SELECT *, count(*) FILTER (WHERE country IS NOT NULL) OVER (PARTITION BY key, country) AS n_country
                    FROM (SELECT {ENTITY_KEY_SQL.format(a='')} AS key, * FROM entities))
              GROUP BY key) g"""
"""One row per entity across articles: its name as the articles give it (the first in order when they differ
in case), the country most of them give it, its knowledge-base id, and how often it is named."""


def entities(con: duckdb.DuckDBPyConnection, filters: EntityFilters = EntityFilters(), *, limit: int | None = 50,
             offset: int = 0) -> tuple[Table, int]:
    """Entities across articles with their ``key``, most cited first."""
    return page(con, "*", GROUPED, filters.where(), "articles DESC, mentions DESC, canonical, key", limit, offset)


def entity(con: duckdb.DuckDBPyConnection, key: str, *, limit: int = 200) -> dict[str, Any] | None:
    """One entity by key: what it is, its events as actor and as recipient, its claims, its mentions per day."""
    head = run(con, f"SELECT * FROM {GROUPED} WHERE key = ?", [key]).records()
    if not head:
        return None
    out = head[0]
    local = f"(SELECT article_id, entity_id FROM entities WHERE {ENTITY_KEY_SQL.format(a='')} = ?)"
    for side in ("actor", "recipient"):
        out[f"events_as_{side}"] = run(con, f"""
            SELECT {EVENTS_SELECT} FROM {EVENTS_FROM}
            WHERE (e.article_id, e.{side}_entity) IN {local}
            ORDER BY coalesce(e.day, a.published) NULLS LAST, e.article_id, e.event_id LIMIT ?""",
            [key, limit]).records()
    out["claims"] = claims(con, ClaimFilters(entity=key), limit=limit)[0].records()
    out["mentions_by_day"] = run(con, f"""
        SELECT a.published AS day, count(*) AS mentions, count(DISTINCT m.article_id) AS articles
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE (m.article_id, m.entity_id) IN {local}
        GROUP BY a.published ORDER BY a.published NULLS LAST""", [key]).records()
    out["aliases"] = [r[0] for r in con.execute(f"""
        SELECT m.text FROM mentions m WHERE (m.article_id, m.entity_id) IN {local}
        GROUP BY m.text ORDER BY count(*) DESC, m.text LIMIT 20""", [key]).fetchall()]
    return out


__all__ = ["EntityFilters", "Table", "entities", "entity"]
