"""GeoNames lists airport and other short codes among a city's names ("RAI" for Praia, "CSG" for Columbus): read
as names, they linked French words to towns abroad. Real corpus sentences (none held out)."""

from __future__ import annotations

import pytest

from tests.conftest import corpus_article
from veille.analyze import analyze


@pytest.mark.parametrize("article_id, sentence, word, wrong", [
    ("winer-fr:2016_09_25-002", "Les forces turquo-syriennes parviennent ensuite rapidement à prendre al-Raï", "Raï",
     "Praia"),
    ("winer-fr:2017_09_27-001", "En contrepartie, le gouvernement prévoit une hausse de la CSG", "CSG", "Columbus"),
    ("winer-fr:2018_12_07-001", "D'autres préfectures ont suivi : la Gironde, la Creuse, la Vienne", "Var", "Varna"),
])
def test_a_code_of_a_city_abroad_does_not_link_a_word(article_id, sentence, word, wrong):
    article = corpus_article(article_id)
    start = article.text.find(sentence)
    assert start >= 0
    linked = {e["canonical"] for e in analyze(article)["entities"]
              for m in e["mentions"] if m["text"] == word and m["start"] >= start}
    assert wrong not in linked
