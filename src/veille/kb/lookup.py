"""Loading the shipped knowledge base and finding records by name.

The records are data (``kb/data/*.jsonl``, built by ``scripts/build_kb.py`` from the sources stated in
``kb/sources/SOURCES.md``); this module only indexes them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from veille.normalize import name_key

# When one name fits several records ("Washington": a capital; "Georgia": a state), the kind that news
# most often means wins. Lower is preferred.
KIND_PRIORITY = {
    "country": 0, "territory": 1, "igo": 2, "igo_organ": 2, "capital": 3, "seat": 3, "person": 4,
    "ministry": 5, "government": 5, "military": 5, "intelligence": 5, "legislature": 5, "media": 6,
    "armed_group": 6, "ngo": 6, "city": 7, "region": 8,
}


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    canonical: str
    type: str
    kind: str
    country: str | None
    kb_id: str | None
    agent: str | None
    stands_for: str | None
    names: dict[str, tuple[str, ...]]
    demonyms: dict[str, tuple[str, ...]]
    roles: tuple[dict[str, Any], ...] = field(default=())

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Record:
        return cls(
            id=obj["id"], canonical=obj["canonical"], type=obj["type"], kind=obj.get("kind") or "",
            country=obj.get("country"), kb_id=obj.get("kb_id"), agent=obj.get("agent"),
            stands_for=obj.get("stands_for"),
            names={k: tuple(v) for k, v in (obj.get("names") or {}).items()},
            demonyms={k: tuple(v) for k, v in (obj.get("demonyms") or {}).items()},
            roles=tuple(obj.get("roles") or ()),
        )

    def all_names(self) -> list[str]:
        return [n for names in self.names.values() for n in names]

    def all_demonyms(self) -> list[str]:
        return [n for names in self.demonyms.values() for n in names]


class KB:
    """Records indexed by id and by normalised name (``name_key``)."""

    def __init__(self, records: list[Record]) -> None:
        self.records = {r.id: r for r in records}
        by_name: dict[str, list[Record]] = defaultdict(list)
        for r in records:
            for n in {name_key(n) for n in r.all_names()} - {""}:
                by_name[n].append(r)
        self._by_name = {k: sorted(v, key=_rank) for k, v in by_name.items()}
        by_demonym: dict[str, list[Record]] = defaultdict(list)
        for r in records:
            for n in {name_key(n) for n in r.all_demonyms()} - {""}:
                by_demonym[n].append(r)
        self._by_demonym = {k: sorted(v, key=_rank) for k, v in by_demonym.items()}
        self._by_iso3 = {r.country: r for r in records if r.kind in ("country", "territory") and r.country}
        self.surnames = _unique_surnames(records)

    def is_state(self, kb_id: str | None, country: str | None) -> bool:
        """Is ``kb_id`` the record of the country or territory ``country`` itself (not one of its cities)?"""
        state = self._by_iso3.get(country or "")
        return kb_id is not None and state is not None and state.kb_id == kb_id

    def lookup(self, text: str) -> Record | None:
        """The preferred record named ``text``, or None."""
        found = self._by_name.get(name_key(text))
        return found[0] if found else None

    def resolve(self, text: str) -> Record | None:
        """What a name a user types stands for, in either language: an ISO3 code ("PRK"), a name ("Corée du Nord",
        "North Korea", "le Kremlin"), a demonym ("nord-coréen", "Russian"), a surname the base holds once
        ("Poutine"). None when the base does not know it (the caller then matches the words as typed)."""
        text = text.strip()
        if len(text) == 3 and text.isalpha() and text.isupper():
            state = self._by_iso3.get(text)
            if state is not None:
                return state
        key = name_key(text)
        found = self._by_name.get(key) or self._by_demonym.get(key)
        if found:
            return found[0]
        return self.surnames.get(key)

    def city(self, text: str) -> City | None:
        """A GeoNames city named ``text``: one whose own name it is first, then the most populous."""
        found = _cities().get(name_key(text))
        return found[0] if found else None

    def region(self, text: str) -> Region | None:
        """A first-level subdivision (ISO 3166-2) named ``text``: "Rhône", "Hainaut", "Vaud" (``regions.tsv``)."""
        return _regions().get(name_key(text))

    def surface_forms(self) -> list[tuple[str, Record, bool]]:
        """Every (surface form, record, is_demonym) the text matcher should look for."""
        out = [(n, r, False) for r in self.records.values() for n in r.all_names()]
        out += [(n, r, True) for r in self.records.values() for n in r.all_demonyms()]
        return out


def _rank(r: Record) -> tuple[int, str]:
    return (KIND_PRIORITY.get(r.kind, 9), r.id)


def _unique_surnames(records: list[Record]) -> dict[str, Record]:
    """Last names that name exactly one person in the base ("Kirby"): a lone surname may then link."""
    seen: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        if r.kind != "person":
            continue
        for n in {surname_of(name_key(n).split()) for n in r.all_names() if " " in n.strip()}:
            seen[n].append(r)
    return {k: v[0] for k, v in seen.items() if len({r.id for r in v}) == 1}


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def surname_of(words: list[str]) -> str:
    """The last name of a full name, past a generational suffix ("Ferdinand Marcos Jr." → "marcos")."""
    return words[-2] if len(words) > 1 and words[-1] in _SUFFIXES else words[-1]


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str
    geonameid: str
    population: int
    latitude: float | None = None
    longitude: float | None = None


def _code(name: str) -> bool:
    """An all-capital short code ("RAI", "PAR", "LHR"), not a name."""
    return 2 <= len(name) <= 4 and name.isalpha() and name.isupper()


@cache
def _cities() -> dict[str, list[City]]:
    """name key -> cities, best first (primary-name matches, then population). Loaded on first use."""
    table = resources.files("veille").joinpath("kb/data/cities.tsv").read_text("utf-8").splitlines()
    ranked: dict[str, list[tuple[bool, int, City]]] = defaultdict(list)
    for line in table[1:]:
        gid, name, country, population, names, lat, lon = line.split("\t")
        city = City(name, country, gid, int(population), float(lat), float(lon))
        primary = name_key(name)
        # GeoNames lists airport and other codes ("RAI" for Praia) among the names: they would match words
        keys = {name_key(n) for n in names.split("|") if not _code(n)} | {primary}
        for key in keys - {""}:
            # GeoNames' alternate names hold junk ("May" for Lemay): only large cities are found by them
            if key == primary or city.population >= 100_000:
                ranked[key].append((key != primary, -city.population, city))
    return {k: [c for *_, c in sorted(v, key=lambda t: (t[0], t[1], t[2].geonameid))] for k, v in ranked.items()}


_REGION_ID = "iso3166-2:"


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # ISO 3166-2, "FR-69"
    name: str
    country: str
    kind: str

    @property
    def kb_id(self) -> str:
        """The id an entity linked to it carries: "iso3166-2:FR-69"."""
        return _REGION_ID + self.code


def is_region_id(kb_id: str | None) -> bool:
    """Is ``kb_id`` a subdivision's (``Region.kb_id``): a part of a state, never a state?"""
    return kb_id is not None and kb_id.startswith(_REGION_ID)


@cache
def _regions() -> dict[str, Region]:
    """name key -> region. Loaded on first use; the table holds no name twice (``scripts/build_regions.py``)."""
    table = resources.files("veille").joinpath("kb/data/regions.tsv").read_text("utf-8").splitlines()
    out = {}
    for line in table[1:]:
        code, name, country, kind = line.split("\t")
        out[name_key(name)] = Region(code, name, country, kind)
    return out


def city_by_id(geonameid: str) -> City | None:
    """A city of the table by its GeoNames id (an entity's ``geonames:ID``), for its coordinates."""
    return _cities_by_id().get(geonameid)


@cache
def _cities_by_id() -> dict[str, City]:
    return {c.geonameid: c for cities in _cities().values() for c in cities}


@cache
def knowledge_base() -> KB:
    """The shipped records, with the user's own (``kb.overlay`` in the settings, see ``kb/overlay.py``) laid over
    them: a user record with the same id replaces the shipped one, a new one is added."""
    root = resources.files("veille").joinpath("kb/data")
    records: dict[str, Record] = {}
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".jsonl"):
            for line in entry.read_text("utf-8").splitlines():
                if line.strip():
                    r = Record.from_json(json.loads(line))
                    records[r.id] = r
    from veille.kb.overlay import user_records  # a leaf of this package: read the user's file only when asked

    by_canonical = {r.canonical.casefold(): r.id for r in records.values()}
    for r in user_records():
        records.pop(by_canonical.get(r.canonical.casefold(), ""), None)  # the user's reading of a known name wins
        records[r.id] = r
    return KB(list(records.values()))
