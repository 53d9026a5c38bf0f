"""``create_app(db_path, token=None)``: the HTTP API and the web page over one store.

Every route reads through ``veille.store.queries`` or, for what spans articles (stories, merged events,
repeated claims, actor timelines), ``veille.store.story_queries`` (the page is a client of the same JSON
routes, as in datasette every page has a JSON twin). Writes need the bearer token and go through the single writer
(``veille.api.db``). Bodies are bounded (``limits.BodyLimit``); malformed input gets a 4xx with a message.

Other web pages are kept out (docs/web.md, "Security"): a POST must be JSON or carry ``X-Requested-With``
(either makes a browser ask first, and no cross-origin answer is ever given), the Host header must name the
address served (``hosts``: a DNS-rebinding page names its own), and every answer forbids framing.
"""


import base64
import datetime as dt
import hashlib
import os
import re
import secrets
from collections.abc import Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import TypeAdapter, ValidationError

from veille import __version__
from veille.api.db import AnalysisBusy, Database, analyse, warm_up
from veille.api.limits import ANALYSIS_WAIT, MAX_ANALYZE_CHARS, MAX_BODY, BodyLimit
from veille.api.models import (
    MAX_BATCH,
    AnalyzeIn,
    ArticleIn,
    IngestReport,
    Page,
    jsonable,
)
from veille.errors import InputError
from veille.store import queries, story_queries
from veille.store.duckdb import StoreError
from veille.web import STATIC_DIR, SWAGGER_CSS, SWAGGER_JS, index_html

TOKEN_ENV = "VEILLE_TOKEN"
FACTUALITY = Literal["asserted", "negated", "hypothetical", "uncertain"]
_ARTICLES_IN = TypeAdapter(ArticleIn | list[ArticleIn])
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
"""The page runs only its own scripts: even a rendering mistake could not run an article's <script>."""
_CSP_DATA = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
"""JSON, scripts, styles: nothing in them is a page, and none may be framed."""
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def _docs_csp(html: str) -> str:
    """The page's policy for the API explorer, whose start-up script is inline: allowed by its hash alone."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in _INLINE_SCRIPT.findall(html))
    return _CSP.replace("script-src 'self'", f"script-src 'self' {hashes}")


def _host_name(header: str) -> str:
    """``127.0.0.1:8000`` → ``127.0.0.1``, ``[::1]:8000`` → ``[::1]``, lower case."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[:header.find("]") + 1]
    return header.split(":", 1)[0]

Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Rows to skip.")]
Text = Annotated[str | None, Query(max_length=200)]
Party = Annotated[str | None, Query(max_length=200, description="ISO3 country (its country or a name of three "
                                                                "letters, whole) or part of the canonical name.")]
Since = Annotated[dt.date | None, Query(description="Merged events or stories that end on or after this day.")]
Until = Annotated[dt.date | None, Query(description="Merged events or stories that start on or before this day.")]
StoredId = Annotated[str, PathParam(min_length=1, max_length=64)]


def event_filters(
    actor: Annotated[str | None, Query(max_length=200, description="Actor: ISO3 country or part of the canonical name.")] = None,
    recipient: Annotated[str | None, Query(max_length=200, description="Recipient: ISO3 or part of the name.")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 country on either side.")] = None,
    type: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{1,20}$", description="PLOVER event type (ASSAULT, ...).")] = None,
    factuality: FACTUALITY | None = None,
    since: Annotated[dt.date | None, Query(description="Event date (else publication date) on or after.")] = None,
    until: Annotated[dt.date | None, Query(description="Event date (else publication date) on or before.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in the trigger, sentence, actors or title.")] = None,
) -> dict[str, Any]:
    """The filters shared by /events, /timeline and /network."""
    return {"actor": actor, "recipient": recipient, "country": country, "type": type, "factuality": factuality,
            "since": since, "until": until, "q": q}


def _page(table: queries.Table, total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": jsonable(table.records()), "total": total, "limit": limit, "offset": offset}


def _validation_error(exc: ValidationError) -> RequestValidationError:
    return RequestValidationError(exc.errors(include_url=False, include_context=False, include_input=False))


def create_app(db_path: str | Path, token: str | None = None, *, max_body: int = MAX_BODY,
               preload: bool = False, analysis_wait: float = ANALYSIS_WAIT,
               hosts: Sequence[str] | None = None) -> FastAPI:
    """The application over the store at ``db_path``; ``token`` (else ``$VEILLE_TOKEN``) enables writes.

    Without a token the store is opened read-only and ``POST /articles`` answers 401. ``preload`` loads the
    pipelines in the background at start-up, so the first analysis does not wait for them. ``POST /analyze``
    waits ``analysis_wait`` seconds at most for another analysis to finish (then 503). ``hosts``: the only
    Host names answered (``veille serve`` gives those of its address; None, in-process, answers any).
    """
    allowed = None if hosts is None else {h.lower() for h in hosts}
    token = token or os.environ.get(TOKEN_ENV) or None
    db = Database(db_path, writable=token is not None)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if preload:
            import threading

            threading.Thread(target=warm_up, name="veille-warm-up", daemon=True).start()
        yield
        db.close()

    app = FastAPI(title="veille", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="News intelligence: entities, dates, PLOVER events and claims, with the words that "
                              "support them. Read endpoints are open; `POST /articles` needs the bearer token.")
    app.state.db = db
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    bearer = HTTPBearer(auto_error=False, description="The server's token (`veille serve --token`, or VEILLE_TOKEN).")

    def require_token(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if token is None:
            raise HTTPException(401, "writes are disabled: start the server with --token or VEILLE_TOKEN",
                                headers={"WWW-Authenticate": "Bearer"})
        if creds is None or not secrets.compare_digest(creds.credentials.encode(), token.encode()):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(AnalysisBusy)
    async def _busy(request: Request, exc: AnalysisBusy) -> JSONResponse:
        return JSONResponse({"detail": f"another analysis is running; try again (waited {analysis_wait:g} s)"},
                            status_code=503, headers={"Retry-After": str(max(1, round(analysis_wait)))})

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Response:
        # Starlette's TrustedHostMiddleware would do, but answers in plain text: every error here is JSON with a detail
        if allowed is not None and _host_name(request.headers.get("host", "")) not in allowed:
            response: Response = JSONResponse({"detail": "unknown Host: this server answers only to the address "
                                                         "it listens on"}, status_code=400)
        else:
            response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers["X-Frame-Options"] = "DENY"
        if request.url.path == "/":
            response.headers["Content-Security-Policy"] = _CSP
        elif request.url.path != "/docs":  # the explorer sets its own, with its script's hash
            response.headers["Content-Security-Policy"] = _CSP_DATA
        return response

    # --- the page and its offline API explorer ---

    @app.get("/", include_in_schema=False)
    def page() -> HTMLResponse:
        return HTMLResponse(index_html())

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        page = get_swagger_ui_html(openapi_url="/openapi.json", title="veille API", swagger_js_url=SWAGGER_JS,
                                   swagger_css_url=SWAGGER_CSS, swagger_favicon_url="/static/favicon-1.svg")
        page.headers["Content-Security-Policy"] = _docs_csp(bytes(page.body).decode("utf-8"))
        return page

    # --- analysis (stateless) ---

    analyze_body = {"requestBody": {"required": True, "content": {
        "application/json": {"schema": AnalyzeIn.model_json_schema()},
        "text/plain": {"schema": {"type": "string", "minLength": 1}},
    }}}

    @app.post("/analyze", tags=["analysis"], openapi_extra=analyze_body,
              responses={403: {"description": "text/plain without the X-Requested-With header"},
                         413: {"description": f"Text over {MAX_ANALYZE_CHARS:,} characters"},
                         415: {"description": "Neither application/json nor text/plain"},
                         422: {"description": "Malformed input, empty text or unsupported language"},
                         503: {"description": "Another analysis ran longer than the wait budget; retry"}})
    async def analyze(
        request: Request,
        lang: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="For text/plain: fr or en.")] = None,
        published: Annotated[dt.date | None, Query(description="For text/plain: anchors relative dates.")] = None,
    ) -> dict[str, Any]:
        """Analyse one article (JSON: the contract's input, only `text` required) or plain text; nothing is stored.

        Plain text is read as a `.txt` file is: the first line is the headline; it needs the header
        `X-Requested-With` (any value), which a page of another site cannot send without asking. The text is
        at most 100,000 characters here (longer: `POST /articles` with the token, or `veille analyze`), and a
        request waits at most a few seconds for another analysis to finish (503 and `Retry-After` then).
        """
        body = await request.body()
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "text/plain" and not request.headers.get("x-requested-with"):
            raise HTTPException(403, "text/plain needs the header X-Requested-With (any value), or send JSON")
        if ctype == "text/plain":
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                raise HTTPException(400, "the body is not UTF-8 text") from None
            if not text.strip():
                raise HTTPException(422, "the text is empty")
            title = next((line.strip() for line in text.splitlines() if line.strip()), None)
            item = AnalyzeIn(text=text, title=title, lang=lang,
                             published=published.isoformat() if published else None)
        elif ctype == "application/json":
            try:
                item = AnalyzeIn.model_validate_json(body)
            except ValidationError as exc:
                raise _validation_error(exc) from None
        else:
            raise HTTPException(415, "send application/json (an article) or text/plain")
        if len(item.text) > MAX_ANALYZE_CHARS:
            raise HTTPException(413, f"text too long for /analyze ({len(item.text):,} characters; the limit is "
                                     f"{MAX_ANALYZE_CHARS:,} characters here: use POST /articles or veille analyze)")
        from starlette.concurrency import run_in_threadpool

        [result] = await run_in_threadpool(lambda: analyse([item.to_article()], wait=analysis_wait))
        if isinstance(result, InputError):
            raise HTTPException(422, result.reason)
        return queries.with_entity_keys(result)

    # --- writes ---

    articles_body = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
        "anyOf": [ArticleIn.model_json_schema(),
                  {"type": "array", "items": ArticleIn.model_json_schema(), "minItems": 1, "maxItems": MAX_BATCH}]}}}}}

    @app.post("/articles", tags=["store"], dependencies=[Depends(require_token)], openapi_extra=articles_body,
              response_model=IngestReport,
              responses={401: {"description": "No or wrong bearer token"}, 413: {"description": "Body too large"}})
    async def post_articles(request: Request) -> dict[str, Any]:
        """Ingest one article or a list of up to 100: analysed and stored (same id and text: unchanged)."""
        try:
            parsed = _ARTICLES_IN.validate_json(await request.body())
        except ValidationError as exc:
            raise _validation_error(exc) from None
        items = parsed if isinstance(parsed, list) else [parsed]
        if not 1 <= len(items) <= MAX_BATCH:
            raise HTTPException(422, f"send 1 to {MAX_BATCH} articles")
        from starlette.concurrency import run_in_threadpool

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

    # --- reads ---

    @app.get("/articles", tags=["store"], response_model=Page)
    def list_articles(q: Text = None, lang: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$")] = None,
                      since: dt.date | None = None, until: dt.date | None = None,
                      limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Articles, newest first; `q` is found in the title or the text."""
        with db.read() as con:
            table, total = queries.articles_page(con, q=q, lang=lang, since=since, until=until, limit=limit,
                                                 offset=offset)
        return _page(table, total, limit, offset)

    @app.get("/articles/{article_id:path}", tags=["store"], responses={404: {"description": "No such article"}})
    def get_article(article_id: str) -> dict[str, Any]:
        """One article as the contract's analysis, its text included; each entity carries its `key`."""
        with db.read() as con:
            found = queries.article(con, article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return found

    @app.get("/events", tags=["store"], response_model=Page)
    def list_events(filters: Annotated[dict[str, Any], Depends(event_filters)],
                    entity: Annotated[str | None, Query(max_length=64, description="An entity key, either side.")] = None,
                    sort: Literal[tuple(queries.EVENT_SORTS)] = "date",  # type: ignore[valid-type]
                    order: Literal["asc", "desc"] = "asc", limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Events, filtered, sorted and paginated."""
        with db.read() as con:
            table, total = queries.events_page(con, sort=sort, descending=order == "desc", limit=limit,
                                               offset=offset, entity=entity, **filters)
        return _page(table, total, limit, offset)

    @app.get("/claims", tags=["store"], response_model=Page)
    def list_claims(speaker: Text = None, q: Text = None,
                    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
                    since: dt.date | None = None, until: dt.date | None = None,
                    entity: Annotated[str | None, Query(max_length=64)] = None,
                    limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Claims: `speaker` in the speaker's name, `q` in what was said."""
        with db.read() as con:
            table, total = queries.claims_page(con, speaker=speaker, q=q, country=country, since=since,
                                               until=until, entity=entity, limit=limit, offset=offset)
        return _page(table, total, limit, offset)

    @app.get("/entities", tags=["store"], response_model=Page)
    def list_entities(name: Text = None, type: Annotated[str | None, Query(pattern=r"^[A-Za-z]{1,10}$")] = None,
                      country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
                      limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Entities across articles, most cited first; `key` names one for `/entities/{key}`."""
        with db.read() as con:
            table, total = queries.entities_page(con, name=name, type=type, country=country, limit=limit,
                                                 offset=offset)
        return _page(table, total, limit, offset)

    @app.get("/entities/{key}", tags=["store"], responses={404: {"description": "No such entity"}})
    def get_entity(key: Annotated[str, PathParam(max_length=64)]) -> dict[str, Any]:
        """One entity: its events as actor and as recipient, its claims, its mentions per publication day."""
        with db.read() as con:
            found = queries.entity(con, key)
        if found is None:
            raise HTTPException(404, f"no entity {key!r}")
        return jsonable(found)

    @app.get("/timeline", tags=["store"])
    def get_timeline(filters: Annotated[dict[str, Any], Depends(event_filters)]) -> list[dict[str, Any]]:
        """Events per day: conflict (PLOVER score < 0) and cooperation (> 0), counts and score sums."""
        with db.read() as con:
            return jsonable(queries.timeline(con, **filters).records())

    @app.get("/network", tags=["store"])
    def get_network(filters: Annotated[dict[str, Any], Depends(event_filters)],
                    limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[dict[str, Any]]:
        """Actor → recipient dyads weighted by their event count (with mean PLOVER score)."""
        with db.read() as con:
            return jsonable(queries.network(con, limit=limit, **filters).records())

    # --- across articles: stories, merged events, repeated claims, actor timelines ---

    @app.get("/stories", tags=["stories"], response_model=Page)
    def list_stories(q: Annotated[str | None, Query(max_length=200, description="Text in the story's title.")] = None,
                     actor: Annotated[str | None, Query(max_length=200, description=(
                         "One of the story's main actors, its whole name in any case (`François Fillon`)."))] = None,
                     since: Since = None, until: Until = None,
                     min_articles: Annotated[int | None, Query(ge=1, le=10**6, description=(
                         "At least this many articles (2: stories told more than once)."))] = None,
                     limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Stories (articles on one happening), largest first: title, span, articles, outlets, languages, main
        actors and merged events."""
        with db.read() as con:
            table, total = story_queries.stories(con, q=q, actor=actor, since=since, until=until,
                                                 min_articles=min_articles, limit=limit, offset=offset)
        return _page(table, total, limit, offset)

    @app.get("/stories/{story_id}", tags=["stories"], responses={404: {"description": "No such story"}})
    def get_story(story_id: StoredId) -> dict[str, Any]:
        """One story: its articles in order of arrival (with their similarity to the story when they joined),
        its merged events and the statements its articles report (`n_articles` > 1: repeated)."""
        with db.read() as con:
            found = story_queries.story(con, story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return jsonable(found)

    @app.get("/merged-events", tags=["stories"], response_model=Page)
    def list_merged_events(
        actor: Party = None, recipient: Party = None,
        type: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{1,20}$", description="PLOVER event type.")] = None,
        min_sources: Annotated[int | None, Query(ge=1, le=10**6, description="At least this many original "
                                                                            "sources.")] = None,
        min_reports: Annotated[int | None, Query(ge=1, le=10**6, description="At least this many independent "
                                                                            "reports.")] = None,
        story: Annotated[str | None, Query(max_length=64, description="Only the events of this story.")] = None,
        since: Since = None, until: Until = None,
        sort: Annotated[Literal["date", "sources"], Query(description="`date`, or `sources`: the most "
                                                                      "independently reported first.")] = "date",
        limit: Limit = 50, offset: Offset = 0,
    ) -> dict[str, Any]:
        """Merged events: the reports of one happening (same type, actor, recipient and day) across articles, with
        two counts and their members: `independent_reports` (outlets, once copies, derivations and wire credits are
        joined) and `independent_sources` (the original sources those reports rest on: a White House statement
        relayed by four agencies is one), and the factuality they agree on (else `disputed` or `mixed`)."""
        with db.read() as con:
            table, total = story_queries.merged_events(con, actor=actor, recipient=recipient, type=type,
                                                       min_sources=min_sources, min_reports=min_reports, story=story, since=since,
                                                       until=until, sort=sort, limit=limit, offset=offset)
        return _page(table, total, limit, offset)

    @app.get("/merged-events/{merged_id}", tags=["stories"], responses={404: {"description": "No such merged event"}})
    def get_merged_event(merged_id: StoredId) -> dict[str, Any]:
        """One merged event with every report: article, outlet, `report` (reports with the same number are one
        independent report), `origin` (the same number: one original source), what the article derives from,
        factuality, who the article says said it, trigger and sentence."""
        with db.read() as con:
            found = story_queries.merged_event(con, merged_id)
        if found is None:
            raise HTTPException(404, f"no merged event {merged_id!r}")
        return jsonable(found)

    @app.get("/claims/repeated", tags=["stories"], response_model=Page)
    def list_merged_claims(speaker: Annotated[str | None, Query(max_length=200, description="Part of the "
                                                                "speaker's name.")] = None,
                           q: Annotated[str | None, Query(max_length=200, description="Text in what was "
                                                          "said.")] = None,
                           every: Annotated[bool, Query(alias="all", description="Also the statements only one article "
                                                      "reports.")] = False,
                           limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Statements across articles (claim provenance), most repeated first: the earliest report, how many
        articles repeat it, from how many independent sources, and whether the wording changed."""
        with db.read() as con:
            table, total = story_queries.merged_claims(con, speaker=speaker, q=q, repeated=not every, limit=limit,
                                                       offset=offset)
        return _page(table, total, limit, offset)

    @app.get("/claims/repeated/{merged_id}", tags=["stories"],
             responses={404: {"description": "No such statement"}})
    def get_merged_claim(merged_id: StoredId) -> dict[str, Any]:
        """One statement with every article that reports it, earliest first, and whether each kept the first
        wording."""
        with db.read() as con:
            found = story_queries.merged_claim(con, merged_id)
        if found is None:
            raise HTTPException(404, f"no statement {merged_id!r}")
        return jsonable(found)

    @app.get("/timeline/actors", tags=["stories"])
    def get_actor_timeline(
        first: Annotated[str, Query(min_length=1, max_length=200, description=(
            "An actor: ISO3 country (`RUS`) or part of the canonical name."))],
        second: Annotated[str | None, Query(min_length=1, max_length=200, description=(
            "A second actor: only what passed between the two."))] = None,
        directed: Annotated[bool, Query(description="With `second`: only `first` → `second`.")] = False,
        since: Since = None, until: Until = None,
        min_reports: Annotated[int | None, Query(ge=1, le=10**6, description="At least this many independent "
                                                                            "reports.")] = None,
        min_sources: Annotated[int | None, Query(ge=1, le=10**6, description="At least this many original "
                                                                            "sources.")] = None,
        limit: Annotated[int, Query(ge=1, le=500, description="Events at most.")] = 500,
    ) -> list[dict[str, Any]]:
        """What one actor did and had done to it, or what passed between two (both ways unless `directed`):
        merged events in date order, each once, with its factuality and two counts with their members:
        `reports` / `reported_by` (independent reports) and `sources` / `resting_on` (original sources)."""
        with db.read() as con:
            return jsonable(story_queries.timeline(con, first, second, directed=directed, since=since, until=until,
                                                   min_reports=min_reports, min_sources=min_sources,
                                                   limit=limit).records())

    @app.get("/stats", tags=["store"])
    def get_stats() -> dict[str, Any]:
        """Rows per table, languages, publication dates, event types and factuality."""
        with db.read() as con:
            return jsonable(queries.stats(con))

    return app
