"""Issue 12, fifteenth round, on real corpus sentences (none of them held out): a French object clitic before the
verb ("le critiquent", "l'accuse", "l'a remis en liberté") stands for the latest person subject of its sentence or
the one before, other than the verb's own subject, and of its gender where "le"/"la" says it."""

from __future__ import annotations

from tests.conftest import event_records_in, events_of_text, names_of


def _pairs(article_id: str, sentence: str) -> set[tuple]:
    return names_of(event_records_in(article_id, sentence))


def test_party_figures_who_criticise_him_criticise_the_candidate_named_before():
    assert ("ACCUSE", "Rachida Dati", "François Fillon") in _pairs(
        "winer-fr:2017_01_26-001", "d'autres figures comme Rachida Dati ou Christian Estrosi le critiquent ouvertement")


def test_the_attorney_general_accuses_the_official_the_story_is_about():
    assert ("ACCUSE", "Jeff Sessions", "Andrew G. McCabe") in _pairs(
        "winer-fr:2018_03_17-002", "Le procureur général Jeff Sessions l'accuse de manque d’honnêteté")


def test_a_magistrate_who_released_him_released_the_protester_just_named():
    assert ("RETREAT", "France", "Eric Drouet") in _pairs(
        "winer-fr:2018_12_23-001", "a été présenté à un magistrat qui l'a remis en liberté")


def test_la_does_not_stand_for_a_man():
    events = events_of_text("François Fillon a maintenu sa candidature. Christine Angot la critique ouvertement.", "fr")
    assert not any(e[0] == "ACCUSE" for e in events)


def test_a_dative_is_not_the_one_its_clauses_il_stands_for():
    # "Emmanuelli était un père spirituel pour … Benoît Hamon. Il lui avait apporté son soutien": "il" is Emmanuelli,
    # so "lui" is the other person just named, even though he is named as no subject
    assert ("SUPPORT", "Henri Emmanuelli", "Benoît Hamon") in _pairs(
        "winer-fr:2017_03_21-002", "Il lui avait apporté son soutien pendant la primaire de la gauche")


def test_the_winner_who_paid_her_tribute_paid_it_to_the_loser():
    assert ("SUPPORT", "Donald Trump", "Hillary Clinton") in _pairs(
        "winer-fr:2016_11_09-001", "il lui a rendu hommage et l'a félicitée")


def test_a_name_inside_a_quoted_cry_is_no_antecedent_of_the_narrative():
    # "… en criant « Allah Akbar »" before "le militaire … a tenté de l'arrêter": the one he tried to stop is the
    # assailant, not a name inside the quoted cry; a pronoun inside a quotation still finds a name quoted with it
    pairs = _pairs("winer-fr:2017_02_04-002", "le militaire au sol a alors tenté de l'arrêter")
    assert not any(p[2] == "Allah" for p in pairs)
    assert ("SUPPORT", "Manuel Valls", "Benoît Hamon") in _pairs(
        "winer-fr:2017_01_29-001", "je tiens chaleureusement à le féliciter")
