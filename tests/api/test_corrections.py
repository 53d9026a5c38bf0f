"""Issue 16: an analyst corrects an article through the API, the corrections are kept beside the analysis, and
``veille export --format gold`` + ``veille eval`` measure the engine against the corrected article."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import duckdb
import pytest
from fastapi.testclient import TestClient

from veille.api import create_app

from ..conftest import SHARED, run_cli
from .fixture_store import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
SEED = "seed-fr-001"


@pytest.fixture()
def store(web_store, tmp_path):
    db = tmp_path / "c.duckdb"
    shutil.copy(web_store, db)
    return db


@pytest.fixture()
def writer(store):
    with TestClient(create_app(store, token=TOKEN)) as c:
        yield c


def correct(client, **body):
    body.setdefault("article_id", SEED)
    body.setdefault("author", "ana")
    return client.post("/corrections", json=body, headers=AUTH)


def tuple_of(v):
    side = lambda p: p and (p.get("country") or p.get("canonical"))  # noqa: E731
    return v["type"], side(v["actor"]), side(v["recipient"])


def test_a_corrected_article_exported_as_gold_scores_the_engine_as_computed_by_hand(store, tmp_path):
    with TestClient(create_app(store, token=TOKEN)) as writer:  # the writable server holds the store until it stops
        engine, n, expected_claims = _correct_the_specimen(writer)
    check_gold_export(store, tmp_path, engine, n, expected_claims)


def _correct_the_specimen(writer):
    engine = writer.get(f"/articles/{SEED}").json()
    events = engine["events"]
    n = len(events)
    tuples = [tuple_of(v) for v in events]
    # the analyst deletes an event whose (type, actor, recipient) no other event has, and retypes another
    wrong = next(v for v in events if tuples.count(tuple_of(v)) == 1)
    retyped = next(v for v in events if v is not wrong and tuples.count(tuple_of(v)) == 1)
    new_type = next(t for t in ("RETREAT", "CONCEDE", "MOBILIZE") if t != retyped["type"])
    r = correct(writer, layer="event", action="delete", target=wrong["id"], note="not in the text")
    assert r.status_code == 201, r.text
    r = correct(writer, layer="event", action="fix", target=retyped["id"], fields={"type": new_type})
    assert r.status_code == 201, r.text
    # and adds a claim the engine missed: words of the article, said by an entity of it
    kirby = next(e for e in engine["entities"] if e["canonical"] == "John Kirby")
    r = correct(writer, layer="claim", action="add", fields={"content": "de son désespoir", "kind": "direct",
                                                            "speaker": kirby["id"]})
    assert r.status_code == 201, r.text
    view = r.json()
    assert view["made"]["target"] == f"c{len(engine['claims']) + 1}"
    assert [c["action"] for c in view["changes"]] == ["delete", "fix", "add"]
    assert all(c["author"] == "ana" and c["created_at"] for c in view["changes"])
    assert wrong["id"] not in {v["id"] for v in view["analysis"]["events"]}
    # the stored analysis is untouched: the engine's answer is still there, beside the corrections
    assert writer.get(f"/articles/{SEED}").json()["events"] == events
    return engine, n, len(engine["claims"])


def check_gold_export(store, tmp_path, engine, n, claims):
    out = tmp_path / "gold"
    result = run_cli("export", "--format", "gold", "--db", str(store), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert f"{SEED}.gold.json\t3 corrections" in result.stdout
    gold = json.loads((out / f"{SEED}.gold.json").read_text(encoding="utf-8"))
    assert gold["gold"] == "veille.gold/1" and len(gold["events"]) == n - 1
    assert (out / gold["article"]["file"]).read_text(encoding="utf-8") == engine["article"]["text"]
    jsonl = tmp_path / "engine"
    assert run_cli("export", "--format", "jsonl", "--db", str(store), "--out", str(jsonl)).exit_code == 0
    result = run_cli("eval", str(out), str(jsonl / "analyses.jsonl"))
    assert result.exit_code == 0, result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    # by hand: n engine events, n-2 still right (one deleted, one retyped); n-1 gold events, n-2 of them found
    p, r_ = (n - 2) / n, (n - 2) / (n - 1)
    assert f"P {p:.3f} R {r_:.3f}" in lines["events"], lines["events"]
    assert f"P 1.000 R {claims / (claims + 1):.3f}" in lines["claims"], lines["claims"]
    assert "P 1.000 R 1.000" in lines["entities"]
    # the reference scorer agrees
    ref = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold-dir", str(out),
                          str(jsonl / "analyses.jsonl")], capture_output=True, text=True, check=True)
    assert f"P {p:.3f} R {r_:.3f}" in ref.stdout


def test_fix_an_entity_link_and_the_parties_follow(writer):
    engine = writer.get(f"/articles/{SEED}").json()
    kirby = next(e for e in engine["entities"] if e["canonical"] == "John Kirby")
    r = correct(writer, layer="entity", action="fix", target=kirby["id"], fields={"country": "GBR"}, note="test")
    assert r.status_code == 201, r.text
    an = r.json()["analysis"]
    assert next(e for e in an["entities"] if e["id"] == kirby["id"])["country"] == "GBR"
    said = [c for c in an["claims"] if (c["speaker"] or {}).get("entity") == kirby["id"]]
    assert said and all(c["speaker"]["country"] == "GBR" for c in said)
    # unlink a linked entity, then link it again to a knowledge-base record: its name comes from the base
    russia = next(e for e in engine["entities"] if e["canonical"] == "Russia")
    assert correct(writer, layer="entity", action="fix", target=russia["id"], fields={"kb_id": None}).status_code == 201
    r = correct(writer, layer="entity", action="fix", target=russia["id"], fields={"kb_id": "wikidata:Q212"})
    fixed = next(e for e in r.json()["analysis"]["entities"] if e["id"] == russia["id"])
    assert (fixed["canonical"], fixed["country"], fixed["kb_id"]) == ("Ukraine", "UKR", "wikidata:Q212")
    # withdrawing a correction gives back what was there
    cid = r.json()["made"]["correction_id"]
    assert writer.delete(f"/corrections/{cid}", headers=AUTH).json() == {"withdrawn": [cid]}
    again = writer.get("/corrections", params={"article": SEED}).json()["analysis"]
    assert next(e for e in again["entities"] if e["id"] == russia["id"])["kb_id"] is None
    assert writer.delete(f"/corrections/{cid}", headers=AUTH).status_code == 404


def test_bad_corrections_get_one_clear_line_and_change_nothing(writer, store):
    cases = [
        ({"layer": "event", "action": "fix", "target": "v1", "fields": {"type": "ATTACK"}}, 422, "not one of AGREE"),
        ({"layer": "event", "action": "fix", "target": "v999", "fields": {"type": "AID"}}, 422, "no event 'v999'"),
        ({"layer": "event", "action": "fix", "target": "v1", "fields": {"actor": "e999"}}, 422, "no entity 'e999'"),
        ({"layer": "claim", "action": "add", "fields": {"content": "pas dans le texte", "kind": "direct"}}, 422,
         "not in the article"),
        ({"layer": "entity", "action": "fix", "target": "e1", "fields": {"kb_id": "Q1; DROP TABLE"}}, 422, "kb_id"),
        ({"layer": "event", "action": "fix", "target": "v1", "fields": {"colour": "red"}}, 422, "cannot set colour"),
        ({"layer": "event", "action": "delete", "target": "v1", "article_id": "nope"}, 422, "no analysed article"),
    ]
    for body, status, words in cases:
        r = correct(writer, **body)
        assert r.status_code == status and words in r.json()["detail"], (body, r.text)
    assert correct(writer, layer="event", action="delete", target="v1", note="x" * 20_000).status_code == 413
    assert correct(writer, layer="event", action="delete", target="v1", author="").status_code == 422
    # no token, a wrong token
    body = {"article_id": SEED, "layer": "event", "action": "delete", "target": "v1", "author": "ana"}
    assert writer.post("/corrections", json=body).status_code == 401
    assert writer.post("/corrections", json=body, headers={"Authorization": "Bearer nope"}).status_code == 401
    assert writer.delete("/corrections/1").status_code == 401
    assert writer.get("/corrections", params={"article": "nope"}).status_code == 404
    assert writer.get("/corrections", params={"article": SEED}).json()["changes"] == []


def test_a_read_only_server_refuses_corrections(web_store):
    with TestClient(create_app(web_store)) as c:
        r = c.post("/corrections", json={"article_id": SEED, "layer": "event", "action": "delete", "target": "v1",
                                         "author": "ana"}, headers=AUTH)
        assert r.status_code == 401


def test_a_correction_of_an_older_text_is_kept_but_not_applied(store):
    with TestClient(create_app(store, token=TOKEN)) as writer:
        assert correct(writer, layer="event", action="delete", target="v1").status_code == 201
        engine = writer.get(f"/articles/{SEED}").json()
        r = writer.post("/articles", json={"id": SEED, "text": engine["article"]["text"] + "\nMise à jour.\n",
                                           "published": "2024-01-05", "lang": "fr"}, headers=AUTH)
        assert r.status_code == 200 and SEED in r.json()["replaced"], r.text
        view = writer.get("/corrections", params={"article": SEED}).json()
        assert view["changes"][0]["stale"] and "text changed" in view["changes"][0]["skipped"]
        assert "v1" in {v["id"] for v in view["analysis"]["events"]}
    con = duckdb.connect(str(store), read_only=True)
    assert con.execute("SELECT count(*) FROM corrections").fetchone()[0] == 1
    con.close()
