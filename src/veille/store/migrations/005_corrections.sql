-- Analysts' corrections (issue 16): kept beside the analysis, never written into it. Each row fixes, deletes or
-- adds one event, claim or entity of one article; the corrected analysis is the stored one with its article's
-- corrections laid over it in order (veille.store.corrections.apply). A correction made on an article whose
-- text has since changed (text_sha256 differs) is stale: shown, never applied.

CREATE SEQUENCE corrections_seq START 1;

CREATE TABLE corrections (
    correction_id INTEGER PRIMARY KEY DEFAULT nextval('corrections_seq'),
    article_id    VARCHAR NOT NULL,
    text_sha256   VARCHAR NOT NULL,          -- the article's text when it was corrected
    layer         VARCHAR NOT NULL CHECK (layer IN ('event', 'claim', 'entity')),
    action        VARCHAR NOT NULL CHECK (action IN ('fix', 'delete', 'add')),
    target        VARCHAR,                   -- the item's id in the analysis (v2, c1, e3); an addition's own id
    fields        JSON NOT NULL,             -- the new values (fix, add); {} for a deletion
    author        VARCHAR NOT NULL,
    note          VARCHAR,
    created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);
