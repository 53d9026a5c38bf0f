"""Search by words through the store's own word index, and dates that keep their precision (issue 16)."""

from __future__ import annotations

import csv
import json
import shutil

import duckdb
import pytest
from fastapi.testclient import TestClient

from veille.api import create_app
from veille.store.words import fold, query_words

from ..conftest import run_cli


@pytest.fixture(scope="module")
def client(web_store):
    with TestClient(create_app(web_store)) as c:
        yield c


def test_a_word_is_folded_for_case_and_accents_and_ends_at_punctuation():
    assert fold("Corée") == fold("COREE") == "coree" and fold("Straße") == "strasse"
    assert query_words("l’Ukraine, missiles' nord-coréens") == ["l", "ukraine", "missiles", "nord", "coreens"]
    assert query_words("%_") == []


def test_a_search_finds_words_not_substrings(web_store, client):
    con = duckdb.connect(str(web_store), read_only=True)
    try:  # "missile" is inside "missiles" in the specimen, but never a word of its own in the test store
        assert con.execute("SELECT count(*) FROM articles WHERE text ILIKE '%missile%'").fetchone()[0] >= 1
        assert con.execute("SELECT count(*) FROM articles WHERE regexp_matches(text, '(?i)\\bmissile\\b')"
                           ).fetchone()[0] == 0
    finally:
        con.close()
    assert client.get("/articles", params={"q": "missile"}).json()["total"] == 0
    plural = client.get("/articles", params={"q": "MISSILES"}).json()
    assert plural["total"] >= 1 and plural == client.get("/articles", params={"q": "missiles"}).json()
    assert client.get("/articles", params={"q": "Coree du nord"}).json()["total"] >= 1  # accents aside
    claims = json.loads(run_cli("query", "claims", "--db", str(web_store), "--q", "missiles", "--format", "json").stdout)
    assert claims and all("missiles" in c["content"].lower() for c in claims)
    events = client.get("/events", params={"q": "missiles", "limit": 500}).json()["items"]
    assert events and all("missiles" in (v["sentence"] + v["title"]).lower() for v in events)
    assert client.get("/events", params={"q": "%"}).json()["total"] == 0


def test_a_store_from_before_the_index_is_indexed_when_opened(web_store, tmp_path):
    db = tmp_path / "old.duckdb"
    shutil.copy(web_store, db)
    con = duckdb.connect(str(db))
    for sql in ("DROP TABLE words", "DROP TABLE fetched", "ALTER TABLE times DROP COLUMN granularity",
                "ALTER TABLE events DROP COLUMN date_granularity", "ALTER TABLE claims DROP COLUMN date_granularity",
                "DROP TABLE corrections", "DROP SEQUENCE corrections_seq", "DROP TABLE minhash_bands",
                "DELETE FROM schema_version WHERE version >= 4"):
        con.execute(sql)
    con.close()
    r = run_cli("query", "events", "--db", str(db), "--q", "missiles", "--format", "json")  # a reader opens it
    assert r.exit_code == 0, r.stderr
    fresh = run_cli("query", "events", "--db", str(web_store), "--q", "missiles", "--format", "json")
    assert json.loads(r.stdout) == json.loads(fresh.stdout) != []


def test_a_year_stays_a_year_in_the_api_the_cli_the_export_and_the_timelines(web_store, client, tmp_path):
    events = client.get("/events", params={"limit": 500}).json()["items"]
    years = [v for v in events if len(v["date"]) == 4]  # the specimen's "l'année dernière" (2023), 2011 elsewhere
    assert {"2023", "2011"} <= {v["date"] for v in years} and all(v["date_granularity"] == "year" for v in years)
    assert all(v["date_granularity"] == "day" for v in events if len(v["date"]) == 10)
    out = tmp_path / "csv"
    assert run_cli("export", "--db", str(web_store), "--format", "csv", "--out", str(out)).exit_code == 0
    with (out / "events.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["date"] == "2023"]
    assert rows and {r["date_granularity"] for r in rows} == {"year"}
    for by in ("day", "week", "month"):
        periods = client.get("/timeline", params={"by": by}).json()
        assert sum(p["conflict"] + p["cooperation"] + p["neutral"] for p in periods) == len(events)
        year_rows = [p for p in periods if p["period"] == "year"]
        assert [p["day"] for p in year_rows] == sorted(f"{v['date']}-01-01" for v in {v["date"]: v for v in years}.values())
        assert sum(p["conflict"] + p["cooperation"] + p["neutral"] for p in year_rows) == len(years)
        coarser = {"day": {"week", "month", "year"}, "week": {"month", "year"}, "month": {"year"}}[by]
        assert by in {p["period"] for p in periods} and {p["period"] for p in periods} - {by} <= coarser
        assert all(p["day"].endswith("-01") for p in periods if p["period"] in ("month", "year"))
    months = json.loads(run_cli("timeline", "RUS", "--by", "month", "--db", str(web_store), "--format", "json").stdout)
    merged = json.loads(run_cli("timeline", "RUS", "--db", str(web_store), "--format", "json").stdout)
    assert sum(m["merged_events"] for m in months) == len(merged)
    assert all(m["day"].endswith("-01") for m in months)


def test_analyze_warns_once_when_relative_dates_stay_unresolved(tmp_path):
    for n in (1, 2):
        (tmp_path / f"a{n}.txt").write_text("Titre\nLa Russie a attaqué l’Ukraine jeudi dernier.\n", encoding="utf-8")
    r = run_cli("analyze", str(tmp_path / "a1.txt"), str(tmp_path / "a2.txt"), "--lang", "fr")
    assert r.stderr.count("warning") == 1 and "2 articles" in r.stderr and "--published" in r.stderr
    r = run_cli("analyze", str(tmp_path / "a1.txt"), "--lang", "fr", "--published", "2024-01-05")
    assert "warning" not in r.stderr
