"""The store's copy index (migration 006): copies of stored originals are found without loading every stored
signature, a replaced text's keys go, and a store written without keys gets them at the next ingest."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..conftest import run_cli
from .helpers import corpus_rows, write_jsonl


def _ingest(tmp: Path, name: str, rows: list[dict], db: Path) -> str:
    r = run_cli("ingest", str(write_jsonl(tmp / name, rows)), "--db", str(db), "--workers", "1", "--no-stories")
    assert r.exit_code == 0, r.stderr
    return r.stdout


def _copies(db: Path) -> dict[str, tuple[str | None, str | None]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {i: (d, k) for i, d, k in con.execute("SELECT id, duplicate_of, duplicate_kind FROM articles").fetchall()}
    finally:
        con.close()


def test_copies_of_articles_stored_by_an_earlier_ingest_point_at_them(tmp_path):
    rows = corpus_rows("wikinews-fr.jsonl", 3)
    db = tmp_path / "s.duckdb"
    _ingest(tmp_path, "a.jsonl", rows, db)
    orig = rows[1]
    exact = {**orig, "id": "later-exact", "text": orig["text"].replace("\n\n", "\n \n")}
    near = {**orig, "id": "later-near", "text": orig["text"] + "\n\n(Avec AFP.)"}
    other = corpus_rows("wikinews-en.jsonl", 1)[0]
    out = _ingest(tmp_path, "b.jsonl", [exact, near, other], db)
    assert "read 3, analysed 1, duplicates 2" in out, out
    got = _copies(db)
    assert got["later-exact"] == (orig["id"], "exact")
    assert got["later-near"] == (orig["id"], "near")
    assert got[other["id"]] == (None, None)


def test_a_replaced_text_is_no_longer_an_original_for_its_old_words(tmp_path):
    rows = corpus_rows("wikinews-fr.jsonl", 2)
    db = tmp_path / "s.duckdb"
    _ingest(tmp_path, "a.jsonl", rows, db)
    old = rows[0]
    new_text = corpus_rows("wikinews-fr.jsonl", 3)[2]["text"] + "\n\nMise à jour."
    _ingest(tmp_path, "b.jsonl", [{**old, "text": new_text}], db)  # same id, other text: a new version
    copy_of_old = {**old, "id": "copy-of-old-words", "text": old["text"] + "\n\n(Avec AFP.)"}
    _ingest(tmp_path, "c.jsonl", [copy_of_old], db)
    assert _copies(db)["copy-of-old-words"] == (None, None)  # the old words are stored nowhere now
    con = duckdb.connect(str(db), read_only=True)
    stale = con.execute("""SELECT count(*) FROM minhash_bands b JOIN articles a ON a.id = b.article_id
                           WHERE b.norm_sha256 IS DISTINCT FROM a.norm_sha256""").fetchone()[0]
    con.close()
    assert stale == 0


def test_a_store_without_keys_gets_them_and_still_finds_copies(tmp_path):
    """A store an earlier veille wrote (or a batch load) has originals without keys."""
    rows = corpus_rows("wikinews-en.jsonl", 3)
    db = tmp_path / "s.duckdb"
    _ingest(tmp_path, "a.jsonl", rows, db)
    con = duckdb.connect(str(db))
    keyed = con.execute("SELECT count(DISTINCT article_id) FROM minhash_bands").fetchone()[0]
    con.execute("DELETE FROM minhash_bands")
    con.close()
    assert keyed == 3
    near = {**rows[2], "id": "near-copy", "text": rows[2]["text"] + "\n\n(With AP.)"}
    _ingest(tmp_path, "b.jsonl", [near], db)
    assert _copies(db)["near-copy"] == (rows[2]["id"], "near")
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(DISTINCT article_id) FROM minhash_bands").fetchone()[0] == 3
    con.close()
