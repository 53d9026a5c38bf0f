"""Derivation: an article that passes another one along (a wire rewrite, a partial copy, a translation).

Copies found at ingest are near-identical texts; a rewrite changes the headline and words, a partial
copy keeps a few sentences among its own, a translation keeps no word at all. What they keep is the
other text's sentences, in their order. So two articles are compared sentence by sentence:

- in one language, two sentences align when most of the shorter one's word pairs (bigrams) are in the
  other and they do not name different things: cheap, and independent reports of one happening share
  names, not phrasing, while a template filled twice ("the 3rd day of …", "the 4th day of …") shares
  phrasing, not names and numbers;
- across languages, when their multilingual sentence embeddings (``veille.cluster.embed``) are close;
  only pairs whose title-and-lead embeddings already say "same happening" are embedded sentence by
  sentence, since that costs a few milliseconds a sentence.

A pair is a derivation when enough sentences align, one to one. The later article (by publication day,
then by arrival) is the derived one. Thresholds were chosen on the tuning part of
``tests/gold/outlets`` (``benchmarks/outlets.py``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")
_SPLIT = re.compile(r"(?<=[.!?…])[»\"”)]?\s+(?=[«\"“(A-ZÀ-ÖØ-Þ0-9])")
MIN_WORDS = 4
"""A sentence of fewer words (a dateline, "Wednesday, January 30, 2019") proves nothing."""


@dataclass(frozen=True, slots=True)
class Method:
    lexical: float = 0.5
    """Share of the shorter sentence's word bigrams found in the other, for sentences in one language."""
    semantic: float = 0.7
    """Cosine of the sentence embeddings, for sentences in two languages."""
    min_aligned: int = 3
    """Aligned sentences needed; fewer when they make ``min_share`` of the shorter article."""
    min_share: float = 0.5
    min_fraction: float = 0.2
    """Share of the shorter article the aligned sentences must make in any case: a daily update that
    carries three sentences of yesterday's among fifty is not yesterday's text passed along."""
    candidate: float = 0.5
    """Cosine of the title-and-lead embeddings above which two articles in two languages are aligned
    sentence by sentence (those in one language are always compared: it costs nothing)."""
    window_days: int = 7
    """A derived text is published within this many days of its origin."""
    max_candidates: int = 10
    """Earlier articles compared with a new one, most similar first: bounds the cost per article."""


    def derived(self, aligned: int, shorter: int) -> bool:
        """Do ``aligned`` sentences make a derivation between articles the shorter of which has ``shorter``?"""
        if not aligned or not shorter or aligned / shorter < self.min_fraction:
            return False
        return aligned >= self.min_aligned or (aligned >= 2 and aligned / shorter >= self.min_share)


DEFAULT = Method()


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Text:
    """An article as derivation detection reads it."""

    id: str
    lang: str | None
    published: dt.date | None
    text: str
    vector: np.ndarray | None = None
    """The title-and-lead embedding the stories use."""
    sentences: list[Sentence] = field(default_factory=list)
    _grams: list[frozenset[tuple[str, str]]] | None = None
    _keys: list[frozenset[str]] | None = None
    _vectors: np.ndarray | None = None

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = split(self.text)

    def grams(self) -> list[frozenset[tuple[str, str]]]:
        if self._grams is None:
            self._grams = [bigrams(s.text) for s in self.sentences]
        return self._grams

    def keys(self) -> list[frozenset[str]]:
        if self._keys is None:
            self._keys = [key_words(s.text) for s in self.sentences]
        return self._keys


@dataclass(slots=True)
class Derivation:
    article_id: str
    derived_from: str
    kind: str
    """``translation`` (two languages), ``rewrite`` (most of the derived text aligns) or ``partial``."""
    share: float
    """Share of the derived article's sentences aligned with the origin."""
    origin_share: float
    pairs: list[tuple[int, int, int, int, float]]
    """Aligned sentences: (start, end) in the derived article, (start, end) in the origin, similarity."""


def split(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their offsets: paragraphs cut after a full stop before a capital.

    Hand-written: the parse that found the sentences is gone when articles are compared, and alignment
    needs no more than this; short pieces (datelines, bylines) are dropped."""
    out = []
    pos = 0
    for para in text.split("\n"):
        at = 0
        for piece in _SPLIT.split(para):
            i = para.find(piece, at)
            at = i + len(piece)
            s = piece.strip()
            if len(_WORD.findall(s)) >= MIN_WORDS:
                start = pos + i + (len(piece) - len(piece.lstrip()))
                out.append(Sentence(start, start + len(s), s))
        pos += len(para) + 1
    return out


def bigrams(text: str) -> frozenset[tuple[str, str]]:
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    return frozenset(zip(words, words[1:], strict=False))


def key_words(text: str) -> frozenset[str]:
    """Names and numbers of a sentence: its words with a digit or a capital, but the first."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text))
    return frozenset(w for k, w in enumerate(words) if (k and w[:1].isupper()) or _DIGIT.search(w))


def _lexical_matrix(a: Text, b: Text) -> np.ndarray:
    ga, gb = a.grams(), b.grams()
    ka, kb = a.keys(), b.keys()
    m = np.zeros((len(ga), len(gb)), dtype=np.float32)
    for i, x in enumerate(ga):
        for j, y in enumerate(gb):
            small = min(len(x), len(y))
            if small and (ka[i] <= kb[j] or kb[j] <= ka[i]):  # else each names what the other does not: two facts
                m[i, j] = len(x & y) / small
    return m


def one_to_one(m: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """Greedy one-to-one alignment: the most similar pairs first, each sentence used once."""
    out: list[tuple[int, int, float]] = []
    if not m.size:
        return out
    used_a: set[int] = set()
    used_b: set[int] = set()
    for idx in np.argsort(-m, axis=None, kind="stable"):
        i, j = divmod(int(idx), m.shape[1])
        if m[i, j] < threshold:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j, float(m[i, j])))
    return sorted(out)


def similarity_matrix(a: Text, b: Text, embed_sentences: Callable[[Text], np.ndarray]) -> np.ndarray:
    """Sentence similarities: word bigrams in one language, embeddings across two."""
    if a.lang == b.lang:
        return _lexical_matrix(a, b)
    va, vb = embed_sentences(a), embed_sentences(b)
    if not len(va) or not len(vb):
        return np.zeros((len(va), len(vb)), dtype=np.float32)
    return va @ vb.T


def later(a: Text, b: Text, order: dict[str, int]) -> bool:
    """Is ``a`` the later of the two (by publication day, then arrival)?"""
    da, db = a.published or dt.date.max, b.published or dt.date.max
    return (da, order.get(a.id, 0), a.id) > (db, order.get(b.id, 0), b.id)


def compare(a: Text, b: Text, embed_sentences: Callable[[Text], np.ndarray], method: Method = DEFAULT,
            order: dict[str, int] | None = None) -> Derivation | None:
    """The derivation between two articles, if they are one; the later one is the derived."""
    cross = a.lang != b.lang
    m = similarity_matrix(a, b, embed_sentences)
    aligned = one_to_one(m, method.semantic if cross else method.lexical)
    if not method.derived(len(aligned), min(len(a.sentences), len(b.sentences))):
        return None
    if later(b, a, order or {}):
        a, b = b, a
        aligned = [(j, i, s) for i, j, s in aligned]
    share = len(aligned) / len(a.sentences)
    kind = "translation" if cross else ("rewrite" if share >= 0.6 else "partial")
    pairs = [(a.sentences[i].start, a.sentences[i].end, b.sentences[j].start, b.sentences[j].end, round(s, 3))
             for i, j, s in sorted(aligned)]
    return Derivation(a.id, b.id, kind, round(share, 3), round(len(aligned) / len(b.sentences), 3), pairs)


def candidates(new: Text, earlier: Sequence[Text], method: Method = DEFAULT) -> list[Text]:
    """The earlier articles worth aligning with ``new``: within the window, in one language or (in two)
    with a similar title and lead; the most similar first, at most ``max_candidates``."""
    scored = []
    for other in earlier:
        if other.id == new.id:
            continue
        if new.published and other.published and abs((new.published - other.published).days) > method.window_days:
            continue
        sim = float(new.vector @ other.vector) if new.vector is not None and other.vector is not None else 0.0
        if other.lang != new.lang and sim < method.candidate:
            continue
        scored.append((-sim, other.id, other))
    return [t for _, _, t in sorted(scored, key=lambda x: (x[0], x[1]))[: method.max_candidates]]


def detect(new: Sequence[Text], earlier: Sequence[Text], embed_sentences: Callable[[Text], np.ndarray],
           method: Method = DEFAULT, order: dict[str, int] | None = None) -> list[Derivation]:
    """Derivations between each new article and the earlier ones (and the new ones before it)."""
    out = []
    seen: list[Text] = list(earlier)
    for text in new:
        for other in candidates(text, seen, method):
            d = compare(text, other, embed_sentences, method, order)
            if d is not None:
                out.append(d)
        seen.append(text)
    return out


def families(links: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Article id → the id of its derivation family (the smallest id in it), for every linked article."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}
