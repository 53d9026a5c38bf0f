"""Events, one article's report each: the table, events per day and the actor network, under one set of filters."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from veille.api.deps import Db, EntityKey, Limit, Offset, page_of
from veille.api.models import EventRow, Factuality, Page, PloverType, jsonable
from veille.store import queries

router = APIRouter(tags=["store"])


def event_filters(
    actor: Annotated[str | None, Query(max_length=200, description=(
        "Actor: a name in any language (`Corée du Nord`, `Poutine`) resolved through the knowledge base (a state: "
        "everything of its country), an ISO3 code, else part of the canonical name."))] = None,
    recipient: Annotated[str | None, Query(max_length=200, description="Recipient, named as `actor`.")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 country on either side.")] = None,
    type: Annotated[PloverType | None, Query(description="PLOVER event type, in any case (ASSAULT, assault).")] = None,
    factuality: Annotated[Factuality | None, Query(description="Factuality, in any case.")] = None,
    since: Annotated[dt.date | None, Query(description="Event date (else publication date) on or after.")] = None,
    until: Annotated[dt.date | None, Query(description="Event date (else publication date) on or before.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words (any case, accents aside) in the event's sentence, trigger or title.")] = None,
) -> queries.EventFilters:
    """The filters shared by /events, /timeline and /network."""
    return queries.EventFilters(actor=actor, recipient=recipient, country=country, type=type and type.value,
                                factuality=factuality and factuality.value,
                                since=since, until=until, q=q)


Filters = Annotated[queries.EventFilters, Depends(event_filters)]


@router.get("/events", response_model=Page[EventRow])
def list_events(db: Db, filters: Filters, entity: EntityKey = None,
                sort: Literal[tuple(queries.EVENT_SORTS)] = "date",  # type: ignore[valid-type]
                order: Literal["asc", "desc"] = "asc", limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Events, filtered, sorted and paginated; `entity`: an entity key, either side."""
    with db.read() as con:
        table, total = queries.events(con, _with(filters, entity=entity), sort=sort, descending=order == "desc",
                                      limit=limit, offset=offset)
    return page_of(table, total, limit, offset)


@router.get("/timeline")
def get_timeline(db: Db, filters: Filters, by: Annotated[Literal["day", "week", "month"], Query(
        description="Count per day, week (from Monday) or month.")] = "day") -> list[dict[str, Any]]:
    """Events per period: conflict (PLOVER score < 0) and cooperation (> 0), counts and score sums. `day` is the
    period's first day, `period` its length: an event dated only by its month or its year is counted in a row of
    that period (`month`, `year`), never on its first day."""
    with db.read() as con:
        return jsonable(queries.timeline(con, filters, by=by).records())


@router.get("/network")
def get_network(db: Db, filters: Filters, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[dict[str, Any]]:
    """Actor → recipient dyads weighted by their event count (with mean PLOVER score)."""
    with db.read() as con:
        return jsonable(queries.network(con, filters, limit=limit).records())


def _with(filters: queries.EventFilters, **more: Any) -> queries.EventFilters:
    from dataclasses import replace

    return replace(filters, **more)
