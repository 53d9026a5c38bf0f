"""The verbs of war and repression reviewed from CAMEO's 17x–19x defaults (encircle, besiege, annex …), and a
French "plus" that means "more" and an elided "si", on real corpus sentences."""

from __future__ import annotations

import pytest

from tests.conftest import event_records_in, events_in


@pytest.mark.parametrize("article_id, sentence, event", [
    ("winer-fr:2016_02_21-003", "réussit à encercler les djihadistes de l'État islamique",
     ("ASSAULT", "SYR", "Islamic State")),
    ("winer-fr:2016_09_19-001", "Le régime syrien est en effet assiégé dans cette zone depuis près de deux ans par l' État islamique",
     ("COERCE", "Islamic State", "SYR")),
    # "l'intervention russe en Ukraine en 2014, dans laquelle la Crimée a été annexée": the relative pronoun
    # stands for the intervention, whose agent (russe) is the annexing party
    ("winer-fr:2017_01_21-005", "dans laquelle la Crimée a été annexée", ("COERCE", "RUS", "UKR")),
    # "blesser" (2026-12-07): Chicago police dragging a passenger off a plane
    ("winer-fr:2017_04_11-001", "Dans leur tentative, les policiers ont blessé l'individu", ("ASSAULT", "USA", None)),
])
def test_war_verbs_code_their_events(article_id, sentence, event):
    assert event in events_in(article_id, sentence)


def test_a_passive_wounding_is_a_toll_not_an_act_of_its_own():
    # "Trois personnes ont été blessées" after a man threw himself under a train: no attack (fr events.tsv,
    # blesser voice!=pass); the act that wounded is coded by its own trigger
    assert not events_in("winer-fr:2017_03_18-002", "Trois personnes ont été blessées ce vendredi matin")


@pytest.mark.parametrize("article_id, sentence", [
    # a noun after a name, not a headline's present tense: "l'Institut de Musique (annexe de Biskra)"
    ("winer-fr:2016_05_24-001", "l'Institut de Musique (annexe de Biskra)"),
    # "s'était exilé": one goes into exile, nobody exiles him
    ("winer-fr:2017_01_28-005", "Adama Barrow s'était en effet exilé au Sénégal"),
])
def test_words_of_war_in_other_senses_code_nothing(article_id, sentence):
    assert not events_in(article_id, sentence)


@pytest.mark.parametrize("article_id, sentence, trigger", [
    ("winer-fr:2018_04_17-003", "les États-Unis ont rappelé plus de la moitié du personnel de leur ambassade", "rappelé"),
    ("winer-fr:2016_02_21-003", "De même, plus au sud, l'armée syrienne avait lancé le 11 février une nouvelle offensive",
     "offensive"),
])
def test_plus_without_ne_is_more_not_a_negation(article_id, sentence, trigger):
    facts = [v["factuality"] for v in event_records_in(article_id, sentence) if v["trigger"]["text"] == trigger]
    assert facts and set(facts) == {"asserted"}


def test_an_elided_si_makes_a_condition():
    # "Fillon prêt à renoncer à la présidentielle s'il est mis en examen": the tagger reads "s'" as "se"
    got = event_records_in("winer-fr:2017_01_28-006", "Fillon prêt à renoncer à la présidentielle s'il est mis en examen")
    assert {v["factuality"] for v in got if v["trigger"]["text"] == "mis en examen"} == {"hypothetical"}


@pytest.mark.parametrize("article_id, sentence, event", [
    # the weapons' target, not the place they struck: "missiles targeting US troops in Iraqi military bases"
    ("en-wikinews:2020:008", "Iran launched missiles targeting US troops in Iraqi military bases", ("ASSAULT", "IRN", "USA")),
])
def test_the_target_of_the_weapons(article_id, sentence, event):
    assert event in events_in(article_id, sentence)


def test_a_removal_from_office_is_a_sanction_by_who_removes():
    # "La présidente sud-coréenne destituée par le Parlement": the parliament removed South Korea's president
    got = events_in("winer-fr:2016_12_09-001", "La présidente sud-coréenne destituée par le Parlement")
    assert any(t == "SANCTION" and a is not None and r == "KOR" for t, a, r in got)
