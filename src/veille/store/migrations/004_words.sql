-- Issue 16: the analyst's daily loop.
-- The word index (veille.store.words: why it is our own, and what a word is): one row per word of an article's
-- title or text, folded (lower case, no accents), with its offset, so a search finds words, not substrings, and
-- inside the span asked for (an event's sentence, a claim's quotation). Filled at each write; the articles
-- stored before this migration are indexed by it (veille.store.duckdb.AFTER_MIGRATION).
CREATE TABLE words (
    article_id VARCHAR NOT NULL,
    field      VARCHAR NOT NULL CHECK (field IN ('title', 'text')),
    word       VARCHAR NOT NULL,
    start_char INTEGER NOT NULL               -- offset of the word in the title or in articles.text
);

-- What `veille watch` fetched: a feed item (its id, else its link) or a listed page (its URL), once each.
CREATE TABLE fetched (
    item       VARCHAR PRIMARY KEY,
    url        VARCHAR,
    feed       VARCHAR,                       -- the feed the item came from (NULL for a listed page)
    article_id VARCHAR,                       -- the article stored from it
    fetched_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Dates keep their precision: what a TimeML value names (veille.store.duckdb.granularity): day, week, month,
-- quarter, season, year, decade, century; NULL for a reference (PRESENT_REF) or no value. "2011" is a year, and
-- its `day` (2011-01-01) is only where it starts.
ALTER TABLE times ADD COLUMN granularity VARCHAR;
ALTER TABLE events ADD COLUMN date_granularity VARCHAR;
ALTER TABLE claims ADD COLUMN date_granularity VARCHAR;
