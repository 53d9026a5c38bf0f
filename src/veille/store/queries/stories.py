"""What spans articles: stories, merged events, repeated claims (statements) and actor timelines.

An actor is named as everywhere else: a name in any language or an ISO3 code (``names.name_condition``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from dataclasses import dataclass

from veille.store.queries.base import Table, Where, page, run
from veille.store.queries.names import name_condition
from veille.store.words import query_words


def _party(side: str, value: str) -> tuple[str, list[Any]]:
    return name_condition(value, name=f"m.{side}", key=f"m.{side}_key", country=f"m.{side}_country")


@dataclass(frozen=True, slots=True)
class MergedFilters:
    """``pair``: what passed between two actors (both ways unless ``directed``); dates: merged events that end on
    or after ``since`` and start on or before ``until``; ``story``: the events of one story."""

    actor: str | None = None
    recipient: str | None = None
    pair: tuple[str, str] | None = None
    directed: bool = False
    type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    min_sources: int | None = None
    min_reports: int | None = None
    story: str | None = None

    def where(self) -> Where:
        w = Where()
        for side, value in (("actor", self.actor), ("recipient", self.recipient)):
            if value:
                cond, p = _party(side, value)
                w.add(cond, *p)
        if self.pair:
            w.add(*_pair(*self.pair, directed=self.directed))
        w.when(self.type, "m.type = upper(?)").when(self.since, "m.last_day >= ?").when(self.until, "m.first_day <= ?")
        w.when(self.min_sources, "m.independent_sources >= ?").when(self.min_reports, "m.independent_reports >= ?")
        return w.when(self.story, "list_contains(m.stories, ?)")


def _pair(a: str, b: str, *, directed: bool) -> tuple[Any, ...]:
    (ca, pa), (cb, pb) = _party("actor", a), _party("recipient", b)
    if directed:
        return (f"({ca} AND {cb})", *pa, *pb)
    (ra, qa), (rb, qb) = _party("actor", b), _party("recipient", a)
    return (f"(({ca} AND {cb}) OR ({ra} AND {rb}))", *pa, *pb, *qa, *qb)


_MERGED_SELECT = """m.merged_id, m.first_day, m.last_day, m.type, m.actor, m.actor_country, m.recipient,
    m.recipient_country, m.independent_reports, m.report_members, m.independent_sources, m.source_members,
    m.n_reports, m.n_articles, m.factuality, m.score, m.stories"""


def merged_events(con: duckdb.DuckDBPyConnection, filters: MergedFilters = MergedFilters(), *, limit: int | None = 50,
                  offset: int = 0, sort: str = "date") -> tuple[Table, int]:
    """Merged events, filtered; sorted by date (default) or by independent sources, most first."""
    order = ("m.independent_sources DESC, m.independent_reports DESC, m.n_reports DESC, m.first_day" if sort == "sources"
             else "m.first_day NULLS LAST, m.type, m.actor, m.recipient")
    return page(con, _MERGED_SELECT, "merged_events m", filters.where(), order + ", m.merged_id", limit, offset)


def merged_event(con: duckdb.DuckDBPyConnection, merged_id: str) -> dict[str, Any] | None:
    """One merged event with every report: article, outlet, origin class, factuality, speaker, sentence."""
    head = run(con, f"SELECT {_MERGED_SELECT} FROM merged_events m WHERE m.merged_id = ?", [merged_id]).records()
    if not head:
        return None
    out = head[0]
    out["reports"] = run(con, """
        SELECT r.article_id, r.event_id, r.day, a.published, r.outlet, r.report, r.origin, r.copy_of, r.factuality,
               r.said_by, (SELECT list(d.derived_from || ' (' || d.kind || ')' ORDER BY d.derived_from) FROM derivations d
                           WHERE d.article_id = r.article_id) AS derived_from,
               a.title, e.trigger_text AS trigger,
               e.sentence_start, e.sentence_end,
               substr(src.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
        FROM merged_event_reports r JOIN articles a ON a.id = r.article_id
        JOIN events e ON e.article_id = coalesce(r.copy_of, r.article_id) AND e.event_id = r.event_id
        JOIN articles src ON src.id = coalesce(r.copy_of, r.article_id)
        WHERE r.merged_id = ? ORDER BY r.day NULLS LAST, a.published, r.article_id, r.event_id""",
        [merged_id]).records()
    return out


def actor_timeline(con: duckdb.DuckDBPyConnection, first: str, second: str | None = None, *, directed: bool = False,
                   since: dt.date | None = None, until: dt.date | None = None, min_sources: int | None = None,
                   min_reports: int | None = None, limit: int = 500, by: str | None = None) -> Table:
    """What one actor did and had done to it, or what passed between two (both ways unless ``directed``):
    merged events in date order, each once, with its two counts and their members: independent reports (the
    outlets that reported it, copies and derivations joined) and original sources (what those rest on)."""
    filters = MergedFilters(pair=(first, second) if second else None, directed=directed, since=since, until=until,
                            min_sources=min_sources, min_reports=min_reports)
    where = filters.where()
    if not second:
        (ca, pa), (cr, pr) = _party("actor", first), _party("recipient", first)
        where.add(f"({ca} OR {cr})", *pa, *pr)
    if by:
        return _periods(con, where, by)
    return run(con, f"""
        SELECT m.first_day AS day, m.type, m.actor, m.actor_country, m.recipient, m.recipient_country,
               m.factuality, m.independent_reports AS reports, m.independent_sources AS sources,
               m.report_members AS reported_by, m.source_members AS resting_on, m.n_reports AS articles, m.score,
               (SELECT a.title FROM merged_event_reports r JOIN articles a ON a.id = r.article_id
                WHERE r.merged_id = m.merged_id ORDER BY a.published, a.id LIMIT 1) AS first_report,
               m.merged_id
        FROM merged_events m WHERE {where.sql()}
        ORDER BY m.first_day NULLS LAST, m.type, m.merged_id LIMIT ?""", where.params + [limit])


def _periods(con: duckdb.DuckDBPyConnection, where: Where, by: str) -> Table:
    """The same merged events counted per ``by`` period (day, week from Monday, month). A merged event's day is
    always a day (its reports' own day, else their publication day: ``store.merges``), so nothing piles on the
    first day of a month or a year."""
    if by not in ("day", "week", "month"):
        raise ValueError(f"by: {by!r} is not one of day, week, month")
    return run(con, f"""
        SELECT CAST(date_trunc(?, m.first_day) AS DATE) AS day, ? AS period, count(*) AS merged_events,
               count(*) FILTER (WHERE m.score < 0) AS conflict, count(*) FILTER (WHERE m.score > 0) AS cooperation,
               sum(m.independent_reports) AS reports, list(DISTINCT m.type ORDER BY m.type) AS types
        FROM merged_events m WHERE {where.sql()} AND m.first_day IS NOT NULL
        GROUP BY 1 ORDER BY 1""", [by, by, *where.params])


@dataclass(frozen=True, slots=True)
class StoryFilters:
    """``q``: words of the title; ``actor``: one of the main actors (its whole name in any case, or a name the
    knowledge base knows in any language: ``names``); dates: stories
    that end on or after ``since`` and start on or before ``until``."""

    q: str | None = None
    actor: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    min_articles: int | None = None

    def where(self) -> Where:
        # no lambda: DuckDB 2 refuses the arrow form, DuckDB 1.2 (the floor) lacks the keyword one
        w = Where().words(self.q, article="s.founder", title=True)  # a story's title is its founder's
        if self.actor:
            cond, params = name_condition(self.actor, name="t.name", whole=True)
            w.add(f"EXISTS (SELECT 1 FROM unnest(s.actors) AS t(name) WHERE {cond})", *params)
        return (w.when(self.since, "s.last_day >= ?").when(self.until, "s.first_day <= ?")
                .when(self.min_articles, "s.n_articles >= ?"))


def stories(con: duckdb.DuckDBPyConnection, filters: StoryFilters = StoryFilters(), *, limit: int | None = 50,
            offset: int = 0) -> tuple[Table, int]:
    """Stories, largest first: title, span, articles, outlets, languages, main actors."""
    select = """s.story_id, s.title, s.first_day, s.last_day, s.n_articles, s.n_outlets, s.languages, s.actors,
        (SELECT count(*) FROM merged_events m WHERE list_contains(m.stories, s.story_id)) AS events"""
    return page(con, select, "stories s", filters.where(), "s.n_articles DESC, s.last_day DESC, s.story_id",
                limit, offset)


def story(con: duckdb.DuckDBPyConnection, story_id: str) -> dict[str, Any] | None:
    """One story: its head, its articles in order of arrival, its merged events and its repeated claims."""
    rows = run(con, """SELECT s.story_id, s.title, s.first_day, s.last_day, s.n_articles, s.n_outlets, s.languages,
                               s.actors, s.founder FROM stories s WHERE s.story_id = ?""", [story_id]).records()
    if not rows:
        return None
    out = rows[0]
    out["articles"] = run(con, """
        SELECT sa.n, a.id AS article_id, a.published, a.lang, a.title, a.source, sa.similarity, sa.copy_of,
               (SELECT list(d.derived_from || ' (' || d.kind || ')' ORDER BY d.derived_from) FROM derivations d
                WHERE d.article_id = sa.article_id) AS derived_from
        FROM story_articles sa JOIN articles a ON a.id = sa.article_id
        WHERE sa.story_id = ? ORDER BY sa.n""", [story_id]).records()
    out["events"] = merged_events(con, MergedFilters(story=story_id), limit=500)[0].records()
    out["claims"] = run(con, """
        SELECT DISTINCT mc.merged_id, mc.first_day, mc.speaker, mc.kind, mc.content, mc.n_articles,
               mc.independent_reports, mc.report_members, mc.independent_sources, mc.source_members,
               mc.wording_changed
        FROM merged_claims mc JOIN merged_claim_reports r ON r.merged_id = mc.merged_id
        JOIN story_articles sa ON sa.article_id = r.article_id
        WHERE sa.story_id = ? ORDER BY mc.first_day NULLS LAST, mc.merged_id""", [story_id]).records()
    return out


@dataclass(frozen=True, slots=True)
class StatementFilters:
    """``speaker``: a name in any language (``names``), else part of the speaker's name; ``q``: words of what was said (in any report); ``repeated``: only statements that
    more than one article reports."""

    speaker: str | None = None
    q: str | None = None
    repeated: bool = False

    def where(self) -> Where:
        w = Where()
        for word in query_words(self.q or ""):  # in any report's wording (a translation's too)
            w.add("""EXISTS (SELECT 1 FROM merged_claim_reports r
                     JOIN claims c ON c.article_id = coalesce(r.copy_of, r.article_id) AND c.claim_id = r.claim_id
                     JOIN words x ON x.article_id = c.article_id AND x.field = 'text'
                          AND x.start_char >= c.content_start AND x.start_char < c.content_end
                     WHERE r.merged_id = mc.merged_id AND x.word = ?)""", word)
        if self.q and not query_words(self.q):
            w.add("FALSE")
        if self.speaker:
            cond, params = name_condition(self.speaker, name="mc.speaker", key="mc.speaker_key")
            w.add(cond, *params)
        return w.add("mc.n_articles > 1") if self.repeated else w


def merged_claims(con: duckdb.DuckDBPyConnection, filters: StatementFilters = StatementFilters(), *,
                  limit: int | None = 50, offset: int = 0) -> tuple[Table, int]:
    """Statements across articles: earliest report, how many articles repeated it, whether wording changed."""
    select = """mc.merged_id, mc.first_day, mc.speaker, mc.kind, mc.content, mc.first_article, mc.n_articles,
        mc.independent_reports, mc.report_members, mc.independent_sources, mc.source_members, mc.wording_changed"""
    return page(con, select, "merged_claims mc", filters.where(),
                "mc.n_articles DESC, mc.first_day NULLS LAST, mc.merged_id", limit, offset)


def merged_claim(con: duckdb.DuckDBPyConnection, merged_id: str) -> dict[str, Any] | None:
    """One statement with every report, earliest first, and whether each kept the first wording."""
    rows = run(con, """SELECT merged_id, first_day, speaker, kind, content, first_article, first_claim, n_reports,
                               n_articles, independent_reports, report_members, independent_sources, source_members,
                               wording_changed FROM merged_claims
                        WHERE merged_id = ?""", [merged_id]).records()
    if not rows:
        return None
    out = rows[0]
    out["reports"] = run(con, """
        SELECT r.article_id, r.claim_id, r.published, r.outlet, r.report, r.origin, r.copy_of, r.same_wording, a.title, a.lang,
               c.speaker_canonical AS speaker, c.content_text AS content, c.content_start, c.content_end
        FROM merged_claim_reports r JOIN articles a ON a.id = r.article_id
        JOIN claims c ON c.article_id = coalesce(r.copy_of, r.article_id) AND c.claim_id = r.claim_id
        WHERE r.merged_id = ? ORDER BY r.published NULLS LAST, r.article_id, r.claim_id""", [merged_id]).records()
    return out


def source_distribution(con: duckdb.DuckDBPyConnection) -> Table:
    """How many merged events have 1, 2, 3… original sources (and how many of them merge 2+ reports)."""
    return run(con, """SELECT independent_sources AS sources, count(*) AS merged_events,
                               count(*) FILTER (WHERE n_reports > 1) AS with_several_reports
                        FROM merged_events GROUP BY 1 ORDER BY 1""", [])
