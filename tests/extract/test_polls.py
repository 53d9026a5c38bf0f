"""Issue 12, sixteenth round, found by reading a random sample of the French corpus's events (none of them held
out): a poll's share of a people ("66 % des Français soutiennent …", "72 percent of Americans support …") is no
party acting; France does not support the Gilets jaunes because two thirds of the French say they do."""

from __future__ import annotations

import pytest

from tests.conftest import events_in, events_of_text


@pytest.mark.parametrize("article_id, sentence", [
    ("winer-fr:2018_12_03-001", "66% des Français soutiennent toujours les Gilets jaunes"),
    ("winer-fr:2018_12_04-001", "23% des Français soutiennent le président Emmanuel Macron"),
    ("winer-fr:2018_12_19-001", "70% des Français approuvent le mouvement des Gilets jaunes"),
])
def test_a_share_of_a_people_in_a_poll_supports_no_one(article_id, sentence):
    assert events_in(article_id, sentence) == set()


def test_a_people_named_whole_still_acts_for_its_state():
    assert events_of_text("Les Français soutiennent l'Ukraine.", "fr") == {("SUPPORT", "FRA", "UKR")}
