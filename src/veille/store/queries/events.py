"""Events, one article's report each: the listing, events per day (``timeline``) and dyads (``network``),
all under the same filters (``EventFilters``), as the CLI and the API ask them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from veille.model import ENTITY_KEY_SQL
from veille.store.queries.base import Table, Where, page, run
from veille.store.queries.names import name_condition

EVENT_SORTS = {
    "date": "coalesce(e.day, a.published)", "type": "e.type", "actor": "e.actor_canonical",
    "recipient": "e.recipient_canonical", "factuality": "e.factuality", "confidence": "e.confidence",
    "score": "e.score", "article": "e.article_id",
}
"""Columns the events may be sorted on (user input picks a key, never SQL)."""


@dataclass(frozen=True, slots=True)
class EventFilters:
    """``actor``/``recipient``: a name in any language or an ISO3 code (``names.name_condition``); ``country``:
    on either side; dates: the event's, else its article's publication date; ``q``: words in the event's
    sentence, its trigger or its article's title; ``entity``: an entity key on either side."""

    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    type: str | None = None
    factuality: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None
    article_id: str | None = None
    entity: str | None = None

    def where(self) -> Where:
        """WHERE terms over ``FROM``."""
        w = Where()
        for side, alias, value in (("actor", "ak", self.actor), ("recipient", "rk", self.recipient)):
            if value:
                cond, params = name_condition(value, name=f"e.{side}_canonical", key=f"{alias}.key",
                                              country=f"e.{side}_country")
                w.add(cond, *params)
        w.when(self.country, "(e.actor_country = upper(?) OR e.recipient_country = upper(?))")
        w.when(self.type, "e.type = upper(?)").when(self.factuality, "e.factuality = lower(?)")
        w.when(self.since, "coalesce(e.day, a.published) >= ?").when(self.until, "coalesce(e.day, a.published) <= ?")
        w.words(self.q, article="e.article_id", title=True,
                spans=(("e.sentence_start", "e.sentence_end"), ("e.trigger_start", "e.trigger_end")))
        return w.when(self.article_id, "e.article_id = ?").when(self.entity, "(ak.key = ? OR rk.key = ?)")


SENTENCE = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
FROM = f"""events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN claims c ON c.article_id = e.article_id AND c.claim_id = e.attributed_to
    LEFT JOIN (SELECT article_id, entity_id, {ENTITY_KEY_SQL.format(a='')} AS key FROM entities) ak
        ON ak.article_id = e.article_id AND ak.entity_id = e.actor_entity
    LEFT JOIN (SELECT article_id, entity_id, {ENTITY_KEY_SQL.format(a='')} AS key FROM entities) rk
        ON rk.article_id = e.article_id AND rk.entity_id = e.recipient_entity"""
"""Every event with its article, the claim it is attributed to and its parties' entity keys."""
SELECT = f"""e.article_id, e.event_id, coalesce(e.date, CAST(a.published AS VARCHAR)) AS date,
    CASE WHEN e.date IS NULL AND a.published IS NOT NULL THEN 'day' ELSE e.date_granularity END AS date_granularity,
    e.type, e.mode,
    e.actor_canonical AS actor, e.actor_country, ak.key AS actor_key, e.recipient_canonical AS recipient,
    e.recipient_country, rk.key AS recipient_key, e.factuality, c.speaker_canonical AS said_by,
    e.confidence, e.score, e.trigger_text AS trigger, {SENTENCE} AS sentence, a.title"""


def events(con: duckdb.DuckDBPyConnection, filters: EventFilters = EventFilters(), *, sort: str = "date",
           descending: bool = False, limit: int | None = 50, offset: int = 0) -> tuple[Table, int]:
    """Events, filtered and sorted (``EVENT_SORTS``), one page, and how many match."""
    key = EVENT_SORTS.get(sort, EVENT_SORTS["date"])
    order = f"{key} {'DESC' if descending else 'ASC'} NULLS LAST, e.article_id, e.event_id"
    return page(con, SELECT, FROM, filters.where(), order, limit, offset)


PERIODS = ("day", "week", "month")
"""What a timeline may be aggregated by."""
_UNIT = """CASE WHEN e.day IS NULL OR coalesce(e.date_granularity, 'day') = 'day' THEN ?
                WHEN e.date_granularity = 'month' AND ? <> 'month' THEN 'month' WHEN e.date_granularity = 'month' THEN ?
                ELSE 'year' END"""
"""The period an event is counted in: the one asked for, or its own when its date is coarser (a month in a day or
week timeline, a year in any): a date that names only a year never piles on 1 January."""


def timeline(con: duckdb.DuckDBPyConnection, filters: EventFilters = EventFilters(), *, by: str = "day") -> Table:
    """Events per ``by`` period (``day``, ``week`` from Monday, ``month``; the event's date, else its article's
    publication day): conflict and cooperation counts and PLOVER score sums. ``day`` is the period's first day and
    ``period`` its length: an event dated only by its month or year is counted in a row of its own period
    (``period`` month or year), never on the first day of it."""
    if by not in PERIODS:
        raise ValueError(f"by: {by!r} is not one of {', '.join(PERIODS)}")
    where = filters.where().add("coalesce(e.day, a.published) IS NOT NULL")
    return run(con, f"""
        SELECT CAST(date_trunc(unit, on_day) AS DATE) AS day, unit AS period,
               count(*) FILTER (WHERE score < 0) AS conflict, count(*) FILTER (WHERE score > 0) AS cooperation,
               count(*) FILTER (WHERE score IS NULL OR score = 0) AS neutral,
               coalesce(sum(score) FILTER (WHERE score < 0), 0) AS conflict_score,
               coalesce(sum(score) FILTER (WHERE score > 0), 0) AS cooperation_score
        FROM (SELECT coalesce(e.day, a.published) AS on_day, {_UNIT} AS unit, e.score
              FROM {FROM} WHERE {where.sql()})
        GROUP BY 1, 2 ORDER BY 1, list_position(['year', 'month', 'week', 'day'], period)""",
        [by, by, by, *where.params])


def network(con: duckdb.DuckDBPyConnection, filters: EventFilters = EventFilters(), *, limit: int = 200) -> Table:
    """Dyads (actor → recipient, by canonical name) weighted by their event count, heaviest first."""
    where = filters.where().add("e.actor_canonical IS NOT NULL").add("e.recipient_canonical IS NOT NULL")
    return run(con, f"""
        SELECT e.actor_canonical AS actor, any_value(e.actor_country) AS actor_country, any_value(ak.key) AS actor_key,
               e.recipient_canonical AS recipient, any_value(e.recipient_country) AS recipient_country,
               any_value(rk.key) AS recipient_key, count(*) AS events, avg(e.score) AS mean_score,
               count(*) FILTER (WHERE e.score < 0) AS conflict, count(*) FILTER (WHERE e.score > 0) AS cooperation
        FROM {FROM}
        WHERE {where.sql()}
        GROUP BY e.actor_canonical, e.recipient_canonical
        ORDER BY events DESC, actor, recipient LIMIT ?""", where.params + [limit])
