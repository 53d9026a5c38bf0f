"""One normal form for names, so "États-Unis", "Etats Unis" and "les États-Unis" meet in one key."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from veille.lexicons import words

_WORD = re.compile(r"[a-z0-9]+")


# Latin letters that Unicode does not decompose into a base letter and a mark, so NFKD leaves them whole and a key
# would split the name at them ("Yıldırım" → "y ld r m", "Støre" → "st re"). Written by hand: the transliteration
# libraries are GPL (Unidecode) or far larger than these few letters.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d",
                               "Ð": "D", "þ": "th", "Þ": "Th", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe",
                               "Œ": "Oe", "ħ": "h", "Ħ": "H"})


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """Lowercase, accents and punctuation dropped, leading determiners dropped."""
    words = _WORD.findall(strip_accents(text.replace("\u2019", "'")).lower())
    determiners = _definite_articles()
    while words and words[0] in determiners:
        words = words[1:]
    return " ".join(words)


@cache
def _definite_articles() -> frozenset[str]:
    """The definite articles of every language as they stand in a key ("l'" is "l")."""
    return frozenset(w.rstrip("'") for w in words("definite_article"))
