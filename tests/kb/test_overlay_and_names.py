"""The user's actor dictionary and names in any language: what an analyst adds is found in texts, and a name typed
in either language, a demonym, an ISO3 code or a surname resolves to the same record."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli
from veille.kb import lookup
from veille.kb.lookup import knowledge_base

OVERLAY = ("canonical\ttype\tcountry\twikidata\tagent\trole\ten\tfr\n"
           "Front de libération du Vosgien\tORG\tFRA\t\tREB\tarmed_group\tVosges Liberation Front|FLV\t"
           "Front de libération du Vosgien|FLV\n"
           "Vladimir Putin\tPERSON\tRUS\tQ7747\tGOV\thead\tVladimir Putin|Putin\tVladimir Poutine|Poutine|le tsar\n")


@pytest.fixture
def overlay(tmp_path, monkeypatch):
    path = tmp_path / "actors.tsv"
    path.write_text(OVERLAY, encoding="utf-8")
    monkeypatch.setenv("VEILLE_KB_OVERLAY", str(path))
    knowledge_base.cache_clear()
    yield path
    monkeypatch.delenv("VEILLE_KB_OVERLAY")
    knowledge_base.cache_clear()


def test_names_resolve_in_both_languages_demonyms_codes_and_surnames():
    kb = knowledge_base()
    north_korea = {kb.resolve(n).id for n in ("Corée du Nord", "North Korea", "nord-coréen", "North Korean", "PRK")}
    assert len(north_korea) == 1 and kb.resolve("PRK").country == "PRK"
    assert kb.resolve("Poutine").canonical == kb.resolve("Vladimir Putin").canonical == "Vladimir Putin"
    assert kb.resolve("Kremlin").stands_for == "RUS"
    assert kb.resolve("zzz unknown name") is None


def test_a_users_actor_is_found_in_text_and_replaces_the_shipped_record(overlay):
    kb = lookup.knowledge_base()
    assert kb.resolve("FLV").canonical == "Front de libération du Vosgien"
    assert kb.resolve("le tsar").canonical == "Vladimir Putin"  # the user's reading of a known name wins
    r = run_cli("analyze", "-", "--lang", "fr", "--format", "json",
                input="Attaque dans les Vosges\nLe Front de libération du Vosgien a revendiqué l'attaque.\n")
    assert r.exit_code == 0, r.stderr
    assert any(e["canonical"] == "Front de libération du Vosgien" and e["country"] == "FRA"
               for e in __import__("json").loads(r.stdout)["entities"])


def test_a_bad_actor_dictionary_is_one_line(tmp_path, monkeypatch):
    path = tmp_path / "bad.tsv"
    path.write_text("canonical\ttype\tcountry\twikidata\tagent\trole\ten\tfr\nX\tORG\tFrance\t\t\t\t\t\n", "utf-8")
    monkeypatch.setenv("VEILLE_KB_OVERLAY", str(path))
    knowledge_base.cache_clear()
    try:
        r = run_cli("analyze", "-", "--lang", "fr", input="Titre\nUn texte.\n")
    finally:
        monkeypatch.delenv("VEILLE_KB_OVERLAY")
        knowledge_base.cache_clear()
    assert r.exit_code != 0 and "row 2: country 'France' is not an ISO3 code" in r.stderr
    assert "Traceback" not in r.stderr
