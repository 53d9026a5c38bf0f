"""What the text says about an entity the base does not know: its country, and the roles it is given.

"le porte-parole de la Maison Blanche, John Kirby", "le dirigeant nord-coréen Kim Jong Un",
"German Chancellor Angela Merkel's spokesperson, Steffen Seibert": the title before a name and the
apposition beside it carry a country (a state, a demonym, a seat of power, a ministry). We read them
from the dependency parse and a short window, never from the whole sentence, so "La Russie a dit que
Smith" does not make Smith Russian.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import cast

from spacy.tokens import Doc, Span as SpacySpan, Token

from veille.kb import Record
from veille.lexicons import table, words
from veille.model import Entity

_STOP_POS = frozenset({"VERB", "AUX", "PRON", "SCONJ", "CCONJ", "NUM"})
_WINDOW = 8


def country_from_context(doc: Doc, entity: Entity, geo: dict[int, Record], home: str | None = None,
                         named: frozenset[int] = frozenset()) -> tuple[str | None, list[str]]:
    """The country the title or apposition of ``entity`` names, and its roles. ``home`` is the state the article is
    about: a person given a bare state office ("le Président Pierre Nkurunziza", "Gérard Collomb, Ministre de
    l'Intérieur", "Solicitor General Jose Calida") with no state or body named in it holds it there, as a reader
    takes it. ``named`` are the tokens of the other entities' mentions: an office of a body named in its phrase
    ("président de la Commission européenne") is that body's."""
    country: str | None = None
    roles: list[str] = []
    office = False
    if entity.type in ("GPE", "LOC", "NORP") and not _state_body(doc, entity):
        return country, roles  # "Victoria Park", "South American": a place or group named after another is not in it
    for span in _mention_spans(doc, entity):
        if entity.type != "PERSON":
            country = country or _country_of_name(doc, span, geo)
            continue
        for phrase in _title_phrases(span):
            indices = [t.i for t in phrase]
            found = _first_country(doc, sorted(indices, key=lambda i: abs(i - span.start)), geo)
            country = country or found
            office = office or _bare_office(phrase, named)
            if any(t.pos_ == "NOUN" for t in phrase):
                text = doc[min(indices):max(indices) + 1].text.strip(" ,")
                if text and text not in roles:
                    roles.append(text)
    if country is None and office and home is not None:
        country = home
    if country is None and home is not None and entity.type == "ORG" and _state_body(doc, entity) \
            and not any(w in entity.canonical.lower() for w in _ABROAD):
        country = home  # "le ministère de l'Intérieur", "la Police Fédérale": a state body of no state named is the home's
    return country, roles


# Words that put a body above or beyond a state ("Cour européenne", "International Court", "Nations unies")
_ABROAD = ("internation", "europ", "mondial", "world", "nations", "africa", "afrique", "africain", "onu", "union")


def body_of_title(doc: Doc, entity: Entity, named: dict[int, Entity]) -> Entity | None:
    """The organisation a person the base does not know heads or speaks for, by the title before the name or the
    apposition beside it ("ABS-CBN CEO Carlo Katigbak", "le grand-maître de l'Ordre de Malte, Matthew Festing"):
    a head's, official's or spokesperson's role noun with a named organisation in the same phrase. ``named``: the
    entities by token. A journalist's outlet or a lawyer's client is not the body they act for."""
    if entity.type != "PERSON":
        return None
    roles = _heading_roles(doc.lang_)
    for span in _mention_spans(doc, entity):
        for phrase in _title_phrases(span):
            kinds = {roles[w] for t in phrase for w in (t.lower_, t.lemma_.lower()) if w in roles}
            if not kinds:
                continue
            body = next((e for t in phrase if (e := named.get(t.i)) is not None and e.type == "ORG"), None)
            if body is not None and (body.agent != "POL" or kinds - {"official"}):
                return body  # a party's candidate or deputy ("Benoît Hamon, candidat du PS") acts as himself
    return None


def _mention_spans(doc: Doc, entity: Entity) -> Iterator[SpacySpan]:
    """The entity's mentions as spans of ``doc``, in text order."""
    for m in sorted(entity.mentions, key=lambda m: m.start):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            yield span


def _title_phrases(span: SpacySpan) -> Iterator[list[Token]]:
    """The title before a person's name and the apposition beside it, where either is."""
    for phrase in (_title_before(span), _apposition(span)):
        if phrase is not None:
            yield phrase


@cache
def _heading_roles(lang: str) -> dict[str, str]:
    """The one-word role nouns of ``role_nouns.tsv`` that head or speak for a body ("CEO", "PDG", "président",
    "porte-parole"), with their kind."""
    return {r["noun"].lower(): r["kind"] for r in table(lang, "role_nouns")
            if r.get("kind") in ("head", "official", "spokesperson") and " " not in r["noun"]}


@cache
def _offices(lang: str) -> frozenset[str]:
    """The lemmas of the state offices of ``role_nouns.tsv`` (agent GOV, kind head or minister) whose word alone
    names a state's office, and of the government a person heads ("le gouvernement Papadimos", "le régime de
    Pierre Nkurunziza"): "leader", "chief", "dirigeant" head parties and armed groups as often, and are left out
    (a row's ``note`` starting with "any body" says so)."""
    return frozenset(r["noun"].lower() for r in table(lang, "role_nouns") if r.get("agent") == "GOV"
                     and r.get("kind") in ("head", "minister", "group") and not r.get("note", "").startswith("any body"))


@cache
def _bodies(lang: str) -> frozenset[str]:
    """The role nouns of ``role_nouns.tsv`` that name a state's body (kind ``group``, agent GOV, LEG or JUD):
    "cour", "parlement", "tribunal"."""
    return frozenset(r["noun"].lower() for r in table(lang, "role_nouns")
                     if r.get("kind") == "group" and r.get("agent") in ("GOV", "LEG", "JUD"))


def _state_body(doc: Doc, entity: Entity) -> bool:
    """"La Cour suprême pakistanaise": the recogniser may take a court or a parliament for a place; a name whose
    first word is a state body's noun is the body, and a demonym beside it places it."""
    bodies = _bodies(doc.lang_)
    return any(span[0].lower_ in bodies or (len(span) > 1 and span[0].pos_ == "DET" and span[1].lower_ in bodies)
               for span in _mention_spans(doc, entity))


def _bare_office(phrase: list[Token], named: frozenset[int]) -> bool:
    """Is the phrase a state office with no body named in it ("Président", "Ministre de l'Intérieur", "the Solicitor
    General"), not "président de la Commission européenne" or "the Labour Party leader"?"""
    if not phrase:
        return False
    doc = phrase[0].doc
    offices = _offices(doc.lang_)
    lemmas = " ".join(t.lemma_.lower() for t in sorted(phrase, key=lambda t: t.i))
    texts = " ".join(t.lower_ for t in sorted(phrase, key=lambda t: t.i))
    if not any(f" {o} " in f" {lemmas} " or f" {o} " in f" {texts} " for o in offices):
        return False
    return not any(t.i in named for t in phrase)


def _country_of_name(doc: Doc, span: SpacySpan, geo: dict[int, Record]) -> str | None:
    """The country of something not a person: a state or its demonym inside the name ("Federal Aviation Office of
    Germany", "Tunisian League"), the state in brackets after it, or the one its enumeration's noun carries."""
    states = {i: r for i, r in geo.items() if r.kind in ("country", "territory")}
    country = _first_country(doc, range(span.start, span.end), states)
    after = span.end
    if country is None and after + 2 < len(doc) and doc[after].text == "(":
        # "L'Armée nationale populaire (Algérie)": the state written after the name
        inner = [i for i in range(after + 1, min(after + 6, len(doc))) if doc[i].text != ")"]
        closing = next((i for i in range(after + 1, min(after + 7, len(doc))) if doc[i].text == ")"), None)
        if closing is not None:
            country = _first_country(doc, [i for i in inner if i < closing], states)
    if country is None and after < len(doc) and doc[after].dep_ == "amod" and span.start <= doc[after].head.i < after:
        country = _first_country(doc, [after], states)  # "la Cour suprême pakistanaise": the name stops before it
    owner = state_after(doc, span.end, geo)
    if country is None and owner is not None:
        country = owner.country  # "the Senate of Kenya"
    group = _listed_under(span)
    if country is None and group is not None:  # "German firms including Deutsche Telekom"
        country = _first_country(doc, [c.i for c in group.children if c.dep_ in ("amod", "compound", "nmod")], geo)
    return country




_OWNING = frozenset({"of", "de", "du", "d'", "d’"})
_OWNING_MORE = frozenset({"the", "la", "l'", "l’"})


def state_after(doc: Doc, end: int, geo: dict[int, Record]) -> Record | None:
    """The state that owns the body named just before ``end``: "the Senate of Kenya", "le Sénat du Burundi",
    "le ministère de la Défense de la Pologne" (the body's name stops before "of"/"du" in the parse or the base)."""
    if end >= len(doc) or doc[end].lower_ not in _OWNING:
        return None
    i = end + 1
    while i < len(doc) and i < end + 3 and doc[i].lower_ in _OWNING_MORE:
        i += 1
    r = geo.get(i)
    return r if r is not None and r.kind in ("country", "territory") and r.country else None


def _listed_under(span: SpacySpan) -> Token | None:
    """The noun an enumeration hangs from: "firms including Bahn, Telekom", "des groupes comme X"."""
    t = span.root
    for _ in range(6):
        if t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
            continue
        break
    if t.dep_ == "pobj" and t.head.lower_ in words("listing") and t.head.head.pos_ == "NOUN":
        return t.head.head
    if any(c.dep_ in ("case", "mark", "advmod") and c.lower_ in words("listing") for c in t.children) and t.head.pos_ == "NOUN":
        return t.head
    return None




def _first_country(doc: Doc, indices, geo: dict[int, Record]) -> str | None:
    indices = list(indices)
    lo = min(indices, default=0)  # a preposition before the phrase itself is not part of it
    for i in indices:
        r = geo.get(i)
        if r is None:
            continue
        j = i - 1
        while j >= 0 and (doc[j].pos_ == "DET" or doc[j].lower_ in ("l'", "l’")) and j in geo:
            j -= 1
        while j >= 0 and doc[j].pos_ == "DET":
            j -= 1
        if j >= lo and doc[j].lower_ in words("posting_preposition") and (i - 1 not in geo or geo[i - 1] is not r):
            continue
        return r.stands_for or r.country
    return None


def _title_before(span: SpacySpan) -> list[Token] | None:
    """The run of words right before the name, up to a verb, pronoun, conjunction or punctuation."""
    doc, out = span.doc, cast(list[Token], [])
    i = span.start - 1
    sent_start = span.sent.start
    if i > sent_start and doc[i].text == ",":  # "l'ambassadeur russe à l'ONU, Vitali Tchourkine"
        i -= 1
    while i >= sent_start and len(out) < _WINDOW:
        t = doc[i]
        if t.pos_ in _STOP_POS or (t.is_punct and t.text not in "-'\u2019") or t.is_space or t.ent_type_ in ("PER", "PERSON"):
            break
        out.append(t)
        i -= 1
    while out and out[-1].pos_ in ("DET", "ADP"):
        out.pop()
    return out or None


def _apposition(span: SpacySpan) -> list[Token] | None:
    """The noun phrase in apposition to the name, in either direction of the dependency."""
    root = span.root
    inside = set(range(span.start, span.end))
    heads: list[Token] = [c for c in root.children if c.dep_ == "appos" and c.i not in inside]
    if root.dep_ == "appos" and root.head.i not in inside:
        heads.append(root.head)
    own = {t.i for t in root.subtree}
    for head in heads:
        if any(c.dep_ in _CLAUSE_MARKS for c in head.children):
            continue  # "les trois derniers sont en place … rencontré Pierre Nkurunziza": a clause, not a title
        # the head's own phrase, without the clauses that hang from it nor the name's own ("Abou Mohammed
        # al-Adnani ayant appelé aux massacres des Français" is no Frenchman)
        tokens = [t for t in head.subtree if t.i not in inside and abs(t.i - span.start) <= 3 * _WINDOW
                  and t.sent.start == span.sent.start and not _in_clause(t, head)
                  and (head.i in own or t.i not in own)]
        if tokens:
            return tokens
    return None


_CLAUSE_MARKS = frozenset({"cop", "nsubj", "nsubj:pass", "nsubjpass", "aux", "aux:tense", "aux:pass", "auxpass"})


def _in_clause(t: Token, head: Token) -> bool:
    while t.i != head.i:
        if t.dep_ in ("acl", "acl:relcl", "relcl", "advcl", "ccomp", "nsubj", "obj") and t.head.i == head.i:
            return True
        t = t.head
    return False
