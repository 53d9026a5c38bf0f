"""The questions the CLI, the API and the page ask the store: one function per question, read-only.

Each listing takes its filters as one frozen dataclass (``EventFilters``, ``ClaimFilters``, …: the CLI fills
them from its options, the API from its query parameters) and answers one page (``Table``) and the number of
rows that match; the CLI asks without a limit and shows fewer columns (``Table.select``). A new filter is one
field and one ``Where`` term in its dataclass; a new question, one function in the module of its area:

- ``base``: tables, WHERE terms, pages, the analyst's SQL; ``articles``: articles, one article, stats;
- ``events``: events, events per day, dyads; ``claims``; ``entities``: entities and one entity's page;
- ``stories``: stories, merged events, statements across articles, actor timelines;
- ``quotes``: speakers and their quotes (media researchers); ``corrections``: an article as analysts corrected it.
"""

from veille.store.queries.articles import ArticleFilters, article, articles, stats, with_entity_keys
from veille.store.queries.base import QueryError, StoreError, Table, counts, open_readonly, sql
from veille.store.queries.claims import ClaimFilters, claims
from veille.store.queries.corrections import corrected, corrected_ids
from veille.store.queries.entities import EntityFilters, entities, entity
from veille.store.queries.events import EVENT_SORTS, EventFilters, events, network, timeline
from veille.store.queries.quotes import QuoteFilters, quotes, speakers, summary as quotes_summary
from veille.store.queries.stories import (MergedFilters, StatementFilters, StoryFilters, actor_timeline, merged_claim,
                                          merged_claims, merged_event, merged_events, source_distribution, stories, story)

__all__ = ["EVENT_SORTS", "ArticleFilters", "ClaimFilters", "EntityFilters", "EventFilters", "MergedFilters",
           "QueryError", "QuoteFilters", "StatementFilters", "StoreError", "StoryFilters", "Table", "actor_timeline",
           "article", "articles", "claims", "corrected", "corrected_ids", "counts", "entities", "entity", "events",
           "merged_claim", "merged_claims", "merged_event", "merged_events", "network", "open_readonly", "quotes",
           "quotes_summary", "source_distribution", "speakers", "sql", "stats", "stories", "story", "timeline",
           "with_entity_keys"]
