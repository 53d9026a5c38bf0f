"""Word lists as reviewed data files (``lexicons/{fr,en}/*.tsv``), loaded once per process.

The files are documented in ``lexicons/README.md``; this loader only reads them.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def table(lang: str, name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``lexicons/<lang>/<name>.tsv`` (or ``lexicons/<name>.tsv`` when ``lang`` is empty)."""
    base = resources.files("veille").joinpath("lexicons")
    path = base.joinpath(lang, f"{name}.tsv") if lang else base.joinpath(f"{name}.tsv")
    lines = [line for line in path.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items() if k} for row in reader)


PERSON_KINDS = frozenset({"spokesperson", "official", "minister", "head", "diplomat", "expert", "military"})


@cache
def role_words(lang: str) -> frozenset[str]:
    """Words of the role nouns that name a person ("premier", "ministre", "porte-parole", "secretary").

    Group nouns ("assemblée", "agence") are left out: they begin names of organisations.
    """
    words: set[str] = {"premier", "première", "vice", "prime", "deputy", "former", "ancien", "ancienne", "chief"}
    for row in table(lang, "role_nouns"):
        if row.get("kind") in PERSON_KINDS:
            noun = row["noun"].lower()
            words.add(noun)
            words.update(w for w in noun.replace("-", " ").split() if len(w) > 3)
    return frozenset(words)
