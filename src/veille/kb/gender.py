"""A speaker's gender, only where a source says it: the first-name list ``data/first_names.tsv`` (from the
nomquamgender package, MIT: ``scripts/build_first_names.py``). The knowledge base holds no gender, so it is
never guessed from a record, a role or a pronoun; "unknown" is an answer like the others.

A person's first name is read when the list gives it to women or to men for at least 90% of the people it
counted (nomquamgender's own default threshold, 0.1); a rarer, ambiguous ("Camille", "Dominique") or unlisted
first name, or a single name ("Kirby"), is unknown. Organisations and places are "not a person".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

GENDERS = ("female", "male", "unknown", "not a person")
THRESHOLD = 0.1
SOURCE = "first-name list (nomquamgender 0.1.4, MIT)"


@dataclass(frozen=True, slots=True)
class Gender:
    """``value``: one of ``GENDERS``; ``source``: why, in words a reader can check."""

    value: str
    source: str


@cache
def _names() -> dict[str, tuple[float, int]]:
    out = {}
    text = resources.files("veille.kb").joinpath("data", "first_names.tsv").read_text("utf-8")
    for line in text.splitlines()[3:]:  # two comment lines and the header
        name, p, _sources, count = line.split("\t")
        out[name] = (float(p), int(count))
    return out


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


COMMON_FIRST_NAME = 10_000  # people counted: "Morgan", "Robert"; not "La", "China" or "Washington"


def is_first_name(word: str) -> bool:
    """Is ``word`` a common first name in the list (whatever its gender)? Entities use it to see a person in
    "Morgan Tsvangirai" when NER calls the name an organisation."""
    found = _names().get(_plain(word))
    return found is not None and found[1] >= COMMON_FIRST_NAME


def gender_of(name: str | None, entity_type: str | None) -> Gender:
    """The gender of a speaker named ``name`` (its canonical name), of entity type ``entity_type``."""
    if entity_type is None:
        return Gender("unknown", "the speaker is not an entity of the article" if name else "no speaker")
    if entity_type != "PERSON":
        return Gender("not a person", f"the speaker is an entity of type {entity_type}")
    words = _plain(name or "").replace(".", " ").split()
    if len(words) < 2:
        return Gender("unknown", "a single name: no first name to read")
    first = words[0]
    found = _names().get(first)
    if found is None:
        return Gender("unknown", f"first name {first!r} is not in the {SOURCE}")
    p, count = found
    said = f"first name {first!r}: {p:.1%} of {count:,} people gendered female, {SOURCE}"
    if p >= 1 - THRESHOLD:
        return Gender("female", said)
    if p <= THRESHOLD:
        return Gender("male", said)
    return Gender("unknown", said + ": ambiguous")
