"""The server's hold on the store: read cursors for every request, and ONE writer thread.

Without a token the store is opened read-only (``queries.open_readonly``) for each request and closed after
it, so that a ``veille ingest`` can write the same file between requests (a request waits up to
``READ_WAIT`` seconds while the ingest holds the file, then answers 503). With a token the server owns
the store's write lock: reads go through cursors of one connection, and every
write (``POST /articles``, and the analysts' corrections: ``Database.write``) is queued to a single thread that admits (``veille.ingest.admit``), analyses and writes whole articles
in one transaction, as ``veille ingest`` does (same id and text: unchanged; copy of an original: stored
as a copy; else analysed), then lets the new articles join their stories and recomputes the merged
events and claims (``veille.store.stories.update``), as ``veille ingest`` does at its end. spaCy is not
used from two threads at once (``ANALYSIS_LOCK``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from veille.errors import InputError
from veille.ingest.admit import NEW, UNCHANGED, Admission, ArticleRow, prints_of, row_for, with_analysis
from veille.ingest.dedup import Deduper
from veille.model import Article
from veille.store.duckdb import READER_WAIT, Store, connect
from veille.store.queries import open_readonly
from veille.store.stories import update as update_stories

log = logging.getLogger(__name__)
T = TypeVar("T")

ANALYSIS_LOCK = threading.Lock()
"""One analysis at a time in this process: the spaCy pipelines are shared."""
READ_WAIT = READER_WAIT
"""Seconds a read-only request waits while a ``veille ingest`` holds the store file (then 503)."""


class AnalysisBusy(Exception):
    """Another analysis held the pipelines longer than the caller would wait."""


def analyse(articles: Sequence[Article], *, wait: float | None = None) -> list[dict[str, Any] | InputError]:
    """Analyses (or errors) for ``articles``, in order, under the analysis lock; ``wait``: seconds to wait for
    the lock (``AnalysisBusy`` after that), None for as long as it takes."""
    from veille.analyze import analyze_many

    if not ANALYSIS_LOCK.acquire(timeout=-1 if wait is None else wait):
        raise AnalysisBusy
    try:
        return list(analyze_many(list(articles)))
    finally:
        ANALYSIS_LOCK.release()


def warm_up() -> None:
    """Load the knowledge base and both pipelines (about 10 s) so the first request does not wait."""
    from veille.analyze import warm_up as load_all

    with ANALYSIS_LOCK:
        load_all()


class Database:
    """Cursors for readers; a single writer thread when ``writable``."""

    def __init__(self, path: str | Path, *, writable: bool) -> None:
        self.path = Path(path)
        self.writable = writable
        self._lock = threading.Lock()
        self._root: duckdb.DuckDBPyConnection | None = None
        self._writer: ThreadPoolExecutor | None = None
        self._store: Store | None = None
        self._deduper: Deduper | None = None
        self._open()

    def _open(self) -> duckdb.DuckDBPyConnection | None:
        """Open the store (again, after ``close``: an ASGI server may run the app's lifespan more than once)."""
        with self._lock:
            if self._root is not None:
                return self._root
            if self.writable:
                self._store = Store(self.path)  # creates and migrates the file if needed (a writer may)
                self._root = connect(self.path)  # same DuckDB instance: sees every commit at once
                self._deduper = self._store.load_deduper(Deduper())
                self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="veille-writer")
            else:  # a missing or damaged store is said now (StoreError), not served empty; then let go
                open_readonly(self.path, wait=READ_WAIT).close()
            return self._root

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection of its own for one request: a cursor of the writer's connection, or the file opened
        read-only for this request alone (waiting while an ingest writes it)."""
        if not self.writable:
            con = open_readonly(self.path, wait=READ_WAIT)
            try:
                yield con
            finally:
                con.close()
            return
        root = self._open()
        assert root is not None
        with self._lock:
            cur = root.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def ingest(self, articles: Sequence[Article]) -> dict[str, list[Any]]:
        """Store ``articles`` through the writer thread; returns what became of each."""
        if not self.writable:
            raise RuntimeError("this store is open read-only")
        self._open()
        assert self._writer is not None
        return self._writer.submit(self._ingest, list(articles)).result()

    def write(self, work: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Run ``work`` on the store's writable connection in the writer thread (an analyst's correction: small
        writes of their own, queued with the ingests so that one thread writes)."""
        if not self.writable:
            raise RuntimeError("this store is open read-only")
        self._open()
        assert self._writer is not None and self._store is not None
        store = self._store
        return self._writer.submit(lambda: work(store.con)).result()

    def _ingest(self, articles: list[Article]) -> dict[str, list[Any]]:
        """Admit, analyse and write; if anything fails before the write is committed, the copy index forgets
        this request's articles, so the same article posted again is analysed, not taken for a copy of itself."""
        assert self._deduper is not None
        admission = Admission(self._deduper)
        added: list[str] = []
        try:
            return self._admit_and_write(articles, admission, added)
        except BaseException:
            for aid in added:
                admission.forget(aid)
            raise

    def _admit_and_write(self, articles: list[Article], admission: Admission, added: list[str]) -> dict[str, list[Any]]:
        store = self._store
        assert store is not None
        report: dict[str, list[Any]] = {"stored": [], "replaced": [], "unchanged": [], "duplicates": [], "failed": []}
        articles = list({a.id: a for a in articles}.values())  # an id given twice: the last wins
        stored = store.stored_hashes([a.id for a in articles])
        rows: list[ArticleRow] = []
        new: list[tuple[ArticleRow, Article]] = []
        for a in articles:
            decision = admission.decide(a.id, a.text_sha256, prints_of(a.text, dedup=True), stored=stored.get(a.id))
            if decision.kind == UNCHANGED:
                report["unchanged"].append(a.id)
                continue
            row = row_for(a, decision)
            if decision.kind == NEW:
                added.append(a.id)  # in the copy index now, so a copy later in this same request is caught
                new.append((row, a))
                continue
            report["duplicates"].append({"id": a.id, "of": decision.of, "kind": decision.copy_kind})
            rows.append(row)
        failures: list[tuple[str, str]] = []
        for (row, a), result in zip(new, analyse([a for _, a in new])):
            if isinstance(result, InputError):
                admission.forget(a.id)
                added.remove(a.id)
                failures.append((a.id, result.reason))
                report["failed"].append({"id": a.id, "reason": result.reason})
                continue
            rows.append(with_analysis(row, result))
            report["replaced" if row.replace else "stored"].append(a.id)
        store.write(rows, failures)
        added.clear()  # committed: the copy index keeps them
        if rows:
            try:
                update_stories(store.con)
            except Exception:  # the articles are stored; the next write (or `veille stories`) clusters them
                log.exception("veille: stories were not updated after this write")
        return report

    def close(self) -> None:
        with self._lock:
            if self._writer is not None:
                self._writer.shutdown(wait=True)
            if self._store is not None:
                self._store.close()
            if self._root is not None:
                self._root.close()
            self._root, self._writer, self._store, self._deduper = None, None, None, None
