"""veille: news articles in, auditable analyses out (contract ``veille.analysis/1``)."""

__version__ = "0.1.0"
