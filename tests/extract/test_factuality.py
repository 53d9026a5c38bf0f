"""The factuality reader on real hedged, reported and negated clauses (the specimen and ../shared/corpus)."""

from __future__ import annotations

import pytest

from veille.extract.factuality import factuality
from veille.nlp.pipeline import parse

from tests.conftest import event_records_in


@pytest.mark.parametrize("text, lang, predicate, expected", [
    # the specimen: a hedge before the clause
    ("Depuis lors, certains signes montrent que Pyongyang aide Moscou à préparer sa guerre contre l’Ukraine.",
     "fr", "aide", "uncertain"),
    # winer-fr:2018_12_18-001: the press's reporting conditional
    ("À Puyricard (Bouches-du-Rhône), pendant la réunion entre le député Mohamed Laqhila (MoDem-LaREM) et trois "
     "Gilets jaunes du péage de la Barque (A7), un des Gilet jaune aurait affirmé que les députés étaient tous des "
     "guignols.", "fr", "affirmé", "uncertain"),
    # en-wikinews:2020:079: "allegedly" on the clause
    ("Belarusian KGB arrested 33 Russian individuals, claiming them to be mercenaries, who allegedly were preparing "
     "to organize \"terrorism\" in association with the election.", "en", "preparing", "uncertain"),
    # ... but not on the arrest itself
    ("Belarusian KGB arrested 33 Russian individuals, claiming them to be mercenaries, who allegedly were preparing "
     "to organize \"terrorism\" in association with the election.", "en", "arrested", "asserted"),
    # winer-fr:2017_02_22-002: a modal in the completed past says the act took place ...
    ("Matteo Renzi a dû démissionner en décembre à la suite de l'échec de son référendum, entraînant une crise au "
     "sein du parti au pouvoir, le Parti démocrate .", "fr", "démissionner", "asserted"),
    # ... in the conditional past it did not, and in the imperfect it was only due
    ("Matteo Renzi aurait dû démissionner en décembre.", "fr", "démissionner", "hypothetical"),
    ("Matteo Renzi devait démissionner en décembre.", "fr", "démissionner", "hypothetical"),
    # the specimen: a modal under a conditional
    ("Les missiles renforceraient la capacité du Kremlin à cibler les infrastructures critiques de l’Ukraine et "
     "pourraient être livrés à la Russie dès le printemps.", "fr", "livrés", "hypothetical"),
    # the specimen: a belief negated over its complement
    ("Les missiles renforceraient la capacité du Kremlin à cibler les infrastructures critiques de l’Ukraine et "
     "pourraient être livrés à la Russie dès le printemps, mais les responsables américains ne croient pas que "
     "l’accord soit finalisé.", "fr", "croient", "negated"),
    # en-wikinews:2019:122 and en-wikinews:2019:096: English negates the object ("no", "nothing")
    ("I put no pressure on them whatsoever", "en", "put", "negated"),
    ("They have conceded nothing in fact, and a full-scale clampdown is on the way.", "en", "conceded", "negated"),
    # ... and an object with its own article does not
    ("They have conceded a few points in fact.", "en", "conceded", "asserted"),
])
def test_factuality_of_a_predicate(text, lang, predicate, expected):
    doc = parse(text, lang)
    token = next(t for t in doc if t.text == predicate)
    assert factuality(token, lang) == expected


def test_an_act_a_state_is_considering_is_hypothetical():
    # winer-fr:2018_04_04-002 (sixteenth round): "songer à" joins envisager and prévoir as a plan
    records = event_records_in("winer-fr:2018_04_04-002", "les États-Unis songent à se retirer du financement")
    assert [(v["type"], v["factuality"]) for v in records] == [("RETREAT", "hypothetical")]
