"""PLOVER events: where they are (``triggers``), who did what to whom (``arguments``), what is reported
(``coder``), and their contract form (``record``). The word lists are data (``lexicon``)."""

from veille.extract.events.coder import Found, find_events
from veille.extract.events.record import as_dicts

__all__ = ["Found", "as_dicts", "find_events"]
