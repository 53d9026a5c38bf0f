"""Issue 12, sixteenth round: the police evicting protesters is repression (COERCE), not the expulsion of a
diplomat (SANCTION expel), as the sense note of "expulser" says; and a movement or a group of the opposition or
civil society the police act on at home is the recipient of the act, unlike a town, a building or a company, which
only says where they acted. Real corpus sentences (none held out or unseen); the train gold codes both Gilets jaunes
sentences of winer-fr:2018_12_25-001 and 2018_12_26-001 this way."""

from __future__ import annotations

from tests.conftest import event_records_in, events_in


def _coded(article_id: str, sentence: str) -> set[tuple]:
    return {(v["type"], v["actor"]["country"], (v["recipient"] or {}).get("canonical"))
            for v in event_records_in(article_id, sentence)}


def test_the_police_evicting_gilets_jaunes_coerce_them():
    assert _coded("winer-fr:2018_12_21-002", "les agents de l'ordre ont expulsé les Gilets jaunes du rond") == {
        ("COERCE", "FRA", "Yellow vests movement")}


def test_gendarmes_arresting_a_gilet_jaune_coerce_the_movement():
    found = _coded("winer-fr:2018_12_25-001", "les gendarmes ont interpelé un Gilet jaune qui bloquait le péage")
    assert ("COERCE", "FRA", "Yellow vests movement") in found  # and the blocking, a protest


def test_a_state_expelling_diplomats_still_sanctions():
    assert events_in("winer-fr:2018_03_24-001", "le Royaume-Uni a déjà expulsé 23 diplomates russes") == {
        ("SANCTION", "GBR", "RUS")}


def test_the_police_named_as_a_body_evict_too():
    # "la police" (state_force gains "police" and "gendarmerie", as "policier" and "gendarme")
    assert _coded("winer-fr:2018_12_31-001", "à Bourgoin-Jallieu (Isère), la police a expulsé les Gilets jaunes") == {
        ("COERCE", "FRA", "Yellow vests movement")}
