"""Issue 16 in the browser: the quotes view, the correction loop (correct in the page, see it corrected, find it in
the exported gold), readable dates, CSV downloads and the network at 100+ actors."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from playwright.sync_api import expect

from ..api.fixture_store import TOKEN
from ..conftest import run_cli
from .conftest import DOCS, new_page, serving

pytestmark = pytest.mark.slow
SEED = "seed-fr-001"


def test_quotes_view_speakers_genders_filters_and_evidence(page):
    page.goto("/#/quotes")
    kirby = page.locator("#speakers-table tbody tr", has_text="John Kirby")
    expect(kirby.locator("td.gender")).to_contain_text("male")
    expect(kirby.locator("td.gender")).to_contain_text("first name 'john'")  # the source is stated
    expect(page.locator("#speakers-table tbody tr", has_text="Kim Jong Un").locator("td.gender")).to_contain_text("unknown")
    expect(page.locator("#speakers-table tbody tr", has_text="Kim Jong Un")).to_contain_text("Workers' Party of Korea")
    for gender in ("female", "male", "unknown", "not a person"):  # every value, unknown included, has its count
        expect(page.locator(f'#gender-cards [data-gender="{gender}"] b')).to_have_text(re.compile(r"^\d+$"))
    # filter by outlet
    page.select_option("#quote-filters select[name=outlet]", "Wikinews (CC BY 2.5)")
    page.click("#quote-filters button[type=submit]")
    expect(page).to_have_url(re.compile(r"outlet=Wikinews"))
    outlets = page.locator("#quotes-table tbody tr td:nth-child(2)")
    expect(outlets.first).to_have_text("Wikinews (CC BY 2.5)")
    assert set(outlets.all_inner_texts()) == {"Wikinews (CC BY 2.5)"}
    # one speaker's quotes over a period, and the evidence: the article with the quote highlighted
    page.goto("/#/quotes?since=2024-01-01&until=2024-01-31")
    page.locator("#speakers-table a", has_text="John Kirby").click()
    expect(page.locator("#quotes-title")).to_contain_text("Quotes of John Kirby")
    rows = page.locator("#quotes-table tbody tr")
    expect(rows.first).to_be_visible()
    assert set(page.locator("#quotes-table tbody tr td:nth-child(3)").all_inner_texts()) == {"John Kirby"}
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(DOCS / "quotes-view.png"), full_page=True)
    claim = rows.first.get_attribute("data-claim")
    rows.first.locator("td.evidence a").click()
    expect(page.locator(f'.claim-item[data-item="{claim}"]')).to_have_class(re.compile(r"\bselected\b"))
    expect(page.locator("#article-text .quote.ev-span").first).to_be_visible()


def test_every_table_downloads_as_csv_with_formulas_defused(page):
    page.goto("/#/events?sort=score&order=asc")
    expect(page.locator("#events-table tbody tr").first).to_be_visible()
    with page.expect_download() as dl:
        page.click('button.csv[data-csv-for="events-table"]')
    text = open(dl.value.path(), encoding="utf-8-sig").read()
    lines = text.splitlines()
    assert lines[0].startswith("date,type,actor,recipient,factuality")
    assert len(lines) == page.locator("#events-table tbody tr").count() + 1
    # a negative PLOVER score would be a formula in a spreadsheet: it is written '-2.0
    assert re.search(r",'-\d", lines[1]), lines[1]
    assert page.evaluate("csvCell('=HYPERLINK(\"x\")')") == "\"'=HYPERLINK(\"\"x\"\")\""
    assert page.evaluate("csvCell('@SUM(A1), +1')") == "\"'@SUM(A1), +1\""
    for view, table in (("quotes", "speakers-table"), ("stories", "stories-table"), ("", "articles-table")):
        page.goto(f"/#/{view}")
        expect(page.locator(f'button.csv[data-csv-for="{table}"]')).to_be_visible()


def test_dates_are_shown_readably(page):
    page.goto(f"/#/article/{SEED}")
    dates = page.locator("#time-list li")
    expect(dates.filter(has_text="printemps")).to_contain_text("spring 2024")
    expect(dates.filter(has_text="printemps").locator(".timeml")).to_have_attribute("title", "TimeML 2024-SP")
    readable = page.evaluate("['2018-W11', '2011', '2024-03', '2024-01-04TEV', 'PAST_REF'].map(readableTime)")
    assert readable == ["week 11 of 2018", "2011", "March 2024", "2024-01-04 evening", "in the past"]


def test_network_stays_readable_at_160_actors(page):
    """The page draws what /network answers: here 160 actors in 200 dyads (the test store has a dozen)."""
    dyads = [{"actor": f"Actor {i % 160}", "actor_country": None, "actor_key": None,
              "recipient": f"Actor {(i % 160 + 1 + i // 160 * 40) % 160}", "recipient_country": None, "recipient_key": None,
              "events": 1 + (i % 9), "mean_score": (-1) ** i * 2.0, "conflict": 1, "cooperation": 0} for i in range(200)]
    page.route(re.compile(r".*/network\?.*"), lambda route: route.fulfill(json=dyads))
    page.goto("/#/network")
    svg = page.locator("#network-chart")
    expect(svg.locator("g.node")).to_have_count(160)
    minor_label = svg.locator("g.node.minor text").first
    expect(minor_label).to_be_hidden()  # the 135 smaller actors' names wait for a zoom
    box = svg.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(6):
        page.mouse.wheel(0, -300)
    expect(svg).to_have_class(re.compile(r"\bzoomed\b"))
    expect(minor_label).to_be_visible()
    assert float(svg.get_attribute("data-scale")) > 1.8
    page.click("#network-reset")
    expect(svg).not_to_have_class(re.compile(r"\bzoomed\b"))
    page.locator("#network-min").fill("8")  # only the dyads of 8 events or more
    expect(page.locator("#network-shown")).to_contain_text("dyads shown")
    visible = svg.locator("path.edge:not(.hidden)").evaluate_all("es => es.map(e => Number(e.dataset.events))")
    assert visible and min(visible) >= 8 and len(visible) == sum(1 for d in dyads if d["events"] >= 8)
    page.screenshot(path=str(DOCS / "network-160.png"), full_page=False)


def test_correct_an_article_in_the_page_and_find_it_in_the_exported_gold(browser, web_store, tmp_path):
    db = tmp_path / "correct.duckdb"
    shutil.copy(web_store, db)
    with serving(db) as url, new_page(browser, url) as page:
        page.goto(f"/#/article/{SEED}")
        page.click("#correct-toggle")
        page.fill("#corr-author", "Ana Lyste")
        page.fill("#corr-token", TOKEN)
        accuse = page.locator('.event-item[data-item="v1"]')
        expect(accuse).to_contain_text("ACCUSE")
        # delete the ACCUSE event, with a note
        accuse.locator(".delete-item").click()
        accuse.locator("form.correct input[name=note]").fill("<b>not</b> what the text says")
        accuse.locator("form.correct .save").click()
        expect(page.locator('.event-item[data-item="v1"]')).to_have_class(re.compile(r"\bdeleted\b"))
        expect(page.locator('.event-item[data-item="v1"] .correction')).to_contain_text("by Ana Lyste")
        expect(page.locator('.event-item[data-item="v1"] .note')).to_contain_text("<b>not</b> what the text says")
        assert page.locator(".event-item .note b").count() == 0  # the note is text, never HTML
        # fix the AID event: hypothetical, not asserted
        aid = page.locator('.event-item[data-item="v2"]')
        expect(aid).to_contain_text("AID")
        aid.locator(".fix-item").click()
        aid.locator("form.correct select[name=factuality]").select_option("hypothetical")
        aid.locator("form.correct .save").click()
        diff = page.locator('.event-item[data-item="v2"] .correction .diff')
        expect(diff.locator("del")).to_have_text("asserted")
        expect(diff.locator("ins")).to_have_text("hypothetical")
        # add a claim the engine missed, said by John Kirby
        page.click('button.add-item[data-add="claim"]')
        form = page.locator('form.correct[data-action="add"]')
        form.locator("input[name=content]").fill("de son désespoir")
        kirby_id = form.locator("select[name=speaker] option", has_text="John Kirby").first.get_attribute("value")
        form.locator("select[name=speaker]").select_option(kirby_id)
        form.locator(".save").click()
        added = page.locator(".claim-item.added")
        expect(added).to_contain_text("John Kirby")
        expect(added).to_contain_text("de son désespoir")
        expect(page.locator("#corrections-count")).to_contain_text("3 corrections")
        # a wrong one is refused with its reason, nothing stored
        kirby = page.locator(".entity-item", has_text="John Kirby").first
        kirby.locator(".fix-item").click()
        kirby.locator("form.correct input[name=country]").fill("XX1")
        kirby.locator("form.correct .save").click()
        expect(kirby.locator(".error")).to_contain_text("422")
        kirby.locator("form.correct button", has_text="cancel").click()
        accuse.scroll_into_view_if_needed()
        page.evaluate("window.scrollTo(0, 0)")
        page.locator(".side").evaluate("el => el.scrollTo(0, 0)")
        page.screenshot(path=str(DOCS / "correction.png"), full_page=False)
    out = tmp_path / "gold"
    result = run_cli("export", "--format", "gold", "--db", str(db), "--out", str(out))
    assert result.exit_code == 0 and f"{SEED}.gold.json\t3 corrections" in result.stdout, result.output
    gold = json.loads((out / f"{SEED}.gold.json").read_text(encoding="utf-8"))
    tuples = [(v["type"][0], v["actor"], v["recipient"]) for v in gold["events"]]
    assert ("ACCUSE", "United Kingdom", "Russia") not in tuples
    assert next(v for v in gold["events"] if v["type"] == ["AID"] and v["actor"] == "North Korea")["factuality"] == "hypothetical"
    assert {"speaker": ["John Kirby"], "content": "de son désespoir"}.items() <= {
        k: v for c in gold["claims"] if c["content"] == "de son désespoir" for k, v in c.items()}.items()
