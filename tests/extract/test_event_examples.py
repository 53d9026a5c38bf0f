"""Every example sentence of docs/events.md (tests/extract/events_examples.json) is run through veille.

An example is coded right when an event of its type has its actor and recipient (ISO3 country or
canonical name). The examples the coder still gets wrong are listed in KNOWN_MISSES with the reason,
as strict xfails: they are reported as failures of the coder, never as passes, and the day one is
fixed the test fails until it is taken off the list.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from veille.analyze import analyze
from veille.model import Article

EXAMPLES = json.loads((Path(__file__).parent / "events_examples.json").read_text(encoding="utf-8"))
DOCS = (Path(__file__).resolve().parents[2] / "docs" / "events.md").read_text(encoding="utf-8")

KNOWN_MISSES = {
    ("fr", "SUPPORT"): "“son soutien entier à May”: May is linked to the wrong entity",
    ("fr", "CONCEDE"): "the recipient (Syria) is in the previous sentence",
    ("en", "CONCEDE"): "“representatives from Iran acknowledged …”: the actor hangs from a role noun with “from”",
    ("fr", "COOPERATE"): "“en coopération avec la coalition”: an adverbial noun trigger has no subject of its own",
    ("fr", "AID"): "“lui a accordé l'asile”: a clitic recipient needs pronoun resolution to a person named before",
    ("en", "AID"): "“the rebels are backed by Iran”: “the rebels” is not linked to the Houthis",
    ("en", "REQUEST"): "“urged the embassy”: a definite role noun (“the embassy”) is not resolved",
    ("fr", "REJECT"): "“le budget proposé pour 2019 de l'Italie”: the owner hangs below a participle clause",
    ("en", "THREATEN"): "“the network's franchise”: the network is named in another sentence",
    ("en", "PROTEST"): "“Hongkongers … their government”: the recipient is a possessive pronoun",
    ("en", "MOBILIZE"): "“government forces began deploying”: the actor of an xcomp under “began” is not reached",
    ("fr", "ASSAULT"): "the example codes the coalition as actor; veille codes the United States that leads it",
}


def _matches(want: str | None, party: dict | None) -> bool:
    if want is None:
        return party is None
    if party is None:
        return False
    if re.fullmatch(r"[A-Z]{3}", want):
        return party.get("country") == want
    return party.get("canonical") == want


def _params():
    for ex in EXAMPLES:
        marks = ()
        reason = KNOWN_MISSES.get((ex["lang"], ex["type"]))
        if reason:
            marks = (pytest.mark.xfail(reason=reason, strict=True),)
        yield pytest.param(ex, id=f"{ex['lang']}-{ex['type']}", marks=marks)


def test_every_type_has_an_example_in_each_language_and_in_the_docs():
    assert {(e["lang"], e["type"]) for e in EXAMPLES} == {(lang, t) for lang in ("fr", "en") for t in (
        "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
        "MOBILIZE COERCE ASSAULT").split()}
    for ex in EXAMPLES:
        assert ex["sentence"][:60] in DOCS, f"{ex['lang']} {ex['type']} example not quoted in docs/events.md"


@pytest.mark.parametrize("example", _params())
def test_example_is_coded(example):
    analysis = analyze(Article(id=example["article"], text=example["sentence"], lang=example["lang"]))
    got = [(v["type"], v["actor"], v["recipient"]) for v in analysis["events"]]
    assert any(t == example["type"] and _matches(example["actor"], a) and _matches(example["recipient"], r)
               for t, a, r in got), f"{example['trigger']!r}: got {[(t, (a or {}).get('country'), (r or {}).get('country')) for t, a, r in got]}"
