"""Issue 12, thirteenth round, on real corpus sentences (none of them held out or unseen): police described as
"les agents de l'ordre" are the state's agents (``force_noun`` gains "agent", beside "forces de l'ordre"); tear gas
and the like (class ``crowd_control``) are used on people, so firing them at no one named is an attack with no
recipient, never a show of force (MOBILIZE) like a missile fired at no one; and "repousser" a person is no
rejection."""

from __future__ import annotations

from tests.conftest import events_in, events_of_text


def test_police_firing_tear_gas_attack():
    assert events_in("winer-fr:2018_12_08-001", "les policiers lancent des gaz lacrymogènes") == {("ASSAULT", "FRA", None)}


def test_tear_gas_grenades_are_no_show_of_force():
    assert events_in("winer-fr:2018_12_08-001", "les agents de l'ordre ont lancé des grenades lacrymogènes") == {
        ("ASSAULT", "FRA", None)}


def test_agents_de_l_ordre_who_arrest_act_for_the_state():
    assert {(t, a) for t, a, _ in events_in("winer-fr:2018_12_06-001", "par les agents de l'ordre qui ont interpellé")} \
        == {("COERCE", "FRA")}


def test_pushing_back_an_attacker_is_no_rejection():
    assert events_in("winer-fr:2017_02_04-002", "Après avoir essayé de repousser l'assaillant") == set()


def test_police_using_tear_gas_to_drive_protesters_away_attack():
    # "utiliser"/"employer"/"use" an object of class weapon or crowd_control is an attack; any other object is none
    assert events_in("winer-fr:2018_12_01-002", "La police a utilisé des gaz lacrymogènes") == {("ASSAULT", "FRA", None)}


def test_using_a_right_is_no_attack():
    assert events_of_text("La Russie a utilisé son droit de veto au Conseil de sécurité.", "fr") == set()


def test_tear_gas_named_by_a_word_the_parser_hangs_as_a_complement_is_crowd_control():
    # sixteenth round: "grenades lacrymo" (nmod), "les gaz lacrymogène" (nmod), not only an adjective
    assert events_in("winer-fr:2018_12_15-001", "les agents de l’ordre lancent des grenades lacrymo") == {
        ("ASSAULT", "FRA", None)}
