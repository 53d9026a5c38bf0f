"""A state's unnamed agents, the people they arrest or shoot, and headline topics, on real corpus articles
(``../shared/corpus/winer-fr.jsonl``, train and unlabelled articles): "les policiers", "par la police", "les
soldats" act for the state the article happens in; "l'auteur des faits a été interpellé" is an arrest by no one
named; "France : attaque à Valence" names the story's country, not the attacker."""

from __future__ import annotations

import pytest

from tests.conftest import event_records_in, names_of
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


def test_forces_of_public_order_act_for_the_state():
    # "les forces de police" (Strasbourg): a force whose complement is public order's is the state's, like
    # "les policiers"; "les forces kurdes" stay the Kurds' (parties.is_state_force)
    got = _events("winer-fr:2016_12_22-001", "Il a été immédiatement arrêté par les forces de police.")
    assert got and all(t == "COERCE" and a == "FRA" for t, a, _r in got)


def test_a_passive_agent_the_parser_hung_as_an_adverbial_is_the_doer():
    # "a été interpellé, sans incident, par des membres de la DGSI": the parser reads "par des membres" as an
    # adverbial; the DGSI's people arrested the young man, who is named by no name (not "le département du Nord",
    # which the parser took for the subject)
    got = _events("winer-fr:2017_02_16-002", "un jeune homme de 18 ans soupçonné de vouloir commettre un attentat a été interpellé")
    assert ("COERCE", "FRA", None) in got
    # "suspendue de ses fonctions par le Parlement sud-coréen": the parliament, not no one
    got = _events("winer-fr:2016_12_09-001", "La présidente Park Geun-hye a été suspendue de ses fonctions par le Parlement")
    assert got and all(a == "KOR" for _t, a, _r in got)
    # "condamné à une amende par l'UEFA": the parser makes "par l'UEFA" an argument of the verb, like "à une amende"
    assert ("SANCTION", "UEFA", "PSG") in names_of(event_records_in(
        "winer-fr:2017_08_05-001", "Le PSG a été condamné à une amende par l'UEFA en 2014"))


def test_a_means_is_no_passive_agent():
    # "tuée … par la chute d'un arbre" during a storm: neither the fall nor the storm is a doer
    got = _events("winer-fr:2017_01_13-003", "Une femme de 43 ans a été tuée dans son jardin")
    assert all(a is None for _t, a, _r in got)


def test_a_passive_joined_to_an_active_verb_is_not_done_by_its_subject():
    # "4500 personnes ont manifesté et 27 personnes ont été interpellées" (Bordeaux): the protesters did not arrest
    # anyone; an arrest with no doer named is the police's (the article's state)
    got = _events("winer-fr:2018_12_15-001", "4500 personnes ont manifesté et 27 personnes ont été interpellées")
    assert ("COERCE", "FRA", None) in got
    # "un routier a crevé trois pneus et …, un Gilet jaune a été frappé": the lorry driver's subject is no target
    got = _events("winer-fr:2018_12_19-001", "un routier a crevé trois pneus et après avoir appelé des renforts")
    assert all(r != "Gilet jaune" or a is None for _t, a, r in got)
