"""The page in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; no browser download).

A real server (uvicorn, in a thread, on a free port) serves a writable copy of the test store. The tests
fail, never skip, when Chromium is missing: ``scripts/test.sh`` installs it. They write the screenshots
in ``docs/``.
"""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from ..api.fixture_store import FOLLOW_UP, STORY_IDS, TOKEN, TRANSLATION, XSS_TEXT
from ..conftest import SPECIMEN
from .conftest import DOCS

pytestmark = pytest.mark.slow


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
    expect(page.locator("#events-table tbody tr:not([data-type=ASSAULT])")).to_have_count(0)  # the new page is in
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
    # a date known only to its year ("2011") is listed apart, never drawn as a bar on 1 January
    coarse = [r for r in page.request.get(page.url.split("#")[0] + "timeline").json() if r["period"] != "day"]
    assert any(r["period"] == "year" for r in coarse)
    items = page.locator("#timeline-coarse li")
    expect(items).to_have_count(len(coarse))
    year = next(r for r in coarse if r["period"] == "year")["day"][:4]
    expect(page.locator("#timeline-coarse")).to_contain_text(f"{year}:")
    tips = page.locator("#timeline-chart rect title").all_text_contents()
    assert not any(t.startswith(f"{year}-01-01:") for t in tips)
    page.screenshot(path=str(DOCS / "timeline.png"), full_page=True)
    page.goto("/#/network")
    expect(page.locator("#network-chart .node", has_text="Russia").first).to_be_attached()
    assert page.locator("#network-chart path.edge").count() >= 2
    page.screenshot(path=str(DOCS / "actor-network.png"), full_page=True)
    page.locator("#network-chart .node", has_text="Ukraine").first.click()
    expect(page.locator("#entity-name")).to_have_text("Ukraine")


def _post_follow_up(server: str) -> None:
    """A second outlet's report of the specimen's news: the specimen's story then holds two articles, its ASSAULT
    two reports, and two statements are repeated (stored once for the module; later posts are unchanged)."""
    r = httpx.post(f"{server}/articles", json=FOLLOW_UP, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
    assert r.status_code == 200 and FOLLOW_UP["id"] in r.json()["stored"] + r.json()["unchanged"], r.text


def test_stories_view_lists_stories_and_opens_one(page, server):
    _post_follow_up(server)
    page.goto("/#/stories")
    rows = page.locator("#stories-table tbody tr")
    expect(rows.first).to_be_visible()
    counts = rows.evaluate_all("rows => rows.map(r => Number(r.cells[2].textContent))")
    assert counts and all(n >= 2 for n in counts)  # stories told more than once, by default
    expect(page.locator("#stories-table tbody tr", has_text="Fillon")).to_contain_text("2017-01-26 → 2017-02-01")
    page.locator("#stories-table a", has_text="Fillon").click()
    expect(page.locator("#story-title")).to_contain_text("François Fillon")
    order = page.locator("#story-articles tbody tr").evaluate_all("rows => rows.map(r => r.dataset.article)")
    assert order == list(STORY_IDS)
    page.go_back()
    page.locator("#stories-table a", has_text="missiles nord-coréens").click()
    expect(page.locator("#story-articles tbody tr")).to_have_count(2)
    expect(page.locator("#story-articles tbody tr").nth(1)).to_contain_text(FOLLOW_UP["title"])
    assault = page.locator("#story-events tr.merged[data-type=ASSAULT]")
    expect(assault).to_contain_text("Russia")
    expect(assault.locator("td.articles")).to_have_text(re.compile(r"^[2-9]$"))  # articles (the XSS test's adds one)
    # the two counts, each with its members
    expect(assault.locator("td.reports li", has_text="Exemple Presse")).to_have_count(1)
    expect(assault.locator("td.sources li").first).to_be_visible()
    for count in ("reports", "sources"):
        n = int(assault.locator(f"td.{count} b.n").inner_text())
        expect(assault.locator(f"td.{count} li")).to_have_count(n)
    expect(assault).to_contain_text("asserted")
    assault.locator("button.toggle").click()
    reports = page.locator("#story-events tr.reports-row tr.report")
    expect(reports.nth(1)).to_be_visible()
    told = reports.evaluate_all("rows => rows.map(r => r.dataset.article)")
    assert [a for a in told if a in ("seed-fr-001", FOLLOW_UP["id"])] == ["seed-fr-001", FOLLOW_UP["id"]]
    expect(reports.first.locator("b.trig-word")).to_have_text("lancé")
    expect(reports.nth(1)).to_contain_text("Exemple Presse")
    kirby = page.locator("#story-claims tr.merged-claim", has_text="John Kirby")
    expect(kirby).to_contain_text("Pyongyang")
    kirby.locator("button.toggle").click()
    expect(page.locator("#story-claims tr.reports-row tr.report")).to_have_count(2)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(DOCS / "stories-view.png"), full_page=True)
    reports.first.locator("a").click()
    expect(page.locator("#article-text .ev-key", has_text="lancé")).to_be_visible()


def test_pair_timeline_shows_merged_events_between_two_actors(page, server):
    _post_follow_up(server)
    page.goto("/#/pair")
    page.fill("#pair-first", "RUS")
    page.fill("#pair-second", "UKR")
    page.click("#pair-button")
    expect(page).to_have_url(re.compile(r"first=RUS&second=UKR"))
    rows = page.locator("#pair-events tr.merged")
    expect(rows.first).to_be_visible()
    dyads = rows.evaluate_all("rows => rows.map(r => r.querySelector('.dyad').textContent)")
    assert dyads and all("RUS" in d and "UKR" in d for d in dyads)
    expect(page.locator("#pair-chart circle.dot")).to_have_count(rows.count())
    # North Korea and Russia, both ways: three events, the aid told by two outlets
    page.fill("#pair-first", "PRK")
    page.fill("#pair-second", "RUS")
    page.click("#pair-button")
    expect(page.locator("#pair-title")).to_have_text("PRK ↔ RUS")
    days = page.locator("#pair-events tr.merged").evaluate_all("rows => rows.map(r => r.cells[0].textContent)")
    assert len(days) >= 3 and days == sorted(days)
    aid = page.locator("#pair-events tr.merged[data-type=AID]").first
    # told by two articles, each its outlet's own report
    expect(aid.locator("td.articles")).to_have_text("2")
    expect(aid.locator("td.reports b.n")).to_have_text("2")
    expect(aid.locator("td.reports li", has_text="Exemple Presse")).to_have_count(1)
    sources = aid.locator("td.sources li").all_inner_texts()
    assert sources and len(sources) == int(aid.locator("td.sources b.n").inner_text())  # one member per source
    page.locator("#pair-chart circle.dot").filter(has_text="AID").first.click()  # a dot opens its row
    expect(aid.locator("button.toggle")).to_have_attribute("aria-expanded", "true")
    reports = page.locator("#pair-events tr.reports-row tr.report")
    expect(reports.first).to_be_visible()
    outlets = reports.evaluate_all("rows => rows.map(r => r.cells[2].textContent)")
    origins = reports.evaluate_all("rows => rows.map(r => r.cells[3].textContent)")
    assert "Exemple Presse" in outlets and set(origins) >= {"#1", "#2"}  # two independent reports
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(DOCS / "pair-timeline.png"), full_page=True)


def test_a_translation_is_shown_derived_from_its_origin(page, server):
    """After the tests that count the specimen's story: its English translation joins the story and the page
    says what it derives from, and how (the aligned sentences are in the store)."""
    r = httpx.post(f"{server}/articles", json=TRANSLATION, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
    assert r.status_code == 200, r.text
    page.goto("/#/stories")
    page.locator("#stories-table a", has_text="missiles nord-coréens").click()
    row = page.locator('#story-articles tr[data-article="translation-001"]')
    expect(row.locator(".derived")).to_have_text("derived from seed-fr-001 (translation)")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(DOCS / "story-derived.png"), full_page=False)


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

