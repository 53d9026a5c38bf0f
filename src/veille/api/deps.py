"""What routes share: the store (``db``), the server's settings, the token check, and the parameter types.

Routes reach the application's state through these dependencies, never through closures, so a router is a
module of its own (``veille.api.routes``) and a new route is a function in the module of its area.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError

from veille.api.db import Database
from veille.api.models import jsonable
from veille.store.queries import Table

Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Rows to skip.")]
Text = Annotated[str | None, Query(max_length=200)]
Party = Annotated[str | None, Query(max_length=200, description="A name in any language resolved through the "
                                    "knowledge base (a state: everything of its country), an ISO3 code, else part of "
                                    "the canonical name.")]
Since = Annotated[dt.date | None, Query(description="Merged events or stories that end on or after this day.")]
Until = Annotated[dt.date | None, Query(description="Merged events or stories that start on or before this day.")]
StoredId = Annotated[str, PathParam(min_length=1, max_length=64)]
EntityKey = Annotated[str | None, Query(max_length=300, description="An entity key (`/entities`: its knowledge-base id, else "
                                                             "TYPE:name).")]


@dataclass(frozen=True, slots=True)
class Settings:
    """What ``create_app`` was told: the token (None: read-only) and the analysis wait of ``POST /analyze``."""

    token: str | None
    analysis_wait: float


def database(request: Request) -> Database:
    return request.app.state.db


def settings(request: Request) -> Settings:
    return request.app.state.settings


Db = Annotated[Database, Depends(database)]
Config = Annotated[Settings, Depends(settings)]
_bearer = HTTPBearer(auto_error=False, description="The server's token (`veille serve --token`, or VEILLE_TOKEN).")


def require_token(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)], config: Config) -> None:
    if config.token is None:
        raise HTTPException(401, "writes are disabled: start the server with --token or VEILLE_TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})
    if creds is None or not secrets.compare_digest(creds.credentials.encode(), config.token.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


def page_of(table: Table, total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": jsonable(table.records()), "total": total, "limit": limit, "offset": offset}


def found(value: Any, what: str) -> Any:
    """``value`` as JSON, or 404 naming ``what`` when there is none."""
    if value is None:
        raise HTTPException(404, f"no {what}")
    return jsonable(value)


def validation_error(exc: ValidationError) -> RequestValidationError:
    return RequestValidationError(exc.errors(include_url=False, include_context=False, include_input=False))
