"""Issue 12, fifteenth round, on real corpus sentences (none of them held out): ground taken by force ("ont repris
une centaine de localités", "s'emparer de la zone", "took the town") is an attack, as an invasion is, on whoever held
it: the party the text names ("à l'État islamique", "from the Islamic State"), the holder its stronghold is ("al-Bab,
dernier bastion de Daech"), else the one the taker was last told fighting. A race or a title taken is no event."""

from __future__ import annotations

from tests.conftest import events_in, events_of_text


def test_villages_retaken_are_taken_from_the_enemy_of_the_story():
    assert ("ASSAULT", "SYR", "Islamic State") in events_in(
        "winer-fr:2016_12_21-003", "les FDS annoncent avoir repris une centaine de localités")


def test_seizing_a_zone_is_an_attack_on_its_holder():
    assert ("ASSAULT", "IRQ", "Islamic State") in events_in(
        "winer-fr:2017_09_23-001", "en réussissant à s'emparer de la zone de 140 km²")


def test_ground_taken_from_a_named_party_is_an_attack_not_a_seizure():
    events = events_in("winer-fr:2016_02_21-003", "les combattants ont pris à l'État islamique (EI) de vastes zones")
    assert ("ASSAULT", "SYR", "Islamic State") in events and not any(e[0] == "COERCE" for e in events)


def test_a_stronghold_retaken_is_taken_from_the_group_it_belongs_to():
    assert ("ASSAULT", "TUR", "Islamic State") in events_of_text(
        "La Turquie ne parvient pas à reprendre al-Bab, dernier bastion de Daech dans la zone.", "fr")


def test_a_yellow_jersey_or_a_rival_taken_in_a_race_is_no_event():
    assert events_in("winer-fr:2016_07_09-004", "Christopher Froome s'empare du maillot jaune") == set()
    assert events_in("winer-fr:2016_09_03-004", "Mario Mola dans un bel effort réussit à reprendre le Sud-Africain") == set()
