"""The page in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; no browser download).

A real server (uvicorn, in a thread, on a free port) serves a writable copy of the test store. The tests
fail, never skip, when Chromium is missing: ``scripts/test.sh`` installs it. They write the screenshots
in ``docs/``.
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn
from playwright.sync_api import expect, sync_playwright

from veille.api import create_app

from ..api.fixture_store import TOKEN, XSS_TEXT
from ..conftest import SPECIMEN

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
DOCS = Path(__file__).resolve().parents[2] / "docs"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_store, tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "browser.duckdb"
    shutil.copy(web_store, db)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db, token=TOKEN), host="127.0.0.1", port=port,
                                        log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        # a fresh profile: launch_persistent_context takes --user-data-dir; a plain launch makes a temporary one
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, env={"HOME": str(profile)})
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 950}, base_url=server)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    errors: list[str] = []
    outside: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("request", lambda req: None if req.url.startswith(server) else outside.append(req.url))
    yield pg
    context.close()
    assert not errors, errors
    assert not outside, f"the page asked the network: {outside}"


def test_analyse_the_specimen_and_find_john_kirby_highlighted(page):
    page.goto("/#/analyze")
    page.fill("#analyze-text", SPECIMEN.read_text(encoding="utf-8"))
    page.fill("#analyze-published", "2024-01-05")
    page.click("#analyze-button")
    kirby = page.locator("#analysis-result .article-text .ent", has_text="John Kirby").first
    expect(kirby).to_be_visible(timeout=60_000)
    expect(kirby).to_have_class(re.compile(r"\bent-PERSON\b"))
    expect(page.locator("#analysis-result .article-text .time").first).to_be_visible()
    expect(page.locator("#analysis-result .article-text .quote").first).to_be_visible()
    # choosing an event highlights its evidence: the trigger, inside its sentence
    page.locator("#analysis-result .event-item", has_text="ASSAULT").first.click()
    expect(page.locator("#analysis-result .trig.ev-key", has_text="lancé")).to_have_count(1)
    assert page.locator("#analysis-result .ev-span").count() > 3


def test_article_view_legend_panel_and_evidence(page):
    page.goto("/#/article/seed-fr-001")
    expect(page.locator("#legend")).to_contain_text("event trigger")
    expect(page.locator("#article-text .ent", has_text="John Kirby").first).to_be_visible()
    claim = page.locator(".claim-item", has_text="John Kirby").first
    claim.click()
    expect(claim).to_have_class(re.compile(r"\bselected\b"))
    expect(page.locator("#article-text .ev-key", has_text="Kirby").first).to_be_visible()
    page.locator(".event-item", has_text="ASSAULT").first.click()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(DOCS / "article-view.png"), full_page=False)


def test_events_table_filter_to_assault_and_open_an_entity(page):
    page.goto("/#/events")
    expect(page.locator("#events-table tbody tr").first).to_be_visible()
    page.select_option("#event-filters select[name=type]", "ASSAULT")
    page.click("#event-filters button[type=submit]")
    expect(page).to_have_url(re.compile(r"type=ASSAULT"))
    rows = page.locator("#events-table tbody tr")
    expect(rows.first).to_be_visible()
    types = rows.evaluate_all("rows => rows.map(r => r.dataset.type)")
    assert types and set(types) == {"ASSAULT"}
    page.click("#events-table th[data-sort=confidence]")
    expect(page.locator("#events-table th[data-sort=confidence]")).to_contain_text("▲")
    page.screenshot(path=str(DOCS / "events-table.png"), full_page=True)
    page.locator("#events-table tbody a", has_text="Russia").first.click()
    expect(page.locator("#entity-name")).to_have_text("Russia")
    expect(page.locator("#events-as-actor tbody tr").first).to_be_visible()
    expect(page.locator("#mentions-chart rect").first).to_be_attached()


def test_timeline_and_actor_network(page):
    page.goto("/#/timeline")
    expect(page.locator("#timeline-chart .bar-conflict").first).to_be_attached()
    expect(page.locator("#timeline-chart .bar-coop").first).to_be_attached()
    page.screenshot(path=str(DOCS / "timeline.png"), full_page=True)
    page.goto("/#/network")
    expect(page.locator("#network-chart .node", has_text="Russia").first).to_be_attached()
    assert page.locator("#network-chart path.edge").count() >= 2
    page.screenshot(path=str(DOCS / "actor-network.png"), full_page=True)
    page.locator("#network-chart .node", has_text="Ukraine").first.click()
    expect(page.locator("#entity-name")).to_have_text("Ukraine")


def test_article_text_is_shown_as_text_never_run(page, server):
    r = httpx.post(f"{server}/articles", json={"id": "xss", "text": XSS_TEXT, "lang": "fr", "title": "<b>bold?</b>"},
                   headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
    assert r.status_code == 200, r.text
    page.goto("/#/article/xss")
    text = page.locator("#article-text")
    expect(text).to_contain_text("<script>window.__pwned = 1</script>")
    expect(text).to_contain_text('<img src=x onerror="window.__pwned = 2">')
    expect(page.locator("h1")).to_have_text("<b>bold?</b>")
    assert page.locator("#article-text script, #article-text img, h1 b").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_api_explorer_works_offline(page):
    page.goto("/docs")
    expect(page.locator(".swagger-ui .opblock", has_text="/events").first).to_be_visible()
