"""Issue 12, twelfth round, on real corpus sentences (none of them held out): a demand that someone resign or
withdraw is addressed to the one who is to leave ("réclamer la démission de la présidente Park Geun-hye"); a
demand for a release is not addressed to those released."""

from __future__ import annotations

from tests.conftest import events_in, events_of_text


def test_marching_to_demand_the_president_s_resignation():
    assert events_in("winer-fr:2016_12_04-003", "sont descendus dans les rues samedi pour réclamer la démission de la "
                                                "présidente Park Geun-hye") == {("REQUEST", "KOR", "KOR")}


def test_demanding_the_government_s_resignation():
    events = events_in("winer-fr:2018_12_03-001", "a réclamé sur Europe 1, à titre personnel, la démission du gouvernement")
    assert {e[2] for e in events if e[0] == "REQUEST"} == {"FRA"}


def test_calling_for_someone_s_resignation_in_english():
    assert ("REQUEST", "BGD", "BGD") in events_of_text("Bangladeshi students demanded the resignation of Prime Minister "
                                                       "Sheikh Hasina.", "en")


def test_a_demanded_release_is_not_addressed_to_the_released():
    events = events_of_text("Les familles des otages israéliens réclament la libération des otages détenus par le "
                            "Hamas.", "fr")
    assert not {e for e in events if e[0] == "REQUEST" and e[2] == "ISR"}
