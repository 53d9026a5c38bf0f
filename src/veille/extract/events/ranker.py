"""The event ranker: a logistic model over candidate features (``candidates``), trained on our annotated articles
by ``scripts/train_event_ranker.py`` and shipped as ``data/ranker.json`` (feature weights, intercept, threshold, and
how it was trained). Inference is a sum of weights: no learning library at run time.

``decide`` turns scored candidates into events: those above the threshold, one recipient per actor and act (a
named recipient beats none), an unknown actor only when no named one qualifies.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from veille.extract.events.candidates import Candidate


@dataclass(frozen=True, slots=True)
class Model:
    weights: dict[str, float]
    intercept: float
    threshold: float
    meta: dict[str, Any]

    def probability(self, features: list[str]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def model() -> Model | None:
    """The shipped model, or None when the package carries none (the rule coder then stands alone)."""
    path = resources.files("veille").joinpath("extract", "events", "data", "ranker.json")
    if not path.is_file():
        return None
    return from_json(json.loads(path.read_text("utf-8")))


def from_json(obj: dict[str, Any]) -> Model:
    return Model(dict(obj["weights"]), float(obj["intercept"]), float(obj["threshold"]), dict(obj.get("meta", {})))


def extras(scored: list[tuple[Candidate, float]], threshold: float) -> list[tuple[Candidate, float]]:
    """The ranker's additions to the rules: what ``decide`` keeps that no rule coded."""
    return [(c, p) for c, p in decide(scored, threshold) if c.rule is None]


def decide(scored: list[tuple[Candidate, float]], threshold: float) -> list[tuple[Candidate, float]]:
    """The candidates to report: above ``threshold``; per act and actor, its named recipients (several for a list),
    or no recipient when none qualifies; an act with no named actor only when no actor qualifies for it."""
    groups: dict[tuple, list[tuple[Candidate, float]]] = {}
    for c, p in scored:
        if p >= threshold:
            groups.setdefault((c.occurrence.head.i, c.occurrence.rule.type, c.key[2]), []).append((c, p))
    with_actor = {(k[0], k[1]) for k in groups if k[2] is not None}
    out = []
    for (i, kind, actor), items in groups.items():
        if actor is None and (i, kind) in with_actor:
            continue
        named = [(c, p) for c, p in items if c.recipient is not None]
        out += named or items
    return out
