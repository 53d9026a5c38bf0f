"""Who did it and to whom: the actor and recipient phrases of a trigger, read off the parse.

- Actor of a verb: its subject; for a passive, its agent ("par X", "by X"), and none at all when the text gives
  none ("les quatre personnes détenues": an act with an unknown doer); for an infinitive, participle or
  coordinated verb, the controller's subject ("began deploying", "a réagi en dénonçant").
- Actor of a noun: the noun's own agent first ("an assault by the RSF", "le tir par la Corée du Nord", "les
  frappes russes", "US sanctions"), then the subject of its support verb ("Russia launched an attack"). Never
  the subject of a verb that merely talks about the act ("Guterres is alarmed by reports of an assault").
- Recipient: the slots the lexicon names, tried in order (``SLOT_DEPS`` says which dependents each reaches).
- Lists: every member of a coordination, also where the parser split it ("dont les États-Unis, le Royaume-Uni
  et la France"), and "each other" / "mutuellement" give each member towards the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Set as AbstractSet

from spacy.tokens import Token

from veille.extract.events.lexicon import DEFAULT_SLOTS, Trigger, lexicon
from veille.extract.events.triggers import (Occurrence, after_de, copula_subject, lemma_of, pobj, stranded_aux,
                                            unplaced)
from veille.extract.factuality import joins_governor, markers
from veille.nlp.forms import looks_participle
from veille.nlp.index import sentence_of
from veille.extract.referents import Referents, role_noun
from veille.model import Entity

SUBJECT = ("nsubj",)
PASSIVE_AGENT = ("obl:agent", "agent")
_PASSIVE_SUBJECT = ("nsubj:pass", "nsubjpass")
_CLAUSAL = ("ccomp", "advcl", "parataxis", "acl:relcl", "relcl", "csubj", "conj")
# slot -> the dependency labels of the trigger's children it reaches (the simple slots; the rest are below)
SLOT_DEPS = {
    "obj": ("obj", "dobj"), "dobj": ("obj", "dobj"),
    "iobj": ("iobj", "dative"), "dative": ("iobj", "dative"),
    "poss": ("poss", "nmod:poss"),
    "obl:agent": PASSIVE_AGENT, "agent": PASSIVE_AGENT,
    "passive-subject": _PASSIVE_SUBJECT,
}
_RECIPROCAL = {"en": ("each other", "one another"), "fr": ("mutuellement", "l'un l'autre", "les uns les autres",
                                                            "réciproquement")}
_LIST_WORDS = frozenset({",", "et", "and", "ou", "or", "ainsi", "que", "as", "well", "&"})
# French nouns whose "de X" names the doer ("les frappes de la Russie"); for the others ("l'invasion de
# l'Ukraine") the lexicon lists nmod:de as the recipient slot and "de X" is not read as the agent.
_BY = {"en": ("by",), "fr": ("par",)}


def actor_head(occ: Occurrence, named: frozenset[int], places: frozenset[int] = frozenset()) -> tuple[Token | None, bool]:
    """The actor phrase's head and whether the text gives one at all (False: an agentless passive). ``places``:
    tokens of towns, which after "de" name where a noun's act happened, not who did it ("l'attentat de Nice")."""
    t = occ.head
    if occ.pos == "PRED":
        return None, True  # the speaker of the claim it stands in (coder)
    if occ.pos == "NOUN":
        if _faced(t) is not None:  # "fait face aux bombardements de l'aviation russe": "de X" is the doer
            return _by_agent(t) or _owner(t, named) or _de_agent(t, named) or _from_agent(t), True
        own = own_agent(t, occ.rule, named, frozenset(lexicon(t.doc.lang_).support), places)
        if own is not None:
            return own, True
        if occ.support is not None:
            return _verb_actor(occ.support, named)
        if backed_subject(t) is not None:
            return _of_agent(t, named), True
        if _adverbial(t):  # "L'armée turque, en coopération avec la coalition, a lancé …": the clause's doer
            return _verb_actor(t.head, named)
        return None, True
    return _verb_actor(t, named)


_MANNER = frozenset({"en", "in"})


def _adverbial(t: Token) -> bool:
    """A bare act noun as a manner adverbial of a verb ("en coopération avec", "in cooperation with")."""
    if t.dep_ == "pobj" and t.head.lower_ in _MANNER and t.head.head.pos_ == "VERB":
        t = t.head
        return not any(c.dep_ == "det" for c in t.children)
    return t.dep_ in ("obl", "obl:mod", "advcl", "nmod") and t.head.pos_ == "VERB" and any(
        c.dep_ == "case" and c.lower_ in _MANNER for c in t.children) and not any(c.dep_ == "det" for c in t.children)


def own_agent(t: Token, rule: Trigger, named: frozenset[int], support: frozenset[str] = frozenset(),
              places: frozenset[int] = frozenset()) -> Token | None:
    """A noun's own doer: "by X" / "par X", a possessor, a named modifier ("US sanctions", "l'offensive russe"),
    or "de X" / "of X" when the lexicon does not make it the recipient and X is no town (``places``)."""
    stated = _by_agent(t) or _support_agent(t, support) or _owner(t, named)
    if stated is not None:
        return stated
    if t.doc.lang_ == "en":  # "threats of the People's Liberation Army", unless "of X" is the recipient slot
        return _of_agent(t, named - places) if "prep:of" not in rule.slots else None
    return (_de_agent(t, named - places) if "nmod:de" not in rule.slots
            else _first_of_two(t, named - places) or _de_force(t, named - places))


def _by_agent(t: Token) -> Token | None:
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in _BY["en"]:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if c.dep_ in ("nmod", "obl:agent") and any(g.dep_ == "case" and g.lower_ in _BY["fr"] for g in c.children):
            return c
    return None


def _support_agent(t: Token, support: frozenset[str]) -> Token | None:
    for c in t.children:  # "l'offensive menée par le groupe M23", "strikes carried out by Israel"
        if c.dep_ in ("acl", "amod") and lemma_of(c) in support:
            agent = next((g for g in c.children if g.dep_ in PASSIVE_AGENT), None)
            if agent is not None:
                return _agent_noun(agent)
    return None


def _owner(t: Token, named: frozenset[int]) -> Token | None:
    for c in t.children:
        if c.dep_ in ("poss", "nmod:poss") and c.pos_ != "PRON":
            return c
        if c.dep_ in ("amod", "compound") and c.i in named:
            return c
    return None


def _de_agent(t: Token, named: frozenset[int]) -> Token | None:
    for c in t.children:
        # "les frappes de la Russie", or of a body its demonym places ("l'aide de l'aviation russe")
        if c.dep_ == "nmod" and c.i > t.i and _names_party(c, named) and after_de(c):
            return c
    return _de_on_modifier(t, named)


def _de_on_modifier(t: Token, named: frozenset[int]) -> Token | None:
    """"l'appui déterminant de la Russie": the parser hangs "de X" on the adjective between the noun and it, which
    takes no "de" of its own here; the party is still the noun's doer."""
    for m in t.children:
        if m.dep_ == "amod" and m.i == t.i + 1 and not any(g.dep_ in ("obj", "dobj") for g in m.children):
            for c in m.children:
                if c.dep_ in ("nmod", "obl:arg", "obl:mod", "obl") and c.i > m.i and _names_party(c, named) \
                        and after_de(c):
                    return c
    return None


def _first_of_two(t: Token, named: frozenset[int]) -> Token | None:
    """"le retrait des États-Unis de l'accord", "l'exclusion de Marine Le Pen du Front national": where "de X" is the
    recipient slot, a noun with two of them has its doer first and what it acts on second."""
    des = [c for c in t.children if c.dep_ == "nmod" and c.i > t.i and after_de(c)]
    if len(des) < 2:
        return None
    return des[0] if _names_party(des[0], named) else None


def _de_force(t: Token, named: frozenset[int]) -> Token | None:
    """"les bombardements de l'armée syrienne", "des bombardements de drones américains": where "de X" is the
    recipient slot ("le bombardement d'Alep"), a force or a weapon its phrase places in a party is the doer."""
    classes = lexicon(t.doc.lang_).classes
    forces = classes.get("troops", frozenset()) | classes.get("weapon", frozenset())
    return next((c for c in t.children if c.dep_ == "nmod" and c.i > t.i and after_de(c) and lemma_of(c) in forces
                 and _names_party(c, named)), None)


def _names_party(c: Token, named: frozenset[int]) -> bool:
    """Is the complement a party named, or a body its demonym places ("de la Russie", "de l'aviation russe")?"""
    return c.i in named or any(g.dep_ == "amod" and g.i in named for g in c.children)


def _from_agent(t: Token) -> Token | None:
    """"came under attack from Russian forces": in the frame of ``_faced``, "from X" is the attacker."""
    prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    return next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None


def _of_agent(t: Token, named: frozenset[int]) -> Token | None:
    """"with the support of the United States": in the frame of ``backed_subject`` "of X" can only be the backer."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and (pobj.i in named or any(g.i in named for g in pobj.children)):
                return pobj
    return None


def relative(t: Token) -> bool:
    """A relative pronoun ("qui", "which", "who"): the English tagger marks it by tag, not by morphology."""
    return t.morph.get("PronType", []) == ["Rel"] or t.tag_ in ("WDT", "WP", "WP$")


def _verb_actor(t: Token, named: frozenset[int]) -> tuple[Token | None, bool]:
    split = _split_perfect_subject(t)
    if split is not None:
        return split, True
    passive = (any(c.dep_ in ("aux:pass", "auxpass") for c in t.children) and not _unaccusative(t)) or (
        t.dep_ in ("acl", "amod") and t.morph.get("VerbForm", []) == ["Part"] and looks_participle(t)
        and not _active_past(t))
    if not passive:
        slip = next((c for c in t.children if c.dep_ in _PASSIVE_SUBJECT), None)
        if slip is not None and not any(c.dep_ in SUBJECT and c.i < t.i for c in t.children):
            # "Barack Obama a réagi" tagged nsubj:pass: a parser slip, not a passive (and a "subject" after the
            # verb is then its object: "Les militaires n'ont ni libéré Mohamed Bazoum")
            return slip, True
    if passive:
        return _passive_actor(t, named)
    return _active_actor(t, named)


def _unaccusative(t: Token) -> bool:
    """"Le président ukrainien est arrivé à Washington": a French verb of motion or state conjugated with "être"
    (class ``unaccusative``), which the parser may read as a passive; it has none."""
    return t.doc.lang_ == "fr" and lemma_of(t) in lexicon("fr").classes.get("unaccusative", ()) \
        and not any(c.lower_ == "été" for c in t.children)


def _split_perfect_subject(t: Token) -> Token | None:
    """"L'opérateur Orange a, à son tour, menacé de …", "Le gouvernement malien a de son côté dénoncé …": an
    adverbial between "a" and its participle makes the parser hang the participle from the adverbial's noun, so
    the verb seems to have no subject. The subject is the one of the stranded auxiliary."""
    aux = stranded_aux(t)
    if aux is None:
        return None
    start = t.sent.start
    return next((c for c in reversed(t.doc[start:aux.i]) if c.dep_ in SUBJECT and start <= c.head.i <= t.i), None)


def _active_past(t: Token) -> bool:
    """"The Saudi-led coalition bombed Yemen" parsed as a noun with a participle: a participle with a direct object
    and no agent is an active past verb whose subject is the noun it hangs from, not a passive."""
    return any(c.dep_ in ("obj", "dobj") for c in t.children) and not any(c.dep_ in PASSIVE_AGENT for c in t.children)


def _passive_actor(t: Token, named: frozenset[int]) -> tuple[Token | None, bool]:
    agent = next((c for c in t.children if c.dep_ in PASSIVE_AGENT), None)
    if agent is not None:
        return _agent_noun(agent), True
    stray = _stray_agent(t, named)
    if stray is not None:
        return stray, True
    operation = _operation_doer(t, named)
    if operation is not None:
        return operation, True
    if t.dep_ in ("conj", "xcomp") and t.head.i != t.i and t.head.pos_ in ("VERB", "AUX") and not (
            t.dep_ == "conj" and _active_clause(t.head)) and not _passive_infinitive(t):
        return _verb_actor(t.head, named)
    return None, False  # "Navalny returned to Moscow and was arrested": the subject they share undergoes the arrest


def _agent_noun(agent: Token) -> Token:
    """The noun of a passive agent: French "par X" is X itself, English "by" holds X as its object."""
    return next((g for g in agent.children if g.dep_ == "pobj"), agent) if agent.dep_ == "agent" else agent


def _active_clause(t: Token) -> bool:
    """Is the verb active with a subject of its own, whose subject a passive conjunct shares as its patient?"""
    return any(c.dep_ in SUBJECT for c in t.children) and not any(c.dep_ in ("aux:pass", "auxpass") for c in t.children)


def _stray_agent(t: Token, named: frozenset[int]) -> Token | None:
    """"a été interpellé, sans incident, par des membres de la DGSI", "a été arrêté dans l'après-midi par la
    Brigade de recherche", "condamné à une amende par l'UEFA": the parser takes a French passive's "par X" for an
    adverbial or an argument of the verb, or hangs it from the one before it ("suspendue de ses fonctions par le
    Parlement"). It is the agent when X is named, a named body's people ("des membres de la DGSI")
    or a state's agents; not "blessé par balles", not "tuée par la chute d'un arbre"."""
    if t.doc.lang_ != "fr" or not any(c.dep_ == "aux:pass" for c in t.children):
        return None
    classes = lexicon("fr").classes
    adverbials = [c for c in t.children if c.dep_ in ("obl", "obl:mod", "obl:arg", "nmod")]
    for c in adverbials + [g for a in adverbials if a.i < t.i + 8 for g in a.children if g.dep_ == "nmod" and g.i > a.i]:
        if any(g.dep_ == "case" and g.lower_ == "par" for g in c.children) and (
                c.i in named or is_state_force(c, classes) or (lemma_of(c) in classes.get("people", ()) and any(
                    g.dep_ == "nmod" and g.i in named for g in c.children))):
            return c
    return None


def is_state_force(head: Token, classes: Mapping[str, frozenset[str]]) -> bool:
    """Does the noun name a state's agents: "les policiers", "soldiers", or a force its complement makes public
    order's ("les forces de l'ordre", "forces de police", "security forces"), as opposed to "les forces kurdes"?"""
    if head.pos_ != "NOUN":
        return False
    lemma = head.lemma_.lower()
    if lemma in classes.get("state_force", ()):
        return True
    return lemma in classes.get("force_noun", ()) and any(
        c.dep_ in ("nmod", "compound") and c.lemma_.lower() in classes.get("public_force", ()) for c in head.children)


_DURING = frozenset({"in", "during", "dans", "lors", "pendant", "au", "en"})


def _operation_doer(t: Token, named: frozenset[int]) -> Token | None:
    """"killed in a US counter-terrorism operation", "tué dans une frappe américaine", "arrêté lors d'une opération
    de la police": a passive with no agent, done in the course of an operation (class `operation`) whose own doer
    is named, is that doer's act."""
    operations = lexicon(t.doc.lang_).classes.get("operation", frozenset())
    for noun in during_nouns(t):
        if lemma_of(noun) not in operations:
            continue
        doer = _by_agent(noun) or _owner(noun, named) or next(
            (c for c in noun.children if c.dep_ == "nmod" and c.i > noun.i and after_de(c)
             and (c.i in named or any(g.i in named for g in c.children))), None) or next(
            (g for g in noun.subtree if g.i < noun.i and g.i in named), None)  # "a US counter-terrorism operation"
        if doer is not None:
            return doer
    return None


def during_nouns(t: Token) -> Iterable[Token]:
    """The nouns of ``t``'s adjuncts of time or course: "in a raid", "during an operation", "dans une frappe",
    "lors d'une opération" (the parser hangs the noun from "lors")."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in _DURING:
            nouns = [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ in ("obl", "obl:mod", "nmod", "obl:arg") and any(
                g.dep_ in ("case", "fixed") and g.lower_ in _DURING for g in c.children):
            nouns = [c]
        elif c.dep_ == "advmod" and c.lower_ == "lors":
            nouns = [g for g in c.children if g.dep_.startswith("obl")]
        else:
            continue
        for noun in nouns:
            if noun.pos_ == "PRON" and relative(noun):
                yield from _relative_hosts(noun, t)
            else:
                yield noun


def _relative_hosts(pron: Token, verb: Token) -> list[Token]:
    """"the offensive by Russian forces, during which the city was captured", "l'intervention russe en Ukraine en
    2014, dans laquelle la Crimée a été annexée": the nouns a relative of time may stand for. The English parse hangs
    the clause from its noun; the French one often from another noun or the main verb, so the noun is also read back
    from the words before the relative's preposition, climbing the complements of the noun phrase they close ("en
    2014" → "intervention")."""
    hosts = [verb.head] if verb.dep_ in ("relcl", "acl:relcl") and verb.head.i < pron.i else []
    first = min(x.i for x in pron.head.subtree) if pron.dep_ == "pobj" else min(x.i for x in pron.subtree)
    node = pron.doc[max(first - 1, 0)]
    if node.is_punct and node.i > 0:
        node = node.doc[node.i - 1]
    for _ in range(4):
        if node.pos_ == "NOUN":
            hosts.append(node)
        if node.dep_ not in ("nmod", "amod", "nummod", "pobj", "prep") or node.head.i >= node.i:
            break
        node = node.head
    return hosts


def _active_actor(t: Token, named: frozenset[int]) -> tuple[Token | None, bool]:
    subject = next((c for c in t.children if c.dep_ in SUBJECT), None) or next(
        (g for c in t.children if c.dep_ in ("aux", "aux:tense") for g in c.children if g.dep_ in SUBJECT), None)
    # ("The US has been encouraging": the parser may hang the subject from an auxiliary)
    if subject is not None and relative(subject) and t.dep_ in ("acl:relcl", "relcl"):
        return t.head, True  # "la Russie qui s'est opposée": the relative pronoun stands for the noun it follows
    if subject is not None:
        return subject, True
    if _planned(t, named):
        return _verb_actor(t.head.head, named)  # "was developing plans to attack"
    if (t.dep_ == "acl" or (t.dep_ in ("nmod", "amod", "appos") and t.pos_ != "VERB")) and t.head.i < t.i \
            and (t.head.pos_ in ("NOUN", "PROPN") or (t.dep_ == "acl" and t.head.dep_ in SUBJECT)):
        # a headline's present tense read as a participle or noun: "La junte malienne expulse …"; a participle
        # set off beside a subject: "Ce dernier, accusant Soros d'avoir amené des migrants"
        return t.head, True
    controller = _asked(t)
    if controller is not None:
        return controller, True
    if (t.dep_ in ("conj", "xcomp") or (t.dep_ in ("advcl", "pcomp") and t.morph.get("VerbForm", []) in (["Part"], ["Ger"], ["Inf"]))) \
            and t.head.i != t.i:
        return _verb_actor(_governing_clause(t), named)  # "a réagi en dénonçant", "began deploying", "accused X of violating"
    return None, True


def _asked(t: Token) -> Token | None:
    """The party asked to act: "Iran urged Israel to withdraw", "a exhorté Israël à cesser", "a demandé à la France
    de retirer ses troupes". A verb of request (factuality kind ``request``) hands its infinitive to its object,
    not to its own subject; so does a verb of the ``causative`` class, which makes its object act ("avait poussé
    Chase à jouer un rôle majeur pour aider New York", "forced the government to resign")."""
    head = t.head
    if t.dep_ != "xcomp" or head.i == t.i:
        return None
    if markers(t.doc.lang_).kinds.get(head.lemma_.lower()) != "request" \
            and lemma_of(head) not in lexicon(t.doc.lang_).classes.get("causative", frozenset()):
        return None
    return next((c for c in head.children if c.i < t.i and (c.dep_ in ("obj", "dobj", "iobj") or (
        c.dep_ in ("obl:arg", "obl") and any(g.dep_ == "case" and g.lower_ in ("à", "a") for g in c.children)))), None)


def _planned(t: Token, named: frozenset[int]) -> bool:
    """An English infinitive of a noun the object of a verb ("was developing plans to attack"): the verb's doer acts.
    English only: the French "le droit de manifester", "sa volonté de faire appel" name no act of the subject."""
    return t.doc.lang_ == "en" and t.dep_ == "acl" and t.morph.get("VerbForm", []) == ["Inf"] \
        and t.head.dep_ in ("obj", "dobj") and t.head.i not in named and t.head.head.pos_ in ("VERB", "AUX")


def _governing_clause(t: Token) -> Token:
    """The verb whose doer a conjunct, complement or adverbial clause shares: past a preposition ("accused X of
    violating") and past an adjective to its copula ("was quick to condemn", "was more forceful in blaming Iran")."""
    head = t.head.head if t.head.dep_ == "prep" else t.head
    if joins_governor(t, head) and head.dep_ == "xcomp":
        head = head.head  # "urged the embassy to reconsider and spoke with Pompeo": Raab spoke
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "xcomp") and head.head.i != head.i:
        head = head.head
    return head


_TARGETING = frozenset({"viser", "cibler", "concerner", "target", "concern", "involve", "impliquer"})
_HITTING = frozenset({"toucher", "viser", "cibler", "atteindre", "frapper", "hit", "target", "strike", "rock"})


def recipient_heads(occ: Occurrence) -> Iterable[Token]:
    """Heads of the recipient phrase, slot after slot in the lexicon's order, then what a noun or a verb's object
    "targets" ("une enquête visant douze personnalités", "sanctions targeting", "fired missiles targeting …")."""
    yield from _slotted(occ)
    if occ.pos == "NOUN" and occ.head.dep_ == "nsubj" and lemma_of(occ.head.head) in _HITTING:
        # "Une frappe russe a touché un hôpital de Kiev", "Russian strikes hit Kyiv": the act the subject names
        # struck the verb's object, when a name says whose it is (not "des familles des combattants pro-régime")
        yield from (g for c in occ.head.head.children if c.dep_ in ("obj", "dobj") and any(x.ent_type_ for x in c.subtree)
                    for g in unplaced(c))
    yield from _against(occ)
    # what the act or its weapon "targets": "sanctions targeting …", "launched missiles targeting US troops"
    nouns = [occ.head] if occ.pos == "NOUN" else [o for o in occ.head.children if o.dep_ in ("obj", "dobj")]
    for n in nouns:
        for c in n.children:
            if c.dep_ in ("acl", "amod") and lemma_of(c) in _TARGETING:
                # "visant des infrastructures": the parser may take the object for an oblique
                yield from (g for g in c.children if g.dep_ in ("obj", "dobj", "obl:arg"))


def _against(occ: Occurrence) -> Iterable[Token]:
    """"à l'encontre de X", "à son encontre" ("une enquête a été ouverte à son encontre par le parquet"): the party
    an act is directed against, beside the trigger or its support verb, whatever the trigger's own slots."""
    if occ.head.doc.lang_ != "fr":
        return
    for owner in [occ.head] + ([occ.support] if occ.support is not None else []):
        for c in owner.children:
            if c.lower_ == "encontre" and any(g.dep_ == "case" and g.lower_ == "à" for g in c.children):
                yield from (g for g in c.children if g.dep_ == "nmod" or (g.dep_ in ("det", "nmod:poss") and g.pos_ == "DET"
                                                                          and g.lower_ in ("son", "sa", "leur")))


def _slotted(occ: Occurrence) -> Iterable[Token]:
    t = occ.head
    slots = list(occ.rule.slots)
    if slots == ["*"]:  # a CAMEO verb the reviewed lexicon does not know: the usual places of a target
        slots = list(DEFAULT_SLOTS.get(t.doc.lang_, ()))
    if any(c.dep_ in _PASSIVE_SUBJECT for c in t.children) and any(s in ("obj", "dobj") for s in slots):
        slots.insert(0, "passive-subject")
    elif occ.pos == "VERB" and any(s in ("obj", "dobj") for s in slots):
        yield from _controlled_patient(t)
    for slot in slots:
        yield from slot_heads(occ, slot)


def _controlled_patient(t: Token) -> Iterable[Token]:
    """"Guéant vient d'être condamné", "Navalny doit être jugé", "is expected to be sentenced": a passive infinitive
    has no subject of its own; the verb governing it lends its subject, which undergoes the act."""
    if _passive_infinitive(t):
        yield from (c for c in t.head.children if c.dep_ in (*SUBJECT, *_PASSIVE_SUBJECT))


def _passive_infinitive(t: Token) -> bool:
    return t.dep_ == "xcomp" and t.head.i != t.i and t.head.pos_ in ("VERB", "AUX") \
        and any(c.dep_ in ("aux:pass", "auxpass") for c in t.children)


def slot_heads(occ: Occurrence, slot: str) -> Iterable[Token]:
    if slot == "cop-subject":
        subject = copula_subject(occ.head)
        if subject is not None:
            yield subject
        return
    yield from _support_recipients(occ, slot)
    deps = SLOT_DEPS.get(slot)
    if deps is not None:
        yield from _dependents(occ, slot, deps)
        return
    kind, _, prep = slot.partition(":")
    reader = _SLOT_READERS.get(kind)
    if reader is not None:
        yield from reader(occ, slot, prep)


_EMPHATIC = frozenset({"lui", "elle", "eux", "elles"})
_ALSO = frozenset({"aussi", "même", "-même", "également", "non"})


def _emphatic(t: Token) -> bool:
    """"Jovenel Moïse a lui aussi rendu hommage à son prédécesseur": a strong pronoun followed by "aussi", "même",
    "également" or "non plus" repeats the subject for emphasis; the parser reads it as the dative clitic."""
    return t.lower_ in _EMPHATIC and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in _ALSO


def _support_recipients(occ: Occurrence, slot: str) -> Iterable[Token]:
    """The support verb's indirect object: "lui a accordé l'asile", "granted him asylum"."""
    if kind_of_slot(slot) == "nmod" and occ.support is not None and slot.endswith(":à"):
        # "lui a accordé l'asile", "lui ont rendu hommage" (the parser often calls the clitic "lui" an object)
        yield from (c for c in occ.support.children if not _emphatic(c) and (c.dep_ in ("iobj", "dative") or (
            c.dep_ in ("obj", "expl:comp") and c.pos_ == "PRON" and c.lower_ == "lui")))
    if slot in ("prep:to", "prep:for") and occ.support is not None:
        yield from (c for c in occ.support.children if c.dep_ == "dative")  # "granted him asylum"


def _dependents(occ: Occurrence, slot: str, deps: frozenset[str] | tuple[str, ...]) -> Iterable[Token]:
    """A slot named by its dependency: the trigger's dependents (and its support verb's, for an indirect object),
    then where the parser's slips hide an object."""
    t = occ.head
    owners = [t] + ([occ.support] if occ.support is not None and slot in ("iobj", "dative") else [])
    for owner in owners:
        for c in owner.children:
            if c.dep_ in deps and relative(c) and owner.dep_ in ("relcl", "acl:relcl"):
                if _party_noun(owner.head):  # "les rebelles qu'elle soutient": the pronoun stands for the noun
                    yield owner.head  # (not "des résolutions du Conseil de sécurité que la Russie a soutenues": texts)
            elif c.dep_ in deps and not _emphatic(c):
                yield from unplaced(c) if slot in ("obj", "dobj", "passive-subject") else (c,)
    if slot in ("obj", "dobj", "passive-subject"):
        yield from _slipped_objects(occ, slot)


def _slipped_objects(occ: Occurrence, slot: str) -> Iterable[Token]:
    t = occ.head
    verb = slot in ("obj", "dobj") and occ.pos == "VERB"
    if verb and any(c.dep_ in _PASSIVE_SUBJECT and c.i < t.i for c in t.children) \
            and not any(c.dep_ in ("aux:pass", "auxpass") for c in t.children):
        yield from (c for c in t.children if c.dep_ in SUBJECT and c.i > t.i)  # the slip above: its object
    if verb and t.pos_ != "VERB":
        yield from (c for c in t.children if c.dep_ in ("nmod", "appos"))  # "bombardera Israël" tagged PROPN
    if t.dep_ in ("relcl", "acl:relcl") and any(c.dep_ in _PASSIVE_SUBJECT and relative(c) for c in t.children):
        yield t.head  # "two Russian missiles which were shot down": the relative pronoun is the noun
    if verb:
        yield from _stranded_objects(t)


def _stranded_objects(t: Token) -> Iterable[Token]:
    aux = stranded_aux(t)
    if aux is not None:  # "a de son côté dénoncé « la furie »": the object hangs from the auxiliary or its noun
        yield from (c for o in (aux, aux.head) for c in o.children if c.dep_ in ("obj", "nmod") and c.i > t.i)
    elif t.dep_ == "acl":
        yield from _acl_objects(t)


def _acl_objects(t: Token) -> Iterable[Token]:
    """The object of a verb hung from a noun: the noun for a passive participle ("les quatre personnes détenues",
    "prisoners released"); for a present tense read as a participle, what hangs from the noun after it ("La junte
    malienne expulse l'ambassadeur de France")."""
    if looks_participle(t) and not _active_past(t):
        yield t.head
    else:
        yield from (c for c in t.head.children if c.dep_ in ("nmod", "obj", "appos") and c.i > t.i)


def _oblique_slot(occ: Occurrence, slot: str, prep: str) -> Iterable[Token]:
    yield from _obliques(occ, prep)


def _prep_slot(occ: Occurrence, slot: str, prep: str) -> Iterable[Token]:
    for owner in [occ.head] + ([occ.support] if occ.support is not None else []):
        for p in owner.children:
            if p.dep_ == "prep" and p.lemma_.lower() == prep:
                yield from (g for g in p.children if g.dep_ == "pobj")


def _pobj_slot(occ: Occurrence, slot: str, prep: str) -> Iterable[Token]:
    for p in occ.head.children:
        if p.dep_ in ("prep", "prt"):
            yield from (g for g in p.children if g.dep_ == "pobj")


def _xcomp_object_slot(occ: Occurrence, slot: str, prep: str) -> Iterable[Token]:
    for x in occ.head.children:
        if x.dep_ == "xcomp":
            yield from (g for g in x.children if g.dep_ in ("obj", "dobj"))
            yield from (g for o in x.children if o.dep_ in ("obj", "dobj") for g in o.children if g.dep_ == "nmod")


def _ccomp_slot(occ: Occurrence, slot: str, prep: str) -> Iterable[Token]:
    want = ("nsubj",) if slot.endswith("nsubj") else ("obj", "dobj")
    for x in occ.head.children:
        if x.dep_ == "ccomp":
            yield from (g for g in x.children if g.dep_ in want)


def _conj_subject_slot(occ: Occurrence, slot: str, prep: str) -> Iterable[Token]:
    subject = next((c for c in occ.head.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        yield from (c for c in subject.children if c.dep_ == "conj")


_SLOT_READERS: dict[str, Callable[[Occurrence, str, str], Iterable[Token]]] = {
    "obl": _oblique_slot, "nmod": _oblique_slot, "prep": _prep_slot, "pobj": _pobj_slot,
    "xcomp-obj": _xcomp_object_slot, "xcomp-dobj": _xcomp_object_slot,
    "ccomp-nsubj": _ccomp_slot, "ccomp-dobj": _ccomp_slot, "conj-nsubj": _conj_subject_slot,
}
"""The slots not named by a dependency (``SLOT_DEPS``), by kind (the part before ``:``; the whole slot without one)."""


_PLACE_PREPS = frozenset({"en", "in", "à", "au", "aux", "dans", "inside", "within"})


def place_heads(occ: Occurrence) -> Iterable[Token]:
    """Places named after a preposition of place in the trigger's clause ("strikes in Iran", "frappes en Iran"), or
    in the clause a participle adjunct hangs from: PLOVER codes an attack on a place as one on the state it
    belongs to."""
    owners = [occ.head] + ([occ.support] if occ.support is not None else [])
    t = occ.head
    if occ.pos == "VERB" and t.dep_ == "advcl" and t.morph.get("VerbForm", []) in (["Part"], ["Ger"]) \
            and t.head.pos_ in ("VERB", "AUX"):
        owners.append(t.head)  # "blew himself up in Kabul, killing 12", "ont repris … à Tombouctou en s'attaquant à …"
    for owner in owners:
        for x in local_tokens(owner):
            if any(c.dep_ in ("case", "fixed") and c.lower_ in _PLACE_PREPS for c in x.children) or (
                    x.dep_ == "pobj" and x.head.lower_ in _PLACE_PREPS):
                yield x


_HOLDING = frozenset({"contrôler", "tenir", "occuper", "control", "hold", "occupy"})
_STRONGHOLDS = frozenset({"bastion", "fief", "stronghold"})  # "al-Bab, dernier bastion de l'EI": the EI holds it


def holder_of(place: Token) -> Token | None:
    """Who holds a place, by the words beside it: "Mossoul, plus grande ville jamais contrôlée par Daech", "al-Raï,
    dernier point de passage contrôlé par l'EI", "the rebel-held town of X" (its participle's agent, or the named
    half of its "-held" compound), or whose stronghold it is ("al-Bab, dernier bastion de l'EI"). An attack on a held
    place is an attack on its holder."""
    # its apposition, which the parser may take for a conjunct with no conjunction ("Mossoul, plus grande ville …")
    # or for a modifier with no preposition ("al-Bab, dernier bastion de l'organisation": nmod)
    nouns = [place, *(c for c in place.children if c.dep_ == "appos" or (
        c.dep_ in ("conj", "nmod") and c.pos_ == "NOUN" and not any(g.dep_ in ("cc", "case") for g in c.children)))]
    if place.dep_ == "pobj" or place.dep_ in ("nmod", "appos"):
        nouns.append(place.head)  # "the town of X", "la ville de X": the noun the name qualifies
    for noun in nouns:
        owner = _stronghold_owner(noun)
        if owner is not None:
            return owner
        for c in noun.children:
            if c.dep_ in ("acl", "amod", "acl:relcl", "relcl") and lemma_of(c) in _HOLDING:
                agent = next((g for g in c.children if g.dep_ in PASSIVE_AGENT), None)
                if agent is not None:
                    return _agent_noun(agent)
                named = next((g for g in c.children if g.dep_ in ("npadvmod", "compound") and g.ent_type_), None)
                if named is not None:
                    return named  # "IS-held", "Houthi-held"
    return None


def _stronghold_owner(noun: Token) -> Token | None:
    """"dernier bastion de l'EI", "the last stronghold of the rebels": whose stronghold the noun is."""
    if lemma_of(noun) not in _STRONGHOLDS:
        return None
    return next((c for c in noun.children if c.dep_ == "nmod" and after_de(c)), None) or pobj(noun, "of")


def _party_noun(t: Token) -> bool:
    """A noun that names a party by itself: a name, or a role or group noun of ``role_nouns.tsv`` ("les rebelles")."""
    return bool(t.ent_type_) or t.pos_ == "PROPN" or role_noun(t, t.doc.lang_) is not None


def kind_of_slot(slot: str) -> str:
    return slot.partition(":")[0]


def _obliques(occ: Occurrence, prep: str) -> Iterable[Token]:
    t = occ.head
    scope = local_tokens(t)
    if occ.pos == "NOUN" and occ.support is not None:
        seen = {y.i for y in scope}
        scope += [x for x in local_tokens(occ.support) if x.i not in seen]
    for x in scope:
        cases = [c for c in x.children if c.dep_ in ("case", "fixed")]
        # the preposition is the first word of the phrase's own: "grâce aux frappes", "face à l'offensive" are no "à"
        if x.i != t.i and cases and _prep_matches(cases[0], prep):
            yield x


def _prep_matches(case: Token, prep: str) -> bool:
    lemma = lemma_of(case)
    if lemma == prep or case.lower_ == prep:
        return True
    return prep == "à" and case.lower_ in ("au", "aux")


def local_tokens(t: Token) -> list[Token]:
    """The clause of ``t`` without its own sub-clauses and without its subject."""
    out, stack = [], [c for c in t.children if c.dep_ not in _CLAUSAL and not c.dep_.startswith("nsubj")]
    while stack:
        x = stack.pop()
        out.append(x)
        stack.extend(c for c in x.children if c.dep_ not in _CLAUSAL)
    return sorted(out, key=lambda x: x.i)


# ---------------------------------------------------------------- lists and reciprocals

def members(head: Token, refs: Referents, exclude: AbstractSet[int] = frozenset()) -> list[Token]:
    """``head`` and the other members of its list: conjuncts, and named neighbours of the same kind joined by commas
    and "et"/"and" (the parser often hangs "A, B et C" in pieces, or under "dont"/"including"). A run of commas alone
    is no list ("Selon l'AFP, le Conseil national syrien a appelé"): a conjunction must close it. A common noun
    owned by a list stands for each owner ("the navies of China, India and Oman", "les ambassadeurs de l'Allemagne,
    de la Belgique et de la France"): the noun for the first, the other owners for themselves."""
    owner = _list_owner(head, refs)
    if owner is not None:
        listed = members(owner, refs, exclude)
        if len(listed) > 1:
            return [head] + [m for m in listed[1:] if m.i not in exclude]
    out = [head] + [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and c.i not in exclude
                    and not _prepositional(c, head)]
    entity = refs.by_token.get(head.i) or refs.entity_in(head)
    for m in list(out):
        own = entity if m is head else refs.by_token.get(m.i) or refs.entity_in(m)
        if own is not None:
            out += _other_demonyms(m, refs, own, exclude)
    if entity is None:
        return out
    seen = {id(refs.by_token.get(m.i)) for m in out}
    runs = {side: _run(head, refs, side, entity, exclude) for side in (1, -1)}
    right_closed = runs[1][1] or len(out) > 1
    for side in (1, -1):
        found, closed = runs[side]
        if not (closed or (side == -1 and right_closed)):
            continue
        for nxt in found:
            e = refs.by_token[nxt.i]
            if id(e) not in seen:
                seen.add(id(e))
                out.append(_mention_head(nxt, refs))
    return out


def _other_demonyms(head: Token, refs: Referents, entity: Entity, exclude: AbstractSet[int]) -> list[Token]:
    """"les armées russe et syrienne", "Russian and Syrian forces", "ses alliés russes et iraniens": a noun with
    coordinated demonyms stands for each of their states (the parser hangs the second from the first, or from the
    noun)."""
    if head.pos_ != "NOUN":
        return []
    first = [c for c in head.children if c.dep_ in ("amod", "conj") and c.i in refs.demonym_tokens]
    coordinated = [g for d in first for g in d.children if g.dep_ == "conj" and g.i in refs.demonym_tokens]
    if not coordinated and len(first) < 2:
        return []
    out: list[Token] = []
    seen = {id(entity)}
    for d in sorted(first + coordinated, key=lambda x: x.i):
        e = refs.by_token[d.i]
        if id(e) not in seen and d.i not in exclude:
            seen.add(id(e))
            out.append(d)
    return out


def _run(head: Token, refs: Referents, side: int, entity: Entity, exclude: AbstractSet[int]) -> tuple[list[Token], bool]:
    """The named neighbours listed on one side of ``head``, and whether a conjunction closed the run."""
    found: list[Token] = []
    closed, anchor = False, _mention_edge(head, refs, side)
    while anchor is not None:
        step = _listed_neighbour(anchor, refs, side, entity.type)
        if step is None:
            break
        nxt, conj = step
        other = refs.by_token[nxt.i]
        if other.type != entity.type:  # the list closes on another kind: "Trump, Poutine et la Russie" ends at
            closed = closed or conj  # Poutine; "…, des Pays-Bas et de l'UE" takes the union its states belong to
            if entity.type == "GPE" and other.agent == "IGO" and nxt.i not in exclude:
                found.append(nxt)
            break
        if nxt.i in exclude:
            break
        found.append(nxt)
        closed = closed or conj
        anchor = _mention_edge(nxt, refs, side)
    return found, closed


_OF = frozenset({"of", "de", "d'", "d’", "du", "des"})


def _list_owner(head: Token, refs: Referents) -> Token | None:
    """The named owner of a common noun ("of China", "de l'Allemagne"), which may head a list."""
    if head.pos_ != "NOUN" or head.i in refs.by_token or any(c.dep_ == "conj" and not _prepositional(c, head)
                                                                 for c in head.children):  # "de B" misparsed as its conjunct
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            c = next((g for g in c.children if g.dep_ == "pobj"), c)
        elif not (c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ in _OF for g in c.children)):
            continue
        if c.i in refs.by_token:
            return c
    return None


_TARGET_NOUNS = frozenset({"subject", "target", "victim", "object", "objet", "cible", "victime"})
_DESPITE = frozenset({"despite", "amid", "following", "after", "malgré", "après", "face", "suite"})


def undergoer(t: Token) -> Token | None:
    """Who undergoes a noun's act by the frame around it: "Mahan has been the subject of US sanctions", "2000
    membres feraient l'objet d'accusations", "X, target of Russian strikes", "fait face aux bombardements de
    l'aviation russe", "subit des revers face à l'offensive", "came under attack": the clause's subject."""
    faced = _faced(t)
    if faced is not None:  # a conjunct verb shares its subject: "subit des revers … et fait face aux bombardements"
        holder = faced.head if faced.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in faced.children) \
            else faced
        return next((c for c in holder.children if c.dep_.startswith("nsubj")), None)
    up = t.head.head if t.head.dep_ in ("prep", "case") and t.head.head.i != t.head.i else t.head
    if up.lemma_.lower() in _TARGET_NOUNS and up.pos_ == "NOUN":
        holder = up
    elif lemma_of(up) == "faire" and any(c.lemma_.lower() in _TARGET_NOUNS and c.dep_ in ("obj", "dobj") for c in up.children):
        holder = up  # "faire l'objet de": the noun hangs from the verb
    else:
        return None
    if holder.pos_ not in ("VERB", "AUX") and holder.dep_ in _COMPLEMENTS:
        return None  # "ont formé une chaîne en hommage aux victimes de l'attentat": the subject honours the victims
    node = holder if holder.pos_ in ("VERB", "AUX") else holder.head
    return next((c for c in node.children if c.dep_.startswith("nsubj")), None)


_COMPLEMENTS = frozenset({"obj", "dobj", "iobj", "obl", "obl:arg", "obl:mod", "pobj", "nmod", "dative"})


def _faced(t: Token) -> Token | None:
    """The verb of a clause whose subject faces the act ``t`` names: "face à" / "faire face à" (the parser makes
    "face" the noun's case marker), "came under attack", "faced a barrage"."""
    head = t.head
    if t.dep_ == "pobj" and head.lower_ == "under" and head.head.pos_ == "VERB" and lemma_of(head.head) == "come":
        return head.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    if t.dep_ in ("obl", "obl:arg", "obl:mod") and any(c.dep_ == "case" and c.lower_ == "face" for c in t.children):
        return head
    return head if t.dep_ == "dobj" and lemma_of(head) == "face" else None


def opposed_subject(t: Token) -> Token | None:
    """"He announced this change despite criticism by the Greek foreign minister": a reproach in an adverbial of
    concession or time is aimed at the clause's subject."""
    prep = t.head
    if t.dep_ not in ("pobj", "obl", "obl:mod", "nmod") or prep.i == t.i:
        return None
    marker = prep if t.dep_ == "pobj" else next((c for c in t.children if c.dep_ == "case"), None)
    if marker is None or marker.lower_ not in _DESPITE:
        return None
    verb = prep.head if t.dep_ == "pobj" else t.head
    return next((c for c in verb.children if c.dep_ in SUBJECT), None) if verb.pos_ in ("VERB", "AUX") else None


_BACKING = frozenset({"avec", "grâce", "with", "thanks"})


def backed_subject(t: Token) -> Token | None:
    """"l'armée turque intervient avec le soutien des États-Unis", "avance grâce à l'aide de l'aviation russe",
    "entered Syria with the support of the United States": help in an adverbial of accompaniment or cause goes to
    the clause's subject (the coder asks it only of aid and support nouns); so does help a verb of the ``reliance``
    class takes ("compte sur l'appui de la Russie", "bénéficie du soutien de Paris", "relies on the support of")."""
    marker: Token | None
    if t.dep_ == "pobj":  # "with the support", "thanks to the help": the preposition hangs from the verb or "thanks"
        prep = t.head
        marker, verb = (prep.head, prep.head.head) if prep.head.lower_ == "thanks" else (prep, prep.head)
    elif t.dep_ in ("obl", "obl:mod", "obl:arg", "nmod"):
        marker = next((c for c in t.children if c.dep_ == "case"), None)
        verb = t.head
    elif t.dep_ in ("obj", "dobj"):  # "bénéficie du soutien de Paris", "enjoys the backing of Washington"
        marker, verb = None, t.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if marker is None or marker.lower_ not in _BACKING:
        # "la Turquie peut compter sur l'appui de la Russie", "Kyiv relies on the support of its allies"
        if lemma_of(verb) not in lexicon(t.doc.lang_).classes.get("reliance", frozenset()):
            return None
        while verb.dep_ == "xcomp" and clause_subject(verb) is None:  # "peut compter sur": the modal's subject
            verb = verb.head
    # "Duque est élu sénateur avec le soutien d'Álvaro Uribe": a passive's subject is helped as well
    return clause_subject(verb)


def clause_subject(verb: Token) -> Token | None:
    """The verb's subject, active or passive."""
    return next((c for c in verb.children if c.dep_ in (*SUBJECT, *_PASSIVE_SUBJECT)), None)


def passive_theme(t: Token) -> Token | None:
    """The theme of an agentless passive, climbing through modals ("[les missiles] pourraient être livrés"):
    only a noun (a thing moved or done to), never a pronoun."""
    node = t
    for _ in range(4):
        theme = next((c for c in node.children if c.dep_ in ("nsubj:pass", "nsubjpass", "nsubj")), None)
        if theme is not None:
            return theme if theme.pos_ == "NOUN" else None
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _prepositional(member: Token, head: Token) -> bool:
    """"Selon l'AFP, le Conseil national syrien a appelé": a member behind a preposition its head lacks, or behind
    another one ("à peine trois jours plus tard et grâce aux frappes américaines"), is no member of the list."""
    def prep(t: Token) -> str | None:
        first = next((c for c in t.children if c.dep_ == "case" and c.i < t.i), None)
        if first is None:
            return None
        word = lemma_of(first)
        return "à" if word in ("au", "aux") else word
    own = prep(member)
    return own is not None and own != prep(head)


def _sourced(t: Token) -> bool:
    """"Selon l'AFP, le Conseil national syrien, principale coalition de l'opposition, a appelé": a neighbour
    behind a preposition of source (class ``source``: "selon") is where the report comes from, not a member of the
    list beside it, so not a doer of what that list does."""
    sources = lexicon(t.doc.lang_).classes.get("source", frozenset())
    return any(c.dep_ == "case" and c.lower_ in sources for c in t.children)


def _mention_edge(t: Token, refs: Referents, side: int) -> Token | None:
    """The first (side -1) or last (side 1) token of the mention ``t`` belongs to (or of its phrase)."""
    e = refs.by_token.get(t.i)
    if e is None:
        return t
    doc, i = t.doc, t.i
    start = sentence_of(t).start
    while 0 <= i + side < len(doc) and refs.by_token.get(i + side) is e and sentence_of(doc[i + side]).start == start:
        i += side
    return doc[i]


_CONJUNCTIONS = frozenset({"et", "and", "ou", "or"})


def _listed_neighbour(edge: Token, refs: Referents, side: int, type_: str) -> tuple[Token, bool] | None:
    """The mention next to ``edge`` across list punctuation and determiners only, if it names a same-type entity
    (or any entity behind a conjunction: the caller ends the list there), and whether a conjunction stood between."""
    doc, i, crossed, conj = edge.doc, edge.i + side, False, False
    start = sentence_of(edge).start
    owned = _owned(edge, refs)  # "de l'Allemagne, de la Belgique et de la France": each member repeats its "de"
    while 0 <= i < len(doc) and sentence_of(doc[i]).start == start:
        x = doc[i]
        if x.i in refs.by_token and x.i not in refs.demonym_tokens:
            e = refs.by_token[x.i]
            if not crossed or _sourced(_mention_head(x, refs)) or (e.type != type_ and not conj):
                return None
            return x, conj
        if x.i in refs.demonym_tokens or refs.role_of(x) is not None:
            pass  # "Trump and Turkish President Erdoğan": a member's title stands between
        elif x.lower_ in _LIST_WORDS:
            crossed = True
            conj = conj or x.lower_ in _CONJUNCTIONS
        elif x.pos_ != "DET" and x.lower_ not in ("dont", "including", "notamment", "such") \
                and not (owned and x.pos_ == "ADP" and x.lower_ in _OF):
            return None
        i += side
    return None


def _owned(edge: Token, refs: Referents) -> bool:
    """Is the mention at ``edge`` an owner behind "de"/"of" ("les ambassadeurs de l'Allemagne")?"""
    t = _mention_head(edge, refs) if edge.i in refs.by_token else edge
    if any((c.dep_ == "case" or c.lower_ in ("du", "des")) and c.lower_ in _OF for c in t.children):  # "des Pays-Bas"
        return True
    return t.dep_ == "pobj" and t.head.lower_ == "of"


def _mention_head(t: Token, refs: Referents) -> Token:
    e = refs.by_token[t.i]
    span = [x for x in sentence_of(t) if refs.by_token.get(x.i) is e and abs(x.i - t.i) < 8]
    ids = {x.i for x in span}
    return next((x for x in span if x.head.i not in ids), t)


def reciprocal(occ: Occurrence, lang: str) -> bool:
    """"accuse each other", "s'accusent mutuellement": each member of the subject acts on the others."""
    t = occ.head
    sent_text = sentence_of(t).text.lower().replace("\u2019", "'")
    if any(p in sent_text for p in _RECIPROCAL.get(lang, ())):
        window = t.doc[t.i: min(len(t.doc), t.i + 6)].text.lower().replace("\u2019", "'")
        if any(p in window for p in _RECIPROCAL[lang]):
            return True
    if lang == "fr":
        return any(c.lower_ in ("se", "s'", "s\u2019") and c.dep_ in ("expl:comp", "obj", "iobj", "expl:pv", "expl")
                   for c in t.children) and occ.rule.type in ("ACCUSE", "THREATEN", "ASSAULT", "REJECT")
    return False
