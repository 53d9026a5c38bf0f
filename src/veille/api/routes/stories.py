"""Across articles: stories, merged events, repeated claims (statements) and actor timelines."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from veille.api.deps import Db, Limit, Offset, Party, Since, StoredId, Until, found, page_of
from veille.api.models import MergedEventRow, Page, PloverType, jsonable
from veille.store import queries

router = APIRouter(tags=["stories"])


@router.get("/stories", response_model=Page)
def list_stories(db: Db, q: Annotated[str | None, Query(max_length=200, description="Words of the story's title.")] = None,
                 actor: Annotated[str | None, Query(max_length=200, description=(
                     "One of the story's main actors, its whole name in any case (`François Fillon`)."))] = None,
                 since: Since = None, until: Until = None,
                 min_articles: Annotated[int | None, Query(ge=1, le=10**6, description=(
                     "At least this many articles (2: stories told more than once)."))] = None,
                 limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Stories (articles on one happening), largest first: title, span, articles, outlets, languages, main
    actors and merged events."""
    filters = queries.StoryFilters(q=q, actor=actor, since=since, until=until, min_articles=min_articles)
    with db.read() as con:
        table, total = queries.stories(con, filters, limit=limit, offset=offset)
    return page_of(table, total, limit, offset)


@router.get("/stories/{story_id}", responses={404: {"description": "No such story"}})
def get_story(db: Db, story_id: StoredId) -> dict[str, Any]:
    """One story: its articles in order of arrival (with their similarity to the story when they joined),
    its merged events and the statements its articles report (`n_articles` > 1: repeated)."""
    with db.read() as con:
        return found(queries.story(con, story_id), f"story {story_id!r}")


@router.get("/merged-events", response_model=Page[MergedEventRow])
def list_merged_events(
    db: Db, actor: Party = None, recipient: Party = None,
    type: Annotated[PloverType | None, Query(description="PLOVER event type, in any case.")] = None,
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
    filters = queries.MergedFilters(actor=actor, recipient=recipient, type=type and type.value, min_sources=min_sources,
                                    min_reports=min_reports, story=story, since=since, until=until)
    with db.read() as con:
        table, total = queries.merged_events(con, filters, sort=sort, limit=limit, offset=offset)
    return page_of(table, total, limit, offset)


@router.get("/merged-events/{merged_id}", responses={404: {"description": "No such merged event"}})
def get_merged_event(db: Db, merged_id: StoredId) -> dict[str, Any]:
    """One merged event with every report: article, outlet, `report` (reports with the same number are one
    independent report), `origin` (the same number: one original source), what the article derives from,
    factuality, who the article says said it, trigger and sentence."""
    with db.read() as con:
        return found(queries.merged_event(con, merged_id), f"merged event {merged_id!r}")


@router.get("/claims/repeated", response_model=Page)
def list_merged_claims(db: Db, speaker: Annotated[str | None, Query(max_length=200, description="Part of the "
                                                                    "speaker's name.")] = None,
                       q: Annotated[str | None, Query(max_length=200, description="Words of what was said.")] = None,
                       every: Annotated[bool, Query(alias="all", description="Also the statements only one article "
                                                  "reports.")] = False,
                       limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Statements across articles (claim provenance), most repeated first: the earliest report, how many
    articles repeat it, from how many independent sources, and whether the wording changed."""
    with db.read() as con:
        table, total = queries.merged_claims(con, queries.StatementFilters(speaker=speaker, q=q, repeated=not every),
                                             limit=limit, offset=offset)
    return page_of(table, total, limit, offset)


@router.get("/claims/repeated/{merged_id}", responses={404: {"description": "No such statement"}})
def get_merged_claim(db: Db, merged_id: StoredId) -> dict[str, Any]:
    """One statement with every article that reports it, earliest first, and whether each kept the first
    wording."""
    with db.read() as con:
        return found(queries.merged_claim(con, merged_id), f"statement {merged_id!r}")


@router.get("/timeline/actors")
def get_actor_timeline(
    db: Db,
    first: Annotated[str, Query(min_length=1, max_length=200, description=(
        "An actor: a name in any language (`Corée du Nord`) or an ISO3 code (`RUS`), else part of the name."))],
    second: Annotated[str | None, Query(min_length=1, max_length=200, description=(
        "A second actor: only what passed between the two."))] = None,
    directed: Annotated[bool, Query(description="With `second`: only `first` → `second`.")] = False,
    since: Since = None, until: Until = None,
    min_reports: Annotated[int | None, Query(ge=1, le=10**6, description="At least this many independent "
                                                                        "reports.")] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=10**6, description="At least this many original "
                                                                        "sources.")] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Events at most.")] = 500,
    by: Annotated[Literal["day", "week", "month"] | None, Query(description=(
        "Count the merged events per day, week (from Monday) or month instead of listing them."))] = None,
) -> list[dict[str, Any]]:
    """What one actor did and had done to it, or what passed between two (both ways unless `directed`):
    merged events in date order, each once, with its factuality and two counts with their members:
    `reports` / `reported_by` (independent reports) and `sources` / `resting_on` (original sources)."""
    with db.read() as con:
        return jsonable(queries.actor_timeline(con, first, second, directed=directed, since=since, until=until,
                                               min_reports=min_reports, min_sources=min_sources, limit=limit,
                                               by=by).records())
