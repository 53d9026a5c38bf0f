"""The knowledge base that ships with veille: states, places, organisations, institutions, people, media."""

from veille.kb.lookup import KB, City, Record, city_by_id, is_region_id, knowledge_base, surname_of

__all__ = ["KB", "City", "Record", "city_by_id", "is_region_id", "knowledge_base", "surname_of"]
