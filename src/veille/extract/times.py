"""Time expressions in French and English news, with TimeML-style values.

`find_times(text, lang, published)` finds every date expression in `text` and resolves it to a
TimeML value ("2024-01-04", "2024-01", "2024", "2024-W01", "2024-SP", "2024-01-04TEV",
"2011/2014"), either on its own (anchor "absolute") or against the publication date (anchor
"published"). Vague expressions ("récemment", "since then") are found with value None.

All words live in `veille/lexicons/{lang}/times.json`; this module holds one grammar, compiled
once per language. In lexicon phrases a space matches any whitespace, an apostrophe matches
' or ’, and a hyphen matches a hyphen or whitespace.

Notes:
    Year-less dates take the year that puts them closest to the publication date, preferring the
    past (a date more than 60 days after publication goes to the year before). A plain weekday is
    the publication day itself when the weekdays agree, else the latest such day before it.
    dateparser is not used: its anchoring is wrong for news (see shared/OFFLINE.md, "Dates").
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Callable, Iterator

from veille.model import TimeMention

__all__ = ["TimeMention", "find_times"]


# --------------------------------------------------------------------------------------------
# Regex building from lexicon phrases

_B = r"(?<!\w)"  # left word boundary (works with accents and apostrophes)
_E = r"(?!\w)"  # right word boundary
_YEAR = r"(?:19|20)\d{2}(?!\w)(?!\s*(?:%|[.,]\d))"
_NEVER = r"(?!)"
_HYPHENS = "-‐‑–"


def _phrase(p: str) -> str:
    """Regex for one lexicon phrase (space → whitespace, ' → ' or ’, - → hyphen or space)."""
    out = []
    for ch in p.lower():
        if ch == " ":
            out.append(r"\s+")
        elif ch in "'’":
            out.append(r"['’]\s*")
        elif ch in _HYPHENS:
            out.append(r"(?:[-‐‑–]\s*|\s+)")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alt(phrases, *, prefix: bool = False) -> str:
    """Alternation of phrases, longest first. With prefix=True each is followed by its separator."""
    items = sorted({p for p in phrases}, key=len, reverse=True)
    if not items:
        return _NEVER
    parts = []
    for p in items:
        rx = _phrase(p)
        if prefix and p[-1] not in "'’" + _HYPHENS:
            rx += r"\s+"
        parts.append(rx)
    return "(?:" + "|".join(parts) + ")"


def _key(s: str) -> str:
    """Normalise a matched phrase for lexicon lookup."""
    s = s.lower().replace("’", "'")
    for h in _HYPHENS:
        s = s.replace(h, " ")
    s = re.sub(r"\s+", " ", s).replace("' ", "'")
    return s.strip()


def _keyed(d) -> dict:
    return {_key(k): v for k, v in d.items()}


# --------------------------------------------------------------------------------------------
# The per-language grammar


@dataclass(frozen=True, slots=True)
class _Grammar:
    lex: dict
    months: dict
    guarded_months: frozenset
    guarded_capitalized: bool
    weekdays: dict
    before_mods: dict
    after_mods: dict
    parts: dict
    rel_days: dict
    rel_day_parts: dict
    relative: dict
    numbers: dict
    units: dict
    direction: dict
    seasons: dict
    guarded_seasons: frozenset
    season_dets: dict
    ranges: frozenset
    numeric_order: str
    patterns: tuple  # (kind, trigger, compiled regex); trigger "P" scans the whole text
    trigger: re.Pattern  # the words a pattern cannot match without: months (M), weekdays (W), ...
    blockers: re.Pattern
    weekday_blockers: re.Pattern  # an indefinite or habitual word just before a weekday


@cache
def _lexicon(lang: str) -> dict | None:
    if not lang.isalpha():
        return None
    try:
        path = resources.files("veille.lexicons").joinpath(lang).joinpath("times.json")
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ModuleNotFoundError, NotADirectoryError):
        return None


@cache
def _grammar(lang: str) -> _Grammar | None:
    lex = _lexicon(lang)
    if lex is None:
        return None
    months_full = [m for m in lex["months"] if not m.endswith(".")]
    ords = _alt(lex["ordinal_suffixes"])
    day = rf"(?P<day>[0-3]?\d)(?:\s?{ords})?(?!\w)"
    mon = rf"(?P<mon>{_alt(lex['months'])})"
    monfull = rf"(?P<mon>{_alt(months_full)})"
    wd = rf"(?P<wd>{_alt(lex['weekdays'])})"
    det = _alt(lex["date_determiners"], prefix=True)
    dm_link = _alt(lex["day_month_links"], prefix=True)
    my_link = _alt(lex["month_year_links"], prefix=True)
    tmod = rf"(?P<tmod>{_alt(lex['time_modifiers'], prefix=True)})"
    bmod = _alt(lex["before_modifiers"])
    amod = _alt(lex["after_modifiers"])
    part = _alt(lex["parts_of_day"])
    year = rf"(?P<year>{_YEAR})"

    rel_year = _alt([r[0] for r in lex["relative"] if r[1] == "year"])
    wd_prefix = rf"(?:{det}?{wd},?\s+)?"
    pats: list[tuple[str, str, str]] = []
    pats.append(("iso", "D", rf"{_B}(?P<year>(?:19|20)\d{{2}})-(?P<m>[01]\d)-(?P<d>[0-3]\d){_E}"))
    pats.append(("numeric", "D", rf"{_B}(?P<a>[0-3]?\d)/(?P<b>[01]?\d)/(?P<year>(?:19|20)\d{{2}}){_E}"))
    date_end = rf"(?:,?\s+{year}|\s+(?P<amod>{amod}){_E})?"
    if "dmy" in lex["date_orders"]:
        pats.append(("date", "M", rf"{_B}{wd_prefix}{det}?{day}\s+{dm_link}?{mon}(?!\w){date_end}"))
    if "mdy" in lex["date_orders"]:
        pats.append(("date", "M", rf"{_B}{wd_prefix}{mon}\s+{day}{date_end}"))
    pats.append(("month_year", "M", rf"{_B}{tmod}?{mon}(?!\w)\s+{my_link}?{year}"))
    pats.append((
        "month", "M",
        rf"{_B}(?P<prep>{_alt(lex['month_prepositions'], prefix=True)})?"
        rf"(?P<t>{tmod}?(?:(?P<bmod>{bmod})\s+)?{monfull}(?:\s+(?P<amod>{amod}))?"
        rf"(?:\s+{my_link}(?P<relyear>{rel_year}))?){_E}",
    ))
    pats.append((
        "year", "D",
        rf"{_B}(?P<prep>{_alt(lex['year_prepositions'], prefix=True)})?(?P<t>{tmod}?{year})",
    ))
    r1 = _alt([a for a, _ in lex["ranges"]])
    r2 = _alt([b for _, b in lex["ranges"]])
    pats.append((
        "year_range", "D",
        rf"{_B}(?:(?P<r1>{r1})\s+)?(?P<y1>{_YEAR})(?:\s*[-–]\s*|\s+(?P<r2>{r2})\s+)(?P<y2>{_YEAR})",
    ))
    day1 = day.replace("?P<day>", "?P<d1>")
    day2 = day.replace("?P<day>", "?P<d2>")
    pats.append((
        "day_range", "M",
        rf"{_B}(?P<r1>{r1})\s+{det}?{day1}(?:\s+(?P<m1>{_alt(lex['months'])}))?\s+(?P<r2>{r2})\s+"
        rf"{det}?{day2}\s+{mon}(?!\w)(?:,?\s+{year})?",
    ))
    pats.append((
        "weekday", "W",
        rf"{_B}(?:(?P<bmod>{bmod})\s+)?{wd}(?:\s+(?P<amod>{amod}))?(?:\s+(?P<part>{part}))?"
        rf"(?:\s+(?P<amod2>{amod}))?{_E}",
    ))
    pre = _alt(lex["ago_before"] + lex["ahead_before"])
    post = _alt(lex["ago_after"] + lex["ahead_after"] + lex["unanchored_after"])
    pats.append((
        "counted", "U",
        rf"{_B}(?:(?P<pre>{pre})\s+)?(?P<num>{_alt(lex['numbers'])}|\d{{1,2}})\s+"
        rf"(?P<unit>{_alt(lex['units'])})(?:\s+(?P<post>{post}))?{_E}",
    ))
    pats.append((
        "season", "S",
        rf"{_B}(?P<prep>{_alt(lex['season_prepositions'], prefix=True)})?"
        rf"(?P<t>(?P<det>{_alt(lex['season_determiners'], prefix=True)})?"
        rf"(?P<season>{_alt(lex['seasons'])})(?:\s+{my_link}?{year})?(?:\s+(?P<amod>{amod}))?){_E}",
    ))
    pats.append((
        "decade", "D",
        rf"{_B}(?:(?P<pre>{_alt(lex['decade_before'])})\s+)?(?P<apos>['’])?(?P<dec>(?:19|20)?\d0)"
        rf"(?P<post>{_alt(lex['decade_after'])})?{_E}",
    ))
    pats.append((
        "phrase", "P",
        rf"{_B}(?:(?P<rdp>{_alt(lex['relative_day_parts'])})"
        rf"|(?P<rd>{_alt(lex['relative_days'])})(?:\s+(?P<part>{part}))?"
        rf"|(?P<rel>{_alt([r[0] for r in lex['relative']])})|(?P<v>{_alt(lex['vague'])})){_E}",
    ))
    trigger = (
        rf"{_B}(?:(?P<M>{_alt(lex['months'])})(?!\w)|(?P<W>{_alt(lex['weekdays'])}){_E}"
        rf"|(?P<S>{_alt(lex['seasons'])}){_E}|(?P<U>{_alt(lex['units'])}){_E}|(?P<D>\d+))"
    )

    flags = 0  # texts are lower-cased once; IGNORECASE would defeat sre's first-character scan
    direction = {}
    for kind in ("ago_before", "ago_after"):
        direction.update({_key(p): -1 for p in lex[kind]})
    for kind in ("ahead_before", "ahead_after"):
        direction.update({_key(p): 1 for p in lex[kind]})
    direction.update({_key(p): 0 for p in lex["unanchored_after"]})
    return _Grammar(
        lex=lex,
        months=_keyed(lex["months"]),
        guarded_months=frozenset(_key(m) for m in lex["guarded_months"]),
        guarded_capitalized=bool(lex.get("guarded_months_capitalized")),
        weekdays=_keyed(lex["weekdays"]),
        before_mods=_keyed(lex["before_modifiers"]),
        after_mods=_keyed(lex["after_modifiers"]),
        parts=_keyed(lex["parts_of_day"]),
        rel_days=_keyed(lex["relative_days"]),
        rel_day_parts=_keyed(lex["relative_day_parts"]),
        relative={_key(p): (u, o) for p, u, o in lex["relative"]},
        numbers=_keyed(lex["numbers"]),
        units=_keyed(lex["units"]),
        direction=direction,
        seasons=_keyed(lex["seasons"]),
        guarded_seasons=frozenset(_key(s) for s in lex["guarded_seasons"]),
        season_dets=_keyed(lex["season_determiners"]),
        ranges=frozenset((_key(a), _key(b)) for a, b in lex["ranges"]),
        numeric_order=lex["numeric_order"],
        patterns=tuple((k, t, re.compile(p, flags)) for k, t, p in pats),
        trigger=re.compile(trigger, flags),
        blockers=re.compile(rf"{_B}{_alt(lex['blockers'])}{_E}", flags),
        weekday_blockers=re.compile(rf"{_B}{_alt(lex['weekday_blocking_before'])}\s+$", flags),
    )


# --------------------------------------------------------------------------------------------
# Calendar helpers

_SEASON_START = {"SP": (3, 20), "SU": (6, 21), "FA": (9, 22), "WI": (12, 21)}
_SEASON_END = {"SP": (6, 20), "SU": (9, 21), "FA": (12, 20), "WI": (3, 19)}  # WI ends the next year


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_month(d: dt.date, n: int) -> str:
    k = d.year * 12 + d.month - 1 + n
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


def _yearless(month: int, day: int, pub: dt.date, weekday: int | None = None) -> dt.date | None:
    """The year that puts day/month closest to `pub`, preferring the past (60-day window ahead)."""
    cands = [c for y in (pub.year + 1, pub.year, pub.year - 1) if (c := _date(y, month, day))]
    if weekday is not None:
        fitting = [c for c in cands if c.weekday() == weekday]
        if fitting:
            return min(fitting, key=lambda c: (abs((c - pub).days), c > pub))
    limit = pub + dt.timedelta(days=60)
    for c in cands:
        if c <= limit:
            return c
    return None


def _season_bounds(y: int, s: str) -> tuple[dt.date, dt.date]:
    start = dt.date(y, *_SEASON_START[s])
    end = dt.date(y + 1 if s == "WI" else y, *_SEASON_END[s])
    return start, end


def _season_year(s: str, mod, pub: dt.date) -> int:
    if mod == -1:  # the latest one that has ended
        y = pub.year
        while _season_bounds(y, s)[1] >= pub:
            y -= 1
        return y
    if mod == 1:  # the first one that starts after publication
        y = pub.year - 1
        while _season_bounds(y, s)[0] <= pub:
            y += 1
        return y
    y = pub.year - 1 if s == "WI" and pub < dt.date(pub.year, 3, 20) else pub.year
    if mod != "this" and _season_bounds(y, s)[1] < pub:  # plain: ended already → next one
        y += 1
    return y


# --------------------------------------------------------------------------------------------
# Candidates: (start, end, value, anchor); value None with anchor None for vague/unresolvable

_Cand = tuple[int, int, str | None, str | None]


def _month_ok(g: _Grammar, text: str) -> bool:
    if g.guarded_capitalized and _key(text) in g.guarded_months:
        return text[:1].isupper()
    return True


_WINDOW = 50  # chars searched on either side of a trigger word


def _windows(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in spans:
        s, e = max(0, s - _WINDOW), min(n, e + _WINDOW)
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _lower(text: str) -> str:
    """Lower-cased text with the same length (so offsets carry over)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _candidates(g: _Grammar, text: str, low: str, pub: dt.date | None) -> Iterator[_Cand]:
    rel = (lambda v: (v, "published") if pub is not None and v is not None else (None, None))
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in g.trigger.finditer(low):
        spans.setdefault(m.lastgroup or "", []).append(m.span())
    windows = {k: _windows(v, len(low)) for k, v in spans.items()}
    windows["P"] = [(0, len(low))]
    for kind, trig, rx in g.patterns:
        handler = _HANDLERS[kind]
        for ws, we in windows.get(trig, ()):
            for m in rx.finditer(low, ws, we):
                c = handler(g, m, pub, rel, text)
                if c is not None:
                    yield c


def _h_iso(g, m, pub, rel, orig):
    d = _date(int(m["year"]), int(m["m"]), int(m["d"]))
    return (m.start(), m.end(), d.isoformat(), "absolute") if d else None


def _h_numeric(g, m, pub, rel, orig):
    a, b = int(m["a"]), int(m["b"])
    day, month = (a, b) if g.numeric_order == "dmy" else (b, a)
    d = _date(int(m["year"]), month, day)
    return (m.start(), m.end(), d.isoformat(), "absolute") if d else None


def _h_date(g, m, pub, rel, orig):
    if not _month_ok(g, orig[m.start("mon"):m.end("mon")]):
        return None
    month, day = g.months[_key(m["mon"])], int(m["day"])
    if m["year"]:
        d = _date(int(m["year"]), month, day)
        return (m.start(), m.end(), d.isoformat(), "absolute") if d else None
    if not 1 <= day <= 31 or (day > 29 and month == 2):
        return None
    if pub is None:
        return (m.start(), m.end(), None, None)
    mod = g.after_mods[_key(m["amod"])] if m["amod"] else 0
    if mod:
        years = range(pub.year - 1, pub.year + 2)
        cands = [c for y in years if (c := _date(y, month, day)) and (c < pub if mod < 0 else c > pub)]
        d = (max(cands) if mod < 0 else min(cands)) if cands else None
    else:
        wd = g.weekdays.get(_key(m["wd"])) if m["wd"] else None
        d = _yearless(month, day, pub, wd)
    return (m.start(), m.end(), *rel(d.isoformat() if d else None))


def _h_month_year(g, m, pub, rel, orig):
    if not _month_ok(g, orig[m.start("mon"):m.end("mon")]):
        return None
    return (m.start(), m.end(), f"{m['year']}-{g.months[_key(m['mon'])]:02d}", "absolute")


def _h_month(g, m, pub, rel, orig):
    if not (m["prep"] or m["bmod"] or m["tmod"] or m["amod"] or m["relyear"]):
        return None
    if not _month_ok(g, orig[m.start("mon"):m.end("mon")]):
        return None
    month = g.months[_key(m["mon"])]
    s, e = m.span("t")
    if pub is None:
        return (s, e, None, None)
    mod = g.before_mods.get(_key(m["bmod"] or ""), g.after_mods.get(_key(m["amod"] or ""), 0))
    if m["relyear"]:
        y = pub.year + g.relative[_key(m["relyear"])][1]
    elif mod < 0:
        y = pub.year if month < pub.month else pub.year - 1
    elif mod > 0:
        y = pub.year if month > pub.month else pub.year + 1
    else:
        limit = pub + dt.timedelta(days=60)
        y = next(y for y in (pub.year + 1, pub.year, pub.year - 1) if dt.date(y, month, 1) <= limit)
    return (s, e, *rel(f"{y}-{month:02d}"))


def _h_year(g, m, pub, rel, orig):
    if not (m["prep"] or m["tmod"]):
        return None
    s, e = m.span("t")
    return (s, e, m["year"], "absolute")


def _h_year_range(g, m, pub, rel, orig):
    r1, r2 = m["r1"], m["r2"]
    if r2 and not (r1 and (_key(r1), _key(r2)) in g.ranges):
        return None
    y1, y2 = m["y1"], m["y2"]
    if int(y2) <= int(y1):
        return None
    return (m.start(), m.end(), f"{y1}/{y2}", "absolute")


def _h_day_range(g, m, pub, rel, orig):
    if (_key(m["r1"]), _key(m["r2"])) not in g.ranges or not _month_ok(g, orig[m.start("mon"):m.end("mon")]):
        return None
    m2 = g.months[_key(m["mon"])]
    m1 = g.months[_key(m["m1"])] if m["m1"] else m2
    d1, d2 = int(m["d1"]), int(m["d2"])
    if m["year"]:
        y = int(m["year"])
        a, b = _date(y if m1 <= m2 else y - 1, m1, d1), _date(y, m2, d2)
        if a and b and a < b:
            return (m.start(), m.end(), f"{a}/{b}", "absolute")
        return None
    if pub is None:
        return (m.start(), m.end(), None, None)
    b = _yearless(m2, d2, pub)
    a = _date(b.year if m1 <= m2 else b.year - 1, m1, d1) if b else None
    if a and b and a < b:
        return (m.start(), m.end(), *rel(f"{a}/{b}"))
    return None


def _h_weekday(g, m, pub, rel, orig):
    if g.weekday_blockers.search(m.string, max(0, m.start() - 20), m.start()):
        return None
    if pub is None:
        return (m.start(), m.end(), None, None)
    wd = g.weekdays[_key(m["wd"])]
    mod = 0
    if m["bmod"]:
        mod = g.before_mods[_key(m["bmod"])]
    elif m["amod"] or m["amod2"]:
        mod = g.after_mods[_key(m["amod"] or m["amod2"])]
    if mod > 0:
        delta = (wd - pub.weekday()) % 7 or 7
    else:
        delta = -((pub.weekday() - wd) % 7)
        if mod < 0 and delta == 0:
            delta = -7
    value = (pub + dt.timedelta(days=delta)).isoformat()
    if m["part"]:
        value += "T" + g.parts[_key(m["part"])]
    return (m.start(), m.end(), *rel(value))


def _h_phrase(g, m, pub, rel, orig):
    if m["v"] or pub is None:
        return (m.start(), m.end(), None, None)
    if m["rdp"]:
        off, part = g.rel_day_parts[_key(m["rdp"])]
        value = (pub + dt.timedelta(days=off)).isoformat() + (f"T{part}" if part else "")
    elif m["rd"]:
        value = (pub + dt.timedelta(days=g.rel_days[_key(m["rd"])])).isoformat()
        if m["part"]:
            value += "T" + g.parts[_key(m["part"])]
    else:
        unit, off = g.relative[_key(m["rel"])]
        value = _offset_value(unit, off, pub)
    return (m.start(), m.end(), *rel(value))


def _offset_value(unit: str, n: int, pub: dt.date) -> str:
    if unit == "day":
        return (pub + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return _iso_week(pub + dt.timedelta(days=7 * n))
    if unit == "month":
        return _shift_month(pub, n)
    return str(pub.year + n)


def _h_counted(g, m, pub, rel, orig):
    pre, post = m["pre"], m["post"]
    if not (pre or post):
        return None
    direction = g.direction[_key(pre or post)]
    num = m["num"]
    n = int(num) if num.isdigit() else g.numbers[_key(num)]
    if pub is None or n is None or direction == 0 or (pre and post and g.direction[_key(post)] != direction):
        return (m.start(), m.end(), None, None)
    if not 0 < n <= 99:
        return None
    return (m.start(), m.end(), *rel(_offset_value(g.units[_key(m["unit"])], direction * n, pub)))


def _h_season(g, m, pub, rel, orig):
    season = _key(m["season"])
    dkey = _key(m["det"] or "")
    dmod = g.season_dets.get(dkey) if m["det"] else None
    if season in g.guarded_seasons:  # "fall", "spring": not "the fall of Kabul"
        if not (m["prep"] or m["year"] or m["amod"] or (m["det"] and dmod != 0)):
            return None
        if not m["year"] and _OF_NEXT.match(m.string, m.end()):
            return None
    elif not (m["prep"] or m["det"] or m["year"] or m["amod"]):
        return None
    code = g.seasons[season]
    s, e = m.span("t")
    if m["year"]:
        return (s, e, f"{m['year']}-{code}", "absolute")
    if pub is None:
        return (s, e, None, None)
    mod = g.after_mods.get(_key(m["amod"])) if m["amod"] else dmod or 0
    return (s, e, *rel(f"{_season_year(code, mod, pub)}-{code}"))


_OF_NEXT = re.compile(r"\s+(?:of|de|du|des)\s")


def _h_decade(g, m, pub, rel, orig):
    dec, pre, post = m["dec"], m["pre"], m["post"]
    has_after = bool(g.lex["decade_after"])
    if has_after and not post:
        return None
    if not has_after and not pre:
        return None
    if len(dec) == 2:
        if not (m["apos"] or pre):
            return None
        dec = ("20" if dec in ("00", "10") else "19") + dec
    return (m.start(), m.end(), dec[:3], "absolute")


_HANDLERS: dict[str, Callable] = {
    "iso": _h_iso, "numeric": _h_numeric, "date": _h_date, "month_year": _h_month_year,
    "month": _h_month, "year": _h_year, "year_range": _h_year_range, "day_range": _h_day_range,
    "weekday": _h_weekday, "phrase": _h_phrase, "counted": _h_counted, "season": _h_season,
    "decade": _h_decade,
}


# --------------------------------------------------------------------------------------------


def find_times(text: str, lang: str, published: dt.date | None) -> list[TimeMention]:
    """Every date expression in text, sorted by start, non-overlapping (longest wins).

    Args:
        text: the article text; offsets refer to it unchanged.
        lang: "fr" or "en" (a region suffix such as "fr-CA" is ignored); other languages give [].
        published: the publication date that anchors relative expressions, or None.

    Returns:
        TimeMention objects; relative expressions have value None without `published`.
    """
    g = _grammar((lang or "").split("-")[0].split("_")[0].lower())
    if g is None or not text:
        return []
    if isinstance(published, dt.datetime):
        published = published.date()
    low = _lower(text)
    blocked = [m.span() for m in g.blockers.finditer(low)]
    cands = sorted(set(_candidates(g, text, low, published)), key=lambda c: (c[0] - c[1], c[0], repr(c)))
    taken: list[_Cand] = []
    # the characters taken so far, so that a candidate is checked against its own span, not against every
    # mention taken (quadratic in the number of dates); an empty span covers no character and is kept apart
    held = bytearray(len(text) + 1)
    empty: list[int] = []
    for c in cands:
        s, e = c[0], c[1]
        if any(s < be and bs < e for bs, be in blocked):
            continue
        if s < e:
            hit = held.find(1, s, e) >= 0 or any(s < t < e for t in empty)
        else:
            hit = any(s < te and ts < e for ts, te, _, _ in taken)
        if hit:
            continue
        taken.append(c)
        if s < e:
            held[s:e] = b"\x01" * (e - s)
        else:
            empty.append(s)
    taken.sort()
    return [TimeMention(text[s:e], s, e, v, a) for s, e, v, a in taken]
