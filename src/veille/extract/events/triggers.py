"""Where the events are: trigger words in the parse, with the sense of a verb checked against its object.

A trigger is found, in this order of precedence:
1. a multiword row of ``events.tsv`` (longest first: "air strike" over "strike", "mettre fin", phrasal verbs
   "pull out" even when the particle comes after the object);
2. a CAMEO pattern that matches the verb's frame ("release * prisoner" → RETREAT; "release * statement" → no
   event at all, which blocks the hand row too, save CAMEO 016 "deny responsibility" before a REJECT row): the
   sense check CAMEO has always made;
3. the hand row for the lemma, if its sense constraint holds ("launch" codes ASSAULT only with a weapon as object);
4. the CAMEO default code of the verb.

The parser's part of speech is corrected where it is plainly wrong for our purpose: a lowercase verb form tagged
PROPN ("bombardera"), a noun tagged VERB after a determiner ("des frappes"). A noun trigger governed by a support
verb ("launched an attack", "mener des frappes") is the event; the light verb is not one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from veille.config import settings
from veille.extract.events.lexicon import Lexicon, Pattern, Sense, Trigger, lexicon
from veille.nlp.index import sentence_of

_ELISIONS = {"l'": "le", "l\u2019": "le", "d'": "de", "d\u2019": "de", "qu'": "que", "qu\u2019": "que"}
_SKIPPABLE = frozenset({"AUX", "ADV", "PART"})  # what may stand between the words of a multiword trigger
_NOMINAL_DEPS = frozenset({"obj", "dobj", "nsubj", "nsubj:pass", "nsubjpass", "obl", "obl:arg", "obl:mod", "nmod", "pobj",
                           "conj", "appos", "ROOT"})
_CLAUSE = frozenset({"ccomp", "advcl", "parataxis", "acl:relcl", "relcl", "csubj", "conj", "xcomp", "acl"})
_MODIFIER = frozenset({"compound", "amod", "nmod:poss", "poss", "nummod", "det"})
_PARTICLE = frozenset({"prt", "compound:prt"})


def lemma_of(t: Token) -> str:
    lemma = t.lemma_.lower()
    if t.pos_ == "VERB" and lemma == t.lower_ and t.doc.lang_ == "fr":
        return _first_group(lemma)
    return _ELISIONS.get(lemma, lemma)


def after_de(c: Token) -> bool:
    """Is ``c`` introduced by "de" ("les frappes de la Russie", "la démission d'Emmanuel Macron")?"""
    return any(g.dep_ == "case" and lemma_of(g) == "de" for g in c.children)


def pobj(t: Token, prep: str) -> Token | None:
    """The object of ``t``'s English preposition ``prep`` ("the request of X", "dozens of soldiers")."""
    return next((g for c in t.children if c.dep_ == "prep" and c.lower_ == prep for g in c.children if g.dep_ == "pobj"),
                None)


def _first_group(form: str) -> str:
    """"L'exécutif européen reproche au pays …", "il conteste", "ils demandent": the French lemmatizer leaves some
    present-tense verbs as they are written; every infinitive ends in -er, -ir, -re or -oir, so a verb "lemma" that
    does not is a present form of the -er verbs, the one open class, whose infinitive it gives back."""
    if form.endswith(("er", "ir", "re", "oir")):
        return form
    for ending in ("ent", "es", "e"):
        if form.endswith(ending) and len(form) > len(ending) + 2:
            return form[: -len(ending)] + "er"
    return form


@dataclass(slots=True)
class Occurrence:
    """One trigger in the text: the token its arguments hang from, the words it spans, its row."""

    head: Token
    tokens: list[Token]
    rule: Trigger
    support: Token | None = None  # the light verb of a noun trigger ("launched" in "launched an attack")
    pos: str = "VERB"
    notes: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def end(self) -> int:
        last = self.tokens[-1]
        return last.idx + len(last.text)


def pos_of(t: Token, lex: Lexicon) -> str:
    """The part of speech that matters here, the parser's unless it is plainly wrong."""
    pos = t.pos_
    lemma = lemma_of(t)
    if pos in ("PROPN", "ADJ") and t.text.islower() and ((lemma, "VERB") in lex.triggers or lemma in lex.defaults) \
            and (t.morph.get("VerbForm", []) or t.dep_ in ("ROOT", "ccomp", "xcomp", "conj", "advcl")):
        return "VERB"  # "qu'il bombardera Israël": a future verb the French tagger calls PROPN
    if pos in ("NOUN", "ADJ") and _present_tense_lemma(t, lex) is not None:
        return "VERB"  # a headline's present tense read as a noun: "Ndayishimiye critique vivement l'UE"
    if pos == "VERB" and t.dep_ in _NOMINAL_DEPS and any(c.dep_ == "det" for c in t.children) \
            and not any(c.dep_ in ("aux", "aux:tense", "aux:pass", "nsubj") for c in t.children):
        return "NOUN"  # "mener des frappes": a plural noun the tagger reads as a verb
    return pos


def _present_tense_lemma(t: Token, lex: Lexicon) -> str | None:
    """French "-e"/"-ent" forms the tagger took for a noun or adjective, when they govern a named party and follow
    one, as a verb does in a headline ("le patron du CNDD-FDD … critique vivement l'UE"): the verb's lemma."""
    if t.doc.lang_ != "fr" or not t.text.islower():
        return None
    low = t.lower_
    stem = low[:-2] if low.endswith("ent") else low[:-1] if low.endswith("e") else None
    if stem is None:
        return None
    lemma = stem + "er"
    if (lemma, "VERB") not in lex.triggers or any(c.dep_ == "det" for c in t.children):
        return None  # "la critique de l'UE" is a noun
    # "l'Institut (annexe de Biskra)": a name behind "de" completes a noun, a verb's object has no preposition
    governs = any(c.dep_ in ("nmod", "obj") and c.pos_ == "PROPN" and c.i > t.i
                  and not after_de(c) for c in t.children)
    follows = t.dep_ in ("nmod", "amod", "acl", "appos") and t.head.i < t.i and t.head.pos_ in ("NOUN", "PROPN")
    return lemma if governs and follows else None


def _noun_keys(t: Token) -> tuple[str, ...]:
    """Lemmas to look a noun up under, also when the tagger gave it a verb's lemma ("frappes" → "frapper")."""
    low = t.lower_
    keys = [lemma_of(t), low]
    if low.endswith(("s", "x")) and len(low) > 3:
        keys.append(low[:-1])
    return tuple(dict.fromkeys(keys))


def find_triggers(doc: Doc, lang: str, *, cameo: str | None = None) -> list[Occurrence]:
    """The triggers of ``doc``; ``cameo`` overrides the ``events.cameo`` setting (the ranker's candidates use "all")."""
    lex = lexicon(lang)
    use = cameo or settings()["events"]["cameo"]
    taken: set[int] = set()
    found: list[Occurrence] = []
    for t in doc:
        if t.i in taken or t.is_punct or t.is_space:
            continue
        occ = _multiword(t, doc, lex)
        if occ is None:
            occ = _predicate(t, lex)
        if occ is None:
            pos = pos_of(t, lex)
            if pos not in ("VERB", "NOUN"):
                continue
            occ = _single(t, pos, lex, use)
        if occ is not None:
            taken.update(x.i for x in occ.tokens)
            found.append(occ)
    return [o for o in _hand_to_nouns(found, lex) if not _sporting(o, lex)]


_CONTEXT_POS = frozenset({"NOUN", "PROPN", "ADJ"})


def _sporting(occ: Occurrence, lex: Lexicon) -> bool:
    """Is the trigger a word with a sporting sense ("battre", "defeat", "attaque", "concede") in a sentence set in a
    sporting contest ("battues par la Russie en finale", "a cédé son titre olympique"), or in a sports story (a
    quarter of its sentences name one: "Hier, Nadal a battu Facundo Bagnis")? News wires carry sport, and read as
    politics a final would become Russia assaulting France. A weapon or a word of violence named in the sentence
    keeps the event (an attack at a match is an attack; "les supporteurs se sont violemment affrontés")."""
    classes = lex.classes
    if lemma_of(occ.head) not in classes.get("contest_sense", ()):
        return False
    contest = classes.get("contest", frozenset())
    words = _context_words(sentence_of(occ.head))
    if words & (classes.get("weapon", frozenset()) | classes.get("brawl", frozenset())):
        return False
    return bool(words & contest) or _sports_story(occ.head.doc, contest)


def _context_words(span: Iterable[Token]) -> set[str]:
    return {w for t in span if t.pos_ in _CONTEXT_POS for w in (t.lemma_.lower(), t.lower_)}


def _sports_story(doc: Doc, contest: frozenset[str]) -> bool:
    """Do at least two sentences, and a quarter of them, name a sporting contest?"""
    found = doc.user_data.get("veille.sports_story")
    if found is None:
        sents = list(doc.sents)
        named = sum(1 for s in sents if _context_words(s) & contest)
        found = doc.user_data["veille.sports_story"] = named >= 2 and 4 * named >= len(sents)
    return bool(found)


def copula_subject(t: Token) -> Token | None:
    """The subject of the copula ``t`` is the predicate of ("the Abu Sayyaf Group are the suspected perpetrators",
    "le Front est responsable de"), or None when ``t`` is no predicate."""
    if any(c.dep_ == "cop" for c in t.children):
        return next((c for c in t.children if c.dep_.startswith("nsubj")), None)
    if t.dep_ in ("attr", "acomp") and lemma_of(t.head) == "be":
        return next((c for c in t.head.children if c.dep_.startswith("nsubj")), None)
    return None


def _predicate(t: Token, lex: Lexicon) -> Occurrence | None:
    """A copular predicate of the lexicon (pos PRED: "responsible", "perpetrator", "coupable"): the speaker who
    says it of someone accuses them."""
    rule = lex.triggers.get((lemma_of(t), "PRED")) or lex.triggers.get((t.lower_, "PRED"))
    if rule is None or copula_subject(t) is None:
        return None
    return Occurrence(t, [t], rule, pos="PRED")


def _multiword(t: Token, doc: Doc, lex: Lexicon) -> Occurrence | None:
    first = lemma_of(t)
    for words, rule in lex.multi.get(first, ()) + lex.multi.get(t.lower_, ()):
        tokens = _sequence(t, doc, words)
        if tokens is None and rule.pos == "VERB" and len(words) == 2:
            particle = next((c for c in t.children if c.dep_ in _PARTICLE and c.lower_ == words[1]), None)
            tokens = [t, particle] if particle is not None else None  # "pulled its troops out"
        if tokens is None and rule.pos == "VERB":
            tokens = _split_phrase(t, doc, words)
        if tokens is None:
            continue
        head = _syntactic_head(tokens)
        pos = pos_of(head, lex)
        if rule.pos == "VERB" and pos not in ("VERB", "AUX") and head.pos_ != "VERB":
            continue
        if rule.pos == "NOUN" and pos != "NOUN" and head.pos_ not in ("NOUN", "PROPN"):
            continue
        if not _sense_ok(head, rule, lex):
            continue
        return Occurrence(head, sorted(tokens, key=lambda x: x.i), rule, pos=rule.pos)
    return None


def _split_phrase(t: Token, doc: Doc, words: tuple[str, ...]) -> list[Token] | None:
    """"La police a placé Alexandre Benalla en garde à vue", "mis l'ancien ministre en examen", "took two soldiers
    hostage": a verb's object may stand between the verb and the rest of its phrase, which then hangs from the verb."""
    if len(words) < 2 or t.pos_ not in ("VERB", "AUX"):
        return None
    for x in doc[t.i + 2: min(len(doc), t.i + 12)]:
        if x.is_sent_start:
            return None
        if _parts(x)[:1] != [words[1]]:
            continue
        rest = _sequence(x, doc, words[1:])
        # a phrase with a noun or an adjective ("en garde à vue", "under house arrest", "held Iran responsible"),
        # not a particle ("calling it … on")
        noun = rest is not None and any(w.pos_ in ("NOUN", "PROPN", "ADJ") for w in rest)
        host = _syntactic_head(rest).head if rest is not None and noun else None
        # the parser often hangs the phrase from the object ("Benalla en garde à vue")
        if host is not None and (host.i == t.i or (host.dep_ in ("obj", "dobj") and host.head.i == t.i)):
            return [t, *(rest or ())]
    return None


def _sequence(t: Token, doc: Doc, words: tuple[str, ...]) -> list[Token] | None:
    """The tokens from ``t`` on whose lemmas spell ``words`` in order, auxiliaries and adverbs skipped between."""
    out, want, i = [], list(words), t.i
    while want and i < len(doc) and i - t.i <= len(words) + 3:
        x = doc[i]
        parts = _parts(x)
        if parts[: len(want)] == want[: len(parts)] and len(parts) <= len(want):
            out.append(x)
            want = want[len(parts):]
        elif out and (x.pos_ in _SKIPPABLE or x.lower_ in ("se", "s'", "s\u2019")):
            pass
        else:
            return None
        i += 1
    return out if not want else None


def _parts(x: Token) -> list[str]:
    """A token's lemma as the lexicon writes it, hyphens apart ("attentats-suicides" → attentat - suicide)."""
    lemma = lemma_of(x)
    if "-" in x.text and len(x.text) > 1:
        pieces = [p for p in x.lower_.split("-")]
        out: list[str] = []
        for n, p in enumerate(pieces):
            if n:
                out.append("-")
            if p:
                out.append(p[:-1] if p.endswith("s") and len(p) > 3 and p[:-1] else p)
        return out
    return [lemma]


def _syntactic_head(tokens: list[Token]) -> Token:
    ids = {x.i for x in tokens}
    return next((x for x in tokens if x.head.i not in ids or x.head.i == x.i), tokens[0])


def _single(t: Token, pos: str, lex: Lexicon, use: str) -> Occurrence | None:
    if pos == "NOUN":
        rule = next((r for k in _noun_keys(t) if (r := lex.triggers.get((k, "NOUN"))) is not None), None)
        if rule is None or not _sense_ok(t, rule, lex):
            return None
        return Occurrence(t, [t], rule, pos="NOUN")
    lemma = _present_tense_lemma(t, lex) if t.pos_ in ("NOUN", "ADJ") else None
    lemma = lemma or lemma_of(t)
    particle = next((c for c in t.children if c.dep_ in _PARTICLE), None)
    lemmas = ([f"{lemma} {particle.lower_}"] if particle is not None else []) + [lemma]
    for key in lemmas:
        rule = _verb_rule(t, key, lex, use)
        if rule is not None:
            tokens = [t] + ([particle] if particle is not None and key != lemma else [])
            return Occurrence(t, tokens, rule, pos="VERB") if rule.type else None
    return None


def _verb_rule(t: Token, lemma: str, lex: Lexicon, use: str) -> Trigger | None:
    """The row a verb codes: a matching CAMEO pattern, else the hand row (if its sense holds), else CAMEO's default
    (how far CAMEO goes is the ``events.cameo`` setting). A returned row with an empty type is a block: the verb is
    known and, in this frame, no event."""
    hand = lex.triggers.get((lemma, "VERB"))
    patterns = lex.patterns.get(lemma, ()) if use != "off" else ()
    if patterns:
        before, after = frame(t)  # once for all the verb's patterns
        ahead = before + _subject_phrase(t)
        words = _frame_words(ahead + after)
        for p in patterns:
            if not p.words <= words or not _pattern_matches(p, ahead, after, lex):
                continue
            if not p.type:
                if p.code == _DENY_RESPONSIBILITY and hand is not None and hand.type == "REJECT" \
                        and _sense_ok(t, hand, lex):
                    return hand  # "denied the accusation": PLOVER codes the denial (REJECT), CAMEO only a statement
                return _blocked(lemma)
            if use == "block":
                break
            if hand is not None and hand.type == p.type:
                return Trigger(lemma, "VERB", p.type, p.mode or hand.mode, tuple(dict.fromkeys(hand.context + p.context)),
                               hand.slots, (), f"cameo:{p.code}")
            return _from_pattern(lemma, p, hand)
    if hand is not None:
        return hand if _sense_ok(t, hand, lex) else None
    default = lex.defaults.get(lemma)
    if default is not None and default.type and use == "all":
        return _from_pattern(lemma, default, None)
    return None


# CAMEO 016 "deny responsibility" is a statement for CAMEO (no event), but the contract's REJECT covers the denial of
# an accusation when the accuser is known ("Iran denied the accusation", "ont nié ces accusations"): the reviewed
# REJECT row of the verb codes it, and the recipient rules decide whether the accuser is named.
_DENY_RESPONSIBILITY = "016"


def _frame_words(tokens: list[Token]) -> frozenset[str]:
    """Every word (lemma and form) of the verb's clause, to rule out most patterns before matching them in order."""
    return frozenset(w for x in tokens for w in (lemma_of(x), x.lower_))


def _blocked(lemma: str) -> Trigger:
    return Trigger(lemma, "VERB", "", None, (), (), (), "cameo:---")


def _from_pattern(lemma: str, p: Pattern, hand: Trigger | None) -> Trigger:
    slots = hand.slots if hand is not None else ()
    return Trigger(lemma, "VERB", p.type, p.mode, p.context, slots or ("*",), (), f"cameo:{p.code}")


# ---------------------------------------------------------------- frames: what stands around a verb

def frame(t: Token) -> tuple[list[Token], list[Token]]:
    """The words of ``t``'s clause before and after it, not crossing into clauses of their own."""
    before: list[Token] = []
    after: list[Token] = []
    stack = [c for c in t.children if c.dep_ not in _CLAUSE]
    while stack:
        x = stack.pop()
        (before if x.i < t.i else after).append(x)
        stack.extend(c for c in x.children if c.dep_ not in _CLAUSE)
    return sorted(before, key=lambda x: x.i), sorted(after, key=lambda x: x.i)


def _word_matches(element: str, x: Token, lex: Lexicon) -> bool:
    lemma = lemma_of(x)
    if element.startswith("&"):
        words = lex.classes.get(element[1:], frozenset())
        return lemma in words or x.lower_ in words or ("@propn" in words and x.pos_ == "PROPN") \
            or ("@place" in words and x.ent_type_ in ("GPE", "LOC"))  # "prendre Dabiq": a place the NER names
    return element in (lemma, x.lower_)


def _element_at(element: str, tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Index after ``element`` matched at ``tokens[i]``, or -1. A noun must be a phrase's head, not a modifier
    ("attacked government forces" is not "attack * government"), unless written as a multiword ``a_b``."""
    if "_" in element:
        parts = element.split("_")
        if i + len(parts) <= len(tokens) and all(_word_matches(p, tokens[i + k], lex) for k, p in enumerate(parts)):
            return i + len(parts)
        return -1
    x = tokens[i]
    if not _word_matches(element, x, lex):
        return -1
    if x.pos_ in ("NOUN", "PROPN") and x.dep_ in _MODIFIER:
        return -1
    return i + 1


def _in_order(elements: tuple[str, ...], tokens: list[Token], lex: Lexicon) -> bool:
    i = 0
    for e in elements:
        while i < len(tokens):
            nxt = _element_at(e, tokens, i, lex)
            i += 1
            if nxt >= 0:
                i = nxt
                break
        else:
            return False
    return True


def _pattern_matches(p: Pattern, ahead: list[Token], after: list[Token], lex: Lexicon) -> bool:
    """Does the pattern match the verb's frame: ``ahead`` (the words before it, then its subject's phrase) and
    ``after``?"""
    if p.before and not _in_order(p.before, ahead, lex):
        return False
    return not p.after or _in_order(p.after, after, lex)


def _subject_phrase(t: Token) -> list[Token]:
    subj = next((c for c in t.children if c.dep_.startswith("nsubj")), None)
    return list(subj.subtree) if subj is not None else []


def objects(t: Token, deep: bool = False) -> list[Token]:
    """The heads of ``t``'s object: direct object, else the passive subject, else (a noun) its "of"/"de" complement
    (``deep``: anywhere in the next words of its phrase, where the parser often hangs it: "le tir par la Corée du
    Nord d'un missile")."""
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("ROOT",) and not any(c.dep_ in ("obj", "dobj") for c in t.children):
        return _noun_objects(t, deep)
    out = [u for c in t.children if c.dep_ in ("obj", "dobj") for u in unplaced(c)]
    if not out:
        out = [u for c in t.children if c.dep_ in ("nsubj:pass", "nsubjpass") for u in unplaced(c)]
    if not out and t.dep_ == "acl":
        out = [t.head]  # "the prisoners released on Monday"
    return [_through_quantity(o) for o in out]


_PLACE_CASES = frozenset({"dans", "à", "en", "sur", "in", "at", "on"})


def unplaced(c: Token) -> Iterable[Token]:
    """"Ce mardi, à Wattignies, dans le département du Nord, un jeune homme … a été interpellé": a subject or object
    behind a preposition of place is the parser's slip; the one undergoing the act is the noun it took for a
    conjunct, if any."""
    if not any(g.dep_ == "case" and g.lower_ in _PLACE_CASES for g in c.children):
        yield c
        return
    yield from (g for g in c.children if g.dep_ == "conj" and not any(x.dep_ == "case" for x in g.children))


_QUANTITIES = frozenset({"moitié", "dizaine", "centaine", "millier", "plupart", "partie", "nombre", "majorité", "tiers",
                         "intégralité", "totalité", "ensemble", "reste", "rest", "bulk",
                         "half", "dozen", "dozens", "hundreds", "thousands", "number", "majority", "part", "third"})


def _through_quantity(t: Token) -> Token:
    """"plus de la moitié du personnel", "dozens of soldiers": the counted noun, not the quantity."""
    if lemma_of(t) not in _QUANTITIES and t.lower_ not in _QUANTITIES:
        return t
    inner = next((c for c in t.children if c.dep_ == "nmod"), None) or pobj(t, "of")
    return inner if inner is not None else t


def _noun_objects(t: Token, deep: bool) -> list[Token]:
    """A noun's "object": "missile test", "essai de missile", "test of a missile"."""
    near = ([x for x in t.subtree if t.i < x.i <= t.i + 8] if deep else []) + list(t.children)
    out = [c for c in near if c.dep_ in ("compound", "nmod") and (c.dep_ == "compound" or after_de(c))]
    out += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return out


def _sense_ok(t: Token, rule: Trigger, lex: Lexicon) -> bool:
    for sense in rule.senses:
        if sense.role == "comp":  # comp=inf: an infinitive says what the party is to do ("persuaded X to withdraw")
            hit = (infinitive_complement(t) if sense.classes == ("inf",) else introduced(t, sense.classes)) is not None
            if hit == sense.negated:
                return False
            continue
        if sense.role == "voice":  # voice!=pass: "reconnue par l'ISU", "reconnu coupable" admit nothing
            if passive(t) == sense.negated:
                return False
            continue
        heads = _sense_heads(t, sense)
        if sense.role == "dobj" and not heads:
            continue  # dobj=: only a direct object there is must be of the classes ("se retirer de la CPI" has none)
        if sense.classes == ("*",):
            hit = bool(heads)
        else:
            hit = any(_word_matches(f"&{c}", h, lex) or _word_matches(c, h, lex) for h in heads for c in sense.classes)
        if sense.negated and hit:
            return False
        if not sense.negated and not hit:
            return False
    return True


def _sense_heads(t: Token, sense: Sense) -> list[Token]:
    """The words a sense constraint reads: the verb's subject, its "as" complement, its obliques, or its object."""
    if sense.role == "subj":
        return [c for c in t.children if c.dep_.startswith("nsubj")]
    if sense.role == "as":
        return as_complement(t)
    if sense.role == "after":  # after=&pejorative: "qualifie cette attaque de « terroriste »"
        return frame(t)[1]
    if sense.role == "dobj":
        return _direct_objects(t)
    if sense.role == "obl":  # "arriver au pouvoir", "mettre fin à ses jours": what the verb's obliques name
        heads = [c for c in t.children if c.dep_.startswith(("obl", "xcomp", "nmod", "prep"))]
        return heads + [g for c in heads if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    heads = [h for h in objects(t) if h.pos_ in ("NOUN", "PROPN")]
    if sense.negated:
        heads += _relative_antecedent(t)
    if not heads and not sense.negated and t.pos_ == "VERB":
        # "a lancé « au moins un de ces missiles »": the object's noun hangs below a quantifier
        heads = [x for x in frame(t)[1] if x.pos_ == "NOUN"]
    return heads


def _direct_objects(t: Token) -> list[Token]:
    """The nouns of the verb's direct object (its passive subject in a true passive), through a quantity ("retirer
    l'intégralité de ses forces"); the parser's "nsubj:pass" of an active "s'est retiré" is no object."""
    direct = ("obj", "dobj", "nsubj:pass", "nsubjpass") if passive(t) else ("obj", "dobj")
    return [_through_quantity(u) for c in t.children if c.dep_ in direct for u in unplaced(c)
            if u.pos_ in ("NOUN", "PROPN")]


def passive(t: Token) -> bool:
    """Is the verb passive: with a passive auxiliary ("elle est reconnue par"), or a past participle standing with
    no auxiliary at all ("Monsanto reconnue coupable", "documents signés par")?"""
    if any(c.dep_ in ("aux:pass", "auxpass") for c in t.children):
        return True
    return t.morph.get("VerbForm", []) == ["Part"] and "Past" in t.morph.get("Tense", ["Past"]) \
        and not any(c.dep_ in ("aux", "aux:tense") for c in t.children) and stranded_aux(t) is None


_AVOIR_FORMS = frozenset({"a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient"})
_INSERT_POS = frozenset({"PUNCT", "ADP", "DET", "NOUN", "ADV", "PRON", "ADJ"})
_SELF_WORDS = frozenset({"son", "sa", "ses", "leur", "leurs", "lui", "elle", "eux", "elles"})


def stranded_aux(t: Token) -> Token | None:
    """The auxiliary "a"/"ont" of a French participle the parser did not attach to it, with nothing but an
    adverbial phrase between them ("a, de son côté, dénoncé"); None when the auxiliary governs a verb already."""
    if t.doc.lang_ != "fr" or t.morph.get("VerbForm", []) != ["Part"] or any(
            c.dep_ in ("aux", "aux:tense", "aux:pass") for c in t.children):
        return None
    for i in range(t.i - 1, max(t.sent.start, t.i - 8) - 1, -1):
        x = t.doc[i]
        if x.lower_ in _AVOIR_FORMS and x.pos_ in ("AUX", "VERB"):
            if i == t.i - 1 or (x.head.i != x.i and x.head.pos_ in ("VERB", "AUX")):
                return None  # nothing between (the parser saw it), or the auxiliary already has its verb
            between = t.doc[i + 1:t.i]
            enclosed = between[0].text == "," and between[-1].text == ","  # "a, à son tour, menacé"
            # "a de son côté dénoncé", "a pour sa part condamné", "a quant à lui accusé"; not "a pour origine
            # les recours d'étudiants non admis", where the participle is the noun's
            return x if enclosed or any(w.lower_ in _SELF_WORDS for w in between) else None
        if x.pos_ not in _INSERT_POS:
            return None
    return None


def _relative_antecedent(t: Token) -> list[Token]:
    """"ce communiqué qui leur a été envoyé": the noun a passive relative's pronoun stands for. Read only to veto a
    sense (``obj!=``), never to grant one: the parser often hangs a relative from the wrong noun ("a coalition to
    patrol the Persian Gulf which was joined by")."""
    if t.dep_ not in ("relcl", "acl:relcl") or t.head.pos_ != "NOUN":
        return []
    pron = [c for c in t.children if c.dep_ in ("nsubj:pass", "nsubjpass")
            and ("Rel" in c.morph.get("PronType", []) or c.tag_ in ("WDT", "WP"))]
    return [t.head] if pron else []


def _complements(t: Token) -> list[Token]:
    """The verb's dependents and its object's: where the parser hangs a complement of the verb ("les Américains de
    retirer", "les manifestants à arborer": acl or nmod of the object)."""
    return list(t.children) + [c for o in t.children if o.dep_ in ("obj", "dobj") for c in o.children]


def infinitive_complement(t: Token) -> Token | None:
    """The infinitive the verb governs ("convinced the Americans to withdraw", "a convaincu les Américains de
    retirer"): with it, persuading is asking a party to act; without it ("the explanation did not convince the
    officials") it is no request. The parser often hangs it on the object ("les Américains de retirer": acl)."""
    near = _complements(t)
    return next((c for c in near if c.i > t.i and c.dep_ in ("xcomp", "advcl", "ccomp", "acl")
                 and c.pos_ in ("VERB", "AUX") and ("Inf" in c.morph.get("VerbForm", []) or c.tag_ == "VB"
                                                    or any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children))),
                None)


_CONTRACTED = {"à": ("à", "au", "aux"), "de": ("de", "d'", "du", "des")}


def introduced(t: Token, words: tuple[str, ...]) -> Token | None:
    """A complement of the verb (or of its object) introduced by one of ``words`` (comp=à: "appeler à la grève",
    "appelé les manifestants à arborer", "appeler au calme"): without it, "appeler" is a telephone call or a name
    ("viennent de m'appeler", "les anneaux appelés …"), no request."""
    forms = {f for w in words for f in _CONTRACTED.get(w, (w,))}
    near = _complements(t)
    return next((c for c in near if c.i > t.i and any(g.dep_ in ("case", "mark") and g.lower_ in forms
                                                         for g in c.children)), None)


_AS = frozenset({"as", "comme"})


def as_complement(t: Token) -> list[Token]:
    """The nouns of the verb's "as"/"comme" complement ("named the PKK and the YPG as terrorists", "désigne comme
    « terroristes » les forces kurdes"), and their modifiers ("as a terrorist organization"): what the verb calls
    its object, which decides whether naming someone is an accusation."""
    out: list[Token] = []
    for c in t.children:
        if c.i < t.i:
            continue
        if c.dep_ == "prep" and c.lower_ in _AS:
            phrase = [g for g in c.children if g.dep_ == "pobj"]
        elif any(g.dep_ in ("case", "mark") and g.lower_ in _AS and g.i < c.i for g in c.children):
            phrase = [c]  # French "comme « terroristes »": the noun, a complement of the verb, with its "comme"
        else:
            continue
        for h in phrase:
            if h.pos_ in ("NOUN", "ADJ", "PROPN"):
                out.append(h)
                out.extend(g for g in h.children if g.dep_ in ("amod", "compound"))
    return out


# ---------------------------------------------------------------- support verbs

def _hand_to_nouns(found: list[Occurrence], lex: Lexicon) -> list[Occurrence]:
    """A noun trigger governed by a support verb carries the event; the light verb's own reading is dropped."""
    by_head = {o.head.i: o for o in found}
    drop: set[int] = set()
    for o in found:
        if o.pos != "NOUN":
            continue
        verb = support_verb(o.head, lex)
        if verb is not None:
            o.support = verb
            if verb.i in by_head and by_head[verb.i] is not o:
                drop.add(verb.i)
    return [o for o in found if o.head.i not in drop]


# Nouns that only frame an act ("leurs actes de destruction", "l'ouverture d'une enquête", "a wave of strikes",
# "claimed responsibility for the attack"):
# the act's noun stands in their place for its support verb.
_LIGHT_NOUNS = frozenset({"acte", "act", "ouverture", "opening", "lancement", "launch", "série", "series", "vague",
                          "wave", "reprise", "resumption", "début", "start", "mise", "poursuite",
                          "responsabilité", "responsibility"})


def support_verb(noun: Token, lex: Lexicon) -> Token | None:
    """The light verb whose object (or listed oblique) ``noun`` is ("launched an attack", "procéder à l'arrestation"),
    also through a framing noun ("a annoncé l'ouverture d'une enquête")."""
    framing = noun.head if noun.head.dep_ not in ("prep", "case") else noun.head.head
    if framing.i != noun.i and framing.pos_ == "NOUN" and lemma_of(framing) in _LIGHT_NOUNS \
            and noun.dep_ in ("nmod", "pobj", "obl", "obl:arg"):
        found = support_verb(framing, lex)
        if found is not None:
            return found
    verb = noun.head
    if verb.i == noun.i:
        return None
    lemma = lemma_of(verb)
    particle = next((c for c in verb.children if c.dep_ in _PARTICLE), None)
    keys = ([f"{lemma} {particle.lower_}"] if particle is not None else []) + [lemma]
    for key in keys:
        slots = lex.support.get(key)
        if slots is not None and any(_supports(noun, slot) for slot in slots):
            return verb
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.i != verb.i:  # English "entered into an agreement"
        v = verb.head
        for key in (lemma_of(v),):
            for slot in lex.support.get(key, ()):
                if slot == f"prep:{verb.lower_}":
                    return v
    return None


def _supports(noun: Token, slot: str) -> bool:
    """Does ``noun`` stand in the support verb's ``slot``: its object, or the oblique with the listed preposition?"""
    dep = noun.dep_
    kind, _, prep = slot.partition(":")
    if kind in ("obj", "dobj") and (dep in ("obj", "dobj", "nsubj:pass", "nsubjpass") or (
            dep in ("obl", "obl:mod", "obl:arg") and not any(c.dep_ == "case" and c.pos_ == "ADP" and c.i < noun.i for c in noun.children))):
        return True  # a bare noun the parser hung as an oblique is the object ("a organisé … un sommet")
    return kind in ("obl", "nmod") and dep.startswith(("obl", "nmod")) and any(
        c.dep_ == "case" and lemma_of(c) in (prep, "au" if prep == "à" else prep) for c in noun.children)


def class_of_object(occ: Occurrence, name: str, *, common: bool = False) -> bool:
    """Is the trigger's object a word of class ``name`` ("missiles": weapon; "four people": captive)? ``common``:
    a common noun only (a name is a party to resolve, not a class member)."""
    lex = lexicon(occ.head.doc.lang_)
    heads = objects(occ.head, deep=True) or (objects(occ.support) if occ.support is not None else [])
    return any(_word_matches(f"&{name}", h, lex) and (not common or h.pos_ == "NOUN") for h in heads)


def has_complement(occ: Occurrence) -> bool:
    """Does the trigger say what is asked or refused: an object, an infinitive, "for"/"à" + noun ("called for a
    ceasefire", "a appelé au cessez-le-feu", "refused to meet")? A bare cue after a quote does not."""
    t = occ.support or occ.head
    return any(c.dep_ in ("obj", "dobj", "xcomp", "ccomp", "obl", "obl:arg", "prep", "iobj", "dative") for c in t.children) \
        or occ.pos == "NOUN"
