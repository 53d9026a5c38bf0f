"""Long articles (issue 13): a paragraph over spaCy's 1,000,000-character limit is analysed, not fatal to
its batch, and the analysis time grows in proportion to the text (``benchmarks/long.py`` measures it up
to 1 M characters)."""

from __future__ import annotations

import json
import time

import pytest

from veille.analyze import analyze
from veille.model import Article, parse_date

from .conftest import SHARED, run_cli

GOOD = {"id": "good", "text": "La Russie a attaqué l'Ukraine lundi, selon Kiev.\n", "published": "2024-01-08"}


def _news(size: int) -> str:
    """Real French Wikinews articles one after the other, up to ``size`` characters (as benchmarks/long.py)."""
    texts = [json.loads(line)["text"].strip() for line in (SHARED / "corpus" / "wikinews-fr.jsonl").open(encoding="utf-8")]
    out, i = "", 0
    while len(out) < size:
        out += texts[i % len(texts)] + "\n\n"
        i += 1
    return out[:out.rfind("\n\n", 0, size)]


def _seconds(text: str) -> float:
    article = Article(id="long", text=text, lang="fr", published=parse_date("2024-01-05"))
    began = time.perf_counter()
    analyze(article)
    return time.perf_counter() - began


def test_analysis_time_grows_in_proportion_to_the_text():
    _seconds(_news(2_000))  # pipelines loaded
    small, large = _news(10_000), _news(80_000)
    per_char_small = min(_seconds(small) for _ in range(2)) / len(small)
    per_char_large = _seconds(large) / len(large)
    assert per_char_large / per_char_small <= 2.0, (per_char_small * 1e6, per_char_large * 1e6)


@pytest.mark.slow
def test_a_paragraph_over_a_million_characters_is_analysed_and_the_batch_kept(tmp_path):
    """The issue's repro: one good article and one whose only paragraph is 1,050,000 characters. Each sentence of
    the act is followed by one of a single 963-letter word, so the paragraph is over spaCy's limit in characters
    while the parse stays short (the time per character is ``test_analysis_time_grows_in_proportion_to_the_text``'s)."""
    unit = "Russia attacked Ukraine on Monday. " + "x" * 963 + ". "
    long_text = unit * (1_050_000 // len(unit))
    assert len(long_text) == 1_050_000
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"id": "long", "text": long_text, "lang": "en", "published": "2024-01-09"}) + "\n"
                    + json.dumps(GOOD, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run_cli("analyze", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr[-2000:]
    long_an, good_an = [json.loads(line) for line in result.stdout.splitlines()]
    assert long_an["article"]["text"] == long_text and good_an["article"]["id"] == "good"
    assaults = [v for v in long_an["events"] if v["type"] == "ASSAULT"]
    assert len(assaults) == 1_050  # one per sentence, across the cuts of the paragraph: none lost, none twice
    assert {(v["actor"]["country"], v["recipient"]["country"]) for v in assaults} == {("RUS", "UKR")}
    assert all(long_text[v["trigger"]["start"]:v["trigger"]["end"]] == v["trigger"]["text"] for v in assaults)
    alone = run_cli("analyze", "-", "--format", "jsonl", input=json.dumps(GOOD, ensure_ascii=False))
    assert json.loads(alone.stdout) == good_an
