"""Issue 12, eleventh round, on real corpus sentences (none of them held out): attacks whose doer the text does not
name. A vehicle driven into people is an attack by an unknown driver ("un camion a foncé sur une foule"); people
killed and property burnt or attacked by no one named are attacked in the place the clause names, else in the state
the story happens in. A death or a ruin the sentence lays on an accident or a disaster (class ``mishap``) is no
attack, and buildings "destroyed" by no one named (a storm does that too) give nothing."""

from __future__ import annotations

from tests.conftest import corpus_article, event_records_in, events_in
from veille.analyze import analyze


def test_a_truck_driven_into_a_crowd_is_an_attack_by_an_unknown_driver():
    assert events_in("winer-fr:2016_07_14-002", "un camion a foncé sur une foule rassemblée") == {
        ("ASSAULT", None, "FRA")}


def test_cars_set_on_fire_in_a_riot_are_attacked_in_the_story_s_state():
    assert events_in("winer-fr:2018_12_08-001", "Sur le cours Victor-Hugo, des voitures ont été incendiées") == {
        ("ASSAULT", None, "FRA")}


def test_people_killed_in_an_ambush_are_attacked_where_the_clause_says():
    assert events_in("winer-fr:2017_03_29-004", "Six travailleurs humanitaires ont été tués dans une embuscade") == {
        ("ASSAULT", None, "SSD")}


def test_people_killed_in_a_collision_are_no_attack():
    assert events_in("winer-fr:2017_03_08-001", "Quatre personnes ont été tuées et 40 blessées mardi lorsqu'un train "
                                                "de cargaison est entré en collision") == set()


def test_buildings_destroyed_by_no_one_named_are_no_attack():
    assert events_in("winer-fr:2017_02_08-004", "De nombreux bâtiments ont été détruits") == set()


def test_english_rockets_that_struck_near_a_base_attacked_its_state():
    assert events_in("en-wikinews:2019:157", "Seventeen rockets struck near the base") == {("ASSAULT", None, "IRQ")}


def test_a_typo_on_for_ont_is_no_doer_of_the_arson():
    # "on" (a typo for "ont") is no one: the vehicles are burnt by no one named (tests/extract/test_claimed_acts.py
    # held that sentence to give nothing before burnt property counted as attacked)
    assert events_in("winer-fr:2018_12_08-001", "une voiture et un scooter on été incendiés") == {
        ("ASSAULT", None, "FRA")}


def test_a_person_killed_by_no_one_named_is_attacked_in_the_town_s_state():
    # tests/extract/test_events.py held the opposite before this round (no recipient); the gold codes such
    # killings as attacks on the state ("Six personnes sont mortes … dans la capitale du Québec" -> CAN)
    assert events_in("winer-fr:2018_03_23-001", "Une autre personne a été tuée à Carcassonne") == {
        ("ASSAULT", None, "FRA")}



def test_the_attackers_shot_by_the_police_are_the_group_whose_attack_was_told():
    # fifteenth round: "cinq des assaillants ont été tués par les forces de l'ordre", after "Ces attaques,
    # revendiquées par le groupe jihadiste somalien des shebab": the state's agents killed al-Shabaab's men, an
    # armed group at home being a party as a person is
    records = event_records_in("winer-fr:2018_02_24-002", "cinq des assaillants ont été tués par les forces de l'ordre")
    assert [(v["actor"]["country"], v["recipient"]["entity"] and v["recipient"]["text"]) for v in records] == [
        ("SOM", "assaillants")]
    assert "shebab" in {m["text"] for e in analyze(corpus_article("winer-fr:2018_02_24-002"))["entities"]
                        if e["id"] == records[0]["recipient"]["entity"] for m in e["mentions"]}
