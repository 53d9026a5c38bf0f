"""Build ``src/veille/kb/data/first_names.tsv``: first names and how strongly each is given to women, for the
speaker gender of the quotes view (``veille.kb.gender``).

Source: the ``nomquamgender`` package (MIT licence, Ian Van Buskirk; build-time only: ``pip install .[kb]``),
whose ``name_data.json`` pools 36 name–gender sources into, per name, the number of sources, the number of
people counted and p(gf), the share of them gendered female. Kept: Latin-letter names seen by 3 sources or
more and 100 people or more (45,800 names); the runtime reads only the TSV (the package's own module imports
pandas and loads 22 MB of JSON, 265 MB of memory: too much for a server that only looks up first names).

    .venv/bin/python scripts/build_first_names.py [--out FILE]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "veille" / "kb" / "data"
NAME = re.compile(r"^[a-z][a-z'-]*[a-z]$")
MIN_SOURCES, MIN_COUNT = 3, 100


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DATA / "first_names.tsv")
    args = ap.parse_args()
    spec = importlib.util.find_spec("nomquamgender")  # the data file, without importing the module (pandas)
    assert spec is not None and spec.origin, "pip install .[kb] first"
    data = json.loads((Path(spec.origin).parent / "name_data.json").read_text(encoding="utf-8"))
    rows = sorted((name, info[2], info[0], info[1]) for name, info in data.items()
                  if NAME.match(name) and info[0] >= MIN_SOURCES and info[1] >= MIN_COUNT)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# first names (lower case, without accents) from nomquamgender 0.1.4 (MIT): p_female = share of the\n"
                 f"# people counted under the name who were gendered female; kept: {MIN_SOURCES}+ sources, {MIN_COUNT}+ people\n")
        fh.write("name\tp_female\tsources\tcount\n")
        for name, p, sources, count in rows:
            fh.write(f"{name}\t{p:.3f}\t{sources}\t{count}\n")
    print(f"{len(rows)} names -> {args.out}")


if __name__ == "__main__":
    main()
