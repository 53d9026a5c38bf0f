"""Build the veille knowledge base (JSONL) from the hand-curated source tables.

Reads ``src/veille/kb/sources/*.tsv`` plus ``pycountry`` (ISO 3166 codes and
English official names) and ``babel`` (Unicode CLDR English/French country
names), and writes one sorted JSONL file per kind of record to
``src/veille/kb/data/`` (or ``--out DIR``).  ``pycountry`` and ``babel`` are
build-time dependencies only; the runtime reads the JSONL files.

The output is deterministic: records are sorted by ``id``, keys appear in a
fixed order, and no timestamps are written, so a rebuild gives byte-identical
files.  Any inconsistency in the sources (unknown country code, dangling role
reference, duplicate id, French name with a leading article) aborts the build.

Usage::

    .venv/bin/python scripts/build_kb.py [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "veille" / "kb" / "sources"
DEFAULT_OUT = ROOT / "src" / "veille" / "kb" / "data"

KEYS = ("id", "canonical", "type", "kind", "country", "kb_id", "agent",
        "stands_for", "names", "demonyms", "roles")
TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
KINDS = {"party", "country", "territory", "capital", "city", "seat", "region", "igo",
         "igo_organ", "armed_group", "ministry", "military", "intelligence",
         "legislature", "government", "person", "media", "ngo"}
AGENTS = {None, "GOV", "MIL", "LEG", "JUD", "MED", "IGO", "NGO", "REB", "SPY", "OPP", "POL"}

# French leading articles that must not start a name (the article is dropped:
# "Maison Blanche", "Caire").  Names listed in ARTICLE_EXEMPT keep a capitalised
# article because it is part of the name and never elides or contracts.
FR_ARTICLES = ("le ", "la ", "les ", "l'", "l’")
ARTICLE_EXEMPT = {"La Paz", "La Haye", "La Havane", "La Valette", "La Mecque"}
EN_TITLES = ("President ", "Admiral ", "King ", "Queen ", "Crown Prince ", "Prince ",
             "Sheikh ", "Sir ")


class SourceError(Exception):
    """A source table is inconsistent."""


def read_tsv(name: str) -> list[dict[str, str]]:
    with open(SOURCES / name, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [{k: (v or "").strip() for k, v in row.items()} for row in rows]


def split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def dedupe(names: list[str], drop: set[str] = frozenset()) -> list[str]:
    """Keep first occurrence, case-insensitively; remove dropped names."""
    seen: set[str] = set()
    out = []
    for n in names:
        n = n.replace("’", "'")
        key = n.casefold()
        if n in drop or key in seen:
            continue
        seen.add(key)
        out.append(n)
    return out


def check_fr_articles(rec_id: str, kind: str, names: list[str]) -> None:
    """Reject "la Maison Blanche"-style names.

    A lowercase article is always wrong.  A capitalised one is allowed in
    people's surnames (Le Drian, Le Foll), newspaper titles (Le Monde) and the
    few place names of ARTICLE_EXEMPT.
    """
    for n in names:
        if n.startswith(FR_ARTICLES):
            raise SourceError(f"{rec_id}: French name starts with an article: {n!r}")
        if (n.lower().startswith(FR_ARTICLES) and kind not in ("person", "media")
                and n not in ARTICLE_EXEMPT):
            raise SourceError(f"{rec_id}: French name starts with an article: {n!r}")


# ---------------------------------------------------------------- demonyms
def fr_forms(masc: str, override: str) -> list[str]:
    """Masculine singular -> [ms, fs, mp, fp] with the regular French rules.

    -e stays (russe/russe), -en doubles its n (iranien/iranienne), everything
    else (-ain, -ais, -ois, -an, -in, -é, -i ...) takes -e; plurals add -s
    unless the word already ends in s, x or z.  Irregular adjectives
    (grec/grecque, turc/turque) give all four forms in ``dem_fr_forms``.
    """
    if override:
        forms = split(override)
        if len(forms) != 4:
            raise SourceError(f"demonym override needs 4 forms: {override!r}")
        return forms
    if masc.endswith("e"):
        fem = masc
    elif masc.endswith("en"):
        fem = masc + "ne"
    else:  # -ain, -ais, -ois, -an, -in, -é, -i ... take a plain -e
        fem = masc + "e"

    def plural(w: str) -> str:
        return w if w.endswith(("s", "x", "z")) else w + "s"

    return [masc, fem, plural(masc), plural(fem)]


# ---------------------------------------------------------------- records
def record(**kw: Any) -> dict[str, Any]:
    rec = {k: kw.get(k) for k in KEYS}
    rec["names"] = rec["names"] or {"en": [], "fr": []}
    rec["demonyms"] = rec["demonyms"] or {}
    rec["roles"] = rec["roles"] or []
    qid = kw.get("qid") or ""
    rec["id"] = qid or f"veille:{kw['key']}"
    rec["kb_id"] = f"wikidata:{qid}" if qid else None
    check_fr_articles(rec["id"], rec["kind"], rec["names"]["fr"])
    return rec


def opt(value: str) -> str | None:
    return value if value and value != "null" else None


def build_countries() -> tuple[list[dict], dict[str, dict]]:
    en_cldr = Locale("en").territories
    fr_cldr = Locale("fr").territories
    out, info = [], {}
    for row in read_tsv("countries.tsv"):
        iso3 = row["iso3"]
        pc = pycountry.countries.get(alpha_3=iso3)
        a2 = row["a2"] or (pc.alpha_2 if pc else "")
        if not a2 or a2 not in en_cldr:
            raise SourceError(f"{iso3}: no ISO alpha-2 / CLDR name")
        drop = set(split(row["drop"]))
        en_auto = [en_cldr[a2]]
        if pc:
            for attr in ("common_name", "name", "official_name"):
                val = getattr(pc, attr, None)
                if val and "," not in val and "(" not in val:
                    en_auto.append(val[4:] if val.startswith("the ") else val)
        canonical = row["canonical"] or en_cldr[a2]
        en = dedupe([canonical] + split(row["en"]) + en_auto, drop)
        fr = dedupe([fr_cldr[a2]] + split(row["fr"]), drop)
        if not en or not fr:
            raise SourceError(f"{iso3}: empty names")
        forms = fr_forms(row["dem_fr"], row["dem_fr_forms"])
        dem_fr = list(dict.fromkeys(forms))  # distinct forms, ms fs mp fp order
        rec = record(key=f"country-{iso3.lower()}", qid=row["qid"], canonical=canonical,
                     type="GPE", kind=row["kind"], country=iso3,
                     names={"en": en, "fr": fr},
                     demonyms={"en": split(row["dem_en"]), "fr": dem_fr})
        out.append(rec)
        info[iso3] = {"en": split(row["dem_en"])[0], "fr": forms, "canonical": canonical}
    return out, info


def build_simple(name: str, default_type: str = "ORG") -> list[dict]:
    out = []
    for row in read_tsv(name):
        kind = row["kind"]
        agent = opt(row.get("agent", ""))
        if name == "places.tsv":
            agent = "GOV" if kind == "seat" else None
        fr = split(row["en"]) if row["fr"] == "=" else split(row["fr"])
        out.append(record(key=row["key"], qid=row["qid"], canonical=row["canonical"],
                          type=row.get("type") or default_type, kind=kind,
                          country=opt(row["country"]), agent=agent,
                          stands_for=opt(row.get("stands_for", "")),
                          names={"en": dedupe(split(row["en"])), "fr": dedupe(fr)}))
        out[-1]["_key"] = row["key"]
    return out


def build_institutions(dem: dict[str, dict]) -> list[dict]:
    templates: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"en": [], "fr": []})
    for t in read_tsv("name_templates.tsv"):
        templates[t["template"]][t["lang"]].append(t["pattern"])
    out = []
    for row in read_tsv("institutions.tsv"):
        iso3 = row["country"]
        if iso3 not in dem:
            raise SourceError(f"{row['key']}: unknown country {iso3}")
        d = dem[iso3]
        ms, fs, mp, fp = d["fr"]
        subst = {"en": d["en"], "ms": ms, "fs": fs, "mp": mp, "fp": fp}
        en, fr = split(row["en"]), split(row["fr"])
        if row["template"]:
            if row["template"] not in templates:
                raise SourceError(f"{row['key']}: unknown template {row['template']}")
            en += [p.format(**subst) for p in templates[row["template"]]["en"]]
            fr += [p.format(**subst) for p in templates[row["template"]]["fr"]]
        rec = record(key=row["key"], qid=row["qid"], canonical=row["canonical"], type="ORG",
                     kind=row["kind"], country=iso3, agent=opt(row["agent"]),
                     names={"en": dedupe(en), "fr": dedupe(fr)})
        rec["_key"] = row["key"]
        out.append(rec)
    return out


def parse_roles(text: str) -> list[tuple[str, str, str, str | None]]:
    roles = []
    for chunk in (c.strip() for c in text.split(",") if c.strip()):
        role, key, span = chunk.split()
        start, _, end = span.partition("-")
        roles.append((role, key, start, end or None))
    return roles


def build_people(keymap: dict[str, dict]) -> list[dict]:
    out = []
    for row in read_tsv("people.tsv"):
        roles = []
        for role, key, start, end in parse_roles(row["roles"]):
            if key not in keymap:
                raise SourceError(f"{row['key']}: role refers to unknown key {key!r}")
            target = keymap[key]
            roles.append({"role": role, "org": target["canonical"],
                          "country": target["country"], "start": start, "end": end})
        roles.sort(key=lambda r: (r["start"], r["role"], r["org"]))
        if row["fr"] == "=":  # same spelling in French, minus English titles
            fr = [n for n in split(row["en"]) if not n.startswith(EN_TITLES)]
        else:
            fr = split(row["fr"])
        out.append(record(key=row["key"], qid=row["qid"], canonical=row["canonical"],
                          type="PERSON", kind="person", country=opt(row["country"]),
                          agent=opt(row["agent"]),
                          names={"en": dedupe(split(row["en"])), "fr": dedupe(fr)},
                          roles=roles))
    return out


# ---------------------------------------------------------------- checks & output
def validate(files: dict[str, list[dict]]) -> None:
    countries = {r["country"] for r in files["countries"]}
    seen: dict[str, str] = {}
    for fname, recs in files.items():
        for r in recs:
            if r["id"] in seen:
                raise SourceError(f"duplicate id {r['id']} in {fname} and {seen[r['id']]}")
            seen[r["id"]] = fname
            if r["type"] not in TYPES or r["kind"] not in KINDS or r["agent"] not in AGENTS:
                raise SourceError(f"{r['id']}: bad type/kind/agent")
            for code in [r["country"], r["stands_for"]] + [x["country"] for x in r["roles"]]:
                if code is not None and code not in countries:
                    raise SourceError(f"{r['id']}: unknown country code {code}")
            if not r["names"]["en"]:
                raise SourceError(f"{r['id']}: no English name")


def report_collisions(files: dict[str, list[dict]]) -> None:
    """Warn (not fail) when one surface name points to several records."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for recs in files.values():
        for r in recs:
            for lang, names in r["names"].items():
                for n in names:
                    owners[(lang, n.casefold())].add(r["id"])
    shared = sorted(k for k, v in owners.items() if len(v) > 1)
    if shared:
        print(f"note: {len(shared)} surface names are shared by several records "
              f"(e.g. {', '.join(n for _, n in shared[:8])})", file=sys.stderr)


def write(out_dir: Path, files: dict[str, list[dict]]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for fname, recs in files.items():
        lines = [json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False)
                 for r in sorted(recs, key=lambda r: r["id"])]
        (out_dir / f"{fname}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(out_dir: Path) -> dict[str, int]:
    countries, dem = build_countries()
    places = build_simple("places.tsv", "GPE")
    organisations = build_simple("organisations.tsv")
    media = build_simple("media.tsv")
    institutions = build_institutions(dem)
    keymap: dict[str, dict] = {iso.lower(): {"canonical": d["canonical"], "country": iso}
                               for iso, d in dem.items()}
    for rec in places + organisations + media + institutions:
        key = rec.pop("_key")
        if key in keymap:
            raise SourceError(f"duplicate source key {key}")
        keymap[key] = {"canonical": rec["canonical"], "country": rec["country"]}
    people = build_people(keymap)
    files = {"countries": countries, "places": places, "organisations": organisations,
             "institutions": institutions, "people": people, "media": media}
    validate(files)
    report_collisions(files)
    write(out_dir, files)
    return {k: len(v) for k, v in files.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    args = parser.parse_args(argv)
    try:
        counts = build(args.out)
    except SourceError as exc:
        print(f"build_kb: error: {exc}", file=sys.stderr)
        return 1
    for name, n in counts.items():
        print(f"{name}.jsonl\t{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
