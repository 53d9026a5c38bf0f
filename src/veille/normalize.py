"""One normal form for names, so "États-Unis", "Etats Unis" and "les États-Unis" meet in one key."""

from __future__ import annotations

import re
import unicodedata

_DETERMINERS = frozenset({"le", "la", "les", "l", "the"})
_WORD = re.compile(r"[a-z0-9]+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """Lowercase, accents and punctuation dropped, leading determiners dropped."""
    words = _WORD.findall(strip_accents(text.replace("\u2019", "'")).lower())
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words)
