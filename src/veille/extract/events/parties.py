"""Judgements on the parties of an event: who a spokesperson acts for, when two parties are one, what can be
spoken to or accused."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from weakref import WeakKeyDictionary

from spacy.tokens import Token

from veille.extract.events.arguments import is_state_force
from veille.extract.referents import Party, Referents
from veille.extract.roles import body_of_title
from veille.model import Entity
from veille.kb import knowledge_base


def speaker_at(voices: Sequence[tuple[int, int, Party]], idx: int) -> Party | None:
    """The named speaker of the claim whose content holds character ``idx`` (``voices``: content span, speaker)."""
    return next((p for s, e, p in voices if s <= idx < e and p.entity is not None), None)


def acting_for(actor: Party, head: Token, refs: Referents,
               classes: Mapping[str, frozenset[str]] | None = None) -> Party:
    """A spokesperson acts for what they speak for: "Ahmed al-Assadi, a spokesman for the PMF, blamed …" is the
    PMF's act (PLOVER codes the organisation). The party keeps its words; its entity becomes the organisation.
    A state's agents with nothing named in their phrase (``forces``: "les policiers ont interpellé", "abattu par
    les soldats", "police officers arrested") act for the article's state (``home_state``)."""
    if actor.entity is None and classes is not None and is_state_force(head, classes):
        state = home_state(refs)
        return actor if state is None else Party(actor.text, actor.start, actor.end, state, actor.agent or state.agent)
    if actor.entity is None or actor.entity.type != "PERSON":
        return actor
    for appos in (c for c in head.children if c.dep_ == "appos"):
        role = refs.role_of(appos)
        if role is not None and role.get("kind") == "spokesperson":
            org = next((refs.by_token[t.i] for t in refs.phrase(appos) if t.i in refs.by_token
                        and refs.by_token[t.i].type in ("ORG", "GPE") and t.i != appos.i), None)
            if org is not None:
                return Party(actor.text, actor.start, actor.end, org, actor.agent or org.agent)
    if not in_base(actor.entity):
        # "ABS-CBN CEO Carlo Katigbak … Katigbak apologized": a person known only by heading a body acts for it
        body = body_of_title(head.doc, actor.entity, refs.by_token)
        if body is not None:
            return Party(actor.text, actor.start, actor.end, body, actor.agent or body.agent)
    return actor


def home_state(refs: Referents) -> Entity | None:
    """The state the article happens in, for its unnamed police and soldiers: the country its places belong to
    (a town counts for its state, a demonym does not: "un homme d'origine chinoise" in Paris), twice at least and
    half as often again as the next, provided the text names that state itself. Neither the one state a sentence
    names nor the state named most often will do: a Paris story names Canada's prime minister, a street
    ("rue Lincoln") may be read as a town abroad."""
    if refs in _HOMES:
        return _HOMES[refs]
    counts: dict[str, int] = {}
    states: dict[str, Entity] = {}
    for e in {id(e): e for e in refs.by_token.values()}.values():
        if e.type != "GPE" or not e.country:
            continue  # capitals ("Paris", "Kaboul") count too: a town of its state like any other
        mentions = [m for m in e.mentions if m.text[:1].isupper()]  # "chinoise", "russes": demonyms are lower case
        counts[e.country] = counts.get(e.country, 0) + len(mentions)
        if kind_of(e) == "country":
            states[e.country] = e
    ranked = sorted(counts.items(), key=lambda x: -x[1])
    clear = bool(ranked) and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1])
    _HOMES[refs] = states.get(ranked[0][0]) if clear else None
    return _HOMES[refs]


_HOMES: WeakKeyDictionary[Referents, Entity | None] = WeakKeyDictionary()  # one reckoning per document


def same_party(a: Party, b: Party) -> bool:
    """One entity, or a state and a place that stands for it (Russia, Moscow): a resolution error, not an act.
    Two parties of one country are not one (civil wars, coups, repression)."""
    if a.entity is b.entity:
        return True
    ea, eb = a.entity, b.entity
    if ea is None or eb is None or a.country is None or a.country != b.country:
        return False
    return all(e.type == "GPE" and (e.stands_for or kind_of(e) in ("country", "territory"))
               for e in (ea, eb))


def is_party(p: Party) -> bool:
    """Can this be spoken to, accused or met? A state, a capital standing for its government, an organisation, a
    person, a people; not a town or a region ("condamné le crime de Tombouctou")."""
    e = p.entity
    if e is None or e.type == "LOC":
        return False
    if e.type == "GPE":
        return bool(e.stands_for) or kind_of(e) in ("country", "territory")
    return True


def kind_of(e: Entity) -> str | None:
    """The base's kind of a place ("country", "territory", "city" …), None for an entity it does not hold."""
    return _kinds().get(e.kb_id or "")


def in_base(e: Entity) -> bool:
    """Does the knowledge base hold this entity (a record with or without a Wikidata id), rather than NER alone?"""
    return e.kb_id is not None or e.canonical in _canonicals()


@cache
def _canonicals() -> frozenset[str]:
    return frozenset(r.canonical for r in knowledge_base().records.values())


@cache
def _kinds() -> dict[str, str]:
    return {r.kb_id: r.kind for r in knowledge_base().records.values() if r.kb_id}
