"""Lookups over one parsed Doc, built once per Doc and kept in its ``user_data``: its text, where its
tokens start, where its sentences lie.

Why: ``Doc.text`` joins every token anew at each call, and a scan ``[t for t in doc if t.idx …]``
visits every token; done once per quote, cue or claim, both made the analysis quadratic in the
article's length (50 k characters took 14 s, 200 k ten minutes: issue 13). These answer the same
questions by bisection, so each extractor can keep its own wording of them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

_KEY = "veille.index"


class DocIndex:
    """The text and the token and sentence offsets of one Doc (the Doc must not change afterwards). It holds
    no reference to the Doc (no Span either), so keeping it in ``doc.user_data`` makes no reference cycle."""

    __slots__ = ("text", "starts", "sent_bounds", "sent_starts", "sent_ends")

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        self.starts = [t.idx for t in doc]
        sents = list(doc.sents) if len(doc) and doc.has_annotation("SENT_START") else []
        self.sent_bounds = [(s.start, s.end) for s in sents]
        self.sent_starts = [s.start_char for s in sents]
        self.sent_ends = [s.end_char for s in sents]

    def first_at(self, char: int) -> int:
        """Index of the first token that starts at or after ``char`` (the Doc's length if none)."""
        return bisect_left(self.starts, char)


def index(doc: Doc) -> DocIndex:
    """The index of ``doc``, built on first use."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = DocIndex(doc)
    return found


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once."""
    return index(doc).text


def tokens_from(doc: Doc, char: int) -> Iterator[Token]:
    """The tokens that start at or after ``char``, in order."""
    for i in range(index(doc).first_at(char), len(doc)):
        yield doc[i]


def tokens_between(doc: Doc, start: int, end: int) -> Span:
    """The tokens with ``start <= token.idx < end``."""
    ix = index(doc)
    first = ix.first_at(start)
    return doc[first:max(first, ix.first_at(end))]


def sentence_at(doc: Doc, char: int) -> Span | None:
    """The sentence with ``start_char <= char < end_char`` (what ``token.sent`` gives), or None."""
    ix = index(doc)
    i = bisect_right(ix.sent_starts, char) - 1
    if i >= 0 and char < ix.sent_ends[i]:
        return doc[ix.sent_bounds[i][0]:ix.sent_bounds[i][1]]
    return None


def sentence_of(t: Token) -> Span:
    """``t.sent`` by bisection (spaCy's own walks the Doc's sentences each time on the Docs we build)."""
    return sentence_at(t.doc, t.idx) or t.doc[t.i:t.i + 1]
