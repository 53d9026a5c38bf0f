"""What the API accepts and answers, as pydantic models (they are also its OpenAPI description)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeAlias, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from veille.ingest.records import MAX_CHARS
from veille.lexicons.schema import PLOVER_TYPES
from veille.model import FACTUALITIES, Article, parse_date

MAX_BATCH = 100
"""Articles one ``POST /articles`` may carry."""


class _AnyCase(str, Enum):
    """An enumeration that takes its values in any case (``assault``, ``Asserted``): one rule for types and
    factuality; an unknown value is refused (422) with the list of the valid ones."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, str):
            for member in cls:
                if member.value.casefold() == value.casefold():
                    return member
        return None


if TYPE_CHECKING:  # the members are data (the lexicons' PLOVER types, the model's factualities), made at import
    PloverType: TypeAlias = _AnyCase
    Factuality: TypeAlias = _AnyCase
    MergedFactuality: TypeAlias = _AnyCase
else:
    PloverType = _AnyCase("PloverType", {t: t for t in sorted(PLOVER_TYPES)})
    """The 16 PLOVER event types (``lexicons/plover_types.tsv``)."""
    Factuality = _AnyCase("Factuality", {f: f for f in FACTUALITIES})
    """An event's or a claim's factuality."""
    MergedFactuality = _AnyCase("MergedFactuality", {f: f for f in (*FACTUALITIES, "disputed", "mixed")})
    """A merged event's factuality: the one its reports agree on, else ``disputed`` (asserted and negated) or
    ``mixed``."""


class ArticleIn(BaseModel):
    """An article as the contract's input form: ``{"id", "text", "title"?, "published"?, "lang"?, "url"?, "source"?}``."""

    model_config = ConfigDict(extra="ignore", str_max_length=MAX_CHARS)

    id: str = Field(min_length=1, max_length=256, pattern=r"^[^\x00-\x1f\x7f]+$")
    text: str = Field(min_length=1, max_length=MAX_CHARS, description="The article text; offsets point into it.")
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=40, description="ISO date or datetime; anchors relative dates.",
                                  examples=["2024-01-05"])
    lang: str | None = Field(None, pattern=r"^[A-Za-z]{2}$", description="fr or en; detected when absent.")
    url: str | None = Field(None, max_length=4000)
    source: str | None = Field(None, max_length=500)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the text is empty")
        return value

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        parse_date(value)  # raises ValueError naming the value
        return value

    def to_article(self) -> Article:
        return Article(id=self.id, text=self.text, title=self.title, published=parse_date(self.published),
                       lang=self.lang.lower() if self.lang else None, url=self.url, source=self.source)


class AnalyzeIn(ArticleIn):
    """Text to analyse: only ``text`` is required."""

    id: str = Field("input", min_length=1, max_length=256, pattern=r"^[^\x00-\x1f\x7f]+$")


Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    """One page of rows: ``items``, the number of rows that match (``total``), and the page's place."""

    items: list[Item]
    total: int
    limit: int
    offset: int


class Row(BaseModel):
    """A row of a listing: its typed columns in the query's order (a column added later still comes through)."""

    model_config = ConfigDict(extra="allow")


class EventRow(Row):
    """One event as one article reports it (``/events``)."""

    article_id: str
    event_id: str
    date: str | None = Field(description="The event's TimeML value (`2011`, `2024-01`, `2024-SP`), else the "
                                         "publication day.")
    date_granularity: str | None = Field(None, description="What `date` names: day, week, month, quarter, season, "
                                                           "year, decade, century (none: a reference like PRESENT_REF).")
    type: PloverType
    mode: str | None
    actor: str | None
    actor_country: str | None
    actor_key: str | None
    recipient: str | None
    recipient_country: str | None
    recipient_key: str | None
    factuality: Factuality
    said_by: str | None
    confidence: float | None
    score: float | None
    trigger: str | None
    sentence: str | None
    title: str | None


class ClaimRow(Row):
    """One claim as one article reports it (``/claims``)."""

    article_id: str
    claim_id: str
    published: dt.date | None
    date: str | None
    date_granularity: str | None = None
    speaker: str | None
    speaker_country: str | None
    speaker_key: str | None
    kind: str
    factuality: Factuality
    content: str
    sources: str | None
    title: str | None


class MergedEventRow(Row):
    """The reports of one happening across articles (``/merged-events``)."""

    merged_id: str
    first_day: dt.date | None
    last_day: dt.date | None
    type: PloverType
    actor: str | None
    actor_country: str | None
    recipient: str | None
    recipient_country: str | None
    independent_reports: int
    report_members: list[str] | None
    independent_sources: int
    source_members: list[str] | None
    n_reports: int
    n_articles: int
    factuality: MergedFactuality
    score: float | None
    stories: list[str] | None


class IngestReport(BaseModel):
    """What ``POST /articles`` did with each article."""

    stored: list[str] = []
    replaced: list[str] = []
    unchanged: list[str] = []
    duplicates: list[dict[str, str]] = []
    failed: list[dict[str, str]] = []


def jsonable(value: Any) -> Any:
    """Dates as ISO strings, everything else as is (rows from DuckDB hold ``datetime.date``)."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


MAX_CORRECTION_BYTES = 16_384
"""Bytes at most in one correction's body (its longest field, an added claim's words, is 5,000 characters)."""
_ONE_LINE = r"^[^\x00-\x1f\x7f]+$"


class CorrectionIn(BaseModel):
    """One analyst's correction of one stored article: fix, delete or add an event, a claim or an entity.

    ``fields`` (fix, add): events `type`, `factuality`, `actor`, `recipient` (an entity id of the article, or
    null for none) and, when added, `evidence` (words of the text); claims `speaker` (an entity id or null),
    `kind`, `factuality` and, when added, `content` (words of the text); entities `kb_id` (`wikidata:Q…`, or null
    to unlink), `canonical`, `country`, `type` and, when added, `mention` (words of the text).
    """

    model_config = ConfigDict(extra="forbid")

    article_id: str = Field(min_length=1, max_length=256, pattern=_ONE_LINE)
    layer: Literal["event", "claim", "entity"]
    action: Literal["fix", "delete", "add"]
    target: str | None = Field(None, pattern=r"^[vce]\d{1,9}$", description="The item's id (v2, c1, e3); none to add.")
    fields: dict[str, str | None] = Field(default_factory=dict, max_length=8)
    author: str = Field(min_length=1, max_length=100, pattern=_ONE_LINE, description="Who corrects.")
    note: str | None = Field(None, max_length=2000, description="Why.")

    @field_validator("fields")
    @classmethod
    def _bounded(cls, value: dict[str, str | None]) -> dict[str, str | None]:
        for key, v in value.items():
            if len(key) > 20 or (v is not None and len(v) > 5000):
                raise ValueError(f"field {key[:20]!r} is too long")
        return value
