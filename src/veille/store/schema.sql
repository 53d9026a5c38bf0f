-- veille store: the bootstrap. Every table lives in a numbered migration (migrations/NNN_name.sql),
-- applied in order, each once, each in its own transaction; schema_version records which ones ran.
CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
