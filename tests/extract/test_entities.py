"""Entities: mentions gathered into one entity per thing, linked to the knowledge base, with a country.

Every sentence here is real: the specimen, or quoted from ../shared/corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest

from veille.analyze import analyze
from veille.model import Article

from ..conftest import corpus_article, entity_of


def _analyse(text: str, lang: str) -> dict:
    return analyze(Article(id="t", text=text, lang=lang, published=dt.date(2019, 1, 23)))


def test_surname_joins_full_name(specimen_analysis):
    kirby = entity_of(specimen_analysis, "Kirby")
    assert {m["text"] for m in kirby["mentions"]} == {"John Kirby", "Kirby"}
    assert (kirby["canonical"], kirby["type"], kirby["country"]) == ("John Kirby", "PERSON", "USA")


def test_names_of_one_state_are_one_entity(specimen_analysis):
    uk = entity_of(specimen_analysis, "Royaume-Uni")
    assert {"Royaume-Uni", "Grande-Bretagne"} <= {m["text"] for m in uk["mentions"]}
    assert (uk["canonical"], uk["country"], uk["kb_id"]) == ("United Kingdom", "GBR", "wikidata:Q145")
    nk = entity_of(specimen_analysis, "Corée du Nord")
    assert {"nord-coréens", "République populaire démocratique de Corée"} <= {m["text"] for m in nk["mentions"]}


def test_demonym_standalone_is_its_state():
    # winer-fr:2016_06_16-002
    a = _analyse("La députée britannique Jo Cox est morte jeudi après avoir été attaquée dans le nord de l'Angleterre, "
                 "une semaine avant le référendum sur le maintien du Royaume-Uni dans l'Union européenne.", "fr")
    uk = entity_of(a, "britannique")
    assert uk["country"] == "GBR" and any(m["text"] == "Royaume-Uni" for m in uk["mentions"])


def test_capitals_and_seats_keep_their_entity_and_stand_for_their_state(specimen_analysis):
    pyongyang = entity_of(specimen_analysis, "Pyongyang")
    assert (pyongyang["canonical"], pyongyang["country"], pyongyang["stands_for"]) == ("Pyongyang", "PRK", "PRK")
    kremlin = entity_of(specimen_analysis, "Kremlin")
    assert (kremlin["type"], kremlin["country"]) == ("ORG", "RUS")
    white_house = entity_of(specimen_analysis, "Maison Blanche")
    assert (white_house["canonical"], white_house["country"]) == ("White House", "USA")
    london = entity_of(specimen_analysis, "LONDRES")
    assert (london["canonical"], london["country"]) == ("London", "GBR")


def test_organisations_and_organs(specimen_analysis):
    unsc = entity_of(specimen_analysis, "Conseil de sécurité de l’ONU")
    assert (unsc["canonical"], unsc["country"]) == ("United Nations Security Council", None)
    fcdo = entity_of(specimen_analysis, "ministère britannique des Affaires étrangères")
    assert (fcdo["canonical"], fcdo["type"], fcdo["country"]) == ("Foreign, Commonwealth and Development Office", "ORG", "GBR")


def test_unknown_person_keeps_null_country(specimen_analysis):
    olivia = entity_of(specimen_analysis, "Olivia Alafriz")
    assert (olivia["type"], olivia["country"], olivia["kb_id"]) == ("PERSON", None, None)


def test_descriptions_are_not_entities(specimen_analysis):
    # "les forces russes" is Russia acting through its military, not an organisation named in the text
    assert "Russian Armed Forces" not in {e["canonical"] for e in specimen_analysis["entities"]}
    assert any(m["text"] == "russes" for m in entity_of(specimen_analysis, "Russie")["mentions"])


@pytest.mark.parametrize("text, lang, person, country", [
    # winer-fr:2016_03_11-002
    ("Le chef décorateur britannique Ken Adam, célèbre pour ses décors des films de James Bond, est mort à Londres.",
     "fr", "Ken Adam", "GBR"),
    # winer-fr:2016_12_18-001 (apposition after a comma, posting "à l'ONU" is not the country)
    ("Mais l'ambassadeur russe à l'ONU, Vitali Tchourkine a déclaré que la Russie avait un autre projet.",
     "fr", "Vitali Tchourkine", "RUS"),
    # en-wikinews:2019:015 (possessive title, apposition)
    ("German Chancellor Angela Merkel's spokesperson, Steffen Seibert, said it is possible \"that this airline "
     "carries out transports to Germany that affect our security concerns,\"", "en", "Steffen Seibert", "DEU"),
    # en-wikinews:2019:045 (title before the name)
    ("Greek Foreign Minister George Katrougalos said the talks would continue.", "en", "George Katrougalos", "GRC"),
])
def test_unknown_person_gets_country_from_title_or_apposition(text, lang, person, country):
    e = entity_of(_analyse(text, lang), person)
    assert (e["type"], e["country"]) == ("PERSON", country)


@pytest.mark.parametrize("text, person", [
    # winer-fr:2016_08_31-003: the clause hanging from the name is not its title
    ("Le porte-parole de l'État islamique, Abou Mohammed al-Adnani ayant appelé aux massacres des français en 2014 "
     "et en mai dernier a été tué.", "Abou Mohammed al-Adnani"),
    # winer-fr:2016_10_25-001: the relative clause of the name's apposition is not part of it
    ("Le journaliste Gildas Yihundimpundu, qui avait été arrêté le 23 octobre alors qu'il était en reportage avec la "
     "journaliste américaine Julia Steers, a été libéré.", "Gildas Yihundimpundu"),
])
def test_a_clause_beside_a_name_gives_it_no_country(text, person):
    e = entity_of(_analyse(text, "fr"), person)
    assert (e["type"], e["country"]) == ("PERSON", None)
    assert all(len(r.split()) <= 6 for r in e["roles"])


def test_role_is_not_part_of_the_name():
    # winer-fr:2017_01_21-005
    a = _analyse("Pologne : le Premier Ministre Beata Szydło accueille les troupes américaines", "fr")
    szydlo = entity_of(a, "Beata Szydło")
    assert szydlo["type"] == "PERSON"
    assert all("Ministre" not in m["text"] for e in a["entities"] for m in e["mentions"])
    assert entity_of(a, "américaines")["country"] == "USA"


@pytest.mark.parametrize("text, lang, name", [
    # en-wikinews:2019:099: the parser's name runs into the unclosed acronym
    ("In 2000, a new threat to Mugabe's rule emerged in the form of the Movement for Democratic Change (MDC).",
     "en", "Movement for Democratic Change"),
    # en-wikinews:2019:099: a possessive is no part of a name
    ("After his release, Mugabe led a militant guerrilla movement against Ian Smith's government; successful, "
     "Mugabe was hailed a national hero.", "en", "Ian Smith"),
    # wikinews-kp2012:44485: "Mme" is a form of address
    ("La procureure de la Cour pénale internationale, Mme Fatou Bensouda, a déclaré : « Mon message est clair ».",
     "fr", "Fatou Bensouda"),
])
def test_a_name_keeps_no_bracket_possessive_or_form_of_address(text, lang, name):
    a = _analyse(text, lang)
    names = {e["canonical"] for e in a["entities"]}
    assert name in names, names
    assert not any(n.endswith(("'s", "(MDC")) or n.startswith("Mme ") for n in names)


@pytest.mark.parametrize("text, lang, body, country", [
    # winer-fr:2016_11_14-004: the base's "Sénat" is the French one, but this one is Burundi's
    ("Le Sénat du Burundi par la voix de son Président Révérien Ndikuriyo a demandé au gouvernement d'établir un "
     "recensement ethnique de la fonction publique du pays.", "fr", "Sénat", "BDI"),
    # en-wikinews:2020:002
    ("Yesterday, the Parliament of Iraq voted on a resolution to expel United States troops from the country.",
     "en", "Parliament of Iraq", "IRQ"),
])
def test_a_state_body_named_with_its_state_is_that_states(text, lang, body, country):
    e = entity_of(_analyse(text, lang), body)
    assert (e["type"], e["country"]) == ("ORG", country)


def test_place_linked_through_geonames():
    # winer-fr:2016_09_19-001
    a = _analyse("Cette dernière tient encore la moitié de la ville de Deir ez-Zor et quelques positions au sud, "
                 "notamment sa base aérienne sans laquelle elle ne pourra pas se ravitailler.", "fr")
    e = entity_of(a, "Deir ez-Zor")
    assert (e["country"], e["kb_id"].split(":")[0]) == ("SYR", "geonames")


def test_organisation_listed_under_a_national_noun_takes_its_country():
    # en-wikinews:2019:015
    a = _analyse("With the US encouraging commercial entities to cease trading in Iran, German firms including Deutsche "
                 "Bahn, Deutsche Telekom, Daimler, and Siemens have announced plans to pull out of the Middle Eastern nation.", "en")
    e = entity_of(a, "Deutsche Telekom")
    assert (e["country"], e["country_from"]) == ("DEU", "text")


def test_every_country_says_where_it_comes_from(specimen_analysis):
    for e in specimen_analysis["entities"]:
        assert (e["country"] is None) == (e["country_from"] is None), e["canonical"]
    assert entity_of(specimen_analysis, "Russie")["country_from"] == "kb"


def test_a_middle_name_and_a_name_ner_called_an_organisation_still_join_their_person():
    """Mugabe's obituary (Wikinews, 2019): "Robert Gabriel Mugabe", "Robert Mugabe" and "Mugabe" are one man;
    "Morgan Tsvangirai", tagged an organisation, is the "Tsvangirai" of later sentences."""
    a = analyze(corpus_article("en-wikinews:2019:099"))
    mugabe = entity_of(a, "Robert Mugabe")
    assert {"Robert Gabriel Mugabe", "Robert Mugabe", "Mugabe"} <= {m["text"] for m in mugabe["mentions"]}
    tsvangirai = entity_of(a, "Tsvangirai")
    assert {m["text"] for m in tsvangirai["mentions"]} == {"Morgan Tsvangirai", "Tsvangirai"}
    assert tsvangirai["type"] == "PERSON"


def test_a_title_with_a_common_word_is_no_person():
    # "Journey to Mars" (a NASA programme) opens with a word that is also a first name
    a = analyze(corpus_article("winer-fr:2016_04_25-001"))
    assert entity_of(a, "Journey to Mars")["type"] != "PERSON"
