"""Exports: the contract's JSONL, one CSV per table, Parquet partitioned by date and language, PLOVER rows.

CSV, Parquet and PLOVER files are written by DuckDB's own ``COPY``. A COPY target cannot be a bound
parameter, so the folder is written as a quoted SQL literal (``_literal``) and the table names come from
the fixed list ``TABLES``: no user text reaches SQL otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from veille.store.duckdb import TABLES, connect
from veille.store.stories import STORY_TABLES

FORMATS = ("jsonl", "csv", "parquet", "plover")

_PLOVER = """
    SELECT e.article_id || ':' || e.event_id AS event_id,
           e.day AS event_date, e.date AS event_date_timeml,
           e.type AS event_type, e.mode AS event_mode, array_to_string(e.context, ';') AS contexts,
           e.actor_canonical AS actor_name, e.actor_country, e.actor_agent AS actor_sector,
           e.recipient_canonical AS recipient_name, e.recipient_country, e.recipient_agent AS recipient_sector,
           e.location AS placename, e.factuality, e.confidence, e.score AS intensity,
           c.speaker_canonical AS attributed_to,
           substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS event_text,
           e.trigger_text AS trigger, a.published AS publication_date, a.source AS feed, a.url,
           a.id AS story_id, a.lang AS language
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN claims c ON c.article_id = e.article_id AND c.claim_id = e.attributed_to
    ORDER BY a.published NULLS LAST, e.article_id, e.event_id"""


def export(db: str | Path, *, fmt: str, out: str | Path) -> dict[str, int]:
    """Write the store at ``db`` to the folder ``out`` in ``fmt``; returns rows written per file or table."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    con = connect(db, read_only=True)
    try:
        return {"jsonl": export_jsonl, "csv": export_csv, "parquet": export_parquet, "plover": export_plover}[fmt](con, out)
    finally:
        con.close()


def export_jsonl(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, int]:
    """``analyses.jsonl``: one analysis per analysed article, in the contract's form (article text included)."""
    n = 0
    cur = con.execute("SELECT analysis, text FROM articles WHERE analysis IS NOT NULL ORDER BY id")
    with (out / "analyses.jsonl").open("w", encoding="utf-8") as fh:
        while batch := cur.fetchmany(500):
            for analysis, text in batch:
                obj = json.loads(analysis)
                obj["article"]["text"] = text
                fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
                n += 1
    return {"analyses.jsonl": n}


def export_csv(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, int]:
    """``TABLE.csv`` for every table (articles without their analysis JSON and MinHash: see the JSONL; story
    tables without the embeddings, which only the Parquet export carries)."""
    done = {}
    for table in (*TABLES, *(t for t in STORY_TABLES if t != "article_vectors")):
        target = out / f"{table}.csv"
        con.execute(f"COPY ({_select(table)}) TO {_literal(target)} (FORMAT csv, HEADER)")
        done[target.name] = _count(con, table)
    return done


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, int]:
    """``parquet/TABLE/pub_date=YYYY-MM-DD/lang=xx/*.parquet`` (hive layout) for every article-bound table."""
    done = {}
    (out / "parquet").mkdir(exist_ok=True)
    for table in TABLES:
        if table == "failures":
            continue
        target = out / "parquet" / table
        if table == "articles":
            query = ("SELECT * EXCLUDE (minhash, lang), coalesce(CAST(published AS VARCHAR), 'unknown') AS pub_date, "
                     "coalesce(lang, 'und') AS lang FROM articles")
        else:
            query = (f"SELECT t.*, coalesce(CAST(a.published AS VARCHAR), 'unknown') AS pub_date, "
                     f"coalesce(a.lang, 'und') AS lang FROM {table} t JOIN articles a ON a.id = t.article_id")
        con.execute(f"COPY ({query}) TO {_literal(target)} "
                    "(FORMAT parquet, PARTITION_BY (pub_date, lang), OVERWRITE_OR_IGNORE true)")
        done[f"parquet/{table}"] = _count(con, table)
    for table in STORY_TABLES:  # across articles: one file each, no date or language of their own
        target = out / "parquet" / f"{table}.parquet"
        con.execute(f"COPY (SELECT * FROM {table}) TO {_literal(target)} (FORMAT parquet)")
        done[f"parquet/{table}.parquet"] = _count(con, table)
    return done


def export_plover(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, int]:
    """``plover.tsv``: one POLECAT-style row per event (type, mode, contexts, actors, sectors, dates, text)."""
    target = out / "plover.tsv"
    con.execute(f"COPY ({_PLOVER}) TO {_literal(target)} (FORMAT csv, HEADER, DELIMITER '\t')")
    return {target.name: _count(con, "events")}


def _select(table: str) -> str:
    if table == "articles":
        return "SELECT * EXCLUDE (minhash, analysis) FROM articles ORDER BY id"
    return f"SELECT * FROM {table}"


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]


def _literal(path: Path) -> str:
    """A file path as a SQL string literal (COPY takes no parameter for its target)."""
    return "'" + str(path).replace("'", "''") + "'"
