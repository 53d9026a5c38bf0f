"""An article's corrections and its corrected analysis (``veille.store.corrections`` lays them over the stored one)."""

from __future__ import annotations

from typing import Any

import duckdb

from veille.store.corrections import apply, stored
from veille.store.queries.articles import article, with_entity_keys


def corrected(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """``{"article_id", "analysis", "changes"}``: the analysis with every correction applied (entities with their
    keys) and one change per correction, its item before and after it; None for an unknown article."""
    analysis = article(con, article_id)
    if analysis is None:
        return None
    out, changes = apply(analysis, stored(con, article_id))
    return {"article_id": article_id, "analysis": with_entity_keys(out), "changes": changes}


def corrected_ids(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The articles an analyst has corrected (a correction that still applies to their text), by id."""
    return [r[0] for r in con.execute("""
        SELECT DISTINCT c.article_id FROM corrections c JOIN articles a ON a.id = c.article_id
        WHERE c.text_sha256 = a.text_sha256 ORDER BY 1""").fetchall()]
