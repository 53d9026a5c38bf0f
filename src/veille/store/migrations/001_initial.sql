-- The analysis contract (veille.analysis/1) in normalised tables. Every row belongs to one article
-- (article_id references articles.id); rows within an article are keyed by the contract's own ids
-- (e3, v2, c1) or by their position (n). Offsets are character offsets into articles.text.

CREATE TABLE articles (
    id             VARCHAR PRIMARY KEY,
    text_sha256    VARCHAR NOT NULL,          -- hash of the text as read: the idempotency key with id
    norm_sha256    VARCHAR NOT NULL,          -- hash of the normalised text: exact-copy detection
    lang           VARCHAR,
    published      DATE,
    title          VARCHAR,
    url            VARCHAR,
    source         VARCHAR,
    text           VARCHAR NOT NULL,
    n_chars        INTEGER NOT NULL,
    duplicate_of   VARCHAR,                   -- id of the original when this article is a copy
    duplicate_kind VARCHAR CHECK (duplicate_kind IN ('exact', 'near')),
    minhash        BLOB,                      -- datasketch LeanMinHash of an original (near-copy index)
    analysis       JSON,                      -- the contract's analysis without article.text; NULL for copies
    ingested_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE entities (
    article_id VARCHAR NOT NULL,
    entity_id  VARCHAR NOT NULL,
    canonical  VARCHAR NOT NULL,
    type       VARCHAR NOT NULL,
    country    VARCHAR,
    kb_id      VARCHAR,
    agent      VARCHAR,
    stands_for VARCHAR,
    roles      VARCHAR[],
    n_mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);

CREATE TABLE mentions (
    article_id VARCHAR NOT NULL,
    entity_id  VARCHAR NOT NULL,
    n          INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id, n)
);

CREATE TABLE times (
    article_id VARCHAR NOT NULL,
    n          INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    value      VARCHAR,
    anchor     VARCHAR,
    PRIMARY KEY (article_id, n)
);

CREATE TABLE events (
    article_id          VARCHAR NOT NULL,
    event_id            VARCHAR NOT NULL,
    type                VARCHAR NOT NULL,
    mode                VARCHAR,
    context             VARCHAR[],
    actor_text          VARCHAR,
    actor_entity        VARCHAR,
    actor_canonical     VARCHAR,
    actor_country       VARCHAR,
    actor_agent         VARCHAR,
    recipient_text      VARCHAR,
    recipient_entity    VARCHAR,
    recipient_canonical VARCHAR,
    recipient_country   VARCHAR,
    recipient_agent     VARCHAR,
    trigger_text        VARCHAR,
    trigger_start       INTEGER,
    trigger_end         INTEGER,
    sentence_start      INTEGER,
    sentence_end        INTEGER,
    date                VARCHAR,              -- TimeML value as in the contract
    day                 DATE,                 -- first day of date, when it has one
    location            VARCHAR,
    factuality          VARCHAR NOT NULL,
    attributed_to       VARCHAR,              -- claim_id in the same article
    confidence          DOUBLE,
    score               DOUBLE,
    PRIMARY KEY (article_id, event_id)
);

CREATE TABLE claims (
    article_id        VARCHAR NOT NULL,
    claim_id          VARCHAR NOT NULL,
    speaker_text      VARCHAR,
    speaker_entity    VARCHAR,
    speaker_canonical VARCHAR,
    speaker_country   VARCHAR,
    speaker_start     INTEGER,
    speaker_end       INTEGER,
    cue_text          VARCHAR,
    cue_start         INTEGER,
    cue_end           INTEGER,
    content_text      VARCHAR NOT NULL,
    content_start     INTEGER NOT NULL,
    content_end       INTEGER NOT NULL,
    kind              VARCHAR NOT NULL,
    date              VARCHAR,
    factuality        VARCHAR NOT NULL,
    events            VARCHAR[],              -- event_ids in the same article
    PRIMARY KEY (article_id, claim_id)
);

CREATE TABLE claim_sources (
    article_id VARCHAR NOT NULL,
    claim_id   VARCHAR NOT NULL,
    n          INTEGER NOT NULL,
    canonical  VARCHAR,
    relation   VARCHAR NOT NULL,
    PRIMARY KEY (article_id, claim_id, n)
);

CREATE TABLE failures (
    item   VARCHAR PRIMARY KEY,                -- file, FILE:LINE, FILE#ITEM or article id
    reason VARCHAR NOT NULL,
    failed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
