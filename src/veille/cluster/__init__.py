"""Across articles: stories (articles that report one happening), merged events with independent-source
counts, and claim provenance.

Everything here works on plain profiles built from the analysis JSON, so it runs the same over a
store, a JSONL file of analyses or a test's handful of articles; ``veille.store.stories`` persists it.
"""
