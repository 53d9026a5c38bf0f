"""Issue 12, twelfth round, on real corpus sentences (none of them held out): a town that names an agreement
("l'accord de Paris", "les accords de Minsk") is no party to a withdrawal from it or to a criticism of it; a noun
whose "de X" is its recipient slot and that has two of them names its doer first ("le retrait des États-Unis de
l'accord"); a state's own town is where its army attacked, not whom; a minister of no state named is the article's
state's, never an international body named before; the US-led coalition against the Islamic State acts as the United States,
as "the coalition led by the United States" already did."""

from __future__ import annotations

from tests.conftest import events_in, events_of_text


def test_withdrawing_from_an_agreement_named_after_a_town():
    assert events_in("winer-fr:2017_06_01-001", "les États-Unis se retireront de l’accord de Paris sur le climat") == {
        ("RETREAT", "USA", None)}


def test_a_withdrawal_noun_names_its_doer_before_what_it_leaves():
    assert events_in("winer-fr:2017_06_01-001", "Trump annonce le retrait des États-Unis de l'accord de Paris") == {
        ("RETREAT", "USA", None)}


def test_criticising_an_agreement_named_after_a_town_accuses_no_state():
    assert events_in("winer-fr:2018_12_08-001", "a critiqué une nouvelle fois l’accord de Paris sur le climat") == set()


def test_an_agreement_with_a_state_still_names_it():
    assert events_of_text("Les États-Unis se sont retirés de l'accord avec l'Iran.", "fr") == {("RETREAT", "USA", "IRN")}


def test_an_army_s_offensive_in_its_own_town_does_not_attack_its_state():
    events = events_in("winer-fr:2017_01_12-001", "où l'armée irakienne et les milices alliées ont repris l'offensive "
                                                 "à Mossoul")
    assert ("ASSAULT", "IRQ", "IRQ") not in events


def test_a_state_s_offensive_in_a_foreign_town_still_strikes_that_state():
    assert events_of_text("L'armée russe a lancé une offensive à Kharkiv.", "fr") == {("ASSAULT", "RUS", "UKR")}


def test_a_minister_of_no_state_named_is_the_article_s_state():
    events = events_in("winer-fr:2017_03_17-003", "a demandé à la ministre de l'Éducation que le proviseur reçoive")
    assert events == {("REQUEST", "FRA", "FRA")}


def test_the_coalition_against_the_islamic_state_is_coded_as_its_leader():
    assert events_in("winer-fr:2017_03_30-001", "Un bombardement effectué par la coalition internationale anti-EI") == {
        ("ASSAULT", "USA", "IRQ")}
