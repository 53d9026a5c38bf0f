"""Claims, one article's report each (statements across articles: ``routes.stories``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query

from veille.api.deps import Db, EntityKey, Limit, Offset, Text, page_of
from veille.api.models import ClaimRow, Page
from veille.store import queries

router = APIRouter(tags=["store"])


@router.get("/claims", response_model=Page[ClaimRow])
def list_claims(db: Db, speaker: Text = None, q: Text = None,
                country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
                since: dt.date | None = None, until: dt.date | None = None,
                entity: EntityKey = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Claims: `speaker` in the speaker's name, `q` in what was said, `entity` the speaker's key."""
    filters = queries.ClaimFilters(speaker=speaker, q=q, country=country, since=since, until=until, entity=entity)
    with db.read() as con:
        table, total = queries.claims(con, filters, limit=limit, offset=offset)
    return page_of(table, total, limit, offset)
