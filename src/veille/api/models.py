"""What the API accepts and answers, as pydantic models (they are also its OpenAPI description)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from veille.ingest.records import MAX_CHARS
from veille.model import Article, parse_date

MAX_BATCH = 100
"""Articles one ``POST /articles`` may carry."""


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


class Page(BaseModel):
    """One page of rows: ``items``, the number of rows that match (``total``), and the page's place."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


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
