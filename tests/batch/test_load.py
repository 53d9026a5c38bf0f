"""``veille load``: committed partitions only, idempotent, a new version replaces the old (no NLP here)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import duckdb
import fsspec

from veille.batch import load
from veille.batch.tasks import MANIFESTS, _put, _write
from veille.ingest.admit import ArticleRow


def _row(aid: str, text: str, *, copy_of: str | None = None) -> ArticleRow:
    sha = hashlib.sha256(text.encode()).hexdigest()
    analysis = None if copy_of else {"schema": "veille.analysis/1", "article": {"id": aid, "lang": "fr"},
                                     "entities": [{"id": "e1", "canonical": "Paris", "type": "GPE",
                                                   "mentions": [{"text": "Paris", "start": 0, "end": 5}]}],
                                     "times": [], "events": [], "claims": []}
    return ArticleRow(id=aid, text=text, text_sha256=sha, norm_sha256=sha, lang="fr", published=dt.date(2024, 1, 5),
                      title=None, url=None, source=None, minhash=None if copy_of else b"\x01", analysis=analysis,
                      duplicate_of=copy_of, duplicate_kind="exact" if copy_of else None)


def _commit(out, pid: str, seq: int, rows, failures=()) -> None:
    fs, root = fsspec.core.url_to_fs(str(out))
    files, per_table, checksums = _write(rows, list(failures), fs, root, pid)
    manifest = {"id": pid, "seq": seq, "files": files, "rows": per_table, "checksums": checksums}
    _put(fs, json.dumps(manifest).encode(), f"{root}/{MANIFESTS}/{pid}.json")


def test_load_reads_committed_partitions_once_and_replaces_new_versions(tmp_path):
    out, db = tmp_path / "out", tmp_path / "store.duckdb"
    _commit(out, "p0", 0, [_row("a", "Paris est là."), _row("b", "Paris est là!", copy_of="a")], [("x.jsonl:3", "bad")])
    fs, root = fsspec.core.url_to_fs(str(out))
    _write([_row("zzz", "Paris, pas commis.")], [], fs, root, "p1")  # files without a manifest: not committed
    first = load(str(out), db=db)
    assert (first["articles"], first["entities"], first["mentions"], first["failures"]) == (2, 1, 1, 1)
    assert load(str(out), db=db)["articles_already_stored"] == 2
    _commit(tmp_path / "out2", "p9", 0, [_row("a", "Paris a changé.")])
    assert load(str(tmp_path / "out2"), db=db)["articles_replaced"] == 1
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT id, text, lang, duplicate_of, minhash IS NOT NULL FROM articles ORDER BY id").fetchall() == [
        ("a", "Paris a changé.", "fr", None, True), ("b", "Paris est là!", "fr", "a", False)]
    assert con.execute("SELECT count(*) FROM entities").fetchone()[0] == 1
    assert con.execute("SELECT item, reason FROM failures").fetchall() == [("x.jsonl:3", "bad")]
