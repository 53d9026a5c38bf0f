-- Across articles (veille.store.stories): stories, merged events with their reports and independent
-- sources, and claim provenance. story_articles grows as articles arrive; the merged tables are
-- recomputed from the per-article tables after every update (they are a function of them).

CREATE TABLE article_vectors (
    article_id VARCHAR PRIMARY KEY,
    vector     FLOAT[512] NOT NULL            -- multilingual embedding of title and lead (cluster/embed.py)
);

CREATE TABLE stories (
    story_id   VARCHAR PRIMARY KEY,
    title      VARCHAR NOT NULL,              -- the founding article's title
    first_day  DATE,
    last_day   DATE,
    n_articles INTEGER NOT NULL,              -- copies included
    n_outlets  INTEGER NOT NULL,
    languages  VARCHAR[],
    actors     VARCHAR[],                     -- the entities named most across its articles
    founder    VARCHAR NOT NULL               -- the article that started it
);

CREATE TABLE story_articles (
    article_id VARCHAR PRIMARY KEY,
    story_id   VARCHAR NOT NULL,
    n          INTEGER NOT NULL,              -- order of arrival in the story, from 1
    similarity DOUBLE NOT NULL,               -- to the story when it joined (1 for the founder and copies)
    copy_of    VARCHAR                        -- a copy joins its original's story
);

CREATE TABLE merged_events (
    merged_id           VARCHAR PRIMARY KEY,
    type                VARCHAR NOT NULL,
    actor_key           VARCHAR,
    actor               VARCHAR,
    actor_country       VARCHAR,
    recipient_key       VARCHAR,
    recipient           VARCHAR,
    recipient_country   VARCHAR,
    first_day           DATE,
    last_day            DATE,
    n_reports           INTEGER NOT NULL,
    n_articles          INTEGER NOT NULL,
    independent_sources INTEGER NOT NULL,
    factuality          VARCHAR NOT NULL CHECK (factuality IN ('asserted', 'negated', 'hypothetical', 'uncertain', 'disputed', 'mixed')),
    score               DOUBLE,
    stories             VARCHAR[]
);

CREATE TABLE merged_event_reports (
    merged_id  VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    event_id   VARCHAR NOT NULL,
    day        DATE,
    outlet     VARCHAR,
    origin     INTEGER NOT NULL,              -- reports with the same number count as one source
    copy_of    VARCHAR,                       -- this article copies that one (its evidence is there)
    factuality VARCHAR NOT NULL,
    said_by    VARCHAR,                       -- the speaker the article attributes the event to
    PRIMARY KEY (merged_id, article_id, event_id)
);

CREATE TABLE merged_claims (
    merged_id           VARCHAR PRIMARY KEY,
    speaker_key         VARCHAR,
    speaker             VARCHAR,
    kind                VARCHAR NOT NULL,
    content             VARCHAR NOT NULL,     -- the earliest report's wording
    first_article       VARCHAR NOT NULL,
    first_claim         VARCHAR NOT NULL,
    first_day           DATE,
    n_reports           INTEGER NOT NULL,
    n_articles          INTEGER NOT NULL,
    independent_sources INTEGER NOT NULL,
    wording_changed     BOOLEAN NOT NULL
);

CREATE TABLE merged_claim_reports (
    merged_id    VARCHAR NOT NULL,
    article_id   VARCHAR NOT NULL,
    claim_id     VARCHAR NOT NULL,
    published    DATE,
    outlet       VARCHAR,
    copy_of      VARCHAR,
    same_wording BOOLEAN NOT NULL,            -- the words of the earliest report, exactly
    PRIMARY KEY (merged_id, article_id, claim_id)
);
