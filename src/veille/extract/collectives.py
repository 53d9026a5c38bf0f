"""Collective nouns that stand for one known group: in a story set in Syria, "les rebelles", "the rebels",
"les insurgés", "les forces rebelles" are the Syrian opposition the base knows as "rebelles syriens" / "Syrian
rebels". No NER finds them (they are common nouns) and no antecedent names them (a wire story rarely spells
out "l'opposition syrienne"), yet analysts code them as that group.

The rule is data, not a list of countries: a rebel noun of ``role_nouns.tsv`` (agent REB) stands for the
base's record named "<noun> <demonym>" ("rebelles syriens", "Syrian rebels") of the article's own state, when
the base holds such a name and nothing in the noun's phrase names another party ("les rebelles kurdes",
"les rebelles du M23" stay theirs)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc, Token

from veille.kb import KB, Record
from veille.lexicons import table
from veille.model import Entity, Span


def collective_record(kb: KB, home: str | None, lang: str, noun: str) -> Record | None:
    """The base's group named by ``noun`` with a demonym of the state ``home`` ("rebelles syriens")."""
    state = kb.resolve(home) if home else None
    if state is None:
        return None
    for dem in state.demonyms.get(lang, ()):
        for name in (f"{noun} {dem}", f"{dem} {noun}"):
            r = kb.lookup(name)
            if r is not None and r.agent == "REB" and r.country == home:
                return r
    return None


def collective_mentions(doc: Doc, kb: KB, home: str | None, taken: frozenset[int]) -> Iterable[tuple[Record, Span]]:
    """(record, mention) for each bare rebel noun of ``doc`` that stands for its state's known rebels; ``taken``
    holds the tokens already in an entity's mention."""
    if home is None:
        return
    nouns = _rebel_nouns(doc.lang_)
    found: dict[str, Record | None] = {}
    for t in doc:
        word = t.lower_
        if word not in nouns or t.i in taken or _named_nearby(t, taken):
            continue
        if word not in found:
            found[word] = collective_record(kb, home, doc.lang_, word)
        record = found[word]
        if record is not None:
            yield record, Span(t.text, t.idx, t.idx + len(t))


@cache
def _rebel_nouns(lang: str) -> frozenset[str]:
    """The group nouns of ``role_nouns.tsv`` whose agent is REB ("rebelles", "insurgés", "rebels")."""
    return frozenset(row["noun"].lower() for row in table(lang, "role_nouns")
                     if row.get("agent") == "REB" and row.get("kind") == "group")


def _named_nearby(t: Token, taken: frozenset[int]) -> bool:
    """Does the noun's phrase (or, for "forces rebelles", its head's) name a party of its own?"""
    heads = [t, t.head] if t.dep_ == "amod" else [t]
    return any(c.i in taken for h in heads for c in h.subtree if c.i != t.i and abs(c.i - t.i) <= 6)


def add_collectives(doc: Doc, kb: KB, home: str | None, entities: dict[str, Entity], taken: frozenset[int]) -> None:
    """Add the collective mentions to ``entities`` (keyed ``kb:ID`` as the linked ones)."""
    for record, span in collective_mentions(doc, kb, home, taken):
        key = f"kb:{record.id}"
        if key not in entities:
            entities[key] = Entity(record.canonical, record.type, record.country, record.kb_id, [], record.agent,
                                   record.stands_for, country_from="kb" if record.country else None)
        entities[key].mentions.append(span)
