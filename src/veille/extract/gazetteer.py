"""Finding knowledge-base names and demonyms in a parsed text with spaCy's PhraseMatcher.

The statistical NER misses what the base knows best: demonyms ("nord-coréens", "britannique"),
seats of power it tags as places ("Maison Blanche"), acronyms. The matcher finds them all in one pass;
case rules keep it precise ("US" only in capitals, "Chad" only capitalised, French demonyms in any case).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from veille.kb import KB, Record
from veille.normalize import strip_accents

_ANY, _CAP, _EXACT = 0, 1, 2  # case rules, most permissive first


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # token indices
    end: int
    record: Record
    demonym: bool
    descriptive: bool = False  # "forces russes", "gouvernement afghan": a description, not a name


class Gazetteer:
    def __init__(self, nlp: Language, kb: KB) -> None:
        self.kb = kb
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._rule: dict[tuple[str, str], int] = {}
        self._descriptive: set[tuple[str, str]] = set()
        self._what: dict[str, tuple[str, bool]] = {}
        forms: dict[str, set[str]] = {}
        geo_words = {w for r in kb.records.values() if r.kind == "country"
                     for n in (*r.all_demonyms(), *r.all_names()) for w in n.lower().split()}
        for surface, record, demonym in kb.surface_forms():
            key = f"{record.id}|{'D' if demonym else 'N'}"
            self._what[key] = (record.id, demonym)
            for variant in {surface, surface.replace("'", "\u2019"), surface.replace("\u2019", "'"), strip_accents(surface)}:
                variant = variant.strip()
                if variant:
                    forms.setdefault(key, set()).add(variant)
        for key, variants in forms.items():
            ordered = sorted(variants)
            tokenizer: Any = nlp.tokenizer  # the pipeline's own Tokenizer (spaCy ships no stub for it)
            docs = list(tokenizer.pipe(ordered))
            record = kb.records[self._what[key][0]]
            for variant, doc in zip(ordered, docs):
                lower = " ".join(t.lower_ for t in doc)
                rule = _case_rule(variant)
                if (record.type == "ORG" and len(variant.split()) > 1 and not variant.isupper()
                        and variant.split()[0].lower() not in ("le", "la", "les", "the", "l'", "un", "une", "a")):
                    rule = _ANY  # French writes "parlement européen" as often as "Parlement européen"
                self._rule[(key, lower)] = min(rule, self._rule.get((key, lower), _EXACT))
                if record.kind in STATE_BODY_KINDS and _is_description(doc, geo_words):
                    self._descriptive.add((key, lower))
            self.matcher.add(key, docs)

    def __call__(self, doc: Doc) -> list[Hit]:
        vocab = doc.vocab
        hits = []
        for match_id, start, end in self.matcher(doc):
            key = vocab.strings[match_id]
            span = doc[start:end]
            lower = " ".join(t.lower_ for t in span)
            if not _case_ok(self._rule.get((key, lower), _CAP), span.text):
                continue
            record_id, demonym = self._what[key]
            hits.append(Hit(start, end, self.kb.records[record_id], demonym, (key, lower) in self._descriptive))
        return hits


# A state's institutions, which a text usually describes with common nouns rather than names ("l'armée russe").
STATE_BODY_KINDS = frozenset({"government", "military", "intelligence", "ministry", "legislature"})


def _is_description(doc: Doc, geo_words: set[str]) -> bool:
    """Common nouns around a state's name or demonym: "German government", "forces russes", "US military"."""
    return all(t.text == t.lower_ or t.lower_ in geo_words for t in doc if t.is_alpha)


def _case_rule(surface: str) -> int:
    letters = [c for c in surface if c.isalpha()]
    if not letters:
        return _EXACT
    if surface.isupper() and len(letters) <= 5:
        return _EXACT  # acronyms: "US" is not "us", "ONU" is not "onu"
    return _ANY if letters[0].islower() else _CAP


def _case_ok(rule: int, text: str) -> bool:
    if rule == _ANY:
        return True
    if rule == _EXACT:
        return text.isupper()
    first = next((c for c in text if c.isalpha()), "")
    return first.isupper()


@cache
def gazetteer_for(nlp: Language, kb: KB) -> Gazetteer:
    return Gazetteer(nlp, kb)
