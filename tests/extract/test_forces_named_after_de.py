"""Issue 12, sixteenth round, from a random sample of the French corpus's events (none held out or unseen): where
"de X" is a noun trigger's recipient slot ("le bombardement d'Alep", "le retrait de la CPI"), a force or a weapon
placed in a party ("des forces françaises", "de drones américains", "de l'aviation syrienne et russe") is the doer,
not what is bombed or left; and a weapon that is the doer's is no show of force (MOBILIZE) when no target is named."""

from __future__ import annotations

from tests.conftest import event_records_in, events_in, events_of_text


def test_the_withdrawal_of_french_forces_is_frances():
    found = events_in("wikinews-kp2012:44530", "une étape importante du retrait des forces françaises dans ce pays")
    assert ("RETREAT", "FRA", None) in found


def test_american_drones_bombing_do_not_bomb_the_united_states():
    records = event_records_in("winer-fr:2017_01_22-001", "Depuis l'augmentation des bombardements de drones américains")
    assert all((v["recipient"] or {}).get("country") != "USA" for v in records)
    assert all(v["type"] != "MOBILIZE" for v in records)


def test_an_air_force_bombing_is_the_doer_not_the_bombed():
    found = events_in("winer-fr:2017_09_11-001", "grâce aux bombardements et largages aériens de l'aviation syrienne")
    assert ("ASSAULT", None, "SYR") not in found  # the Syrian air force bombs; it is not Syria that is bombed


def test_the_bombing_of_a_town_still_names_the_town_bombed():
    assert any(rec == "SYR" for kind, _, rec in events_of_text("Le bombardement d'Alep a repris.", "fr"))
