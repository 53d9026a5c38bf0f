"""Statements without quotation marks in press releases and communiqués: a body's own words.

A release quotes no one: "We condemn the attack" is the ministry speaking. So when an article's first line
names itself a release ("Communiqué du ministère …", "Statement by the Foreign Office …",
``lexicons/<lang>/releases.tsv``) and names the body issuing it (the first organisation or state of that
line), each later sentence in the first person plural ("nous", "we", "our") outside any quote or claim
is a direct claim of that body. Kept small on purpose: a first-person sentence in an ordinary report is
usually inside a quote, which the quote rules already read.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from veille.extract.claims import Claim
from veille.extract.referents import Party, Referents
from veille.lexicons import table

_ISSUERS = frozenset({"ORG", "GPE"})


@cache
def _words(lang: str, kind: str) -> frozenset[str]:
    return frozenset(r["word"] for r in table(lang, "releases") if r["kind"] == kind)


def release_claims(doc: Doc, refs: Referents, lang: str, claims: list[Claim]) -> list[Claim]:
    """The first-person statements of a release, as direct claims of its issuer; none for other articles."""
    first_end = doc.text.find("\n")
    first_end = len(doc.text) if first_end < 0 else first_end
    head = doc.text[:first_end].casefold()
    nouns = [head.find(n) for n in _words(lang, "noun") if n in head]
    if not nouns:
        return []
    after = min(nouns)
    issuer = None
    for t in doc:
        if t.idx >= first_end:
            break
        found = refs.by_token.get(t.i)
        if t.idx > after and found is not None and found.type in _ISSUERS:
            last = t.i
            while last + 1 < len(doc) and refs.by_token.get(last + 1) is found:
                last += 1
            span = doc[t.i:last + 1]
            issuer = Party(span.text, span.start_char, span.end_char, found)
            break
    if issuer is None:
        return []
    firsts = _words(lang, "first_person")
    out = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        if s <= first_end or any(c.start < e and s < c.end for c in claims):
            continue
        if any(t.lower_ in firsts for t in sent):
            text = doc.text[s:e].rstrip()
            out.append(Claim(issuer, None, s, s + len(text), "direct"))
    return out
