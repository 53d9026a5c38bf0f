"""Merged events: one happening reported by several articles becomes one event that lists every report.

Reports merge when they have the same PLOVER type, actor and recipient (entities compared by their
cross-article key), fall within ``WINDOW_DAYS`` of the merged event's first report, and name no
different places. A report that lacks its actor, its recipient or a date merges only inside its own
story: "an attack" alone says too little to join reports across stories.

Merging is by the act, not only by the day: inside one story, a report that gives no day of its own
(the act is dated by its publication, or only to a month or a year) joins a merged event of the same
type and parties reported up to ``ACT_WINDOW_DAYS`` before, and the merged event keeps the days of its
dated reports. "Its war with Ukraine" in a later report is the assault an earlier one dated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from veille.cluster.origin import TwoCounts, outlet_label

WINDOW_DAYS = 3
"""A merged event spans at most this many days after its first report (events are dated to the day
by the analysis when the text says so, else by the article's publication date)."""
ACT_WINDOW_DAYS = 14
"""Inside one story, a report without a day of its own joins the same act reported this many days before
(the stories' own window)."""


@dataclass(slots=True)
class Report:
    """One article's report of an event (or a copy's, which repeats its original's)."""

    article_id: str
    event_id: str
    type: str
    actor_key: str | None
    recipient_key: str | None
    day: dt.date | None
    factuality: str
    sentence: str
    origins: tuple[str, ...]
    """Keys a dependent report shares (``copy:``, ``wire:``, ``said:``, ``outlet:``)."""
    story_id: str | None = None
    location: str | None = None
    actor: str | None = None
    actor_country: str | None = None
    recipient: str | None = None
    recipient_country: str | None = None
    score: float | None = None
    copy_of: str | None = None
    outlet: str | None = None
    said_by: str | None = None
    """The speaker the article attributes the event to."""
    dated: bool = True
    """The text gives the act's day (else ``day`` is the publication day)."""
    source_keys: tuple[str, ...] = ()
    """Keys joining reports that rest on one original source (``said:`` the speaker)."""


@dataclass(slots=True, kw_only=True)
class MergedEvent(TwoCounts):
    id: str
    type: str
    actor_key: str | None
    recipient_key: str | None
    reports: list[Report] = field(default_factory=list)
    factuality: str = "asserted"

    def _days(self) -> list[dt.date]:
        dated = [r.day for r in self.reports if r.day and r.dated]
        return dated or [r.day for r in self.reports if r.day]

    @property
    def first_day(self) -> dt.date | None:
        """The act's first day: from the reports that date it, else from the publication days."""
        return min(self._days(), default=None)

    @property
    def last_day(self) -> dt.date | None:
        return max(self._days(), default=None)

    def representative(self) -> Report:
        """The earliest report (names and score come from it)."""
        return self.reports[0]


def agreed_factuality(values: list[str]) -> str:
    """What the reports agree on: their common value; ``disputed`` when one asserts and another denies;
    ``mixed`` for any other disagreement (say, asserted by one, hypothetical in another)."""
    kinds = set(values)
    if len(kinds) == 1:
        return values[0]
    if {"asserted", "negated"} <= kinds:
        return "disputed"
    return "mixed"


def _partial(r: Report) -> bool:
    """A report without an actor, a recipient or a date: too little to join reports of other stories."""
    return r.actor_key is None or r.recipient_key is None or r.day is None


def merged_id(first: Report) -> str:
    """Named by its first report, so an id does not change as later reports join."""
    raw = f"{first.article_id}|{first.event_id}"
    return "m" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:11]


def merge(reports: list[Report]) -> list[MergedEvent]:
    """Merge reports into events; every report lands in exactly one merged event (alone if need be)."""
    order = sorted(reports, key=lambda r: (r.day or dt.date.max, r.article_id, r.event_id))
    open_: dict[tuple, list[MergedEvent]] = {}
    out: list[MergedEvent] = []
    for r in order:
        key = (r.type, r.actor_key, r.recipient_key)
        target = None
        if not (r.actor_key is None and r.recipient_key is None):
            target = next((m for m in open_.get(key, []) if _joins(r, m)), None)
        if target is None:
            target = MergedEvent(id=merged_id(r), type=r.type, actor_key=r.actor_key, recipient_key=r.recipient_key)
            open_.setdefault(key, []).append(target)
            out.append(target)
        target.reports.append(r)
    for m in out:
        m.count([r.origins for r in m.reports], [r.source_keys for r in m.reports], [r.sentence for r in m.reports],
                [outlet_label(r.outlet, r.article_id) for r in m.reports], [r.said_by for r in m.reports])
        m.factuality = agreed_factuality([r.factuality for r in m.reports])
    return out


def _joins(r: Report, m: MergedEvent) -> bool:
    """Does report ``r`` join the open merged event ``m`` of its key: within the window of its first day, of the
    same story when either side misses a party or a date, at no other place?"""
    first = m.first_day
    same_story = r.story_id is not None and any(x.story_id == r.story_id for x in m.reports)
    window = ACT_WINDOW_DAYS if same_story and not r.dated else WINDOW_DAYS
    if r.day and first and (r.day - first).days > window:
        return False
    if (_partial(r) or any(_partial(x) for x in m.reports)) and \
            (r.story_id is None or all(x.story_id != r.story_id for x in m.reports)):
        return False  # a report missing a party or a date joins only reports of its own story
    return not (r.location and any(x.location and x.location != r.location for x in m.reports))
