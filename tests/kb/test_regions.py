"""French regional news places its towns by département ("Feyzin (Rhône)", "Beauvais (Oise)"), which neither the
base nor the GeoNames city table knew: a story told entirely in French départements had Belgium for its home state
(two Belgian towns were the only places with a country), and its gendarmes for Belgian ones. The ISO 3166-2 table
(``kb/data/regions.tsv``, ``scripts/build_regions.py``) places them. Real corpus articles (none held out)."""

from __future__ import annotations

from tests.conftest import corpus_article, event_records_in, events_in
from veille.analyze import analyze


def test_departements_are_linked_to_their_state():
    analysis = analyze(corpus_article("winer-fr:2018_12_28-001"))
    linked = {e["canonical"]: (e["country"], e["kb_id"]) for e in analysis["entities"]}
    assert linked["Rhône"] == ("FRA", "iso3166-2:FR-69")
    assert linked["Aube"] == ("FRA", "iso3166-2:FR-10")
    assert linked["Hainaut"] == ("BEL", "iso3166-2:BE-WHT")



def test_a_story_told_in_departements_gives_no_arrest_to_belgium():
    # the arrest has no named doer (the story never names France itself, so no state is inferred for it)
    assert events_in("winer-fr:2018_12_28-001", "Un Gilet jaune a été interpellé, puis relâché") \
        == {("COERCE", None, "FRA")}  # the movement is French
    evicted = events_in("winer-fr:2018_12_28-001", "la police a expulsé les Gilets Jaunes et benné leur campement")
    assert evicted == {("COERCE", "FRA", "FRA")}  # the police of the Aube, in France


def test_provinces_abroad_are_linked_by_their_french_name():
    # "Californie", "Floride", "Bavière", "Tchétchénie": the French names of provinces the news names most
    # (pycountry's translations); a compass point or a wider area is no province ("l'Ouest", "le Kurdistan")
    from veille.kb import knowledge_base
    kb = knowledge_base()
    assert {n: (r.country if (r := kb.region(n)) else None) for n in ("Californie", "Floride", "Bavière", "Tchétchénie",
            "Sud-Kivu", "Baloutchistan", "Nord", "Ouest", "Kurdistan", "Sahel", "West")} == {
        "Californie": "USA", "Floride": "USA", "Bavière": "DEU", "Tchétchénie": "RUS", "Sud-Kivu": "COD",
        "Baloutchistan": "PAK", "Nord": "FRA", "Ouest": None, "Kurdistan": None, "Sahel": None, "West": None}


def test_a_province_is_no_state_of_its_own():
    # "à Momand Dara, une région rurale dans la province afghane de Nangarhar": the one state the sentence names
    # is Afghanistan, whether by its demonym or its province (referents.sentence_country)
    assert ("ASSAULT", None, "AFG") in events_in("winer-fr:2018_09_22-001", "un attentat-suicide à Momand Dara")
    # "à Bourgoin-Jallieu (Isère), la police": the police are France's, not the département's
    evicted = event_records_in("winer-fr:2018_12_31-001", "à Bourgoin-Jallieu (Isère), la police a expulsé")
    assert {(v["actor"]["canonical"], v["actor"]["country"]) for v in evicted} == {("France", "FRA")}
