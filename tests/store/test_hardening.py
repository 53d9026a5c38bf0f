"""The store's commands under careless use (issue 13): failures counted in the exit status and kept across
runs, a live server and an ingest on one store file, and one line instead of a traceback."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ..conftest import SHARED, run_cli

VEILLE = [str(Path(sys.executable).parent / "veille")]
GOOD = {"id": "good", "text": "La Russie a attaqué l'Ukraine lundi, selon Kiev.\n", "published": "2024-01-08"}


def _jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _one_line_error(result) -> str:
    assert result.exit_code == 1, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_ingest_exits_1_when_items_fail_and_keeps_the_failures_of_every_run(tmp_path):
    db, failures = tmp_path / "s.duckdb", tmp_path / "failures.tsv"
    first = run_cli("ingest", str(_jsonl(tmp_path / "a.jsonl", [GOOD, "{broken"])), "--db", str(db), "--workers", "1",
                    "--no-progress", "--no-stories", "--failures", str(failures))
    assert first.exit_code == 1 and first.stdout.startswith("read 2, analysed 1, duplicates 0, failed 1")
    second = run_cli("ingest", str(_jsonl(tmp_path / "b.jsonl", ["[not an article]"])), "--db", str(db), "--workers",
                     "1", "--no-progress", "--no-stories", "--failures", str(failures))
    assert second.exit_code == 1
    rows = failures.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "item\treason"
    assert [r.split("\t")[0] for r in rows[1:] if not r.startswith("item\t")] == [f"{tmp_path}/a.jsonl:2",
                                                                                  f"{tmp_path}/b.jsonl:1"]
    clean = run_cli("ingest", str(tmp_path / "a.jsonl"), "--db", str(db), "--workers", "1", "--no-progress",
                    "--no-stories", "--failures", str(failures))
    assert clean.exit_code == 1  # the broken line is still broken


def test_unwritable_places_and_a_damaged_store_get_one_line(tmp_path):
    article = _jsonl(tmp_path / "a.jsonl", [GOOD])
    db = tmp_path / "s.duckdb"
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    line = _one_line_error(run_cli("ingest", str(article), "--db", str(db), "--workers", "1", "--no-progress",
                                   "--no-stories", "--failures", str(blocker / "failures.tsv")))
    assert "failures.tsv" in line
    full = run_cli("ingest", str(_jsonl(tmp_path / "bad.jsonl", ["{broken"])), "--db", str(db), "--workers", "1",
                   "--no-progress", "--no-stories", "--failures", "/dev/full")
    assert "Traceback" not in full.stderr and full.exit_code == 1 and "No space left" in full.stderr
    assert run_cli("ingest", str(article), "--db", str(db), "--workers", "1", "--no-progress", "--no-stories",
                   "--failures", str(tmp_path / "f.tsv")).exit_code == 0
    assert "a-file" in _one_line_error(run_cli("export", "--db", str(db), "--format", "csv", "--out",
                                               str(blocker / "out")))
    damaged = tmp_path / "damaged.duckdb"
    damaged.write_bytes(b"this is not a DuckDB file\n" * 500)
    assert "damaged.duckdb" in _one_line_error(run_cli("query", "events", "--db", str(damaged)))
    assert "damaged.duckdb" in _one_line_error(run_cli("ingest", str(article), "--db", str(damaged), "--workers", "1",
                                                       "--no-progress", "--no-stories",
                                                       "--failures", str(tmp_path / "f2.tsv")))


def test_a_full_disk_is_said_not_hidden_behind_cannot_rollback(tmp_path):
    """A file-size limit (RLIMIT_FSIZE) stands in for a full disk: the commit's write fails as it would.
    The error said is that one, in one line, and the store still opens with what it held."""
    import resource
    import signal

    db = tmp_path / "full.duckdb"
    first = run_cli("ingest", str(_jsonl(tmp_path / "a.jsonl", [GOOD])), "--db", str(db), "--workers", "1",
                    "--no-progress", "--no-stories", "--failures", str(tmp_path / "f.tsv"))
    assert first.exit_code == 0, first.stderr

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (32768, 32768))

    rows = [line for line in (SHARED / "corpus" / "wikinews-fr.jsonl").open(encoding="utf-8")][:4]
    more = tmp_path / "more.jsonl"
    more.write_text("".join(rows), encoding="utf-8")
    proc = subprocess.run([*VEILLE, "ingest", str(more), "--db", str(db),
                           "--workers", "1", "--no-progress", "--no-stories", "--failures", str(tmp_path / "f.tsv")],
                          capture_output=True, text=True, preexec_fn=small_files, timeout=300)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert "cannot rollback" not in proc.stderr and "File too large" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    after = run_cli("sql", "SELECT id FROM articles ORDER BY id", "--db", str(db), "--format", "csv")
    assert after.exit_code == 0 and "good" in after.stdout.split()


def test_terminal_escapes_in_articles_never_reach_the_terminal(tmp_path):
    hostile = {**GOOD, "id": "esc", "title": "Titre\x1b]0;pwned\x07\x1b[2J\x9b31m", "source": "\x1b[31mRouge"}
    path = _jsonl(tmp_path / "esc.jsonl", [hostile])
    text = run_cli("analyze", str(path), "--format", "text")
    assert text.exit_code == 0 and "Titre" in text.stdout
    assert not any(ch in text.stdout for ch in "\x1b\x07\x9b")
    db = tmp_path / "s.duckdb"
    assert run_cli("ingest", str(path), "--db", str(db), "--workers", "1", "--no-progress", "--no-stories").exit_code == 0
    table = run_cli("sql", "SELECT title, source FROM articles", "--db", str(db))
    assert table.exit_code == 0 and "Titre" in table.stdout
    assert not any(ch in table.stdout for ch in "\x1b\x07\x9b")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, {}


def _wait_for(url: str, seconds: float = 90) -> None:
    """Until a server just started answers ``url`` with 200 (or ``seconds`` have passed)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if _get(url)[0] == 200:
                return
        except OSError:
            time.sleep(0.3)


def test_serve_refuses_a_store_that_does_not_exist(tmp_path, monkeypatch):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)
    monkeypatch.delenv("VEILLE_TOKEN", raising=False)
    line = _one_line_error(run_cli("serve", "--db", str(tmp_path / "typo.duckdb")))
    assert "typo.duckdb" in line and not (tmp_path / "typo.duckdb").exists()


@pytest.mark.slow
def test_a_live_server_answers_while_an_ingest_writes_the_same_store(tmp_path):
    rows = [json.loads(line) for line in (SHARED / "corpus" / "wikinews-en.jsonl").open(encoding="utf-8")][:10]
    db = tmp_path / "live.duckdb"
    first = run_cli("ingest", str(_jsonl(tmp_path / "first.jsonl", rows[:2])), "--db", str(db), "--workers", "1",
                    "--no-progress", "--no-stories")
    assert first.exit_code == 0, first.stderr
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "VEILLE_TOKEN"}
    server = subprocess.Popen([*VEILLE, "serve", "--db", str(db), "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/stats"
        _wait_for(url)
        assert _get(url)[1]["counts"]["articles"] == 2
        ingest = subprocess.Popen([*VEILLE, "ingest", str(_jsonl(tmp_path / "more.jsonl", rows[2:])), "--db", str(db),
                                   "--workers", "1", "--no-progress"], env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        answers = []
        while ingest.poll() is None and len(answers) < 2000:
            answers.append(_get(url))
            time.sleep(0.2)
        out, err = ingest.communicate(timeout=300)
        assert ingest.returncode == 0, err
        assert out.startswith("read 8, analysed 8")
        assert len(answers) >= 5 and all(status == 200 for status, _ in answers), [s for s, _ in answers]
        assert _get(url)[1]["counts"]["articles"] == 10
    finally:
        server.terminate()
        server.wait(timeout=30)
