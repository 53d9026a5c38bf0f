"""Issue 12, thirteenth round, on real corpus sentences (none of them held out or unseen): an accusation undergone,
whose charge the passive names ("est accusée de corruption", "soupçonné de conflits d'intérêts", "was accused of
corruption"), is an accusation by an unknown accuser of the one who undergoes it, as the annotators code it. Before,
a verbal act with no speaker was dropped. An accusation of no one named still gives nothing."""

from __future__ import annotations

from tests.conftest import events_in, events_of_text


def test_park_geun_hye_accused_of_corruption():
    assert events_in("winer-fr:2017_04_01-004", "Elle est accusée de corruption et d'abus de pouvoir") == {
        ("ACCUSE", None, "KOR")}


def test_myanmar_s_army_accused_of_illegal_deportation():
    assert events_in("winer-fr:2018_06_25-001", "L'armée du Myanmar est accusée de déportation illégale") == {
        ("ACCUSE", None, "MMR")}


def test_a_state_agency_accused_of_favouritism():
    assert events_in("winer-fr:2017_03_12-010", "est en effet accusé de « favoritisme »") == {("ACCUSE", None, "FRA")}


def test_an_unnamed_man_accused_gives_no_event():
    # "Un homme de 63 ans est accusé d'avoir provoqué l'effondrement d'un pont": no one named on either side
    assert events_in("winer-fr:2017_01_21-006", "Un homme de 63 ans est accusé") == set()


def test_english_accused_of_corruption():
    assert events_of_text("Brazil's former president Luiz Inácio Lula da Silva was accused of corruption.", "en") == {
        ("ACCUSE", None, "BRA")}
