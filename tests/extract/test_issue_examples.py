"""The sentences of issue 12 (events on real news), each coded as an analyst expects.

Each sentence is the one the issue quotes from real outlets; where the issue quotes a fragment, the shortest
natural sentence around it is used, and where a name is resolved from an earlier sentence, that sentence is given.
"""

from __future__ import annotations

import pytest

from tests.conftest import side as _side
from veille.analyze import analyze
from veille.model import Article


def _events(text: str, lang: str) -> list[dict]:
    return analyze(Article(id="t", text=text, lang=lang))["events"]


def _codes(text: str, lang: str) -> set[tuple]:
    return {(v["type"], _side(v["actor"]), _side(v["recipient"]), v["factuality"]) for v in _events(text, lang)}


@pytest.mark.parametrize("text, lang, want", [
    # 1. verbs, requests without a recipient in the clause, headline present tense
    ("Rafael Grossi arrived in Iran for talks.", "en", ("CONSULT", "Rafael Grossi", "IRN", "asserted")),
    ("IAEA chief Rafael Grossi arrived in Tehran on Tuesday. He appealed to Iran's leadership to take steps.", "en",
     ("REQUEST", "Rafael Grossi", "IRN", "asserted")),
    ("La junte malienne expulse l'ambassadeur de France", "fr", ("SANCTION", "MLI", "FRA", "asserted")),
    ("Russian forces fired missiles at Kyiv.", "en", ("ASSAULT", "RUS", "UKR", "asserted")),
    # 2. events as nouns, support verbs, the noun's own agent
    ("Russia launched an overnight drone attack on Kyiv.", "en", ("ASSAULT", "RUS", "UKR", "asserted")),
    ("Israël dit mener des « frappes de grande envergure » en Iran.", "fr", ("ASSAULT", "ISR", "IRN", "asserted")),
    ("Emmanuel Macron et Vladimir Poutine se sont entretenus lors d'une conversation téléphonique.", "fr",
     ("CONSULT", "FRA", "RUS", "asserted")),
    ("Le Japon a condamné le tir par la Corée du Nord d'un missile balistique.", "fr",
     ("MOBILIZE", "PRK", None, "asserted")),
    # 4. events inside reported speech: the speaker's act, hypothetical, attributed to the claim (below)
    ("Téhéran a assuré qu'il bombardera Israël.", "fr", ("ASSAULT", "IRN", "ISR", "hypothetical")),
    # 5. force posture short of force
    ("North Korea tested a ballistic missile on Sunday.", "en", ("MOBILIZE", "PRK", None, "asserted")),
    ("China held military drills near Taiwan on Monday.", "en", ("MOBILIZE", "CHN", "TWN", "asserted")),
    ("Japan scrambled fighter jets after Chinese aircraft entered its airspace.", "en",
     ("MOBILIZE", "JPN", None, "asserted")),
    ("Russia deployed troops to the border with Ukraine.", "en", ("MOBILIZE", "RUS", "UKR", "asserted")),
    # 6. parties of one country
    ("The Rapid Support Forces attacked El-Fasher.", "en", ("ASSAULT", "SDN", "SDN", "asserted")),
    ("L'offensive menée par le groupe rebelle M23 à Goma a fait des centaines de morts.", "fr",
     ("ASSAULT", "COD", "COD", "asserted")),
    # 7. agentless passives: the act stays, its doer unknown
    ("Les quatre personnes détenues ont été présentées à un juge.", "fr", ("COERCE", None, None, "asserted")),
    ("Ukraine said two Russian missiles which were shot down fell near Kyiv.", "en",
     ("ASSAULT", None, "RUS", "asserted")),
    # the reporter is not the actor
    ("The Rapid Support Forces (RSF) surrounded El-Fasher. UN chief Antonio Guterres is gravely alarmed by reports "
     "of an assault by the RSF on El-Fasher.", "en", ("ASSAULT", "SDN", "SDN", "asserted")),
    # "ni … ni" negates
    ("Les militaires nigériens n'ont ni libéré Mohamed Bazoum ni rétabli l'ordre constitutionnel.", "fr",
     ("RETREAT", "NER", "NER", "negated")),  # Mohamed Bazoum, Niger's president in the base: his country
])
def test_issue_sentence_is_coded(text, lang, want):
    assert want in _codes(text, lang)


def test_lists_keep_every_member_and_reciprocals_give_both_directions():
    codes = _codes("Plusieurs pays, dont les États-Unis, le Royaume-Uni et la France, ont condamné l'attaque russe.", "fr")
    assert {("ACCUSE", c, "RUS", "asserted") for c in ("USA", "GBR", "FRA")} <= codes
    codes = _codes("Russia and Ukraine accuse each other of violating the truce.", "en")
    assert {("ACCUSE", "RUS", "UKR", "asserted"), ("ACCUSE", "UKR", "RUS", "asserted")} <= codes


def test_event_in_reported_speech_is_attributed_to_its_claim():
    analysis = analyze(Article(id="t", text="Téhéran a assuré qu'il bombardera Israël.", lang="fr"))
    assault = next(v for v in analysis["events"] if v["type"] == "ASSAULT")
    claim = next(c for c in analysis["claims"] if c["id"] == assault["attributed_to"])
    assert claim["speaker"]["country"] == "IRN" and assault["id"] in claim["events"]


@pytest.mark.parametrize("text, lang, wrong", [
    ("Trump struck a conciliatory tone on Monday.", "en", "ASSAULT"),
    ("The Kremlin released a statement on Monday.", "en", "RETREAT"),
    ("Harry Dunn, a 19-year-old motorcyclist, was struck by a Volvo XC90 driving on the wrong side of the road.", "en",
     "ASSAULT"),
    ("The proposal suggested a 60-day ceasefire between Israel and Hamas.", "en", "RETREAT"),
])
def test_senses_that_are_not_events(text, lang, wrong):
    assert not any(v["type"] == wrong for v in _events(text, lang))


def test_guterres_is_not_the_attacker():
    events = _events("The Rapid Support Forces (RSF) surrounded El-Fasher. UN chief Antonio Guterres is gravely alarmed "
                     "by reports of an assault by the RSF on El-Fasher.", "en")
    assert not any((v["actor"] or {}).get("canonical") == "António Guterres" for v in events)


def test_wire_datelines_are_a_place_and_an_agency():
    analysis = analyze(Article(id="t", lang="en", text=(
        "DEIR AL-BALAH, Gaza Strip (AP) — Israeli strikes killed at least 20 people, health officials said.\n\n"
        "JERUSALEM (AP) — Israel said it had struck Hamas targets.")))
    by_mention = {m["text"]: e for e in analysis["entities"] for m in e["mentions"]}
    assert by_mention["JERUSALEM"]["type"] == "GPE" and by_mention["DEIR AL-BALAH"]["type"] == "GPE"
    assert by_mention["AP"]["canonical"] == "Associated Press"
    parties = [v["actor"] for v in analysis["events"]] + [c["speaker"] for c in analysis["claims"]]
    assert not any((p or {}).get("canonical") in ("Jerusalem", "DEIR AL-BALAH", "Associated Press") for p in parties)
    assert any(v["type"] == "ASSAULT" and _side(v["actor"]) == "ISR" and (v["recipient"] or {}).get("canonical") == "Hamas"
               for v in analysis["events"])


def test_the_one_not_released_is_the_person_named():
    events = _events("Les militaires nigériens n'ont ni libéré Mohamed Bazoum ni rétabli l'ordre constitutionnel.", "fr")
    assert any(v["type"] == "RETREAT" and v["recipient"]["canonical"] == "Mohamed Bazoum"
               and v["factuality"] == "negated" for v in events)
