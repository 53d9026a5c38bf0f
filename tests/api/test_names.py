"""Names in any language (issue 16): every name filter of the CLI and the API reads a name through the knowledge
base the same way, so "Corée du Nord", "North Korea" and "PRK" ask the same question, and "Poutine" finds Putin."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from veille.api import create_app
from veille.kb.lookup import knowledge_base

from ..conftest import run_cli


@pytest.fixture(scope="module")
def client(web_store):
    with TestClient(create_app(web_store)) as c:
        yield c


def _cli(web_store, *args: str) -> list[dict]:
    r = run_cli(*args, "--db", str(web_store), "--format", "json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def test_a_country_named_in_either_language_asks_what_its_code_asks(web_store, client):
    by_code = _cli(web_store, "timeline", "PRK", "RUS")
    assert len(by_code) >= 3  # North Korea, Pyongyang and Kim Jong Un acting on Russia or Putin, in the specimen
    for name in ("North Korea", "Corée du Nord", "nord-coréen"):
        assert _cli(web_store, "timeline", name, "RUS") == by_code, name
    events = _cli(web_store, "query", "events", "--actor", "PRK")
    assert events and _cli(web_store, "query", "events", "--actor", "Corée du Nord") == events
    api = client.get("/events", params={"actor": "Corée du Nord", "limit": 500}).json()["items"]
    assert [(e["article_id"], e["event_id"]) for e in api] == [(e["article_id"], e["event_id"]) for e in events]
    pair = client.get("/timeline/actors", params={"first": "North Korea", "second": "RUS"}).json()
    assert [m["merged_id"] for m in pair] == [m["merged_id"] for m in by_code]


def test_a_person_is_found_by_the_name_another_language_gives_him(web_store, client):
    putin = _cli(web_store, "query", "entities", "--name", "Poutine")
    assert [e["canonical"] for e in putin] == ["Vladimir Putin"]
    assert client.get("/entities", params={"name": "Poutine"}).json()["items"][0]["kb_id"] == "wikidata:Q7707"
    assert {e["recipient"] for e in _cli(web_store, "query", "events", "--recipient", "Poutine")} == {"Vladimir Putin"}


def test_an_unknown_name_still_matches_the_words_as_typed(web_store):
    assert {e["canonical"] for e in _cli(web_store, "query", "entities", "--name", "Kirb")} == {"John Kirby"}
    assert _cli(web_store, "query", "entities", "--name", "Nowhere-Land Front") == []


def test_the_users_own_actors_are_seen_by_the_name_filters(tmp_path, monkeypatch):
    """An actor of the user's dictionary (``kb/overlay.py``) is found by any of its names, in both languages."""
    path = tmp_path / "actors.tsv"
    path.write_text("canonical\ttype\tcountry\twikidata\tagent\trole\ten\tfr\n"
                    "Front de libération du Vosgien\tORG\tFRA\t\tREB\tarmed_group\tVosges Liberation Front|FLV\t"
                    "FLV\n", encoding="utf-8")
    monkeypatch.setenv("VEILLE_KB_OVERLAY", str(path))
    knowledge_base.cache_clear()
    try:
        db = tmp_path / "o.duckdb"
        r = run_cli("ingest", "-", "--db", str(db), "--lang", "fr", "--workers", "1", "--no-stories",
                    input="Attaque dans les Vosges\nLe Front de libération du Vosgien a revendiqué l'attaque.\n")
        assert r.exit_code == 0, r.stderr
        found = _cli(db, "query", "entities", "--name", "Vosges Liberation Front")
    finally:
        monkeypatch.delenv("VEILLE_KB_OVERLAY")
        knowledge_base.cache_clear()
    assert [(e["canonical"], e["country"]) for e in found] == [("Front de libération du Vosgien", "FRA")]
