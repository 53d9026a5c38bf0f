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

from functools import cache

from spacy.tokens import Doc, Token

from veille.kb import is_region_id, knowledge_base
from veille.kb.gender import gender_of
from veille.lexicons import table, words
from veille.model import Entity, Party
from veille.nlp.forms import looks_participle
from veille.nlp.index import text_of

# Dependencies that open a clause of their own: a phrase never reaches into them.
CLAUSAL = frozenset({"acl", "acl:relcl", "relcl", "ccomp", "advcl", "parataxis", "xcomp", "csubj", "conj", "cc"})
_TYPE_RANK = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "LOC": 4, "EVENT": 5, "MISC": 6}


@cache
def _roles(lang: str) -> dict[str, dict[str, str]]:
    return {row["noun"].lower(): row for row in table(lang, "role_nouns")}


def role_noun(head: Token, lang: str) -> dict[str, str] | None:
    """The ``role_nouns.tsv`` row of a noun ("les rebelles", "porte-parole"), by its lemma or its form."""
    roles = _roles(lang)
    return roles.get(head.lemma_.lower()) or roles.get(head.lower_)


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
        self._main: Entity | None | bool = False  # computed on first use

    def sentence_country(self, head: Token) -> Entity | None:
        """The only state named in ``head``'s sentence, if there is exactly one: a city or a province of the base
        names its state too ("à Momand Dara, … dans la province afghane de Nangarhar"). The state itself when the
        sentence names it, else the article's state when it is the same, else the place."""
        places: dict[str, list[Entity]] = {}
        for t in head.sent:
            e = self.by_token.get(t.i)
            if e is not None and _placed(e):
                places.setdefault(e.country or "", []).append(e)
        if len(places) != 1:
            return None
        (country, named), = places.items()
        kb = knowledge_base()
        state = next((e for e in named if kb.is_state(e.kb_id, country)), None)
        if state is not None:
            return state
        main = self.main_country()
        return main if main is not None and main.country == country else named[0]

    def owner_in_modifier(self, head: Token) -> Entity | None:
        """A noun whose owner hangs below its participle modifier (a parser's habit): "le budget proposé pour 2019
        de l'Italie" is Italy's budget."""
        for acl in (c for c in head.children if c.dep_ in ("acl", "amod") and c.pos_ == "VERB"):
            for x in acl.subtree:
                if x.dep_ in ("nmod", "obl:mod", "obl") and x.i in self.by_token and any(
                        g.dep_ == "case" and g.lower_ in ("de", "d'", "d’", "du", "of") for g in x.children):
                    return self.by_token[x.i]
        return None

    def main_country(self) -> Entity | None:
        """The state the article is about: the country named most often, if clearly more than any other (twice
        at least, and half as often again as the next). "le gouvernement", "the regime", "government forces" with nothing
        named stand for it."""
        if self._main is False:
            counts = sorted(((len(e.mentions), n, e) for n, e in enumerate({id(e): e for e in self.by_token.values()}.values())
                             if _placed(e) and not is_region_id(e.kb_id)), key=lambda x: (-x[0], x[1]))  # a province is no state
            top = counts[0] if counts else None
            ok = top is not None and top[0] >= 2 and (len(counts) == 1 or top[0] >= 1.5 * counts[1][0])
            self._main = top[2] if top is not None and ok else None
        return self._main if isinstance(self._main, Entity) else None

    # ------------------------------------------------------------------ phrases
    def phrase(self, head: Token, before: int | None = None) -> list[Token]:
        """The noun phrase of ``head``: its subtree without the clauses hanging from it (and, with ``before``,
        without what follows that token: a misparse can hang a verb's object from its subject)."""
        out = [head]
        stack = [c for c in head.children if c.dep_ not in CLAUSAL and not c.is_space]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(c for c in t.children if c.dep_ not in CLAUSAL and not c.is_space)
        if before is not None:
            out = [t for t in out if t.i < before or t.i == head.i]
        return sorted(out, key=lambda t: t.i)

    def entity_in(self, head: Token, before: int | None = None) -> Entity | None:
        """The most specific entity named in ``head``'s phrase, or None. A coalition or force "led by" a state
        stands for its leader (PLOVER codes the leading state)."""
        leader = self._leader(head)
        if leader is not None:
            return leader
        if head.i in self.by_token:
            return self._branch(head, self.by_token[head.i])
        if _share(head):
            return None  # a poll's "66 % des Français" is no party acting, France no more than its people
        best: tuple[tuple[int, int, int], Entity, Token] | None = None
        for t in self.phrase(head, before):
            e = self.by_token.get(t.i)
            if e is None or (t.i in self.demonym_tokens and _of_origin(t, words("origin_noun", self.lang))):
                continue  # "un homme de 69 ans d'origine chinoise" does not act for China
            posted = _posted(t, head)  # "the Libyan ambassador to Greece" stands for Libya
            rank = (2 if posted else 1 if t.i in self.demonym_tokens else 0, _TYPE_RANK.get(e.type, 9), _depth(t, head))
            if best is None or rank < best[0]:
                best = (rank, e, t)
        return self._branch(best[2], best[1]) if best else None

    def _branch(self, t: Token, own: Entity) -> Entity:
        """"plusieurs centaines de Gilets jaunes belges": an organisation's branch in another state, named by a
        demonym on the organisation's own words, is that state."""
        if own.type != "ORG":
            return own
        near = [t, *(c for c in t.children if c.dep_ == "amod")]
        return next((d for h in near for c in h.children if c.dep_ == "amod" and c.i in self.demonym_tokens
                     and (d := self.by_token[c.i]).country and d.country != own.country), own)

    def _leader(self, head: Token) -> Entity | None:
        """"la coalition menée par les États-Unis", "forces led by Turkey", "the Saudi-led coalition": the leader."""
        for c in head.children:
            if c.dep_ in ("amod", "compound") and c.lemma_.lower() == "lead" and c.i < head.i \
                    and head.i not in self.by_token:  # "the Kurdish-led Syrian Democratic Forces" keep their name
                named = next((g for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod", "amod")
                              and g.i in self.by_token), None)  # "Saudi-led", "US-led": the named half of the compound
                if named is not None:
                    return self.by_token[named.i]
            if c.dep_ in ("acl", "acl:relcl") and c.lemma_.lower() in ("mener", "diriger", "conduire", "lead"):
                agent = next((g for g in c.children if g.dep_ in ("obl:agent", "agent")), None)
                if agent is not None:
                    agent = next((g for g in agent.children if g.dep_ == "pobj"), agent)
                    return self.entity_in(agent)
        return None

    def role_of(self, head: Token) -> dict[str, str] | None:
        return role_noun(head, self.lang)

    def party(self, head: Token, before: int | None = None) -> Party:
        """What ``head`` (the head of an argument) stands for."""
        tokens = self.phrase(head, before)
        text_start, text_end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        role = self.role_of(head)
        rebel = next((r for c in head.children if c.dep_ == "amod" and (r := self.role_of(c)) and r.get("agent") == "REB"), None)
        role = rebel or role  # "les forces rebelles" are rebels, not the army
        entity = self._named(head, role, before) or self._implied(head, tokens, role)
        agent = self.agents.get(head.i) or (role.get("agent") if role else None)
        if agent is None and entity is not None:
            agent = entity.agent
        return Party(text_of(self.doc)[text_start:text_end], text_start, text_end, entity, agent)

    def _named(self, head: Token, role: dict[str, str] | None, before: int | None) -> Entity | None:
        """The entity a pronoun stands for, else the one named in the phrase, else the one a role noun refers to."""
        entity = None
        personal = words("personal_pronoun", self.lang)
        if head.lower_ in personal or (head.pos_ == "PRON" and head.lower_.lstrip("-") in personal):
            entity = self.antecedent(head)
        elif head.pos_ == "PRON" and head.dep_ in ("obj", "dobj") and head.lower_ in _OBJECT_CLITICS:
            entity = self.clitic_antecedent(head)
        elif head.lower_ in words("latter", self.lang):
            entity = self.latest(head)
        if entity is None:
            entity = self.entity_in(head, before)
        if entity is None and head.pos_ == "NOUN":
            entity = self.included(head) or self.last_named(head) or self.named_by_head_word(head)
        if entity is None and role is not None:
            entity = self.role_antecedent(head, role)
        return entity

    def included(self, head: Token) -> Entity | None:
        """A group known by one named member: "les groupes de défense des droits humains, dont Amnesty
        International", "his critics, which include Greenpeace", "rights groups such as Amnesty": that member."""
        listing = words("listing", self.lang)
        for c in head.children:
            if c.dep_ in ("acl:relcl", "relcl", "appos", "nmod") and c.i in self.by_token and any(
                    g.lower_ in listing for g in c.children):
                return self.by_token[c.i]  # "dont Amnesty International": the parser hangs the name as the clause
            if c.dep_ in ("relcl", "acl:relcl") and c.lemma_.lower() in ("include", "inclure", "comprendre", "compter"):
                member = next((g for g in c.children if g.dep_ in ("dobj", "obj") and g.i in self.by_token), None)
                if member is not None:
                    return self.by_token[member.i]
            if c.dep_ == "prep" and c.lower_ in listing:
                member = next((g for g in c.children if g.dep_ == "pobj" and g.i in self.by_token), None)
                if member is not None:
                    return self.by_token[member.i]
        return None

    def _implied(self, head: Token, tokens: list[Token], role: dict[str, str] | None) -> Entity | None:
        """An entity the phrase does not name: the government's state, an owner, a role noun inside, a bridge."""
        governmental = role is not None and role.get("kind") == "group" and role.get("agent") in ("GOV", "MIL")
        if governmental or any(c.lemma_.lower() in words("governmental") for c in head.children):
            # "le régime", "the government", "government forces": the one state the sentence names, else the
            # article's own state
            entity = self.sentence_country(head) or self.main_country()
            if entity is not None:
                return entity
        if head.pos_ == "NOUN":
            entity = self.owner_in_modifier(head)  # "le budget proposé pour 2019 de l'Italie"
            if entity is not None:
                return entity
        # "the network's franchise renewal": a role noun inside the phrase names the owner
        inner = next(((t, r) for t in tokens if t.i != head.i and t.dep_ in ("poss", "nmod:poss", "compound", "nmod")
                      and (r := self.role_of(t)) is not None), None)
        if inner is not None:
            entity = self.role_antecedent(inner[0], inner[1])
            if entity is not None:
                return entity
        return self.bridge(head) if head.pos_ == "NOUN" else None

    # ------------------------------------------------------------------ anaphora
    def antecedent(self, pron: Token) -> Entity | None:
        """The latest subject before ``pron`` (three sentences back at most) that a pronoun can stand for."""
        plural = pron.lower_.lstrip("-") in words("plural_pronoun")
        first_sentence = max(0, pron.sent.start - 400)
        own_clause = pron.head if not pron.dep_.startswith("nsubj") else None
        if pron.lower_ in ("lui", "him", "her") and not plural:  # a dative or object pronoun: most often a person
            person = self._antecedent_person(pron, first_sentence, own_clause)
            if person is not None:
                return person
        for t in reversed(self.doc[first_sentence:pron.i]):
            if not t.dep_.startswith("nsubj") or t.pos_ == "PRON":
                continue
            if own_clause is not None and t.head.i == own_clause.i:
                continue  # "l'Équateur lui a accordé l'asile": an object pronoun is never its own clause's subject
            e = self.entity_in(t)
            if e is None:
                role = self.role_of(t)
                e = self.role_antecedent(t, role) if role else None
            if e is None and plural and t.pos_ == "NOUN" and is_plural(t):
                return None  # "Les manifestants brandissaient … « Plus ils manifesteront »": they, whoever they are
            if e is None or not _pronoun_fits(pron, e, t, plural):
                continue
            if not plural and e.type != "PERSON" and self._person_before(pron, t):
                continue
            return e
        return None

    def latest(self, head: Token) -> Entity | None:
        """"Ce dernier", "cette dernière", "the latter": the last one named before, within 400 tokens; a
        person's first name must not contradict the word's gender ("cette dernière" is no Pierre)."""
        if not any(c.dep_ == "det" and c.lemma_.lower() in ("ce", "the") for c in head.children):
            return None  # "les trois derniers", "the latter half" are no pointer back
        female = head.lower_ in ("dernière", "dernières")
        male = head.lower_ in ("dernier", "derniers")
        for t in reversed(self.doc[max(0, head.i - 400):head.i]):
            e = self.by_token.get(t.i)
            if e is None or t.i in self.demonym_tokens or e.type not in ("PERSON", "ORG", "GPE"):
                continue
            said = gender_of(e.canonical, e.type).value if e.type == "PERSON" else "unknown"
            if (female and said == "male") or (male and said == "female"):
                continue
            return e
        return None

    def last_named(self, head: Token) -> Entity | None:
        """"Le pays", "ce pays", "the country": the last state named before, within 400 tokens (its name or a
        demonym, never a city); "le groupe", "the organisation": the last organisation (never a ministry). Never "un pays" or a
        modified "le pays voisin", "the group's leaders"; an object ("la Turquie a accusé le pays") is not its
        own clause's subject. A subject of this sentence or the one before comes first (the topic carried on),
        else the last one named."""
        kind = self._pointing_kind(head)
        if kind is None:
            return None
        own = self._named_after(head, kind)
        if own is not None:
            return own  # "le groupe autoproclamé « État islamique »": the noun introduces a name, it points nowhere
        subject = head.dep_.startswith("nsubj")
        kb = knowledge_base()
        named = [(t, e) for t in reversed(self.doc[max(0, head.i - 400):head.i])
                 if (e := self.by_token.get(t.i)) is not None and e.type == kind
                 and (kb.is_state(e.kb_id, e.country) if kind == "GPE" else e.agent not in _STATE_BODIES)
                 and (subject or t.sent.start != head.sent.start)
                 and not (t.i in self.demonym_tokens and t.head.i in self.by_token)  # "le Kurdistan irakien"
                 and not self._nested(t, e)]
        if not named:
            return None
        near = _sentence_before(head)  # this sentence and the one before
        return next((e for t, e in named if t.i >= near and t.dep_.startswith("nsubj")), named[0][1])

    def named_by_head_word(self, head: Token) -> Entity | None:
        """"the commission refused" after "the National Telecommunications Commission", "la commission" after "la
        Commission européenne", "the court" after "the Court of Session": a bare definite singular noun that is a
        word of an organisation's name stands for the last organisation so named, within about three paragraphs."""
        if not _bare_definite(head):
            return None
        word = head.lower_
        for t in reversed(self.doc[max(0, head.i - 400):head.i]):
            e = self.by_token.get(t.i)
            if e is not None and e.type == "ORG" and t.lower_ == word:
                return e
        return None

    def _pointing_kind(self, head: Token) -> str | None:
        """The entity type a bare definite "le pays" (GPE) or "le groupe" (ORG) argument points back at."""
        lemma = head.lemma_.lower()
        kind = "GPE" if lemma in words("country_noun", self.lang) else "ORG" if lemma in words("group_noun", self.lang) \
            else None
        return kind if kind is not None and _bare_definite(head) else None

    def _named_after(self, head: Token, kind: str) -> Entity | None:
        """The entity of ``kind`` named right after the noun, past quotes, adjectives and participles ("le groupe
        autoproclamé « État islamique »"), which the parser may not have hung from it."""
        for t in head.doc[head.i + 1:head.i + 5]:
            e = self.by_token.get(t.i)
            if e is not None:
                return e if e.type == kind else None
            participle = t.pos_ == "VERB" and ("Part" in t.morph.get("VerbForm", []) or looks_participle(t))
            if not (t.is_quote or t.pos_ == "ADJ" or participle):
                return None
        return None

    def _nested(self, t: Token, e: Entity) -> bool:
        """Is ``t`` named inside another entity's phrase ("le Front al-Nosra, branche du groupe Al-Qaida", "le
        Colombien Pablo de Greiff")? The phrase's own entity is the one a later "le groupe" carries on."""
        after = self.by_token.get(t.i + 1) if t.i + 1 < len(self.doc) else None
        if after is not None and after is not e and after.type == "PERSON":
            return True  # "l'Algérienne Maya Sahli-Fadel": a person's nationality
        node = t
        while node.head.i != node.i and node.head.pos_ not in ("VERB", "AUX"):
            node = node.head
            other = self.by_token.get(node.i)
            if other is not None and other is not e and other.type == e.type:
                return True
        return False

    def clitic_antecedent(self, pron: Token) -> Entity | None:
        """"Rachida Dati ou Christian Estrosi le critiquent", "Christine Angot l'avait accusé": a French object
        clitic before a verb stands for the latest person subject of this sentence or the one before, not the
        verb's own subject, and of its gender where "le"/"la" says it."""
        start = _sentence_before(pron)
        want = {"le": "male", "la": "female"}.get(pron.lower_)
        told = not _quoted(pron)
        for t in reversed(self.doc[start:pron.i]):
            if not t.dep_.startswith("nsubj") or t.pos_ == "PRON" or t.head.i == pron.head.i or (told and _quoted(t)):
                continue
            e = self.entity_in(t)
            if e is not None and e.type == "PERSON":
                said = gender_of(e.canonical, e.type).value
                return e if want is None or said in (want, "unknown") else None
        return None

    def _antecedent_person(self, pron: Token, start: int, own_clause: Token | None) -> Entity | None:
        # "Il lui avait apporté son soutien": the dative is not the one its clause's "il" stands for
        own = next((c for c in own_clause.children if c.dep_.startswith("nsubj")), None) if own_clause is not None else None
        doer = self.antecedent(own) if own is not None and own.pos_ == "PRON" and own.i < pron.i else None
        near = _sentence_before(pron)
        for t in reversed(self.doc[start:pron.i]):
            if own_clause is not None and t.head.i == own_clause.i:
                continue
            if t.dep_.startswith("nsubj") and t.pos_ != "PRON":
                e = self.entity_in(t)
            elif doer is not None and t.i >= near:  # the clause's doer known: anyone named just before is the other
                e = self.by_token.get(t.i)
            else:
                continue
            if e is not None and e.type == "PERSON" and e is not doer:
                return e
        return None

    def _person_before(self, pron: Token, subject: Token) -> bool:
        """Is there a person subject between ``subject`` and ``pron``? ("il" prefers people.)"""
        return pron.lower_ in ("il", "he", "she", "lui", "him") and any(
            self.by_token.get(t.i) is not None and self.by_token[t.i].type == "PERSON"
            for t in self.doc[subject.i:pron.i] if t.dep_.startswith("nsubj"))

    def role_antecedent(self, head: Token, role: dict[str, str] | None) -> Entity | None:
        """"le département", "un porte-parole du ministère": the latest organisation of that kind before. A group
        ("les rebelles") may also be named only later in the article ("la rébellion syrienne")."""
        if _stands_alone(role, head):
            return None
        inner = [t for t in self.phrase(head) if t.i != head.i and self.role_of(t)]
        statebound = (role or {}).get("note", "").startswith("against a state")  # "les rebelles", not "djihadistes"
        for t in reversed(self.doc[max(0, head.i - 300):head.i]):
            e = self.by_token.get(t.i)
            if e is None or e.type not in ("ORG",) or (statebound and e.country is None):
                continue
            # an organisation the base does not know may be "the network", never "les journalistes" (many people)
            if inner or (_fits(role, e.agent) and not (e.agent is None and is_plural(head))):
                return e
        if (role or {}).get("agent") == "REB":
            return next((e for t in self.doc[head.i:] if (e := self.by_token.get(t.i)) is not None
                         and e.type == "ORG" and e.agent == "REB" and not (statebound and e.country is None)), None)
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


_OBJECT_CLITICS = frozenset({"le", "la", "l'", "l’"})  # French object pronouns before the verb


def _sentence_before(t: Token) -> int:
    """Where the sentence before ``t``'s begins (``t``'s own start in a first sentence): the reach of a pronoun."""
    previous = t.sent.start - 1
    return t.doc[previous].sent.start if previous >= 0 else t.sent.start


def _quoted(t: Token) -> bool:
    """Is the word inside French quotation marks in its sentence ("en criant « Allah Akbar »")? Words quoted are
    said, not told: no antecedent for the narrative's pronouns, only for the quotation's own."""
    before = t.doc[t.sent.start:t.i]
    return sum(x.text == "«" for x in before) > sum(x.text == "»" for x in before)


def _share(head: Token) -> bool:
    """Is the phrase a share of a people ("66 % des Français", "72 percent of Americans"), as a poll tells it?"""
    return head.text in ("%", "percent") or any(c.text in ("%", "percent") for c in head.children)


def _of_origin(demonym: Token, origin: frozenset[str]) -> bool:
    """Is the demonym a person's descent ("d'origine chinoise", "of Chinese origin"), which the parser may hang
    beside "origine" rather than under it ("un homme 69 ans d'origine chinoise")?"""
    head = demonym.head
    return head.lemma_.lower() in origin or any(
        c.lemma_.lower() in origin and c.i < demonym.i for c in head.children)


def _pronoun_fits(pron: Token, e: Entity, subject: Token, plural: bool) -> bool:
    """Can the pronoun stand for the entity of that subject? English gives states and bodies "it", never "he" or
    "she", and never a person "it"; "ils"/"they" is never one person alone ("Plus ils manifesteront, plus les
    Français me soutiendront » a déclaré Fillon": not he), but may be two ("X et Y … ils")."""
    if pron.lower_ in ("he", "she", "him", "her") and e.type != "PERSON":
        return False
    if pron.lower_ == "it" and e.type not in ("ORG", "GPE"):
        return False
    if plural:
        return e.type != "PERSON" or any(c.dep_ == "conj" for c in subject.children)
    return e.type in ("PERSON", "ORG", "GPE")


STATE_AGENTS = frozenset({"GOV", "MIL", "LEG", "JUD", "IGO"})  # a state body's or an international one's
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "iobj"})
_SINGULAR_DEFINITE = frozenset({"le", "la", "l", "ce", "cet", "cette", "the", "this"})  # "les pays" point at no one
_STATE_BODIES = frozenset({"GOV", "MIL", "LEG", "JUD"})  # "le groupe", "l'organisation" are never a ministry


def _bare_definite(head: Token) -> bool:
    """A bare definite singular argument: "le pays", "the commission"; not "un pays", "les pays" or "the countries"
    (many, no one), "le pays voisin" (its own modifier), nor "dans le pays" (where, not who: the coder reads places)."""
    if head.dep_ == "obl:arg" and any(c.dep_ == "case" and c.lower_ == "au" for c in head.children):
        # "reproche au pays de": "au" is "à le", an indirect object, not a place ("retourne au pays" is obl:mod)
        return not is_plural(head) and not any(c.dep_ not in ("case", "punct", "cc", "conj") for c in head.children)
    return any(c.dep_ == "det" and c.lower_.rstrip("'’") in _SINGULAR_DEFINITE for c in head.children) \
        and not is_plural(head) and head.dep_ in _ARGUMENT_DEPS \
        and not any(c.dep_ not in ("det", "punct", "cc", "conj") for c in head.children)  # "le régime et ses alliés"


def is_plural(t: Token) -> bool:
    """A plural noun: English tags it (NNS), French morphology says it ("les pays": Number=Plur)."""
    return t.tag_ in ("NNS", "NNPS") or "Plur" in t.morph.get("Number", [])


def _placed(e: Entity) -> bool:
    """A place of the base that names a state: the state itself, a city or a province of it (not a metonym such as
    "Washington" for the government, which stands for its state)."""
    return e.type == "GPE" and bool(e.country) and not e.stands_for and bool(e.kb_id)


def _stands_alone(role: dict[str, str] | None, head: Token) -> bool:
    """Roles that stand for no body named before: "pour critiquer la presse" (the press as a whole, not the outlet
    named last); "des manifestants", "les habitants" (a crowd, never the medium or the ministry named last); "les
    policiers", "la police" (a state's agents, placed in its state by the coder, not the body named last: the police
    in a story of Britain's EU referendum are not the European Union's)."""
    note = (role or {}).get("note", "")
    return note.startswith(("collective", "national force")) or is_crowd(role) \
        or ((role or {}).get("kind") == "official" and is_plural(head))


def is_crowd(role: dict[str, str] | None) -> bool:
    """Is the role a crowd, a group of civilians no one names ("des manifestants", "les habitants", "les syndicats")?"""
    return role is not None and role.get("agent") == "CVL" and role.get("kind") == "group"


def _fits(role: dict[str, str] | None, agent: str | None) -> bool:
    """Can a role of this sector stand for a body of that one? Officials and spokesmen speak for a state body, not
    for the news agency that filed the story; a journalist for a medium; "les rebelles" for an armed group; "the
    opposition" for a party. A role of no sector (an expert, a group) for any state body or medium. A state body
    named by its own noun is a body of that sector: "le gouvernement" is no senate, "the court" no ministry; an
    executive may be an international one ("l'exécutif européen")."""
    want = (role or {}).get("agent")
    if (role or {}).get("kind") == "minister":
        return agent in _STATE_BODIES  # "la ministre de l'Éducation" is a state's, never the IMF named before
    if want in STATE_AGENTS and (role or {}).get("kind") == "group":
        return agent == want or (want == "GOV" and agent == "IGO")
    if want == "MED":
        return agent in ("MED", None)  # "the network": a medium of the base, or an organisation it does not know
    if want == "REB":
        return agent == "REB"
    if want in ("POL", "OPP"):
        return agent in ("POL", "OPP")
    if want in STATE_AGENTS:
        return agent in STATE_AGENTS
    return agent in STATE_AGENTS or agent == "MED"


def _posted(t: Token, head: Token) -> bool:
    """Is ``t`` reached from ``head`` through a preposition of place ("ambassador to Greece")?"""
    node, steps = t, 0
    while node.i != head.i and steps < 6:
        if any(c.dep_ in ("case", "prep") and c.lower_ in words("posting_preposition") for c in node.children) or (
                node.dep_ == "pobj" and node.head.lower_ in words("posting_preposition")):
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
