"""Entities across articles: the listing and one entity's page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi import Path as PathParam

from veille.api.deps import Db, Limit, Offset, Text, found, page_of
from veille.api.models import Page
from veille.store import queries

router = APIRouter(tags=["store"])


@router.get("/entities", response_model=Page)
def list_entities(db: Db, name: Text = None, type: Annotated[str | None, Query(pattern=r"^[A-Za-z]{1,10}$")] = None,
                  country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
                  limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Entities across articles, most cited first; `key` names one for `/entities/{key}`."""
    with db.read() as con:
        table, total = queries.entities(con, queries.EntityFilters(name=name, type=type, country=country),
                                        limit=limit, offset=offset)
    return page_of(table, total, limit, offset)


@router.get("/entities/{key:path}", responses={404: {"description": "No such entity"}})
def get_entity(db: Db, key: Annotated[str, PathParam(max_length=300, description=(
        "The entity's key: its knowledge-base id (`wikidata:Q7707`), else its type and lower-cased name "
        "(`PERSON:john kirby`)."))]) -> dict[str, Any]:
    """One entity: its events as actor and as recipient, its claims, its mentions per publication day."""
    with db.read() as con:
        return found(queries.entity(con, key), f"entity {key!r}")
