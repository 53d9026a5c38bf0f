"""Issue 12, fifteenth round, on real corpus sentences (none of them held out): an act named after a preposition of
time, cause or concession ("lors d'une émeute", "during the protests") is a circumstance of the verb, told as done,
not the complement of another act that would only ask for or promise it."""

from __future__ import annotations

from tests.conftest import events_in


def test_a_riot_during_which_inmates_were_killed_is_a_riot():
    events = events_in("winer-fr:2016_02_11-001", "48 détenus ont été tués lors d'une émeute dans la prison Monterrey")
    assert ("PROTEST", None, "MEX") in events and any(e[0] == "ASSAULT" for e in events)


def test_protests_during_which_the_police_misbehaved_are_protests():
    events = events_in("en-wikinews:2019:085", "an investigation of police misconduct during the protests")
    assert ("PROTEST", None, None) in events
