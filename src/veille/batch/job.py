"""The Dask job: plan partitions, sign them, judge copies in input order, analyse and write each one once.

Three steps. (1) The client cuts the inputs into partitions (``plan``). (2) Workers read every partition
and return, per article, its id, text hashes and MinHash (about 0.6 kB per article); the client then
makes, in input order, the decisions ``veille ingest`` makes (an id met again with the same text is
skipped, a new version replaces the old, an exact or near copy points at its original), so copies are
found across partitions and the output equals an ingest's. (3) Workers analyse the partitions not yet
committed and write them. A task lost with its worker is run again by Dask on another worker; a job
stopped altogether is resumed by running the same command again.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import fsspec

from veille.batch.plan import PARTITION_SIZE, Partition, plan
from veille.config import default_workers
from veille.batch.tasks import (MANIFESTS, Decision, PipelinesPlugin, analyse_partition, damage, digest,
                                read_manifest, sign_partition)
from veille.ingest import ReadOptions
from veille.ingest.admit import COPY, UNCHANGED, Admission
from veille.ingest.dedup import Deduper, signature_from_bytes


@dataclass(slots=True)
class BatchSummary:
    partitions: int = 0
    written: int = 0
    already_done: int = 0
    read: int = 0
    analysed: int = 0
    duplicates: int = 0
    failed: int = 0
    repeated: int = 0
    seconds: float = 0.0
    manifests: list[dict[str, Any]] = field(default_factory=list)

    def line(self) -> str:
        return (f"partitions {self.partitions} (written {self.written}, already done {self.already_done}); "
                f"read {self.read}, analysed {self.analysed}, duplicates {self.duplicates}, failed {self.failed}, "
                f"repeated ids {self.repeated}; {self.seconds:.1f} s")


def run_batch(inputs: list[str], *, out: str, client: Any = None, scheduler: str | None = None,
              local: int | None = None, size: int = PARTITION_SIZE, options: ReadOptions = ReadOptions(),
              dedup: bool = True, on_partition: Callable[[dict[str, Any]], None] | None = None) -> BatchSummary:
    """Run the batch on ``client``, else on the scheduler at ``scheduler``, else on a local cluster of
    ``local`` worker processes (default: the cores); returns the counts."""
    from distributed import Client, LocalCluster

    if client is not None:
        return _run(client, inputs, out=out, size=size, options=options, dedup=dedup, on_partition=on_partition)
    if scheduler:
        with Client(scheduler) as own:
            return _run(own, inputs, out=out, size=size, options=options, dedup=dedup, on_partition=on_partition)
    with LocalCluster(n_workers=local or default_workers(), threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as own:
        return _run(own, inputs, out=out, size=size, options=options, dedup=dedup, on_partition=on_partition)


def _run(client: Any, inputs: list[str], *, out: str, size: int, options: ReadOptions, dedup: bool,
         on_partition: Callable[[dict[str, Any]], None] | None) -> BatchSummary:
    from distributed import as_completed

    began = time.perf_counter()
    fs, root = fsspec.core.url_to_fs(out)
    fs.makedirs(f"{root}/{MANIFESTS}", exist_ok=True)
    parts = plan(inputs, size=size)
    summary = BatchSummary(partitions=len(parts))
    client.register_plugin(PipelinesPlugin())  # on every worker, and on any worker that joins or restarts
    run = uuid.uuid4().hex[:8]
    signs = client.gather(client.map(sign_partition, parts, options=options, dedup=dedup,
                                     key=[f"veille-sign-{p.id}-{run}" for p in parts]))
    decisions = judge(parts, signs, dedup=dedup)
    todo = []
    for p in parts:
        done = read_manifest(fs, root, p.id)
        if done is not None and done["digest"] == digest(decisions[p.seq]) and not damage(fs, root, done):
            summary.already_done += 1
            _count(summary, done)
        else:
            todo.append(p)
    futures = [client.submit(analyse_partition, p, decisions[p.seq], out, options, dedup,
                             key=f"veille-analyse-{p.id}-{run}", retries=3) for p in todo]
    for fut in as_completed(futures):
        manifest = fut.result()
        fut.release()
        if manifest["skipped"]:  # committed by a task whose worker died after the commit
            summary.already_done += 1
        else:
            summary.written += 1
        _count(summary, manifest)
        if on_partition:
            on_partition(manifest)
    summary.manifests.sort(key=lambda m: m["seq"])
    summary.seconds = time.perf_counter() - began
    return summary


def _count(summary: BatchSummary, manifest: dict[str, Any]) -> None:
    c = manifest["counts"]
    summary.read += c["read"]
    summary.analysed += c["analysed"]
    summary.duplicates += c["duplicates"]
    summary.failed += c["failed"]
    summary.repeated += c["repeated"]
    summary.manifests.append(manifest)


def judge(parts: list[Partition], signs: list[list[tuple[Any, ...]]], *, dedup: bool) -> list[dict[int, Decision]]:
    """Per partition, {item index: decision} for the items that are not new originals, made in input order
    by ``veille ingest``'s own admission (``veille.ingest.admit``) into an empty store. A batch writes each
    id once: an id met again with the same text is skipped, and a new version makes the old one skipped."""
    decisions: list[dict[int, Decision]] = [{} for _ in parts]
    admission = Admission(Deduper() if dedup else None)
    where: dict[str, tuple[int, int]] = {}  # id → (partition, index) of its latest version
    for p, items in enumerate(signs):
        for i, sign in enumerate(items):
            if sign[0] == "error":
                continue
            aid, sha, norm, sig_bytes = sign
            prints = (lambda n=norm, b=sig_bytes: (n, signature_from_bytes(b) if b is not None else None))
            decision = admission.decide(aid, sha, prints)
            if decision.kind == UNCHANGED:
                decisions[p][i] = ("skip",)
                continue
            if decision.replaces:  # the old version is then not written
                before = where[aid]
                decisions[before[0]][before[1]] = ("skip",)
            where[aid] = (p, i)
            if decision.kind == COPY:
                decisions[p][i] = ("copy", decision.of or "", decision.copy_kind or "")
    return decisions
