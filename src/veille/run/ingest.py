"""The ingest loop: read → admit → analyse in a process pool → store, streaming and resumable.

The parent reads the inputs, admits each item (``veille.ingest.admit``: already stored, a copy of an
original, new, or a failure), and groups items into chunks in input order. The pool (``veille.run.pool``)
analyses the new articles of each chunk; the parent, the single writer, stores each chunk in one
transaction, in input order, then lets the new articles join their stories.

Resumable: a re-run skips what the store holds (same id, same text hash), rebuilds the copy index
from the store, and so makes the same decisions an uninterrupted run would have made.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from veille.config import default_workers
from veille.errors import InputError, VeilleError
from veille.ingest import ReadOptions, read_inputs
from veille.ingest.admit import NEW, UNCHANGED, Admission, ArticleRow, prints_of, row_for
from veille.ingest.forms import form_of
from veille.ingest.walk import walk
from veille.model import Article
from veille.run.pool import Chunk, analysed
from veille.store.copies import StoredCopies
from veille.store.duckdb import Store
from veille.store.stories import StoriesSummary
from veille.store.stories import update as update_stories

CHUNK = 16
"""Articles analysed per task: small enough for a fine progress bar and little lost work on a kill."""


@dataclass(slots=True)
class Summary:
    read: int = 0
    analysed: int = 0
    duplicates: int = 0
    failed: int = 0
    unchanged: int = 0
    replaced: int = 0
    failures_file: str | None = None
    db: str = ""
    stories: StoriesSummary | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if k != "stories"}

    def line(self) -> str:
        return (f"read {self.read}, analysed {self.analysed}, duplicates {self.duplicates}, failed {self.failed}, "
                f"already stored {self.unchanged}" + (f", replaced {self.replaced}" if self.replaced else ""))


def ingest(paths: list[str], *, db: str | Path, workers: int | None = None, options: ReadOptions = ReadOptions(),
           failures: str | Path | None = None, progress: bool = True, dedup: bool = True, chunk: int = CHUNK,
           on_chunk: Callable[[Summary], None] | None = None, err: TextIO | None = None,
           stories: bool = True, items: Iterable[Article | InputError] | None = None) -> Summary:
    """Ingest ``paths`` into the store at ``db``; returns the counts. Bad items are reported, never fatal.
    ``items``: articles read already (``veille watch``), ingested instead of reading ``paths``.

    With ``stories``, the new articles then join their stories and the merged events and claims are
    recomputed (``veille.store.stories.update``)."""
    err = err or sys.stderr
    workers = default_workers() if workers is None else max(1, workers)
    failures_path = Path(failures) if failures else Path(db).resolve().parent / "veille-failures.tsv"
    summary = Summary(db=str(db), failures_file=str(failures_path))
    with Store(db, hold=False) as store, _failure_list(failures_path) as fail_out:
        admission = Admission(StoredCopies(store) if dedup else None)
        bar = tqdm(total=estimate_count(paths) if items is None else None, unit="art", file=err, disable=not progress, dynamic_ncols=True,
                   smoothing=0.1)
        chunks = _plan(read_inputs(paths, options) if items is None else items, store, admission, summary, chunk)
        for done in analysed(chunks, workers, vectors=stories):
            articles = [r for r in done.rows if isinstance(r, ArticleRow)]
            errors = [r for r in done.rows if isinstance(r, InputError)]
            store.write(articles, [(e.item, e.reason) for e in errors])
            for e in errors:
                fail_out.write(f"{_tsv(e.item)}\t{_tsv(e.reason)}\n")
                bar.write(f"veille: error: {e}", file=err)
            fail_out.flush()
            summary.failed += len(errors)
            summary.analysed += sum(1 for a in articles if a.analysis is not None)
            bar.update(len(done.rows))
            bar.set_postfix(analysed=summary.analysed, dup=summary.duplicates, failed=summary.failed, refresh=False)
            if on_chunk:
                on_chunk(summary)
        bar.update(summary.unchanged)  # skipped items, counted at the end so the rate is that of real work
        bar.close()
        if stories:
            if progress:
                print("veille: clustering stories, merging events and claims…", file=err, flush=True)
            summary.stories = update_stories(store.con)
    return summary


def _failure_list(path: Path) -> TextIO:
    """The failure list, opened to add this run's failures after the earlier runs' (its header written once)."""
    try:
        out = path.open("a", encoding="utf-8")
        if out.tell() == 0:
            out.write("item\treason\n")
        return out
    except OSError as exc:
        raise VeilleError(f"cannot write the failure list {path}: {exc.strerror or exc}") from None


def _plan(items: Iterable[Article | InputError], store: Store, admission: Admission, summary: Summary,
          size: int) -> Iterator[Chunk]:
    """Chunks of items in input order, each item admitted: stored already, copy, new, or failure."""
    current = Chunk()
    window: list[Article | InputError] = []

    def judge(batch: list[Article | InputError]) -> None:
        stored = store.stored_hashes([a.id for a in batch if isinstance(a, Article)])
        for item in batch:
            summary.read += 1
            if isinstance(item, InputError):
                current.rows.append(item)
                continue
            decision = admission.decide(item.id, item.text_sha256, prints_of(item.text, dedup=admission.deduper is not None),
                                        stored=stored.get(item.id))
            if decision.kind == UNCHANGED:
                summary.unchanged += 1
                continue
            summary.replaced += decision.replaces
            current.rows.append(row_for(item, decision))
            if decision.kind == NEW:
                current.new.append(item)
            else:
                summary.duplicates += 1

    for item in items:
        window.append(item)
        if len(window) >= size:
            judge(window)
            window = []
            if len(current.new) >= size or len(current.rows) >= 4 * size:
                yield current
                current = Chunk()
    if window:
        judge(window)
    if current.rows:
        yield current


def estimate_count(paths: list[str]) -> int | None:
    """How many items the inputs hold, for the progress bar's ETA; None when a feed, WARC or stdin makes it unknowable."""
    total = 0
    for name, error in walk(paths):
        if name == "-":
            return None
        form = form_of(Path(name))
        if form in ("feed", "warc", "xml"):
            return None
        if form == "jsonl" and error is None:
            with open(name, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


def _tsv(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ")
