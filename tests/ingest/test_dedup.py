"""Exact and near-copy detection: deterministic, copies point at the original, signatures survive storage."""

from __future__ import annotations

import json

from veille.ingest.dedup import Deduper, norm_hash, signature, signature_bytes, signature_from_bytes

from ..conftest import SHARED


def _texts(n: int) -> list[str]:
    with (SHARED / "corpus" / "wikinews-fr.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(next(fh))["text"] for _ in range(n)]


def test_exact_near_and_distinct():
    a, b = _texts(2)
    d = Deduper()
    d.add("a", norm_hash(a), signature(a))
    respaced = a.replace(" ", "  ").upper()
    assert d.find(norm_hash(respaced), signature(respaced)).kind == "exact"
    edited = a.replace("Barroso", "José Manuel Barroso", 1) + "\n\nMise à jour : précisions ajoutées."
    copy = d.find(norm_hash(edited), signature(edited))
    assert (copy.kind, copy.of) == ("near", "a")
    assert d.find(norm_hash(b), signature(b)) is None


def test_signatures_are_deterministic_and_round_trip():
    (a,) = _texts(1)
    assert signature_bytes(signature(a)) == signature_bytes(signature(a))
    back = signature_from_bytes(signature_bytes(signature(a)))
    assert back.jaccard(signature(a)) == 1.0


def test_a_replaced_original_is_forgotten():
    (a,) = _texts(1)
    d = Deduper()
    d.add("a", norm_hash(a), signature(a))
    d.remove("a")
    assert d.find(norm_hash(a), signature(a)) is None and len(d) == 0
