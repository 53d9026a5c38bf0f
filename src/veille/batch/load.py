"""A batch's Parquet output into the DuckDB store, in one transaction.

Only files that a partition's manifest lists are read (a partition still being written has none).
Articles the store already holds with the same text are left as they are; a new version of an article
replaces the old one with all its rows, as ``veille ingest`` does. Copies are judged within the batch
(``veille batch``), not against what the store held before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import fsspec
from fsspec.implementations.local import LocalFileSystem

from veille.batch.tasks import MANIFESTS, SIGNATURES, damage
from veille.errors import VeilleError
from veille.store.duckdb import TABLES, connect, sql_string, transaction
from veille.store.words import index_missing


class BatchDamaged(VeilleError):
    """A committed partition's files are missing or not what its manifest recorded."""

_CHILD_TABLES = [t for t in TABLES if t not in ("articles", "failures")]


def manifests(out: str) -> list[dict[str, Any]]:
    """The committed partitions of a batch output, in input order."""
    fs, root = fsspec.core.url_to_fs(out)
    found = [json.loads(fs.cat_file(p)) for p in fs.glob(f"{root}/{MANIFESTS}/*.json")]
    return sorted(found, key=lambda m: m["seq"])


def files_by_table(out: str) -> dict[str, list[str]]:
    """Every committed Parquet file of each table, as a path or URL DuckDB can open."""
    fs, root = fsspec.core.url_to_fs(out)
    prefix = "" if isinstance(fs, LocalFileSystem) else out.split("://", 1)[0] + "://"
    files: dict[str, list[str]] = {t: [] for t in (*TABLES, SIGNATURES)}
    for m in manifests(out):
        for table, rels in m["files"].items():
            files.setdefault(table, [])
            files[table] += [f"{prefix}{root}/{rel}" for rel in rels]
    return files


def load(out: str, *, db: str | Path) -> dict[str, int]:
    """Bring the batch output at ``out`` into the store at ``db``; returns what was added, kept and replaced.

    Every committed partition's files are checked against its manifest first: a damaged output is refused
    whole (``BatchDamaged``, naming the partitions), since a re-run of ``veille batch`` repairs it."""
    fs, root = fsspec.core.url_to_fs(out)
    damaged = [f"{m['id']} ({'; '.join(problems)})" for m in manifests(out) if (problems := damage(fs, root, m))]
    if damaged:
        raise BatchDamaged(f"{out}: partition {', '.join(damaged)}: run `veille batch` again with the same "
                           "inputs and --out to rewrite it")
    files = files_by_table(out)
    con = connect(db)
    try:
        if not isinstance(fs, LocalFileSystem):
            con.register_filesystem(fs)
        with transaction(con):
            result = _load(con, files)
    finally:
        con.close()
    return result


def _load(con: duckdb.DuckDBPyConnection, files: dict[str, list[str]]) -> dict[str, int]:
    for table in TABLES:
        if files[table]:
            source = f"read_parquet({_list(files[table])}, hive_partitioning = true, union_by_name = true)"
            drop = "" if table == "failures" else " EXCLUDE (pub_date)"
            con.execute(f"CREATE TEMP TABLE batch_{table} AS SELECT *{drop} FROM {source}")
        else:
            con.execute(f"CREATE TEMP TABLE batch_{table} AS SELECT * FROM {table} LIMIT 0")
            if table != "failures":
                con.execute(f"ALTER TABLE batch_{table} ADD COLUMN IF NOT EXISTS lang VARCHAR")
    con.execute("UPDATE batch_articles SET lang = NULL WHERE lang = 'und'")
    con.execute("""CREATE TEMP TABLE batch_known AS
                   SELECT b.id, a.text_sha256 = b.text_sha256 AS same FROM batch_articles b JOIN articles a ON a.id = b.id""")
    kept = int(con.execute("SELECT count(*) FROM batch_known WHERE same").fetchone()[0])  # type: ignore[index]
    replaced = int(con.execute("SELECT count(*) FROM batch_known WHERE NOT same").fetchone()[0])  # type: ignore[index]
    for table in _CHILD_TABLES:
        con.execute(f"DELETE FROM batch_{table} WHERE article_id IN (SELECT id FROM batch_known WHERE same)")
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM batch_known WHERE NOT same)")
    con.execute("DELETE FROM words WHERE article_id IN (SELECT id FROM batch_known WHERE NOT same)")
    con.execute("DELETE FROM batch_articles WHERE id IN (SELECT id FROM batch_known WHERE same)")
    con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM batch_known WHERE NOT same)")
    added = {}
    for table in ("articles", *_CHILD_TABLES):
        select = "* EXCLUDE (lang)" if table != "articles" else "*"
        con.execute(f"INSERT INTO {table} BY NAME SELECT {select} FROM batch_{table}")
        added[table] = int(con.execute(f"SELECT count(*) FROM batch_{table}").fetchone()[0])  # type: ignore[index]
    if files[SIGNATURES]:  # the copy index of a later ``veille ingest`` into this store needs them
        con.execute(f"""UPDATE articles SET minhash = s.minhash
                        FROM read_parquet({_list(files[SIGNATURES])}) s
                        WHERE articles.id = s.id AND articles.id IN (SELECT id FROM batch_articles)""")
    con.execute("DELETE FROM failures WHERE item IN (SELECT item FROM batch_failures) "
                "OR item IN (SELECT id FROM batch_articles)")
    con.execute("INSERT INTO failures BY NAME SELECT * FROM batch_failures")
    added["failures"] = int(con.execute("SELECT count(*) FROM batch_failures").fetchone()[0])  # type: ignore[index]
    for table in TABLES:
        con.execute(f"DROP TABLE batch_{table}")
    con.execute("DROP TABLE batch_known")
    index_missing(con)  # the word index is the store's own: a batch partition does not carry it
    return {**added, "articles_already_stored": kept, "articles_replaced": replaced}


def _list(paths: list[str]) -> str:
    """File paths as a SQL list literal (a table function takes no parameter list for its files)."""
    return "[" + ", ".join(sql_string(p) for p in paths) + "]"
