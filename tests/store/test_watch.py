"""``veille watch`` against a local HTTP server (issue 16): a feed publishes two items, then two more; each item's
page is fetched once and stored once, while a real ``veille serve`` on the same store answers throughout."""

from __future__ import annotations

import html
import json
import os
import signal
import subprocess
import threading
import time
from collections import Counter
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import datetime as dt
import pytest

from veille.store.duckdb import Store

from ..conftest import SHARED, run_cli
from .test_hardening import VEILLE, _free_port, _get, _wait_for


class Site:
    """What the local server publishes (a feed and pages), and how often each path was asked for."""

    def __init__(self) -> None:
        self.items: list[dict] = []
        self.pages: dict[str, bytes] = {}
        self.hits: Counter[str] = Counter()

    def publish(self, article: dict, n: int) -> None:
        path = f"/news/{n}.html"
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article["text"].split("\n")[1:] if p.strip())
        self.pages[path] = (f"<html><head><title>{html.escape(article['title'])}</title></head><body>"
                            f"<nav>Home | World | Sport</nav><article><h1>{html.escape(article['title'])}</h1>"
                            f"{paragraphs}</article><footer>© Local News</footer></body></html>").encode()
        self.items.append({"guid": f"local-news-{n}", "path": path, "title": article["title"],
                           "summary": "" if n % 2 else article["text"].split("\n")[2][:80]})  # some feeds give none

    def feed(self, base: str) -> bytes:
        date = format_datetime(dt.datetime(2024, 1, 5, 12, tzinfo=dt.timezone.utc))
        items = "".join(f"<item><title>{html.escape(i['title'])}</title><link>{base}{i['path']}</link>"
                        f"<guid>{i['guid']}</guid><pubDate>{date}</pubDate>"
                        f"<description>{html.escape(i['summary'])}</description></item>" for i in self.items)
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local News</title><language>en</language>'
                f"<link>{base}/</link>{items}</channel></rss>").encode()


@pytest.fixture
def site():
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the library's name)
            state.hits[self.path] += 1
            host = f"http://{self.headers['Host']}"
            body = state.feed(host) if self.path == "/feed.xml" else state.pages.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "application/rss+xml" if self.path == "/feed.xml" else "text/html")
            self.end_headers()
            self.wfile.write(body or b"not found")

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
    yield state
    server.shutdown()


@pytest.mark.slow
def test_watch_stores_each_new_item_once_while_a_server_answers(site, tmp_path):
    rows = [json.loads(line) for line in (SHARED / "corpus" / "wikinews-en.jsonl").open(encoding="utf-8")][10:14]
    for n, row in enumerate(rows[:2], 1):
        site.publish(row, n)
    db = tmp_path / "watch.duckdb"
    Store(db).close()  # an empty store, so the server can start before the first cycle
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "VEILLE_TOKEN"}
    server = subprocess.Popen([*VEILLE, "serve", "--db", str(db), "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stats = f"http://127.0.0.1:{port}/stats"
    answers: list[int] = []
    polling = threading.Event()

    def poll() -> None:
        while not polling.is_set():
            answers.append(_get(stats)[0])
            time.sleep(0.2)

    try:
        _wait_for(stats)
        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        feed = f"{site.base}/feed.xml"
        sources = tmp_path / "sources.txt"
        sources.write_text(f"# my feeds\n{feed}\n{site.base}/gone.html\n", encoding="utf-8")

        first = run_cli("watch", str(sources), "--db", str(db), "--once")  # round 1, in this process
        assert first.exit_code == 0, first.stderr
        cycle_lines = [line for line in first.stderr.splitlines() if line.startswith("veille watch: cycle 1")]
        assert len(cycle_lines) == 1 and "2 new items fetched, 1 fetch failures" in cycle_lines[0]
        assert f"{site.base}/gone.html: HTTP 404" in first.stderr  # one line, and the cycle went on
        assert _get(stats)[1]["counts"]["articles"] == 2

        for n, row in enumerate(rows[2:], 3):  # round 2: the feed grows; a looping watch in its own process
            site.publish(row, n)
        looping = subprocess.Popen([*VEILLE, "watch", feed, "--db", str(db), "--every", "1s"], env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and _get(stats)[1].get("counts", {}).get("articles") != 4:
            time.sleep(0.5)
        time.sleep(2.5)  # a cycle or two more, with nothing new
        looping.send_signal(signal.SIGINT)  # Ctrl-C
        _, err = looping.communicate(timeout=120)
        assert looping.returncode == 0 and "Traceback" not in err, err
        assert "veille watch: stopped after" in err and "veille watch: cycle 2" in err

        again = run_cli("watch", feed, "--db", str(db), "--once")  # round 3: nothing new
        assert "0 new items fetched" in again.stderr, again.stderr
        polling.set()
        poller.join(timeout=30)
    finally:
        polling.set()
        server.terminate()
        server.wait(timeout=30)

    assert len(answers) >= 10 and all(status == 200 for status in answers), Counter(answers)
    assert all(site.hits[i["path"]] == 1 for i in site.items), site.hits  # each page fetched once
    assert site.hits["/feed.xml"] >= 4
    con = Store(db).con
    try:
        stored = con.execute("SELECT id, title, text, source, published FROM articles ORDER BY id").fetchall()
        fetched = con.execute("SELECT count(*) FROM fetched").fetchone()[0]
    finally:
        con.close()
    assert [s[0] for s in stored] == [f"local-news-{n}" for n in range(1, 5)] and fetched == 4
    for (aid, title, text, source, published), row in zip(stored, rows):
        last = [p for p in row["text"].split("\n") if p.strip()][-1]
        assert title == row["title"] and source == "Local News" and published == dt.date(2024, 1, 5)
        assert last[:60] in text and "Home | World" not in text  # the full article, not the feed's summary
