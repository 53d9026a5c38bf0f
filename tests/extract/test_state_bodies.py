"""Issue 12, fourteenth round: a state's court, parliament or ministry whose demonym follows its name is that state's
("la Cour constitutionnelle sud-coréenne", "le ministère de la Défense autrichien"), even when the recogniser
stops the name before the demonym or takes the court for a place. Sentences from the corpus (WiNER-fr)."""

from __future__ import annotations

from tests.conftest import event_records_in, events_in
from veille.analyze import analyze
from veille.model import Article


def _countries(text: str) -> dict[str, str | None]:
    return {e["canonical"]: e["country"] for e in analyze(Article(id="t", text=text, lang="fr"))["entities"]}


def test_a_court_taken_for_a_place_is_placed_by_its_demonym():
    text = "La Cour constitutionnelle sud-coréenne confirme la destitution de la présidente"
    assert _countries(text)["Cour constitutionnelle"] == "KOR"


def test_a_ministry_is_placed_by_the_demonym_after_its_name():
    text = ("Le 16 février, le ministère de la Défense autrichien a annoncé sa volonté de poursuivre Airbus pour une "
            "affaire de fraude et de corruption.")
    assert _countries(text)["ministère de la Défense"] == "AUT"



def test_a_state_body_of_no_state_named_is_the_home_states():
    # fifteenth round: "la Police Fédérale (PF)" of a Brazilian story, the "Parlement" of a South Korean one
    records = event_records_in("winer-fr:2018_10_29-001", "La Police Fédérale (PF) a également ouvert une enquête pour enquêter")
    assert {v["actor"]["country"] for v in records} == {"BRA"}
    assert ("SANCTION", "KOR", "KOR") in events_in("winer-fr:2016_12_09-001", "La présidente sud-coréenne destituée par le Parlement")
