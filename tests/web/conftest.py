"""The browser tests' fixtures: a real server (uvicorn, in a thread, on a free port) over a writable copy of the
test store, and Debian's Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import sync_playwright

from veille.api import create_app

from ..api.fixture_store import TOKEN, build_store

CHROMIUM = "/usr/bin/chromium"
DOCS = Path(__file__).resolve().parents[2] / "docs"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def web_store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web-store"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """``veille serve``'s application over ``db`` (writable: the token), until the block ends and it lets go."""
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db, token=TOKEN), host="127.0.0.1", port=port,
                                        log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(web_store, tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "browser.duckdb"
    shutil.copy(web_store, db)
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        # a fresh profile: launch_persistent_context takes --user-data-dir; a plain launch makes a temporary one
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, env={"HOME": str(profile)})
        yield b
        b.close()


@contextmanager
def new_page(browser, server: str):
    """A page of its own on ``server``; fails on a script error or a request outside the server (a download's
    ``blob:`` address is the page's own)."""
    context = browser.new_context(viewport={"width": 1400, "height": 950}, base_url=server, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    errors: list[str] = []
    outside: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("request", lambda req: None if req.url.startswith((server, "blob:")) else outside.append(req.url))
    yield pg
    context.close()
    assert not errors, errors
    assert not outside, f"the page asked the network: {outside}"


@pytest.fixture()
def page(browser, server):
    with new_page(browser, server) as pg:
        yield pg
