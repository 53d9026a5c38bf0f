"""Collective nouns that stand for one known group (extract/collectives.py), on a real corpus article: in a story
set in Syria, "les rebelles", "les forces rebelles", "les insurgés" are the Syrian opposition the base knows as
"rebelles syriens"; elsewhere, or with a party of their own, they are not."""

from __future__ import annotations

from tests.conftest import corpus_article, event_records_in

from veille.analyze import analyze
from veille.extract.collectives import collective_record
from veille.kb import knowledge_base


def test_bare_rebels_in_a_story_set_in_syria_are_the_syrian_opposition():
    # Aleppo, December 2016 (dev gold article): "Les forces rebelles ont nié ces deux accusations"
    article = corpus_article("winer-fr:2016_12_18-001")
    result = analyze(article)
    rebels = [e for e in result["entities"] if e["canonical"] == "Syrian opposition"]
    assert rebels, "the rebels are linked to the base's Syrian opposition"
    said = {article.text[m["start"]:m["end"]] for m in rebels[0]["mentions"]}
    assert {"rebelles", "insurgés"} <= said
    got = event_records_in("winer-fr:2016_12_18-001", "Les forces rebelles ont nié ces deux accusations")
    assert any(v["type"] == "REJECT" and v["actor"]["canonical"] == "Syrian opposition" for v in got)


def test_the_group_is_looked_up_by_the_states_demonym_and_needs_the_base_to_know_it():
    kb = knowledge_base()
    assert collective_record(kb, "SYR", "fr", "rebelles").canonical == "Syrian opposition"
    assert collective_record(kb, "SYR", "en", "rebels").canonical == "Syrian opposition"
    assert collective_record(kb, "FRA", "fr", "rebelles") is None  # no "rebelles français" in the base
    assert collective_record(kb, None, "fr", "rebelles") is None  # no state the story is set in
