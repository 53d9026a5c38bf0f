"""The quotes view of media researchers: speakers with their counts, role, organisation and gender, and every
quote with its evidence, filtered by outlet and period."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from veille.api.deps import Db, Limit, Offset, page_of
from veille.api.models import Page, jsonable
from veille.kb.gender import GENDERS
from veille.store import queries

router = APIRouter(tags=["quotes"])


def quote_filters(
    outlet: Annotated[str | None, Query(max_length=500, description="The outlet (the article's source), whole, any case.")] = None,
    since: Annotated[dt.date | None, Query(description="Published on or after.")] = None,
    until: Annotated[dt.date | None, Query(description="Published on or before.")] = None,
    speaker: Annotated[str | None, Query(max_length=300, description="A speaker key (`/quotes/speakers`).")] = None,
    gender: Annotated[Literal[GENDERS] | None, Query(description="The speaker's gender, as its source says it.")] = None,  # type: ignore[valid-type]
    q: Annotated[str | None, Query(max_length=200, description="Words in the quote.")] = None,
) -> queries.QuoteFilters:
    return queries.QuoteFilters(outlet=outlet, since=since, until=until, speaker=speaker, gender=gender, q=q)


Filters = Annotated[queries.QuoteFilters, Depends(quote_filters)]


@router.get("/quotes", response_model=Page)
def list_quotes(db: Db, filters: Filters, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Quotes (direct, indirect and mixed), newest first: speaker and its gender, kind, the words, and where they
    stand in their article (`article_id`, `claim_id`, `content_start`, `content_end`)."""
    with db.read() as con:
        table, total = queries.quotes(con, filters, limit=limit, offset=offset)
    return page_of(table, total, limit, offset)


@router.get("/quotes/speakers", response_model=Page)
def list_speakers(db: Db, filters: Filters, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Speakers, most quoted first: quotes, articles and outlets, role and organisation (`role_source`: the
    articles or the knowledge base), and gender with `gender_source` (a first-name list; "unknown" when it
    does not say, "not a person" for organisations and places)."""
    with db.read() as con:
        rows, total = queries.speakers(con, filters, limit=limit, offset=offset)
    return {"items": jsonable(rows), "total": total, "limit": limit, "offset": offset}


@router.get("/quotes/summary")
def get_summary(db: Db, filters: Filters) -> dict[str, Any]:
    """Speakers and quotes per gender (each of female, male, unknown, not a person), and quotes per outlet."""
    with db.read() as con:
        return jsonable(queries.quotes_summary(con, filters))
