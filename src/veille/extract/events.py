"""PLOVER events: a trigger from the lexicon, its actor and recipient from the parse, its factuality,
date and location from the clause around it.

The lexicons (``lexicons/<lang>/events.tsv``, documented in ``lexicons/EVENTS.md``) say which lemma
triggers which type, mode and contexts, and where its recipient is. This module applies them:
- the actor is the trigger's subject (for a passive, its agent "par X" / "by X"; for a noun, the
  subject of the verb that carries it, "organiser un sommet"); a compound subject gives one event
  per member; a pronoun or role noun goes through ``referents``;
- a trigger inside the complement of another trigger is part of that event, not a second one
  ("a promis de soutenir", "a exhorté X à cesser ses livraisons");
- an event whose actor is unknown, or whose recipient the lexicon expects but the text does not
  give, is not reported: precision first, every event must be auditable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from veille.extract.factuality import factuality
from veille.extract.referents import Party, Referents
from veille.lexicons import table

_ELISIONS = {"l'": "le", "l\u2019": "le", "d'": "de", "d\u2019": "de", "qu'": "que", "qu\u2019": "que"}
_SUBJECT = ("nsubj",)
_PASSIVE_AGENT = ("obl:agent", "agent")
_NO_RECIPIENT_NEEDED = frozenset({"PROTEST", "MOBILIZE", "RETREAT", "CONCEDE"})


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    slots: tuple[str, ...]


@cache
def lexicon(lang: str) -> dict[tuple[str, str], Trigger]:
    out = {}
    for row in table(lang, "events"):
        t = Trigger(row["lemma"].lower(), row["pos"], row["type"], row["mode"] or None,
                    tuple(c for c in row["context"].split(",") if c), tuple(s for s in row["recipient"].split(";") if s))
        out[(t.lemma, t.pos)] = t
    return out


@cache
def scores() -> dict[tuple[str, str], float]:
    return {(row["type"], row["mode"]): float(row["score"]) for row in table("", "plover_scores")}


def score_of(type_: str, mode: str | None) -> float | None:
    s = scores()
    return s.get((type_, mode or ""), s.get((type_, "")))


def lemma_of(t: Token) -> str:
    lemma = t.lemma_.lower()
    return _ELISIONS.get(lemma, lemma)


def match_trigger(t: Token, lang: str) -> Trigger | None:
    if t.pos_ not in ("VERB", "NOUN"):
        return None
    lex = lexicon(lang)
    return lex.get((lemma_of(t), t.pos_)) or lex.get((t.lower_, t.pos_))


@dataclass(slots=True)
class Found:
    trigger: Token
    rule: Trigger
    actor: Party
    recipient: Party | None
    factuality: str
    confidence: float


def find_events(doc: Doc, refs: Referents, lang: str, *, reporting: frozenset[int] = frozenset()) -> list[Found]:
    """Every coded event in ``doc``. ``reporting`` holds the tokens of reporting verbs (claim cues):
    factuality is read up to them, not through them."""
    triggers = {t.i: rule for t in doc if (rule := match_trigger(t, lang)) is not None}
    named = frozenset(refs.by_token)
    found: list[Found] = []
    for i, rule in triggers.items():
        t = doc[i]
        if _folded(t, triggers):
            continue
        actor_heads = _actor_heads(t, named)
        if not actor_heads:
            continue
        recipients = _recipients(t, rule, refs, exclude={h.i for h in actor_heads})
        # "Turkey and Libya agreed", "Trump and Erdoğan spoke": each member acts towards the others
        mutual = len(actor_heads) > 1 and ("conj-nsubj" in rule.slots or (
            recipients == [None] and rule.type in ("CONSULT", "COOPERATE", "AGREE")))
        for head in actor_heads:
            actor = _acting_for(refs.party(head), head, refs)
            if actor.entity is None:
                continue
            if mutual:  # "Turkey and Libya agreed": each member acts towards the others
                recipients = [p for h in actor_heads if h.i != head.i and (p := refs.party(h)).entity is not None]
            for rec in recipients:
                if rec is not None and rec.entity is actor.entity:
                    rec = None
                _keep(found, t, rule, head, actor, rec, refs, lang, reporting)
    return _dedupe(found)


def _acting_for(actor: Party, head: Token, refs: Referents) -> Party:
    """A spokesperson acts for what they speak for: "Ahmed al-Assadi, a spokesman for the PMF, blamed …" is the
    PMF's act (PLOVER codes the organisation). The party keeps its words; its entity becomes the organisation."""
    if actor.entity is None or actor.entity.type != "PERSON":
        return actor
    for appos in (c for c in head.children if c.dep_ == "appos"):
        role = refs.role_of(appos)
        if role is not None and role.get("kind") == "spokesperson":
            org = next((refs.by_token[t.i] for t in refs.phrase(appos) if t.i in refs.by_token
                        and refs.by_token[t.i].type in ("ORG", "GPE") and t.i != appos.i), None)
            if org is not None:
                return Party(actor.text, actor.start, actor.end, org, actor.agent or org.agent)
    return actor


def _keep(found: list[Found], t: Token, rule: Trigger, head: Token, actor: Party, rec: Party | None,
          refs: Referents, lang: str, reporting: frozenset[int]) -> None:
    """Add the event unless it fails the precision rules."""
    if rec is None and rule.slots and rule.type not in _NO_RECIPIENT_NEEDED:
        return
    if rec is None and actor.country is None and actor.entity.type == "PERSON":
        return  # a private person acting alone is not a political event
    if rec is not None and actor.country and actor.country == rec.country and "GPE" in (
            actor.entity.type, rec.entity.type) and actor.entity.type != "PERSON":
        return  # a state acting on itself: a resolution error, not an event
    fact = factuality(t, lang, stop_at=reporting)
    found.append(Found(t, rule, actor, rec, fact, _confidence(t, head, actor, rec, refs)))


def _folded(t: Token, triggers: dict[int, Trigger]) -> bool:
    """Is ``t`` inside the complement of another trigger of the same clause? ("promis de soutenir")"""
    node, steps = t, 0
    while node.head.i != node.i and steps < 4:
        if node.dep_ in ("ccomp", "advcl", "parataxis", "conj", "acl:relcl", "relcl", "csubj") or node.dep_.startswith("nsubj"):
            return False
        node = node.head
        steps += 1
        if node.i in triggers:
            return True
    return False


def _actor_heads(t: Token, named: frozenset[int]) -> list[Token]:
    """Heads of the actor's phrase, one per member of a compound subject."""
    head = _actor_head(t, named)
    if head is None:
        return []
    return [head] + [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]


def _actor_head(t: Token, named: frozenset[int]) -> Token | None:
    """The head of the actor's phrase; ``named`` holds the tokens of entity mentions."""
    # a passive needs its auxiliary: "Barack Obama a réagi" tagged nsubj:pass is a parser slip, not a passive
    passive = any(c.dep_ in ("aux:pass", "auxpass") for c in t.children) or (
        t.dep_ == "acl" and t.morph.get("VerbForm") == ["Part"])
    if not passive:
        slip = next((c for c in t.children if c.dep_ in ("nsubj:pass", "nsubjpass")), None)
        if slip is not None and not any(c.dep_ in _SUBJECT for c in t.children):
            return slip
    if passive:
        agent = next((c for c in t.children if c.dep_ in _PASSIVE_AGENT), None)
        if agent is not None:
            return next((g for g in agent.children if g.dep_ == "pobj"), agent) if agent.dep_ == "agent" else agent
        return _bridged_theme(t)
    subject = next((c for c in t.children if c.dep_ in _SUBJECT), None)
    if subject is not None and subject.morph.get("PronType") == ["Rel"] and t.dep_ in ("acl:relcl", "relcl"):
        return t.head  # "la Russie qui s'est opposée": the relative pronoun stands for the noun it follows
    if subject is not None:
        return subject
    if t.pos_ == "NOUN":
        # the noun's own owner first: "l'intervention russe", "United States sanctions", "les sanctions de l'UE"
        owner = next((c for c in t.children if c.dep_ in ("amod", "compound", "poss", "nmod:poss") and c.i in named), None)
        if owner is not None:
            return owner
        if t.dep_ in ("obj", "dobj", "obl", "obl:mod", "obl:arg", "pobj") and t.head.pos_ in ("VERB", "AUX", "ADP"):
            verb = t.head if t.head.pos_ != "ADP" else t.head.head
            return _actor_head(verb, named) if verb.i != t.i else None
        return next((c for c in t.children if c.dep_ in ("poss", "nmod:poss")), None)
    if (t.dep_ in ("conj", "xcomp") or (t.dep_ == "advcl" and t.morph.get("VerbForm") in (["Part"], ["Ger"]))) \
            and t.head.i != t.i:
        return _actor_head(t.head, named)  # "a réagi en dénonçant …": the participle's subject is the main verb's
    return None


def _bridged_theme(t: Token) -> Token | None:
    """A passive with no agent ("pourraient être livrés à la Russie"): the theme, whose own country
    ("les missiles" → "des missiles iraniens") is the origin of the transfer. Only a noun theme counts."""
    node = t
    for _ in range(4):
        theme = next((c for c in node.children if c.dep_ in ("nsubj:pass", "nsubjpass", "nsubj")), None)
        if theme is not None:
            return theme if theme.pos_ == "NOUN" else None
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _recipients(t: Token, rule: Trigger, refs: Referents, exclude: set[int]) -> list[Party | None]:
    """The recipient, one per member of a compound ("blamed both Israel and the United States");
    for a passive with its agent as actor, the passive subject ("the rebels are backed by Iran")."""
    slots = list(rule.slots)
    if any(c.dep_ in ("nsubj:pass", "nsubjpass") for c in t.children) and any(s in ("obj", "dobj") for s in slots):
        slots.insert(0, "passive-subject")
    for slot in slots:
        for head in _slot_heads(t, slot):
            if head.i in exclude:
                continue
            members: list[Party] = []
            for m in [head] + [c for c in head.children if c.dep_ == "conj" and c.i not in exclude]:
                p = refs.party(m)
                if p.entity is not None and all(p.entity is not q.entity for q in members):
                    members.append(p)
            if members:
                return members
    return [None]


def _slot_heads(t: Token, slot: str) -> Iterable[Token]:
    kind, _, prep = slot.partition(":")
    kids = list(t.children)
    if slot == "passive-subject":
        yield from (c for c in kids if c.dep_ in ("nsubj:pass", "nsubjpass"))
    elif slot in ("obj", "dobj"):
        yield from (c for c in kids if c.dep_ in ("obj", "dobj"))
    elif slot in ("iobj", "dative"):
        yield from (c for c in kids if c.dep_ in ("iobj", "dative"))
    elif slot == "poss":
        yield from (c for c in kids if c.dep_ in ("poss", "nmod:poss"))
    elif slot in ("obl:agent", "agent"):
        yield from (c for c in kids if c.dep_ in _PASSIVE_AGENT)
    elif kind in ("obl", "nmod"):
        scope = _local_tokens(t)
        if t.pos_ == "NOUN" and t.head.pos_ == "VERB":
            scope += [x for x in _local_tokens(t.head) if x.i not in {y.i for y in scope}]
        for x in scope:
            if any(c.dep_ in ("case", "fixed") and _prep_matches(c, prep) for c in x.children) and x.i != t.i:
                yield x
    elif kind == "prep":
        scope = [t] + ([t.head] if t.pos_ == "NOUN" and t.head.pos_ == "VERB" else [])
        for owner in scope:
            for p in owner.children:
                if p.dep_ == "prep" and p.lemma_.lower() == prep:
                    yield from (g for g in p.children if g.dep_ == "pobj")
    elif kind == "pobj":
        for p in kids:
            if p.dep_ in ("prep", "prt"):
                yield from (g for g in p.children if g.dep_ == "pobj")
    elif slot in ("xcomp-obj", "xcomp-dobj"):
        for x in kids:
            if x.dep_ == "xcomp":
                yield from (g for g in x.children if g.dep_ in ("obj", "dobj"))
                yield from (g for o in x.children if o.dep_ in ("obj", "dobj") for g in o.children if g.dep_ == "nmod")
    elif slot in ("ccomp-nsubj", "ccomp-dobj"):
        want = ("nsubj",) if slot.endswith("nsubj") else ("obj", "dobj")
        for x in kids:
            if x.dep_ == "ccomp":
                yield from (g for g in x.children if g.dep_ in want)
    elif slot == "conj-nsubj":
        subject = next((c for c in kids if c.dep_ == "nsubj"), None)
        if subject is not None:
            yield from (c for c in subject.children if c.dep_ == "conj")


def _prep_matches(case: Token, prep: str) -> bool:
    lemma = lemma_of(case)
    if lemma == prep or case.lower_ == prep:
        return True
    return prep == "à" and case.lower_ in ("au", "aux")


def _local_tokens(t: Token) -> list[Token]:
    """The clause of ``t`` without its own sub-clauses and without its subject."""
    out, stack = [], [c for c in t.children if c.dep_ not in ("ccomp", "advcl", "parataxis", "acl:relcl", "csubj", "conj")
                      and not c.dep_.startswith("nsubj")]
    while stack:
        x = stack.pop()
        out.append(x)
        stack.extend(c for c in x.children if c.dep_ not in ("ccomp", "advcl", "parataxis", "acl:relcl", "relcl", "conj"))
    return sorted(out, key=lambda x: x.i)


def _confidence(t: Token, head: Token, actor: Party, recipient: Party | None, refs: Referents) -> float:
    """How sure the coding is, from what it rests on: a named actor in subject position, a recipient in
    the slot the lexicon expects, a verb rather than a noun. Calibrated on the gold (README)."""
    c = 0.55
    if head.i in refs.by_token or any(x.i in refs.by_token for x in refs.phrase(head)):
        c += 0.15
    if head.pos_ == "PRON" or refs.role_of(head):
        c -= 0.1
    if recipient is not None:
        c += 0.15
    if t.pos_ == "VERB":
        c += 0.1
    if head.dep_ in ("nsubj", "obl:agent", "agent"):
        c += 0.05
    return round(max(0.05, min(0.99, c)), 2)


def _dedupe(found: list[Found]) -> list[Found]:
    """One event per (trigger, actor, recipient): a phrase that reached the same entity twice counts once."""
    seen, out = set(), []
    for f in found:
        key = (f.trigger.i, id(f.actor.entity), id(f.recipient.entity) if f.recipient else None)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


_PLACE_PREPS = frozenset({"à", "en", "dans", "près", "au", "aux", "in", "at", "near", "inside"})


def _location(t: Token, locate) -> str | None:
    """A place named in the trigger's own clause after a preposition of place ("bombardement à Deir ez-Zor")."""
    for x in _local_tokens(t if t.pos_ == "VERB" or t.head.pos_ != "VERB" else t.head):
        if any(c.dep_ in ("case", "prep") and c.lower_ in _PLACE_PREPS for c in x.children) or (
                x.dep_ == "pobj" and x.head.lower_ in _PLACE_PREPS):
            place = locate(x)
            if place is not None:
                return place
    return None


def as_dicts(found: list[Found], *, times: list[Any], claim_of, date_of_claim, locate=lambda x: None) -> list[dict[str, Any]]:
    """Events in the contract's form, numbered in text order."""
    out = []
    for n, f in enumerate(sorted(found, key=lambda f: (f.trigger.i, f.actor.start)), 1):
        t = f.trigger
        sent = t.sent
        claim = claim_of(t.idx)
        date = _own_date(t, times) or (date_of_claim(claim) if claim else None)
        context = list(f.rule.context)
        out.append({
            "id": f"v{n}",
            "type": f.rule.type,
            "mode": f.rule.mode,
            "context": context,
            "actor": f.actor.as_dict(),
            "recipient": f.recipient.as_dict() if f.recipient else None,
            "trigger": {"text": t.text, "start": t.idx, "end": t.idx + len(t.text)},
            "sentence": {"start": sent.start_char, "end": sent.end_char},
            "date": date,
            "location": _location(t, locate),
            "factuality": f.factuality,
            "attributed_to": claim,
            "confidence": f.confidence,
            "score": score_of(f.rule.type, f.rule.mode),
        })
    return out


def _own_date(t: Token, times: list[Any]) -> str | None:
    """The value of a time expression in the trigger's own clause (or its support verb's, for a noun)."""
    scope = _local_tokens(t) + [t]
    if t.pos_ == "NOUN" and t.head.pos_ == "VERB":
        scope += [x for x in t.head.children if not x.dep_.startswith("nsubj") and x.dep_ not in ("ccomp", "conj")]
    found = _time_in(scope, times)
    if found is None and t.dep_ == "conj" and t.head.pos_ == "VERB":
        # "Le mois dernier, les États-Unis ont expulsé … et ont sanctionné …": coordinated acts share the time
        found = _time_in([x for x in t.head.children if x.dep_ not in ("conj", "ccomp", "advcl") and not x.dep_.startswith("nsubj")
                          for x in x.subtree], times)
    return found


def _time_in(tokens: list[Token], times: list[Any]) -> str | None:
    chars = {(x.idx, x.idx + len(x.text)) for x in tokens}
    for tm in times:
        if tm.value and any(s < tm.end and tm.start < e for s, e in chars):
            return tm.value
    return None

