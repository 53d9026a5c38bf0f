"""``veille watch``: poll RSS/Atom feeds and pages, fetch the full article behind each new item, ingest it.

Each cycle fetches every source once. A feed's items are read by the feed reader of ``veille ingest``
(``ingest/feeds.py``); since feeds mostly carry a summary, the page behind each new item's link is fetched and
its text extracted by trafilatura (``ingest/html.py``), the item keeping its feed's id, title, date, language
and outlet. A source that is not a feed is a page: one article. What was fetched is remembered in the store
(``fetched``), so no item is fetched twice, across cycles and runs; the articles go through the ingest loop
(``run/ingest.py``: the one admission decision, copies stored as copies), which opens the store only for each
read and write, so a read-only ``veille serve`` on the same file answers all along.

Bounded: a response over ``MAX_BYTES`` is dropped, each request has ``TIMEOUT`` seconds, a feed gives at most
``MAX_NEW`` new items per cycle. A source or a page that cannot be fetched is one line on stderr, is not
remembered (the next cycle tries it again) and the cycle goes on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import httpx

from veille import __version__
from veille.errors import ConfigError, InputError
from veille.ingest import ReadOptions
from veille.ingest.decode import decode
from veille.ingest.feeds import looks_like_feed, read_feed
from veille.ingest.html import parse_html
from veille.model import Article
from veille.run.ingest import Summary, ingest
from veille.store.duckdb import Store

MAX_BYTES = 5_000_000
"""A feed or a page larger than this is not an article (nor a feed of news): it is dropped."""
TIMEOUT = 20.0
"""Seconds for each request (connecting, and each wait for data)."""
MAX_NEW = 100
"""New items taken from one feed in one cycle; the rest wait for the next cycle."""


class FetchError(Exception):
    """A source or a page could not be fetched (network, HTTP status, size)."""


def sources(args: list[str]) -> list[str]:
    """The URLs to poll: each argument is a URL (http or https) or a file listing URLs, one a line (# comments)."""
    urls: list[str] = []
    for arg in args:
        if arg.startswith(("http://", "https://")):
            urls.append(arg)
            continue
        path = Path(arg)
        if not path.is_file():
            raise ConfigError(f"{arg}: neither an http(s) URL nor a file listing URLs")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if not line.startswith(("http://", "https://")):
                raise ConfigError(f"{arg}: line {n}: {line[:80]!r} is not an http(s) URL")
            urls.append(line)
    return list(dict.fromkeys(urls))


class Fetcher:
    """One HTTP client for a run (connections are reused), each response bounded in size and time."""

    def __init__(self) -> None:
        self.client = httpx.Client(timeout=TIMEOUT, follow_redirects=True, max_redirects=5,
                                   headers={"User-Agent": f"veille/{__version__} (news monitoring)"})

    def get(self, url: str) -> bytes:
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > MAX_BYTES:
                        raise FetchError(f"larger than {MAX_BYTES:,} bytes")
                return bytes(body)
        except httpx.HTTPError as exc:
            raise FetchError(str(exc) or type(exc).__name__) from None

    def close(self) -> None:
        self.client.close()


@dataclass(slots=True)
class Cycle:
    """One pass over the sources: what was fetched, what failed, what the ingest did."""

    n: int
    sources: int = 0
    fetched: int = 0
    failed: list[str] = field(default_factory=list)
    summary: Summary | None = None

    def line(self) -> str:
        at = dt.datetime.now().strftime("%H:%M:%S")
        ingest_line = self.summary.line() if self.summary else "nothing new"
        return (f"veille watch: cycle {self.n} at {at}: {self.sources} sources, {self.fetched} new items fetched, "
                f"{len(self.failed)} fetch failures; {ingest_line}")


def run_cycle(n: int, urls: list[str], *, db: str | Path, fetcher: Fetcher, options: ReadOptions = ReadOptions(),
              err: TextIO | None = None) -> Cycle:
    """Fetch what is new behind ``urls``, ingest it into ``db`` (analysed in this process), remember it."""
    err = err or sys.stderr
    cycle = Cycle(n, sources=len(urls))
    articles: list[Article | InputError] = []
    remembered: list[dict[str, str | None]] = []
    with Store(db, hold=False) as store:
        for url in urls:
            for key, item, feed in _new_items(url, store, fetcher, cycle):
                articles.append(item)
                remembered.append({"item": key, "url": getattr(item, "url", None) or key, "feed": feed,
                                   "article_id": item.id if isinstance(item, Article) else None})
        for line in cycle.failed:
            print(f"veille: watch: {line}", file=err, flush=True)
        cycle.fetched = len(articles)
        if articles:
            cycle.summary = ingest([], items=iter(articles), db=db, workers=1, options=options, progress=False, err=err)
            store.remember_fetched(remembered)
    return cycle


def _new_items(url: str, store: Store, fetcher: Fetcher,
               cycle: Cycle) -> Iterator[tuple[str, Article | InputError, str | None]]:
    """(item key, article or bad item, feed) for each item of ``url`` not fetched before."""
    try:
        body = fetcher.get(url)
    except FetchError as exc:
        cycle.failed.append(f"{url}: {exc}")
        return
    if not looks_like_feed(body):
        if not store.fetched_items([url]):
            page = _page(url, body)
            if page is not None:
                yield url, page, None
        return
    entries = [e for e in read_feed(body, item=url, stem=url, linked=True) if isinstance(e, Article)]
    known = store.fetched_items([e.id for e in entries])
    for entry in [e for e in entries if e.id not in known][:MAX_NEW]:
        if not entry.url:  # nothing behind it: the feed's own text is the article
            yield entry.id, entry, url
            continue
        try:
            full = _page(entry.url, fetcher.get(entry.url))
        except FetchError as exc:
            cycle.failed.append(f"{entry.url}: {exc}")
            continue
        if isinstance(full, Article):  # the feed says who, when and in which language; the page gives the text
            full = dataclasses.replace(entry, text=full.text, title=entry.title or full.title,
                                       published=entry.published or full.published, source=entry.source or full.source)
        yield entry.id, full if full is not None else entry, url


def _page(url: str, body: bytes) -> Article | InputError | None:
    """The article of a fetched page, or the reason it has none (kept, so it is not fetched again)."""
    try:
        page = parse_html(decode(body, url), default_id=url)
    except ValueError as exc:
        return InputError(url, str(exc))
    return dataclasses.replace(page, id=url, url=url)


def parse_every(value: str) -> float:
    """``90``, ``30s``, ``10m``, ``1h`` → seconds."""
    units = {"s": 1, "m": 60, "h": 3600}
    text = value.strip().lower()
    try:
        seconds = float(text[:-1]) * units[text[-1]] if text and text[-1] in units else float(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a duration (90, 30s, 10m, 1h)") from None
    if seconds <= 0:
        raise ValueError(f"{value!r}: the interval must be positive")
    return seconds
