"""The ingest's process pool: workers forked from a server that holds the pipelines, analysing chunks in order.

Worker processes, each holding the spaCy pipelines loaded once, analyse the new articles of a chunk with
``analyze_many`` (and, for stories, embed them); the parent, the single writer, gets the chunks back in
input order. At most ``2 × workers`` chunks are in flight, so memory stays bounded whatever the input size.
"""

from __future__ import annotations

import itertools
import multiprocessing
import multiprocessing.context
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from veille.errors import InputError
from veille.ingest.admit import ArticleRow, with_analysis
from veille.model import Article

PRELOAD_ENV = "VEILLE_PRELOAD"
"""Set (to the languages to preload) only while the fork server starts: see ``worker_context``."""

Answer = tuple[Any, ...]
"""``("ok", analysis without text, embedding or None)`` or ``("error", item, reason)``: exceptions do not pickle."""


@dataclass(slots=True)
class Chunk:
    """Items in input order: ``new`` are sent to a worker; ``rows`` keeps every item's place."""

    rows: list[ArticleRow | InputError] = field(default_factory=list)
    new: list[Article] = field(default_factory=list)


def analysed(chunks: Iterable[Chunk], workers: int, *, vectors: bool = False) -> Iterator[Chunk]:
    """Chunks with their analyses filled in, in input order; at most 2 × workers chunks in flight."""
    from veille.analyze import warm_up

    if workers <= 1:
        warm_up((), sample=False)
        for c in chunks:
            yield _merge(c, analyse_chunk(c.new, vectors))
        return
    chunks = iter(chunks)
    for first in chunks:  # no pool until a chunk with new articles says which pipelines to preload
        if first.new:
            break
        yield _merge(first, [])
    else:
        return
    ctx = worker_context(sorted(_langs(first.new)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_pool_worker) as pool:
        inflight: deque[tuple[Chunk, Future[list[Answer]]]] = deque()
        for c in itertools.chain([first], chunks):
            inflight.append((c, pool.submit(analyse_chunk, c.new, vectors)))
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


def worker_context(langs: list[str]) -> multiprocessing.context.BaseContext:
    """A ``forkserver`` context whose server has loaded the pipelines of ``langs`` once: workers fork from it.

    Workers never fork this process, which holds a DuckDB connection: the fork server is a fresh interpreter
    (started like a ``spawn`` child) that imports ``veille.run.preload`` with ``VEILLE_PRELOAD`` set, which
    loads the knowledge base, its city table and the pipelines; the server then forks each worker with all
    that in memory (shared copy-on-write). It lives as long as this process, so a later ingest starts its
    workers at once; a language it did not preload is loaded by a worker on first use.
    """
    from multiprocessing import forkserver

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["veille.run.preload"])
    saved = os.environ.get(PRELOAD_ENV)
    os.environ[PRELOAD_ENV] = ",".join(langs) or "-"
    try:
        forkserver.ensure_running()  # returns at once; the server preloads while this process reads on
    finally:
        if saved is None:
            os.environ.pop(PRELOAD_ENV, None)
        else:
            os.environ[PRELOAD_ENV] = saved
    return ctx


def _merge(c: Chunk, results: list[Answer]) -> Chunk:
    """Put each analysis (or its failure) in its row's place: new articles were queued in row order."""
    answers = iter(results)
    rows: list[ArticleRow | InputError] = []
    for row in c.rows:
        if isinstance(row, ArticleRow) and row.duplicate_of is None:
            answer = next(answers)
            if answer[0] != "ok":
                rows.append(InputError(answer[1], answer[2]))
                continue
            with_analysis(row, answer[1]).vector = answer[2]
        rows.append(row)
    return Chunk(rows=rows, new=[])


def _init_pool_worker() -> None:
    """A pool worker: what the fork server has not preloaded loads on first use; the worker dies with the ingest.

    A worker blocks on its task queue, whose pipe it holds both ends of, so it would outlive an ingest killed
    by a signal; a daemon thread waits on the parent's sentinel and ends the worker when the ingest is gone.
    """
    from veille.analyze import warm_up

    warm_up((), sample=False)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="veille-parent-watch").start()


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()
    os._exit(1)


def analyse_chunk(articles: list[Article], vectors: bool = False) -> list[Answer]:
    """One answer per article. With ``vectors``, the story embedding is computed here too, in the worker, so
    that it runs on every core alongside the analyses instead of after them in the writer."""
    from veille.analyze import analyze_many
    from veille.cluster.embed import embed
    from veille.cluster.profile import profile

    out: list[Answer] = []
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
