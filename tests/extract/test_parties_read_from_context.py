"""Issue 12, seventeenth round, from the false events of the training articles (tests/gold/train, none held out): who
a pronoun, a police force or a traveller is. "La police" in a story of Britain's EU referendum is Britain's, not the
European Union's; "a lui aussi rendu hommage" repeats the subject, it names no one honoured; a town is where people
were arrested, never one of them."""

from __future__ import annotations

from tests.conftest import event_records_in, events_in, names_of


def test_the_police_are_the_state_s_not_the_international_body_named_last():
    assert events_in("winer-fr:2016_06_16-002", "La police a interpellé un individu de 52 ans après l'altercation.") \
        == {("COERCE", "GBR", None)}


def test_lui_aussi_repeats_the_subject_and_is_no_one_honoured():
    records = event_records_in("winer-fr:2017_03_05-003",
                               "l'actuel président haïtien Jovenel Moïse a lui aussi rendu hommage à son prédécesseur")
    assert not any(recipient == "Michel Temer" for _, _, recipient in names_of(records))


def test_a_town_is_where_people_were_arrested_not_one_of_them():
    assert events_in("winer-fr:2017_03_17-003", "Il a ensuite été placé en garde à vue pour « tentatives d’assassinats »") \
        == {("COERCE", "FRA", None)}
    arrests = names_of(event_records_in("winer-fr:2017_02_17-002", "des dizaines d'autres arrêtés dans diverses régions"))
    assert not any(recipient == "Karachi" for _, _, recipient in arrests)

