"""Events in the contract's form: numbered in text order, with their date, place, claim and score."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from spacy.tokens import Token

from veille.nlp.index import sentence_of, text_of
from veille.extract.events.arguments import local_tokens
from veille.extract.events.coder import Found
from veille.extract.events.lexicon import score_of

_PLACE_PREPS = frozenset({"à", "en", "dans", "près", "au", "aux", "in", "at", "near", "inside"})


def as_dicts(found: list[Found], *, times: list[Any], claim_of, date_of_claim, locate=lambda x: None) -> list[dict[str, Any]]:
    """Events in the contract's form, numbered in text order."""
    index = _Times(times)
    out = []
    for n, f in enumerate(sorted(found, key=lambda f: (f.occurrence.start, f.actor.start if f.actor else -1)), 1):
        t, occ = f.trigger, f.occurrence
        sent = sentence_of(t)
        claim = claim_of(t.idx)
        date = _own_date(t, index) or (_own_date(occ.support, index) if occ.support is not None else None) or (
            date_of_claim(claim) if claim else None) or _time_in(list(sent), index)
        out.append({
            "id": f"v{n}",
            "type": f.rule.type,
            "mode": f.rule.mode,
            "context": list(f.rule.context),
            "actor": f.actor.as_dict() if f.actor else None,
            "recipient": f.recipient.as_dict() if f.recipient else None,
            "trigger": {"text": text_of(t.doc)[occ.start:occ.end], "start": occ.start, "end": occ.end},
            "sentence": {"start": sent.start_char, "end": sent.end_char},
            "date": date,
            "location": _location(t, locate),
            "factuality": f.factuality,
            "attributed_to": claim,
            "confidence": f.confidence,
            "score": score_of(f.rule.type, f.rule.mode),
        })
    return out


def _location(t: Token, locate) -> str | None:
    """A place named in the trigger's own clause after a preposition of place ("bombardement à Deir ez-Zor")."""
    for x in local_tokens(t if t.pos_ == "VERB" or t.head.pos_ != "VERB" else t.head):
        if any(c.dep_ in ("case", "prep") and c.lower_ in _PLACE_PREPS for c in x.children) or (
                x.dep_ == "pobj" and x.head.lower_ in _PLACE_PREPS):
            place = locate(x)
            if place is not None:
                return place
    return None


def _own_date(t: Token, times: _Times) -> str | None:
    """The value of a time expression in the trigger's own clause (or its support verb's, for a noun)."""
    scope = local_tokens(t) + [t]
    if t.pos_ == "NOUN" and t.head.pos_ == "VERB":
        scope += [x for x in t.head.children if not x.dep_.startswith("nsubj") and x.dep_ not in ("ccomp", "conj")]
    found = _time_in(scope, times)
    if found is None and t.dep_ == "conj" and t.head.pos_ == "VERB":
        # "Le mois dernier, les États-Unis ont expulsé … et ont sanctionné …": coordinated acts share the time
        found = _time_in([x for x in t.head.children if x.dep_ not in ("conj", "ccomp", "advcl") and not x.dep_.startswith("nsubj")
                          for x in x.subtree], times)
    return found


class _Times:
    """The dated time expressions by start, so that finding those over a few tokens costs a bisection, not a scan
    of every date of the article (a long article has thousands)."""

    def __init__(self, times: list[Any]) -> None:
        self.items = sorted((tm for tm in times if tm.value), key=lambda tm: (tm.start, tm.end))
        self.starts = [tm.start for tm in self.items]
        self.longest = max((tm.end - tm.start for tm in self.items), default=0)

    def first_over(self, tokens: list[Token]) -> str | None:
        if not tokens or not self.items:
            return None
        chars = [(x.idx, x.idx + len(x.text)) for x in tokens]
        lo, hi = min(s for s, _ in chars), max(e for _, e in chars)
        i = bisect_left(self.starts, lo - self.longest)
        while i < len(self.items) and self.items[i].start < hi:
            tm = self.items[i]
            if any(s < tm.end and tm.start < e for s, e in chars):
                return tm.value
            i += 1
        return None


def _time_in(tokens: list[Token], times: _Times) -> str | None:
    return times.first_over(tokens)
