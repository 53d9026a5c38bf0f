"""The DuckDB store: opening it, migrating it, and writing articles whole.

One writer: only the ingest loop's process writes, through ``Store.write``, and every call is one
transaction holding whole articles (their row in ``articles`` and all their entities, mentions, times,
events, claims and claim sources), so a kill at any moment leaves either all of an article or none.
Readers open the file read-only. DuckDB lets one process hold a file for writing, or any number hold it
for reading, never both: so ``veille ingest`` opens the file only for each of its reads and writes
(``Store(hold=False)``) and a read-only ``veille serve`` only for each request, and each waits for the
other's short hold (``connect(wait=…)``) instead of failing (docs/store.md, "A live server and an ingest"). All SQL with values is parameterised; rows go in as column lists
(``INSERT ... SELECT unnest(?), unnest(?), ...``), one statement per table per write.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
from datasketch import LeanMinHash

from veille.errors import VeilleError
from veille.ingest.admit import ArticleRow
from veille.ingest.dedup import Deduper, band_keys, signature_from_bytes
from veille.store.words import index_missing, word_rows

DEFAULT_DB = "veille.duckdb"
TABLES = ("articles", "entities", "mentions", "times", "events", "claims", "claim_sources", "failures")
"""Every data table, in the order an export lists them."""
_CHILD_TABLES = ("entities", "mentions", "times", "events", "claims", "claim_sources", "words")
_CLUSTER_TABLES = ("story_articles", "article_vectors")
_MIGRATION = re.compile(r"^(\d{3})_(\w+)\.sql$")


class StoreError(VeilleError):
    """The store cannot be opened or read (missing file, newer schema, locked by a running ingest)."""


class StoreBusy(StoreError):
    """Another process holds the store file's lock (a writer, or readers while one wants to write)."""


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, SQL) of every migration shipped with veille, in order."""
    folder = resources.files("veille.store").joinpath("migrations")
    out = []
    for entry in folder.iterdir():
        m = _MIGRATION.match(entry.name)
        if m:
            out.append((int(m.group(1)), m.group(2), entry.read_text("utf-8")))
    return sorted(out)


_SANDBOX = {"enable_external_access": False, "lock_configuration": True}
"""A reader's settings: no other file can be read or written (no COPY TO, no ATTACH), and no SQL can undo it.
Given at connect time, so that concurrent readers of one process share one DuckDB instance."""


def connect(path: str | Path, *, read_only: bool = False, sandbox: bool = False,
            wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A connection to the store at ``path``; a writable one is migrated to the latest schema first.

    ``wait``: seconds to keep trying while another process holds the file's lock (``StoreBusy`` after that).
    ``sandbox`` (read-only only): the reader's settings above.
    """
    path = Path(path)
    deadline = time.monotonic() + wait
    pause = 0.02
    while True:
        try:
            return _connect(path, read_only=read_only, sandbox=sandbox)
        except StoreBusy:
            if time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.25)


def _connect(path: Path, *, read_only: bool, sandbox: bool) -> duckdb.DuckDBPyConnection:
    try:
        if read_only:
            if not path.exists():
                raise StoreError(f"no store at {path} (run `veille ingest` first)")
            try:
                con = duckdb.connect(str(path), read_only=True, config=dict(_SANDBOX) if sandbox else {})
            except duckdb.ConnectionException:  # this process holds the file already, with the other settings
                con = duckdb.connect(str(path), read_only=True, config={} if sandbox else dict(_SANDBOX))
                if sandbox:
                    _restrict(con)
            if _check_version(con, path):
                con.close()  # a store of an older veille: migrated once (a moment as a writer), then read
                _connect(path, read_only=False, sandbox=False).close()
                return _connect(path, read_only=True, sandbox=sandbox)
            return con
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path))
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreBusy(f"{path} is busy: another veille process is using it (try again when it is done)") from None
        raise StoreError(f"cannot open {path}: {str(exc).splitlines()[0]}") from None
    except duckdb.Error as exc:  # a damaged file
        raise StoreError(f"cannot open {path}: {str(exc).splitlines()[0]}") from None
    except OSError as exc:
        raise StoreError(f"cannot create {path}: {exc.strerror or exc}") from None
    try:
        migrate(con)
    except duckdb.Error as exc:
        con.close()
        raise StoreError(f"cannot use {path}: {str(exc).splitlines()[0]}") from None
    return con


def _restrict(con: duckdb.DuckDBPyConnection) -> None:
    try:
        for name, value in _SANDBOX.items():
            con.execute(f"SET {name} = {str(value).lower()}")
    except duckdb.InvalidInputException:  # locked already: an earlier reader restricted this instance
        pass


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations the store has not had yet, each in its own transaction; return their versions."""
    con.execute(resources.files("veille.store").joinpath("schema.sql").read_text("utf-8"))
    current = schema_version(con)
    applied = []
    for version, name, sql in migrations():
        if version <= current:
            continue
        with transaction(con):
            con.execute(sql)
            if version in AFTER_MIGRATION:
                AFTER_MIGRATION[version](con)
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name])
        applied.append(version)
    return applied


def _after_words(con: duckdb.DuckDBPyConnection) -> None:
    """Migration 004 on a store that holds articles already: their dates' granularity and their words."""
    for table, value, column in (("times", "value", "granularity"), ("events", "date", "date_granularity"),
                                 ("claims", "date", "date_granularity")):
        values = [r[0] for r in con.execute(f"SELECT DISTINCT {value} FROM {table} WHERE {value} IS NOT NULL").fetchall()]
        known = [(v, granularity(v)) for v in values]
        if known:
            con.execute(f"UPDATE {table} SET {column} = g.granularity FROM (SELECT unnest(?) AS value, "
                        f"unnest(?) AS granularity) g WHERE {table}.{value} = g.value",
                        [[v for v, _ in known], [g for _, g in known]])
    index_missing(con)


AFTER_MIGRATION = {4: _after_words}
"""What a migration computes in Python after its SQL, in the same transaction (the numbered SQL cannot tokenise)."""


def _check_version(con: duckdb.DuckDBPyConnection, path: Path) -> bool:
    """Whether the store needs migrating; a store newer than this veille is refused."""
    try:
        have = schema_version(con)
    except duckdb.CatalogException:
        raise StoreError(f"{path} is not a veille store (no schema_version table)") from None
    latest = migrations()[-1][0]
    if have > latest:
        raise StoreError(f"{path} has schema version {have}, newer than this veille ({latest}): upgrade veille")
    return have < latest


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction: committed when the block ends, rolled back when it raises (``rollback``: the block's
    own error is the one raised, never DuckDB's "cannot rollback" after a failure that ended the transaction)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("COMMIT")
    except Exception:
        rollback(con)
        raise


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back if a transaction is still open. When the failure already ended it (a full disk), DuckDB's
    "cannot rollback" would hide the real error, so that second failure is dropped and the first raised."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass


READER_WAIT = 10.0
"""Seconds a reader (a request of a read-only ``veille serve``, ``veille query``, ``veille sql``) waits while
``veille ingest`` holds the file, before it says the store is busy."""
WRITER_WAIT = 120.0
"""Seconds a writer that lets go of the file between writes waits for readers to let go of it in turn."""


class Store:
    """The single writer over one store file.

    ``hold=False`` (``veille ingest``): the file is opened for each read or write and closed after it, so a
    read-only ``veille serve`` can answer between them; each reopening waits (``WRITER_WAIT``) while a
    reader holds the file.
    """

    def __init__(self, path: str | Path, *, hold: bool = True) -> None:
        self.path = Path(path)
        self.hold = hold
        self._con: duckdb.DuckDBPyConnection | None = connect(self.path, wait=0 if hold else WRITER_WAIT)
        self._let_go()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The open connection (opened again, waiting for readers, after a ``hold=False`` store let go)."""
        if self._con is None:
            self._con = connect(self.path, wait=WRITER_WAIT)
        return self._con

    def _let_go(self) -> None:
        if not self.hold and self._con is not None:
            self._con.close()
            self._con = None

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stored_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """text_sha256 of those of ``ids`` already stored."""
        if not ids:
            return {}
        try:
            rows = self.con.execute("SELECT id, text_sha256 FROM articles WHERE id IN (SELECT unnest(?))",
                                    [list(ids)]).fetchall()
        finally:
            self._let_go()
        return dict(rows)

    def load_deduper(self, deduper: Deduper) -> Deduper:
        """Fill ``deduper`` with every original in the store, in ingest order (as the run that wrote them saw them)."""
        try:
            cur = self.con.execute("SELECT id, norm_sha256, minhash FROM articles "
                                   "WHERE duplicate_of IS NULL AND minhash IS NOT NULL ORDER BY ingested_at, id")
            while batch := cur.fetchmany(1000):
                for article_id, norm, blob in batch:
                    deduper.add(article_id, norm, signature_from_bytes(blob))
        finally:
            self._let_go()
        return deduper

    def fetched_items(self, items: Sequence[str]) -> set[str]:
        """Those of ``items`` (feed item ids, page URLs) that ``veille watch`` fetched already."""
        if not items:
            return set()
        try:
            rows = self.con.execute("SELECT item FROM fetched WHERE item IN (SELECT unnest(?))", [list(items)]).fetchall()
        finally:
            self._let_go()
        return {r[0] for r in rows}

    def remember_fetched(self, rows: Sequence[dict[str, Any]]) -> None:
        """Remember what ``veille watch`` fetched (item, url, feed, article_id), so it is never fetched again."""
        try:
            with transaction(self.con) as con:
                con.execute("DELETE FROM fetched WHERE item IN (SELECT unnest(?))", [[r["item"] for r in rows]])
                insert(con, "fetched", list(rows))
        finally:
            self._let_go()

    def write(self, articles: Sequence[ArticleRow], failures: Sequence[tuple[str, str]] = ()) -> None:
        """Write whole articles and failures in ONE transaction; articles marked ``replace`` lose their old rows first."""
        con = self.con
        articles = list({a.id: a for a in articles}.values())  # an id given twice in one write: the last wins
        try:
            with transaction(con):
                gone = [a.id for a in articles if a.replace]
                if gone:
                    for table in (*_CHILD_TABLES, *_CLUSTER_TABLES, "minhash_bands"):  # clustered again
                        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [gone])
                    _forget_merges(con, gone)
                    con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?))", [gone])
                for table, rows in rows_by_table(articles).items():
                    insert(con, table, rows)
                insert(con, "article_vectors", [{"article_id": a.id, "vector": [float(x) for x in a.vector]}
                                                for a in articles if a.vector is not None])
                insert(con, "minhash_bands", [r for a in articles if a.minhash is not None and a.duplicate_of is None
                                              for r in band_rows(a.id, a.norm_sha256, signature_from_bytes(a.minhash))])
                if failures:
                    items = [f[0] for f in failures]
                    con.execute("DELETE FROM failures WHERE item IN (SELECT unnest(?))", [items])
                    insert(con, "failures", [{"item": i, "reason": r} for i, r in dict(failures).items()])
                done = [a.id for a in articles]
                if done:  # an item that failed once and is now stored is no longer a failure
                    con.execute("DELETE FROM failures WHERE item IN (SELECT unnest(?))", [done])
        finally:
            self._let_go()


def _forget_merges(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    """A replaced article's derivations go, and so do the merged events and statements it reported: their
    other reports are then unmerged, and the next stories update merges them again with the new analysis."""
    con.execute("DELETE FROM derivations WHERE article_id IN (SELECT unnest(?)) OR derived_from IN (SELECT unnest(?))",
                [ids, ids])
    for kind in ("event", "claim"):
        con.execute(f"""DELETE FROM merged_{kind}s WHERE merged_id IN (SELECT merged_id FROM merged_{kind}_reports
                        WHERE article_id IN (SELECT unnest(?)) OR copy_of IN (SELECT unnest(?)))""", [ids, ids])
        con.execute(f"DELETE FROM merged_{kind}_reports WHERE merged_id NOT IN (SELECT merged_id FROM merged_{kind}s)")
    con.execute("DELETE FROM merged_claim_words WHERE merged_id NOT IN (SELECT merged_id FROM merged_claims)")


def band_rows(article_id: str, text_hash: str | None, sig: LeanMinHash) -> list[dict[str, Any]]:
    """The copy index's rows of one original (``veille.store.copies``)."""
    return [{"article_id": article_id, "norm_sha256": text_hash, "band": i, "key": key}
            for i, key in enumerate(band_keys(sig))]


def sql_string(value: str | Path) -> str:
    """A string as a SQL literal, where DuckDB takes no parameter (a COPY target, a table function's files)."""
    return "'" + str(value).replace("'", "''") + "'"


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows (dicts with the same keys) as one parameterised statement of column lists."""
    if not rows:
        return
    cols = list(rows[0])
    select = ", ".join(f"unnest(?) AS {c}" for c in cols)
    sql = f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM (SELECT {select})"
    con.execute(sql, [[r[c] for r in rows] for c in cols])


def rows_by_table(articles: Iterable[ArticleRow]) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for these articles (the analysis flattened)."""
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in ("articles", *_CHILD_TABLES)}
    for a in articles:
        analysis = a.analysis
        meta = (analysis or {}).get("article", {})
        out["articles"].append({
            "id": a.id, "text_sha256": a.text_sha256, "norm_sha256": a.norm_sha256,
            "lang": meta.get("lang") or a.lang, "published": a.published, "title": a.title, "url": a.url,
            "source": a.source, "text": a.text, "n_chars": len(a.text), "duplicate_of": a.duplicate_of,
            "duplicate_kind": a.duplicate_kind, "minhash": a.minhash,
            "analysis": None if analysis is None else json.dumps(_without_text(analysis), ensure_ascii=False),
        })
        out["words"].extend(word_rows(a.id, a.title, a.text))
        if analysis is None:
            continue
        for table, rows in _flatten(a.id, analysis):
            out[table].extend(rows)
    return out


def _without_text(analysis: dict[str, Any]) -> dict[str, Any]:
    """The analysis as stored: the article text lives once, in articles.text."""
    article = {k: v for k, v in analysis["article"].items() if k != "text"}
    return {**analysis, "article": article}


def _flatten(aid: str, an: dict[str, Any]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    yield "entities", [{
        "article_id": aid, "entity_id": e["id"], "canonical": e["canonical"], "type": e["type"],
        "country": e.get("country"), "kb_id": e.get("kb_id"), "agent": e.get("agent"),
        "stands_for": e.get("stands_for"), "roles": list(e.get("roles") or []), "n_mentions": len(e["mentions"]),
    } for e in an.get("entities", [])]
    yield "mentions", [{
        "article_id": aid, "entity_id": e["id"], "n": n, "text": m["text"], "start_char": m["start"], "end_char": m["end"],
    } for e in an.get("entities", []) for n, m in enumerate(e["mentions"], 1)]
    yield "times", [{
        "article_id": aid, "n": n, "text": t["text"], "start_char": t["start"], "end_char": t["end"],
        "value": t.get("value"), "anchor": t.get("anchor"), "granularity": granularity(t.get("value")),
    } for n, t in enumerate(an.get("times", []), 1)]
    yield "events", [_event_row(aid, v) for v in an.get("events", [])]
    yield "claims", [_claim_row(aid, c) for c in an.get("claims", [])]
    yield "claim_sources", [{
        "article_id": aid, "claim_id": c["id"], "n": n, "canonical": s.get("canonical"), "relation": s["relation"],
    } for c in an.get("claims", []) for n, s in enumerate(c.get("sources") or [], 1)]


def _event_row(aid: str, v: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"article_id": aid, "event_id": v["id"], "type": v["type"], "mode": v.get("mode"),
                           "context": list(v.get("context") or [])}
    for side in ("actor", "recipient"):
        party = v.get(side) or {}
        for key in ("text", "entity", "canonical", "country", "agent"):
            row[f"{side}_{key}"] = party.get(key)
    trigger = v.get("trigger") or {}
    sentence = v.get("sentence") or {}
    row.update({
        "trigger_text": trigger.get("text"), "trigger_start": trigger.get("start"), "trigger_end": trigger.get("end"),
        "sentence_start": sentence.get("start"), "sentence_end": sentence.get("end"),
        "date": v.get("date"), "day": first_day(v.get("date")), "date_granularity": granularity(v.get("date")),
        "location": v.get("location"),
        "factuality": v["factuality"], "attributed_to": v.get("attributed_to"),
        "confidence": _float(v.get("confidence")), "score": _float(v.get("score")),
    })
    return row


def _claim_row(aid: str, c: dict[str, Any]) -> dict[str, Any]:
    speaker = c.get("speaker") or {}
    cue = c.get("cue") or {}
    content = c["content"]
    return {
        "article_id": aid, "claim_id": c["id"],
        "speaker_text": speaker.get("text"), "speaker_entity": speaker.get("entity"),
        "speaker_canonical": speaker.get("canonical"), "speaker_country": speaker.get("country"),
        "speaker_start": speaker.get("start"), "speaker_end": speaker.get("end"),
        "cue_text": cue.get("text"), "cue_start": cue.get("start"), "cue_end": cue.get("end"),
        "content_text": content["text"], "content_start": content["start"], "content_end": content["end"],
        "kind": c["kind"], "date": c.get("date"), "date_granularity": granularity(c.get("date")),
        "factuality": c["factuality"], "events": list(c.get("events") or []),
    }


_TIMEML_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def first_day(value: str | None) -> dt.date | None:
    """The first day a TimeML value covers (``2024-01`` → 2024-01-01); None for weeks, seasons and null."""
    if not value:
        return None
    m = _TIMEML_DAY.match(value)
    if not m or (len(value) > m.end() and value[m.end()] not in "T/"):
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


_GRANULARITY = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}(?:T.*)?$"), "day"), (re.compile(r"^\d{4}-W\d{2}(?:-WE)?$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"), (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-H\d$"), "half"), (re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"), (re.compile(r"^\d{3}X?$"), "decade"), (re.compile(r"^\d{2}(?:XX)?$"), "century"),
)


def granularity(value: str | None) -> str | None:
    """What a TimeML value names: ``2024-01-05`` a day, ``2018-W11`` a week, ``2024-01`` a month, ``2024-Q1`` a
    quarter, ``2024-SP`` a season, ``2011`` a year, ``201`` a decade; None for a reference (``PRESENT_REF``) or
    nothing. The store keeps it beside the value, so "2011" stays a year wherever its ``day`` is read."""
    if not value:
        return None
    for pattern, name in _GRANULARITY:
        if pattern.match(value):
            return name
    return None


def _float(value: Any) -> float | None:
    return None if value is None else float(value)
