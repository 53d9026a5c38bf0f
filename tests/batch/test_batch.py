"""``veille batch`` on a real two-process Dask cluster: equal to ``veille ingest``, resumable, and whole
after a worker is killed mid-job.

One cluster serves the module (workers load the pipelines once, through the plugin); the reference is a
single-process ``veille ingest --workers 1`` of the same corpus (real Wikinews articles, French and
English, plus a broken line and an exact copy under another id).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import duckdb
import pytest

from veille.batch import load, run_batch
from veille.batch.load import manifests
from veille.batch.tasks import PipelinesPlugin
from veille.store.duckdb import TABLES

from ..conftest import SHARED, run_cli

pytestmark = pytest.mark.slow
SIZE = 3


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    def lines(name: str, n: int) -> list[str]:
        with (SHARED / "corpus" / name).open(encoding="utf-8") as fh:
            return [line.rstrip("\n") for line in fh if line.strip()][:n]

    fr, en = lines("wikinews-fr.jsonl", 13), lines("wikinews-en.jsonl", 9)
    copy = json.loads(fr[2])
    copy["id"] = "copy-of-" + copy["id"]
    rows = fr[:10] + ["{broken"] + en + [json.dumps(copy, ensure_ascii=False)] + fr[10:]
    path = tmp_path_factory.mktemp("corpus") / "mixed.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("ref") / "ingest.duckdb"
    result = run_cli("ingest", str(corpus), "--db", str(db), "--workers", "1", "--no-progress")
    assert result.exit_code == 1, result.stderr  # the broken line
    assert result.stdout.splitlines()[0] == "read 24, analysed 22, duplicates 1, failed 1, already stored 0"  # then stories
    return db


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        c.register_plugin(PipelinesPlugin())
        yield c


@pytest.fixture(scope="module")
def first_run(corpus, client, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "out"
    result = run_cli("batch", str(corpus), "--out", str(out), "--scheduler", client.scheduler.address,
                     "--partition-size", str(SIZE))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("partitions 8 (written 8, already done 0); read 24, analysed 22, duplicates 1, "
                                    "failed 1, repeated ids 0")
    return out


def assert_same_store(reference: Path, db: Path, *, tables: tuple[str, ...] = TABLES) -> None:
    """Every table equal row for row (timestamps aside), and every article's analysis JSON equal."""
    a, b = duckdb.connect(str(reference), read_only=True), duckdb.connect(str(db), read_only=True)
    try:
        for table in tables:
            cols = [c[0] for c in a.execute(f"DESCRIBE {table}").fetchall() if c[0] not in ("ingested_at", "failed_at")]
            q = f"SELECT {', '.join(cols)} FROM {table} ORDER BY ALL"
            assert b.execute(q).fetchall() == a.execute(q).fetchall(), table
        want = dict(a.execute("SELECT id, analysis FROM articles").fetchall())
        got = dict(b.execute("SELECT id, analysis FROM articles").fetchall())
        assert got.keys() == want.keys()
        for aid, analysis in want.items():
            assert (json.loads(got[aid]) if got[aid] else None) == (json.loads(analysis) if analysis else None), aid
    finally:
        a.close()
        b.close()


def _ids_in_parquet(out: Path) -> list[str]:
    con = duckdb.connect()
    rows = con.execute(f"SELECT id FROM read_parquet('{out}/parquet/articles/**/*.parquet', hive_partitioning = true)")
    return [r[0] for r in rows.fetchall()]


def test_batch_equals_a_single_process_ingest_article_for_article(first_run, reference, tmp_path):
    db = tmp_path / "loaded.duckdb"
    result = run_cli("load", str(first_run), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "articles\t23" in result.stdout
    assert_same_store(reference, db)
    ids = _ids_in_parquet(first_run)  # any SQL engine reads the output in place
    assert len(ids) == len(set(ids)) == 23
    assert not list(first_run.rglob("*.tmp-*"))
    again = load(str(first_run), db=db)  # loading twice adds nothing
    assert again["articles"] == 0 and again["articles_already_stored"] == 23


def test_the_api_writer_stores_what_an_ingest_stores_article_for_article(corpus, reference, tmp_path):
    """The third writer: ``POST /articles`` with the token, the corpus's articles posted in input order in two
    requests, makes the same rows as ``veille ingest`` (the broken line cannot be posted: no failure row)."""
    from fastapi.testclient import TestClient

    from veille.api import create_app

    rows = []
    for line in corpus.read_text("utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    db = tmp_path / "api.duckdb"
    with TestClient(create_app(db, token="t")) as client:
        reports = [client.post("/articles", json=part, headers={"Authorization": "Bearer t"})
                   for part in (rows[:12], rows[12:])]
    assert [r.status_code for r in reports] == [200, 200], [r.text for r in reports]
    assert sum(len(r.json()["stored"]) for r in reports) == 22
    assert [d["id"] for r in reports for d in r.json()["duplicates"]] == [rows[-4]["id"]]
    assert_same_store(reference, db, tables=tuple(t for t in TABLES if t != "failures"))


def test_a_rerun_recomputes_only_the_partition_whose_output_is_gone(first_run, corpus, client, reference, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(first_run, out)
    before = {m["id"]: m for m in manifests(str(out))}
    lost = sorted(before.values(), key=lambda m: m["seq"])[3]
    for rel in (f for files in lost["files"].values() for f in files):
        half = (out / rel).read_bytes()[:100]  # a worker killed between its write and its rename left this
        (out / rel).unlink()
        (out / f"{rel}.tmp-0badc0de").write_bytes(half)
    (out / "_partitions" / f"{lost['id']}.json").unlink()
    written: list[str] = []
    summary = run_batch([str(corpus)], out=str(out), client=client, size=SIZE,
                        on_partition=lambda m: written.append(m["id"]))
    assert written == [lost["id"]]
    assert (summary.written, summary.already_done) == (1, 7)
    after = {m["id"]: m for m in manifests(str(out))}
    assert after.keys() == before.keys()
    assert all(after[k] == before[k] for k in before if k != lost["id"])
    assert after[lost["id"]]["files"] == lost["files"] and after[lost["id"]]["rows"] == lost["rows"]
    assert not list(out.rglob("*.tmp-*"))  # the rerun removed what the killed attempt left half-written
    load(str(out), db=tmp_path / "resumed.duckdb")
    assert_same_store(reference, tmp_path / "resumed.duckdb")


def test_a_rerun_recomputes_partitions_whose_files_were_truncated_or_deleted(first_run, corpus, client, reference,
                                                                              tmp_path):
    """A manifest promises files of a given size and checksum: a damaged or missing file undoes the promise,
    so ``veille load`` refuses with one line instead of a traceback, and a re-run rewrites that partition."""
    out = tmp_path / "out"
    shutil.copytree(first_run, out)
    ordered = sorted(manifests(str(out)), key=lambda m: m["seq"])
    truncated, deleted = ordered[2], ordered[5]
    victim = out / truncated["files"]["events"][0]
    victim.write_bytes(victim.read_bytes()[: victim.stat().st_size // 2])
    (out / deleted["files"]["articles"][0]).unlink()
    refused = run_cli("load", str(out), "--db", str(tmp_path / "refused.duckdb"), "--no-stories")
    assert refused.exit_code == 1 and "Traceback" not in refused.stderr
    assert truncated["id"] in refused.stderr and deleted["id"] in refused.stderr
    written: list[str] = []
    summary = run_batch([str(corpus)], out=str(out), client=client, size=SIZE,
                        on_partition=lambda m: written.append(m["id"]))
    assert sorted(written) == sorted([truncated["id"], deleted["id"]])
    assert (summary.written, summary.already_done) == (2, 6)
    load(str(out), db=tmp_path / "repaired.duckdb")
    assert_same_store(reference, tmp_path / "repaired.duckdb")


def test_a_worker_killed_mid_job_loses_nothing_and_writes_nothing_twice(corpus, client, reference, tmp_path):
    out = tmp_path / "out"
    pids = client.run(os.getpid)  # worker address → process id
    killed: list[int] = []

    def kill_one_once_a_partition_is_written() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            done = list((out / "_partitions").glob("*.json")) if out.exists() else []
            if done:
                writer = json.loads(done[0].read_text())["pid"]
                victim = next((p for p in pids.values() if p != writer), writer)  # the one still at work
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)
                return
            time.sleep(0.02)

    killer = threading.Thread(target=kill_one_once_a_partition_is_written, daemon=True)
    killer.start()
    summary = run_batch([str(corpus)], out=str(out), client=client, size=SIZE)
    killer.join()
    assert killed, "no partition was written, so no worker was killed"
    assert summary.written + summary.already_done == summary.partitions == 8
    assert (summary.read, summary.analysed, summary.failed) == (24, 22, 1)
    ids = _ids_in_parquet(out)
    assert len(ids) == len(set(ids)) == 23  # every article exactly once
    assert not list(out.rglob("*.tmp-*"))
    load(str(out), db=tmp_path / "after-kill.duckdb")
    assert_same_store(reference, tmp_path / "after-kill.duckdb")
    client.wait_for_workers(2, timeout=60)  # the nanny restarted the killed worker
    assert killed[0] not in client.run(os.getpid).values()


def test_workers_keep_no_profile_history_that_would_grow_their_memory(first_run, client):
    """Dask's profiler keeps ~0.3 MB a second of the parse's stacks for 1,000 s; the plugin stops it on every
    worker, a restarted one included (this runs after the kill above), so memory stays flat across partitions."""
    def profiler(dask_worker) -> tuple[bool, int, int]:
        return ("profile" in dask_worker.periodic_callbacks, len(dask_worker.profile_history),
                len(dask_worker.profile_keys_history))

    states = client.run(profiler)
    assert len(states) == 2
    assert all(state == (False, 0, 0) for state in states.values()), states
