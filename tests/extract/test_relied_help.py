"""Issue 12, nineteenth round: help a party counts on goes to the one who counts on it, and its giver is the "de X"
the parser hung on the noun's adjective ("l'appui déterminant de la Russie"); a verb that makes someone act
("pousser X à", "force X to") hands its infinitive to X."""

from __future__ import annotations

from tests.conftest import event_records_in, events_in, events_of_text, names_of


def test_help_one_counts_on_goes_to_the_subject_and_comes_from_de_x():
    assert ("SUPPORT", "RUS", "TUR") in events_in(
        "winer-fr:2017_01_12-001",
        "Pour accomplir sa mission, la Turquie peut compter sur l'appui déterminant de la Russie.")


def test_help_one_relies_on_in_english():
    assert ("SUPPORT", "USA", "UKR") in events_of_text(
        "Ukraine relies on the military support of the United States.", "en")


def test_help_of_no_party_gives_no_event():
    assert not events_of_text("Le club peut compter sur le soutien déterminant de ses supporters.", "fr")


def test_a_causative_verb_hands_its_infinitive_to_its_object():
    # "avait poussé Chase à jouer un rôle majeur pour aider New York": Chase helps, not the one who pushed it
    records = event_records_in("winer-fr:2017_03_21-003", "avait notamment poussé Chase à jouer un rôle majeur pour "
                                                           "aider New York à sortir de la crise fiscale")
    assert names_of(records) == {("AID", "Chase Manhattan Bank", "New York City")}
