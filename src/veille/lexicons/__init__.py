"""Word lists as reviewed data files (``lexicons/{fr,en}/*.tsv``), loaded once per process.

The files are documented in ``lexicons/README.md``; what each may hold is ``lexicons/schema.py``, checked here
as a file is read.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from veille.errors import VeilleError
from veille.lexicons.schema import problems
from veille.model import SUPPORTED_LANGS


class LexiconError(VeilleError):
    """A lexicon file breaks its schema (``lexicons/schema.py``)."""


@cache
def table(lang: str, name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``lexicons/<lang>/<name>.tsv`` (or ``lexicons/<name>.tsv`` when ``lang`` is empty)."""
    base = resources.files("veille").joinpath("lexicons")
    path = base.joinpath(lang, f"{name}.tsv") if lang else base.joinpath(f"{name}.tsv")
    lines = [line for line in path.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = tuple({k: (v or "").strip() for k, v in row.items() if k} for row in reader)
    wrong = problems(name, list(reader.fieldnames or []), list(rows))
    if wrong:
        raise LexiconError(f"lexicons/{lang + '/' if lang else ''}{name}.tsv: " + "; ".join(wrong[:5]))
    return rows


@cache
def words(cls: str, lang: str | None = None) -> frozenset[str]:
    """The words of one class of ``function_words.tsv`` (``schema.WORD_CLASSES``): of ``lang``, or of every
    language (None) where a rule reads words of either language in any text ("The Guardian" in a French one)."""
    out: set[str] = set()
    for each in (lang,) if lang else SUPPORTED_LANGS:
        out.update(row["word"] for row in table(each, "function_words") if cls in row["classes"].split(","))
    return frozenset(out)


PERSON_KINDS = frozenset({"spokesperson", "official", "minister", "head", "diplomat", "expert", "military"})


@cache
def role_words(lang: str) -> frozenset[str]:
    """Words of the role nouns that name a person ("premier", "ministre", "porte-parole", "secretary").

    Group nouns ("assemblée", "agence") are left out: they begin names of organisations.
    """
    out: set[str] = set(words("title_word"))
    for row in table(lang, "role_nouns"):
        if row.get("kind") in PERSON_KINDS:
            noun = row["noun"].lower()
            out.add(noun)
            out.update(w for w in noun.replace("-", " ").split() if len(w) > 3)
    return frozenset(out)
