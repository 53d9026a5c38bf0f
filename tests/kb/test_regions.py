"""French regional news places its towns by département ("Feyzin (Rhône)", "Beauvais (Oise)"), which neither the
base nor the GeoNames city table knew: a story told entirely in French départements had Belgium for its home state
(two Belgian towns were the only places with a country), and its gendarmes for Belgian ones. The ISO 3166-2 table
(``kb/data/regions.tsv``, ``scripts/build_regions.py``) places them. Real corpus articles (none held out)."""

from __future__ import annotations

from tests.conftest import corpus_article, events_in
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
