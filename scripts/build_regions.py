"""Build ``src/veille/kb/data/regions.tsv``: the subdivisions (ISO 3166-2) of the states whose regional
news names them most ("Feyzin (Rhône)", "Thuin (Hainaut)", "Lausanne (Vaud)"), for linking place names.

Source: ISO 3166-2 as shipped by the ``pycountry`` package (build-time only: ``pip install .[kb]``), names in the
subdivision's own language and in French (pycountry's translation catalogue: "Californie", "Bavière",
"Tchétchénie"). Kept: every level of the French-speaking states, Canada, the United States and Luxembourg
(``LOCAL``), and the first level of the states whose provinces French and English news name most (``STATES``).
Left out: names that two kept subdivisions share, that are written as "name, kind" ("Bruxelles-Capitale, Région
de"), that carry letters of a transliteration the press does not print ("Kirkūk"), and, outside ``LOCAL``, words
that name a wider area or a compass point (``GENERIC``: "Centre", "Sahel", "Kurdistan"; the French département
"Nord" stays). As for cities, the runtime never matches these names in free text: it links the place names NER
has found and that neither the base nor the city table knows ("Rhône" is a département; "Vienne" stays the city).

    .venv/bin/python scripts/build_regions.py [--out FILE]
"""

from __future__ import annotations

import argparse
import gettext
from collections import Counter
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "veille" / "kb" / "data"
LOCAL = ("FR", "BE", "CH", "CA", "US", "LU")  # all levels: départements, provinces, cantons
# first level only: the provinces the news names most, whose French name often differs from the local one
STATES = LOCAL + ("DE", "IT", "ES", "RU", "AU", "IN", "PK", "AF", "BR", "MX", "NG", "CD", "ML", "BF", "NE", "CM", "TD")
# names of a wider area than the subdivision, or of a direction: never a subdivision when the press writes them
GENERIC = frozenset({"centre", "nord", "sud", "est", "ouest", "nord-est", "nord-ouest", "sud-est", "sud-ouest",
                     "centre-est", "centre-nord", "centre-sud", "centre-ouest", "extrême-nord", "littoral", "sahel",
                     "atlantique", "delta", "plateau", "plateaux", "lac", "lacs", "cascades", "litoral", "kurdistan",
                     "capital", "capitale", "north", "south", "east", "west", "north-east", "north-west", "south-east",
                     "south-west", "far north", "marche", "para", "acre", "rivers"})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DATA / "regions.tsv")
    args = ap.parse_args()
    french = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"]).gettext
    named = [(s, name) for code in STATES for s in pycountry.subdivisions.get(country_code=code) or []
             if code in LOCAL or s.parent_code is None for name in sorted({s.name, french(s.name)})
             if _printable(name) and (code in LOCAL or name.casefold() not in GENERIC)]
    shared = Counter(name.casefold() for _, name in named)
    rows = sorted((s.code, name, pycountry.countries.get(alpha_2=s.country_code).alpha_3, s.type)
                  for s, name in named if shared[name.casefold()] == 1)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("code\tname\tcountry\ttype\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"{len(rows)} regions -> {args.out}")


def _printable(name: str) -> bool:
    """A name as the press writes it: no "name, kind" form, no bracketed variant, Latin-1 letters only (French
    accents, not a transliteration's "ū" or "ş")."""
    return "," not in name and "[" not in name and all(ord(ch) < 256 or not ch.isalpha() for ch in name)


if __name__ == "__main__":
    main()
