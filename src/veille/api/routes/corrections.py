"""Analysts' corrections of an article's analysis: read the corrected article, make a correction (the token),
withdraw one (the token). Stored beside the analysis, never in it (``veille.store.corrections``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from veille.api.deps import Db, found, require_token, validation_error
from veille.api.models import MAX_CORRECTION_BYTES, CorrectionIn, jsonable
from veille.store import corrections, queries

router = APIRouter(tags=["corrections"])
_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": CorrectionIn.model_json_schema()}}}}


@router.get("/corrections", responses={404: {"description": "No such article"}})
def get_corrected(db: Db, article: Annotated[str, Query(min_length=1, max_length=256, description="The article's id.")]
                  ) -> dict[str, Any]:
    """One article as analysts corrected it: `analysis` with every correction applied, and `changes`, one per
    correction in the order made (who, when, note, the item `before` and `after`; a correction made on another
    text of the article is listed as `stale` and not applied)."""
    with db.read() as con:
        return found(queries.corrected(con, article), f"article {article!r}")


@router.post("/corrections", dependencies=[Depends(require_token)], openapi_extra=_BODY, status_code=201,
             responses={401: {"description": "No or wrong bearer token"}, 404: {"description": "No such article"},
                        413: {"description": f"Body over {MAX_CORRECTION_BYTES:,} bytes"},
                        415: {"description": "Not application/json"},
                        422: {"description": "A correction that does not fit the article"}})
async def post_correction(request: Request, db: Db) -> dict[str, Any]:
    """Fix, delete or add an event, a claim or an entity of a stored article (the analysis itself is kept):
    answers the correction made and the corrected article."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise HTTPException(415, "send the correction as application/json")
    body = await request.body()
    if len(body) > MAX_CORRECTION_BYTES:
        raise HTTPException(413, f"a correction is at most {MAX_CORRECTION_BYTES:,} bytes")
    try:
        item = CorrectionIn.model_validate_json(body)
    except ValidationError as exc:
        raise validation_error(exc) from None
    try:
        made = await run_in_threadpool(db.write, lambda con: _correct(con, item))
    except corrections.CorrectionError as exc:
        raise HTTPException(422, str(exc)) from None
    with db.read() as con:
        return jsonable({"made": made, **(queries.corrected(con, item.article_id) or {})})


def _correct(con: Any, item: CorrectionIn) -> dict[str, Any]:
    analysis = queries.article(con, item.article_id)
    if analysis is None or not analysis.get("schema"):
        raise corrections.CorrectionError(f"no analysed article {item.article_id!r}")
    return corrections.add(con, analysis, layer=item.layer, action=item.action, target=item.target,
                           fields=dict(item.fields), author=item.author, note=item.note)


@router.delete("/corrections/{correction_id}", dependencies=[Depends(require_token)],
               responses={401: {"description": "No or wrong bearer token"}, 404: {"description": "No such correction"}})
async def delete_correction(db: Db, correction_id: int) -> dict[str, Any]:
    """Withdraw a correction (and, for an addition, the later corrections of what it added)."""
    if not 0 < correction_id < 2**31:
        raise HTTPException(404, f"no correction {correction_id}")
    withdrawn = await run_in_threadpool(db.write, lambda con: corrections.withdraw(con, correction_id))
    if not withdrawn:
        raise HTTPException(404, f"no correction {correction_id}")
    return {"withdrawn": withdrawn}
