"""What runs on a worker: the pipelines plugin, signing a partition, and analysing and writing one.

Writing is a commit protocol. A partition's Parquet files are made by DuckDB in a local scratch folder,
each copied to the output under a temporary name and renamed into place, and only then is its manifest
(``_partitions/ID.json``, listing those files) written, the same way, last. A partition counts as done
when its manifest exists; a worker killed before that leaves no manifest, and the partition is
recomputed, its files rewritten under the same names (the analysis is deterministic). ``veille load``
reads only the files that manifests list.

A manifest also records each file's size and SHA-256 (``checksums``): a file truncated or deleted after
the commit (a full disk, a careless ``rm``) makes its partition not done (``damage``), so a re-run
rewrites it and ``veille load`` refuses to load it.
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import hashlib
import json
import os
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import fsspec
import psutil
from distributed import WorkerPlugin

from veille.batch.plan import Partition, read_partition
from veille.errors import InputError
from veille.ingest import ReadOptions
from veille.ingest.admit import COPY, NEW, ArticleRow, Decision as Admitted, prints_of, row_for, with_analysis
from veille.ingest.dedup import norm_hash, signature, signature_bytes
from veille.model import SUPPORTED_LANGS
from veille.store.duckdb import TABLES, insert, migrate, rows_by_table, sql_string
from veille.store.export import parquet_query

MANIFESTS = "_partitions"
SIGNATURES = "signatures"
"""The MinHash of each original (``parquet/signatures/ID.parquet``), which the export's articles table leaves out."""
Decision = tuple[str, ...]
"""What the client decided about an item (``veille.batch.job.judge``), as it travels to the worker and into the
manifest's digest: ``("skip",)``: an id met before with the same text, or replaced by a later version; ``("copy", of, kind)``."""



class PipelinesPlugin(WorkerPlugin):
    """Loads the knowledge base and the spaCy pipelines once per worker process, before any task runs,
    and stops the worker's statistical profiler (``stop_profiler``), so that its memory stays flat."""

    name = "veille-pipelines"

    def __init__(self, langs: tuple[str, ...] = SUPPORTED_LANGS) -> None:
        self.langs = tuple(langs)

    async def setup(self, worker: Any) -> None:
        stop_profiler(worker)
        # In a thread, so the worker keeps answering the scheduler's heartbeats during the ~5 s per pipeline.
        await asyncio.get_running_loop().run_in_executor(None, load_pipelines, self.langs)


def stop_profiler(worker: Any) -> None:
    """Stop Dask's statistical profiler on ``worker`` and drop what it holds (on the worker's event loop).

    Dask samples the running task's stack every 10 ms and keeps one profile a second (and one per task
    key) for the last 1,000 seconds (``distributed.admin.low-level-log-length``). The parse's deep and
    varied stacks make that about 0.3 MB a second: measured, a worker grew 26 MB over the last 15
    partitions of a 2-minute job with it and 4 MB without (docs/scale.md). The Dask dashboard's Profile
    page stays empty for these workers; everything else (task stream, memory, logs) is unchanged.
    """
    for name in ("profile", "profile-cycle"):
        callback = getattr(worker, "periodic_callbacks", {}).pop(name, None)
        if callback is not None:
            callback.stop()
    for name in ("profile_history", "profile_keys_history", "profile_keys"):
        held = getattr(worker, name, None)
        if held is not None:
            held.clear()


def load_pipelines(langs: tuple[str, ...]) -> None:
    """The analyser's one warm-up (``veille.analyze.warm_up``), a sample article per language included, so that
    what it builds on first use is built here, not during the first partition (whose time it would skew)."""
    from veille.analyze import warm_up

    warm_up(langs)


def release_memory() -> None:
    """Give freed memory back to the system after a partition.

    Tasks run in a worker thread, whose glibc malloc arena keeps pages a partition's parse freed;
    ``malloc_trim`` returns them, as Dask's documentation advises for "unmanaged memory" (measured: a
    worker grew 1.7 MB per 32-article partition without it, 1.0–1.2 MB with it; see docs/scale.md).
    """
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


def sign_partition(part: Partition, options: ReadOptions, dedup: bool) -> list[tuple[Any, ...]]:
    """Per item: ``("error",)`` or (id, text hash, normalised-text hash, MinHash bytes or None)."""
    out: list[tuple[Any, ...]] = []
    for item in read_partition(part, options):
        if isinstance(item, InputError):
            out.append(("error",))
        else:
            sig = signature_bytes(signature(item.text)) if dedup else None
            out.append((item.id, item.text_sha256, norm_hash(item.text), sig))
    return out


def digest(decisions: dict[int, Decision]) -> str:
    """What the rest of the corpus decided about this partition; a manifest with another digest is stale."""
    text = json.dumps(sorted((k, list(v)) for k, v in decisions.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_manifest(fs: fsspec.AbstractFileSystem, root: str, pid: str) -> dict[str, Any] | None:
    path = f"{root}/{MANIFESTS}/{pid}.json"
    try:
        return json.loads(fs.cat_file(path))
    except FileNotFoundError:
        return None
    except ValueError:  # a manifest cut short is no commit
        return None


def file_checksum(fs: fsspec.AbstractFileSystem, path: str) -> tuple[int, str]:
    """(size in bytes, SHA-256) of one file, read in 1 MB blocks."""
    digest, size = hashlib.sha256(), 0
    with fs.open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def damage(fs: fsspec.AbstractFileSystem, root: str, manifest: dict[str, Any]) -> list[str]:
    """What is wrong with the files a manifest lists (missing, another size, another checksum); [] when whole."""
    problems = []
    sums = manifest.get("checksums") or {}
    for rel in (f for files in manifest["files"].values() for f in files):
        path = f"{root}/{rel}"
        if not fs.exists(path):
            problems.append(f"{rel} is missing")
            continue
        if rel not in sums:  # a manifest written before checksums were recorded: existence is all it promises
            continue
        want_size, want_sum = sums[rel]
        size, checksum = file_checksum(fs, path)
        if size != want_size:
            problems.append(f"{rel} has {size:,} bytes, not {want_size:,}")
        elif checksum != want_sum:
            problems.append(f"{rel} does not match its checksum")
    return problems


def analyse_partition(part: Partition, decisions: dict[int, Decision], out: str, options: ReadOptions,
                      dedup: bool) -> dict[str, Any]:
    """Analyse one partition and commit its Parquet files; a partition already committed is left as it is."""
    fs, root = fsspec.core.url_to_fs(out)
    pid, want = part.id, digest(decisions)
    old = read_manifest(fs, root, pid)
    if old is not None and old["digest"] == want and not damage(fs, root, old):
        return {**old, "skipped": True}
    if old is not None:  # written from other decisions: uncommitted first, then its files go
        fs.rm_file(f"{root}/{MANIFESTS}/{pid}.json")
        for rel in (f for files in old["files"].values() for f in files):
            if fs.exists(f"{root}/{rel}"):
                fs.rm_file(f"{root}/{rel}")
    began = time.perf_counter()
    rows, failures, counts = _analyse(part, decisions, options, dedup)
    files, per_table, checksums = _write(rows, failures, fs, root, pid)
    del rows, failures
    release_memory()
    manifest = {
        "id": pid, "seq": part.seq, "form": part.form, "items": list(part.items), "start": part.start,
        "end": part.end, "first_line": part.first_line, "digest": want, "counts": counts, "rows": per_table,
        "files": files, "checksums": checksums, "seconds": round(time.perf_counter() - began, 3), "pid": os.getpid(),
        "rss_mb": round(psutil.Process().memory_info().rss / 2**20, 1),
    }
    _put(fs, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"), f"{root}/{MANIFESTS}/{pid}.json")
    return {**manifest, "skipped": False}


def _analyse(part: Partition, decisions: dict[int, Decision], options: ReadOptions,
             dedup: bool) -> tuple[list[ArticleRow], list[tuple[str, str]], dict[str, int]]:
    """The partition's rows as ``veille ingest`` makes them: originals analysed, copies pointing at theirs."""
    from veille.analyze import analyze_many

    counts = {"read": 0, "analysed": 0, "duplicates": 0, "failed": 0, "repeated": 0}
    rows: list[ArticleRow] = []
    failures: list[tuple[str, str]] = []
    new: list[ArticleRow] = []
    articles = []
    for i, item in enumerate(read_partition(part, options)):
        counts["read"] += 1
        if isinstance(item, InputError):
            failures.append((item.item, item.reason))
            continue
        decision = decisions.get(i, ("new",))
        if decision[0] == "skip":
            counts["repeated"] += 1
            continue
        if decision[0] == "copy":
            rows.append(row_for(item, Admitted(COPY, norm=norm_hash(item.text), of=decision[1], copy_kind=decision[2])))
            counts["duplicates"] += 1
            continue
        norm, sig = prints_of(item.text, dedup=dedup)()
        row = row_for(item, Admitted(NEW, norm=norm, minhash=signature_bytes(sig) if sig is not None else None))
        rows.append(row)
        new.append(row)
        articles.append(item)
    for row, result in zip(new, analyze_many(articles)):
        if isinstance(result, InputError):
            failures.append((result.item, result.reason))
            continue
        with_analysis(row, result)
        counts["analysed"] += 1
    rows = [r for r in rows if r.analysis is not None or r.duplicate_of is not None]  # failed analyses are failures
    counts["failed"] = len(failures)
    return rows, failures, counts


def _write(rows: list[ArticleRow], failures: list[tuple[str, str]], fs: fsspec.AbstractFileSystem, root: str,
           pid: str) -> tuple[dict[str, list[str]], dict[str, int], dict[str, list[Any]]]:
    """Parquet files of every table for these rows (hive layout by date and language), committed one by one."""
    con = duckdb.connect()
    try:
        migrate(con)
        for table, table_rows in rows_by_table(rows).items():
            insert(con, table, table_rows)
        if failures:
            insert(con, "failures", [{"item": k, "reason": v} for k, v in dict(failures).items()])
        per_table = {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES}  # type: ignore[index]
        files: dict[str, list[str]] = {}
        with tempfile.TemporaryDirectory(prefix=f"veille-{pid}-") as tmp:
            Path(tmp, "parquet").mkdir()
            for table in TABLES:
                if not per_table[table]:
                    continue
                if table == "failures":
                    target = Path(tmp, "parquet", "failures", f"{pid}.parquet")
                    target.parent.mkdir()
                    con.execute(f"COPY (SELECT * FROM failures ORDER BY item) TO {sql_string(target)} (FORMAT parquet)")
                else:
                    query = parquet_query(table)
                    target = Path(tmp, "parquet", table)
                    con.execute(f"COPY ({query}) TO {sql_string(target)} (FORMAT parquet, PARTITION_BY (pub_date, lang), "
                                f"FILENAME_PATTERN '{pid}_{{i}}')")
                files[table] = sorted(str(p.relative_to(tmp)) for p in Path(tmp, "parquet", table).rglob("*.parquet"))
            if any(r.minhash is not None for r in rows):  # not in the export's tables, but the store's copy index needs it
                target = Path(tmp, "parquet", SIGNATURES, f"{pid}.parquet")
                target.parent.mkdir()
                con.execute(f"COPY (SELECT id, minhash FROM articles WHERE minhash IS NOT NULL ORDER BY id) "
                            f"TO {sql_string(target)} (FORMAT parquet)")
                files[SIGNATURES] = [str(target.relative_to(tmp))]
            checksums: dict[str, list[Any]] = {}
            for table in files:
                for rel in files[table]:
                    checksums[rel] = list(file_checksum(fsspec.filesystem("file"), str(Path(tmp, rel))))
                    _put_file(fs, str(Path(tmp, rel)), f"{root}/{rel}")
        return files, per_table, checksums
    finally:
        con.close()


def _put_file(fs: fsspec.AbstractFileSystem, local: str, target: str) -> None:
    _atomically(fs, target, lambda tmp: fs.put_file(local, tmp))


def _put(fs: fsspec.AbstractFileSystem, data: bytes, target: str) -> None:
    _atomically(fs, target, lambda tmp: fs.pipe_file(tmp, data))


def _atomically(fs: fsspec.AbstractFileSystem, target: str, write: Callable[[str], object]) -> None:
    """Write under a temporary name, then rename: a reader (or a re-run) never sees half a file. A worker
    killed between the write and the rename leaves its temporary file behind; the retry of the same
    partition writes the same targets, so it removes those leftovers first."""
    tmp = f"{target}.tmp-{uuid.uuid4().hex[:8]}"
    folder = target.rsplit("/", 1)[0]
    fs.makedirs(folder, exist_ok=True)
    for stale in fs.ls(folder, detail=False):  # a listing, not a glob: the output path may hold glob characters
        if stale.rsplit("/", 1)[-1].startswith(f"{target.rsplit('/', 1)[-1]}.tmp-"):
            fs.rm_file(stale)
    write(tmp)
    fs.mv(tmp, target)
