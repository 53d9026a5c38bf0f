"""RSS and Atom feeds (feedparser): one article per item, from its content or summary, with its metadata.

A local feed file is parsed from its bytes: feedparser never fetches anything here. Item content is
HTML more often than not; it is flattened to text with one paragraph per block element.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.html

from veille.errors import InputError
from veille.model import Article

_FEED_HEAD = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}
_SPACES = re.compile(r"[ \t\r\f\v]+")
_GAPS = re.compile(r"\n\s*\n\s*")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes hold an ``<rss``, ``<feed`` or ``<rdf:RDF`` root element."""
    return _FEED_HEAD.search(head[:4096]) is not None


def read_feed(data: bytes, *, item: str, stem: str, linked: bool = False) -> Iterator[Article | InputError]:
    """Every item of the feed as an Article, or an InputError naming the item (``FILE#N``). ``linked``: an item
    without content or summary but with a link is kept, its title standing for its text (``veille watch``
    fetches the page behind the link)."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f"not an RSS or Atom feed ({parsed.bozo_exception})" if parsed.bozo else "feed holds no item"
        yield InputError(item, reason)
        return
    channel = parsed.feed
    outlet = channel.get("title") or None
    feed_lang = _lang(channel.get("language"))
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{item}#{n}"
        text = _entry_text(entry) or (str(entry.get("title") or entry["link"]) if linked and entry.get("link") else "")
        if not text:
            yield InputError(where, "feed item has no content or summary")
            continue
        yield Article(
            id=str(entry.get("id") or entry.get("link") or f"{stem}#{n}"),
            text=text,
            title=entry.get("title") or None,
            published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            lang=_lang(_content_lang(entry)) or feed_lang,
            url=entry.get("link") or None,
            source=outlet,
        )


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one paragraph per block element, or the string itself when it is plain."""
    if "<" not in fragment:
        return fragment.strip()
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for el in root.iter("script", "style"):
        el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
    text = _SPACES.sub(" ", root.text_content())
    return _GAPS.sub("\n\n", text).strip()


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    for value in [c.get("value", "") for c in contents] + [entry.get("summary", "")]:
        if value and value.strip():
            text = html_to_text(value)
            if text:
                return text
    return ""


def _content_lang(entry: Any) -> str | None:
    for c in entry.get("content") or []:
        if c.get("language"):
            return str(c["language"])
    return None


def _lang(value: Any) -> str | None:
    return str(value).strip().lower()[:2] or None if value else None


def _date(parsed: Any) -> dt.date | None:
    if not parsed:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.timezone.utc).date()
