"""What a word's form says that the tagger may have got wrong: whether a verb is a past participle.

Why: the French tagger reads "expulse" (a headline's present) as a participle and "autoproclamé" as a finite verb;
the event arguments and the referents both need the answer from the word itself, so it is written once here.
"""

from __future__ import annotations

from spacy.tokens import Token

# French and English participle endings: a form without one, tagged Part, is a present-tense verb read wrong.
_PARTICIPLE_ENDS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "t", "te", "ts", "tes",
                    "s", "se", "ses")
_FIRST_GROUP_ENDS = ("é", "ée", "és", "ées")


def looks_participle(t: Token) -> bool:
    """Does the form of ``t`` look like a past participle, whatever its tag?"""
    if t.doc.lang_ == "en":
        return t.tag_ == "VBN"
    if t.lemma_.lower().endswith("er"):  # first group: only "-é(e)(s)" is a participle ("expulse" is a present)
        return t.lower_.endswith(_FIRST_GROUP_ENDS)
    return t.lower_.endswith(_PARTICIPLE_ENDS)
