"""``veille ingest`` on this machine: the streaming, resumable ingest loop and its process pool.

The application layer above the store (``veille.store`` only persists); ``veille.batch`` is its Dask twin.
"""

from veille.run.ingest import Summary, estimate_count, ingest

__all__ = ["Summary", "estimate_count", "ingest"]
