"""Statements without quotation marks in a communiqué: the issuing body's first-person sentences (issue 14)."""

from __future__ import annotations

import datetime as dt

from veille.analyze import analyze
from veille.model import Article

RELEASE = ("Communiqué du ministère de l'Europe et des Affaires étrangères\n"
           "La France a appris avec consternation l'attaque menée hier contre un convoi humanitaire au Soudan.\n"
           "Nous condamnons fermement cette attaque et nous appelons toutes les parties à protéger les civils.\n"
           "Notre pays restera mobilisé aux côtés des Nations unies.\n")
REPORT = ("Soudan : un convoi humanitaire attaqué\n"
          "Un convoi humanitaire a été attaqué hier au Soudan. Nous avons appris que plusieurs camions ont brûlé.\n")


def _claims(text: str) -> list[dict]:
    article = Article(id="r1", text=text, lang="fr", published=dt.date(2024, 3, 2))
    return analyze(article)["claims"]


def test_a_communique_speaks_for_its_issuer_without_quotation_marks():
    claims = _claims(RELEASE)
    own = [c for c in claims if c["cue"] is None and c["kind"] == "direct"]
    texts = [c["content"]["text"] for c in own]
    assert texts == ["Nous condamnons fermement cette attaque et nous appelons toutes les parties à protéger les civils.",
                     "Notre pays restera mobilisé aux côtés des Nations unies."]
    assert {(c["speaker"]["text"], c["speaker"]["country"]) for c in own} == {("ministère de l'Europe et des Affaires étrangères", "FRA")}
    assert not any("consternation" in t for t in texts)  # the third person is not the body's own voice


def test_an_ordinary_report_in_the_first_person_is_no_release():
    assert not [c for c in _claims(REPORT) if c["cue"] is None and "Nous avons appris" in c["content"]["text"]]
