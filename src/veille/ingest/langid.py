"""Offline language identification (py3langid: small, fast, right on every test in OFFLINE.md), asked
one question only: French, English, or neither.

The full model knows 100-odd languages, and on a headline and one sentence of English it may rank
Nigerian Pidgin first and English second (issue 13). So the best of French and English is taken when
it ranks among the first three languages or holds a tenth of the probability; otherwise the verdict is
"neither", with the language the model saw, for the one-line error.
"""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from veille.model import SUPPORTED_LANGS

_TOP = 3
_SHARE = 0.1


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str:
    """``fr`` or ``en`` for ``text`` (judged on its first 5,000 characters), else the code of the language
    the model ranks first (``de``, ``zh``, ``und`` when it sees no language at all)."""
    ranked = _identifier().rank(text[:5000])
    best = next(((lang, p, n) for n, (lang, p) in enumerate(ranked) if lang in SUPPORTED_LANGS), None)
    if best is not None and (best[2] < _TOP or best[1] >= _SHARE):
        return best[0]
    return ranked[0][0] if ranked and ranked[0][1] > 0 else "und"


def language_of(declared: str | None, text: str) -> str:
    """The language to analyse ``text`` in: the one declared (``en-GB`` → ``en``), else the one detected."""
    if declared and declared.strip():
        return re.split(r"[-_\s]", declared.strip().lower(), maxsplit=1)[0]
    return detect(text)
