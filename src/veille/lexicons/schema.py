"""What each lexicon file may hold: its header, the columns that may not be empty, and the values a column
allows. The loader checks every file against it when it reads it (``veille.lexicons.table``), so a wrong value
is an error at start-up, not a word silently never matched; ``tests/test_lexicons.py`` checks the files too."""

from __future__ import annotations

from dataclasses import dataclass, field

ACTS = frozenset({
    "say", "add", "state", "announce", "confirm", "deny", "accuse", "criticize", "condemn", "urge",
    "ask", "demand", "warn", "threaten", "promise", "believe", "think", "doubt", "estimate",
    "report", "reveal", "claim", "allege", "insist", "explain", "acknowledge", "admit", "argue",
    "suggest", "recommend", "propose", "reject", "refuse", "praise", "welcome", "support",
    "assure", "reply", "tell", "write", "tweet", "note", "stress", "recall", "predict", "fear",
    "hope", "complain", "question", "order", "invite",
    # additions documented in lexicons/README.md
    "agree", "apologize", "conclude", "describe", "regret", "thank",
})
RELATIONS = frozenset({"according_to", "previously_reported", "confirmed_by", "denied_by"})
AGENTS = frozenset({"GOV", "MIL", "LEG", "JUD", "MED", "IGO", "NGO", "BUS", "CVL", "REB", "POL"})
ROLE_KINDS = frozenset({"spokesperson", "official", "minister", "head", "diplomat", "military", "media", "expert", "group"})
FACT_KINDS = frozenset({"negation", "modal", "conditional", "future", "plan", "hedge", "evidential", "belief_neg",
                        "allegation", "doubt", "fear", "hope", "purpose", "request"})
FRAMES = {"fr": frozenset({"que", "inf", "direct", "obj"}), "en": frozenset({"that", "inf", "direct", "obj"})}
WORD_CLASSES = frozenset({
    "definite_article", "indefinite_article", "partitive_article", "posting_preposition", "ne_particle", "ne_pair",
    "ne_pair_anywhere", "personal_pronoun", "plural_pronoun", "governmental", "modal_verb", "title_word", "listing",
    "capitalised_common", "complementizer", "latter", "country_noun", "group_noun", "first_person",
    "circumstance_preposition", "origin_noun",
})
"""The classes of ``function_words.tsv``: articles; the prepositions after which a place is where a person serves
("ambassador to Germany"); French "ne" and the words that make it a negation (next to the verb, or anywhere below
it); personal and plural pronouns; words that make a group the government's; French modal verbs; words that may
stand before a role in a title ("Premier", "former"); words that open an enumeration ("including"); common nouns
written with a capital ("l'État"); the words that open a complement clause ("que", "that"); the words that point
back at the last one named ("ce dernier", "the latter"); the nouns that point back at the last state named
("le pays", "the country") and at the last organisation named ("le groupe", "the organisation"); the first-person
pronouns, which inside a quotation stand for its speaker ("« Nous avons ordonné »", "we strongly urge"); the
prepositions that open a circumstance of time, cause or concession ("malgré", "grâce à", "after", "amid"), whose
noun is no complement of the verb; the nouns of a person's descent ("d'origine chinoise", "of Chinese origin"), whose
demonym says nothing of whom the person acts for."""
PLOVER_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


@dataclass(frozen=True, slots=True)
class Schema:
    header: tuple[str, ...]
    required: tuple[str, ...]
    allowed: dict[str, frozenset[str]] = field(default_factory=dict)
    """Column → the values it may hold (a comma-separated column: each of its values)."""
    lists: frozenset[str] = frozenset()
    """Columns that hold comma-separated values."""


SCHEMAS = {
    "speech_verbs": Schema(("lemma", "act", "polarity", "frames", "note"), ("lemma", "act", "polarity", "frames"),
                           {"act": ACTS, "polarity": frozenset({"pos", "neg", "doubt"})}),
    "attributions": Schema(("phrase", "relation", "holder", "note"), ("phrase", "relation", "holder"),
                           {"relation": RELATIONS, "holder": frozenset({"speaker", "medium"})}),
    "source_verbs": Schema(("lemma", "relation"), ("lemma", "relation"), {"relation": RELATIONS}),
    "role_nouns": Schema(("noun", "agent", "kind", "note"), ("noun", "agent", "kind"),
                         {"agent": AGENTS, "kind": ROLE_KINDS}),
    "factuality": Schema(("form", "kind", "factuality", "scope", "note"), ("form", "kind", "factuality", "scope"),
                         {"kind": FACT_KINDS, "factuality": frozenset({"negated", "hypothetical", "uncertain"}),
                          "scope": frozenset({"lemma", "phrase", "morph"})}),
    "function_words": Schema(("word", "classes", "note"), ("word", "classes"), {"classes": WORD_CLASSES},
                             frozenset({"classes"})),
    "plover_types": Schema(("type", "quad_code", "quad"), ("type", "quad_code", "quad"),
                           {"type": PLOVER_TYPES, "quad_code": frozenset({"1", "2", "3", "4"}),
                            "quad": frozenset({"verbal cooperation", "material cooperation", "verbal conflict",
                                               "material conflict"})}),
}
"""The lexicons with a schema here, by file name without ``.tsv`` (the event lexicons: ``lexicons/EVENTS.md``)."""


def problems(name: str, header: list[str], rows: list[dict[str, str]]) -> list[str]:
    """How the rows of ``name`` break its schema (empty when they keep it, or when it has none)."""
    schema = SCHEMAS.get(name)
    if schema is None:
        return []
    if tuple(header) != schema.header:
        return [f"{name}: header {header}, expected {list(schema.header)}"]
    out = []
    for row in rows:
        out += [f"{name}: empty {c} in {row}" for c in schema.required if not row.get(c, "").strip()]
        for column, values in schema.allowed.items():
            given = row.get(column, "").split(",") if column in schema.lists else [row.get(column, "")]
            out += [f"{name}: {column}={v!r} not allowed ({row[schema.header[0]]})" for v in given if v not in values]
    return out
