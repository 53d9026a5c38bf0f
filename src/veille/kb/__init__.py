"""The knowledge base that ships with veille: states, places, organisations, institutions, people, media."""

from veille.kb.lookup import KB, Record, knowledge_base

__all__ = ["KB", "Record", "knowledge_base"]
