"""Shared fixtures: the specimen article, its analysis (computed once), and a CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from veille.cli import main

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
