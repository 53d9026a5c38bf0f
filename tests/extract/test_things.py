"""Issue 12, tenth round, on real corpus sentences (none of them held out): a name the base does not know that
NER calls neither person, organisation nor place (a storm, a platform, a product) is neither the doer nor the
target of a material act (one may still speak to it), nor is a place of no known state;
a member of a movement named in the singular ("un Gilet jaune") stands for the movement; an attack told in a
participle adjunct ("…, tuant environ 10 personnes") happens where its governing clause says."""

from __future__ import annotations

from tests.conftest import event_records_in, events_in


def test_a_storm_is_no_attacker():
    assert not {e for e in events_in("winer-fr:2017_03_11-005", "Le cyclone Enawo a frappé Madagascar")
                if e[0] == "ASSAULT"}


def test_a_platform_is_no_recipient_and_the_act_stays():
    assert events_in("winer-fr:2016_01_20-001", "le Pakistan a mis fin au blocage de YouTube") == {
        ("RETREAT", "PAK", None)}


def test_a_member_of_a_movement_named_in_the_singular_stands_for_it():
    records = event_records_in("winer-fr:2018_12_23-001", "un chauffeur de poids lourd a été frappé par un Gilet jaune")
    assert [(v["type"], v["actor"]["canonical"], v["recipient"]) for v in records] == [
        ("ASSAULT", "Yellow vests movement", None)]


def test_a_place_of_no_known_state_is_where_a_blockade_happens_not_its_target():
    records = event_records_in("winer-fr:2018_12_10-001", "les Gilets jaunes ont bloqué le Leclerc de Morières-lès-Avignon")
    assert [(v["type"], v["actor"]["canonical"], v["recipient"]) for v in records] == [
        ("PROTEST", "Yellow vests movement", None)]


def test_one_may_still_ask_something_of_a_platform():
    # "demande à Wikipédia": addressed to it, as to an organisation NER took for a work
    assert ("REQUEST", "TUR", "Wikipédia") in events_in("winer-fr:2017_05_03-001",
                                                        "La Turquie demande à Wikipédia de supprimer des articles")


def test_a_participle_adjunct_attack_happens_where_its_clause_says():
    # "tuant environ 10 personnes": the place is the governing clause's ("dans un wagon du métro de Saint-Pétersbourg")
    assert ("ASSAULT", None, "RUS") in events_in(
        "winer-fr:2017_04_03-001", "une explosion est survenue dans un wagon du métro de Saint-Pétersbourg , tuant")
