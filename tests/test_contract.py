"""Every analysis the CLI emits validates against the veille.analysis/1 schema, offsets included."""

from __future__ import annotations

import copy
import json

import pytest

from veille import contract

from .conftest import SHARED, run_cli


def test_specimen_analysis_validates(specimen_analysis):
    assert contract.errors(specimen_analysis) == []
    assert specimen_analysis["schema"] == "veille.analysis/1"
    assert specimen_analysis["article"]["published"] == "2024-01-05"


def test_broken_offsets_are_caught(specimen_analysis):
    bad = copy.deepcopy(specimen_analysis)
    bad["entities"][0]["mentions"][0]["start"] += 1
    assert any("do not hold" in e for e in contract.errors(bad))


def test_missing_field_is_caught(specimen_analysis):
    bad = copy.deepcopy(specimen_analysis)
    del bad["entities"][0]["country"]
    assert any("country" in e for e in contract.errors(bad))


def test_bad_timeml_value_is_caught(specimen_analysis):
    bad = copy.deepcopy(specimen_analysis)
    bad["times"][0]["value"] = "Thursday"
    assert contract.errors(bad)


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["wikinews-en.jsonl", "wikinews-fr.jsonl"])
def test_every_corpus_analysis_validates(corpus):
    result = run_cli("analyze", str(SHARED / "corpus" / corpus), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == sum(1 for _ in open(SHARED / "corpus" / corpus, encoding="utf-8"))
    for line in lines:
        analysis = json.loads(line)
        assert contract.errors(analysis) == [], analysis["article"]["id"]
        assert analysis["entities"], analysis["article"]["id"]
