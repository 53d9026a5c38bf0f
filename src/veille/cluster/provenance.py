"""Claim provenance: one statement repeated across articles becomes one claim with its earliest report,
who repeated it, and whether any report changed its wording.

Two reports are the same statement when they are the same quotation (nearly the same words, whoever
the article names as speaker: a misattributed quote is still that quote), or the same speaker's
indirect claim with mostly the same words. Across languages words do not match: a quotation and its
translation are one statement when their multilingual embeddings are close (``SAME_QUOTE_ACROSS``) and
both are reported in one story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np

from veille.cluster.origin import TwoCounts, outlet_label

SAME_QUOTE = 0.8
"""Share of the shorter quotation's words found, in order-free overlap, in the other: the same quote
cut differently ("« nous frapperons »" and "« nous frapperons fort »") still matches."""
SAME_CLAIM = 0.6
"""The same for indirect claims by one speaker, whose wording varies more between outlets."""
MIN_WORDS = 4
"""A quote of fewer words ("« terroriste »") is too common to prove one statement."""
CLAIM_WINDOW_DAYS = 14
"""An indirect claim repeats an earlier one only within this many days: the same words from the same
speaker months apart ("unemployment rose in the third quarter") are a new statement. A quotation has
no such limit: quoting someone's words years later is exactly the provenance a reader wants."""

SAME_QUOTE_ACROSS = 0.6
"""Cosine of the multilingual embeddings of two quotations in two languages, reported in one story,
above which they are one statement translated: chosen on the tuning part of ``tests/gold/outlets``
(``benchmarks/outlets.py --claims``)."""

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class ClaimReport:
    article_id: str
    claim_id: str
    published: dt.date | None
    speaker_key: str | None
    speaker: str | None
    kind: str
    content: str
    factuality: str
    origins: tuple[str, ...]
    copy_of: str | None = None
    outlet: str | None = None
    lang: str | None = None
    story_id: str | None = None
    vector: np.ndarray | None = None
    """The quotation's multilingual embedding, when its story is told in several languages."""

    def words(self) -> list[str]:
        return _WORD.findall(unicodedata.normalize("NFKC", self.content).casefold())


@dataclass(slots=True, kw_only=True)
class MergedClaim(TwoCounts):
    """A statement: original sources are the speakers its reports rest on (a report naming none rests on its
    outlet); independent reports, the outlets that reported it once copies, derivations and wire credits are joined."""

    id: str
    reports: list[ClaimReport] = field(default_factory=list)

    @property
    def first(self) -> ClaimReport:
        return self.reports[0]

    @property
    def wording_changed(self) -> bool:
        """True when a report (other than a copy) words the statement differently from the first one."""
        base = self.first.words()
        return any(r.words() != base for r in self.reports[1:] if r.copy_of is None)


def _overlap(a: set[str], b: set[str]) -> float:
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


def merge_claims(reports: list[ClaimReport]) -> list[MergedClaim]:
    """Group reports into statements; each merged claim lists its reports earliest first."""
    order = sorted(reports, key=lambda r: (r.published or dt.date.max, r.article_id, r.claim_id))
    index = _Statements()
    for r in order:
        ws = set(r.words())
        target = index.same_words(r, ws) if len(ws) >= MIN_WORDS else None
        if target is None and r.vector is not None and r.kind == "direct" and len(ws) >= MIN_WORDS:
            target = _translated(r, index.merged, index.by_story.get(r.story_id or "", []))
        if target is None:
            target = index.open(r, ws)
        index.add(target, r)
    for m in index.merged:
        # a repeated quotation is the same words by definition: the near-identical-text rule has no say here
        n = len(m.reports)
        m.count([r.origins for r in m.reports], [_speaker_keys(r) for r in m.reports], [""] * n,
                [outlet_label(r.outlet, r.article_id) for r in m.reports], [r.speaker for r in m.reports])
    return index.merged


class _Statements:
    """The statements met so far, found again by a quotation's words, an indirect claim's speaker, or a story."""

    def __init__(self) -> None:
        self.merged: list[MergedClaim] = []
        self.words: list[set[str]] = []
        self.by_speaker: dict[str, list[int]] = {}
        self.by_word: dict[str, list[int]] = {}
        self.by_story: dict[str, list[int]] = {}

    def same_words(self, r: ClaimReport, ws: set[str]) -> int | None:
        """The statement ``r`` repeats: a quotation sharing one of its three longest (rarest-looking) words and
        enough words; an indirect claim by the same speaker, recent enough, with enough words."""
        if r.kind == "direct":
            probes = sorted(ws, key=lambda w: (-len(w), w))[:3]
            cands = sorted({i for w in probes for i in self.by_word.get(w, [])})
            need = SAME_QUOTE
        else:
            cands = self.by_speaker.get(r.speaker_key, []) if r.speaker_key else []
            need = SAME_CLAIM
        for i in cands:
            m = self.merged[i]
            if r.kind != "direct" and r.published and m.first.published \
                    and (r.published - m.first.published).days > CLAIM_WINDOW_DAYS:
                continue
            if any(x.article_id == r.article_id for x in m.reports):
                continue  # one article repeating itself is not a repetition
            if _overlap(ws, self.words[i]) >= need:
                return i
        return None

    def open(self, r: ClaimReport, ws: set[str]) -> int:
        """A new statement, first reported by ``r``."""
        raw = f"{r.article_id}|{r.claim_id}"
        self.merged.append(MergedClaim(id="q" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:11]))
        self.words.append(ws)
        target = len(self.merged) - 1
        if len(ws) >= MIN_WORDS and r.kind == "direct":
            for w in ws:
                self.by_word.setdefault(w, []).append(target)
        elif len(ws) >= MIN_WORDS and r.speaker_key:
            self.by_speaker.setdefault(r.speaker_key, []).append(target)
        return target

    def add(self, target: int, r: ClaimReport) -> None:
        self.merged[target].reports.append(r)
        if r.vector is not None and r.story_id and target not in self.by_story.setdefault(r.story_id, []):
            self.by_story[r.story_id].append(target)


def _speaker_keys(r: ClaimReport) -> tuple[str, ...]:
    key = r.speaker_key or (f"name:{r.speaker.lower()}" if r.speaker else None)
    return (f"said:{key}",) if key else ()


def _translated(r: ClaimReport, merged: list[MergedClaim], candidates: list[int]) -> int | None:
    """The statement of ``r``'s story that ``r`` translates: the closest quotation in another language,
    from another article, at ``SAME_QUOTE_ACROSS`` or more."""
    assert r.vector is not None
    best, best_sim = None, SAME_QUOTE_ACROSS
    for i in candidates:
        m = merged[i]
        if any(x.article_id == r.article_id for x in m.reports):
            continue
        for x in m.reports:
            if x.vector is not None and x.lang != r.lang and x.kind == "direct":
                sim = float(r.vector @ x.vector)
                if sim >= best_sim and (best is None or sim > best_sim):
                    best, best_sim = i, sim
    return best
