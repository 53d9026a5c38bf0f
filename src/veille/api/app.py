"""``create_app(db_path, token=None)``: the HTTP API and the web page over one store.

Every route reads through ``veille.store.queries`` (the page is a client of the same JSON routes, as in
datasette every page has a JSON twin); the routes are routers, one module per area (``veille.api.routes``).
Writes need the bearer token and go through the single writer (``veille.api.db``). Bodies are bounded
(``limits.BodyLimit``); malformed input gets a 4xx with a message; other web pages are kept out
(``veille.api.security``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from veille import __version__
from veille.api.db import AnalysisBusy, Database, warm_up
from veille.api.deps import Settings
from veille.api.limits import ANALYSIS_WAIT, MAX_BODY, BodyLimit
from veille.api.routes import ROUTERS
from veille.api.security import guard
from veille.store.duckdb import StoreError
from veille.web import STATIC_DIR

TOKEN_ENV = "VEILLE_TOKEN"


def create_app(db_path: str | Path, token: str | None = None, *, max_body: int = MAX_BODY,
               preload: bool = False, analysis_wait: float = ANALYSIS_WAIT,
               hosts: Sequence[str] | None = None) -> FastAPI:
    """The application over the store at ``db_path``; ``token`` (else ``$VEILLE_TOKEN``) enables writes.

    Without a token the store is opened read-only and ``POST /articles`` answers 401. ``preload`` loads the
    pipelines in the background at start-up, so the first analysis does not wait for them. ``POST /analyze``
    waits ``analysis_wait`` seconds at most for another analysis to finish (then 503). ``hosts``: the only
    Host names answered (``veille serve`` gives those of its address; None, in-process, answers any).
    """
    token = token or os.environ.get(TOKEN_ENV) or None
    db = Database(db_path, writable=token is not None)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if preload:
            threading.Thread(target=warm_up, name="veille-warm-up", daemon=True).start()
        yield
        db.close()

    app = FastAPI(title="veille", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="News intelligence: entities, dates, PLOVER events and claims, with the words that "
                              "support them. Read endpoints are open; `POST /articles` needs the bearer token.")
    app.state.db = db
    app.state.settings = Settings(token=token, analysis_wait=analysis_wait)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(AnalysisBusy)
    async def _busy(request: Request, exc: AnalysisBusy) -> JSONResponse:
        return JSONResponse({"detail": f"another analysis is running; try again (waited {analysis_wait:g} s)"},
                            status_code=503, headers={"Retry-After": str(max(1, round(analysis_wait)))})

    app.middleware("http")(guard(None if hosts is None else {h.lower() for h in hosts}))
    for router in ROUTERS:
        app.include_router(router)
    return app
