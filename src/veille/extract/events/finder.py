"""Events as reported: the rule coder's (``coder``), and, when the package ships a trained ranker and the
``events.ranker`` setting is on, the relaxed candidates (``candidates``) the ranker (``ranker``) adds to them."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from veille.config import settings
from veille.extract.events.candidates import candidates
from veille.extract.events.coder import Found, rule_events
from veille.extract.events.ranker import extras, model
from veille.extract.factuality import factuality
from veille.extract.referents import Party, Referents


def find_events(doc: Doc, refs: Referents, lang: str, *, reporting: frozenset[int] = frozenset(),
                voices: Sequence[tuple[int, int, Party]] = ()) -> list[Found]:
    rules = rule_events(doc, refs, lang, reporting=reporting, voices=voices)
    ranker = model() if settings()["events"].get("ranker", True) else None
    if ranker is None:
        return rules
    # the rules' events stand; the ranker adds the candidates no rule coded (by cross-validation, the union finds
    # more at the same precision than the ranker's choice alone, and no event the rules promise is lost)
    scored = [(c, ranker.probability(c.features)) for c in candidates(doc, refs, lang, rules, voices, reporting)]
    out = list(rules)
    for c, p in extras(scored, ranker.threshold):
        carrier = c.occurrence.support or c.occurrence.head
        out.append(Found(c.occurrence, c.actor, c.recipient, factuality(carrier, lang, stop_at=reporting), round(p, 2)))
    return out
