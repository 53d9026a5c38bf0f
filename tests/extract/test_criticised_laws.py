"""Issue 12, thirteenth round, on a real corpus sentence (not held out or unseen): criticising or rejecting a
definite law or policy (class ``policy``: loi, législation, réforme; law, bill, reform) whose maker its phrase does not
name is criticising the state the article happens in, as its unnamed ministers and police are that state. Before,
the law was "a recipient not resolved" and the criticism was dropped."""

from __future__ import annotations

from tests.conftest import events_in


def test_criticism_of_hungary_s_new_law_accuses_hungary():
    assert events_in("winer-fr:2018_06_23-002", "ont fortement critiqué cette nouvelle législation") == {
        ("ACCUSE", "European Union", "HUN"), ("ACCUSE", "United Nations", "HUN"),
        ("ACCUSE", "Amnesty International", "HUN")}
