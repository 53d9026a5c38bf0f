"""Multiword acts whose verb's object stands inside the phrase, on real corpus sentences (none held out): "placed
Mugabe under house arrest", "prendre plusieurs personnes en otage". The phrase must still hang from the verb or its
object, and hold a noun: a verb and a stray particle further on ("calling it … on Iraq") are no "call on"."""

from __future__ import annotations

from tests.conftest import event_records_in, events_in


def test_an_arrest_phrase_around_its_object_is_an_arrest_by_the_verbs_subject():
    found = events_in("en-wikinews:2019:099", "After Mugabe fired his vice president, ahead of the 2018 elections, "
                      "the army moved on November 15, 2017, having first placed Mugabe under house arrest.")
    assert ("COERCE", "ZWE", "ZWE") in found


def test_a_hostage_taking_phrase_around_its_object_is_found():
    records = event_records_in("winer-fr:2018_03_23-001", "Ensuite, l'agresseur s'est rendu vers le supermarché, à "
                               "une dizaine de kilomètres de là, pour y prendre plusieurs personnes en otage.")
    assert any(v["type"] == "ASSAULT" and v["trigger"]["text"].endswith("en otage") for v in records)


def test_a_verb_and_a_particle_further_on_are_no_phrasal_verb():
    found = events_in("en-wikinews:2020:001", "Adil Abdul-Mahdi, the acting Prime Minister of Iraq, spoke out against "
                      "the attack, calling it \"an aggression on Iraq as a state, government and people\"")
    assert not any(kind == "REQUEST" for kind, _, _ in found)
