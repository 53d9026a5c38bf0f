"""Factuality of a clause from its grammar: asserted, negated, hypothetical or uncertain.

The markers are data (``lexicons/<lang>/factuality.tsv``); this module says where they count:
- on the predicate itself: negation ("ne … pas", "not"), conditional and future morphology, modal
  auxiliaries ("would", "could"), the reporting conditional "aurait livré" (uncertain);
- on the verbs that govern it, up to the clause that reports it: modals and plans ("pourraient être
  livrés", "prévoit de frapper"), fears and hopes, and a negated belief ("ne croient pas que …");
- hedging phrases earlier in the sentence ("certains signes montrent que", "reportedly").
Negated wins over hypothetical, which wins over uncertain: a denied plan is reported as denied.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from veille.lexicons import table, words
from veille.nlp.index import text_of

ASSERTED, NEGATED, HYPOTHETICAL, UNCERTAIN = "asserted", "negated", "hypothetical", "uncertain"
_ORDER = {NEGATED: 0, HYPOTHETICAL: 1, UNCERTAIN: 2, ASSERTED: 3}
_LOCAL_DEPS = frozenset({"advmod", "neg", "aux", "aux:tense", "aux:pass", "auxpass", "mark", "det", "case", "cop", "cc",
                         "preconj"})
_GOVERNED_BY = frozenset({"xcomp", "ccomp", "obj", "dobj", "obl", "obl:arg", "pobj", "prep", "acl", "advcl", "conj"})


@dataclass(frozen=True, slots=True)
class Markers:
    lemmas: dict[str, str]  # lemma -> factuality
    kinds: dict[str, str]  # lemma -> kind
    phrases: tuple[tuple[str, str, str], ...]  # (phrase, kind, factuality)
    morph: tuple[tuple[str, str], ...]  # ("Mood=Cnd", factuality)


@cache
def markers(lang: str) -> Markers:
    lemmas, kinds, phrases, morph = {}, {}, [], []
    for row in table(lang, "factuality"):
        form, scope = row["form"].lower(), row["scope"]
        if scope == "lemma" and " " not in form:
            lemmas[form] = row["factuality"]
            kinds[form] = row["kind"]
        elif scope == "morph":
            morph.append((row["form"], row["factuality"]))
        else:
            phrases.append((form.replace("\u2019", "'"), row["kind"], row["factuality"]))
    return Markers(lemmas, kinds, tuple(sorted(phrases, key=lambda p: -len(p[0]))), tuple(morph))


def factuality(predicate: Token, lang: str, *, stop_at: frozenset[int] = frozenset()) -> str:
    """Factuality of the act ``predicate`` names. Governors in ``stop_at`` (a reporting verb) end the walk,
    except a negated belief ("ne croient pas que"), which negates what it governs."""
    m = markers(lang)
    found = [_local(predicate, m, lang)]
    t, steps = predicate, 0
    while t.dep_ in _GOVERNED_BY and t.head.i != t.i and steps < 4:
        head = t.head
        steps += 1
        if joins_governor(t, head) and head.head.i != head.i:
            t = head.head  # out of the infinitive's scope
            continue
        # a modal scopes over its complement (also a noun's infinitive: "plans to attack"), not over an adverbial
        governed_clause = t.dep_ in ("xcomp", "ccomp") or (t.dep_ == "acl" and t.morph.get("VerbForm", []) == ["Inf"])
        if head.i in stop_at:
            found.append(_reported(t, head, m, lang))
            break
        lemma = head.lemma_.lower()
        if governed_clause and m.kinds.get(lemma) == "modal" and _realised(head, lang):
            pass  # "Renzi a dû démissionner", "a pu s'enfuir": a modal in the completed past says the act happened
        elif governed_clause and lemma in m.lemmas and m.kinds.get(lemma) != "negation":
            found.append(m.lemmas[lemma])
        elif governed_clause and lemma in m.lemmas and t.dep_ in ("xcomp", "ccomp"):
            found.append(m.lemmas[lemma])  # "a démenti avoir frappé", "refused to meet"
        if t.dep_ != "conj":
            local = _local(head, m, lang)
            if local != ASSERTED and governed_clause:
                found.append(local)
        t = head
    found.append(_phrases(predicate, m))
    return min(found, key=_ORDER.__getitem__)


def _reported(t: Token, reporter: Token, m: Markers, lang: str) -> str:
    """What the reporting verb makes of the clause it reports: "ne croient pas que l'accord soit finalisé" denies
    it; "a exigé que les troupes se retirent" asks for it (not done); "a dit que" leaves it as it is."""
    kind = m.kinds.get(reporter.lemma_.lower())
    if t.dep_ == "ccomp" and kind != "belief_neg" and _local(reporter, m, lang) == NEGATED:
        return NEGATED
    if kind in ("belief_neg", "request"):
        return m.lemmas[reporter.lemma_.lower()]
    return ASSERTED


def joins_governor(t: Token, head: Token) -> bool:
    """"urged the embassy to reconsider and spoke with Pompeo": a tensed verb the parser hangs as a conjunct of an
    infinitive (``head``) is coordinate with the infinitive's governor, neither in its scope nor sharing its doer."""
    return t.dep_ == "conj" and _tensed(t) and head.morph.get("VerbForm", []) == ["Inf"]


def _tensed(verb: Token) -> bool:
    """A finite verb, or a participle with its own auxiliary ("spoke", "s'est entretenu")."""
    return verb.morph.get("VerbForm", []) == ["Fin"] or any(c.dep_ in ("aux", "aux:tense") for c in verb.children)


def _realised(modal: Token, lang: str) -> bool:
    """Is the French modal in a completed past of the indicative ("a dû", "avait pu", "dut")? Then what it governs
    took place; "aurait dû" (a conditional: it did not), "devait" (an imperfect: it was due) and the present do not."""
    if lang != "fr":
        return False
    if modal.morph.get("VerbForm", []) == ["Part"]:
        auxes = [c for c in modal.children if c.dep_.startswith("aux")]
        return bool(auxes) and not any("Mood=Cnd" in str(c.morph) or (c.lower_.endswith(("ait", "aient", "ais"))
                                       and c.lower_.startswith(("aur", "ser"))) for c in auxes)
    return modal.morph.get("Tense", []) == ["Past"] and modal.morph.get("Mood", []) == ["Ind"]


def _local(t: Token, m: Markers, lang: str) -> str:
    found = ASSERTED
    for c in t.children:
        if c.dep_ == "dobj" and _nothing(c, m):
            return NEGATED  # "They have conceded nothing", "made no concession": English negates the object
        if c.dep_ not in _LOCAL_DEPS:
            continue
        if _negates(t, c, m):
            return NEGATED
        found = _min(found, _marked(t, c, m, lang))
    return _inflection(t, found, lang)


def negates(t: Token, c: Token, lang: str) -> bool:
    """Does the child ``c`` negate ``t`` (a negation of ``factuality.tsv``, or French "ne" with its pair)?"""
    return _negates(t, c, markers(lang))


def _nothing(obj: Token, m: Markers) -> bool:
    """An English object that is a negation ("nothing", "none") or is determined by one ("no concession")."""
    return m.kinds.get(obj.lemma_.lower()) == "negation" or any(
        g.dep_ == "det" and m.kinds.get(g.lemma_.lower()) == "negation" for g in obj.children)


_WITH_NE_ONLY = frozenset({"plus"})


def _negates(t: Token, c: Token, m: Markers) -> bool:
    """Does the child ``c`` negate ``t``? French "ne" only with a second negation ("ne … que" is "only")."""
    lemma = c.lemma_.lower()
    if _is_ne(c):
        return _has_second_negation(t)
    if lemma in _WITH_NE_ONLY and t.doc.lang_ == "fr":
        # "plus au sud, l'armée avait lancé": "plus" is "more" unless "ne" goes with it ("ne … plus")
        return any(_is_ne(g) for g in t.children)
    return c.dep_ == "neg" or (m.kinds.get(lemma) == "negation" and c.dep_ in ("advmod", "det", "cc", "preconj")) \
        or "Polarity=Neg" in str(c.morph)


def _marked(t: Token, c: Token, m: Markers, lang: str) -> str:
    """What the child ``c`` makes of ``t``: a modal, a conditional or future auxiliary, a conditional or purpose
    conjunction, a hedge."""
    lemma = c.lemma_.lower()
    if c.dep_ == "mark" and c.lower_ in ("s'", "s\u2019"):
        lemma = "si"  # "s'il est mis en examen": the tagger reads the elided "si" as the reflexive "se"
    kind = m.kinds.get(lemma)
    found = ASSERTED
    if lang == "en" and c.dep_ in ("aux", "auxpass") and kind in ("modal", "future"):
        found = _min(found, m.lemmas[lemma])
    if c.dep_.startswith("aux") and "Mood=Cnd" in str(c.morph) and _inflected(c, "Mood=Cnd", lang):
        # "aurait livré": the press's reporting conditional, an unconfirmed fact
        found = _min(found, UNCERTAIN if t.morph.get("VerbForm", None) == ["Part"] and c.dep_ == "aux:tense" else HYPOTHETICAL)
    if c.dep_.startswith("aux") and "Tense=Fut" in str(c.morph) and _inflected(c, "Tense=Fut", lang):
        found = _min(found, HYPOTHETICAL)
    if c.dep_ == "mark" and kind in ("conditional", "purpose"):
        found = _min(found, HYPOTHETICAL)
    if c.dep_ == "advmod" and kind in ("hedge", "evidential", "allegation"):
        found = _min(found, m.lemmas[lemma])
    return found


def _inflection(t: Token, found: str, lang: str) -> str:
    """``found`` as ``t``'s own mood and tense leave it: conditional and future verbs are hypothetical."""
    for feature in ("Mood=Cnd", "Tense=Fut"):
        if feature in str(t.morph) and _inflected(t, feature, lang):
            found = _min(found, HYPOTHETICAL)
    if lang == "fr" and t.pos_ == "VERB" and t.lower_.endswith(_FR_ENDINGS["Mood=Cnd"]) and \
            t.lemma_.lower() not in words("modal_verb", "fr") and not any(x.lower_ == "si" for x in t.sent):
        # "feraient l'objet d'accusations": a main verb in the press's reporting conditional, with no "si" clause,
        # reports an unconfirmed fact (the tagger often calls it an indicative)
        found = UNCERTAIN if found in (ASSERTED, HYPOTHETICAL) else found
    if lang == "fr" and t.pos_ in ("PROPN", "NOUN", "ADJ") and t.lemma_.endswith(("er", "ir", "re")) and \
            t.lower_.endswith(_FR_ENDINGS["Tense=Fut"] + _FR_ENDINGS["Mood=Cnd"]):
        found = _min(found, HYPOTHETICAL)  # "qu'il bombardera Israël": a future verb the tagger called a name
    return found




# French futures and conditionals all end this way ("accueillera", "pourraient"); the morphologizer
# sometimes tags a present ("accueille") as future, so the ending must agree with the tag.
_FR_ENDINGS = {"Tense=Fut": ("rai", "ras", "ra", "rons", "rez", "ront"),
               "Mood=Cnd": ("rais", "rait", "rions", "riez", "raient")}


def _inflected(t: Token, feature: str, lang: str) -> bool:
    return lang != "fr" or t.lower_.endswith(_FR_ENDINGS[feature])


def _is_ne(t: Token) -> bool:
    """The French particle "ne" / "n'"."""
    return t.lemma_.lower().replace("\u2019", "'") in words("ne_particle", "fr")


def _has_second_negation(t: Token) -> bool:
    """French "ne" negates only with pas/jamais/plus/rien/aucun…; "ne … que" is "only"."""
    return any(c.lemma_.lower() in words("ne_pair", "fr") for c in t.children) or \
        any(c.lemma_.lower() in words("ne_pair_anywhere", "fr") for c in t.subtree)


def _phrases(predicate: Token, m: Markers) -> str:
    sent = predicate.sent
    before = text_of(predicate.doc)[sent.start_char:predicate.idx].lower().replace("\u2019", "'")
    found = ASSERTED
    for phrase, kind, value in m.phrases:
        if kind in ("hedge", "evidential", "allegation") and _contains_words(before, phrase):
            found = _min(found, value)
    return found


def _contains_words(text: str, phrase: str) -> bool:
    i = text.find(phrase)
    while i >= 0:
        before_ok = i == 0 or not text[i - 1].isalnum()
        end = i + len(phrase)
        after_ok = end >= len(text) or not text[end].isalnum()
        if before_ok and after_ok:
            return True
        i = text.find(phrase, i + 1)
    return False


def _min(a: str, b: str) -> str:
    return a if _ORDER[a] <= _ORDER[b] else b
