"""Issue 12, thirteenth round, on real corpus sentences (none of them held out or unseen): "ouvrir le feu" / "open
fire" is an attack, and an attacker the text describes without naming a party ("un homme armé", "les assaillants",
"un tireur", class ``assailant``) is an unknown doer, as the annotators code it: the attack stands with no actor,
on the party or place the clause names, else on the state the story happens in. Before, the unresolved subject
dropped the attack."""

from __future__ import annotations

from tests.conftest import events_in, events_of_text


def test_an_armed_man_opening_fire_in_a_cinema_attacks_where_it_is():
    assert events_in("winer-fr:2016_06_23-001", "Un homme armé a ouvert le feu dans un cinéma") == {
        ("ASSAULT", None, "DEU")}


def test_assailants_opening_fire_on_travellers_attack_the_story_s_state():
    assert events_in("winer-fr:2016_06_28-002", "les assaillants auraient ouvert le feu sur les voyageurs") == {
        ("ASSAULT", None, "TUR")}


def test_a_man_armed_with_a_knife_who_killed_two_passers_by_attacked_in_france():
    assert {(t, a) for t, a, _ in events_in("winer-fr:2017_10_01-004", "un homme de 30 ans armé d'un couteau a tué")} == {
        ("ASSAULT", None)}


def test_the_attacker_who_drove_at_soldiers_is_an_unknown_doer():
    assert events_in("winer-fr:2017_01_08-004", "L'assaillant a foncé sur un groupe de militaires") == {
        ("ASSAULT", None, "ISR")}


def test_english_a_gunman_opening_fire_attacks_where_it_is():
    # the English corpus has no such sentence; the words of the class are the French ones' counterparts
    assert events_of_text("A gunman opened fire on worshippers at a mosque in Christchurch, New Zealand, on Friday.",
                          "en") == {("ASSAULT", None, "NZL")}



def test_a_man_who_attacked_a_policeman_with_a_knife_is_an_unknown_doer():
    # class someone (homme, individu; man, individual) with an indefinite article: "un homme a attaqué"
    assert events_in("winer-fr:2018_09_17-001", "un homme a attaqué au couteau un policier") == {("ASSAULT", None, "BEL")}


def test_a_man_struck_by_a_car_in_a_headline_is_no_attacker():
    # the headline's bare participles: the man is the one struck, not a doer
    assert events_in("winer-fr:2016_01_10-003", "un homme percuté et tué par une voiture de course") == set()


def test_a_minister_of_no_state_named_acts_for_the_article_s_state():
    # the measures he promised to carry out are the European Commission's demands (an international body is a party
    # the state's agents act on at home, since the fifteenth round)
    assert events_in("winer-fr:2017_02_22-002", "Le ministre de l'économie a promis") == {
        ("AGREE", "ITA", "European Commission")}
