"""The DuckDB store: schema and migrations, the ingest loop, queries and exports.

Each CLI command (ingest, query, sql, export) calls one function here; the HTTP API will call the
same query functions.
"""
