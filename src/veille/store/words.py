"""The store's word index: every word of every article's title and text, where it stands, folded.

Hand-written because DuckDB's own full-text extension (``fts``) is fetched at install time and fails offline;
a table of (article, field, word, offset) is all a search by words needs, and its offsets let a question ask for
a word inside one event's sentence or one claim's quotation, not only somewhere in the article.

A word is a run of letters and digits (an apostrophe, a hyphen or any punctuation ends it: "l'Ukraine" is "l" and
"ukraine"), lower-cased the Unicode way (``casefold``) with its accents taken off, so "Missile", "missile" and
"MISSILE" are one word and "Corée" is "coree", while "missiles" and "missile" stay two.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import duckdb

_WORD = re.compile(r"[^\W_]+(?:[\u0300-\u036f]+[^\W_]*)*")
FIELDS = ("title", "text")


def fold(word: str) -> str:
    """``word`` case-folded and without its accents (NFKD, combining marks dropped)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> Iterator[tuple[str, int]]:
    """Each word of ``text``, folded, with its character offset."""
    for m in _WORD.finditer(text):
        yield fold(m.group()), m.start()


def query_words(text: str) -> list[str]:
    """The distinct words a user's search asks for, in order."""
    return list(dict.fromkeys(w for w, _ in words(text)))


def word_rows(article_id: str, title: str | None, text: str) -> list[dict[str, Any]]:
    """The index rows of one article."""
    rows = [{"article_id": article_id, "field": "title", "word": w, "start_char": at} for w, at in words(title or "")]
    rows += [{"article_id": article_id, "field": "text", "word": w, "start_char": at} for w, at in words(text)]
    return rows


def index_missing(con: duckdb.DuckDBPyConnection, *, batch: int = 500) -> int:
    """Index the articles that have no word yet (a store from before the index, a batch just loaded); returns how
    many. The caller holds the transaction."""
    ids = [r[0] for r in con.execute("SELECT id FROM articles a WHERE NOT EXISTS "
                                     "(SELECT 1 FROM words w WHERE w.article_id = a.id) ORDER BY id").fetchall()]
    for start in range(0, len(ids), batch):
        part = ids[start:start + batch]
        rows = con.execute("SELECT id, title, text FROM articles WHERE id IN (SELECT unnest(?))", [part]).fetchall()
        columns: dict[str, list[Any]] = {"article_id": [], "field": [], "word": [], "start_char": []}
        for aid, title, text in rows:
            for row in word_rows(aid, title, text):
                for key, value in row.items():
                    columns[key].append(value)
        if columns["word"]:
            con.execute("INSERT INTO words (article_id, field, word, start_char) SELECT unnest(?), unnest(?), "
                        "unnest(?), unnest(?)", [columns["article_id"], columns["field"], columns["word"],
                                                 columns["start_char"]])
    return len(ids)
