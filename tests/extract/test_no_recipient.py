"""Issue 12, tenth round, on real corpus sentences (none of them held out): events that stand with no recipient. A
commitment to do something ("s'est engagé à payer", "agreed to add two members") is an AGREE of its maker alone;
a bare "accepted" with nothing said of what is accepted still needs one. The condemnation of an attack or a crime
whose doer the text does not give ("Le Vatican condamne fermement ce « crime barbare »") is an ACCUSE with no
recipient. A commitment, threat or refusal that names no one of its own is aimed at the target of the act it
commits to, threatens or refuses. (With them, the new lexicon row "count on X to": a request to X.)"""

from __future__ import annotations

from tests.conftest import event_records_in, events_in, side
from veille.analyze import analyze
from veille.model import Article


def test_a_french_commitment_to_act_is_an_agreement_with_no_recipient():
    assert ("AGREE", "CAN", None) in events_in(
        "winer-fr:2017_05_16-001", "Le gouvernement s'est engagé à payer 80 % d'une bonne partie des dégâts matériels")


def test_an_english_commitment_to_act_is_an_agreement_with_no_recipient():
    assert ("AGREE", "HKG", None) in events_in(
        "en-wikinews:2019:096", "Lam also agreed to add two members to Hong Kong's existing police oversight council")


def test_an_agreement_that_says_neither_to_whom_nor_to_what_is_no_event():
    text = "Interrogé sur la proposition, le ministre russe des Affaires étrangères a accepté."
    assert not [v for v in analyze(Article(id="t", text=text, lang="fr"))["events"] if v["type"] == "AGREE"]


def test_condemning_a_crime_of_no_named_doer_is_an_accusation_with_no_recipient():
    assert events_in("winer-fr:2016_07_26-006", "Le Vatican condamne fermement ce « crime barbare »") == {
        ("ACCUSE", "VAT", None)}


def test_condemning_a_party_still_names_it():
    text = "La Chine a condamné le Japon."
    codes = {(v["type"], (v["recipient"] or {}).get("country")) for v in analyze(Article(id="t", text=text, lang="fr"))["events"]}
    assert codes == {("ACCUSE", "JPN")}


def test_a_commitment_is_aimed_at_the_target_of_the_act_committed_to():
    assert ("AGREE", "USA", "SAU") in events_in(
        "en-wikinews:2019:114", "committing to send more troops to Saudi Arabia")


def test_a_threat_is_aimed_at_the_target_of_the_act_threatened():
    text = "L'Iran a menacé de frapper Israël."
    codes = {(v["type"], (v["actor"] or {}).get("country"), (v["recipient"] or {}).get("country"))
             for v in analyze(Article(id="t", text=text, lang="fr"))["events"]}
    assert codes == {("THREATEN", "IRN", "ISR")}


def test_counting_on_a_party_to_act_is_a_request_to_it():
    records = event_records_in("en-wikinews:2019:143", "I count on Turkey to act with restraint")
    assert [(v["type"], side(v["recipient"])) for v in records] == [("REQUEST", "TUR")]


def test_counting_votes_is_no_request():
    text = "Election officials counted the votes on Monday."
    assert not analyze(Article(id="t", text=text, lang="en"))["events"]
