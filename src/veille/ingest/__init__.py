"""Readers: every input form becomes ``Article`` records, or an ``InputError`` naming the bad item."""

from veille.ingest.options import ReadOptions
from veille.ingest.reader import read_inputs

__all__ = ["ReadOptions", "read_inputs"]
