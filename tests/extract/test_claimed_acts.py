"""Acts told by who owns them or whom they struck, on real corpus sentences: a group that claims an attack did it
("L'État islamique a revendiqué les attaques"), a state's unnamed agents attacked are their state ("six
policiers ont été tués"), and an act hung from an adjective or a plan is its subject's ("was more forceful in
blaming Iran", "was developing plans to attack")."""

from __future__ import annotations

import pytest

from tests.conftest import event_records_in, events_in


@pytest.mark.parametrize("article_id, sentence, event", [
    # Kabul, 2018: the double suicide bombing told first, claimed three sentences later
    ("winer-fr:2018_04_30-001", "L' État islamique a revendiqué les attaques.", ("ASSAULT", "Islamic State", "AFG")),
    # Baghdad, 2016: the claim arrives "quelques heures plus tard"
    ("winer-fr:2016_07_03-001", "L'État Islamique a revendiqué l'attaque quelques heures plus tard.",
     ("ASSAULT", "Islamic State", "IRQ")),
    # Nice, 2016: the claim as a participle ("l'attentat, revendiqué par le groupe État islamique")
    ("winer-fr:2016_08_19-001", "Parallèlement l'attentat, revendiqué par le groupe État islamique",
     ("ASSAULT", "Islamic State", "FRA")),
    # Jakarta, 2016: "le groupe autoproclamé « État islamique »" names the group; it is not the last one named
    # before (Starbucks, a café near the blasts)
    ("winer-fr:2016_01_14-003", "Le groupe autoproclamé « État islamique » a revendiqué les attaques",
     ("ASSAULT", "Islamic State", "IDN")),
])
def test_a_group_that_claims_an_attack_did_it_to_whom_the_attack_struck(article_id, sentence, event):
    assert event in events_in(article_id, sentence)


def test_a_claim_nobody_made_codes_nothing():
    # Aleppo, 2016: "Aucun groupe n'a revendiqué l'attaque pour l'instant"
    got = events_in("winer-fr:2016_12_10-001", "Aucun groupe n'a revendiqué l'attaque pour l'instant.")
    assert not any(actor for _t, actor, _r in got)


@pytest.mark.parametrize("article_id, sentence, event", [
    ("winer-fr:2016_09_01-003", "six policiers ont été tués au cours des émeutes", ("ASSAULT", None, "GAB")),
    ("winer-fr:2016_08_30-003", "Un policier a été poignardé alors même qu'il était en poste", ("ASSAULT", None, "FRA")),
    ("winer-fr:2017_01_08-004", "Quatre soldats ont été tués à Jérusalem", ("ASSAULT", None, "ISR")),
    ("winer-fr:2016_03_31-001", "Au moins 4 policiers ont été tués et 15 personnes ont été blessées",
     ("ASSAULT", None, "TUR")),
])
def test_a_states_unnamed_agents_attacked_are_that_state(article_id, sentence, event):
    assert event in events_in(article_id, sentence)



@pytest.mark.parametrize("article_id, sentence, event", [
    # the subject of a copula with an adjective: "was more forceful in blaming Iran", "was quick to condemn"
    ("en-wikinews:2019:114", "The United States was more forceful in blaming Iran for the attack",
     ("ACCUSE", "USA", "IRN")),
    # a noun's infinitive takes the doer of the verb the noun is the object of: "was developing plans to attack"
    ("en-wikinews:2020:001", "General Soleimani was actively developing plans to attack American diplomats",
     ("ASSAULT", "IRN", "USA")),
])
def test_an_act_hung_from_an_adjective_or_a_plan_is_its_subjects(article_id, sentence, event):
    assert event in events_in(article_id, sentence)


def test_a_plan_to_attack_is_hypothetical():
    got = event_records_in("en-wikinews:2020:001",
                           "General Soleimani was actively developing plans to attack American diplomats")
    assert {v["factuality"] for v in got if v["type"] == "ASSAULT"} == {"hypothetical"}


@pytest.mark.parametrize("article_id, sentence, event", [
    # only a state's police and courts arrest, hold and charge: a doerless one is the article's state's
    ("winer-fr:2017_04_02-001", "trois adolescentes ont été mises en examen à Paris", ("ACCUSE", "FRA", None)),
    ("winer-fr:2017_03_25-004", "L'homme a été inculpé", ("ACCUSE", "BEL", None)),
    # "Il": a man the story does not name, shot by the soldiers of the article's state
    ("winer-fr:2017_06_20-001", "Il a été abattu par les soldats.", ("ASSAULT", "BEL", None)),
])
def test_doerless_arrests_and_charges_are_the_articles_states(article_id, sentence, event):
    assert event in events_in(article_id, sentence)


@pytest.mark.parametrize("article_id, sentence", [
    ("winer-fr:2017_03_30-001", "trois d'entre eux sont complètement détruits"),  # buildings, not people
])
def test_pronouns_for_things_are_no_unnamed_people(article_id, sentence):
    assert not events_in(article_id, sentence)


def test_a_named_person_held_by_no_one_named_is_held_by_the_articles_state():
    got = event_records_in("winer-fr:2018_07_21-002", "Alexandre Benalla a été placé en garde à vue")
    assert ("COERCE", "FRA", "Alexandre Benalla") in {
        (v["type"], v["actor"] and v["actor"]["country"], v["recipient"] and v["recipient"]["canonical"]) for v in got}


@pytest.mark.parametrize("article_id, sentence, event", [
    # en-wikinews:2020:002: "we" in the spokeswoman's quotation is the United States
    ("en-wikinews:2020:002", "we strongly urge Iraqi leaders to reconsider", ("REQUEST", "USA", "IRQ")),
    # winer-fr:2017_01_27-002: "je" in Enrique Peña Nieto's quotation is Mexico's president
    ("winer-fr:2017_01_27-002", "Je regrette et condamne la décision des États-Unis", ("ACCUSE", "MEX", "USA")),
])
def test_a_first_person_in_a_quotation_is_its_speaker(article_id, sentence, event):
    assert event in events_in(article_id, sentence)


def test_attributing_an_attack_to_a_party_accuses_it():
    # en-wikinews:2019:020: "attribute" blames an attack (class attack or anonymous) on the party after "to"
    got = [(v["type"], v["actor"]["country"], v["recipient"]["canonical"])
           for v in event_records_in("en-wikinews:2019:020", "attributed the bombing to Houthi rebels")]
    assert ("ACCUSE", "ARE", "Houthis") in got


def test_an_attack_a_public_speaker_says_another_party_did_is_also_their_accusation():
    # en-wikinews:2019:020: "Tamim claimed Houthis have attacked journalists previously"
    got = [(v["type"], v["actor"]["country"], (v["recipient"] or {}).get("canonical"), v["factuality"])
           for v in event_records_in("en-wikinews:2019:020", "Tamim claimed Houthis have attacked journalists previously")]
    assert ("ACCUSE", "ARE", "Houthis", "asserted") in got
    assert any(t == "ASSAULT" for t, *_ in got)  # the act itself stays
