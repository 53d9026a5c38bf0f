"""Issue 12, sixteenth round: calling a party or its act by a pejorative word accuses it ("qualifier X de
« scandaleuse »", "de dangereux", "de « terroriste »"; class ``pejorative``, sense role ``after``: a word of the
verb's clause after it); calling it by any other word ("qualifié la rencontre de « fructueuse »") is no event."""

from __future__ import annotations

from tests.conftest import events_in, events_of_text


def test_calling_a_rivals_programme_dangerous_accuses_him():
    # winer-fr:2017_02_22-001 (train gold: ACCUSE François Bayrou → François Fillon)
    found = events_in("winer-fr:2017_02_22-001", "Après avoir qualifié le programme du candidat de la droite François "
                                                 "Fillon de dangereux")
    assert ("ACCUSE", "FRA", "FRA") in found


def test_calling_a_meeting_fruitful_is_no_accusation():
    found = events_of_text("Le président russe a qualifié la rencontre avec Joe Biden de « fructueuse ».", "fr")
    assert all(kind != "ACCUSE" for kind, _, _ in found)
