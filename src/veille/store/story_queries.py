"""Read-only questions about what spans articles: stories, merged events, repeated claims, timelines.

Shared by the CLI and the HTTP API, like ``queries``. An actor is named as everywhere else: an ISO3
code ("RUS": the country or anything of that country) or part of a canonical name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from veille.store.queries import Table, _like, _page, _run, party_condition


def _party(side: str, value: str) -> tuple[str, list[Any]]:
    return party_condition(f"m.{side}_country", f"m.{side}", value)


def _merged_filters(*, actor: str | None = None, recipient: str | None = None, pair: tuple[str, str] | None = None,
                    directed: bool = False, type: str | None = None, since: dt.date | None = None,
                    until: dt.date | None = None, min_sources: int | None = None, story: str | None = None,
                    min_reports: int | None = None) -> tuple[list[str], list[Any]]:
    where, params = ["TRUE"], []
    for side, value in (("actor", actor), ("recipient", recipient)):
        if value:
            cond, p = _party(side, value)
            where.append(cond)
            params += p
    if pair:
        a, b = pair
        (ca, pa), (cb, pb) = _party("actor", a), _party("recipient", b)
        if directed:
            where.append(f"({ca} AND {cb})")
            params += pa + pb
        else:
            (ra, qa), (rb, qb) = _party("actor", b), _party("recipient", a)
            where.append(f"(({ca} AND {cb}) OR ({ra} AND {rb}))")
            params += pa + pb + qa + qb
    if type:
        where.append("m.type = upper(?)")
        params.append(type)
    if since:
        where.append("m.last_day >= ?")
        params.append(since)
    if until:
        where.append("m.first_day <= ?")
        params.append(until)
    if min_sources:
        where.append("m.independent_sources >= ?")
        params.append(min_sources)
    if min_reports:
        where.append("m.independent_reports >= ?")
        params.append(min_reports)
    if story:
        where.append("list_contains(m.stories, ?)")
        params.append(story)
    return where, params


_MERGED_SELECT = """m.merged_id, m.first_day, m.last_day, m.type, m.actor, m.actor_country, m.recipient,
    m.recipient_country, m.independent_reports, m.report_members, m.independent_sources, m.source_members,
    m.n_reports, m.n_articles, m.factuality, m.score, m.stories"""


def merged_events(con: duckdb.DuckDBPyConnection, *, limit: int = 50, offset: int = 0, sort: str = "date",
                  **filters: Any) -> tuple[Table, int]:
    """Merged events, filtered; sorted by date (default) or by independent sources, most first."""
    where, params = _merged_filters(**filters)
    order = ("m.independent_sources DESC, m.independent_reports DESC, m.n_reports DESC, m.first_day" if sort == "sources"
             else "m.first_day NULLS LAST, m.type, m.actor, m.recipient")
    return _page(con, _MERGED_SELECT, "merged_events m", where, params, order + ", m.merged_id", limit, offset)


def merged_event(con: duckdb.DuckDBPyConnection, merged_id: str) -> dict[str, Any] | None:
    """One merged event with every report: article, outlet, origin class, factuality, speaker, sentence."""
    head = _run(con, f"SELECT {_MERGED_SELECT} FROM merged_events m WHERE m.merged_id = ?", [merged_id]).records()
    if not head:
        return None
    out = head[0]
    out["reports"] = _run(con, """
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


def timeline(con: duckdb.DuckDBPyConnection, first: str, second: str | None = None, *, directed: bool = False,
             since: dt.date | None = None, until: dt.date | None = None, min_sources: int | None = None,
             min_reports: int | None = None, limit: int = 500) -> Table:
    """What one actor did and had done to it, or what passed between two (both ways unless ``directed``):
    merged events in date order, each once, with its two counts and their members: independent reports (the
    outlets that reported it, copies and derivations joined) and original sources (what those rest on)."""
    if second:
        where, params = _merged_filters(pair=(first, second), directed=directed, since=since, until=until,
                                        min_sources=min_sources, min_reports=min_reports)
    else:
        (ca, pa), (cr, pr) = _party("actor", first), _party("recipient", first)
        where, params = _merged_filters(since=since, until=until, min_sources=min_sources, min_reports=min_reports)
        where.append(f"({ca} OR {cr})")
        params += pa + pr
    return _run(con, f"""
        SELECT m.first_day AS day, m.type, m.actor, m.actor_country, m.recipient, m.recipient_country,
               m.factuality, m.independent_reports AS reports, m.independent_sources AS sources,
               m.report_members AS reported_by, m.source_members AS resting_on, m.n_reports AS articles, m.score,
               (SELECT a.title FROM merged_event_reports r JOIN articles a ON a.id = r.article_id
                WHERE r.merged_id = m.merged_id ORDER BY a.published, a.id LIMIT 1) AS first_report,
               m.merged_id
        FROM merged_events m WHERE {' AND '.join(where)}
        ORDER BY m.first_day NULLS LAST, m.type, m.merged_id LIMIT ?""", params + [limit])


def stories(con: duckdb.DuckDBPyConnection, *, q: str | None = None, actor: str | None = None,
            since: dt.date | None = None, until: dt.date | None = None, min_articles: int | None = None,
            limit: int = 50, offset: int = 0) -> tuple[Table, int]:
    """Stories, largest first: title, span, articles, outlets, languages, main actors."""
    where, params = ["TRUE"], []
    if q:
        where.append("s.title ILIKE ? ESCAPE '\\'")
        params.append(_like(q))
    if actor:
        # no lambda: DuckDB 2 refuses the arrow form, DuckDB 1.2 (the floor) lacks the keyword one
        where.append("EXISTS (SELECT 1 FROM unnest(s.actors) AS t(name) WHERE lower(t.name) = lower(?))")
        params.append(actor)
    if since:
        where.append("s.last_day >= ?")
        params.append(since)
    if until:
        where.append("s.first_day <= ?")
        params.append(until)
    if min_articles:
        where.append("s.n_articles >= ?")
        params.append(min_articles)
    select = """s.story_id, s.title, s.first_day, s.last_day, s.n_articles, s.n_outlets, s.languages, s.actors,
        (SELECT count(*) FROM merged_events m WHERE list_contains(m.stories, s.story_id)) AS events"""
    return _page(con, select, "stories s", where, params, "s.n_articles DESC, s.last_day DESC, s.story_id",
                 limit, offset)


def story(con: duckdb.DuckDBPyConnection, story_id: str) -> dict[str, Any] | None:
    """One story: its head, its articles in order of arrival, its merged events and its repeated claims."""
    rows = _run(con, """SELECT s.story_id, s.title, s.first_day, s.last_day, s.n_articles, s.n_outlets, s.languages,
                               s.actors, s.founder FROM stories s WHERE s.story_id = ?""", [story_id]).records()
    if not rows:
        return None
    out = rows[0]
    out["articles"] = _run(con, """
        SELECT sa.n, a.id AS article_id, a.published, a.lang, a.title, a.source, sa.similarity, sa.copy_of,
               (SELECT list(d.derived_from || ' (' || d.kind || ')' ORDER BY d.derived_from) FROM derivations d
                WHERE d.article_id = sa.article_id) AS derived_from
        FROM story_articles sa JOIN articles a ON a.id = sa.article_id
        WHERE sa.story_id = ? ORDER BY sa.n""", [story_id]).records()
    out["events"] = merged_events(con, story=story_id, limit=500)[0].records()
    out["claims"] = _run(con, """
        SELECT DISTINCT mc.merged_id, mc.first_day, mc.speaker, mc.kind, mc.content, mc.n_articles,
               mc.independent_reports, mc.report_members, mc.independent_sources, mc.source_members,
               mc.wording_changed
        FROM merged_claims mc JOIN merged_claim_reports r ON r.merged_id = mc.merged_id
        JOIN story_articles sa ON sa.article_id = r.article_id
        WHERE sa.story_id = ? ORDER BY mc.first_day NULLS LAST, mc.merged_id""", [story_id]).records()
    return out


def merged_claims(con: duckdb.DuckDBPyConnection, *, speaker: str | None = None, q: str | None = None,
                  repeated: bool = False, limit: int = 50, offset: int = 0) -> tuple[Table, int]:
    """Statements across articles: earliest report, how many articles repeated it, whether wording changed."""
    where, params = ["TRUE"], []
    if speaker:
        where.append("mc.speaker ILIKE ? ESCAPE '\\'")
        params.append(_like(speaker))
    if q:
        where.append("mc.content ILIKE ? ESCAPE '\\'")
        params.append(_like(q))
    if repeated:
        where.append("mc.n_articles > 1")
    select = """mc.merged_id, mc.first_day, mc.speaker, mc.kind, mc.content, mc.first_article, mc.n_articles,
        mc.independent_reports, mc.report_members, mc.independent_sources, mc.source_members, mc.wording_changed"""
    return _page(con, select, "merged_claims mc", where, params,
                 "mc.n_articles DESC, mc.first_day NULLS LAST, mc.merged_id", limit, offset)


def merged_claim(con: duckdb.DuckDBPyConnection, merged_id: str) -> dict[str, Any] | None:
    """One statement with every report, earliest first, and whether each kept the first wording."""
    rows = _run(con, """SELECT merged_id, first_day, speaker, kind, content, first_article, first_claim, n_reports,
                               n_articles, independent_reports, report_members, independent_sources, source_members,
                               wording_changed FROM merged_claims
                        WHERE merged_id = ?""", [merged_id]).records()
    if not rows:
        return None
    out = rows[0]
    out["reports"] = _run(con, """
        SELECT r.article_id, r.claim_id, r.published, r.outlet, r.report, r.origin, r.copy_of, r.same_wording, a.title, a.lang,
               c.speaker_canonical AS speaker, c.content_text AS content, c.content_start, c.content_end
        FROM merged_claim_reports r JOIN articles a ON a.id = r.article_id
        JOIN claims c ON c.article_id = coalesce(r.copy_of, r.article_id) AND c.claim_id = r.claim_id
        WHERE r.merged_id = ? ORDER BY r.published NULLS LAST, r.article_id, r.claim_id""", [merged_id]).records()
    return out


def source_distribution(con: duckdb.DuckDBPyConnection) -> Table:
    """How many merged events have 1, 2, 3… original sources (and how many of them merge 2+ reports)."""
    return _run(con, """SELECT independent_sources AS sources, count(*) AS merged_events,
                               count(*) FILTER (WHERE n_reports > 1) AS with_several_reports
                        FROM merged_events GROUP BY 1 ORDER BY 1""", [])
