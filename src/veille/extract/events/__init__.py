"""PLOVER events: where they are (``triggers``), who did what to whom (``arguments``), what the rules report
(``coder``), the relaxed candidates and their trained ranker (``candidates``, ``ranker``), the choice between them
(``finder``) and their contract form (``record``). The word lists are data (``lexicon``)."""

from veille.extract.events.coder import Found
from veille.extract.events.finder import find_events
from veille.extract.events.record import as_dicts

__all__ = ["Found", "as_dicts", "find_events"]
