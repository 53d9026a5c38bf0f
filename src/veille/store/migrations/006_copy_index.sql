-- The copy index kept in the store: each original's MinHash cut into LSH bands, a key per band
-- (veille.ingest.dedup.band_keys). An ingest asks which stored originals share a band key with a new text and
-- reads only their signatures, instead of loading every stored signature first (a cost that grew with the store).
-- norm_sha256 says which text of the article the keys were made from: a replaced text's keys are stale.

CREATE TABLE minhash_bands (
    article_id  VARCHAR NOT NULL,
    norm_sha256 VARCHAR,
    band        SMALLINT NOT NULL,
    key         BIGINT NOT NULL
);
