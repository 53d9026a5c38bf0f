"""Claim provenance: one statement repeated across articles becomes one claim with its earliest report,
who repeated it, and whether any report changed its wording.

Two reports are the same statement when they are the same quotation (nearly the same words, whoever
the article names as speaker: a misattributed quote is still that quote), or the same speaker's
indirect claim with mostly the same words. Comparison is on words, so a statement translated into
another language is not matched (the limit is stated in docs/stories.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from veille.cluster.origin import independent

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

    def words(self) -> list[str]:
        return _WORD.findall(unicodedata.normalize("NFKC", self.content).casefold())


@dataclass(slots=True)
class MergedClaim:
    id: str
    reports: list[ClaimReport] = field(default_factory=list)
    independent_sources: int = 0

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
    merged: list[MergedClaim] = []
    words: list[set[str]] = []
    by_speaker: dict[str, list[int]] = {}
    by_word: dict[str, list[int]] = {}
    for r in order:
        ws = set(r.words())
        target = None
        if len(ws) >= MIN_WORDS:
            if r.kind == "direct":
                # candidates: merged claims sharing one of the quote's three longest (rarest-looking) words
                probes = sorted(ws, key=lambda w: (-len(w), w))[:3]
                cands = sorted({i for w in probes for i in by_word.get(w, [])})
                need = SAME_QUOTE
            else:
                cands = by_speaker.get(r.speaker_key, []) if r.speaker_key else []
                need = SAME_CLAIM
            for i in cands:
                m = merged[i]
                if r.kind != "direct" and r.published and m.first.published \
                        and (r.published - m.first.published).days > CLAIM_WINDOW_DAYS:
                    continue
                if any(x.article_id == r.article_id for x in m.reports):
                    continue  # one article repeating itself is not a repetition
                if _overlap(ws, words[i]) >= need:
                    target = i
                    break
        if target is None:
            raw = f"{r.article_id}|{r.claim_id}"
            merged.append(MergedClaim(id="q" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:11]))
            words.append(ws)
            target = len(merged) - 1
            if len(ws) >= MIN_WORDS and r.kind == "direct":
                for w in ws:
                    by_word.setdefault(w, []).append(target)
            elif len(ws) >= MIN_WORDS and r.speaker_key:
                by_speaker.setdefault(r.speaker_key, []).append(target)
        merged[target].reports.append(r)
    for m in merged:
        # a repeated quotation is the same words by definition: only copies, wires and outlets join reports
        m.independent_sources, _ = independent([r.origins for r in m.reports], [""] * len(m.reports))
    return merged
