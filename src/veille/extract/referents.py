"""Who a phrase stands for: the entity behind an argument of a verb, a pronoun, a role noun.

No coreference model runs offline (OFFLINE.md), so events and claims resolve their parties here with
rules over the parse and the entities already found:
- a noun phrase stands for the most specific entity in it: a named person or organisation before a
  state, a state named before one only given by a demonym ("le dirigeant nord-coréen Kim Jong Un" →
  Kim Jong Un; "les forces russes" → Russia, agent MIL);
- a personal pronoun stands for the latest subject before it that fits it (person for il/he/she,
  any party for ils/they);
- a role noun with nothing named in its phrase ("un porte-parole du département") stands for the
  latest organisation of the same kind named before it (the ministry);
- a definite noun with nothing named ("les missiles") borrows the country of the same noun met just
  before ("des missiles iraniens").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from veille.lexicons import table
from veille.model import Entity
from veille.nlp.index import text_of

# Dependencies that open a clause of their own: a phrase never reaches into them.
CLAUSAL = frozenset({"acl", "acl:relcl", "relcl", "ccomp", "advcl", "parataxis", "xcomp", "csubj", "conj", "cc"})
_PERSONAL = {"fr": {"il", "elle", "ils", "elles", "lui", "leur", "eux"}, "en": {"he", "she", "they", "him", "her", "them"}}
_PLURAL = {"ils", "elles", "eux", "leur", "they", "them"}
_TYPE_RANK = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "LOC": 4, "EVENT": 5, "MISC": 6}


@dataclass(slots=True)
class Party:
    """An actor, a recipient or a speaker: the words, the entity they stand for, the agent."""

    text: str
    start: int
    end: int
    entity: Entity | None
    agent: str | None = None

    @property
    def country(self) -> str | None:
        if self.entity is None:
            return None
        return self.entity.country or self.entity.stands_for

    def as_dict(self) -> dict[str, object]:
        e = self.entity
        return {"text": self.text, "entity": e.id if e else None, "canonical": e.canonical if e else None,
                "country": self.country, "agent": self.agent}


@cache
def _roles(lang: str) -> dict[str, dict[str, str]]:
    return {row["noun"].lower(): row for row in table(lang, "role_nouns")}


class Referents:
    def __init__(self, doc: Doc, entities: list[Entity], lang: str, *, agents: dict[int, str] | None = None) -> None:
        self.doc = doc
        self.lang = lang
        self.agents = agents or {}  # token -> agent of an institutional description ("forces russes": MIL)
        self.by_token: dict[int, Entity] = {}
        self.demonym_tokens: set[int] = set()
        for e in entities:
            for m in e.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    self.by_token[t.i] = e
                if e.type == "GPE" and span.root.pos_ == "ADJ":
                    self.demonym_tokens.update(t.i for t in span)
        self.roles = _roles(lang)

    # ------------------------------------------------------------------ phrases
    def phrase(self, head: Token) -> list[Token]:
        """The noun phrase of ``head``: its subtree without the clauses hanging from it."""
        out = [head]
        stack = [c for c in head.children if c.dep_ not in CLAUSAL and not c.is_space]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(c for c in t.children if c.dep_ not in CLAUSAL and not c.is_space)
        return sorted(out, key=lambda t: t.i)

    def entity_in(self, head: Token) -> Entity | None:
        """The most specific entity named in ``head``'s phrase, or None."""
        if head.i in self.by_token:
            return self.by_token[head.i]
        best: tuple[tuple[int, int, int], Entity] | None = None
        for t in self.phrase(head):
            e = self.by_token.get(t.i)
            if e is None:
                continue
            posted = _posted(t, head)  # "the Libyan ambassador to Greece" stands for Libya
            rank = (2 if posted else 1 if t.i in self.demonym_tokens else 0, _TYPE_RANK.get(e.type, 9), _depth(t, head))
            if best is None or rank < best[0]:
                best = (rank, e)
        if best is None:
            # "la coalition menée par les États-Unis", "forces led by Turkey": the leader stands for it
            for c in head.children:
                if c.dep_ in ("acl", "acl:relcl") and c.lemma_.lower() in ("mener", "diriger", "conduire", "lead"):
                    agent = next((g for g in c.children if g.dep_ in ("obl:agent", "agent")), None)
                    if agent is not None:
                        agent = next((g for g in agent.children if g.dep_ == "pobj"), agent)
                        return self.entity_in(agent)
        return best[1] if best else None

    def role_of(self, head: Token) -> dict[str, str] | None:
        return self.roles.get(head.lemma_.lower()) or self.roles.get(head.lower_)

    def party(self, head: Token) -> Party:
        """What ``head`` (the head of an argument) stands for."""
        tokens = self.phrase(head)
        text_start, text_end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        role = self.role_of(head)
        entity = None
        if head.lower_ in _PERSONAL.get(self.lang, ()) or (head.pos_ == "PRON" and head.lower_.lstrip("-") in _PERSONAL.get(self.lang, ())):
            entity = self.antecedent(head)
        if entity is None:
            entity = self.entity_in(head)
        if entity is None and role is not None:
            entity = self.role_antecedent(head, role)
        if entity is None and head.pos_ == "NOUN":
            entity = self.bridge(head)
        agent = self.agents.get(head.i) or (role.get("agent") if role else None)
        if agent is None and entity is not None:
            agent = entity.agent
        return Party(text_of(self.doc)[text_start:text_end], text_start, text_end, entity, agent)

    # ------------------------------------------------------------------ anaphora
    def antecedent(self, pron: Token) -> Entity | None:
        """The latest subject before ``pron`` (three sentences back at most) that a pronoun can stand for."""
        plural = pron.lower_.lstrip("-") in _PLURAL
        first_sentence = max(0, pron.sent.start - 400)
        for t in reversed(self.doc[first_sentence:pron.i]):
            if not t.dep_.startswith("nsubj") or t.pos_ == "PRON":
                continue
            e = self.entity_in(t)
            if e is None:
                role = self.role_of(t)
                e = self.role_antecedent(t, role) if role else None
            if e is None:
                continue
            if plural or e.type in ("PERSON", "ORG", "GPE"):
                if not plural and e.type != "PERSON" and self._person_before(pron, t):
                    continue
                return e
        return None

    def _person_before(self, pron: Token, subject: Token) -> bool:
        """Is there a person subject between ``subject`` and ``pron``? ("il" prefers people.)"""
        return pron.lower_ in ("il", "he", "she") and any(
            self.by_token.get(t.i) is not None and self.by_token[t.i].type == "PERSON"
            for t in self.doc[subject.i:pron.i] if t.dep_.startswith("nsubj"))

    def role_antecedent(self, head: Token, role: dict[str, str] | None) -> Entity | None:
        """"le département", "un porte-parole du ministère": the latest organisation of that kind before."""
        inner = [t for t in self.phrase(head) if t.i != head.i and self.role_of(t)]
        for t in reversed(self.doc[max(0, head.i - 300):head.i]):
            e = self.by_token.get(t.i)
            if e is None or e.type not in ("ORG",):
                continue
            if e.agent in ("GOV", "MIL", "LEG", "JUD", "IGO", "MED") or inner:
                return e
        return None

    def bridge(self, head: Token) -> Entity | None:
        """A definite noun ("les missiles") takes the country given to the same noun just before."""
        if not any(c.dep_ == "det" and c.lemma_.lower() in ("le", "la", "les", "the", "ce", "this", "these") for c in head.children):
            return None
        lemma = head.lemma_.lower()
        for t in reversed(self.doc[max(0, head.sent.start - 120):head.i]):
            if t.lemma_.lower() == lemma and t.i != head.i:
                for c in t.children:
                    if c.i in self.demonym_tokens:
                        return self.by_token[c.i]
        return None


_POSTING = frozenset({"to", "in", "at", "à", "au", "aux", "en", "auprès", "dans"})


def _posted(t: Token, head: Token) -> bool:
    """Is ``t`` reached from ``head`` through a preposition of place ("ambassador to Greece")?"""
    node, steps = t, 0
    while node.i != head.i and steps < 6:
        if any(c.dep_ in ("case", "prep") and c.lower_ in _POSTING for c in node.children) or (
                node.dep_ == "pobj" and node.head.lower_ in _POSTING):
            return True
        node = node.head
        steps += 1
    return False


def _depth(t: Token, head: Token) -> int:
    d = 0
    while t.i != head.i and d < 20:
        t = t.head
        d += 1
    return d
