"""Loading the spaCy pipelines and parsing articles paragraph by paragraph.

Why paragraphs: fed a whole article, ``fr_core_news_md`` merges paragraphs into run-on sentences and
mislabels entities across the seams (OFFLINE.md); fed one paragraph at a time it segments well, and
it is also faster (the parse cost grows with sentence length). The paragraph docs are joined back
with ``Doc.from_docs`` so each article is one Doc whose character offsets are the article's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from veille.config import model_for, settings
from veille.kb import knowledge_base

_PARAGRAPH_END = re.compile(r"\n\s*")
MAX_PIECE = 10_000
"""Characters parsed in one piece at most. spaCy refuses a text over 1,000,000 characters (``nlp.max_length``)
and its parser needs about 1 GB per 100,000; a paragraph longer than this (real ones stay under 2,000 in the
shared corpus) is cut at its last sentence end before the limit (else at a space, else anywhere)."""
_SENTENCE_END = re.compile(r"[.!?…»\u201d\"]\s+")


@cache
def load(lang: str) -> Language:
    """The pipeline for ``lang``, loaded once per process from the installed package."""
    name = model_for(lang)
    if name is None:
        raise LookupError(f"no spaCy pipeline configured for {lang!r}")
    nlp = spacy.load(name)
    _keep_hyphenated_names(nlp)
    return nlp


def _keep_hyphenated_names(nlp: Language) -> None:
    """Hyphenated names of the knowledge base stay one token ("Royaume-Uni", "nord-coréens").

    The French tokenizer splits "Royaume-Uni" into three tokens, and the parser then cuts the sentence
    there; one token keeps the parse whole.
    """
    kb = knowledge_base()
    tokenizer: Any = nlp.tokenizer  # the pipeline's own Tokenizer (spaCy ships no stub for it)
    forms = {n for r in kb.records.values() for n in (*r.all_names(), *r.all_demonyms())}
    for form in sorted(forms):
        if "-" in form and " " not in form and "'" not in form and "’" not in form:
            for variant in {form, form.lower(), form.upper(), form[:1].upper() + form[1:]}:
                if len(nlp.tokenizer(variant)) > 1:
                    tokenizer.add_special_case(variant, [{"ORTH": variant}])


def chunks(text: str) -> list[str]:
    """Split ``text`` into paragraphs, each keeping the newlines that follow it: ``"".join(chunks(t)) == t``.
    A wire dateline ("JERUSALEM (AP) — ") is a piece of its own, or the parser makes its capitals the subject of
    the first sentence."""
    out, pos = [], 0
    for m in _PARAGRAPH_END.finditer(text):
        if m.end() > pos:
            out.extend(_dateline_apart(text[pos:m.end()]))
            pos = m.end()
    if pos < len(text):
        out.extend(_dateline_apart(text[pos:]))
    if any(len(p) > MAX_PIECE for p in out):
        out = [piece for p in out for piece in _cut(p)]
    return out


def _cut(paragraph: str) -> list[str]:
    """``paragraph`` in pieces of at most MAX_PIECE characters, each ending after a sentence if it can."""
    out, pos = [], 0
    while len(paragraph) - pos > MAX_PIECE:
        window = paragraph[pos:pos + MAX_PIECE]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else window.rfind(" ") + 1 or MAX_PIECE
        out.append(paragraph[pos:pos + cut])
        pos += cut
    out.append(paragraph[pos:])
    return out


_DATELINE_HEAD = re.compile(r"^[ \t]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\- ]{1,40}?(?:,[^()\n]{2,40}?)?[ \t]*\([A-Z][A-Za-z.\- ]{1,24}\)[ \t]*[—–-][ \t]*")


def _dateline_apart(paragraph: str) -> list[str]:
    m = _DATELINE_HEAD.match(paragraph)
    if m is None or m.end() >= len(paragraph):
        return [paragraph]
    return [paragraph[:m.end()], paragraph[m.end():]]


def parse_many(texts: Iterable[str], lang: str) -> Iterator[Doc]:
    """Parse texts of one language in a stream, yielding one Doc per text, offsets unchanged."""
    nlp = load(lang)
    batch = settings()["nlp"]["batch_size"]
    pending: list[list[str]] = []

    def flush() -> Iterator[Doc]:
        flat = [c for parts in pending for c in parts]
        docs = iter(nlp.pipe(flat, batch_size=batch))
        for parts in pending:
            yield Doc.from_docs([next(docs) for _ in parts], ensure_whitespace=False)
        pending.clear()

    size = 0
    for text in texts:
        parts = chunks(text) or [text]
        pending.append(parts)
        size += len(parts)
        if size >= batch:
            yield from flush()
            size = 0
    if pending:
        yield from flush()


def parse(text: str, lang: str) -> Doc:
    return next(parse_many([text], lang))
