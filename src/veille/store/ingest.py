"""The ingest loop: read → dedup → analyse in a process pool → store, streaming and resumable.

The parent reads the inputs, decides for each item what it is (already stored, a copy of an original,
new, or a failure), and groups items into chunks in input order. Worker processes, each holding the
spaCy pipelines loaded once, analyse the new articles of a chunk with ``analyze_many``; the parent,
the single writer, stores each chunk in one transaction, in input order. At most ``2 × workers``
chunks are in flight, so memory stays bounded whatever the input size.

Resumable: a re-run skips what the store holds (same id, same text hash), rebuilds the copy index
from the store, and so makes the same decisions an uninterrupted run would have made.
"""

from __future__ import annotations

import itertools
import multiprocessing
import multiprocessing.context
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from veille.errors import InputError, VeilleError
from veille.cluster.embed import embed
from veille.cluster.profile import profile
from veille.ingest import ReadOptions, read_inputs
from veille.ingest.dedup import Deduper, norm_hash, signature, signature_bytes
from veille.ingest.reader import form_of
from veille.model import Article
from veille.store.duckdb import ArticleRow, Store
from veille.store.stories import StoriesSummary
from veille.store.stories import update as update_stories

CHUNK = 16
"""Articles analysed per task: small enough for a fine progress bar and little lost work on a kill."""
_PRELOAD_ENV = "VEILLE_PRELOAD"
"""Set (to the languages to preload) only while the fork server starts: see ``_worker_context``."""


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


@dataclass(slots=True)
class _Chunk:
    """Items in input order: ``new`` are sent to a worker; ``rows`` keeps every item's place."""

    rows: list[ArticleRow | InputError] = field(default_factory=list)
    new: list[Article] = field(default_factory=list)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def ingest(paths: list[str], *, db: str | Path, workers: int | None = None, options: ReadOptions = ReadOptions(),
           failures: str | Path | None = None, progress: bool = True, dedup: bool = True, chunk: int = CHUNK,
           on_chunk: Callable[[Summary], None] | None = None, err: TextIO | None = None,
           stories: bool = True) -> Summary:
    """Ingest ``paths`` into the store at ``db``; returns the counts. Bad items are reported, never fatal.

    With ``stories``, the new articles then join their stories and the merged events and claims are
    recomputed (``veille.store.stories.update``)."""
    err = err or sys.stderr
    workers = default_workers() if workers is None else max(1, workers)
    failures_path = Path(failures) if failures else Path(db).resolve().parent / "veille-failures.tsv"
    summary = Summary(db=str(db), failures_file=str(failures_path))
    with Store(db, hold=False) as store, _failure_list(failures_path) as fail_out:
        deduper = store.load_deduper(Deduper()) if dedup else None
        bar = tqdm(total=estimate_count(paths), unit="art", file=err, disable=not progress, dynamic_ncols=True,
                   smoothing=0.1)
        chunks = _plan(read_inputs(paths, options), store, deduper, summary, chunk)
        for done in _analysed(chunks, workers, vectors=stories):
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


def _plan(items: Iterable[Article | InputError], store: Store, deduper: Deduper | None, summary: Summary,
          size: int) -> Iterator[_Chunk]:
    """Chunks of items in input order, each item judged: stored already, copy, new, or failure."""
    seen: dict[str, str] = {}  # ids met in this run → their text hash (an id met twice is not re-analysed)
    current = _Chunk()
    window: list[Article | InputError] = []

    def judge(batch: list[Article | InputError]) -> None:
        nonlocal current
        stored = store.stored_hashes([a.id for a in batch if isinstance(a, Article)])
        for item in batch:
            summary.read += 1
            if isinstance(item, InputError):
                current.rows.append(item)
                continue
            sha = item.text_sha256
            before = seen.get(item.id, stored.get(item.id))
            if before == sha:
                summary.unchanged += 1
                continue
            replace = before is not None
            summary.replaced += replace
            seen[item.id] = sha
            norm = norm_hash(item.text)
            sig = signature(item.text) if deduper is not None else None
            row = ArticleRow(id=item.id, text=item.text, text_sha256=sha, norm_sha256=norm, lang=item.lang,
                             published=item.published, title=item.title, url=item.url, source=item.source,
                             replace=replace)
            if deduper is not None and sig is not None:
                if replace:
                    deduper.remove(item.id)
                copy = deduper.find(norm, sig)
                if copy is not None:
                    row.duplicate_of, row.duplicate_kind = copy.of, copy.kind
                    summary.duplicates += 1
                    current.rows.append(row)
                    continue
                deduper.add(item.id, norm, sig)
                row.minhash = signature_bytes(sig)
            current.rows.append(row)
            current.new.append(item)

    for item in items:
        window.append(item)
        if len(window) >= size:
            judge(window)
            window = []
            if len(current.new) >= size or len(current.rows) >= 4 * size:
                yield current
                current = _Chunk()
    if window:
        judge(window)
    if current.rows:
        yield current


def _analysed(chunks: Iterable[_Chunk], workers: int, *, vectors: bool = False) -> Iterator[_Chunk]:
    """Chunks with their analyses filled in, in input order; at most 2 × workers chunks in flight."""
    if workers <= 1:
        _init_worker()
        for c in chunks:
            yield _merge(c, _analyse_chunk(c.new, vectors))
        return
    chunks = iter(chunks)
    for first in chunks:  # no pool until a chunk with new articles says which pipelines to preload
        if first.new:
            break
        yield _merge(first, [])
    else:
        return
    ctx = _worker_context(sorted(_langs(first.new)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_pool_worker) as pool:
        inflight: deque[tuple[_Chunk, Future[list[Any]]]] = deque()
        for c in itertools.chain([first], chunks):
            inflight.append((c, pool.submit(_analyse_chunk, c.new, vectors)))
            if len(inflight) >= 2 * workers:
                done, fut = inflight.popleft()
                yield _merge(done, fut.result())
        while inflight:
            done, fut = inflight.popleft()
            yield _merge(done, fut.result())


def _langs(articles: list[Article]) -> set[str]:
    """The supported languages of ``articles`` (declared, else detected as the analyser will)."""
    from veille.ingest.langid import language_of
    from veille.model import SUPPORTED_LANGS

    return {lang for a in articles if (lang := language_of(a.lang, a.text)) in SUPPORTED_LANGS}


def _worker_context(langs: list[str]) -> multiprocessing.context.BaseContext:
    """A ``forkserver`` context whose server has loaded the pipelines of ``langs`` once: workers fork from it.

    Workers never fork this process, which holds a DuckDB connection: the fork server is a fresh interpreter
    (started like a ``spawn`` child) that imports this module with ``VEILLE_PRELOAD`` set, loads the
    knowledge base, its city table and the pipelines, and then forks each worker with all that in memory
    (shared copy-on-write). It lives as long as this process, so a later ingest starts its workers at once;
    a language it did not preload is loaded by a worker on first use.
    """
    from multiprocessing import forkserver

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    saved = os.environ.get(_PRELOAD_ENV)
    os.environ[_PRELOAD_ENV] = ",".join(langs) or "-"
    try:
        forkserver.ensure_running()  # returns at once; the server preloads while this process reads on
    finally:
        if saved is None:
            os.environ.pop(_PRELOAD_ENV, None)
        else:
            os.environ[_PRELOAD_ENV] = saved
    return ctx


def _merge(c: _Chunk, results: list[Any]) -> _Chunk:
    """Put each analysis (or its failure) in its row's place: new articles were queued in row order."""
    answers = iter(results)
    rows: list[ArticleRow | InputError] = []
    for row in c.rows:
        if isinstance(row, ArticleRow) and row.duplicate_of is None:
            answer = next(answers)
            if answer[0] == "ok":
                row.analysis = answer[1]
                row.lang = answer[1]["article"]["lang"]
                row.vector = answer[2]
            else:
                rows.append(InputError(answer[1], answer[2]))
                continue
        rows.append(row)
    return _Chunk(rows=rows, new=[])


def _init_worker(langs: Iterable[str] = ()) -> None:
    """Load the knowledge base, its city table and the pipelines of ``langs`` once per process.

    Other languages are loaded on first use (``veille.nlp.pipeline.load`` caches them per process). No
    article is analysed here to warm the analyser up: only pure caches are built before the fork, so a
    worker's results cannot depend on what its fork server did.
    """
    from veille.kb import knowledge_base
    from veille.nlp.pipeline import load

    knowledge_base().city("Paris")  # builds the city table, a pure cache
    for lang in langs:
        load(lang)


def _init_pool_worker() -> None:
    """A pool worker: what the fork server has not preloaded loads on first use; the worker dies with the ingest.

    A worker blocks on its task queue, whose pipe it holds both ends of, so it would outlive an ingest killed
    by a signal; a daemon thread waits on the parent's sentinel and ends the worker when the ingest is gone.
    """
    import threading

    _init_worker()
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=lambda: (parent.join(), os._exit(1)), daemon=True, name="veille-parent-watch").start()


def _analyse_chunk(articles: list[Article], vectors: bool = False) -> list[Any]:
    """``("ok", analysis without text, embedding or None)`` or ``("error", item, reason)`` per article
    (exceptions do not pickle). With ``vectors``, the story embedding is computed here too, in the worker,
    so that it runs on every core alongside the analyses instead of after them in the writer."""
    from veille.analyze import analyze_many

    out: list[Any] = []
    texts: list[str] = []
    for article, result in zip(articles, analyze_many(articles), strict=True):
        if isinstance(result, InputError):
            out.append(("error", result.item, result.reason))
        else:
            if vectors:
                texts.append(profile(result, text=article.text).text_for_embedding())
            result["article"].pop("text", None)  # the parent holds the text; no need to ship it back
            out.append(("ok", result, None))
    if vectors and texts:
        done = iter(embed(texts))
        out = [("ok", a[1], next(done)) if a[0] == "ok" else a for a in out]
    return out


def estimate_count(paths: list[str]) -> int | None:
    """How many items the inputs hold, for the progress bar's ETA; None when a feed, WARC or stdin makes it unknowable."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files: list[Path]
        if path.is_dir():
            files = [p for p in path.rglob("*") if p.is_file() and form_of(p) is not None]
        elif not path.exists() and set("*?[") & set(raw):
            import glob

            files = [Path(p) for p in glob.glob(raw, recursive=True)]
        else:
            files = [path]
        for f in files:
            form = form_of(f)
            if form in ("feed", "warc", "xml"):
                return None
            if form == "jsonl" and f.is_file():
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
    return total


def _tsv(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ")


def _preload_fork_server() -> None:
    """In the fork server only (``VEILLE_PRELOAD`` set): load what every worker will need.

    A failure here must not kill the server (the workers would then load on demand), so it is swallowed.
    """
    langs = [lang for lang in os.environ.pop(_PRELOAD_ENV, "").split(",") if lang and lang != "-"]
    try:
        _init_worker(langs)
    except Exception:  # noqa: BLE001 - the workers load what they need on first use
        pass


if os.environ.get(_PRELOAD_ENV) and multiprocessing.parent_process() is None and sys.argv[:1] == ["-c"]:
    _preload_fork_server()
