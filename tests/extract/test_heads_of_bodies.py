"""Issue 12, eleventh round: a person the base does not know, titled as the head or spokesperson of an
organisation, acts for it, as PLOVER codes the organisation ("ABS-CBN CEO Carlo Katigbak apologized" is the
network's concession). People the base knows keep their own name, a journalist does not act for the outlet, and a
party's candidate or deputy (an "official" of it, not its head or spokesperson) acts as himself."""

from __future__ import annotations

from tests.conftest import event_records_in, names_of
from veille.analyze import analyze
from veille.model import Article


def _parties(text: str, lang: str) -> set[tuple]:
    return names_of(analyze(Article(id="t", text=text, lang=lang))["events"])


def test_the_chairman_of_a_company_acts_for_it():
    records = event_records_in("winer-fr:2016_10_15-001", "Jean-Christophe Thiery, le président du directoire de Canal+ "
                                                          "leur propose d'utiliser leur clause de conscience")
    assert [(v["type"], v["actor"]["text"], v["actor"]["canonical"]) for v in records] == [
        ("AGREE", "Jean-Christophe Thiery", "Canal +")]


def test_an_english_chief_executive_acts_for_the_company():
    assert _parties("ABS-CBN CEO Carlo Katigbak apologized to President Rodrigo Duterte on Monday.", "en") == {
        ("CONCEDE", "ABS-CBN Corporation", "Rodrigo Duterte")}


def test_a_journalist_does_not_act_for_the_outlet():
    found = _parties("Le journaliste de l'AFP Shah Marai a critiqué les talibans.", "fr")
    assert {actor for _, actor, _ in found} == {"Shah Marai"}


def test_a_partys_candidate_or_deputy_acts_as_himself_not_for_the_party():
    # winer-fr:2017_03_12-005 (train): Hamon, "candidat du PS" earlier in the article, is no spokesman of the party
    records = event_records_in("winer-fr:2017_03_12-005", "Pendant la campagne des régionales , en novembre 2015, Hamon "
                                                          "avait dénoncé le soutien de Nicolas Miguet")
    assert [(v["type"], v["actor"]["canonical"]) for v in records if v["type"] == "ACCUSE"] == [("ACCUSE", "Benoît Hamon")]
    # winer-fr:2017_03_17-003 (train): "Éric Ciotti, député LR des Alpes-Maritimes"
    records = event_records_in("winer-fr:2017_03_17-003", "Éric Ciotti , député LR des Alpes-Maritimes, a demandé à la "
                                                          "ministre de l'Éducation")
    assert [v["actor"]["canonical"] for v in records if v["type"] == "REQUEST"] == ["Éric Ciotti"]
