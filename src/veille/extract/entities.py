"""Entities: NER spans and knowledge-base matches merged, linked, and gathered into one entity per thing.

Order of work, each step cheap next to the parse:
1. candidates: spaCy NER spans (leading determiners cut) and gazetteer hits (names and demonyms);
2. selection: longest first, a KB hit winning a tie; a longer unlinked NER span only beats the KB hits
   inside it when it has a capitalised word of its own ("Conseil de sécurité de l'ONU" beats "ONU",
   "Royaume-Uni critique Poutine" does not beat "Royaume-Uni" and "Poutine");
3. linking by normalised name; a lone surname joins the full name met in the same text ("Kirby" →
   "John Kirby"), or a person of the base whose surname is unique;
4. one entity per KB record (a demonym is a mention of its country), per surname group for people,
   per normal form otherwise;
5. a country for what the base does not know, read from the text (``roles.py``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from spacy.tokens import Doc, Span as SpacySpan, Token

from veille.extract.collectives import add_collectives
from veille.extract.dateline import find_datelines, token_span
from veille.nlp.index import text_of
from veille.extract.gazetteer import STATE_BODY_KINDS, Hit, gazetteer_for
from veille.extract.roles import country_from_context, state_after
from veille.kb import KB, Record, surname_of
from veille.kb.gender import is_first_name
from veille.lexicons import role_words, words
from veille.model import Entity, Span
from veille.nlp.pipeline import load
from veille.normalize import name_key

# spaCy NER labels (French WikiNER and English OntoNotes schemes) to contract types; absent labels are dropped.
NER_TYPES = {
    "PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "GPE", "GPE": "GPE", "MISC": "MISC",
    "NORP": "NORP", "FAC": "LOC", "EVENT": "EVENT", "LAW": "MISC", "WORK_OF_ART": "MISC", "PRODUCT": "MISC",
}


@dataclass(slots=True, eq=False)
class Candidate:
    """A span that may name an entity. Compared and hashed by identity: each is one place in the text."""

    start: int  # token indices
    end: int
    label: str  # contract type
    record: Record | None = None
    demonym: bool = False
    from_kb: bool = False


def find_entities(doc: Doc, kb: KB, *, exclude: Sequence[tuple[int, int]] = ()) -> tuple[list[Entity], dict[int, str]]:
    """All entities of ``doc``, and the agent (MIL, GOV…) of the institutional descriptions by token
    ("les forces russes" → MIL). ``exclude`` holds character spans (dates) no entity may overlap."""
    hits = gazetteer_for(load(doc.lang_), kb)(doc)
    # a description (les troupes américaines) is no entity of its own: the demonym inside is the mention
    candidates = [_from_hit(h) for h in hits if not h.descriptive] + _from_ner(doc)
    candidates = _with_datelines(doc, kb, candidates)
    chosen = _select(doc, candidates, exclude)
    for c in chosen:
        if c.record is None and c.label != "MISC":
            c.record = kb.lookup(doc[c.start:c.end].text)
            if c.record is not None and not _type_compatible(c.label, c.record):
                c.record = None
    geo = {i: h.record for h in hits for i in range(h.start, h.end) if (h.record.stands_for or h.record.country)}
    for c in chosen:
        if c.record is not None and c.record.kind in STATE_BODY_KINDS:
            owner = state_after(doc, c.end, geo)
            if owner is not None and owner.country != c.record.country:
                c.record = None  # "le Sénat du Burundi" is no French Senate, "the Ministry of Defence of Ukraine" no British one
    agents = {i: h.record.agent for h in hits if h.descriptive and h.record.agent for i in range(h.start, h.end)}
    return _gather(doc, chosen, kb, geo), agents


def _with_datelines(doc: Doc, kb: KB, candidates: list[Candidate]) -> list[Candidate]:
    """A wire dateline is a place and an agency, whatever NER made of its capitals ("JERUSALEM (AP) —")."""
    text = text_of(doc)
    lines = find_datelines(text)
    if not lines:
        return candidates
    spans = [s for d in lines if (s := token_span(doc, d.span)) is not None]
    kept = [c for c in candidates if not any(c.start < e and s < c.end for s, e in spans)]
    for d in lines:
        for chars, label in ((d.place, "GPE"), (d.region, "GPE"), (d.agency, "ORG")):
            span = token_span(doc, chars) if chars else None
            if span is None:
                continue
            assert chars is not None  # span is None without it
            name = text[chars[0]:chars[1]]
            record = kb.lookup(name) or kb.lookup(name.title())
            if record is not None and not _type_compatible(label, record):
                record = None
            kept.append(Candidate(span[0], span[1], label, record, False, record is not None))
    return kept


def _from_hit(h: Hit) -> Candidate:
    label = h.record.type if not h.demonym else "GPE"
    return Candidate(h.start, h.end, label, h.record, h.demonym, True)


def _from_ner(doc: Doc) -> list[Candidate]:
    roles = role_words(doc.lang_)
    out = []
    for ent in doc.ents:
        label = NER_TYPES.get(ent.label_)
        if label is None:
            continue
        trimmed = _trim(doc, ent.start, ent.end, label, roles)
        if trimmed is None:
            continue
        start, end, label = trimmed
        span = doc[start:end]
        if not any(t.text[:1].isupper() for t in span) or (len(span.text) < 3 and not span.text.isupper()):
            continue
        out.append(Candidate(start, end, label))
    return out


def _trim(doc: Doc, start: int, end: int, label: str, roles: frozenset[str]) -> tuple[int, int, str] | None:
    """A NER span without its determiners, role words and punctuation (None when only a role is left)."""
    while start < end and _article(doc[start]):
        start += 1
    titled = start
    while start < end and (doc[start].lower_ in roles or doc[start].text == "-"
                           or all(p in roles for p in doc[start].lower_.split("-"))):
        start += 1  # "Premier Ministre Beata Szydło" names Beata Szydło
    if start > titled:
        if start < end and (doc[start].pos_ in ("ADP", "DET") or not doc[start].text[:1].isupper()):
            return None  # "Premier ministre de Pologne" is a role: the KB finds Poland inside it
        label = "PERSON" if label in ("PERSON", "MISC") else label
    if label in ("GPE", "LOC") and not doc[start].text[:1].isupper():
        while start < end and not doc[start].text[:1].isupper():
            start += 1  # "ville de Deir ez-Zor", "aéroport de Deir ez-Zor": the place is the name
    end = _name_end(doc, start, end)
    return (start, end, label) if end > start else None


def _name_end(doc: Doc, start: int, end: int) -> int:
    """Where a name stops: before an unclosed bracket ("Movement for Democratic Change (MDC"), trailing
    punctuation and a possessive ("Ian Smith's" names Ian Smith)."""
    opened = next((t.i for t in doc[start:end] if t.text in ("(", "[")), None)
    if opened is not None and not any(t.text in (")", "]") for t in doc[opened:end]):
        end = opened
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS"):
        end -= 1
    return end


def _select(doc: Doc, candidates: list[Candidate], exclude) -> list[Candidate]:
    # the excluded spans by start, with the furthest end reached among the first k: a span overlaps one of
    # them iff one starting before its end ends after its start (one bisection, not a scan per candidate)
    spans = sorted(exclude)
    starts = [xs for xs, _ in spans]
    reach = list(accumulate((xe for _, xe in spans), max))

    def overlaps_excluded(c: Candidate) -> bool:
        s, e = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])
        k = bisect_left(starts, e)
        return k > 0 and reach[k - 1] > s

    # the knowledge-base candidates inside each other candidate, in list order: looked up by start token, not
    # by a scan of every candidate per candidate (quadratic on a long article)
    order = {k: n for n, k in enumerate(candidates)}
    kb_by_start: dict[int, list[Candidate]] = {}
    for k in candidates:
        if k.from_kb:
            kb_by_start.setdefault(k.start, []).append(k)
    kb_inside = {c: sorted((k for st in range(c.start, c.end) for k in kb_by_start.get(st, ())
                            if k.end <= c.end and k is not c), key=lambda k: order[k])
                 for c in candidates if not c.from_kb}
    taken = [False] * len(doc)
    chosen = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), not c.from_kb, c.start)):
        if any(taken[c.start:c.end]) or overlaps_excluded(c):
            continue
        if not c.from_kb and kb_inside.get(c) and not _has_own_capital(doc, c, kb_inside[c]):
            continue
        for i in range(c.start, c.end):
            taken[i] = True
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)




def _has_own_capital(doc: Doc, c: Candidate, inner: list[Candidate]) -> bool:
    """Does the NER span name something beyond the KB names inside it ("Conseil de sécurité de l'ONU")?"""
    covered = {i for k in inner for i in range(k.start, k.end)}
    return any(doc[i].text[:1].isupper() and i not in covered
               and not _article(doc[i]) and doc[i].lower_ not in words("capitalised_common")
               for i in range(c.start, c.end))


def _article(t: Token) -> bool:
    """An article of either language (a French text quotes "The Guardian"), ’ read as '."""
    return t.lower_.replace("\u2019", "'") in _articles()


@cache
def _articles() -> frozenset[str]:
    return words("definite_article") | words("indefinite_article") | words("partitive_article")


def _type_compatible(label: str, record: Record) -> bool:
    if label == "PERSON":
        return record.type == "PERSON"
    return record.type != "PERSON"


def _gather(doc: Doc, chosen: list[Candidate], kb: KB, geo: dict[int, Record]) -> list[Entity]:
    groups = _Groups(doc, chosen)
    surnames = groups.add_linked(chosen)
    groups.add_unlinked([c for c in chosen if c.record is None], kb, surnames)
    _merge_acronyms(doc, chosen, groups.spans, groups.entities)
    taken = groups.name_unlinked(doc, kb, geo)
    add_collectives(doc, kb, _home_state(groups.entities.values()), groups.entities, taken)  # "les rebelles"
    entities = sorted(groups.entities.values(), key=lambda e: min(m.start for m in e.mentions))
    for i, e in enumerate(entities, 1):
        e.id = f"e{i}"
    return entities


class _Groups:
    """The mentions of one thing gathered under one key: ``kb:ID`` for a record of the base, ``name:KEY`` for a
    name it does not know (its type is the labels NER gave its mentions)."""

    def __init__(self, doc: Doc, chosen: list[Candidate]) -> None:
        self.spans = {c: _char_span(doc, c) for c in chosen}
        self.entities: dict[str, Entity] = {}
        self.labels: dict[str, list[str]] = {}

    def add(self, key: str, c: Candidate, make: Callable[[], Entity]) -> None:
        if key not in self.entities:
            self.entities[key] = make()
        self.entities[key].mentions.append(self.spans[c])
        self.labels.setdefault(key, []).append(c.label)

    def add_record(self, c: Candidate, r: Record) -> None:
        self.add(f"kb:{r.id}", c, lambda: Entity(r.canonical, r.type, r.country, r.kb_id, [], r.agent, r.stands_for,
                                                 country_from="kb" if r.country else None))

    def add_linked(self, chosen: list[Candidate]) -> dict[str, Record]:
        """The mentions the base links; returns the surnames of its people named in full in this text."""
        surnames: dict[str, Record] = {}
        for c in chosen:
            if c.record is not None:
                self.add_record(c, c.record)
                if c.record.type == "PERSON":
                    names = (name_key(n).split() for n in c.record.all_names())
                    surnames.update((surname_of(w), c.record) for w in names if w)
        return surnames

    def add_unlinked(self, unlinked: list[Candidate], kb: KB, surnames: dict[str, Record]) -> None:
        """Unlinked mentions gather under the longest name they begin or, for people, end: "Mahan" under
        "Mahan Air", "Dunn" under "Harry Dunn", whatever label NER gave each mention."""
        keys = {c: name_key(self.spans[c].text) for c in unlinked}
        # a person's key: NER said PERSON, or the name opens with a common first name ("Morgan Tsvangirai" as ORG)
        people = {keys[c] for c in unlinked if c.label == "PERSON" or (
            " " in keys[c] and c.label in ("ORG", "MISC") and is_first_name(keys[c].split()[0])
            and all(w[:1].isupper() for w in self.spans[c].text.split()))}  # not "Journey to Mars"
        resolve = _longest_name(set(keys.values()), people)
        linked_names = {name_key(m.text): k for k, e in self.entities.items() for m in e.mentions}
        for c in unlinked:
            if keys[c] in linked_names:  # "YPG" again, where NER gave it another label
                self.entities[linked_names[keys[c]]].mentions.append(self.spans[c])
                continue
            key = resolve(keys[c])
            person = _person_named(key, c.label, kb, surnames)
            if person is not None:
                self.add_record(c, person)
                continue
            self.add(f"name:{key}", c, lambda: Entity("", "", None, None, []))

    def name_unlinked(self, doc: Doc, kb: KB, geo: dict[int, Record]) -> frozenset[int]:
        """An unlinked entity's name (its longest mention), type, and country: a city's, else the text's (a bare
        state office is held in the state the article is about). Returns the tokens of every entity's mentions."""
        home = _home_state(self.entities.values())
        tokens_of = {id(e): frozenset(t.i for m in e.mentions if (sp := doc.char_span(m.start, m.end, alignment_mode="expand"))
                                      is not None for t in sp) for e in self.entities.values()}
        everyone = frozenset().union(*tokens_of.values()) if tokens_of else frozenset()
        for key, e in self.entities.items():
            if not key.startswith("name:"):
                continue
            e.canonical = max((m.text for m in e.mentions), key=len)
            found = self.labels[key]
            e.type = "PERSON" if "PERSON" in found else max(sorted(set(found)), key=found.count)
            city = kb.city(e.canonical) if e.type in ("GPE", "LOC") else None
            region = kb.region(e.canonical) if e.type in ("GPE", "LOC") and city is None else None
            if city is not None:
                e.canonical, e.type, e.country, e.kb_id = city.name, "GPE", city.country, f"geonames:{city.geonameid}"
                e.country_from = "geonames"
            elif region is not None:  # "Feyzin (Rhône)": a département, a province, a canton, a state of the US
                e.canonical, e.type, e.country, e.kb_id = region.name, "GPE", region.country, region.kb_id
                e.country_from = "kb"
            else:
                e.country, e.roles = country_from_context(doc, e, geo, home, everyone - tokens_of[id(e)])
                e.country_from = "text" if e.country else None
        return everyone


def _home_state(entities: Iterable[Entity]) -> str | None:
    """The state the article is about: the state its places of the knowledge base name most often (a capital or a
    city counts for its state), twice at least and half as often again as the next."""
    counts: dict[str, int] = {}
    for e in entities:
        if e.type == "GPE" and e.country and e.kb_id:
            counts[e.country] = counts.get(e.country, 0) + len(e.mentions)
    ranked = sorted(counts.items(), key=lambda x: -x[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]):
        return None
    return ranked[0][0]


def _longest_name(keys: set[str], person_keys: set[str]) -> Callable[[str], str]:
    longest_first = sorted(keys, key=lambda k: (-len(k.split()), k))

    def resolve(k: str) -> str:
        words = k.split()
        for long in longest_first:
            lw = long.split()
            if len(lw) <= len(words):
                break
            if lw[: len(words)] == words or (long in person_keys and lw[-len(words):] == words):
                return long
            if len(words) == 2 and k in person_keys and long in person_keys and (lw[0], lw[-1]) == (words[0], words[1]):
                return long  # "Robert Mugabe" is "Robert Gabriel Mugabe"
        return k

    return resolve


def _person_named(key: str, label: str, kb: KB, surnames: dict[str, Record]) -> Record | None:
    """The base's person an unlinked name stands for: "Sayyid Ali Hosseini Khamenei" is the base's "Ali Khamenei";
    a lone surname is the person named in full in this text, else a person of the base with that surname."""
    words = key.split()
    if len(words) > 1 and label == "PERSON" and (person := kb.surnames.get(words[-1])) is not None and any(
            name_key(n).split()[0] in words[:-1] for n in person.all_names() if " " in n):
        return person
    if len(words) == 1 and label in ("PERSON", "ORG", "GPE", "MISC"):
        # a lone word that is a common first name ("Jonathan, a farmer, said") is a person the base may not know: it
        # stands for the base's person of that surname ("Goodluck Jonathan") only when the text names them in full
        return surnames.get(words[0]) or (kb.surnames.get(words[0]) if label == "PERSON" and not is_first_name(words[0])
                                          else None)
    return None


def _merge_acronyms(doc: Doc, chosen: list[Candidate], spans: dict[Candidate, Span], groups: dict[str, Entity]) -> None:
    """"Popular Mobilization Forces (PMF)", "Parti socialiste (PASOK)": the acronym in brackets after a name is
    that name; its bare mentions elsewhere join the same entity."""
    by_end = {c.end: c for c in chosen}
    for c in chosen:
        text = spans[c].text
        if not (text.isupper() and 2 <= len(text) <= 8 and c.start >= 2 and c.end < len(doc)):
            continue
        if doc[c.start - 1].text != "(" or doc[c.end].text != ")" or (long := by_end.get(c.start - 1)) is None:
            continue
        initials = [w[0] for w in name_key(spans[long].text).split()]
        if text[0].lower() not in initials or sum(ch.lower() in initials for ch in text) * 2 < len(text):
            continue  # "Damas (SANA)" is a source, not a name: the letters must be the name's initials
        owner = next((e for e in groups.values() if spans[long] in e.mentions), None)
        for key, acronym in list(groups.items()):
            if owner is None or acronym is owner:
                continue
            # the text's own definition beats the base's reading of the letters ("Rapid Support Forces (RSF)" is
            # not Reporters sans frontières): every bare mention of the acronym moves to the owner
            moved = [m for m in acronym.mentions if m.text == text]
            if not moved:
                continue
            owner.mentions.extend(moved)
            acronym.mentions = [m for m in acronym.mentions if m.text != text]
            if not acronym.mentions:
                del groups[key]


def _char_span(doc: Doc, c: Candidate) -> Span:
    span: SpacySpan = doc[c.start:c.end]
    return Span(span.text, span.start_char, span.end_char)
