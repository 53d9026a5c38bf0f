"""Issue 12, thirteenth round, on real corpus sentences (none of them held out or unseen): "condamner"/"condemn"
with a penalty in its "à"/"to" complement (class ``penalty``: prison, mois, amende, death, years) is a court's
sentence, SANCTION convict, not a criticism; with no agent given, the state's courts passed it. Before, every
"condamné à N mois de prison" was an ACCUSE that the missing actor then dropped."""

from __future__ import annotations

from tests.conftest import events_in


def test_two_men_sentenced_to_prison_are_sanctioned_by_the_french_state():
    assert events_in("winer-fr:2018_12_04-001", "ont été condamnés à 18 mois de prison dont 12 mois ferme") == {
        ("SANCTION", "FRA", None)}


def test_men_sentenced_in_egypt_are_sanctioned_by_egypt():
    assert events_in("winer-fr:2017_10_01-001", "11 hommes homosexuels ont été condamnés à des peines") == {
        ("SANCTION", "EGY", None)}


def test_a_politician_sentenced_to_lose_his_civic_rights_is_sanctioned():
    assert events_in("winer-fr:2017_03_21-002", "il avait été condamné à deux ans de privation") == {
        ("SANCTION", "FRA", "FRA")}


def test_condemning_a_crime_stays_a_criticism():
    assert events_in("winer-fr:2017_04_04-001", "la Turquie a condamné un « crime contre l'humanité »") == {
        ("ACCUSE", "TUR", None)}
