"""Scale-out: the ingest's analysis as a Dask job writing partitioned Parquet, and loading that output.

``plan`` cuts inputs into partitions, ``tasks`` holds what workers run (the pipelines plugin, signing,
analysing and committing a partition), ``job`` drives a run on a Dask cluster, ``load`` brings the
output into the DuckDB store. See docs/scale.md.
"""

from veille.batch.job import BatchSummary, run_batch
from veille.batch.load import load
from veille.batch.plan import PARTITION_SIZE, Partition, plan

__all__ = ["BatchSummary", "PARTITION_SIZE", "Partition", "load", "plan", "run_batch"]
