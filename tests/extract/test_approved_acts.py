"""Issue 12, thirteenth round, on real corpus sentences (none of them held out or unseen): approving an act
("approuver", "approve", now support verbs like "ordonner") makes the act the approver's, coded by the act's own
noun; before, "approved the attacks on the U.S. Embassy" was a SUPPORT of the embassy's state by the man who
ordered them. Approving what is no act ("a approuvé le texte") stays a SUPPORT."""

from __future__ import annotations

from tests.conftest import events_in, events_of_text


def test_approving_attacks_on_an_embassy_is_attacking_it():
    assert events_in("en-wikinews:2020:001", "General Soleimani also approved the attacks on the U.S. Embassy") == {
        ("ASSAULT", "IRN", "USA")}


def test_approving_an_assassination_is_the_assassination_not_support_for_its_victim():
    assert {(t, a) for t, a, _ in events_in("winer-fr:2016_01_21-001", "Poutine a « probablement approuvé » l’assassinat de Litvinenko")} == {
        ("ASSAULT", "RUS")}


def test_approving_sanctions_is_sanctioning():
    assert events_of_text("Congress approved sanctions against Russia.", "en") == {("SANCTION", "USA", "RUS")}
