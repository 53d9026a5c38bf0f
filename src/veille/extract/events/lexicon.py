"""The event lexicons as the coder reads them: trigger rows, CAMEO verb patterns, support verbs, word classes.

All of it is data under ``lexicons/`` (documented in ``lexicons/EVENTS.md`` and ``lexicons/CAMEO.md``):
- ``<lang>/events.tsv``: hand-reviewed triggers (verbs and nouns, multiword ones too), each with the slots where
  its recipient is and an optional sense constraint on its object;
- ``<lang>/cameo_verbs.tsv``: the CAMEO verb dictionary of the PETRARCH coders, mapped to PLOVER (English), and
  its translation by classes (French): a verb's default code and the object patterns that change it or block it
  ("release * statement" is no event);
- ``<lang>/support_verbs.tsv``: light verbs that hand the event to their noun ("launched an attack", "mener des
  frappes"): the noun is the event, the verb only supplies the actor when the noun has none of its own;
- ``<lang>/event_classes.tsv`` (+ ``cameo_classes.tsv``): word classes the constraints and patterns name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from veille.lexicons import table

# Slots tried for a CAMEO verb the hand lexicon does not know: its object, then the prepositions that usually
# introduce the party acted on. PETRARCH takes the target from the verb phrase in the same way.
DEFAULT_SLOTS = {
    "en": ("dobj", "dative", "prep:against", "prep:on", "prep:to", "prep:with", "prep:at", "prep:into", "prep:from"),
    "fr": ("obj", "iobj", "obl:contre", "obl:à", "obl:avec", "obl:sur", "obl:de", "obl:vers", "obl:en"),
}
# Types a trigger may code with no recipient in the text (PLOVER allows none; the actor alone acts).
NO_RECIPIENT_NEEDED = frozenset({"PROTEST", "MOBILIZE", "RETREAT", "CONCEDE", "REQUEST", "REJECT", "THREATEN"})


@dataclass(frozen=True, slots=True)
class Sense:
    """A constraint on the trigger's object or subject (``obj=&weapon``, ``obj!=&figurative``, ``subj=&troops``;
    ``obj=*``: some noun object, not a clause: "denied the allegations", not "denied that …")."""

    role: str  # obj | dobj (a direct object, if any) | subj | as ("named X as terrorists") | comp (comp=inf: an
    # infinitive; comp=à: an à-complement) | obl | voice (voice!=pass: not a passive) | after (a word after the verb)
    negated: bool
    classes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    slots: tuple[str, ...]
    senses: tuple[Sense, ...] = ()
    source: str = "lexicon"  # lexicon | cameo:<code>


@dataclass(frozen=True, slots=True)
class Pattern:
    """One CAMEO row: words required before / after the verb, and what the verb then codes (type "" = no event)."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    words: frozenset[str] = frozenset()  # the plain words it needs (classes aside), a quick first filter

    @property
    def size(self) -> int:
        return len(self.before) + len(self.after)




@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: dict[tuple[str, str], Trigger]  # (lemma, pos) -> row, single words
    multi: dict[str, tuple[tuple[tuple[str, ...], Trigger], ...]]  # first lemma -> (lemma sequence, row), longest first
    patterns: dict[str, tuple[Pattern, ...]]  # verb lemma ("pull out" for phrasal verbs) -> CAMEO rows, longest first
    defaults: dict[str, Pattern]  # verb lemma -> CAMEO default row
    support: dict[str, tuple[str, ...]]  # light verb lemma -> dependents that carry its noun ("obj", "obl:à")
    classes: dict[str, frozenset[str]]  # class name -> lemmas


def _split(value: str, sep: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in value.split(sep) if x.strip())


def _senses(value: str) -> tuple[Sense, ...]:
    out = []
    for part in value.split():
        negated = "!=" in part
        role, _, rhs = part.partition("!=" if negated else "=")
        out.append(Sense(role, negated, tuple(c.lstrip("&") for c in rhs.split(","))))
    return tuple(out)


def _has(lang: str, name: str) -> bool:
    return resources.files("veille").joinpath("lexicons", lang, f"{name}.tsv").is_file()


@cache
def lexicon(lang: str) -> Lexicon:
    triggers: dict[tuple[str, str], Trigger] = {}
    multi: dict[str, list[tuple[tuple[str, ...], Trigger]]] = defaultdict(list)
    for row in table(lang, "events"):
        lemma = row["lemma"].lower()
        t = Trigger(lemma, row["pos"], row["type"], row["mode"] or None, _split(row["context"], ","),
                    _split(row["recipient"], ";"), _senses(row.get("sense", "")))
        words = tuple(lemma.replace("-", " - ").split()) if (" " in lemma) else (lemma,)
        if len(words) > 1:
            multi[words[0]].append((words, t))
        triggers[(lemma, t.pos)] = t
    classes: dict[str, set[str]] = defaultdict(set)
    for name in ("event_classes", "cameo_classes"):
        if _has(lang, name):
            for row in table(lang, name):
                classes[row["class"].lower()].add(row["word"].lower())
    patterns: dict[str, list[Pattern]] = defaultdict(list)
    defaults: dict[str, Pattern] = {}
    if _has(lang, "cameo_verbs"):
        for row in table(lang, "cameo_verbs"):
            before, after = tuple(row["before"].split()), tuple(row["after"].split())
            plain = frozenset(w for e in before + after for w in e.split("_") if not w.startswith("&"))
            p = Pattern(before, after, row["code"], row["type"], row["mode"] or None, _split(row["context"], ","), plain)
            lemma = row["lemma"].lower()
            if p.size == 0:
                defaults.setdefault(lemma, p)
            else:
                patterns[lemma].append(p)
    support = {row["lemma"].lower(): _split(row["slots"], ";") for row in table(lang, "support_verbs")}
    return Lexicon(
        triggers,
        {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in multi.items()},
        {k: tuple(sorted(v, key=lambda p: -p.size)) for k, v in patterns.items()},
        defaults,
        support,
        {k: frozenset(v) for k, v in classes.items()},
    )


@cache
def scores() -> dict[tuple[str, str], float]:
    return {(row["type"], row["mode"]): float(row["score"]) for row in table("", "plover_scores")}


def score_of(type_: str, mode: str | None) -> float | None:
    s = scores()
    return s.get((type_, mode or ""), s.get((type_, "")))
