"""A worker that analyses partition after partition keeps none of the words it has read.

spaCy keeps every new word in the pipeline's vocabulary (a string, a lexeme) and in the lemmatizer's
cache unless the parse runs in a memory zone; a Dask or ingest worker would then grow for as long as it
lives. Counted here on real corpus articles through the worker's own path (the plugin's loading, then
``_analyse`` per partition), not on RSS, which is noisy.
"""

from __future__ import annotations

import json
import re

import veille.analyze as analyze_mod
from veille.analyze import analyze
from veille.batch.plan import plan
from veille.batch.tasks import _analyse, load_pipelines
from veille.extract.gazetteer import gazetteer_for
from veille.ingest.reader import ReadOptions
from veille.model import Article
from veille.nlp.pipeline import load

from ..conftest import SHARED

SIZE, PARTS = 8, 3


def _plain(value) -> bool:
    """Only what JSON holds: no Doc, Token or Span may outlive the memory zone."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or type(value) in (str, int, float, bool)


def test_partitions_do_not_grow_the_vocabulary(tmp_path, monkeypatch):
    with (SHARED / "corpus" / "winer-fr.jsonl").open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip()][:SIZE * PARTS]
    corpus = tmp_path / "winer.jsonl"
    corpus.write_text("".join(lines), encoding="utf-8")
    parts = plan([str(corpus)], size=SIZE)
    assert len(parts) == PARTS
    monkeypatch.setattr(analyze_mod, "_LEMMA_CACHE_MAX", 300)  # small, so that the bound is reached here

    load_pipelines(("fr",))
    nlp = load("fr")
    lemmatizer = nlp.get_pipe("lemmatizer")
    rows, _, counts = _analyse(parts[0], {}, ReadOptions(), True)
    assert counts["analysed"] == SIZE
    strings, lexemes = len(nlp.vocab.strings), sum(1 for _ in nlp.vocab)

    for k, part in enumerate(parts[1:], start=1):
        text = "\n".join(json.loads(line)["text"] for line in lines[k * SIZE:(k + 1) * SIZE])
        words = set(re.findall(r"\w+", text))
        no_lexeme = {w for w in words if w not in nlp.vocab}
        no_string = {w for w in words if w not in nlp.vocab.strings}  # few: the store holds the 500,000 vector keys
        assert len(no_lexeme) > 200  # words the pipeline has never kept

        rows, _, counts = _analyse(part, {}, ReadOptions(), True)
        assert counts["analysed"] == SIZE and all(r.analysis["entities"] for r in rows)
        assert all(_plain(r.analysis) for r in rows)
        assert len(nlp.vocab.strings) == strings, "the string store kept the partition's words"
        assert sum(1 for _ in nlp.vocab) == lexemes, "the vocabulary kept the partition's lexemes"
        assert not {w for w in no_lexeme if w in nlp.vocab} and not {w for w in no_string if w in nlp.vocab.strings}
        assert len(lemmatizer.cache) <= 300, "the lemmatizer's cache is unbounded"


def test_gazetteer_built_in_the_first_analysis_survives_it():
    """The gazetteer is built on first use; its match keys must not be freed with the first article's words."""
    gazetteer_for.cache_clear()
    first = analyze(Article(id="a", lang="fr", text="Le Royaume-Uni et les nord-coréens ont parlé lundi.\n"))
    second = analyze(Article(id="b", lang="fr", text="Londres a répondu au Royaume-Uni de Boris Johnson.\n"))
    for result in (first, second):
        assert any(e["canonical"] == "United Kingdom" for e in result["entities"]), result["entities"]

