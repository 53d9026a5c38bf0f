"""Shared fixtures: the specimen article, its analysis (computed once), and a CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from veille.analyze import analyze
from veille.cli import main
from veille.ingest.records import article_from_json
from veille.model import Article

TESTS = Path(__file__).parent
SPECIMEN = TESTS / "specimen" / "corpus" / "seed-fr-001.txt"
SPECIMEN_GOLD = TESTS / "specimen" / "gold" / "seed-fr-001.gold.json"
SHARED = TESTS.parent.parent / "shared"


def run_cli(*args: str, input: str | bytes | None = None):
    """Run ``veille ARGS`` in-process; returns click's Result (exit_code, stdout, stderr)."""
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="session")
def specimen_analysis() -> dict:
    result = run_cli("analyze", str(SPECIMEN), "--published", "2024-01-05", "--id", "seed-fr-001", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def entity_of(analysis: dict, mention: str) -> dict:
    """The entity holding a mention with this exact text."""
    for e in analysis["entities"]:
        if any(m["text"] == mention for m in e["mentions"]):
            return e
    raise AssertionError(f"no entity has the mention {mention!r}: {[e['canonical'] for e in analysis['entities']]}")


def corpus_article(article_id: str) -> Article:
    """An article of ``../shared/corpus`` by its id (the JSONL files hold it in the first 80 characters of its line)."""
    for name in ("winer-fr.jsonl", "wikinews-fr.jsonl", "wikinews-en.jsonl"):
        for line in (SHARED / "corpus" / name).open(encoding="utf-8"):
            if f'"{article_id}"' in line[:80]:
                return article_from_json(json.loads(line), default_id=article_id)
    raise AssertionError(f"{article_id} is not in the shared corpus")


def side(p: dict | None) -> str | None:
    """An event's party as the scorer reads it: its country, else its canonical name."""
    return None if p is None else (p["country"] or p["canonical"])


def event_records_in(article_id: str, sentence: str) -> list[dict]:
    """The events (contract records) of a corpus article whose trigger lies in ``sentence``, verbatim in it."""
    article = corpus_article(article_id)
    start = article.text.find(sentence)
    assert start >= 0, "the sentence is verbatim in its article"
    return [v for v in analyze(article)["events"] if start <= v["trigger"]["start"] < start + len(sentence)]


def events_of_text(text: str, lang: str) -> set[tuple]:
    """The events of a short text analysed as an article of its own: (type, actor, recipient), as ``side`` reads them."""
    return {(v["type"], side(v["actor"]), side(v["recipient"])) for v in analyze(Article(id="t", text=text, lang=lang))["events"]}


def names_of(records: list[dict]) -> set[tuple]:
    """Events as (type, actor, recipient) by canonical name (None for a side not known), where the country ``side``
    gives is not enough to tell parties of one state apart."""
    return {(v["type"], (v["actor"] or {}).get("canonical"), (v["recipient"] or {}).get("canonical")) for v in records}


def events_in(article_id: str, sentence: str) -> set[tuple]:
    """The events of a corpus article whose trigger lies in ``sentence``: (type, actor, recipient)."""
    return {(v["type"], side(v["actor"]), side(v["recipient"])) for v in event_records_in(article_id, sentence)}
