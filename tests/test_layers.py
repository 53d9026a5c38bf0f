"""Imports run one way, as the README states: a module imports only from its own unit or from lower layers, and
units of one layer (``formats`` and ``cluster``; ``run`` and ``batch``) never import each other. Read from the
source with ``ast``, imports inside functions included."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "veille"
LAYERS = [
    {"veille", "errors", "model", "config", "terminal"},
    {"lexicons", "contract"},
    {"normalize"},
    {"kb"},
    {"ingest"},
    {"nlp"},
    {"extract"},
    {"analyze", "report", "eval"},
    {"formats", "cluster"},
    {"store"},
    {"run", "batch"},
    {"web"},
    {"api"},
    {"cli"},
]
"""Lowest first: the README's "Imports flow one way" line, unit by unit (a unit: a top-level module or package)."""
RANK = {unit: n for n, layer in enumerate(LAYERS) for unit in layer}


def unit_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "veille"


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def imported(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "veille")
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "veille":
            found.add(node.module)
    return found


def breaks(module: str, target: str) -> bool:
    mine, theirs = unit_of(module), unit_of(target)
    if mine == theirs:
        return False
    return RANK[theirs] >= RANK[mine]


def test_every_unit_has_a_layer():
    assert {unit_of(m) for m in modules()} == set(RANK)


@pytest.mark.parametrize("module", sorted(modules()))
def test_imports_go_down_the_layers(module):
    upward = sorted(t for t in imported(modules()[module]) if breaks(module, t))
    assert not upward, f"{module} imports upward or sideways: {upward}"


def test_the_rule_catches_an_upward_and_a_sideways_import():
    assert breaks("veille.store.export", "veille.api.app")  # up
    assert breaks("veille.batch.job", "veille.run.pool")  # sideways: siblings of one layer
    assert breaks("veille.cluster.merge", "veille.formats")
    assert not breaks("veille.api.app", "veille.store.queries")
    assert not breaks("veille.extract.claims", "veille.extract.referents")  # within a unit
