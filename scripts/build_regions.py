"""Build ``src/veille/kb/data/regions.tsv``: the first-level subdivisions (ISO 3166-2) of the states whose regional
news names them most ("Feyzin (Rhône)", "Thuin (Hainaut)", "Lausanne (Vaud)"), for linking place names.

Source: ISO 3166-2 as shipped by the ``pycountry`` package (build-time only: ``pip install .[kb]``), names in the
subdivision's own language. Kept: France, Belgium, Switzerland, Canada, the United States, and Luxembourg; names
that two kept subdivisions share, or that are written as "name, kind" ("Bruxelles-Capitale, Région de"), are left
out. As for cities, the runtime never matches these names in free text: it links the place names NER has found and
that neither the base nor the city table knows ("Rhône" is a département; "Vienne" stays the city).

    .venv/bin/python scripts/build_regions.py [--out FILE]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "veille" / "kb" / "data"
STATES = ("FR", "BE", "CH", "CA", "US", "LU")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DATA / "regions.tsv")
    args = ap.parse_args()
    subs = [s for code in STATES for s in pycountry.subdivisions.get(country_code=code) or []
            if "," not in s.name]
    shared = Counter(s.name.casefold() for s in subs)
    rows = sorted((s.code, s.name, pycountry.countries.get(alpha_2=s.country_code).alpha_3, s.type)
                  for s in subs if shared[s.name.casefold()] == 1)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("code\tname\tcountry\ttype\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"{len(rows)} regions -> {args.out}")


if __name__ == "__main__":
    main()
