"""The HTTP API in-process (FastAPI's TestClient) over the test store: the specimen, six Wikinews articles and
three articles of one story (``fixture_store``)."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from veille.api import create_app

from ..conftest import SPECIMEN, run_cli
from .fixture_store import ARTICLES, TOKEN, XSS_TEXT

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def client(web_store):
    with TestClient(create_app(web_store)) as c:  # no token: read-only
        yield c


@pytest.fixture()
def writer(web_store, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(web_store, db)
    with TestClient(create_app(db, token=TOKEN, max_body=64_000)) as c:
        yield c


def test_articles_list_and_one_article_in_the_contract_form(client):
    page = client.get("/articles", params={"limit": 3}).json()
    assert page["total"] == ARTICLES and len(page["items"]) == 3 and page["offset"] == 0
    assert client.get("/articles", params={"q": "Kirby"}).json()["items"][0]["id"] == "seed-fr-001"
    an = client.get("/articles/seed-fr-001").json()
    assert an["schema"] == "veille.analysis/1"
    text = an["article"]["text"]
    assert text == SPECIMEN.read_text(encoding="utf-8")
    kirby = next(e for e in an["entities"] if e["canonical"] == "John Kirby")
    assert all(text[m["start"]:m["end"]] == m["text"] for m in kirby["mentions"])
    assert client.get(f"/entities/{kirby['key']}").json()["canonical"] == "John Kirby"
    assert client.get("/articles/no-such-id").status_code == 404


def test_events_filters_sorting_and_pagination(client):
    assault = client.get("/events", params={"type": "assault"}).json()
    assert assault["total"] >= 1 and {v["type"] for v in assault["items"]} == {"ASSAULT"}
    rus = client.get("/events", params={"actor": "RUS", "recipient": "UKR"}).json()["items"]
    assert rus and all(v["actor_country"] == "RUS" and v["recipient_country"] == "UKR" for v in rus)
    either = client.get("/events", params={"country": "UKR"}).json()["items"]
    assert all("UKR" in (v["actor_country"], v["recipient_country"]) for v in either)
    assert client.get("/events", params={"factuality": "hypothetical"}).json()["items"]
    dated = client.get("/events", params={"since": "2023-12-30", "until": "2023-12-30"}).json()["items"]
    assert dated and all(v["date"].startswith("2023-12-30") for v in dated)
    assert client.get("/events", params={"q": "lancé"}).json()["items"][0]["trigger"] == "lancé"
    everything = client.get("/events", params={"limit": 500}).json()
    pages = [client.get("/events", params={"limit": 4, "offset": o}).json()["items"] for o in range(0, everything["total"], 4)]
    assert [v["event_id"] + v["article_id"] for p in pages for v in p] == \
        [v["event_id"] + v["article_id"] for v in everything["items"]]
    by_conf = client.get("/events", params={"sort": "confidence", "order": "desc", "limit": 500}).json()["items"]
    confs = [v["confidence"] for v in by_conf if v["confidence"] is not None]
    assert confs == sorted(confs, reverse=True)


def test_claims_entities_entity_page_timeline_network_stats(client):
    kirby = client.get("/claims", params={"speaker": "kirby"}).json()["items"]
    assert kirby and all(c["speaker"] == "John Kirby" for c in kirby)
    assert client.get("/claims", params={"q": "missiles iraniens"}).json()["total"] >= 1
    ents = client.get("/entities", params={"country": "PRK"}).json()["items"]
    korea = next(e for e in ents if e["canonical"] == "North Korea")
    page = client.get(f"/entities/{korea['key']}").json()
    assert any(v["type"] == "AID" for v in page["events_as_actor"])
    assert page["mentions_by_day"][0]["day"] == "2024-01-05" and "nord-coréens" in page["aliases"]
    russia = client.get("/entities", params={"name": "Russia"}).json()["items"][0]
    assert client.get(f"/entities/{russia['key']}").json()["events_as_recipient"]
    days = client.get("/timeline").json()
    assert any(d["conflict"] > 0 and d["conflict_score"] < 0 for d in days)
    dyads = client.get("/network").json()
    assert any(d["actor"] == "Russia" and d["recipient"] == "Ukraine" and d["events"] >= 1 for d in dyads)
    stats = client.get("/stats").json()
    assert stats["counts"]["articles"] == ARTICLES and stats["languages"] == {"fr": 7, "en": 3}


def test_openapi_description_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/analyze", "/articles", "/articles/{article_id}", "/events", "/claims", "/entities",
            "/entities/{key}", "/stats", "/stories", "/stories/{story_id}", "/merged-events",
            "/merged-events/{merged_id}", "/claims/repeated", "/claims/repeated/{merged_id}",
            "/timeline/actors"} <= set(spec["paths"])
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle-5.35.0.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui-bundle-5.35.0.js").status_code == 200
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "http" not in page.text.replace("http-equiv", "")  # no external asset


def test_analyze_json_and_plain_text(client):
    text = SPECIMEN.read_text(encoding="utf-8")
    an = client.post("/analyze", json={"text": text, "published": "2024-01-05", "id": "seed"}).json()
    assert any(e["canonical"] == "John Kirby" for e in an["entities"])
    assert any(v["type"] == "ASSAULT" for v in an["events"])
    plain = client.post("/analyze", content=text.encode(), params={"published": "2024-01-05"},
                        headers={"Content-Type": "text/plain; charset=utf-8", "X-Requested-With": "test"}).json()
    assert plain["article"]["title"].startswith("Le Royaume-Uni critique Poutine")
    assert len(plain["events"]) == len(an["events"])
    assert client.get("/articles").json()["total"] == ARTICLES  # stateless


@pytest.mark.parametrize(("body", "ctype", "status"), [
    (b"{not json", "application/json", 422),
    (b'{"text": ""}', "application/json", 422),
    (b'{"text": "   \\n "}', "application/json", 422),
    (b'{"title": "no text"}', "application/json", 422),
    (b'{"text": "ok", "published": "yesterday"}', "application/json", 422),
    (b'["a list"]', "application/json", 422),
    (b"\xff\xfe\x00binary", "text/plain", 400),
    (b"x", "application/xml", 415),
    ("这是一篇中文文章，讲的是天气。今天天气很好，我们去公园散步。".encode(), "text/plain", 422),
])
def test_analyze_refuses_bad_input_with_a_message(client, body, ctype, status):
    r = client.post("/analyze", content=body, headers={"Content-Type": ctype, "X-Requested-With": "test"})
    assert r.status_code == status, r.text
    assert r.json()["detail"]


def test_writes_need_the_token(client, writer):
    article = {"id": "t1", "text": "La Russie a attaqué l'Ukraine lundi.", "published": "2024-02-05"}
    assert client.post("/articles", json=article).status_code == 401  # server without a token
    r = writer.post("/articles", json=article)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert writer.post("/articles", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert writer.post("/articles", content=b"{broken", headers={"Content-Type": "application/json"}).status_code == 401
    assert writer.get("/articles/t1").status_code == 404


def test_post_articles_ingests_dedups_and_is_idempotent(writer):
    article = {"id": "t1", "text": "La Russie a attaqué l'Ukraine lundi, selon Kiev.\n", "published": "2024-02-05",
               "title": "Attaque"}
    r = writer.post("/articles", json=article, headers=AUTH)
    assert r.status_code == 200 and r.json()["stored"] == ["t1"], r.text
    assert writer.get("/articles/t1").json()["article"]["title"] == "Attaque"
    assert writer.post("/articles", json=article, headers=AUTH).json()["unchanged"] == ["t1"]
    copy = writer.post("/articles", json=[{**article, "id": "t1-copy"}], headers=AUTH).json()
    assert copy["duplicates"] == [{"id": "t1-copy", "of": "t1", "kind": "exact"}]
    assert writer.get("/articles").json()["total"] == ARTICLES + 2
    assert writer.get("/events", params={"since": "2024-02-05"}).json()["total"] >= 1
    bad = writer.post("/articles", json={"id": "zh", "text": "这是一篇中文文章，讲的是天气。今天天气很好。"}, headers=AUTH)
    assert bad.status_code == 422 and "unsupported language" in bad.json()["detail"]
    assert writer.post("/articles", json=[], headers=AUTH).status_code == 422


def test_request_bodies_are_bounded(writer):
    big = {"id": "big", "text": "a" * 100_000}
    r = writer.post("/articles", json=big, headers=AUTH)
    assert r.status_code == 413 and "too large" in r.json()["detail"]

    def chunks():  # no Content-Length: the stream is cut when it passes the limit
        for _ in range(20):
            yield b"x" * 10_000

    r = writer.post("/analyze", content=chunks(), headers={"Content-Type": "text/plain"})
    assert r.status_code == 413


def test_article_text_is_returned_as_data_never_as_markup(writer):
    r = writer.post("/articles", json={"id": "xss", "text": XSS_TEXT, "lang": "fr"}, headers=AUTH)
    assert r.status_code == 200, r.text
    got = writer.get("/articles/xss")
    assert got.headers["content-type"].startswith("application/json")
    assert got.json()["article"]["text"] == XSS_TEXT


@pytest.mark.parametrize("url", [
    "/events?limit=0", "/events?limit=100000", "/events?offset=-1", "/events?since=2024-13-45",
    "/events?sort=drop", "/events?factuality=maybe", "/events?country=RUSSIA", "/events?type=ASSAULT;DROP",
    "/claims?since=notadate", "/entities?limit=abc", "/network?limit=0", "/articles?lang=french",
    "/stories?min_articles=0", "/stories?limit=501", "/stories?until=2017-02-30", "/merged-events?sort=newest",
    "/merged-events?min_sources=0", "/merged-events?type=ASSAULT;DROP", "/claims/repeated?all=maybe",
    "/timeline/actors", "/timeline/actors?first=", "/timeline/actors?first=RUS&limit=0",
    "/timeline/actors?first=RUS&directed=sideways", "/stories/" + "x" * 65,
])
def test_malformed_queries_get_422_with_a_message(client, url):
    r = client.get(url)
    assert r.status_code == 422 and r.json()["detail"]


def test_odd_but_valid_text_filters_are_literal(client):
    for q in ("%", "_", "\\", "'; DROP TABLE events; --", "\x00"):
        r = client.get("/events", params={"q": q})
        assert r.status_code == 200 and r.json()["total"] == 0


def test_the_cli_asks_the_same_questions_and_matches_text_literally_too(client, web_store):
    """One query layer: ``veille query`` answers the API's rows (fewer columns), and its text filters, like the
    API's, take % and _ as themselves (before issue 15 the CLI's ``--speaker %`` matched every claim)."""
    import json

    for option, value in (("--speaker", "%"), ("--speaker", "_")):
        r = run_cli("query", "claims", "--db", str(web_store), option, value, "--format", "json")
        assert r.exit_code == 0 and json.loads(r.stdout) == [], r.stdout
    r = run_cli("query", "entities", "--db", str(web_store), "--name", "%", "--format", "json")
    assert json.loads(r.stdout) == []
    api = client.get("/claims", params={"speaker": "Kirby", "limit": 500}).json()["items"]
    cli = json.loads(run_cli("query", "claims", "--db", str(web_store), "--speaker", "Kirby", "--format", "json").stdout)
    assert api and [(c["article_id"], c["claim_id"], c["content"]) for c in cli] == \
        [(c["article_id"], c["claim_id"], c["content"]) for c in api]


def test_one_entity_key_for_the_entity_pages_and_the_merged_events(client, web_store):
    """An entity's key is the one stories and merged events use: its knowledge-base id, else TYPE:lower name."""
    from veille.model import entity_key
    from veille.store.queries import open_readonly

    con = open_readonly(web_store)
    try:
        merged = {r[0] for r in con.execute("SELECT actor_key FROM merged_events WHERE actor = 'Russia'").fetchall()}
    finally:
        con.close()
    assert merged == {"wikidata:Q159"}
    russia = client.get("/entities/wikidata:Q159").json()
    assert russia["canonical"] == "Russia" and russia["key"] == "wikidata:Q159" == entity_key("wikidata:Q159", "GPE", "x")
    kirby = [e for e in client.get("/entities", params={"name": "Kirby"}).json()["items"]]
    assert [e["key"] for e in kirby] == ["PERSON:john kirby"]
    assert client.get("/entities/PERSON:john kirby").json()["events_as_actor"] is not None


def test_serve_command_builds_the_app_and_hands_it_to_uvicorn(web_store, tmp_path, monkeypatch):
    import uvicorn

    db = tmp_path / "serve.duckdb"
    shutil.copy(web_store, db)
    seen: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.delenv("VEILLE_TOKEN", raising=False)
    result = run_cli("serve", "--db", str(db), "--port", "8123")
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    assert not seen["app"].state.db.writable and "read-only" in result.stderr
    seen["app"].state.db.close()
    assert run_cli("serve", "--port", "0").exit_code != 0  # out of range: click says why
