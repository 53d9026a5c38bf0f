"""The store itself: migrations, whole-article writes, queries, read-only SQL and exports."""

from __future__ import annotations

import csv
import json

import duckdb
import pytest

from veille import contract
from veille.ingest.dedup import norm_hash
from veille.model import parse_date
from veille.store import queries
from veille.ingest.admit import ArticleRow
from veille.store.duckdb import TABLES, Store, connect, migrations
from veille.store.queries import open_readonly

from ..conftest import run_cli
from .helpers import corpus_rows, with_events_and_claims, write_jsonl


def _row(analysis: dict, **extra) -> ArticleRow:
    art = analysis["article"]
    text = art["text"]
    return ArticleRow(id=art["id"], text=text, text_sha256=art["text_sha256"], norm_sha256=norm_hash(text),
                      lang=art["lang"], published=parse_date(art["published"]), title=art["title"], url=art["url"],
                      source=art["source"], analysis=analysis, **extra)


@pytest.fixture()
def filled(tmp_path, specimen_analysis):
    """A store holding the specimen twice (two ids), with hand-written events and claims."""
    db = tmp_path / "q.duckdb"
    with Store(db) as store:
        store.write([_row(with_events_and_claims(specimen_analysis)),
                     _row(with_events_and_claims(specimen_analysis, article_id="seed-fr-001-bis"))],
                    [("broken.html", "no article text found in the HTML page")])
    return db


def test_schema_is_versioned_and_migrations_apply_once(tmp_path):
    db = tmp_path / "m.duckdb"
    con = connect(db)
    latest, shipped = migrations()[-1][0], len(migrations())  # numbers may skip one another branch takes
    assert con.execute("SELECT max(version), count(*) FROM schema_version").fetchone() == (latest, shipped)
    con.close()
    con = connect(db)  # reopening applies nothing again
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == shipped
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert set(TABLES) <= tables
    con.close()


def test_rewriting_an_article_replaces_its_rows_without_adding(filled, specimen_analysis):
    before = _counts(filled)
    with Store(filled) as store:
        store.write([_row(with_events_and_claims(specimen_analysis), replace=True)])
    assert _counts(filled) == before
    assert before["events"] == 6 and before["claims"] == 4 and before["claim_sources"] == 2


def test_query_events_by_actor_recipient_type_and_date(filled):
    r = run_cli("query", "events", "--db", str(filled), "--actor", "RUS", "--format", "json")
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    assert {(x["event_id"], x["type"], x["actor_country"], x["recipient_country"]) for x in rows} == {("v1", "ASSAULT", "RUS", "UKR")}
    assert rows[0]["said_by"] == "White House"
    r = run_cli("query", "events", "--db", str(filled), "--actor", "RUS", "--recipient", "UKR", "--type", "ASSAULT",
                "--since", "2024-01-01", "--format", "json")
    assert json.loads(r.stdout) == []  # the act was on 2023-12-30, whatever the publication date
    r = run_cli("query", "events", "--db", str(filled), "--recipient", "Russia", "--since", "2024-01-01")
    assert "ACCUSE" in r.stdout and "AID" in r.stdout and "(4 rows)" in r.stdout


def test_query_claims_and_entities(filled):
    r = run_cli("query", "claims", "--db", str(filled), "--speaker", "John Kirby", "--format", "csv")
    rows = list(csv.DictReader(r.stdout.splitlines()))
    assert len(rows) == 2 and rows[0]["speaker"] == "John Kirby"
    assert rows[0]["sources"] == "The Wall Street Journal (previously_reported)"
    r = run_cli("query", "entities", "--db", str(filled), "--country", "PRK", "--format", "json")
    rows = json.loads(r.stdout)
    assert rows and all(x["country"] == "PRK" for x in rows)
    assert rows[0]["canonical"] == "North Korea" and rows[0]["articles"] == 2


def test_sql_is_read_only(filled):
    r = run_cli("sql", "--db", str(filled), "SELECT count(*) AS n FROM mentions", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)[0]["n"] > 0
    before = _counts(filled)
    for statement in ("DELETE FROM articles", "DROP TABLE events", "INSERT INTO failures VALUES ('x', 'y', now())",
                      f"COPY articles TO '{filled.parent / 'leak.csv'}'", f"ATTACH '{filled.parent / 'other.db'}' AS o"):
        r = run_cli("sql", "--db", str(filled), statement)
        assert r.exit_code != 0 and "Error" in r.stderr, statement
    assert _counts(filled) == before and not (filled.parent / "leak.csv").exists()


def test_sql_on_a_missing_store_says_so(tmp_path):
    r = run_cli("sql", "--db", str(tmp_path / "none.duckdb"), "SELECT 1")
    assert r.exit_code != 0 and "no store" in r.stderr


def test_exports(filled, tmp_path):
    out = tmp_path / "out"
    for fmt in ("jsonl", "csv", "parquet", "plover"):  # one folder: the first export makes it, the others add to it
        r = run_cli("export", "--db", str(filled), "--format", fmt, "--out", str(out),
                    *(["--overwrite"] if fmt != "jsonl" else []))
        assert r.exit_code == 0, r.stderr
    lines = (out / "analyses.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    for line in lines:
        analysis = json.loads(line)
        assert contract.errors(analysis) == []
        assert len(analysis["events"]) == 3 and analysis["article"]["text"].startswith("Le Royaume-Uni")
    counts = _counts(filled)
    for table in ("articles", "entities", "mentions", "times", "events", "claims", "claim_sources"):
        folders = list((out / "parquet" / table).glob("pub_date=*/lang=*"))
        assert [f.relative_to(out / "parquet" / table).as_posix() for f in folders] == ["pub_date=2024-01-05/lang=fr"]
        pattern = str(out / "parquet" / table / "**" / "*.parquet")
        n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{pattern}', hive_partitioning = true)").fetchall()[0][0]
        assert n == counts[table], table
        with (out / f"{table}.csv").open(encoding="utf-8") as fh:
            assert sum(1 for _ in csv.DictReader(fh)) == counts[table]
    plover = [json.loads(line) for line in (out / "plover.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(plover) == 6
    assault = next(p for p in plover if p["event"] == "ASSAULT")
    assert (assault["source"]["code"], assault["target"]["code"], assault["cite_info"]["attributed_to"]) == \
        ("RUS", "UKR", "White House")
    assert "les forces russes avaient lancé" in assault["event_text"]


def _counts(db) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def test_a_country_code_matches_that_country_only(tmp_path):
    # en-wikinews:2020:079 holds "Belarusian KGB arrested 33 Russian individuals" (BLR → RUS): asking for the
    # actor RUS must not bring Belarus back because "rus" stands inside its name
    rows = [r for r in corpus_rows("wikinews-en.jsonl") if r["id"] == "en-wikinews:2020:079"]
    db = tmp_path / "v.duckdb"
    r = run_cli("ingest", str(write_jsonl(tmp_path / "blr.jsonl", rows)), "--db", str(db), "--workers", "1")
    assert r.exit_code == 0, r.stderr
    con = open_readonly(db)
    try:
        as_recipient = queries.events(con, queries.EventFilters(recipient="RUS"), limit=None)[0]
        assert any(row[as_recipient.columns.index("actor_country")] == "BLR" for row in as_recipient.rows)
        as_actor = queries.events(con, queries.EventFilters(actor="RUS"), limit=None)[0]
        assert all(row[as_actor.columns.index("actor_country")] == "RUS" for row in as_actor.rows)
        assert queries.events(con, queries.EventFilters(actor="Belarus"))[0].rows  # a name is matched inside the canonical name
    finally:
        con.close()
