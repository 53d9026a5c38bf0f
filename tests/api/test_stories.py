"""Across articles on the HTTP API: stories, merged events with their reports, repeated statements, actor timelines.

Over the test store (``fixture_store``): the three Fillon articles make one story; the specimen's events are the
Russia, Ukraine and North Korea ones. The test that writes posts a second outlet's report of the specimen's news.
"""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from veille.api import create_app

from .fixture_store import FOLLOW_UP, STORY_IDS, TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def client(web_store):
    with TestClient(create_app(web_store)) as c:  # no token: read-only
        yield c


def _fillon(client) -> dict:
    stories = client.get("/stories", params={"min_articles": 2}).json()["items"]
    return next(s for s in stories if "Fillon" in s["title"])


def test_a_story_told_by_several_articles_lists_them_in_order(client):
    everything = client.get("/stories").json()
    assert everything["total"] == 8  # one story per article, but the three Fillon articles make one
    several = client.get("/stories", params={"min_articles": 2}).json()
    assert several["total"] >= 1 and all(s["n_articles"] >= 2 for s in several["items"])
    head = _fillon(client)
    assert (head["n_articles"], head["first_day"], head["last_day"]) == (3, "2017-01-26", "2017-02-01")
    assert "François Fillon" in head["actors"] and head["languages"] == ["fr"]

    story = client.get(f"/stories/{head['story_id']}").json()
    assert [a["article_id"] for a in story["articles"]] == list(STORY_IDS)  # in order of arrival
    assert [a["n"] for a in story["articles"]] == [1, 2, 3] and story["founder"] == STORY_IDS[0]
    assert story["articles"][0]["similarity"] == 1 and all(0 < a["similarity"] <= 1 for a in story["articles"])
    for a in story["articles"]:
        assert client.get(f"/articles/{a['article_id']}").json()["article"]["title"] == a["title"]
    assert story["events"] and all(head["story_id"] in v["stories"] for v in story["events"])
    assert story["claims"] and any(c["speaker"] == "François Fillon" for c in story["claims"])

    # the list's filters find it by its title, a main actor (whole name, any case) and its dates
    assert client.get("/stories", params={"q": "fillon"}).json()["items"][0]["story_id"] == head["story_id"]
    by_actor = client.get("/stories", params={"actor": "françois fillon"}).json()["items"]
    assert [s["story_id"] for s in by_actor] == [head["story_id"]]
    assert client.get("/stories", params={"actor": "François"}).json()["total"] == 0  # a part of a name is not one
    # but a name the knowledge base gives him is ('Fillon', as the French press calls him)
    assert [s["story_id"] for s in client.get("/stories", params={"actor": "Fillon"}).json()["items"]] == \
        [head["story_id"]]
    dated = client.get("/stories", params={"since": "2017-02-01", "until": "2017-02-01"}).json()["items"]
    assert [s["story_id"] for s in dated] == [head["story_id"]]
    assert client.get("/stories", params={"since": "2017-02-02", "until": "2018-01-01"}).json()["total"] == 0
    pages = [client.get("/stories", params={"limit": 3, "offset": o}).json()["items"] for o in (0, 3, 6)]
    assert [s["story_id"] for p in pages for s in p] == [s["story_id"] for s in everything["items"]]


def test_merged_event_detail_lists_reports_of_stored_articles(client):
    merged = client.get("/merged-events", params={"limit": 500}).json()
    assert merged["total"] == len(merged["items"]) >= 10
    stored = {a["id"] for a in client.get("/articles", params={"limit": 500}).json()["items"]}
    for item in merged["items"]:
        one = client.get(f"/merged-events/{item['merged_id']}").json()
        assert one["n_reports"] == len(one["reports"]) >= 1
        assert one["independent_sources"] == len({r["origin"] for r in one["reports"]})
        for r in one["reports"]:
            assert r["article_id"] in stored
            assert r["trigger"] and r["trigger"] in r["sentence"]
    assault = client.get("/merged-events", params={"type": "assault", "actor": "RUS"}).json()["items"]
    assert [(v["type"], v["actor_country"], v["recipient_country"]) for v in assault] == [("ASSAULT", "RUS", "UKR")]
    report = client.get(f"/merged-events/{assault[0]['merged_id']}").json()["reports"][0]
    assert (report["article_id"], report["day"], report["trigger"]) == ("seed-fr-001", "2023-12-30", "lancé")
    to_russia = client.get("/merged-events", params={"recipient": "Russia"}).json()["items"]
    # a state named in words is its country (issue 16): Russia, the Kremlin, Putin
    assert to_russia and all(v["recipient_country"] == "RUS" for v in to_russia)
    dates = [v["first_day"] for v in merged["items"]]
    assert dates == sorted(dates)
    by_sources = client.get("/merged-events", params={"sort": "sources", "limit": 500}).json()["items"]
    assert [v["independent_sources"] for v in by_sources] == sorted((v["independent_sources"] for v in by_sources),
                                                                     reverse=True)
    fillon = _fillon(client)["story_id"]
    in_story = client.get("/merged-events", params={"story": fillon}).json()["items"]
    assert in_story and all(v["stories"] == [fillon] for v in in_story)
    assert client.get("/merged-events", params={"min_sources": 2}).json()["total"] == 0  # each told once here


def test_pair_timeline_between_two_iso3_codes(client):
    rus_ukr = client.get("/timeline/actors", params={"first": "RUS", "second": "UKR"}).json()
    assert rus_ukr and all({v["actor_country"], v["recipient_country"]} == {"RUS", "UKR"} for v in rus_ukr)
    assert rus_ukr[0]["type"] == "ASSAULT" and rus_ukr[0]["sources"] == 1 and rus_ukr[0]["first_report"]
    # both ways unless directed
    pair = client.get("/timeline/actors", params={"first": "PRK", "second": "RUS"}).json()
    # the specimen: North Korea supplied, met and promised Russia; Russia turned to North Korea (REQUEST, gold)
    assert {(v["actor_country"], v["recipient_country"]) for v in pair} == {("PRK", "RUS"), ("RUS", "PRK")}
    assert client.get("/timeline/actors", params={"first": "RUS", "second": "PRK"}).json() == pair
    directed = client.get("/timeline/actors", params={"first": "RUS", "second": "PRK", "directed": True}).json()
    assert directed == [v for v in pair if v["actor_country"] == "RUS"]
    assert [v["type"] for v in directed] == ["REQUEST"]
    days = [v["day"] for v in pair]
    assert len(pair) >= 3 and days == sorted(days)
    assert [v["day"] for v in client.get("/timeline/actors", params={"first": "PRK", "second": "RUS",
                                                                     "since": "2024-01-01"}).json()] == \
        [d for d in days if d >= "2024-01-01"]
    # one actor: what it did and what was done to it
    russia = client.get("/timeline/actors", params={"first": "RUS"}).json()
    assert len(russia) > len(pair) and all("RUS" in (v["actor_country"], v["recipient_country"]) for v in russia)
    assert client.get("/timeline/actors", params={"first": "Russia", "second": "Ukraine"}).json() == rus_ukr
    # the per-day timeline is still there
    assert any(d["conflict"] for d in client.get("/timeline", params={"actor": "RUS"}).json())


def test_a_posted_article_joins_its_story_and_its_statements_become_repeated(web_store, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(web_store, db)
    with TestClient(create_app(db, token=TOKEN)) as writer:
        assert writer.get("/claims/repeated").json()["total"] == 0
        r = writer.post("/articles", json=FOLLOW_UP, headers=AUTH)
        assert r.status_code == 200 and r.json()["stored"] == [FOLLOW_UP["id"]], r.text

        grown = writer.get("/stories", params={"actor": "John Kirby", "min_articles": 2}).json()["items"]
        assert len(grown) == 1 and grown[0]["n_outlets"] == 2
        story = writer.get(f"/stories/{grown[0]['story_id']}").json()
        assert [a["article_id"] for a in story["articles"]] == ["seed-fr-001", FOLLOW_UP["id"]]

        assault = writer.get("/timeline/actors", params={"first": "RUS", "second": "UKR"}).json()
        # two outlets tell it on their own (the follow-up shares one sentence with the specimen: no derivation)
        assert [(v["type"], v["articles"], v["reports"]) for v in assault] == [("ASSAULT", 2, 2)]
        assert sorted(assault[0]["reported_by"]) == ["Exemple Presse", "seed-fr-001 (outlet unknown)"]
        reports = writer.get(f"/merged-events/{assault[0]['merged_id']}").json()["reports"]
        assert [r["article_id"] for r in reports] == ["seed-fr-001", FOLLOW_UP["id"]]
        assert reports[1]["derived_from"] is None and reports[0]["report"] != reports[1]["report"]

        repeated = writer.get("/claims/repeated").json()
        assert repeated["total"] >= 1 and all(c["n_articles"] >= 2 for c in repeated["items"])
        kirby = writer.get("/claims/repeated", params={"speaker": "kirby"}).json()["items"][0]
        assert kirby["first_article"] == "seed-fr-001" and "Pyongyang" in kirby["content"]
        one = writer.get(f"/claims/repeated/{kirby['merged_id']}").json()
        assert [r["article_id"] for r in one["reports"]] == ["seed-fr-001", FOLLOW_UP["id"]]  # earliest first
        assert one["reports"][0]["same_wording"] and all(r["content"] for r in one["reports"])
        assert any(c["merged_id"] == kirby["merged_id"] for c in story["claims"])
        every = writer.get("/claims/repeated", params={"all": True}).json()["total"]
        assert every > repeated["total"]


@pytest.mark.parametrize("url", ["/stories/s000000000000", "/merged-events/m000000000000",
                                 "/claims/repeated/q000000000000", "/stories/..%2Fetc"])
def test_unknown_ids_are_404_with_a_message(client, url):
    r = client.get(url)
    assert r.status_code == 404 and r.json()["detail"]


def test_odd_text_filters_are_literal(client):
    for value in ("%", "_", "\\", "'; DROP TABLE stories; --"):
        assert client.get("/stories", params={"q": value}).json()["total"] == 0
        assert client.get("/merged-events", params={"actor": value}).json()["total"] == 0
        assert client.get("/timeline/actors", params={"first": value}).json() == []
