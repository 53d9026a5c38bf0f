"""Claims: who says so. Direct quotes, indirect speech, infinitive stances, "selon X", continuations,
speakers resolved to entities, source chains, the content's factuality and the claim's date.

The cue verbs, attribution markers, source verbs and role nouns are data (``lexicons/<lang>/``).
Order of work:
1. quotation marks, per paragraph; a closing mark with no opening one starts the quote at the
   paragraph's start (a quote continued from the paragraph before), an opening one with no closing
   mark runs to the paragraph's end; one stray mark never loses the other quotes;
2. cue verbs with a complement clause ("a déclaré que", "said that") or an infinitive stance
   ("a exhorté X à cesser", "accused X of"): the complement is the content, the subject the speaker;
3. quotes not inside such content take the cue next to them ("», a déclaré X", "X said: «"), else the
   speaker of the claim before (a continuation);
4. "selon X" / "according to X" make the rest of the clause X's claim;
5. source chains ("comme l'avait rapporté le Wall Street Journal") attach to the claim they follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any

from spacy.tokens import Doc, Token

from veille.extract.factuality import ASSERTED, NEGATED, UNCERTAIN, factuality, negates
from veille.extract.referents import Referents
from veille.lexicons import table, words
from veille.model import Claim, Party
from veille.nlp.index import sentence_at, text_of, tokens_between, tokens_from

_OPEN = {"«": "»", "\u201c": "\u201d", '"': '"'}
_CLOSE = {v: k for k, v in _OPEN.items()}
_CUE_WINDOW = 12  # tokens after a quote where its "a déclaré X" may stand


@dataclass(frozen=True, slots=True)
class Cue:
    act: str
    polarity: str
    frames: frozenset[str]


@cache
def cues(lang: str) -> dict[str, Cue]:
    return {row["lemma"].lower(): Cue(row["act"], row["polarity"], frozenset(row["frames"].split(",")))
            for row in table(lang, "speech_verbs")}


@cache
def attributions(lang: str) -> tuple[tuple[str, str], ...]:
    """Phrases whose noun is the claim's speaker ("selon X"), longest first."""
    rows = [(row["phrase"].lower(), row["relation"]) for row in table(lang, "attributions") if row["holder"] == "speaker"]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def media_phrases(lang: str) -> tuple[tuple[str, str], ...]:
    """Phrases whose noun is where a statement was made or relayed ("told X", "dans une interview de X")."""
    rows = [(row["phrase"].lower(), row["relation"]) for row in table(lang, "attributions") if row["holder"] == "medium"]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def source_verbs(lang: str) -> dict[str, str]:
    return {row["lemma"].lower(): row["relation"] for row in table(lang, "source_verbs")}


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (marks excluded), paragraph by paragraph."""
    out: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        p_start, p_text = para.start(), para.group()
        marks = list(re.finditer(r"[«»\u201c\u201d\"]", p_text))
        odd_straight = sum(m.group() == '"' for m in marks) % 2 == 1
        opened: tuple[str, int] | None = None
        for n, m in enumerate(marks):
            ch, pos = m.group(), m.start()
            if opened is not None:
                if ch == _OPEN[opened[0]]:
                    out.append((p_start + opened[1] + 1, p_start + pos))
                    opened = None
                continue
            closing = ch in ("»", "\u201d") or (ch == '"' and odd_straight and pos > 0 and not p_text[pos - 1].isspace())
            if closing:
                if n == 0:  # a quote carried over from the paragraph before: it starts with the paragraph
                    lead = len(p_text) - len(p_text.lstrip())
                    out.append((p_start + lead, p_start + pos))
                continue
            opened = (ch, pos)
        if opened is not None:  # runs on to the next paragraph
            out.append((p_start + opened[1] + 1, p_start + len(p_text.rstrip())))
    return [_trim(text, s, e) for s, e in out if e - s > 3]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \u00a0\u202f":
        s += 1
    while e > s and text[e - 1] in " \u00a0\u202f,":
        e -= 1
    return s, e


def find_claims(doc: Doc, refs: Referents, lang: str, times: list[Any]) -> list[Claim]:
    text = doc.text
    lex = cues(lang)
    quotes = find_quotes(text)
    in_quote = [False] * len(text)
    for s, e in quotes:
        for i in range(s, e):
            in_quote[i] = True
    claims = _indirect(doc, refs, lang, lex, quotes, in_quote)
    claims += _direct(doc, refs, lex, quotes, in_quote, claims)
    claims.extend(_attributions(doc, refs, lang, claims, in_quote))
    for c in claims:
        _add_sources(doc, c, refs, lang)
        _add_media(doc, c, refs, lang, in_quote)
    _add_reporters(claims, doc, lang)
    for c in claims:
        c.date = _cue_date(doc, c, times)
        c.end = _cut_source_clause(doc, c, lang)
        if c.factuality == ASSERTED and (c.cue_token is None or c.kind == "direct"):
            c.factuality = _content_factuality(doc, c, lang)
    claims.sort(key=lambda c: (c.start, c.end))
    for n, c in enumerate(claims, 1):
        c.id = f"c{n}"
    return claims


def _indirect(doc: Doc, refs: Referents, lang: str, lex: dict[str, Cue], quotes: list[tuple[int, int]],
              in_quote: list[bool]) -> list[Claim]:
    """Indirect speech and stances: a cue verb outside quotes with its complement, and a speaker."""
    claims: list[Claim] = []
    for t in doc:
        cue = lex.get(t.lemma_.lower()) if t.pos_ in ("VERB", "AUX") else None
        if cue is None or in_quote[t.idx]:
            continue
        comp = _complement(t, cue)
        if comp is None:
            continue
        start, end = _content_span(comp)
        speaker = _speaker(t, refs, claims, after_quote=_follows_quote(t, quotes))
        if speaker is None:
            continue
        kind = "mixed" if any(s < end and start < e for s, e in quotes) else "indirect"
        inside = [(s, e) for s, e in quotes if s <= start and end <= e + 1]
        if inside:  # the cue introduces a quotation: the content is all of it, not its first sentence
            kind = "direct"
            start, end = inside[0]
        claim = Claim(speaker, (t.idx, t.idx + len(t.text)), start, end, kind, cue_token=t.i)
        claim.factuality = _claim_factuality(t, comp, cue, lang)
        claims.append(claim)
    return claims


def _direct(doc: Doc, refs: Referents, lex: dict[str, Cue], quotes: list[tuple[int, int]], in_quote: list[bool],
            indirect: list[Claim]) -> list[Claim]:
    """Direct quotes outside any indirect content, each with the cue next to it, else the speaker of the claim
    just before it (a continuation)."""
    claims = list(indirect)
    for s, e in quotes:
        if any(c.start <= s and e <= c.end + 2 for c in claims) or any(s <= c.start and c.end <= e for c in claims):
            continue
        cue_tok = _cue_near_quote(doc, s, e, lex, in_quote) or _verb_before_colon(doc, s, in_quote)
        speaker = _speaker(cue_tok, refs, claims, after_quote=True) if cue_tok is not None else None
        if speaker is None:
            speaker = _continued(doc.text, claims, s)
        if speaker is None:
            continue
        cue = (cue_tok.idx, cue_tok.idx + len(cue_tok.text)) if cue_tok is not None else None
        claims.append(Claim(speaker, cue, s, e, "direct", cue_token=cue_tok.i if cue_tok is not None else None))
    return claims[len(indirect):]


def _continued(text: str, claims: list[Claim], s: int) -> Party | None:
    """The speaker of the latest claim before offset ``s``, if at most one paragraph break lies between (breaks
    only add up going back, so an earlier claim cannot qualify when the latest does not)."""
    before = [c for c in claims if c.end <= s]
    if not before:
        return None
    last = max(before, key=lambda c: c.end)
    return last.speaker if _paragraphs_between(text, last.end, s) <= 1 else None


def _complement(t: Token, cue: Cue) -> Token | None:
    for c in t.children:
        if c.dep_ == "ccomp" and (cue.frames & {"que", "that", "direct"}):
            return c
    if "inf" in cue.frames:
        for c in t.children:
            if c.dep_ in ("xcomp", "obl:arg", "advcl") and c.pos_ in ("VERB", "AUX") and (
                    c.morph.get("VerbForm", None) in (["Inf"], ["Ger"])
                    or any(m.lower_ in ("à", "de", "d'", "d\u2019", "to", "of") for m in c.children if m.dep_ in ("mark", "case", "aux"))
                    # a compound infinitive: "a affirmé avoir voulu frapper", "en affirmant avoir été trompés"
                    or any(m.dep_.startswith("aux") and m.morph.get("VerbForm", None) == ["Inf"] for m in c.children)):
                return c
        for p in t.children:  # "accused Russia of using", "urged X to stop"
            if p.dep_ == "prep" and p.lower_ in ("of", "to", "for"):
                for g in p.children:
                    if g.dep_ == "pcomp":
                        return g
    return None


def _content_span(comp: Token) -> tuple[int, int]:
    skip: set[int] = set()
    if comp.dep_ in ("xcomp", "pcomp", "obl:arg", "advcl"):
        # "urged the embassy to reconsider and spoke with Pompeo": a verb coordinated without its own
        # "to"/"à"/"de" belongs to the cue's clause, not to what was urged
        for c in comp.children:
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(
                    m.dep_ in ("mark", "aux", "case") and m.lower_ in ("to", "à", "de", "d'", "d\u2019") for m in c.children):
                skip |= {x.i for x in c.subtree}
                skip |= {x.i for x in comp.children if x.dep_ == "cc" and x.i < c.i}
    tokens = [x for x in comp.subtree if not x.is_space and x.i not in skip]
    while tokens and (tokens[0].lower_.replace("\u2019", "'") in words("complementizer") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in ("»", "\u201d", '"', ")"):
        tokens = tokens[:-1]
    if not tokens:
        return comp.idx, comp.idx + len(comp.text)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _speaker(cue: Token, refs: Referents, claims: list[Claim], *, after_quote: bool = False) -> Party | None:
    subject = _subject(cue, after_quote)
    if subject is None:
        return None
    if subject.pos_ == "PRON" and claims and after_quote:
        before = [c for c in claims if c.start < subject.idx and c.speaker is not None]
        if before:  # "ont-ils ajouté": the speaker quoted just before
            prev = max(before, key=lambda c: c.start).speaker
            return Party(subject.text.lstrip("-"), subject.idx, subject.idx + len(subject.text), prev.entity if prev else None,
                         prev.agent if prev else None)
    party = refs.party(subject)
    if refs.role_of(subject) is not None:
        person = _apposed_person(subject, refs)
        if person is not None:
            party.entity = person
    if party.entity is None and refs.role_of(subject) is None and subject.pos_ != "PROPN":
        return None
    return party


def _subject(cue: Token, after_quote: bool) -> Token | None:
    """Who says: the cue verb's subject, its head's for a participle, or an inverted subject after a quote."""
    subject = next((c for c in cue.children if c.dep_.startswith("nsubj") and not c.dep_.endswith("pass")), None)
    if subject is None and cue.dep_ in ("conj", "xcomp", "advcl", "acl") and cue.head.i != cue.i:
        # "joined the calls …, asking the United States to waive": the participle's subject is its head's
        subject = next((c for c in cue.head.children if c.dep_.startswith("nsubj")), None)
    if subject is None and after_quote:  # inverted: "», a déclaré un porte-parole du département"
        subject = next((c for c in cue.children if c.i > cue.i and c.dep_ in ("obj", "dobj", "obl:mod", "nmod")
                        and c.pos_ in ("NOUN", "PROPN")), None)
    return subject


def _follows_quote(t: Token, quotes: list[tuple[int, int]]) -> bool:
    """Is the cue the "a déclaré X" / "said X" right after a closing quotation mark?"""
    doc = t.doc
    start = t.sent.start_char
    return any(start - 3 <= e <= t.idx and not any(ch in text_of(doc)[e:t.idx] for ch in ".!?") for _, e in quotes)


def _apposed_person(subject: Token, refs: Referents):
    """"Kirby, le porte-parole de la Maison Blanche, a déclaré": the person the role is apposed to."""
    doc = subject.doc
    first = min(t.i for t in refs.phrase(subject))
    i = first - 1
    while i >= 0 and (doc[i].is_space or doc[i].text == ","):
        i -= 1
    if i >= 0 and doc[i].text != "," and (e := refs.by_token.get(i)) is not None and e.type == "PERSON":
        return e
    return None


def _cue_near_quote(doc: Doc, s: int, e: int, lex: dict[str, Cue], in_quote: list[bool]) -> Token | None:
    after = list(islice((t for t in tokens_from(doc, e) if not in_quote[t.idx]), _CUE_WINDOW))
    for t in after:
        if t.text in ("«", "\u201c") or (t.text in (".", "!", "?") and t.i > after[0].i + 1):
            break
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lex:
            return t
    sent = sentence_at(doc, s)  # the one sentence holding offset s: its tokens are those whose sentence holds s
    before = [t for t in (sent if sent is not None else ()) if t.idx + len(t.text) <= s][-_CUE_WINDOW:]
    for t in reversed(before):
        if in_quote[t.idx]:
            break
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lex and "direct" in lex[t.lemma_.lower()].frames:
            return t
    return None


def _content_factuality(doc: Doc, c: Claim, lang: str) -> str:
    """A quotation's or an attribution's factuality: that of the main verb of its first clause."""
    inside = [t for t in tokens_between(doc, c.start, c.end) if not t.is_space]
    if not inside:
        return ASSERTED
    first = inside[0].sent
    roots = [t for t in inside if t.sent == first and (t.head.i == t.i or not (c.start <= t.head.idx < c.end))
             and t.pos_ in ("VERB", "AUX")]
    if not roots:
        return ASSERTED
    return factuality(roots[0], lang, stop_at=frozenset({c.cue_token}) if c.cue_token is not None else frozenset())


def _verb_before_colon(doc: Doc, s: int, in_quote: list[bool]) -> Token | None:
    """"In his message, he appreciated Soleimani's lifepath: «…»": the verb the colon hangs from."""
    text, colon = text_of(doc), s  # what doc.text[:s].rstrip(" \u00a0«\u201c\"") ends with, without copying it
    while colon > 0 and text[colon - 1] in " \u00a0«\u201c\"":
        colon -= 1
    if colon == 0 or text[colon - 1] != ":":
        return None
    colon -= 1
    sent = sentence_at(doc, colon)
    tokens = [t for t in (sent if sent is not None else ()) if t.idx < colon and not in_quote[t.idx]]
    return next((t for t in reversed(tokens) if t.pos_ == "VERB"), None)


def _paragraphs_between(text: str, a: int, b: int) -> int:
    """How many paragraph breaks lie between offsets a and b (a run of newlines is one break)."""
    return len(re.findall(r"\n\s*", text[a:b]))


def _claim_factuality(cue_tok: Token, comp: Token, cue: Cue, lang: str) -> str:
    if cue.polarity == "neg":
        return NEGATED
    if cue.polarity == "doubt":
        return UNCERTAIN
    value = factuality(comp, lang, stop_at=frozenset({cue_tok.i}))
    if value == ASSERTED and cue.act in ("believe", "think", "estimate") and _negated(cue_tok, lang):
        return NEGATED
    return value


def _negated(t: Token, lang: str) -> bool:
    """A cue negated by its own adverb ("ne croient pas"), by factuality's rule (``factuality.negates``)."""
    return any(c.dep_ in ("advmod", "neg") and negates(t, c, lang) for c in t.children)


def _attributions(doc: Doc, refs: Referents, lang: str, claims: list[Claim], in_quote: list[bool]) -> list[Claim]:
    """"selon X", "according to X", sentence-initial "Pour X, …": the rest of X's clause is X's claim."""
    out = _pour(doc, refs, in_quote)
    by_word: dict[str, list[Token]] = {}  # one pass over the text, not one per phrase
    for t in doc:
        if not in_quote[t.idx]:
            by_word.setdefault(t.lower_.replace("\u2019", "'"), []).append(t)
    for phrase, relation in attributions(lang):
        if relation != "according_to":
            continue
        words = phrase.split()
        for t in by_word.get(words[0], ()):
            claim = _according_to(doc, refs, t, words)
            if claim is not None and not any(c.start <= claim.start < c.end for c in claims + out):
                out.append(claim)
    return out


def _pour(doc: Doc, refs: Referents, in_quote: list[bool]) -> list[Claim]:
    """"Pour X, …" / "For X, …" opening a sentence, X a person or an organisation: the rest is X's claim."""
    out = []
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space), None)
        if first is None or first.lower_ not in ("pour", "for") or in_quote[first.idx]:
            continue
        comma = next((t for t in sent if t.text == "," and t.i > first.i), None)
        if comma is None or comma.i - first.i > 8:
            continue
        holder = next((t for t in sent if first.i < t.i < comma.i and t.i in refs.by_token), None)
        if holder is None or refs.by_token[holder.i].type not in ("PERSON", "ORG"):
            continue
        tokens = [t for t in sent if t.i > comma.i and not t.is_space]
        while tokens and tokens[-1].is_punct:
            tokens = tokens[:-1]
        if len(tokens) >= 3:
            speaker = refs.party(holder)
            out.append(Claim(speaker, (first.idx, comma.idx), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), "indirect"))
    return out


def _according_to(doc: Doc, refs: Referents, t: Token, words: list[str]) -> Claim | None:
    """The claim of "selon X" / "according to X" met at ``t``: X's clause, without the phrase and X."""
    span = doc[t.i:t.i + len(words)]
    if [w.lower_.replace("\u2019", "'") for w in span] != words or span.end >= len(doc):
        return None
    source = doc[span.end]
    while source.pos_ == "DET" and source.i + 1 < len(doc):
        source = doc[source.i + 1]
    if source.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    head = source
    speaker = refs.party(head)
    if speaker.entity is None and refs.role_of(head) is None:
        return None
    clause = head.head if head.head.i != head.i else head
    while clause.dep_ not in ("ROOT", "ccomp", "conj", "advcl") and clause.head.i != clause.i:
        clause = clause.head
    skip = {x.i for x in head.subtree} | {x.i for x in span}
    tokens = [x for x in clause.subtree if x.i not in skip and not x.is_space and x.sent.start == t.sent.start]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    if len(tokens) < 3:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return Claim(speaker, (t.idx, span[-1].idx + len(span[-1].text)), start, end, "indirect", cue_token=None)


def _source_clauses(doc: Doc, c: Claim, lang: str) -> list[tuple[Token, str]]:
    """Source clauses between the cue and the content ("said — as reported by X — «…»") or after it."""
    verbs = source_verbs(lang)
    start = min(c.start, c.cue[0]) if c.cue else c.start
    tokens = [t for t in tokens_between(doc, start, c.end + 80) if t.sent.start_char <= c.end]
    out = []
    for t in tokens:
        if t.pos_ == "VERB" and t.lemma_.lower() in verbs and any(m.lower_ in ("comme", "as") for m in t.children):
            out.append((t, verbs[t.lemma_.lower()]))
    return out


def _add_sources(doc: Doc, c: Claim, refs: Referents, lang: str) -> None:
    """"comme l'avait précédemment rapporté le Wall Street Journal", "as the New York Times reported"."""
    for verb, relation in _source_clauses(doc, c, lang):
        args = [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        for arg in args + list(verb.children):
            if arg.dep_ in ("nsubj", "obj", "dobj", "obl:agent", "pobj") and arg.pos_ in ("NOUN", "PROPN"):
                e = refs.entity_in(arg)
                if e is not None and e is not (c.speaker.entity if c.speaker else None):
                    c.sources.append({"canonical": e.canonical, "relation": relation, "entity": e.id})
                    break


def _add_media(doc: Doc, c: Claim, refs: Referents, lang: str, in_quote: list[bool]) -> None:
    """"Charles told the Daily Mail", "Dans une interview de Wall Street Journal, Trump a indiqué": the medium."""
    if c.cue_token is None:
        return
    sent = doc[c.cue_token].sent
    words = [t for t in sent if not t.is_space]
    lowered = [t.lower_.replace("\u2019", "'") for t in words]
    for phrase, relation in media_phrases(lang):
        parts = phrase.split()
        for i in range(len(words) - len(parts)):
            if lowered[i:i + len(parts)] != parts or in_quote[words[i].idx]:
                continue
            e = next((refs.by_token[t.i] for t in words[i + len(parts):i + len(parts) + 4] if t.i in refs.by_token), None)
            if e is not None and e.type == "ORG" and all(x.get("entity") != e.id for x in c.sources):
                c.sources.append({"canonical": e.canonical, "relation": relation, "entity": e.id})


def _add_reporters(claims: list[Claim], doc: Doc, lang: str) -> None:
    """A claim inside another claim's content ("Reuters reported a source said …") cites the outer speaker."""
    verbs = source_verbs(lang)
    for inner in claims:
        if inner.cue is None:
            continue
        outers = [o for o in claims if o is not inner and o.start <= inner.cue[0] < o.end and o.speaker and o.speaker.entity]
        if not outers:
            continue
        outer = min(outers, key=lambda o: o.end - o.start)
        lemma = doc[outer.cue_token].lemma_.lower() if outer.cue_token is not None else ""
        assert outer.speaker is not None and outer.speaker.entity is not None  # as ``outers`` asked
        e = outer.speaker.entity
        if inner.speaker is None or inner.speaker.entity is not e:
            inner.sources.append({"canonical": e.canonical, "relation": verbs.get(lemma, "according_to"), "entity": e.id})


def _cut_source_clause(doc: Doc, c: Claim, lang: str) -> int:
    """The content stops before its source clause: "…missiles iraniens, comme l'avait rapporté …"."""
    for verb, _ in _source_clauses(doc, c, lang):
        start = min(x.idx for x in verb.subtree)
        if c.start < start < c.end:
            end = start
            while end > c.start and text_of(doc)[end - 1] in " ,;\u00a0":
                end -= 1
            return end
    return c.end


def _cue_date(doc: Doc, c: Claim, times: list[Any]) -> str | None:
    if c.cue_token is None:
        return None
    cue = doc[c.cue_token]
    spans = [(x.idx, x.idx + len(x.text)) for x in cue.children
             if x.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "parataxis") and not x.dep_.startswith("nsubj")
             for x in x.subtree]
    for tm in times:
        if tm.value and any(s < tm.end and tm.start < e for s, e in spans) and not (c.start <= tm.start < c.end):
            return tm.value
    return None
