"""The user's own actor dictionary, laid over the shipped knowledge base at start-up.

A monitoring desk follows actors the base does not know (a local militia, a new minister, a company) or knows
under other names. Name a TSV file in the settings (``[kb] overlay = "my-actors.tsv"`` in the file ``$VEILLE_CONFIG``
names) or in ``$VEILLE_KB_OVERLAY``; its rows become records like the shipped ones, found in texts in both languages:

    canonical  type  country  wikidata  agent  role  en  fr
    Wagner Group  ORG  RUS  Q30059990  MIL  armed_group  Wagner|PMC Wagner  groupe Wagner|Wagner

``type`` is PERSON, ORG, GPE, LOC, NORP, EVENT or MISC; ``country`` an ISO 3166-1 alpha-3 code (empty for none);
``wikidata`` a Q-number (empty if unknown); ``agent`` one of GOV MIL LEG JUD MED IGO NGO BUS CVL REB POL OPP SPY
(empty if none); ``role`` the record's kind (a free word: minister, armed_group, party, media …); ``en`` and ``fr``
the names, ``|``-separated (the canonical is always one). A row whose canonical or Wikidata id is already in the
base replaces that record. A bad row stops start-up with one line naming the file, the row and the field.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

from veille.config import settings
from veille.errors import ConfigError
from veille.kb.lookup import Record

COLUMNS = ("canonical", "type", "country", "wikidata", "agent", "role", "en", "fr")
TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "MISC"})
AGENTS = frozenset({"GOV", "MIL", "LEG", "JUD", "MED", "IGO", "NGO", "BUS", "CVL", "REB", "POL", "OPP", "SPY"})


def overlay_path() -> Path | None:
    named = os.environ.get("VEILLE_KB_OVERLAY") or settings().get("kb", {}).get("overlay")
    return Path(named).expanduser() if named else None


def user_records() -> list[Record]:
    path = overlay_path()
    if path is None:
        return []
    if not path.is_file():
        raise ConfigError(f"{path}: no such actor dictionary (kb.overlay)")
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ConfigError(f"{path}: the header must be {' '.join(COLUMNS)} (tab-separated)")
    return [_record(path, n, row) for n, row in enumerate(reader, start=2)]


def _record(path: Path, n: int, row: dict[str, str]) -> Record:
    def bad(field: str, why: str) -> ConfigError:
        return ConfigError(f"{path}: row {n}: {field} {why}")

    row = {k: (v or "").strip() for k, v in row.items()}
    if not row["canonical"]:
        raise bad("canonical", "is empty")
    if row["type"] not in TYPES:
        raise bad("type", f"{row['type']!r} is not one of {' '.join(sorted(TYPES))}")
    if row["country"] and not re.fullmatch(r"[A-Z]{3}", row["country"]):
        raise bad("country", f"{row['country']!r} is not an ISO3 code")
    if row["wikidata"] and not re.fullmatch(r"Q\d+", row["wikidata"]):
        raise bad("wikidata", f"{row['wikidata']!r} is not a Q-number")
    if row["agent"] and row["agent"] not in AGENTS:
        raise bad("agent", f"{row['agent']!r} is not one of {' '.join(sorted(AGENTS))}")
    names = {lang: tuple(dict.fromkeys([row["canonical"], *(x.strip() for x in row[lang].split("|") if x.strip())]))
             for lang in ("en", "fr")}
    qid = row["wikidata"] or None
    return Record(id=qid or f"user:{row['canonical'].lower()}", canonical=row["canonical"], type=row["type"],
                  kind=row["role"] or "user", country=row["country"] or None,
                  kb_id=f"wikidata:{qid}" if qid else None, agent=row["agent"] or None, stands_for=None,
                  names=names, demonyms={})
