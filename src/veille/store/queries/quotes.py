"""The quotes view of media researchers: who is quoted, how often, in which outlets, and each quote with its
evidence; each speaker with the role and organisation the text or the knowledge base gives, and a gender only
where a source says it (``veille.kb.gender``: "unknown" otherwise)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

import duckdb

from veille.kb import Record, knowledge_base
from veille.kb.gender import GENDERS, gender_of
from veille.model import ENTITY_KEY_SQL
from veille.store.queries.base import Table, Where, run

QUOTES = f"""(SELECT c.article_id, c.claim_id, c.kind, c.factuality, c.date, c.content_text AS content,
                     c.content_start, c.content_end, c.speaker_text, c.speaker_country,
                     coalesce(c.speaker_canonical, c.speaker_text) AS speaker,
                     a.source AS outlet, a.published, a.title, se.type AS speaker_type, se.kb_id AS speaker_kb,
                     se.roles AS speaker_roles,
                     CASE WHEN se.entity_id IS NOT NULL THEN {ENTITY_KEY_SQL.format(a='se.')}
                          WHEN c.speaker_text IS NOT NULL THEN 'TEXT:' || lower(c.speaker_text) END AS speaker_key
              FROM claims c JOIN articles a ON a.id = c.article_id
              LEFT JOIN entities se ON se.article_id = c.article_id AND se.entity_id = c.speaker_entity) q"""
"""Every claim with its article's outlet and date and its speaker's entity: a speaker is one entity across
articles (its key), else the words that name it."""


@dataclass(frozen=True, slots=True)
class QuoteFilters:
    """``outlet``: the article's source, whole, any case; dates: publication dates; ``speaker``: a speaker key
    (``/quotes/speakers``); ``gender``: one of ``GENDERS``; ``q``: words in the quote."""

    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    speaker: str | None = None
    gender: str | None = None
    q: str | None = None

    def where(self) -> Where:
        return (Where().when(self.outlet, "lower(q.outlet) = lower(?)").when(self.since, "q.published >= ?")
                .when(self.until, "q.published <= ?").when(self.speaker, "q.speaker_key = ?").text(self.q, "q.content"))


def speakers(con: duckdb.DuckDBPyConnection, filters: QuoteFilters = QuoteFilters(), *, limit: int | None = 50,
             offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Speakers, most quoted first, with their quotes, articles and outlets, role, organisation and gender (with
    its source), and how many match."""
    rows = _speakers(con, filters)
    if filters.gender:
        rows = [r for r in rows if r["gender"] == filters.gender]
    end = None if limit is None else offset + limit
    return rows[offset:end], len(rows)


def _speakers(con: duckdb.DuckDBPyConnection, filters: QuoteFilters) -> list[dict[str, Any]]:
    where = filters.where()
    rows = run(con, f"""
        SELECT coalesce(q.speaker_key, '') AS speaker_key, min(q.speaker) AS speaker, any_value(q.speaker_type) AS type,
               mode(q.speaker_country) AS country, max(q.speaker_kb) AS kb_id, count(*) AS quotes,
               count(DISTINCT q.article_id) AS articles, count(DISTINCT q.outlet) AS outlets,
               flatten(list(coalesce(q.speaker_roles, []))) AS text_roles,
               min(q.published) AS first_published, max(q.published) AS last_published
        FROM {QUOTES} WHERE {where.sql()}
        GROUP BY 1 ORDER BY quotes DESC, articles DESC, speaker NULLS LAST, speaker_key""", where.params).records()
    for r in rows:
        g = gender_of(r["speaker"], r["type"])
        r["gender"], r["gender_source"] = g.value, g.source
        record = _kb_by_id().get(r["kb_id"] or "")
        text_roles = r.pop("text_roles")
        r["role"], r["organisation"], r["role_source"] = _role(text_roles, record)
        r["speaker_key"] = r["speaker_key"] or None
    return rows


def quotes(con: duckdb.DuckDBPyConnection, filters: QuoteFilters = QuoteFilters(), *, limit: int | None = 50,
           offset: int = 0) -> tuple[Table, int]:
    """Quotes (claims), newest first, each with its speaker's gender and the offsets of its words in the article."""
    where = filters.where()
    if filters.gender:
        keys = [r["speaker_key"] for r in _speakers(con, filters) if r["gender"] == filters.gender and r["speaker_key"]]
        nobody = " OR q.speaker_key IS NULL" if filters.gender == "unknown" else ""
        where.add(f"(list_contains(?, q.speaker_key){nobody})", keys)
    total = con.execute(f"SELECT count(*) FROM {QUOTES} WHERE {where.sql()}", where.params).fetchone()[0]  # type: ignore[index]
    table = run(con, f"""
        SELECT q.published, q.outlet, q.speaker, q.speaker_key, q.speaker_type, q.kind, q.factuality, q.content,
               q.article_id, q.claim_id, q.content_start, q.content_end, q.title
        FROM {QUOTES} WHERE {where.sql()}
        ORDER BY q.published DESC NULLS LAST, q.article_id, q.content_start LIMIT ? OFFSET ?""",
                where.params + [2**62 if limit is None else limit, offset])
    genders = [gender_of(r[2], r[4]).value for r in table.rows]
    return Table([*table.columns, "gender"], [(*r, g) for r, g in zip(table.rows, genders)]), int(total)


def summary(con: duckdb.DuckDBPyConnection, filters: QuoteFilters = QuoteFilters()) -> dict[str, Any]:
    """Quotes and speakers per gender (every gender, zeros included), and quotes per outlet."""
    rows = _speakers(con, filters)
    by_gender = {g: {"speakers": 0, "quotes": 0} for g in GENDERS}
    for r in rows:
        by_gender[r["gender"]]["speakers"] += 1
        by_gender[r["gender"]]["quotes"] += r["quotes"]
    where = filters.where()
    outlets = run(con, f"""SELECT q.outlet, count(*) AS quotes FROM {QUOTES} WHERE {where.sql()} AND q.outlet IS NOT NULL
                           GROUP BY 1 ORDER BY 2 DESC, 1""", where.params).records()
    return {"genders": by_gender, "outlets": outlets, "gender_source": "veille.kb.gender: a first-name list "
            "(nomquamgender, MIT); the knowledge base holds no gender"}


def _role(text_roles: list[str], record: Record | None) -> tuple[str | None, str | None, str | None]:
    """The role the articles give most often ("le porte-parole de la Maison Blanche"), else the knowledge base's
    current one (its latest), with its organisation; and where it comes from."""
    held = sorted(record.roles if record else (), key=lambda r: (r.get("end") is None, r.get("start") or ""))
    kb_role = held[-1] if held else None
    organisation = kb_role.get("org") if kb_role else None
    if text_roles:
        return Counter(text_roles).most_common(1)[0][0], organisation, "the articles"
    if kb_role:
        return str(kb_role.get("role") or "").replace("_", " ") or None, organisation, "knowledge base"
    return None, None, None


@cache
def _kb_by_id() -> dict[str, Record]:
    return {r.kb_id: r for r in knowledge_base().records.values() if r.kb_id}


__all__ = ["QuoteFilters", "quotes", "speakers", "summary"]
