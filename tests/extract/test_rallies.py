"""Issue 12, twelfth round, on real corpus sentences (none of them held out): people who rally themselves ("se sont
mobilisées", "restent mobilisés") protest; forces one mobilises are still a mobilisation."""

from __future__ import annotations

from tests.conftest import events_in


def test_protesters_who_stay_mobilised_protest():
    assert events_in("winer-fr:2018_12_25-001", "les Gilets jaunes restent mobilisés") == {
        ("PROTEST", "FRA", None)}  # the Yellow vests movement, a French movement


def test_millions_who_rallied_for_a_general_strike_protest():
    events = events_in("winer-fr:2018_03_08-001", "des millions de personnes en Espagne se sont mobilisées")
    assert "MOBILIZE" not in {e[0] for e in events} and ("PROTEST", "ESP", None) in events


def test_forces_a_minister_will_mobilise_are_a_mobilisation():
    events = events_in("winer-fr:2018_12_04-001", "annonce qu'il va mobiliser en France samedi 8 décembre des forces")
    assert ("MOBILIZE", "FRA", None) in events and "PROTEST" not in {e[0] for e in events}


def test_showing_a_wish_in_the_press_is_no_demonstration():
    # "manifester sa volonté" (a noun object) shows a feeling; people who "ont manifesté" rallied
    assert events_in("winer-fr:2018_07_30-001", "ayant manifesté par voie de presse sa volonté de se présenter") == set()
    assert ("PROTEST", "FRA", None) in events_in(
        "winer-fr:2018_12_01-001", "une centaine de Gilets jaunes ont manifesté dans le marché de Noël")
