"""Claims, one article's report each (statements across articles: ``veille.store.queries.stories``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from veille.model import ENTITY_KEY_SQL
from veille.store.queries.base import Table, Where, page
from veille.store.queries.names import name_condition


@dataclass(frozen=True, slots=True)
class ClaimFilters:
    """``speaker``: a name in any language or an ISO3 code (``names``), else part of the speaker's name or words; ``country``: the speaker's; ``q``: words of what was said;
    dates: publication dates; ``entity``: the speaker's entity key."""

    speaker: str | None = None
    country: str | None = None
    q: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    entity: str | None = None

    def where(self) -> Where:
        w = Where()
        if self.speaker:
            cond, params = name_condition(self.speaker, name="c.speaker_canonical", key="sk.key",
                                          country="c.speaker_country", words=("c.speaker_text",))
            w.add(cond, *params)
        return (w.when(self.country, "c.speaker_country = upper(?)").words(self.q, article="c.article_id", spans=(("c.content_start", "c.content_end"),))
                .when(self.since, "a.published >= ?").when(self.until, "a.published <= ?")
                .when(self.entity, "sk.key = ?"))


FROM = f"""claims c JOIN articles a ON a.id = c.article_id
        LEFT JOIN (SELECT article_id, entity_id, {ENTITY_KEY_SQL.format(a='')} AS key FROM entities) sk
            ON sk.article_id = c.article_id AND sk.entity_id = c.speaker_entity"""
SELECT = """c.article_id, c.claim_id, a.published, c.date, c.date_granularity, c.speaker_canonical AS speaker, c.speaker_country,
        sk.key AS speaker_key, c.kind, c.factuality, c.content_text AS content,
        (SELECT string_agg(s.canonical || ' (' || s.relation || ')', '; ' ORDER BY s.n) FROM claim_sources s
         WHERE s.article_id = c.article_id AND s.claim_id = c.claim_id) AS sources, a.title"""


def claims(con: duckdb.DuckDBPyConnection, filters: ClaimFilters = ClaimFilters(), *, limit: int | None = 50,
           offset: int = 0) -> tuple[Table, int]:
    """Claims in publication order, one page, and how many match."""
    return page(con, SELECT, FROM, filters.where(), "a.published NULLS LAST, c.article_id, c.claim_id", limit, offset)
