"""Articles: ``POST /articles`` (the token; through the single writer), the listing, one article, ``/stats``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool

from veille.api.deps import Db, Limit, Offset, Text, found, page_of, require_token, validation_error
from veille.api.models import MAX_BATCH, ArticleIn, IngestReport, Page, jsonable
from veille.store import queries
from veille.store.duckdb import StoreError

router = APIRouter(tags=["store"])
_ARTICLES_IN = TypeAdapter(ArticleIn | list[ArticleIn])
_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "anyOf": [ArticleIn.model_json_schema(),
              {"type": "array", "items": ArticleIn.model_json_schema(), "minItems": 1, "maxItems": MAX_BATCH}]}}}}}


@router.post("/articles", dependencies=[Depends(require_token)], openapi_extra=_BODY, response_model=IngestReport,
             responses={401: {"description": "No or wrong bearer token"}, 413: {"description": "Body too large"}})
async def post_articles(request: Request, db: Db) -> dict[str, Any]:
    """Ingest one article or a list of up to 100: analysed and stored (same id and text: unchanged)."""
    try:
        parsed = _ARTICLES_IN.validate_json(await request.body())
    except ValidationError as exc:
        raise validation_error(exc) from None
    items = parsed if isinstance(parsed, list) else [parsed]
    if not 1 <= len(items) <= MAX_BATCH:
        raise HTTPException(422, f"send 1 to {MAX_BATCH} articles")
    try:
        report = await run_in_threadpool(db.ingest, [i.to_article() for i in items])
    except StoreError:
        raise
    except Exception as exc:  # the analysis or the write failed: one transaction, so nothing is half-stored
        raise HTTPException(503, f"nothing was stored: the analysis or the write failed "
                                 f"({type(exc).__name__}: {exc}); try again") from None
    if report["failed"] and len(report["failed"]) == len(items):
        raise HTTPException(422, "; ".join(f"{f['id']}: {f['reason']}" for f in report["failed"]))
    return report


@router.get("/articles", response_model=Page)
def list_articles(db: Db, q: Text = None, lang: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$")] = None,
                  since: dt.date | None = None, until: dt.date | None = None,
                  limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Articles, newest first; `q` is found in the title or the text."""
    with db.read() as con:
        table, total = queries.articles(con, queries.ArticleFilters(q=q, lang=lang, since=since, until=until),
                                        limit=limit, offset=offset)
    return page_of(table, total, limit, offset)


@router.get("/articles/{article_id:path}", responses={404: {"description": "No such article"}})
def get_article(db: Db, article_id: str) -> dict[str, Any]:
    """One article as the contract's analysis, its text included; each entity carries its `key`."""
    with db.read() as con:
        return found(queries.article(con, article_id), f"article {article_id!r}")


@router.get("/stats")
def get_stats(db: Db) -> dict[str, Any]:
    """Rows per table, languages, publication dates, event types and factuality."""
    with db.read() as con:
        return jsonable(queries.stats(con))
