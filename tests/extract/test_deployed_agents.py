"""Issue 12, thirteenth round, on real corpus sentences (none of them held out or unseen): a state's unnamed agents
deployed by no one named ("17 000 policiers étaient déployés", "225 militaires ont été déployés") are their state's
mobilisation, the state the article happens in, as those agents are when they act. Before, the passive's theme had
to name its state itself ("des missiles iraniens … livrés"), and these gave nothing."""

from __future__ import annotations

from tests.conftest import events_in


def test_police_deployed_in_istanbul_are_turkey_s_mobilisation():
    assert events_in("winer-fr:2017_01_01-001", "Près de 17 000 policiers étaient déployés") == {("MOBILIZE", "TUR", None)}


def test_soldiers_deployed_after_the_brussels_bombings_are_belgium_s_mobilisation():
    assert events_in("winer-fr:2016_03_23-001", "225 militaires ont été déployés") == {("MOBILIZE", "BEL", None)}
