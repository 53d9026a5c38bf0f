"""Wire datelines: "DEIR AL-BALAH, Gaza Strip (AP) —", "JERUSALEM (Reuters) -", "PARIS, 5 mars (AFP) -".

Almost every wire story opens with one. Left to NER, the capitalised place reads as a person or an organisation
and becomes a speaker or an actor. Here it is what it is: a place (linked like any place) and the agency that
filed the story (a news organisation of the knowledge base). Written by hand: a regular layout, no library
parses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

# PLACE[, region or date] (AGENCY) —     the place in capitals, the agency in parentheses, then a dash
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\- ]{1,40}?)"
    r"(?:,[ \t]*(?P<region>[^()\n]{2,40}?))?[ \t]*\((?P<agency>[A-Z][A-Za-z.\- ]{1,24})\)[ \t]*[—–-]")


@dataclass(frozen=True, slots=True)
class Dateline:
    place: tuple[int, int]  # character spans
    region: tuple[int, int] | None
    agency: tuple[int, int]
    span: tuple[int, int]  # the whole dateline


def find_datelines(text: str) -> list[Dateline]:
    out = []
    for m in _DATELINE.finditer(text):
        place = m.group("place").strip()
        if len(place) < 2 or not any(c.isalpha() for c in place):
            continue
        ps = m.start("place") + (len(m.group("place")) - len(m.group("place").lstrip()))
        region = (m.start("region"), m.end("region")) if m.group("region") else None
        out.append(Dateline((ps, ps + len(place)), region, (m.start("agency"), m.end("agency")), (ps, m.end())))
    return out


def token_span(doc: Doc, chars: tuple[int, int]) -> tuple[int, int] | None:
    span = doc.char_span(chars[0], chars[1], alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None
