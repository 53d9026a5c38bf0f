"""The claims lexicons (src/veille/lexicons/{fr,en}/*.tsv) parse, keep their conventions, and hold
the facts the claims extractor relies on."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

LEXICONS = Path(__file__).resolve().parent.parent / "src" / "veille" / "lexicons"
LANGS = ("fr", "en")

from veille.lexicons.schema import FRAMES, SCHEMAS, WORD_CLASSES, problems

CHECKED = {f"{name}.tsv" for name in SCHEMAS if name != "plover_types"}
"""The per-language lexicons with a schema in the package (the event lexicons have their own test:
tests/extract/test_event_lexicon.py)."""


def sort_key(s: str) -> tuple[str, str]:
    """The files' order: case- and accent-folded, then the raw string (see lexicons/README.md)."""
    folded = unicodedata.normalize("NFD", s.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)), s


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#") and line.strip()]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for n, fields in enumerate(reader, start=2):
        assert len(fields) == len(header), f"{path}: row {n} has {len(fields)} fields, header {len(header)}: {fields}"
        rows.append(dict(zip(header, fields)))
    return header, rows


def table(lang: str, name: str) -> list[dict[str, str]]:
    return read(LEXICONS / lang / name)[1]


def index(lang: str, name: str) -> dict[str, dict[str, str]]:
    rows = table(lang, name)
    key = SCHEMAS[name.removesuffix(".tsv")].header[0]
    return {r[key]: r for r in rows}


def all_tsv() -> list[Path]:
    return sorted(p for p in LEXICONS.rglob("*.tsv") if p.name in CHECKED)


def test_every_expected_file_exists():
    for lang in LANGS:
        for name in CHECKED:
            assert (LEXICONS / lang / name).is_file(), f"missing {lang}/{name}"


@pytest.mark.parametrize("path", all_tsv(), ids=lambda p: str(p.relative_to(LEXICONS)))
def test_tsv_well_formed(path: Path):
    schema = SCHEMAS[path.stem]
    header = list(schema.header)
    got_header, rows = read(path)
    assert problems(path.stem, got_header, rows) == []
    assert rows, f"{path} is empty"
    lang = path.parent.name
    keys = [r[header[0]] for r in rows]
    for r in rows:
        for col in schema.required:
            assert r[col] == r[col].strip(), f"{path}: stray whitespace in {col} of {r}"
        if path.name == "speech_verbs.tsv":
            frames = r["frames"].split(",")
            assert frames and set(frames) <= FRAMES[lang], f"{path}: bad frames {r['frames']!r} for {r['lemma']}"
            assert len(frames) == len(set(frames)), f"{path}: repeated frame for {r['lemma']}"
        if path.name == "attributions.tsv":
            assert r["phrase"] == r["phrase"].lower(), f"{path}: phrase not lowercase: {r['phrase']}"
            assert "’" not in r["phrase"], f"{path}: use ' not ’ in {r['phrase']}"
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes, f"{path}: duplicate keys {sorted(dupes)}"
    assert keys == sorted(keys, key=sort_key), f"{path}: not sorted by its first column"


def test_the_loader_refuses_a_value_its_schema_does_not_allow():
    """The schema lives in the package and is checked as a file is read, not only here."""
    rows = [{"word": "le", "classes": "definite_article,adverb", "note": ""}]
    assert problems("function_words", ["word", "classes", "note"], rows) == \
        ["function_words: classes='adverb' not allowed (le)"]
    assert problems("role_nouns", ["noun", "agent"], []) != []


def test_every_word_class_is_used_and_the_drifted_lists_are_one():
    """Each class of function_words.tsv has words; the prepositions of a posting are one list for the roles and
    the referents (they had drifted apart), and so are the articles."""
    from veille.lexicons import words

    assert all(words(c) for c in WORD_CLASSES)
    assert {"to", "à", "a", "auprès", "near", "près"} <= words("posting_preposition")
    assert words("definite_article") == {"le", "la", "les", "l'", "the"}
    assert {"pas", "jamais", "personne"} <= words("ne_pair", "fr") and not words("ne_pair", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_enough_speech_verbs(lang: str):
    assert len(table(lang, "speech_verbs.tsv")) >= 250


def test_facts_the_extractor_relies_on():
    fr_verbs, en_verbs = index("fr", "speech_verbs.tsv"), index("en", "speech_verbs.tsv")
    assert fr_verbs["démentir"]["polarity"] == "neg"
    assert fr_verbs["nier"]["polarity"] == "neg"
    assert en_verbs["deny"]["polarity"] == "neg"
    assert "inf" in fr_verbs["exhorter"]["frames"].split(",")
    assert "inf" in en_verbs["urge"]["frames"].split(",")
    assert fr_verbs["déclarer"]["act"] == "state" and "que" in fr_verbs["déclarer"]["frames"]
    assert "direct" in fr_verbs["ajouter"]["frames"].split(",")
    assert "obj" in fr_verbs["soutenir"]["frames"].split(",")
    assert fr_verbs["douter"]["polarity"] == "doubt" and en_verbs["doubt"]["polarity"] == "doubt"
    for lemma in ("dire", "affirmer", "annoncer", "estimer", "accuser", "promettre", "craindre"):
        assert lemma in fr_verbs, lemma
    for lemma in ("say", "tell", "claim", "allege", "warn", "pledge", "vow", "tweet"):
        assert lemma in en_verbs, lemma

    fr_attr, en_attr = index("fr", "attributions.tsv"), index("en", "attributions.tsv")
    assert fr_attr["selon"]["relation"] == "according_to"
    assert fr_attr["d'après"]["relation"] == "according_to"
    assert fr_attr["comme l'avait précédemment rapporté"]["relation"] == "previously_reported"
    assert fr_attr["démenti par"]["relation"] == "denied_by"
    assert en_attr["according to"]["relation"] == "according_to"
    assert en_attr["as first reported by"]["relation"] == "previously_reported"

    assert index("fr", "source_verbs.tsv")["rapporter"]["relation"] == "previously_reported"
    assert index("en", "source_verbs.tsv")["deny"]["relation"] == "denied_by"

    fr_roles, en_roles = index("fr", "role_nouns.tsv"), index("en", "role_nouns.tsv")
    assert fr_roles["porte-parole"]["kind"] == "spokesperson"
    assert en_roles["spokesman"]["kind"] == "spokesperson"
    assert fr_roles["armée"]["agent"] == "MIL" and fr_roles["ministre"]["kind"] == "minister"

    fr_fact, en_fact = index("fr", "factuality.tsv"), index("en", "factuality.tsv")
    assert fr_fact["Mood=Cnd"]["scope"] == "morph" and fr_fact["Mood=Cnd"]["factuality"] == "hypothetical"
    assert fr_fact["Tense=Fut"]["scope"] == "morph"
    assert fr_fact["pas"]["factuality"] == "negated"
    assert fr_fact["certains signes montrent"]["factuality"] == "uncertain"
    assert fr_fact["ne croient pas que"]["kind"] == "belief_neg"
    assert en_fact["reportedly"]["factuality"] == "uncertain"
    assert en_fact["not"]["factuality"] == "negated"
