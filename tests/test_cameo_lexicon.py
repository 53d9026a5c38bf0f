"""The CAMEO verb lexicons (lexicons/{en,fr}/cameo_*.tsv, built by scripts/build_cameo_lexicon.py from
the PETRARCH CAMEO dictionary) parse, use PLOVER's vocabulary, keep their order, rebuild byte for byte,
and hold the facts the event coder relies on."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "src" / "veille" / "lexicons"
SOURCES = LEXICONS / "sources"
SCRIPT = ROOT / "scripts" / "build_cameo_lexicon.py"
CAMEO = ROOT.parent / "shared" / "data" / "cameo"
PLOVER_MD = ROOT.parent / "shared" / "contract" / "PLOVER.md"
LANGS = ("en", "fr")
VERB_HEADER = ["lemma", "before", "after", "code", "type", "mode", "context", "block"]
CLASS_HEADER = ["class", "word"]

# PLOVER.md, copied so the test runs without ../shared (test_vocabulary_is_plover_md checks the copy)
MODES = {
    "AGREE": set(), "CONSULT": {"visit", "third-party", "multilateral", "phone"}, "SUPPORT": set(),
    "CONCEDE": set(), "COOPERATE": set(), "AID": set(),
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}
CONTEXTS = {
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms",
    "repression", "human_security", "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic",
    "territory", "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal_drugs", "trafficking",
}
needs_shared = pytest.mark.skipif(not (CAMEO / "CAMEO.2.0.txt").exists(), reason="../shared not mounted")


def sort_key(s: str) -> tuple[str, str]:
    """The lexicons' order (lexicons/README.md): case- and accent-folded, then the raw string."""
    folded = unicodedata.normalize("NFD", s.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)), s


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Comment lines only at the top, then one header line, then rows of the header's width."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", f"{path}: no final newline"
    lines = lines[:-1]
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    assert not any(line.startswith("#") or not line.strip() for line in lines), f"{path}: comment or blank line inside"
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for n, fields in enumerate(reader, start=2):
        assert len(fields) == len(header), f"{path}: row {n} has {len(fields)} fields: {fields}"
        assert all(f == f.strip() for f in fields), f"{path}: row {n} has padded fields: {fields}"
        rows.append(dict(zip(header, fields)))
    return header, rows


@cache
def verbs(lang: str) -> list[dict[str, str]]:
    header, rows = read(LEXICONS / lang / "cameo_verbs.tsv")
    assert header == VERB_HEADER
    return rows


@cache
def classes(lang: str) -> dict[str, set[str]]:
    header, rows = read(LEXICONS / lang / "cameo_classes.tsv")
    assert header == CLASS_HEADER
    out: dict[str, set[str]] = {}
    for r in rows:
        out.setdefault(r["class"], set()).add(r["word"])
    return out


def row(lang: str, lemma: str, before: str = "", after: str = "") -> dict[str, str]:
    found = [r for r in verbs(lang) if (r["lemma"], r["before"], r["after"]) == (lemma, before, after)]
    assert len(found) == 1, f"{lang}: no row ({lemma!r}, {before!r}, {after!r})"
    return found[0]


def parts(elements: str) -> list[str]:
    """The words and classes of a before/after cell: elements split on spaces, units on '_'."""
    return [p for e in elements.split() for p in e.split("_")]


# ---------------------------------------------------------------- format and vocabulary
@pytest.mark.parametrize("lang", LANGS)
def test_verbs_use_only_plover_vocabulary(lang):
    for r in verbs(lang):
        assert r["code"] == "---" or re.fullmatch(r"\d{2,4}", r["code"]), r
        if r["type"]:
            assert r["type"] in MODES, r
            assert not r["mode"] or r["mode"] in MODES[r["type"]], r
        else:  # not an event: a blocking pattern, CAMEO 01x statements
            assert r["code"] == "---" or r["code"].startswith("01"), r
            assert not r["mode"] and not r["context"], r
        assert set(filter(None, r["context"].split(","))) <= CONTEXTS, r
        assert r["block"] and r["lemma"] == r["lemma"].strip() and r["lemma"], r


@pytest.mark.parametrize("lang", LANGS)
def test_no_duplicates_and_sorted(lang):
    keys = [(r["lemma"], r["before"], r["after"]) for r in verbs(lang)]
    assert len(keys) == len(set(keys)), "a (lemma, before, after) has several rows"
    assert keys == sorted(keys, key=lambda k: tuple(sort_key(v) for v in k))
    _, rows = read(LEXICONS / lang / "cameo_classes.tsv")
    pairs = [(r["class"], r["word"]) for r in rows]
    assert len(pairs) == len(set(pairs))
    assert pairs == sorted(pairs, key=lambda k: tuple(sort_key(v) for v in k))


@pytest.mark.parametrize("lang", LANGS)
def test_default_rows_code_an_event_and_elements_are_lemmas(lang):
    for r in verbs(lang):
        if not r["before"] and not r["after"]:
            assert r["code"] != "---", f"a default row is never a bare block: {r}"
        for p in parts(r["before"]) + parts(r["after"]):
            assert p == p.lower() and p and "(" not in p and "{" not in p and p not in "$+^%*", r


@pytest.mark.parametrize("lang", LANGS)
def test_every_class_used_is_defined_and_every_class_is_used(lang):
    used = {p[1:] for r in verbs(lang) for p in parts(r["before"]) + parts(r["after"]) if p.startswith("&")}
    defined = classes(lang)
    assert used - set(defined) == set(), "classes used but not in cameo_classes.tsv"
    assert set(defined) - used == set(), "classes no pattern uses"
    assert all(words for words in defined.values())
    for name in defined:
        assert re.fullmatch(r"[a-z0-9-]+", name), name


@needs_shared
def test_vocabulary_is_plover_md():
    text = PLOVER_MD.read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"[A-Z]+", cells[0]):
            table[cells[0]] = set() if cells[3] == "—" else {m.strip() for m in cells[3].split(",")}
    assert table == MODES
    listed = text.split("Contexts (any type, several allowed):")[1].split("\n\n")[0]
    assert {c.strip().rstrip(".") for c in listed.replace("\n", " ").split(",")} == CONTEXTS


# ---------------------------------------------------------------- the French source tables
def test_french_sources_parse_sorted_unique():
    header, rows = read(SOURCES / "cameo_fr_verbs.tsv")
    assert header == ["block", "en_lemma", "fr_lemmas", "note"]
    keys = [(r["block"], r["en_lemma"]) for r in rows]
    assert len(keys) == len(set(keys)) and keys == sorted(keys, key=lambda k: (sort_key(k[0]), sort_key(k[1])))
    header, rows = read(SOURCES / "cameo_fr_words.tsv")
    assert header == ["en", "fr", "note"]
    words = [r["en"] for r in rows]
    assert len(words) == len(set(words)) and words == sorted(words, key=sort_key)
    for table in ("cameo_fr_verbs.tsv", "cameo_fr_words.tsv"):
        for r in read(SOURCES / table)[1]:
            cell = r.get("fr_lemmas", r.get("fr", ""))
            for lemma in filter(None, (x.strip() for x in cell.split(","))):
                assert lemma == lemma.lower(), (table, r)
                assert not lemma.startswith(("se ", "s'")), f"pronominal verbs go without se: {r}"


# ---------------------------------------------------------------- facts a user relies on
def test_english_facts():
    assert row("en", "attack")["type"] == "ASSAULT"
    released = row("en", "release", after="prisoner")
    assert (released["type"], released["mode"]) == ("RETREAT", "release")
    assert row("en", "release", after="statement")["type"] == ""  # a statement, not a release
    assert row("en", "strike", after="deal")["type"] == "SUPPORT"
    assert row("en", "accuse")["type"] == "ACCUSE"


def test_english_phrasal_verbs_and_spacy_variants():
    assert row("en", "pull out", after="of talk")["type"] == "SANCTION"
    assert row("en", "back down")["type"] == "CONCEDE"
    # spaCy lemmatises "staged" and "waged" as "stag" and "wag": those lemmas carry the rows too
    assert row("en", "stag", after="protest") == {**row("en", "stage", after="protest"), "lemma": "stag"}
    assert row("en", "wag war")["type"] == "ASSAULT"


def test_appeals_are_requests_and_table_normalisations():
    assert (row("en", "appeal")["type"], row("en", "appeal")["code"]) == ("REQUEST", "020")
    assert row("en", "ask", after="humanitarian_aid")["mode"] == "assist"  # 0233 -> 1033
    assert row("en", "assassinate")["mode"] == "targeted"  # the table's "assassinate" mode
    assert "human_security" in row("en", "ask", after="humanitarian_aid")["context"]  # "humanitarian"


def test_french_facts():
    assert row("fr", "attaquer")["type"] == "ASSAULT"
    assert row("fr", "libérer")["type"] == "RETREAT"
    assert row("fr", "libérer", after="&hostage")["mode"] == "release"
    assert row("fr", "accuser")["type"] == "ACCUSE"
    assert "&hostage" not in classes("en") or "otage" in classes("fr")["hostage"]


# ---------------------------------------------------------------- the build is deterministic
@needs_shared
def test_build_reproduces_the_committed_files(tmp_path):
    done = subprocess.run([sys.executable, str(SCRIPT), str(CAMEO), "--out", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    for lang in LANGS:
        for name in ("cameo_verbs.tsv", "cameo_classes.tsv"):
            built = (tmp_path / lang / name).read_bytes()
            assert built == (LEXICONS / lang / name).read_bytes(), f"{lang}/{name} differs from a rebuild"
