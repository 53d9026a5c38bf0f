"""A store for the API and browser tests: the specimen (published 2024-01-05) and six Wikinews articles."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from veille.ingest import ReadOptions
from veille.store.ingest import ingest

from ..conftest import SHARED, SPECIMEN

TOKEN = "test-token-5f1c"
XSS_TEXT = ("Un article piégé\n\nLe texte contient <script>window.__pwned = 1</script> et "
            "<img src=x onerror=\"window.__pwned = 2\"> mais la Russie a attaqué l'Ukraine lundi.\n")


_BUILT: list[Path] = []


def build_store(folder: Path) -> Path:
    """Ingest the specimen and 3 French + 3 English Wikinews articles (in-process, one worker).

    Built once per test session (the API and the browser tests share it; each test that writes works on a copy).
    """
    if _BUILT:
        return _BUILT[0]
    rows = []
    for name in ("wikinews-fr.jsonl", "wikinews-en.jsonl"):
        with (SHARED / "corpus" / name).open(encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()][:3]
    subset = folder / "wikinews-subset.jsonl"
    subset.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    db = folder / "web.duckdb"
    summary = ingest([str(SPECIMEN), str(subset)], db=db, workers=1, progress=False,
                     options=ReadOptions(published=dt.date(2024, 1, 5)), failures=folder / "failures.tsv")
    assert summary.analysed == 7, summary.line()
    _BUILT.append(db)
    return db
