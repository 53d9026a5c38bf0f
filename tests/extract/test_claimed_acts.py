"""Acts told by who owns them or whom they struck, on real corpus sentences: a group that claims an attack did it
("L'État islamique a revendiqué les attaques"), and a state's unnamed agents attacked are their state ("six
policiers ont été tués")."""

from __future__ import annotations

import pytest

from tests.conftest import events_in


@pytest.mark.parametrize("article_id, sentence, event", [
    # Kabul, 2018: the double suicide bombing told first, claimed three sentences later
    ("winer-fr:2018_04_30-001", "L' État islamique a revendiqué les attaques.", ("ASSAULT", "Islamic State", "AFG")),
    # Baghdad, 2016: the claim arrives "quelques heures plus tard"
    ("winer-fr:2016_07_03-001", "L'État Islamique a revendiqué l'attaque quelques heures plus tard.",
     ("ASSAULT", "Islamic State", "IRQ")),
    # Nice, 2016: the claim as a participle ("l'attentat, revendiqué par le groupe État islamique")
    ("winer-fr:2016_08_19-001", "Parallèlement l'attentat, revendiqué par le groupe État islamique",
     ("ASSAULT", "Islamic State", "FRA")),
    # Jakarta, 2016: "le groupe autoproclamé « État islamique »" names the group; it is not the last one named
    # before (Starbucks, a café near the blasts)
    ("winer-fr:2016_01_14-003", "Le groupe autoproclamé « État islamique » a revendiqué les attaques",
     ("ASSAULT", "Islamic State", "IDN")),
])
def test_a_group_that_claims_an_attack_did_it_to_whom_the_attack_struck(article_id, sentence, event):
    assert event in events_in(article_id, sentence)


def test_a_claim_nobody_made_codes_nothing():
    # Aleppo, 2016: "Aucun groupe n'a revendiqué l'attaque pour l'instant"
    got = events_in("winer-fr:2016_12_10-001", "Aucun groupe n'a revendiqué l'attaque pour l'instant.")
    assert not any(actor for _t, actor, _r in got)


@pytest.mark.parametrize("article_id, sentence, event", [
    ("winer-fr:2016_09_01-003", "six policiers ont été tués au cours des émeutes", ("ASSAULT", None, "GAB")),
    ("winer-fr:2016_08_30-003", "Un policier a été poignardé alors même qu'il était en poste", ("ASSAULT", None, "FRA")),
    ("winer-fr:2017_01_08-004", "Quatre soldats ont été tués à Jérusalem", ("ASSAULT", None, "ISR")),
    ("winer-fr:2016_03_31-001", "Au moins 4 policiers ont été tués et 15 personnes ont été blessées",
     ("ASSAULT", None, "TUR")),
])
def test_a_states_unnamed_agents_attacked_are_that_state(article_id, sentence, event):
    assert event in events_in(article_id, sentence)

