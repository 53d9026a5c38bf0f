"""What becomes of an incoming article: unchanged, a new version that replaces the stored one, a copy of an
original, or a new original. One decision for ``veille ingest``, ``veille batch`` and the API's writer, so
the three store the same rows for the same input (``tests/batch/test_batch.py`` compares them).

Decisions are made in input order against what came before: the store (its text hashes, and its originals
loaded into the ``Deduper``) and the items met earlier in the same run. Only originals enter the copy
index, so a copy always points at an original.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from datasketch import LeanMinHash

from veille.ingest.dedup import CopyIndex, norm_hash, signature, signature_bytes
from veille.model import Article

UNCHANGED, NEW, COPY = "unchanged", "new", "copy"


@dataclass(slots=True)
class ArticleRow:
    """One article to write: an analysed original (``analysis`` set), a copy (``duplicate_of`` set)."""

    id: str
    text: str
    text_sha256: str
    norm_sha256: str
    lang: str | None
    published: dt.date | None
    title: str | None
    url: str | None
    source: str | None
    minhash: bytes | None = None
    analysis: dict[str, Any] | None = None
    duplicate_of: str | None = None
    duplicate_kind: str | None = None
    replace: bool = False
    vector: Any = None
    """The story embedding (``veille.cluster.embed``) when the analysing worker computed it."""


@dataclass(frozen=True, slots=True)
class Decision:
    """``kind`` is ``unchanged``, ``new`` or ``copy``; ``replaces``: an earlier version with another text goes."""

    kind: str
    replaces: bool = False
    norm: str = ""
    minhash: bytes | None = None
    """The MinHash of a new original (None without copy detection): the store's copy index is rebuilt from it."""
    of: str | None = None
    copy_kind: str | None = None


Prints = Callable[[], tuple[str, LeanMinHash | None]]
"""The normalised-text hash and the MinHash (None without copy detection), computed only when needed."""


def prints_of(text: str, *, dedup: bool) -> Prints:
    return lambda: (norm_hash(text), signature(text) if dedup else None)


@dataclass(slots=True)
class Admission:
    """The decisions of one run (one ingest, one batch, one API request), in input order.

    ``deduper``: the index of originals (None: no copy detection); ``seen``: ids met in this run → text hash
    (an id met again with the same text is unchanged; with another, a new version)."""

    deduper: CopyIndex | None
    seen: dict[str, str] = field(default_factory=dict)

    def decide(self, article_id: str, sha: str, prints: Prints, *, stored: str | None = None) -> Decision:
        """The decision on one item; ``stored``: the text hash the store holds for this id, if any."""
        before = self.seen.get(article_id, stored)
        if before == sha:
            return Decision(UNCHANGED)
        self.seen[article_id] = sha
        replaces = before is not None
        norm, sig = prints()
        if self.deduper is None or sig is None:
            return Decision(NEW, replaces, norm)
        if replaces:
            self.deduper.remove(article_id)
        copy = self.deduper.find(norm, sig)
        if copy is not None:
            return Decision(COPY, replaces, norm, of=copy.of, copy_kind=copy.kind)
        self.deduper.add(article_id, norm, sig)
        return Decision(NEW, replaces, norm, signature_bytes(sig))

    def forget(self, article_id: str) -> None:
        """Undo a new original's entry in the copy index (its analysis or its write failed)."""
        if self.deduper is not None:
            self.deduper.remove(article_id)


def row_for(article: Article, decision: Decision) -> ArticleRow:
    """The row to write for an admitted article (its analysis is added once it is made)."""
    row = ArticleRow(id=article.id, text=article.text, text_sha256=article.text_sha256, norm_sha256=decision.norm,
                     lang=article.lang, published=article.published, title=article.title, url=article.url,
                     source=article.source, replace=decision.replaces)
    if decision.kind == COPY:
        row.duplicate_of, row.duplicate_kind = decision.of, decision.copy_kind
    else:
        row.minhash = decision.minhash
    return row


def with_analysis(row: ArticleRow, analysis: dict[str, Any]) -> ArticleRow:
    """The row with its analysis (stored without the text, which the row holds) and the language it found."""
    analysis["article"].pop("text", None)
    row.analysis, row.lang = analysis, analysis["article"]["lang"]
    return row
