"""Exports: the contract's JSONL, one CSV per table, Parquet partitioned by date and language, PLOVER records,
and the articles analysts corrected as gold files (``veille.gold/1``).

CSV and Parquet files are written by DuckDB's own ``COPY``. A COPY target cannot be a bound
parameter, so the folder is written as a quoted SQL literal (``sql_string``) and the table names come from
the fixed list ``TABLES``: no user text reaches SQL otherwise.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from veille.errors import VeilleError
from veille.formats import gold_record, plover_records
from veille.store.duckdb import TABLES, connect, sql_string
from veille.store.output import BOM
from veille.store.queries.corrections import corrected, corrected_ids
from veille.store.stories import STORY_TABLES

FORMATS = ("jsonl", "csv", "parquet", "plover", "gold")

def parquet_query(table: str) -> str:
    """The rows of an article-bound table as its Parquet files hold them, with the hive keys ``pub_date`` and
    ``lang``: the export's, and a batch partition's (``veille.batch.tasks``), so ``veille load`` reads either."""
    if table == "articles":
        return ("SELECT * EXCLUDE (minhash, lang), coalesce(CAST(published AS VARCHAR), 'unknown') AS pub_date, "
                "coalesce(lang, 'und') AS lang FROM articles")
    return (f"SELECT t.*, coalesce(CAST(a.published AS VARCHAR), 'unknown') AS pub_date, "
            f"coalesce(a.lang, 'und') AS lang FROM {table} t JOIN articles a ON a.id = t.article_id")


def export(db: str | Path, *, fmt: str, out: str | Path, overwrite: bool = False, bom: bool = False) -> dict[str, int]:
    """Write the store at ``db`` to the folder ``out`` in ``fmt``; returns rows written per file or table.

    A folder that holds anything is refused unless ``overwrite`` (nothing of an earlier export is mixed in by
    mistake); ``bom``: CSV files begin with a UTF-8 byte-order mark (Excel)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    out = Path(out)
    if not overwrite and out.is_dir() and any(out.iterdir()):
        raise VeilleError(f"{out} is not empty: give --overwrite to write into it, or name a new folder")
    out.mkdir(parents=True, exist_ok=True)
    con = connect(db, read_only=True)
    try:
        if fmt == "csv":
            return export_csv(con, out, bom=bom)
        return {"jsonl": export_jsonl, "parquet": export_parquet, "plover": export_plover, "gold": export_gold}[fmt](con, out)
    finally:
        con.close()


def export_jsonl(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, int]:
    """``analyses.jsonl``: one analysis per analysed article, in the contract's form (article text included)."""
    n = 0
    with (out / "analyses.jsonl").open("w", encoding="utf-8") as fh:
        for analysis in stored_analyses(con, "id"):
            fh.write(json.dumps(analysis, ensure_ascii=False) + "\n")
            n += 1
    return {"analyses.jsonl": n}


def stored_analyses(con: duckdb.DuckDBPyConnection, order: str) -> Iterator[dict[str, Any]]:
    """Every stored analysis in the contract's form (its text put back), in ``order`` (fixed SQL, never user text)."""
    cur = con.execute(f"SELECT analysis, text FROM articles WHERE analysis IS NOT NULL ORDER BY {order}")
    while batch := cur.fetchmany(500):
        for analysis, text in batch:
            obj = json.loads(analysis)
            obj["article"]["text"] = text
            yield obj


def export_csv(con: duckdb.DuckDBPyConnection, out: Path, *, bom: bool = False) -> dict[str, int]:
    """``TABLE.csv`` for every table (articles without their analysis JSON and MinHash: see the JSONL; story
    tables without the embeddings, which only the Parquet export carries); list cells are JSON arrays, which any
    tool reads (DuckDB would write its own ``[a, b]``); ``bom``: each file begins with a UTF-8 byte-order mark."""
    done = {}
    for table in (*TABLES, *(t for t in STORY_TABLES if t != "article_vectors")):
        target = out / f"{table}.csv"
        con.execute(f"COPY ({_select(con, table)}) TO {sql_string(target)} (FORMAT csv, HEADER)")
        if bom:
            _prepend_bom(target)
        done[target.name] = _count(con, table)
    return done


def _prepend_bom(path: Path) -> None:
    """DuckDB's COPY writes no byte-order mark: the file is copied behind one, in blocks."""
    tmp = path.with_name(path.name + ".tmp")
    with path.open("rb") as src, tmp.open("wb") as dst:
        dst.write(BOM.encode("utf-8"))
        shutil.copyfileobj(src, dst, 1 << 20)
    tmp.replace(path)


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, int]:
    """``parquet/TABLE/pub_date=YYYY-MM-DD/lang=xx/*.parquet`` (hive layout) for every article-bound table."""
    done = {}
    (out / "parquet").mkdir(exist_ok=True)
    for table in TABLES:
        if table == "failures":
            continue
        target = out / "parquet" / table
        query = parquet_query(table)
        con.execute(f"COPY ({query}) TO {sql_string(target)} "
                    "(FORMAT parquet, PARTITION_BY (pub_date, lang), OVERWRITE_OR_IGNORE true)")
        done[f"parquet/{table}"] = _count(con, table)
    for table in STORY_TABLES:  # across articles: one file each, no date or language of their own
        target = out / "parquet" / f"{table}.parquet"
        con.execute(f"COPY (SELECT * FROM {table}) TO {sql_string(target)} (FORMAT parquet)")
        done[f"parquet/{table}.parquet"] = _count(con, table)
    return done


def export_plover(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, int]:
    """``plover.jsonl``: one PLOVER record per event (``veille.formats.plover_records``, as ``veille analyze
    --format plover`` writes them), articles in publication order."""
    n = 0
    with (out / "plover.jsonl").open("w", encoding="utf-8") as fh:
        for analysis in stored_analyses(con, "published NULLS LAST, id"):
            for record in plover_records(analysis):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
    return {"plover.jsonl": n}


def export_gold(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, int]:
    """``NAME.gold.json`` (``veille.gold/1``) and ``texts/NAME.txt`` for every article an analyst corrected: its
    analysis with the corrections applied, so that ``veille eval OUT analyses.jsonl`` grades the engine against
    them. The count is each file's corrections."""
    done = {}
    texts = out / "texts"
    for article_id in corrected_ids(con):
        view = corrected(con, article_id)
        assert view is not None
        analysis = view["analysis"]
        name = _file_name(article_id)
        texts.mkdir(exist_ok=True)
        (texts / f"{name}.txt").write_text(analysis["article"]["text"], encoding="utf-8", newline="")
        applied = [c for c in view["changes"] if not c.get("skipped")]
        who = sorted({c["author"] for c in applied})
        note = (f"veille's analysis with {len(applied)} correction(s) by {', '.join(who)} "
                f"(veille export --format gold); everything else is the engine's, as the analysts left it")
        record = gold_record(analysis, file=f"texts/{name}.txt", note=note)
        (out / f"{name}.gold.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        done[f"{name}.gold.json"] = len(applied)
    return done


def _file_name(article_id: str) -> str:
    """A file name for an article id (``wikinews:2019:015`` → ``wikinews_2019_015``): ids may hold any character."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", article_id).strip("._") or "article"


def _select(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """The rows of ``table`` for its CSV file, list columns as JSON (column names come from the catalog)."""
    columns = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
                          "ORDER BY ordinal_position", [table]).fetchall()
    skip = {"minhash", "analysis"} if table == "articles" else set()
    select = ", ".join(f'to_json("{name}") AS "{name}"' if kind.endswith("[]") else f'"{name}"'
                       for name, kind in columns if name not in skip)
    return f"SELECT {select} FROM {table}" + (" ORDER BY id" if table == "articles" else "")


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
