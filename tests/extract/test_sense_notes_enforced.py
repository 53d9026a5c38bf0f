"""Issue 12, sixteenth round, found by reading a random sample of the French corpus's events (none of them held
out): four sense notes of the French lexicon that were only notes are now constraints. "reconnaître" admits
nothing in the passive (``voice!=pass``: "reconnue par l'ISU", "reconnue coupable"); "mettre fin à" retreats only
from hostilities (``obl=&hostility``); "retirer" withdraws only forces or envoys when it has a direct object
(``dobj=&troops,&envoy``: not helmets, alerts or a marquee; "se retirer de la CPI" has none); "signer" supports
only with an agreement signed (not "des documents", "un chèque", "Paul Pogba")."""

from __future__ import annotations

import pytest

from tests.conftest import events_in


@pytest.mark.parametrize("article_id, sentence", [
    ("winer-fr:2018_09_15-001", "À ce titre, elle est reconnue par l' International Skating Union"),
    ("winer-fr:2017_04_19-004", "Monsanto reconnue coupable d'atteinte aux droits humains"),
    ("winer-fr:2016_02_16-002", "L'oligarque russe qui détient le journal veut mettre fin à la crise"),
    ("winer-fr:2017_02_08-007", "après que François Fillon a mis fin au dernier contrat de son épouse"),
    ("winer-fr:2018_12_08-001", "les gendarmes ont retiré leurs casque"),
    ("winer-fr:2018_01_23-001", "le National Tsunami Warning Center des États-Unis a retiré les alertes"),
    ("winer-fr:2017_03_22-003", "Des documents signés par Penelope Fillon"),
    ("winer-fr:2018_12_23-001", "un communiqué de presse signé par des « gilets jaunes de la première heure »"),
])
def test_other_senses_code_nothing(article_id, sentence):
    assert events_in(article_id, sentence) == set()


def test_admitting_a_defeat_still_concedes():
    assert ("CONCEDE", "BRA", None) in events_in(
        "winer-fr:2016_04_19-001", "Le chef du parti des travailleurs a reconnu la défaite")


def test_admitting_involvement_in_strikes_still_concedes():
    found = events_in("winer-fr:2016_09_19-001", "ont également reconnu leur implication")
    assert {("CONCEDE", "GBR", None), ("CONCEDE", "AUS", None), ("CONCEDE", "DNK", None)} <= found


def test_leaving_a_court_is_still_a_withdrawal():
    found = events_in("winer-fr:2016_10_25-003", "s'est retiré de la Cour pénale internationale")
    assert ("RETREAT", "BDI", "International Criminal Court") in found


def test_withdrawing_all_of_ones_forces_is_still_a_withdrawal():
    # "l'intégralité de ses forces": the object is the forces counted, not the quantity
    found = events_in("wikinews-kp2012:44530", "L'OTAN prévoie de retirer l'intégralité de ses forces en 2014")
    assert any(kind == "RETREAT" for kind, _, _ in found)


def test_signing_an_agreement_with_a_party_still_supports_it():
    found = events_in("winer-fr:2017_03_12-004", "il avait signé un accord avec l' INA")
    assert any(kind == "SUPPORT" for kind, _, _ in found)
