"""Every example sentence of docs/events.md (tests/extract/events_examples.json) is coded by veille in its article.

The article the sentence comes from (../shared/corpus, or the specimen) is analysed whole, as a user would analyse
it, and the example is coded right when an event whose trigger lies in that sentence has the example's type, actor
and recipient (ISO3 country or canonical name). The examples the coder still gets wrong are listed in KNOWN_MISSES
with the reason, as strict xfails: they are reported as failures of the coder, never as passes, and the day one is
fixed the test fails until it is taken off the list.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from tests.conftest import SPECIMEN, corpus_article
from veille.analyze import analyze
from veille.model import Article

EXAMPLES = json.loads((Path(__file__).parent / "events_examples.json").read_text(encoding="utf-8"))
DOCS = (Path(__file__).resolve().parents[2] / "docs" / "events.md").read_text(encoding="utf-8")

KNOWN_MISSES: dict[tuple[str, str], str] = {
    ("fr", "CONCEDE"): "“ces frappes” resolves to the latest strike the article reports (on the Islamic State, the "
                       "target the coalition believed it had), not to the strike on the Syrian army",
    ("fr", "AID"): "“lui” is Julian Assange, the object of the sentences before; pronouns resolve to subjects only "
                   "(here Rafael Correa)",
    ("en", "PROTEST"): "“their government” is the protesters' own state: one entity (Hong Kong) cannot be both sides",
    ("en", "MOBILIZE"): "“deploying into previously SDF controlled territory” gives the SDF as recipient; the example "
                        "has none",
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


def _article(article_id: str) -> Article:
    if article_id == "seed-fr-001":
        return Article(id=article_id, text=SPECIMEN.read_text(encoding="utf-8"), lang="fr",
                       published=dt.date(2024, 1, 5))
    return corpus_article(article_id)


@pytest.mark.parametrize("example", list(_params()))
def test_example_is_coded(example):
    article = _article(example["article"])
    start = article.text.find(example["sentence"])
    assert start >= 0, "the example sentence is verbatim in its article"
    end = start + len(example["sentence"])
    analysis = analyze(article)
    got = [(v["type"], v["actor"], v["recipient"]) for v in analysis["events"] if start <= v["trigger"]["start"] < end]
    assert any(t == example["type"] and _matches(example["actor"], a) and _matches(example["recipient"], r)
               for t, a, r in got), f"{example['trigger']!r}: got {[(t, (a or {}).get('country'), (r or {}).get('country')) for t, a, r in got]}"
