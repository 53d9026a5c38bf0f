"""Events as reported: the rule coder's (``coder``), or, when the package ships a trained ranker and the
``events.ranker`` setting is on, the ranker's choice among relaxed candidates (``candidates``, ``ranker``), of which
the rule coder's events are one feature."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from veille.config import settings
from veille.extract.events.candidates import candidates
from veille.extract.events.coder import Found, rule_events
from veille.extract.events.ranker import decide, model
from veille.extract.factuality import factuality
from veille.extract.referents import Party, Referents


def find_events(doc: Doc, refs: Referents, lang: str, *, reporting: frozenset[int] = frozenset(),
                voices: Sequence[tuple[int, int, Party]] = ()) -> list[Found]:
    rules = rule_events(doc, refs, lang, reporting=reporting, voices=voices)
    ranker = model() if settings()["events"].get("ranker", True) else None
    if ranker is None:
        return rules
    scored = [(c, ranker.probability(c.features)) for c in candidates(doc, refs, lang, rules, voices, reporting)]
    out = []
    for c, p in decide(scored, ranker.threshold):
        if c.rule is not None:
            out.append(Found(c.occurrence, c.actor, c.recipient, c.rule.factuality, round(p, 2)))
        else:
            carrier = c.occurrence.support or c.occurrence.head
            out.append(Found(c.occurrence, c.actor, c.recipient, factuality(carrier, lang, stop_at=reporting), round(p, 2)))
    return out
