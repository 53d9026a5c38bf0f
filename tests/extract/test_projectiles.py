"""Issue 12, thirteenth round, on real corpus sentences (none of them held out or unseen): throwing stones or other
projectiles (class ``projectile``) at people is an attack ("jeter", "jet", "caillasser"); "jeter" anything else
("jeter un regard", "jeter les bases") is none."""

from __future__ import annotations

from tests.conftest import events_in, events_of_text


def test_palestinians_throwing_stones_at_police_attack_israel():
    assert events_in("winer-fr:2017_04_02-006", "Des Palestiniens ont, peu après, jeté des pierres sur des policiers") == {
        ("ASSAULT", "PSE", "ISR")}


def test_projectiles_thrown_at_police_in_a_riot_attack_their_state():
    assert events_in("winer-fr:2016_11_11-002", "jeté des projectiles sur les policiers") == {("ASSAULT", None, "USA")}


def test_laying_foundations_is_no_throw():
    assert events_of_text("Le président russe a jeté les bases d'une coopération avec la Chine.", "fr") == set()
