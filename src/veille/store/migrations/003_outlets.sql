-- Across outlets and languages (issue 14): derivations between articles (wire rewrites, partial copies,
-- translations), and two counts on every merged event and statement: independent reports (outlets,
-- once copies, derivations and wire credits are joined) and original sources (the speakers or bodies
-- the reports rest on). The merged tables are emptied: the next update recomputes them whole, then
-- only what new articles touch.

CREATE TABLE derivations (
    article_id   VARCHAR NOT NULL,            -- the derived article (the later one)
    derived_from VARCHAR NOT NULL,            -- its origin
    kind         VARCHAR NOT NULL CHECK (kind IN ('translation', 'rewrite', 'partial')),
    share        DOUBLE NOT NULL,             -- share of the derived article's sentences aligned with the origin
    origin_share DOUBLE NOT NULL,             -- share of the origin's sentences aligned
    n_aligned    INTEGER NOT NULL,
    pairs        JSON NOT NULL,               -- [[start, end, origin_start, origin_end, similarity], ...]
    PRIMARY KEY (article_id, derived_from)
);

DELETE FROM merged_event_reports;
DELETE FROM merged_events;
DELETE FROM merged_claim_reports;
DELETE FROM merged_claims;

ALTER TABLE merged_events ADD COLUMN independent_reports INTEGER NOT NULL DEFAULT 0;
ALTER TABLE merged_events ADD COLUMN report_members VARCHAR[];   -- one label per independent report
ALTER TABLE merged_events ADD COLUMN source_members VARCHAR[];   -- one label per original source
ALTER TABLE merged_event_reports ADD COLUMN report INTEGER NOT NULL DEFAULT 0;  -- same number: one report
ALTER TABLE merged_claims ADD COLUMN independent_reports INTEGER NOT NULL DEFAULT 0;
ALTER TABLE merged_claims ADD COLUMN report_members VARCHAR[];
ALTER TABLE merged_claims ADD COLUMN source_members VARCHAR[];
ALTER TABLE merged_claims ADD COLUMN words VARCHAR[];            -- the first report's words (finds candidates)
ALTER TABLE merged_claim_reports ADD COLUMN report INTEGER NOT NULL DEFAULT 0;
ALTER TABLE merged_claim_reports ADD COLUMN origin INTEGER NOT NULL DEFAULT 0;  -- same number: one original source

CREATE TABLE merged_claim_words (             -- each direct statement's words: finds what a new quote may repeat
    word      VARCHAR NOT NULL,
    merged_id VARCHAR NOT NULL
);
