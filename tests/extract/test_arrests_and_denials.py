"""Issue 12, twelfth round, on real corpus sentences (none of them held out): arrests a state's agents carry out on
people the text does not name are coded with no recipient, as "detained four people" already was, also when a noun
carries them ("a effectué plus de 1 000 arrestations"); a denial of any wrongdoing stands alone."""

from __future__ import annotations

from tests.conftest import events_in


def test_arrests_counted_by_the_police_of_the_story_s_state():
    assert events_in("winer-fr:2016_09_01-003", "La police a effectué plus de 1 000 arrestations") == {
        ("COERCE", "GAB", None)}


def test_arrests_reported_hour_by_hour():
    assert events_in("winer-fr:2018_12_08-001", "La police l'a dispersé au gaz lacrymogène et a fait 23 interpellations"
                     ) == {("COERCE", "FRA", None)}


def test_arrests_in_a_tally_of_the_day_are_no_one_s_act():
    # "elle" is the day of protest: what it "made" (wounded, arrests) names no doer
    events = events_in("winer-fr:2018_12_01-001", "Au total, elle a rassemblé 136 000 manifestants")
    assert not {e for e in events if e[0] == "COERCE"}


def test_denying_any_wrongdoing_stands_alone():
    assert events_in("winer-fr:2018_10_29-001", "ont nié toute irrégularité") == {("REJECT", "BRA", None)}


def test_the_1990_spelling_of_interpeller_is_an_arrest():
    assert events_in("winer-fr:2016_01_06-002", "dix personnes ont été interpelées") == {("COERCE", None, None)}
