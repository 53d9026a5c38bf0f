"""A store for the API and browser tests: the specimen (published 2024-01-05), six Wikinews articles, and three
articles of one story (the Fillon affair, winer-fr, January–February 2017)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from veille.ingest import ReadOptions
from veille.run import ingest

from ..conftest import SHARED, SPECIMEN

TOKEN = "test-token-5f1c"
XSS_TEXT = ("Un article piégé\n\nLe texte contient <script>window.__pwned = 1</script> et "
            "<img src=x onerror=\"window.__pwned = 2\"> mais la Russie a attaqué l'Ukraine lundi.\n")


STORY_IDS = ("winer-fr:2017_01_26-001", "winer-fr:2017_01_31-003", "winer-fr:2017_02_01-003")
"""Three Wikinews reports of the Fillon affair, five days apart: one story (tests/gold/stories)."""
ARTICLES = 10
FOLLOW_UP = {
    "id": "follow-up-001", "published": "2024-01-06", "lang": "fr", "source": "Exemple Presse",
    "title": "Missiles nord-coréens : Washington accuse Moscou",
    "text": ("Missiles nord-coréens : Washington accuse Moscou\n"
             "WASHINGTON La Maison Blanche a déclaré jeudi que les forces russes avaient lancé « au moins un de ces "
             "missiles nord-coréens sur l’Ukraine » le 30 décembre.\n"
             "Le porte-parole John Kirby a déclaré que d’autres missiles fournis par Pyongyang avaient été lancés dans "
             "les jours suivants.\n"
             "La Corée du Nord a fourni à la Russie des lanceurs de missiles balistiques, selon Washington.\n"),
}
"""A second outlet's report of the specimen's news, a day later, for the tests that post it: it joins the
specimen's story, reports its ASSAULT again and repeats two of its statements."""
TRANSLATION = {
    "id": "translation-001", "published": "2024-01-05", "lang": "en", "source": "Specimen Daily",
    "title": "UK slams Putin over use of North Korean missiles in Ukraine",
    "text": ("UK slams Putin over use of North Korean missiles in Ukraine\n"
             "LONDON Britain accused Russia of using North Korean missiles in Ukraine in an act of desperation.\n"
             "The White House said on Thursday that it had intelligence indicating that the Democratic People's "
             "Republic of Korea had recently provided Russia with ballistic missile launchers and several ballistic "
             "missiles, and that Russian forces had fired \"at least one of these North Korean missiles into Ukraine\" "
             "on December 30.\n"
             "Spokesman John Kirby said that other missiles supplied by Pyongyang had been launched in the following "
             "days.\n"
             "In its own statement issued on Thursday evening, the British Foreign Office backed that assessment and "
             "urged North Korea \"to stop its arms deliveries to Russia\".\n"),
}
"""The specimen's first paragraphs translated into English by hand (the specimen is itself a translation of
an English wire story): derived from the specimen, a translation (issue 14)."""

_BUILT: list[Path] = []


def build_store(folder: Path) -> Path:
    """Ingest the specimen, 3 French + 3 English Wikinews articles and the 3 Fillon articles (in-process, one
    worker); ingest then clusters them into stories and merges their events and claims.

    Built once per test session (the API and the browser tests share it; each test that writes works on a copy).
    """
    if _BUILT:
        return _BUILT[0]
    rows = []
    for name in ("wikinews-fr.jsonl", "wikinews-en.jsonl"):
        with (SHARED / "corpus" / name).open(encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()][:3]
    with (SHARED / "corpus" / "winer-fr.jsonl").open(encoding="utf-8") as fh:
        story = {r["id"]: r for r in map(json.loads, fh) if r["id"] in STORY_IDS}
    rows += [story[i] for i in STORY_IDS]
    subset = folder / "wikinews-subset.jsonl"
    subset.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    db = folder / "web.duckdb"
    summary = ingest([str(SPECIMEN), str(subset)], db=db, workers=1, progress=False,
                     options=ReadOptions(published=dt.date(2024, 1, 5)), failures=folder / "failures.tsv")
    assert summary.analysed == ARTICLES, summary.line()
    _BUILT.append(db)
    return db
