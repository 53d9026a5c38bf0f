"""A state's unnamed agents, the people they arrest or shoot, and headline topics, on real corpus articles
(``../shared/corpus/winer-fr.jsonl``, train and unlabelled articles): "les policiers", "par la police", "les
soldats" act for the state the article happens in; "l'auteur des faits a été interpellé" is an arrest by no one
named; "France : attaque à Valence" names the story's country, not the attacker."""

from __future__ import annotations

import pytest

from tests.conftest import events_in as _events


@pytest.mark.parametrize("article_id, sentence, event", [
    # London, 2017: "par la police" in a story set in the United Kingdom
    ("winer-fr:2017_03_23-001", "L'assaillant, qui était armé d'un couteau, a été abattu par la police devant le Parlement",
     ("ASSAULT", "GBR", None)),
    # Paris, 2017: "les policiers" in a story set in France
    ("winer-fr:2017_03_29-003", "puis ont défoncé la porte et ont directement abattu l'homme", ("ASSAULT", "FRA", None)),
    # Paris, 2018: the agent of a passive arrest
    ("winer-fr:2018_12_15-001", "a été interpellé par les policier", ("COERCE", "FRA", None)),
])
def test_unnamed_police_and_soldiers_act_for_the_state_the_story_is_in(article_id, sentence, event):
    assert event in _events(article_id, sentence)


def test_a_demonym_in_the_sentence_does_not_make_the_police_foreign():
    # "un homme de 56 ans d'origine chinoise ... a été abattu par un policier" (Paris): the policeman is French
    got = _events("winer-fr:2017_03_29-003", "a été abattu par un policier lors de cette intervention")
    assert got and all(a == "FRA" for _t, a, _r in got)


def test_the_suspect_arrested_by_no_one_named_is_arrested_by_the_articles_state():
    # only a state's police arrest: an arrest with no doer in a story set in France is France's (coder.authority)
    got = _events("winer-fr:2017_05_26-001", "L'auteur des faits, activement recherché, a été interpellé")
    assert ("COERCE", "FRA", None) in got


def test_a_headline_topic_is_not_the_attacker():
    # "France : attaque à Valence (Drôme)": an attack on France by someone the headline does not name
    got = _events("winer-fr:2016_01_01-001", "France : attaque à Valence (Drôme)")
    assert ("ASSAULT", None, "FRA") in got
    assert all(a != "FRA" for _t, a, _r in got)


def test_police_blocking_a_street_do_not_protest():
    got = _events("winer-fr:2018_12_08-001", "rue Arsène Houssaye bloquée par les gendarmes")
    assert not any(t == "PROTEST" and a == "FRA" for t, a, _r in got)


def test_the_station_the_police_cleared_is_not_whom_they_acted_on():
    got = _events("winer-fr:2018_12_22-001", "les gendarmes ont expulsé les Gilets jaunes des voies ferroviaires")
    assert all(r != "SNCF" and "SNCF" not in str(r) for _t, _a, r in got)
