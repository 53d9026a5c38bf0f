"""--format plover and --format jsonld: the same analysis, in the shapes analysts load elsewhere."""

from __future__ import annotations

import json

from .conftest import SPECIMEN, run_cli


def test_plover_rows_one_per_event_with_citation(specimen_analysis):
    r = run_cli("analyze", str(SPECIMEN), "--published", "2024-01-05", "--id", "seed-fr-001", "--format", "plover")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == len(specimen_analysis["events"])
    accuse = next(row for row in rows if row["event_type"] == "ACCUSE")
    assert (accuse["actor"]["country"], accuse["actor"]["wikidata"]) == ("GBR", "Q145")
    assert (accuse["recipient"]["country"], accuse["recipient"]["wikidata"]) == ("RUS", "Q159")
    assert accuse["citation"]["language"] == "fr" and accuse["citation"]["published"] == "2024-01-05"
    text = SPECIMEN.read_text(encoding="utf-8")
    assert text[accuse["trigger"]["start"]:accuse["trigger"]["end"]] == "accusé"


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
