"""``POST /analyze``: one article analysed, nothing stored (no token needed, so bounded in size and in wait)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from veille.api.db import analyse
from veille.api.deps import Config, validation_error
from veille.api.limits import MAX_ANALYZE_CHARS
from veille.api.models import AnalyzeIn
from veille.errors import InputError
from veille.store.queries import with_entity_keys

router = APIRouter(tags=["analysis"])
_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": AnalyzeIn.model_json_schema()},
    "text/plain": {"schema": {"type": "string", "minLength": 1}},
}}}


@router.post("/analyze", openapi_extra=_BODY,
             responses={403: {"description": "text/plain without the X-Requested-With header"},
                        413: {"description": f"Text over {MAX_ANALYZE_CHARS:,} characters"},
                        415: {"description": "Neither application/json nor text/plain"},
                        422: {"description": "Malformed input, empty text or unsupported language"},
                        503: {"description": "Another analysis ran longer than the wait budget; retry"}})
async def analyze(
    request: Request,
    config: Config,
    lang: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="For text/plain: fr or en.")] = None,
    published: Annotated[dt.date | None, Query(description="For text/plain: anchors relative dates.")] = None,
) -> dict[str, Any]:
    """Analyse one article (JSON: the contract's input, only `text` required) or plain text; nothing is stored.

    Plain text is read as a `.txt` file is: the first line is the headline; it needs the header
    `X-Requested-With` (any value), which a page of another site cannot send without asking. The text is
    at most 100,000 characters here (longer: `POST /articles` with the token, or `veille analyze`), and a
    request waits at most a few seconds for another analysis to finish (503 and `Retry-After` then).
    """
    item = _article_in(await request.body(), request.headers.get("content-type", ""),
                       bool(request.headers.get("x-requested-with")), lang, published)
    if len(item.text) > MAX_ANALYZE_CHARS:
        raise HTTPException(413, f"text too long for /analyze ({len(item.text):,} characters; the limit is "
                                 f"{MAX_ANALYZE_CHARS:,} characters here: use POST /articles or veille analyze)")
    [result] = await run_in_threadpool(lambda: analyse([item.to_article()], wait=config.analysis_wait))
    if isinstance(result, InputError):
        raise HTTPException(422, result.reason)
    return with_entity_keys(result)


def _article_in(body: bytes, content_type: str, asked: bool, lang: str | None, published: dt.date | None) -> AnalyzeIn:
    """The article a body holds: JSON as the contract's input, or plain text read as a ``.txt`` file is."""
    ctype = content_type.split(";")[0].strip().lower()
    if ctype == "application/json":
        try:
            return AnalyzeIn.model_validate_json(body)
        except ValidationError as exc:
            raise validation_error(exc) from None
    if ctype != "text/plain":
        raise HTTPException(415, "send application/json (an article) or text/plain")
    if not asked:
        raise HTTPException(403, "text/plain needs the header X-Requested-With (any value), or send JSON")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the body is not UTF-8 text") from None
    if not text.strip():
        raise HTTPException(422, "the text is empty")
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return AnalyzeIn(text=text, title=title, lang=lang, published=published.isoformat() if published else None)
