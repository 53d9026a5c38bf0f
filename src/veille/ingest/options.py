"""What the command line can say about inputs that a file cannot."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from veille.model import Article


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """``published`` and ``lang`` fill what an item does not say; ``id`` only names single-article inputs."""

    published: dt.date | None = None
    lang: str | None = None
    id: str | None = None


def filled(art: Article, options: ReadOptions, *, single: bool = False) -> Article:
    """``art`` with what the options say where it says nothing (and the ``--id`` of a single-article input)."""
    if options.published and not art.published:
        art.published = options.published
    if options.lang and not art.lang:
        art.lang = options.lang
    if options.id and single:
        art.id = options.id
    return art
