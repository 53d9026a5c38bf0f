"""The reviewed event lexicons (events.tsv, support_verbs.tsv, event_classes.tsv) keep their conventions:
PLOVER's vocabulary only, one row per (lemma, pos), sorted, and every class a constraint names exists."""

from __future__ import annotations

import pytest

from tests.test_cameo_lexicon import CONTEXTS, LEXICONS, MODES, sort_key
from tests.test_lexicons import read

LANGS = ("fr", "en")
EVENTS_HEADER = ["lemma", "pos", "type", "mode", "context", "recipient", "sense", "note"]
SLOT_KINDS = {"obj", "dobj", "iobj", "dative", "poss", "agent", "obl", "nmod", "prep", "pobj", "xcomp-obj",
              "xcomp-dobj", "ccomp-nsubj", "ccomp-dobj", "conj-nsubj", "cop-subject"}


def _classes(lang: str) -> set[str]:
    return {r["class"] for r in read(LEXICONS / lang / "event_classes.tsv")[1]}


@pytest.mark.parametrize("lang", LANGS)
def test_event_rows_use_plover_vocabulary_and_known_slots_and_classes(lang):
    header, rows = read(LEXICONS / lang / "events.tsv")
    assert header == EVENTS_HEADER
    classes = _classes(lang)
    keys = [(r["lemma"], r["pos"]) for r in rows]
    assert len(keys) == len(set(keys)), "one row per (lemma, pos)"
    assert [r["lemma"] for r in rows] == sorted((r["lemma"] for r in rows), key=sort_key)
    for r in rows:
        assert r["pos"] in ("VERB", "NOUN", "PRED"), r
        assert r["type"] in MODES, r
        assert not r["mode"] or r["mode"] in MODES[r["type"]], r
        assert all(c in CONTEXTS for c in r["context"].split(",") if c), r
        assert all(s.split(":")[0] in SLOT_KINDS for s in r["recipient"].split(";") if s), r
        for part in r["sense"].split():
            role, _, names = part.replace("!=", "=").partition("=")
            assert role in ("obj", "dobj", "subj", "as", "comp", "obl", "voice", "after"), r
            if role == "voice":
                assert names == "pass", r  # voice!=pass: the trigger is not a passive
                continue
            if role == "comp":
                assert names == "inf" or names.isalpha(), r  # an infinitive, or a complement's preposition
                continue
            assert names == "*" or all(n.lstrip("&") in classes for n in names.split(",")), r


@pytest.mark.parametrize("lang", LANGS)
def test_support_verbs_name_slots_the_coder_reads(lang):
    header, rows = read(LEXICONS / lang / "support_verbs.tsv")
    assert header == ["lemma", "slots", "note"]
    for r in rows:
        assert all(s == "obj" or s.split(":")[0] in ("obl", "prep") for s in r["slots"].split(";")), r


def test_facts_the_coder_relies_on():
    en = {(r["lemma"], r["pos"]): r for r in read(LEXICONS / "en" / "events.tsv")[1]}
    fr = {(r["lemma"], r["pos"]): r for r in read(LEXICONS / "fr" / "events.tsv")[1]}
    assert "&weapon" in en[("launch", "VERB")]["sense"] and "&weapon" in fr[("lancer", "VERB")]["sense"]
    assert en[("release", "VERB")]["sense"] == "obj!=&publication"
    assert en[("perpetrator", "PRED")]["type"] == "ACCUSE"
    support = {r["lemma"] for r in read(LEXICONS / "fr" / "support_verbs.tsv")[1]}
    assert {"mener", "lancer", "procéder"} <= support
