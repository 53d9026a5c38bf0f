"""What the API accepts and answers, as pydantic models (they are also its OpenAPI description)."""

from __future__ import annotations

import datetime as dt
from typing import Any

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
