"""Merging reports into events and statements: the rules a reader relies on, on real sentences."""

from __future__ import annotations

import datetime as dt

from veille.cluster.merge import Report, agreed_factuality, merge
from veille.cluster.origin import independent
from veille.cluster.provenance import ClaimReport, merge_claims
from veille.cluster.stories import bcubed

DAY = dt.date(2017, 1, 21)
SANCTION = "L'administration Obama a imposé des sanctions à la Russie."


def _report(aid: str, *, day=DAY, factuality="asserted", outlet="A", sentence=SANCTION, said=None, **kw) -> Report:
    origins = [f"copy:{aid}", f"outlet:{outlet}"] + ([f"said:{said}"] if said else [])
    return Report(article_id=aid, event_id="v1", type=kw.get("type", "SANCTION"), actor_key=kw.get("actor", "USA"),
                  recipient_key=kw.get("recipient", "RUS"), day=day, factuality=factuality, sentence=sentence,
                  origins=tuple(origins), story_id=kw.get("story"), location=kw.get("location"))


def test_same_type_actor_recipient_within_the_window_merge_and_later_ones_do_not():
    merged = merge([_report("a"), _report("b", day=DAY + dt.timedelta(days=2), outlet="B",
                                           sentence="Washington a sanctionné Moscou."),
                    _report("c", day=DAY + dt.timedelta(days=9), outlet="C")])
    assert sorted(len(m.reports) for m in merged) == [1, 2]


def test_asserted_by_one_and_denied_by_another_is_disputed():
    merged = merge([_report("a"), _report("b", factuality="negated", outlet="B",
                                           sentence="Washington dément avoir sanctionné Moscou.")])
    assert len(merged) == 1 and merged[0].factuality == "disputed"
    assert agreed_factuality(["asserted", "hypothetical"]) == "mixed"
    assert agreed_factuality(["negated", "negated"]) == "negated"


def test_one_statement_relayed_by_two_outlets_is_one_source():
    merged = merge([_report("a", said="Kremlin"), _report("b", outlet="B", said="Kremlin",
                                                          sentence="Selon le Kremlin, Washington a pris des sanctions.")])
    assert merged[0].independent_sources == 1


def test_near_identical_sentences_in_two_outlets_are_one_text_passed_along():
    count, _ = independent([("outlet:A",), ("outlet:B",), ("outlet:C",)],
                           [SANCTION, SANCTION.replace(".", " vendredi."), "Washington a sanctionné Moscou."])
    assert count == 2


def test_reports_without_actor_or_recipient_merge_only_inside_their_story():
    a = _report("a", recipient=None, story="s1", type="PROTEST")
    b = _report("b", recipient=None, story="s2", type="PROTEST", outlet="B")
    c = _report("c", recipient=None, story="s1", type="PROTEST", outlet="C")
    assert sorted(len(m.reports) for m in merge([a, b, c])) == [1, 2]


def test_different_places_keep_events_apart():
    assert len(merge([_report("a", location="Kharkiv"), _report("b", location="Odessa", outlet="B")])) == 2


def _claim(aid, content, *, day, speaker="bensouda", kind="direct", outlet="A"):
    return ClaimReport(article_id=aid, claim_id="c1", published=day, speaker_key=speaker, speaker="Fatou Bensouda",
                       kind=kind, content=content, factuality="asserted", origins=(f"copy:{aid}", f"outlet:{outlet}"))


QUOTE = ("Mon message à ceux qui sont impliqués dans cet acte criminel est clair : arrêtez la destruction "
         "de biens religieux maintenant")


def test_a_quote_cut_differently_later_is_the_same_statement_with_changed_wording():
    first = _claim("old", QUOTE + ". C'est un crime de guerre", day=dt.date(2012, 7, 1))
    later = _claim("new", QUOTE, day=dt.date(2018, 12, 4), outlet="B")
    other = _claim("x", "C'est un crime de guerre pour lequel mes services enquêtent", day=dt.date(2018, 12, 5),
                   kind="indirect")
    merged = merge_claims([later, other, first])
    (m,) = [m for m in merged if len(m.reports) == 2]
    assert m.first.article_id == "old" and m.wording_changed
    # two outlets reported it, and both rest on one speaker (issue 14: two counts instead of one)
    assert (m.independent_reports, m.independent_sources) == (2, 1)
    assert m.source_members == ["Fatou Bensouda"]


def test_the_same_indirect_words_a_year_apart_are_two_statements():
    a = _claim("q3-2016", "le chômage remonte au troisième trimestre", day=dt.date(2016, 11, 19), kind="indirect")
    b = _claim("q3-2017", "le chômage remonte au troisième trimestre", day=dt.date(2017, 11, 16), kind="indirect")
    assert len(merge_claims([a, b])) == 2


def test_bcubed_on_a_worked_example():
    # gold {a,b,c} {d}; predicted {a,b} {c,d}: precision (1+1+.5+.5)/4, recall (2/3+2/3+1/3+1)/4
    p, r, f = bcubed({"a": "x", "b": "x", "c": "y", "d": "y"}, {"a": "1", "b": "1", "c": "1", "d": "2"})
    assert (round(p, 4), round(r, 4)) == (0.75, 0.6667)
    assert round(f, 4) == round(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3), 4)


def test_an_undated_report_joins_only_a_merged_event_of_its_own_story():
    dated = _report("a", story="s1")
    undated_elsewhere = _report("b", day=None, story="s2", outlet="B")
    undated_same = _report("c", day=None, story="s1", outlet="C")
    merged = merge([dated, undated_elsewhere, undated_same])
    assert sorted(sorted(r.article_id for r in m.reports) for m in merged) == [["a", "c"], ["b"]]
