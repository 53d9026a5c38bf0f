"""The opt-in event ranker (``events.ranker = true``): it only adds to the rules' events, it was never trained on
the held-out gold, and on the articles it learned from it finds what the docs say."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from veille.eval import evaluate

from ..conftest import TESTS

GOLD = TESTS / "gold"
INPUTS = [GOLD / "articles-fr.jsonl", GOLD / "articles-en.jsonl"]


def _analyze(tmp: Path, ranker: bool) -> tuple[Path, subprocess.Popen]:
    """Start ``veille analyze`` of the dev and held-out articles with the ranker on or off; the two runs go side by
    side, one per core."""
    config = tmp / f"ranker-{ranker}.toml"
    config.write_text(f"[events]\nranker = {'true' if ranker else 'false'}\n", encoding="utf-8")
    out = tmp / f"ranker-{ranker}.jsonl"
    env = {**os.environ, "VEILLE_CONFIG": str(config)}
    with out.open("w", encoding="utf-8") as fh:
        proc = subprocess.Popen([str(Path(sys.executable).parent / "veille"), "analyze", *map(str, INPUTS),
                                 "--format", "jsonl"], stdout=fh, env=env)
    return out, proc


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[bool, Path]:
    tmp = tmp_path_factory.mktemp("ranker")
    started = {flag: _analyze(tmp, flag) for flag in (False, True)}
    codes = {flag: proc.wait(timeout=600) for flag, (_, proc) in started.items()}  # both ended, whichever failed
    assert codes == {False: 0, True: 0}, f"veille analyze exit codes by ranker setting: {codes}"
    return {flag: out for flag, (out, _) in started.items()}


def _events(path: Path) -> dict[str, set[tuple]]:
    out = {}
    for line in path.read_text("utf-8").splitlines():
        a = json.loads(line)
        out[a["article"]["id"]] = {(e["type"], json.dumps(e["actor"], sort_keys=True),
                                    json.dumps(e["recipient"], sort_keys=True), e["trigger"]["start"])
                                   for e in a["events"]}
    return out


@pytest.mark.slow
def test_turning_the_ranker_on_never_loses_an_event_the_rules_report(runs):
    rules, ranked = _events(runs[False]), _events(runs[True])
    assert rules.keys() == ranked.keys()
    lost = {k: rules[k] - ranked[k] for k in rules if rules[k] - ranked[k]}
    assert not lost
    assert sum(map(len, ranked.values())) > sum(map(len, rules.values()))


@pytest.mark.slow
def test_on_the_dev_articles_it_finds_what_the_docs_say(runs):
    rules = evaluate(GOLD / "dev", runs[False])["total"]["events"]
    ranked = evaluate(GOLD / "dev", runs[True])["total"]["events"]
    # docs/events.md: the dev articles are among those it learned from, so these are floors, not its quality; the
    # margin over the rules narrows as the rules find more of what only the ranker used to add (0.08 until the
    # seventh round, when the rules reached 0.41)
    assert ranked["recall"] >= 0.42 and ranked["recall"] > rules["recall"] + 0.06
    assert ranked["precision"] >= 0.65


def test_the_shipped_model_never_saw_a_held_out_or_unseen_article():
    meta = json.loads(resources.files("veille").joinpath("extract/events/data/ranker.json").read_text("utf-8"))["meta"]
    held_out = {json.loads(p.read_text("utf-8"))["article"]["id"]
                for folder in ("heldout", "unseen") for p in (GOLD / folder).glob("*.gold.json")}
    assert held_out and meta["articles"]
    assert not held_out & set(meta["articles"])
