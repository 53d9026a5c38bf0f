"""HTML pages: boilerplate removed by trafilatura, keeping title, date, URL and outlet."""

from __future__ import annotations

import trafilatura

from veille.model import Article, parse_date


def parse_html(html: str, *, default_id: str) -> Article:
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ValueError("no article text found in the HTML page")
    try:
        published = parse_date(getattr(doc, "date", None))
    except ValueError:
        published = None
    return Article(
        id=getattr(doc, "url", None) or default_id,
        text=text,
        title=getattr(doc, "title", None),
        published=published,
        url=getattr(doc, "url", None),
        source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
    )
