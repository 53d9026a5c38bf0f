"""Checks on the shipped knowledge base (src/veille/kb/data/*.jsonl).

These read the JSONL with plain ``json`` -- the runtime must not need babel or
pycountry -- and pin the facts the entity linker relies on.
"""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "veille" / "kb" / "data"
FILES = ("countries", "places", "organisations", "institutions", "people", "media")
KEYS = ["id", "canonical", "type", "kind", "country", "kb_id", "agent", "stands_for",
        "names", "demonyms", "roles"]
TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
ARTICLES = ("le ", "la ", "les ", "l'", "l’")
# Capitalised articles that belong to the name and never elide or contract.
ARTICLE_EXEMPT = {"La Paz", "La Haye", "La Havane", "La Valette", "La Mecque"}


def load(name: str) -> list[dict]:
    with open(DATA / f"{name}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def kb() -> dict[str, list[dict]]:
    return {name: load(name) for name in FILES}


@pytest.fixture(scope="module")
def records(kb) -> list[dict]:
    return [r for recs in kb.values() for r in recs]


def by_name(records, name: str, lang: str = "fr") -> list[dict]:
    return [r for r in records if name in r["names"].get(lang, [])]


def only(records, name: str, lang: str = "fr") -> dict:
    found = by_name(records, name, lang)
    assert len(found) == 1, f"{name!r} ({lang}) -> {[r['id'] for r in found]}"
    return found[0]


def test_ids_unique_and_sorted(kb, records):
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for recs in kb.values():
        assert [r["id"] for r in recs] == sorted(r["id"] for r in recs)


def test_record_shape(records):
    for r in records:
        assert list(r) == KEYS, r["id"]
        assert isinstance(r["id"], str) and r["id"]
        assert isinstance(r["canonical"], str) and r["canonical"]
        assert r["type"] in TYPES
        assert isinstance(r["kind"], str)
        assert r["kb_id"] is None or r["kb_id"] == f"wikidata:{r['id']}"
        if r["id"].startswith("Q"):
            assert r["kb_id"] == f"wikidata:{r['id']}"
        else:
            assert r["id"].startswith("veille:") and r["kb_id"] is None
        assert r["agent"] is None or isinstance(r["agent"], str)
        assert set(r["names"]) == {"en", "fr"}
        assert all(isinstance(n, str) and n for lang in r["names"].values() for n in lang)
        assert r["names"]["en"], r["id"]
        assert isinstance(r["demonyms"], dict) and isinstance(r["roles"], list)
        if r["kind"] != "country" and r["kind"] != "territory":
            assert r["demonyms"] == {}
        if r["kind"] != "person":
            assert r["roles"] == []


def test_country_codes_resolve(kb, records):
    codes = {r["country"] for r in kb["countries"]}
    for r in records:
        for code in [r["country"], r["stands_for"]] + [x["country"] for x in r["roles"]]:
            assert code is None or code in codes, (r["id"], code)


def test_countries(kb):
    sovereign = [r for r in kb["countries"] if r["kind"] == "country"]
    assert len(sovereign) >= 195  # 193 UN members + Palestine + Vatican
    for r in kb["countries"]:
        assert r["type"] == "GPE" and r["names"]["en"] and r["names"]["fr"], r["id"]
        fr = r["demonyms"]["fr"]
        assert 2 <= len(fr) <= 4 and len(set(fr)) == len(fr), (r["id"], fr)
        assert all(f == f.lower() for f in fr), (r["id"], fr)
        assert r["demonyms"]["en"], r["id"]
    canon = {r["country"]: r["canonical"] for r in kb["countries"]}
    assert canon["GBR"] == "United Kingdom" and canon["USA"] == "United States"
    assert canon["PRK"] == "North Korea" and canon["KOR"] == "South Korea"
    assert canon["RUS"] == "Russia" and canon["IRN"] == "Iran" and canon["SYR"] == "Syria"
    for code in ("PSE", "VAT", "TWN", "HKG", "XKX", "ESH", "PRI", "GRL"):
        assert code in canon


def demonym_owner(kb, form: str) -> str:
    owners = [r["country"] for r in kb["countries"] if form in r["demonyms"]["fr"]]
    assert len(owners) == 1, (form, owners)
    return owners[0]


def test_specimen_facts(kb, records):
    assert only(records, "Corée du Nord")["country"] == "PRK"
    assert only(records, "RPDC")["country"] == "PRK"
    assert only(records, "République populaire démocratique de Corée")["country"] == "PRK"
    assert demonym_owner(kb, "nord-coréens") == "PRK"
    assert demonym_owner(kb, "nord-coréenne") == "PRK"
    assert demonym_owner(kb, "britannique") == "GBR"
    assert only(records, "Grande-Bretagne")["country"] == "GBR"
    assert demonym_owner(kb, "américaines") == "USA"
    assert demonym_owner(kb, "iraniens") == "IRN"
    assert demonym_owner(kb, "russes") == "RUS"
    assert demonym_owner(kb, "grecque") == "GRC"
    assert demonym_owner(kb, "turques") == "TUR"
    assert only(records, "Pyongyang")["stands_for"] == "PRK"
    assert only(records, "Kremlin")["stands_for"] == "RUS"
    assert only(records, "Maison Blanche")["stands_for"] == "USA"
    assert only(records, "White House", "en")["stands_for"] == "USA"
    assert only(records, "Downing Street")["stands_for"] == "GBR"
    assert only(records, "Moscou")["stands_for"] == "RUS"
    coalition = only(records, "coalition anti-EI")  # US-led: coded as the leading state, like "the Saudi-led coalition"
    assert coalition["country"] is None and coalition["stands_for"] == "USA"
    assert only(records, "Londres")["country"] == "GBR"
    unsc = only(records, "Conseil de sécurité")
    assert unsc["canonical"] == "United Nations Security Council"
    assert unsc["country"] is None and unsc["id"] == "Q37470"
    assert only(records, "Conseil de sécurité de l'ONU")["id"] == "Q37470"
    assert only(records, "ONU")["id"] == "Q1065"
    fcdo = only(records, "ministère britannique des Affaires étrangères")
    assert fcdo["canonical"] == "Foreign, Commonwealth and Development Office"
    assert fcdo["country"] == "GBR" and "FCDO" in fcdo["names"]["en"]
    kirby = only(records, "John Kirby", "en")
    assert kirby["country"] == "USA" and kirby["type"] == "PERSON"
    putin = only(records, "Poutine")
    assert putin["canonical"] == "Vladimir Putin" and putin["id"] == "Q7707"
    assert only(records, "Kim Jong Un", "en")["country"] == "PRK"
    assert only(records, "Wall Street Journal", "en")["id"] == "Q164746"
    assert only(records, "Jérusalem")["country"] == "ISR"
    assert only(records, "Crimée")["type"] == "LOC"
    assert only(records, "Crimée")["country"] == "UKR"


def test_roles(kb):
    canonicals = {r["canonical"] for recs in kb.values() for r in recs}
    people = kb["people"]
    assert len(people) >= 250
    for p in people:
        assert p["roles"], p["id"]
        for role in p["roles"]:
            assert set(role) == {"role", "org", "country", "start", "end"}
            assert role["org"] in canonicals, (p["id"], role["org"])
            assert role["start"].isdigit() and (role["end"] is None or role["end"].isdigit())
            assert role["end"] is None or role["end"] >= role["start"]
    cameron = next(p for p in people if p["canonical"] == "David Cameron")
    assert {r["role"] for r in cameron["roles"]} >= {"head_of_government", "foreign_minister"}


def test_no_french_leading_article(records):
    for r in records:
        for name in r["names"]["fr"]:
            assert not name.startswith(ARTICLES), (r["id"], name)
            if r["kind"] not in ("person", "media"):
                assert not name.lower().startswith(ARTICLES) or name in ARTICLE_EXEMPT, name


def test_build_is_deterministic(tmp_path):
    pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    for out in (tmp_path / "a", tmp_path / "b"):
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_kb.py"), "--out", str(out)],
                       check=True, capture_output=True)
    for name in FILES:
        assert filecmp.cmp(tmp_path / "a" / f"{name}.jsonl", tmp_path / "b" / f"{name}.jsonl",
                           shallow=False)
        assert filecmp.cmp(tmp_path / "a" / f"{name}.jsonl", DATA / f"{name}.jsonl",
                           shallow=False), f"{name}.jsonl is stale: rerun scripts/build_kb.py"
