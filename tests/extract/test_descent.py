"""Issue 12, fifteenth round, on real corpus sentences (none of them held out): a person's descent ("d'origine
chinoise", "of Algerian origin") says nothing of whom the person acts for; the state is no party to the act."""

from __future__ import annotations

from tests.conftest import events_in


def test_a_passenger_of_chinese_descent_who_refused_to_comply_does_not_act_for_china():
    events = events_in("winer-fr:2017_04_11-001", "un homme 69 ans d'origine chinoise a refusé d'obtempérer")
    assert not any("CHN" in e for e in events)


def test_young_leaders_of_algerian_descent_are_not_algeria():
    events = events_in("winer-fr:2016_11_17-001", "les jeunes leaders d’origine algérienne encouragés par le Premier ministre")
    assert not any("DZA" in e for e in events)
