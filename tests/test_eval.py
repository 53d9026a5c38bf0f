"""veille eval gives the reference scorer's figures, and the quality of the slice does not regress."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from veille.eval import evaluate

from .conftest import SPECIMEN_GOLD, TESTS, run_cli

REFERENCE = TESTS / "reference" / "score.py"  # a verbatim copy of ../shared/eval/score.py


@pytest.fixture(scope="module")
def specimen_file(tmp_path_factory, specimen_analysis) -> Path:
    path = tmp_path_factory.mktemp("eval") / "seed.json"
    path.write_text(json.dumps(specimen_analysis, ensure_ascii=False), encoding="utf-8")
    return path


def _reference(*args: str) -> dict:
    out = subprocess.run([sys.executable, str(REFERENCE), *args, "--json", "-v"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_same_figures_as_the_reference_scorer_on_the_specimen(specimen_file):
    ours = evaluate(SPECIMEN_GOLD, specimen_file)
    ref = _reference(str(SPECIMEN_GOLD), str(specimen_file))
    assert ours["total"] == ref["total"]
    assert ours["misses"] == ref["misses"]


def test_same_figures_on_a_gold_folder_and_the_cli_lists_misses(tmp_path):
    analyses = tmp_path / "own.jsonl"
    r = run_cli("analyze", str(TESTS / "gold" / "articles-en.jsonl"), "--format", "jsonl")
    analyses.write_text(r.stdout, encoding="utf-8")
    ours = evaluate(TESTS / "gold" / "dev", analyses)
    ref = _reference("--gold-dir", str(TESTS / "gold" / "dev"), str(analyses))
    assert ours["total"] == ref["total"]
    r = run_cli("eval", str(TESTS / "gold" / "dev"), str(analyses), "-v")
    assert r.exit_code == 0 and "missed" in r.stdout and r.stdout.rstrip().endswith("article(s)")


def test_specimen_quality_gate(specimen_file):
    """Floors from the issue: entities F1 ≥ 0.90, linking ≥ 0.90, time values ≥ 0.83; events ≥ 0.80 with
    factuality and dates exact; claims ≥ 0.85 with speakers ≥ 0.80."""
    t = evaluate(SPECIMEN_GOLD, specimen_file)["total"]
    assert t["entities"]["f1"] >= 0.90 and t["linking"]["accuracy"] >= 0.90 and t["times"]["value_accuracy"] >= 0.83
    assert t["events"]["f1"] >= 0.80 and t["events"]["factuality_accuracy"] == 1.0 and t["events"]["date_accuracy"] == 1.0
    assert t["claims"]["f1"] >= 0.85 and t["claims"]["speaker_strict_accuracy"] >= 0.80
    assert t["claims"]["factuality_accuracy"] == 1.0 and t["claims"]["source_chain_accuracy"] == 1.0


def test_specimen_events_are_exact(specimen_file):
    """Issue 12 asks the specimen to keep events F1 1.0: every event found and none more (a relative pronoun's
    antecedent once made "des résolutions du Conseil de sécurité … que la Russie a soutenues" a SUPPORT of the
    Security Council)."""
    assert evaluate(SPECIMEN_GOLD, specimen_file)["total"]["events"]["f1"] == 1.0


@pytest.mark.slow
def test_own_gold_quality_gate(tmp_path):
    """Floors a little under today's figures on the 34 own gold articles (18 dev, 16 held-out): a regression fails
    here."""
    analyses = tmp_path / "own.jsonl"
    r = run_cli("analyze", str(TESTS / "gold" / "articles-fr.jsonl"), str(TESTS / "gold" / "articles-en.jsonl"),
                "--format", "jsonl")
    analyses.write_text(r.stdout, encoding="utf-8")
    for folder, floors in (("dev", {"entities": 0.90, "events": 0.42, "claims": 0.70}),
                           ("heldout", {"entities": 0.88, "events": 0.18, "claims": 0.57})):
        t = evaluate(TESTS / "gold" / folder, analyses)["total"]
        for layer, floor in floors.items():
            assert t[layer]["f1"] >= floor, (folder, layer, t[layer]["f1"])
        assert t["times"]["value_accuracy"] >= 0.80, folder
