"""Issue 12, fifteenth round, on real corpus sentences (none of them held out): getting in touch is a consultation
("est entré en contact avec", "avait pris contact avec", "reste en contact avec", "made contact with", "contacted")."""

from __future__ import annotations

from tests.conftest import events_in, events_of_text


def test_a_candidate_who_got_in_touch_with_another_consults_him():
    assert events_in("winer-fr:2017_02_19-001", "Benoît Hamon est entré en contact avec Jean-Luc Mélenchon") == {
        ("CONSULT", "Benoît Hamon", "FRA")}  # Jean-Luc Mélenchon, a French politician


def test_a_city_hall_that_made_contact_with_its_counterparts_abroad_consults_them():
    assert ("CONSULT", "FRA", "CHN") in events_in(
        "winer-fr:2018_04_01-001", "la mairie de Paris avait pris contact avec ses homologues des villes de Pékin")


def test_contacted_and_made_contact_are_consultations_in_english():
    assert events_of_text("Officials said the United States had contacted Iran through Swiss diplomats.", "en") == {
        ("CONSULT", "USA", "IRN")}
