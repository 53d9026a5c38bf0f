"""PLOVER events: triggers (``triggers``), their parties (``arguments``), and the precision rules that decide what
is reported.

- A trigger inside the complement of another trigger is part of that event, not a second one ("a promis de
  soutenir", "a exhorté X à cesser ses livraisons"), unless it is a noun with a doer of its own ("a condamné le
  tir par la Corée du Nord d'un missile": the launch is North Korea's act, the condemnation Japan's).
- A compound actor gives one event per member; a mutual act ("Turkey and Libya agreed", "accuse each other")
  gives each member towards the others.
- The actor must be a resolved party, except for an agentless passive, kept with an unknown actor (``None``) and
  a low confidence; the recipient must be there when the type needs one (PLOVER lets protests, mobilisations,
  withdrawals, concessions, requests, rejections and threats stand alone).
- An actor and recipient that are the same entity (or a state and its capital) make no event; two parties of one
  country do (civil wars, coups, repression).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token

from veille.extract.events.arguments import (actor_head, members, own_agent, place_heads, recipient_heads, reciprocal,
                                             slot_heads)
from veille.extract.events.lexicon import NO_RECIPIENT_NEEDED, Trigger, lexicon
from veille.extract.events.triggers import Occurrence, class_of_object, find_triggers, has_complement, lemma_of
from veille.extract.factuality import factuality
from veille.extract.referents import Party, Referents
from veille.kb import knowledge_base

_MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
_FOLD_DEPS = frozenset({"ccomp", "advcl", "parataxis", "conj", "acl:relcl", "relcl", "csubj"})


@dataclass(slots=True)
class Found:
    occurrence: Occurrence
    actor: Party | None
    recipient: Party | None
    factuality: str
    confidence: float

    @property
    def trigger(self) -> Token:
        return self.occurrence.head

    @property
    def rule(self) -> Trigger:
        return self.occurrence.rule


def find_events(doc: Doc, refs: Referents, lang: str, *, reporting: frozenset[int] = frozenset()) -> list[Found]:
    """Every coded event in ``doc``. ``reporting`` holds the tokens of reporting verbs (claim cues):
    factuality is read up to them, not through them."""
    occurrences = find_triggers(doc, lang)
    heads = {o.head.i for o in occurrences} | {o.support.i for o in occurrences if o.support is not None}
    named = frozenset(refs.by_token)
    found: list[Found] = []
    for occ in occurrences:
        if _folded(occ, heads, named) or _not_an_act(occ, refs):
            continue
        head, given = actor_head(occ, named)
        if head is None and occ.pos == "NOUN":
            _between(found, occ, refs, lang, reporting)  # "a call between Trump and Zelensky"
            continue
        if head is None:
            if not given:
                _agentless(found, occ, refs, lang, reporting)
            continue
        before = occ.head.i if head.i == occ.head.head.i else None  # a subject the trigger hangs from (acl)
        actor_heads = members(head, refs)
        excluded = {x.i for h in actor_heads for x in refs.phrase(h, before)}
        recipients, named_slot = _recipients(occ, refs, excluded, found)
        mutual = len(actor_heads) > 1 and ("conj-nsubj" in occ.rule.slots or reciprocal(occ, lang) or (
            recipients == [None] and occ.rule.type in _MUTUAL_TYPES))
        for h in actor_heads:
            actor = _acting_for(refs.party(h, before), h, refs)
            if actor.entity is None:
                continue
            targets = recipients
            if mutual:
                targets = [p for g in actor_heads if g.i != h.i and (p := refs.party(g)).entity is not None] or [None]
            for rec in targets:
                _keep(found, occ, h, actor, rec, named_slot and not mutual, refs, lang, reporting)
    return _dedupe(found)


def _not_an_act(occ: Occurrence, refs: Referents) -> bool:
    """Nouns that name rather than report an act: part of a name ("the NATO treaty", "Paris Agreement"), or the
    portfolio of a role ("the special envoy for Ukraine negotiations", "ministre chargé des négociations")."""
    if occ.pos != "NOUN":
        return False
    t = occ.head
    if t.i in refs.by_token:
        return True
    up = t.head.head if t.head.dep_ == "prep" else t.head
    return up.i != t.i and t.dep_ in ("pobj", "nmod", "compound") and refs.role_of(up) is not None


def _recipients(occ: Occurrence, refs: Referents, exclude: set[int], found: list[Found]) -> tuple[list[Party | None], bool]:
    """The recipient, one per member of a list ("blamed both Israel and the United States"), and whether the
    text named a recipient phrase at all (resolved or not)."""
    named_slot = False
    for head in recipient_heads(occ):
        if head.i in exclude:
            continue
        named_slot = True
        out: list[Party] = []
        for m in members(head, refs, exclude):
            p = refs.party(m)
            if p.entity is None:
                p = _act_referent(m, refs, found) or p
            if p.entity is not None and all(p.entity is not q.entity for q in out):
                out.append(p)
        if out:
            return out, True
    if occ.rule.type == "ASSAULT":
        for head in place_heads(occ):
            p = refs.party(head)
            if p.entity is not None and p.entity.type in ("GPE", "LOC") and p.country and head.i not in exclude:
                return [p], True
    return [None], named_slot


# Nouns that stand for an act already reported ("the move", "ces frappes", "the request") and nouns for the
# doers of one ("les auteurs de ces exactions"): the recipient is that act's actor.
_ACT_NOUNS = frozenset({"move", "decision", "operation", "action", "step", "measure", "attack", "offensive", "strike",
                        "request", "demand", "proposal", "incursion", "invasion", "raid", "campaign", "crackdown",
                        "décision", "opération", "action", "mesure", "attaque", "offensive", "frappe", "demande",
                        "proposition", "incursion", "invasion", "raid", "campagne", "répression", "exaction", "initiative",
                        "intervention", "annonce", "announcement", "bombardement", "bombing", "accusation", "allegation"})
_DOER_NOUNS = frozenset({"auteur", "responsable", "perpetrator", "author"})
_DEFINITE = frozenset({"le", "la", "les", "ce", "cet", "cette", "ces", "the", "this", "these", "that", "those", "such"})


def _act_referent(head: Token, refs: Referents, found: list[Found]) -> Party | None:
    """"condemned the operation", "a nié ces accusations": the act is one the text reported just before; what is
    acted on is its actor (for an accusation, its actor as well: who accused)."""
    noun = head
    if lemma_of(noun) in _DOER_NOUNS:
        noun = next((c for c in noun.children if c.dep_ in ("nmod", "prep")), None)
        if noun is not None and noun.dep_ == "prep":
            noun = next((g for g in noun.children if g.dep_ == "pobj"), None)
        if noun is None:
            return None
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and lemma_of(c) in _DEFINITE for c in noun.children):
        return None
    lemma = lemma_of(noun)
    earliest = noun.sent.start - 150
    for f in reversed(found):
        if f.actor is None or f.trigger.i >= noun.i or f.trigger.i < earliest:
            continue
        if lemma_of(f.trigger) == lemma or (lemma in _ACT_NOUNS and f.rule.type in _MATERIAL | {"ACCUSE", "REQUEST"}
                                            and _kind_of(lemma) in ("", f.rule.type)):
            a = f.actor
            return Party(refs.doc.text[head.idx:head.idx + len(head.text)], head.idx, head.idx + len(head.text), a.entity, a.agent)
    return None


_MATERIAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "AID", "RETREAT", "COOPERATE", "PROTEST"})
_NOUN_KIND = {"request": "REQUEST", "demand": "REQUEST", "demande": "REQUEST", "accusation": "ACCUSE",
              "allegation": "ACCUSE", "attack": "ASSAULT", "attaque": "ASSAULT", "strike": "ASSAULT", "frappe": "ASSAULT",
              "bombing": "ASSAULT", "bombardement": "ASSAULT", "raid": "ASSAULT", "offensive": "ASSAULT",
              "invasion": "ASSAULT", "incursion": "ASSAULT", "exaction": "ASSAULT", "crackdown": "COERCE",
              "répression": "COERCE"}


def _kind_of(lemma: str) -> str:
    return _NOUN_KIND.get(lemma, "")


def _between(found: list[Found], occ: Occurrence, refs: Referents, lang: str, reporting: frozenset[int]) -> None:
    """A meeting, call or agreement "between A and B" with no doer of its own: each side acts towards the other."""
    if occ.rule.type not in _MUTUAL_TYPES:
        return
    for slot in ("prep:between", "nmod:entre"):
        heads = [h for h in slot_heads(occ, slot)]
        if not heads:
            continue
        sides = [p for h in members(heads[0], refs) if (p := refs.party(h)).entity is not None]
        sides = [p for n, p in enumerate(sides) if all(p.entity is not q.entity for q in sides[:n])]
        if len(sides) < 2:
            continue
        for a in sides:
            for b in sides:
                if a is not b and not _same_party(a, b):
                    found.append(Found(occ, a, b, factuality(occ.head, lang, stop_at=reporting), 0.6))
        return


def _folded(occ: Occurrence, heads: set[int], named: frozenset[int]) -> bool:
    """Is the trigger inside the complement of another trigger of the same clause? ("promis de soutenir")"""
    t = occ.head
    if occ.support is not None:
        return False
    if occ.pos == "NOUN":
        if own_agent(t, occ.rule, named, frozenset(lexicon(t.doc.lang_).support)) is not None:
            return False
    node, steps = t, 0
    while node.head.i != node.i and steps < 4:
        if node.dep_ in _FOLD_DEPS or node.dep_.startswith("nsubj"):
            return False
        node = node.head
        steps += 1
        if node.i in heads:
            return True
    return False


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


def _same_party(a: Party, b: Party) -> bool:
    """One entity, or a state and a place that stands for it (Russia, Moscow): a resolution error, not an act."""
    if a.entity is b.entity:
        return True
    ea, eb = a.entity, b.entity
    if ea is None or eb is None or a.country is None or a.country != b.country:
        return False
    states = [e for e in (ea, eb) if e.type == "GPE" and (e.stands_for or (e.kb_id or "").startswith("wikidata:"))]
    return len(states) == 2


_VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})


def _keep(found: list[Found], occ: Occurrence, head: Token, actor: Party, rec: Party | None, named_slot: bool,
          refs: Referents, lang: str, reporting: frozenset[int]) -> None:
    """Add the event unless it fails the precision rules."""
    rule = occ.rule
    if rec is not None and _same_party(actor, rec):
        rec = None
    if rec is not None and rule.type in _VERBAL and not _is_party(rec):
        rec = None  # one speaks to, accuses or meets a party, not a town: "condamné le crime de Tombouctou"
    if rec is None and rule.slots and not _alone_ok(occ, named_slot):
        if rule.type == "ASSAULT" and class_of_object(occ, "weapon"):
            # "a tiré un missile balistique", "fired two missiles" with no target: a show of force (PLOVER MOBILIZE)
            occ = replace(occ, rule=replace(rule, type="MOBILIZE", mode="weapons", slots=()))
        elif not (rule.type in _CAPTIVE_TYPES and occ.pos == "VERB" and class_of_object(occ, "captive", common=True)):
            return  # "detained four people": the recipient is unnamed, the act is still coded
    if rec is None and actor.country is None and actor.entity.type == "PERSON":
        return  # a private person acting alone is not a political event
    fact = factuality(occ.head, lang, stop_at=reporting)
    found.append(Found(occ, actor, rec, fact, _confidence(occ, head, actor, rec, refs)))


_CAPTIVE_TYPES = frozenset({"COERCE", "ASSAULT", "RETREAT", "SANCTION"})


def _alone_ok(occ: Occurrence, named_slot: bool) -> bool:
    """May this event stand with no recipient? Only for the types PLOVER lets stand alone, and only when the text
    names no one we failed to resolve; a request or refusal must at least say what it asks or refuses, or be
    addressed to people ("urged locals to", "called for a ceasefire"), not be a bare cue after a quote."""
    rule = occ.rule
    if rule.type not in NO_RECIPIENT_NEEDED:
        return False
    if rule.type in ("REQUEST", "REJECT", "THREATEN"):
        if named_slot:
            return class_of_object(occ, "people", common=True) or class_of_object(occ, "captive", common=True)
        return has_complement(occ)
    return True


def _is_party(p: Party) -> bool:
    """Can this be spoken to, accused or met? A state, a capital standing for its government, an organisation, a
    person, a people; not a town or a region ("condamné le crime de Tombouctou")."""
    e = p.entity
    if e is None or e.type == "LOC":
        return False
    if e.type == "GPE":
        return bool(e.stands_for) or _kinds().get(e.kb_id or "") in ("country", "territory")
    return True


@cache
def _kinds() -> dict[str, str]:
    return {r.kb_id: r.kind for r in knowledge_base().records.values() if r.kb_id}


def _agentless(found: list[Found], occ: Occurrence, refs: Referents, lang: str, reporting: frozenset[int]) -> None:
    """"les quatre personnes détenues", "missiles which were shot down": the act stays, its doer unknown.
    Troops moved by no named actor ("225 militaires ont été déployés") belong to their own state."""
    fact = factuality(occ.head, lang, stop_at=reporting)
    if occ.rule.type == "MOBILIZE":
        theme = next((c for c in occ.head.children if c.dep_ in ("nsubj:pass", "nsubjpass")), None)
        owner = refs.party(theme) if theme is not None else None
        if owner is not None and owner.entity is not None and owner.country:
            found.append(Found(occ, owner, None, fact, 0.5))
        return
    if occ.rule.type not in _CAPTIVE_TYPES:
        return  # a verbal act needs its speaker to mean anything
    recs, _ = _recipients(occ, refs, set(), found)
    rec = recs[0]
    if rec is None:
        if class_of_object(occ, "captive", common=True):
            found.append(Found(occ, None, None, fact, 0.3))
        return
    if not rec.country:
        return
    found.append(Found(occ, None, rec, fact, 0.35))


def _confidence(occ: Occurrence, head: Token, actor: Party, recipient: Party | None, refs: Referents) -> float:
    """How sure the coding is, from what it rests on: a named actor in subject position, a recipient in
    the slot the lexicon expects, a verb rather than a noun, a reviewed row rather than a CAMEO default."""
    c = 0.55
    if head.i in refs.by_token or any(x.i in refs.by_token for x in refs.phrase(head)):
        c += 0.15
    if head.pos_ == "PRON" or refs.role_of(head):
        c -= 0.1
    if recipient is not None:
        c += 0.15
    if occ.pos == "VERB":
        c += 0.1
    if head.dep_ in ("nsubj", "obl:agent", "agent"):
        c += 0.05
    if occ.rule.source.startswith("cameo") and occ.rule.slots == ("*",):
        c -= 0.1
    return round(max(0.05, min(0.99, c)), 2)


def _dedupe(found: list[Found]) -> list[Found]:
    """One event per (trigger, actor, recipient): a phrase that reached the same entity twice counts once."""
    seen, out = set(), []
    for f in found:
        key = (f.trigger.i, id(f.actor.entity) if f.actor else None, id(f.recipient.entity) if f.recipient else None)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
