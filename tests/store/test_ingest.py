"""The ingest loop end to end: idempotent, resumable after SIGKILL, copies counted, bad items reported."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from veille.store.duckdb import TABLES

from ..conftest import SPECIMEN, run_cli
from .helpers import corpus_rows, write_jsonl

VEILLE = [str(Path(sys.executable).parent / "veille")]  # the installed command, as a user runs it


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def contents(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT id, text_sha256, duplicate_of, duplicate_kind, analysis FROM articles ORDER BY id").fetchall()
    finally:
        con.close()


def _summary(stdout: str) -> dict[str, int]:
    return {k.replace("already stored", "unchanged"): int(v)
            for v, k in [(m.group(2), m.group(1)) for m in re.finditer(r"([a-z ]+?) (\d+)", stdout.replace(",", ""))]}


def test_ingesting_twice_adds_nothing(tmp_path):
    src = write_jsonl(tmp_path / "few.jsonl", corpus_rows("wikinews-en.jsonl", 4) + corpus_rows("wikinews-fr.jsonl", 4))
    db = tmp_path / "s.duckdb"
    first = run_cli("ingest", str(src), str(SPECIMEN), "--db", str(db), "--workers", "1", "--published", "2024-01-05")
    assert first.exit_code == 0, first.stderr
    assert "read 9, analysed 9, duplicates 0, failed 0, already stored 0" in first.stdout
    after_first = counts(db)
    assert after_first["articles"] == 9 and after_first["entities"] > 0 and after_first["mentions"] > after_first["entities"]
    second = run_cli("ingest", str(src), str(SPECIMEN), "--db", str(db), "--workers", "1", "--published", "2024-01-05")
    assert "read 9, analysed 0, duplicates 0, failed 0, already stored 9" in second.stdout
    assert counts(db) == after_first


def test_copies_are_stored_once_analysed_and_counted(tmp_path):
    (row,) = corpus_rows("wikinews-fr.jsonl", 1)
    exact = {**row, "id": "copy-exact", "text": row["text"].replace("\n\n", "\n \n")}  # same words, other spacing
    near = {**row, "id": "copy-near", "text": row["text"].replace("Barroso", "José Manuel Barroso", 1) + "\n\n(Avec AFP.)"}
    src = write_jsonl(tmp_path / "dups.jsonl", [row, exact, near])
    db = tmp_path / "d.duckdb"
    r = run_cli("ingest", str(src), "--db", str(db), "--workers", "1")
    assert "read 3, analysed 1, duplicates 2, failed 0" in r.stdout, r.stdout
    con = duckdb.connect(str(db), read_only=True)
    got = con.execute("SELECT id, duplicate_of, duplicate_kind, analysis IS NULL FROM articles ORDER BY id").fetchall()
    assert got == [("copy-exact", row["id"], "exact", True), ("copy-near", row["id"], "near", True), (row["id"], None, None, False)]
    assert con.execute("SELECT count(DISTINCT article_id) FROM entities").fetchone()[0] == 1
    con.close()


@pytest.mark.slow
def test_a_bad_batch_reports_each_bad_item_and_keeps_the_good_ones(tmp_path):
    good = corpus_rows("wikinews-en.jsonl", 2)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 50)
    (tmp_path / "truncated.html").write_text("<html><head><title>Cut</title></head><body><div><p>", encoding="utf-8")
    lines = tmp_path / "lines.jsonl"
    lines.write_text(f'{{"id": "ok-1", "text": {__import__("json").dumps(good[0]["text"])}}}\n{{"id": "broken", "text": "no end\n',
                     encoding="utf-8")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(SPECIMEN.read_text(encoding="utf-8").replace("’", "'").encode("latin-1", errors="replace"))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        block = (good[1]["text"] + "\n").encode("utf-8")
        while fh.tell() < 50_000_000:
            fh.write(block)
    db = tmp_path / "bad.duckdb"
    fails = tmp_path / "fails.tsv"
    proc = subprocess.run([*VEILLE, "ingest", str(tmp_path / "*.txt"), str(tmp_path / "*.html"), str(lines),
                           "--db", str(db), "--workers", "1", "--failures", str(fails), "--published", "2024-01-05"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr  # items failed: said in the exit status too
    assert "read 7, analysed 2, duplicates 0, failed 5" in proc.stdout, proc.stdout
    reported = dict(line.split("\t") for line in fails.read_text(encoding="utf-8").splitlines()[1:])
    assert set(reported) == {str(tmp_path / "empty.txt"), str(tmp_path / "blob.txt"), str(huge),
                             str(tmp_path / "truncated.html"), f"{lines}:2"}
    assert "empty" in reported[str(tmp_path / "empty.txt")]
    assert "binary" in reported[str(tmp_path / "blob.txt")]
    assert "larger than" in reported[str(huge)]
    assert "no article text" in reported[str(tmp_path / "truncated.html")]
    assert "not JSON" in reported[f"{lines}:2"]
    for item in reported:
        assert item in proc.stderr  # each one also said on stderr
    con = duckdb.connect(str(db), read_only=True)
    stored = dict(con.execute("SELECT id, lang FROM articles").fetchall())
    assert stored == {"ok-1": "en", "latin1": "fr"}
    assert con.execute("SELECT count(*) FROM failures").fetchone()[0] == len(reported)
    con.close()
    peak_mb = _children_peak_rss_mb()
    assert peak_mb < 1500, f"peak RSS {peak_mb:.0f} MB"


def _children_peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


@pytest.mark.slow
def test_an_ingest_killed_half_way_resumes_to_exactly_the_uninterrupted_result(tmp_path):
    rows = corpus_rows("wikinews-fr.jsonl", 15) + corpus_rows("wikinews-en.jsonl", 14)
    rows.append({**rows[3], "id": "wire-copy"})  # a copy, so resumed dedup decisions are compared too
    src = write_jsonl(tmp_path / "thirty.jsonl", rows)
    whole, resumed = tmp_path / "whole.duckdb", tmp_path / "resumed.duckdb"

    r = run_cli("ingest", str(src), "--db", str(whole), "--workers", "1")
    assert r.exit_code == 0 and "analysed 29, duplicates 1" in r.stdout, r.stdout

    proc = subprocess.Popen([*VEILLE, "ingest", str(src), "--db", str(resumed), "--workers", "2", "--progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    done = _wait_for_progress(proc, at_least=8)
    os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its workers, like a power cut
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL and 8 <= done < len(rows)
    partial = counts(resumed)
    assert 0 < partial["articles"] < len(rows)

    r = run_cli("ingest", str(src), "--db", str(resumed), "--workers", "1")
    assert r.exit_code == 0, r.stderr
    got, want = counts(resumed), counts(whole)
    store_level = ("articles", "failures")
    assert {t: got[t] for t in store_level} == {t: want[t] for t in store_level}
    assert [c[:4] for c in contents(resumed)] == [c[:4] for c in contents(whole)]  # ids, hashes, copy decisions
    assert got == want  # every table, analyses included: nothing lost, nothing twice
    assert contents(resumed) == contents(whole)


def _wait_for_progress(proc: subprocess.Popen, *, at_least: int) -> int:
    """Read the progress bar until it shows ``at_least`` items written; return that count."""
    deadline = time.monotonic() + 240
    buf = b""
    fd = proc.stderr.fileno()
    os.set_blocking(fd, False)
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 4096)
        except BlockingIOError:
            chunk = b""
        if chunk:
            buf += chunk
            counts_seen = [int(m) for m in re.findall(rb"\| *(\d+)/\d+ \[", buf)]
            if counts_seen and max(counts_seen) >= at_least:
                return max(counts_seen)
        elif proc.poll() is not None:
            break
        else:
            time.sleep(0.05)
    raise AssertionError(f"no progress before the ingest ended: {buf[-500:]!r}")


def test_signatures_from_the_cached_permutations_equal_datasketch_own():
    """dedup draws the MinHash permutations once: signatures must stay those already in existing stores."""
    from datasketch import LeanMinHash, MinHash

    from veille.ingest.dedup import NUM_PERM, SEED, SHINGLE, normalise, signature, signature_bytes

    for row in corpus_rows("wikinews-fr.jsonl", 5):
        words = normalise(row["text"]).split()
        shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
        fresh = MinHash(num_perm=NUM_PERM, seed=SEED)
        fresh.update_batch([s.encode("utf-8") for s in shingles])
        assert signature_bytes(signature(row["text"])) == signature_bytes(LeanMinHash(fresh))
