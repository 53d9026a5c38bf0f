"""Where a report comes from, so that copies of one wire story or one statement count once.

Two reports share an origin when one article copies the other (the store's exact or near-duplicate
link), when both articles credit the same wire agency in their dateline, when both attribute the
fact to the same speaker, or when both come from the same outlet; and two reports whose sentences
are near-identical are one text passed along, whatever the outlets say.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

SAME_TEXT = 0.6
"""Jaccard similarity of word trigrams above which two sentences are one text passed along."""

_WORD = re.compile(r"\w+")


def trigrams(text: str) -> frozenset[str]:
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < 3:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i:i + 3]) for i in range(len(words) - 2))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


class Origins:
    """Union-find over reports: the independent sources are its classes."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def classes(self) -> int:
        return len({self.find(i) for i in range(len(self.parent))})


def independent(origins: Sequence[Sequence[str]], texts: Sequence[str]) -> tuple[int, list[int]]:
    """Count independent sources among reports.

    ``origins[i]`` holds report i's origin keys (its copy group, wire credit, speaker, outlet: any
    shared key joins two reports); ``texts[i]`` its sentence. Returns the count and each report's
    class (the index of the first report of its class), which the store keeps for audit.
    """
    uf = Origins(len(origins))
    first: dict[str, int] = {}
    for i, keys in enumerate(origins):
        for key in keys:
            if key in first:
                uf.union(first[key], i)
            else:
                first[key] = i
    grams = [trigrams(t) for t in texts]
    for i in range(len(grams)):
        for j in range(i + 1, len(grams)):
            if uf.find(i) != uf.find(j) and jaccard(grams[i], grams[j]) >= SAME_TEXT:
                uf.union(i, j)
    return uf.classes(), [uf.find(i) for i in range(len(origins))]


def outlet_label(outlet: str | None, article_id: str) -> str:
    """How a report's outlet is named among a count's members: an unknown outlet by its article."""
    return outlet if outlet and outlet != "unknown" else f"{article_id} (outlet unknown)"


def members(classes: Sequence[int], labels: Sequence[str]) -> list[str]:
    """One label per class, in order of the class's first report: its reports' distinct labels joined."""
    out: dict[int, list[str]] = {}
    for c, label in zip(classes, labels, strict=True):
        names = out.setdefault(c, [])
        if label not in names:
            names.append(label)
    return [" / ".join(sorted(names)) for _, names in sorted(out.items())]


@dataclass(slots=True, kw_only=True)
class TwoCounts:
    """The two counts of a merged event or statement, each with its classes (per report) and members (per class)."""

    independent_sources: int = 0
    """Original sources: reports joined by copy, derivation, outlet, wire and by the speaker they rest on."""
    source_classes: list[int] = field(default_factory=list)
    source_members: list[str] = field(default_factory=list)
    independent_reports: int = 0
    """Reports joined by copy, derivation, outlet and wire only: outlets that did their own reporting."""
    report_classes: list[int] = field(default_factory=list)
    report_members: list[str] = field(default_factory=list)

    def count(self, report_keys: Sequence[Sequence[str]], source_keys: Sequence[Sequence[str]], texts: Sequence[str],
              outlets: Sequence[str], speakers: Sequence[str | None]) -> None:
        """Set both counts (``two_counts``)."""
        (self.independent_reports, self.report_classes, self.report_members), \
            (self.independent_sources, self.source_classes, self.source_members) = two_counts(
                report_keys, source_keys, texts, outlets, speakers)


def two_counts(report_keys: Sequence[Sequence[str]], source_keys: Sequence[Sequence[str]], texts: Sequence[str],
               outlets: Sequence[str], speakers: Sequence[str | None]) -> tuple[tuple[int, list[int], list[str]],
                                                                            tuple[int, list[int], list[str]]]:
    """Independent reports and original sources of one merged event or statement.

    Reports are joined by their copy or derivation family, outlet and wire credit (``report_keys``) and by
    near-identical text: what is left is how many outlets did their own reporting. Sources are the same
    classes further joined by the speaker the reports rest on (``source_keys``: four agencies relaying one
    White House statement are four reports and one source); a report attributed to no one rests on its
    own outlet. Each count comes with its classes (per report) and one label per class."""
    n_rep, rep = independent(report_keys, texts)
    n_src, src = independent([tuple(a) + tuple(b) for a, b in zip(report_keys, source_keys, strict=True)], texts)
    src_labels = [s if s else f"{o} (own report)" for s, o in zip(speakers, outlets, strict=True)]
    return (n_rep, rep, members(rep, outlets)), (n_src, src, members(src, src_labels))
