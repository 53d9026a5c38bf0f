"""--format plover and --format jsonld: the same analysis, in the shapes analysts load elsewhere."""

from __future__ import annotations

import json

from .conftest import SPECIMEN, run_cli


def test_plover_records_one_per_event_with_plover_fields(specimen_analysis):
    r = run_cli("analyze", str(SPECIMEN), "--published", "2024-01-05", "--id", "seed-fr-001", "--format", "plover")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == len(specimen_analysis["events"])
    assert {"id", "date", "event", "mode", "context", "source", "target", "event_loc", "quad_code", "cite_info"} <= set(rows[0])
    accuse = next(row for row in rows if row["event"] == "ACCUSE")
    assert accuse["id"].startswith("seed-fr-001:v") and accuse["quad_code"] == 3  # verbal conflict
    assert (accuse["source"]["code"], accuse["source"]["wikidata"]) == ("GBR", "Q145")
    assert (accuse["target"]["code"], accuse["target"]["wikidata"]) == ("RUS", "Q159")
    assert accuse["source"]["actor_text"] and accuse["source"]["actor"] == "United Kingdom"
    assert accuse["cite_info"]["language"] == "fr" and accuse["cite_info"]["published"] == "2024-01-05"
    text = SPECIMEN.read_text(encoding="utf-8")
    assert text[accuse["trigger"]["start"]:accuse["trigger"]["end"]] == "accusé"
    assault = next(row for row in rows if row["event"] == "ASSAULT")
    assert assault["date"] == "2023-12-30" and assault["quad_code"] == 4  # the text dates it to a day
    assert all(row["date"] is None or len(row["date"]) == 10 for row in rows)  # YYYY-MM-DD or nothing


def test_the_export_writes_the_records_veille_analyze_writes(tmp_path):
    """One PLOVER record: ``veille export --format plover`` of an ingested article equals ``veille analyze
    --format plover`` of the same article (before issue 15 they had other fields and other event ids)."""
    db = tmp_path / "p.duckdb"
    args = (str(SPECIMEN), "--published", "2024-01-05")
    assert run_cli("ingest", *args, "--db", str(db), "--workers", "1", "--no-stories").exit_code == 0
    assert run_cli("export", "--db", str(db), "--format", "plover", "--out", str(tmp_path / "out")).exit_code == 0
    exported = (tmp_path / "out" / "plover.jsonl").read_text(encoding="utf-8")
    analysed = run_cli("analyze", *args, "--id", "seed-fr-001", "--format", "plover").stdout
    assert exported and exported == analysed


def test_plover_event_location_has_the_city_coordinates():
    """A place that is a city of the knowledge base carries its GeoNames id and coordinates."""
    from veille.formats import plover_records

    analysis = {"article": {"id": "a", "url": None, "title": None, "lang": "fr", "published": None, "source": None,
                            "text": "x"},
                "entities": [{"id": "e1", "canonical": "Kharkiv", "type": "GPE", "country": "UKR",
                              "kb_id": "geonames:706483"}],
                "claims": [], "events": [{"id": "v1", "type": "ASSAULT", "mode": None, "context": [], "actor": None,
                                          "recipient": None, "date": "2024-01", "location": "e1",
                                          "factuality": "asserted", "confidence": 0.9, "score": -9.0,
                                          "attributed_to": None, "trigger": {"text": "x", "start": 0, "end": 1},
                                          "sentence": {"start": 0, "end": 1}}]}
    [record] = plover_records(analysis)
    loc = record["event_loc"]
    assert loc["geonames"] == "706483" and round(loc["lat"]) == 50 and round(loc["lon"]) == 36
    assert record["date"] is None and record["date_value"] == "2024-01"  # a month is not a day


def test_jsonld_quotations_and_claims_with_wikidata_speakers():
    r = run_cli("analyze", str(SPECIMEN), "--published", "2024-01-05", "--format", "jsonld")
    graph = json.loads(r.stdout)["@graph"]
    quotes = [n for n in graph if n["@type"] == "Quotation"]
    claims = [n for n in graph if n["@type"] == "Claim"]
    assert quotes and claims
    white_house = next(n for n in claims if "renseignements" in n["text"])
    assert white_house["creator"]["sameAs"] == "https://www.wikidata.org/wiki/Q35525"
    assert white_house["dateCreated"] == "2024-01-04"
    kirby = next(n for n in claims if "missiles iraniens" in n["text"])
    assert kirby["citation"][0]["name"] == "The Wall Street Journal"
