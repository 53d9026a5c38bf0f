"""Issue 12, sixteenth round, from a random sample of the French corpus's events (none held out or unseen): a crowd
no one names ("des manifestants", "les habitants", "les syndicats": a group role of civilians) stands for no party
named before (it made the Associated Press and Le Parisien refuse to leave a square and block a street); its acts
are coded with an unknown doer, as the gold codes them ("protesters' demands"), as an agentless passive's are.
Police officers in the plural ("les policiers") are no longer the state body named last (the Élysée) either: the
coder places them in the article's state."""

from __future__ import annotations

from tests.conftest import event_records_in, names_of


def _coded(article_id: str, sentence: str) -> set[tuple]:
    return names_of(event_records_in(article_id, sentence))


def test_protesters_blocking_a_street_are_no_newspaper():
    assert _coded("winer-fr:2018_12_08-001", "Vers 12h52, rue de Réaumur, des manifestants bloquent la rue") == {
        ("PROTEST", None, None)}


def test_protesters_refusing_to_leave_are_no_news_agency():
    assert _coded("winer-fr:2018_12_08-001", "place de la République, des manifestants refusent de partir") == {
        ("REJECT", None, None)}


def test_protesters_demands_are_a_request_by_an_unknown_doer():
    # en-wikinews:2019:096 (dev gold: REQUEST with no actor and no recipient)
    found = _coded("en-wikinews:2019:096", "did not accede to protesters' demands for a new judge-led investigation")
    assert ("REQUEST", None, None) in found


def test_police_officers_are_no_presidential_palace():
    found = _coded("winer-fr:2018_12_08-001", "rue de l’Opéra, les policiers ont du courir pour bloquer")
    assert all(actor != "Élysée Palace" for _, actor, _ in found)
