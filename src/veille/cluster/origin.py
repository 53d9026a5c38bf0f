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
