"""Issue 12, sixteenth round: a meeting of more than three parties listed together is one gathering each attends
(CONSULT, PLOVER's multilateral mode, no one party met), not a meeting of each with each: the seven unions "réunis
ce jour" of winer-fr:2018_12_06-001 gave forty-two events from one sentence. Two or three parties still meet
pairwise, as the gold codes the Minsk talks."""

from __future__ import annotations

from tests.conftest import event_records_in, events_of_text


def test_seven_unions_meeting_attend_one_gathering():
    records = event_records_in("winer-fr:2018_12_06-001", "les syndicats CFDT, CGT, FO, CFE-CGC, CFTC, Unsa et FSU "
                                                          "réunis ce jour")
    assert 4 <= len(records) <= 7  # one per union the coder resolves
    assert all(v["type"] == "CONSULT" and v["mode"] == "multilateral" and v["recipient"] is None for v in records)


def test_three_states_meeting_still_meet_pairwise():
    found = events_of_text("La France, l'Allemagne et la Russie se sont réunies à Minsk.", "fr")
    assert {("CONSULT", "FRA", "DEU"), ("CONSULT", "DEU", "RUS"), ("CONSULT", "RUS", "FRA")} <= found
