"""What every question to the store is made of: a ``Table`` of rows, a ``Where`` of parameterised terms, one
page of a listing, and the analyst's own read-only SQL.

User text reaches SQL only as a bound parameter. A search (``q``) finds words through the store's word index
(``Where.words``: "missile" finds the word, not "missiles"); a name filter that the knowledge base does not know
matches its characters literally (``like``: ``%`` and ``_`` are escaped), in every question.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from veille.errors import VeilleError
from veille.store.duckdb import TABLES, StoreError, connect
from veille.store.words import query_words

UNLIMITED = 2**62
"""The LIMIT of a listing asked without one (the CLI's)."""


@dataclass(frozen=True, slots=True)
class Table:
    columns: list[str]
    rows: list[tuple[Any, ...]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r)) for r in self.rows]

    def select(self, columns: list[str]) -> Table:
        """These columns only, in this order (the CLI shows fewer than the API answers)."""
        at = [self.columns.index(c) for c in columns]
        return Table(list(columns), [tuple(r[i] for i in at) for r in self.rows])


class QueryError(VeilleError):
    """An analyst's SQL failed, or tried to write."""


def open_readonly(db: str | Path, *, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A read-only connection that also cannot read or write other files (no COPY TO, no ATTACH); ``wait``:
    seconds to keep trying while a writer holds the file."""
    return connect(db, read_only=True, sandbox=True, wait=wait)


def like(text: str) -> str:
    """A substring pattern for ILIKE ... ESCAPE '\\' (the user's % and _ are literal)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(slots=True)
class Where:
    """The WHERE terms of a question and their parameters, in order; terms are fixed SQL, values parameters."""

    terms: list[str] = field(default_factory=lambda: ["TRUE"])
    params: list[Any] = field(default_factory=list)

    def add(self, term: str, *params: Any) -> Where:
        self.terms.append(term)
        self.params.extend(params)
        return self

    def when(self, value: Any, term: str) -> Where:
        """``term`` with ``value`` for each of its ``?``, when a value is given."""
        if value:
            self.add(term, *[value] * term.count("?"))
        return self

    def text(self, value: str | None, *columns: str) -> Where:
        """``value`` found, literally and in any case, in any of ``columns``."""
        if value:
            self.add("(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in columns) + ")", *[like(value)] * len(columns))
        return self

    def words(self, value: str | None, *, article: str, title: bool = False, text: bool = False,
              spans: tuple[tuple[str, str], ...] = ()) -> Where:
        """Every word of ``value`` (``veille.store.words``: case and accents aside) in the article ``article`` (a
        column expression), in its title (``title``), anywhere in its text (``text``) or inside one of ``spans``
        (start and end offset columns of the caller's row). A search without a word (``%``) finds nothing."""
        if not value:
            return self
        asked = query_words(value)
        if not asked:
            return self.add("FALSE")
        places = (["w.field = 'title'"] if title else []) + (["w.field = 'text'"] if text else [])
        places += [f"(w.field = 'text' AND w.start_char >= {s} AND w.start_char < {e})" for s, e in spans]
        for word in asked:
            self.add(f"EXISTS (SELECT 1 FROM words w WHERE w.article_id = {article} AND w.word = ? "
                     f"AND ({' OR '.join(places)}))", word)
        return self

    def sql(self) -> str:
        return " AND ".join(self.terms)


def run(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Table:
    cur = con.execute(sql, params)
    return Table([d[0] for d in cur.description], cur.fetchall())


def page(con: duckdb.DuckDBPyConnection, select: str, frm: str, where: Where, order: str, limit: int | None,
         offset: int) -> tuple[Table, int]:
    """One page of a listing and how many rows match in all."""
    cond = where.sql()
    total = con.execute(f"SELECT count(*) FROM {frm} WHERE {cond}", where.params).fetchone()[0]  # type: ignore[index]
    table = run(con, f"SELECT {select} FROM {frm} WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?",
                where.params + [UNLIMITED if limit is None else limit, offset])
    return table, int(total)


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per table (the figures an ingest is judged on)."""
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


__all__ = ["QueryError", "StoreError", "Table", "Where", "counts", "like", "open_readonly", "page",
           "run", "sql"]
