"""Exact and near-duplicate detection: a hash of the normalised text, then MinHash/LSH (datasketch).

Deterministic by construction (fixed seed, fixed permutations, word shingles), so the same corpus read
in the same order makes the same decisions in every run, which is what a resumed ingest relies on.
Only originals enter the index: a copy points at the first article it copies, never at another copy.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from datasketch import LeanMinHash, MinHash, MinHashLSH

SEED = 1
NUM_PERM = 128
THRESHOLD = 0.8
"""Estimated Jaccard similarity of word 5-shingles above which two texts are the same article."""
SHINGLE = 5

_WORD = re.compile(r"\w+")
_SCHEME = MinHash(num_perm=1).scheme
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=_SCHEME).permutations
"""The (a, b) permutation parameters that ``seed`` gives, drawn once (drawing them cost half a signature)."""


def normalise(text: str) -> str:
    """NFKC, lower case, punctuation dropped, whitespace collapsed: what must match for an exact copy."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).lower()))


def norm_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def signature(text: str) -> LeanMinHash:
    words = normalise(text).split()
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_PERMUTATIONS, scheme=_SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return LeanMinHash(mh)


def signature_bytes(sig: LeanMinHash) -> bytes:
    """datasketch's own serialisation, which records the seed and the permutation scheme."""
    buf = bytearray(sig.bytesize())
    sig.serialize(buf)
    return bytes(buf)


def signature_from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash.deserialize(data)


@cache
def bands() -> tuple[int, int]:
    """(bands, rows per band) that datasketch's LSH chooses for ``THRESHOLD`` and ``NUM_PERM``."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def band_keys(sig: LeanMinHash) -> list[int]:
    """One signed 64-bit key per LSH band: two signatures are candidates when a band's keys are equal, as in
    datasketch's LSH (a store keeps them in a table, so an ingest reads only the candidates' signatures)."""
    b, r = bands()
    hv = sig.hashvalues
    return [int.from_bytes(hashlib.blake2b(hv[i * r:(i + 1) * r].tobytes(), digest_size=8).digest(), "big", signed=True)
            for i in range(b)]


class CopyIndex(Protocol):
    """What admission asks of an index of originals: ``Deduper`` in memory, or a store's (``veille.store.copies``)."""

    def find(self, text_hash: str, sig: LeanMinHash) -> Copy | None: ...

    def add(self, article_id: str, text_hash: str, sig: LeanMinHash) -> None: ...

    def remove(self, article_id: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Copy:
    """``kind`` is ``exact`` or ``near``; ``of`` is the id of the original."""

    kind: str
    of: str


class Deduper:
    """The index of originals seen so far (those in the store are loaded with ``add``)."""

    def __init__(self, *, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._exact: dict[str, str] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[str, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def find(self, text_hash: str, sig: LeanMinHash) -> Copy | None:
        """The original that this text copies, if any; exact copies win over near ones."""
        if text_hash in self._exact:
            return Copy("exact", self._exact[text_hash])
        candidates = self._lsh.query(sig)
        if not candidates:
            return None
        best = max(sorted(candidates), key=lambda key: sig.jaccard(self._sigs[key]))
        if sig.jaccard(self._sigs[best]) < self.threshold:
            return None
        return Copy("near", best)

    def candidates(self, sig: LeanMinHash) -> dict[str, LeanMinHash]:
        """The originals that share an LSH band with ``sig``, with their signatures."""
        return {key: self._sigs[key] for key in self._lsh.query(sig)}

    def add(self, article_id: str, text_hash: str, sig: LeanMinHash) -> None:
        if article_id in self._sigs:
            self.remove(article_id)
        self._exact.setdefault(text_hash, article_id)
        self._lsh.insert(article_id, sig, check_duplication=False)
        self._sigs[article_id] = sig

    def remove(self, article_id: str) -> None:
        """Forget an original (its article was replaced by a new version)."""
        if article_id not in self._sigs:
            return
        self._lsh.remove(article_id)
        del self._sigs[article_id]
        for h in [h for h, a in self._exact.items() if a == article_id]:
            del self._exact[h]
