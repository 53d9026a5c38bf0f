"""Shared by the benchmarks: the real articles they run on."""

from __future__ import annotations

import json
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"


def load_jsonl(name: str) -> list[dict]:
    with (CORPUS / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sample_200() -> list[dict]:
    """200 real articles: every English Wikinews article (29) and the first 171 of WiNER-fr."""
    return load_jsonl("wikinews-en.jsonl") + load_jsonl("winer-fr.jsonl")[:171]
