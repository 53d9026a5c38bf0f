"""Issue 12, sixteenth round: pressing a party ("faire pression sur X") requests, appealing a decision ("faire appel
de") accuses, asking forgiveness ("demander pardon") concedes; holding a party responsible
accuses it ("tenir X pour responsable", "hold X responsible/accountable"), a multiword trigger whose object stands
inside the phrase (the split phrase now admits an adjective as its last part, as it admitted a noun: "held Iran
responsible", "placé X en garde à vue")."""

from __future__ import annotations

from tests.conftest import events_in, events_of_text


def test_diplomats_state_holding_the_local_authorities_responsible_accuses():
    # winer-fr:2018_04_17-003 (train): the gold has the United States accuse Cuba; the coder places "les autorités
    # locales" in the article's own state, Canada (a known limit: "locales" is not read)
    found = events_in("winer-fr:2018_04_17-003", "Ils tiennent les autorités locales pour responsables")
    assert {(kind, actor) for kind, actor, _ in found} == {("ACCUSE", "USA")}


def test_holding_a_state_responsible_for_an_attack_accuses_it():
    assert ("ACCUSE", "USA", "IRN") in events_of_text("The United States held Iran responsible for the attack.", "en")
    assert ("ACCUSE", "RUS", "UKR") in events_of_text("La Russie tient l'Ukraine pour responsable de l'attentat.", "fr")


def test_pressing_a_party_to_act_requests():
    # winer-fr:2017_02_07-001 (train gold: REQUEST Donald Trump → Janet Yellen): "faire pression sur X"
    found = events_in("winer-fr:2017_02_07-001", "compte faire pression sur la présidente de la Réserve fédérale")
    assert ("REQUEST", "USA", "USA") in found


def test_appealing_a_decision_in_court_contests_it():
    # winer-fr:2017_05_03-001 (train gold: ACCUSE Wikimedia Foundation → TUR); it was a REQUEST to no one
    found = events_in("winer-fr:2017_05_03-001", "la Wikimedia Foundation aurait fait appel de cette décision")
    assert found == {("ACCUSE", "Wikimedia Foundation", "TUR")}


def test_asking_forgiveness_is_an_apology_not_a_request():
    found = events_in("winer-fr:2018_12_08-001", "Le policier lui a personnellement demandé pardon")
    assert {kind for kind, _, _ in found} == {"CONCEDE"}
