"""RSS, Atom and WARC inputs: real article texts as feed items and crawl records."""

from __future__ import annotations

import html
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from veille.errors import InputError
from veille.ingest import read_inputs
from veille.ingest.reader import form_of

from ..conftest import SHARED

CORPUS = SHARED / "corpus"


def _rows(name: str, n: int) -> list[dict]:
    with (CORPUS / name).open(encoding="utf-8") as fh:
        return [json.loads(next(fh)) for _ in range(n)]


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def test_rss_items_become_articles_with_their_metadata(tmp_path):
    rows = _rows("wikinews-fr.jsonl", 2)
    items = "".join(f"""<item><title>{html.escape(r['title'])}</title><link>{html.escape(r['url'])}</link>
        <guid>{html.escape(r['id'])}</guid><pubDate>Mon, 07 Jan 2019 10:00:00 +0000</pubDate>
        <description>{html.escape(_paragraphs(r['text']))}</description></item>""" for r in rows)
    feed = tmp_path / "news.rss"
    feed.write_text(f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wikinews FR</title>
        <link>https://fr.wikinews.org</link><language>fr</language><description>x</description>{items}</channel></rss>""",
                    encoding="utf-8")
    arts = list(read_inputs([str(feed)]))
    assert [a.id for a in arts] == [r["id"] for r in rows]
    first = arts[0]
    assert (first.title, first.url, first.source, first.lang) == (rows[0]["title"], rows[0]["url"], "Wikinews FR", "fr")
    assert first.published.isoformat() == "2019-01-07"
    last_paragraph = rows[0]["text"].strip().split("\n\n")[-1].strip()
    assert last_paragraph in first.text and "<p>" not in first.text


def test_atom_entries_read_from_content_and_xml_suffix_is_sniffed(tmp_path):
    (row,) = _rows("wikinews-en.jsonl", 1)
    feed = tmp_path / "feed.xml"
    feed.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Wikinews EN</title><id>urn:wn</id><updated>2019-01-23T00:00:00Z</updated>
        <entry><title>{html.escape(row['title'])}</title><id>{html.escape(row['id'])}</id>
        <link href="{html.escape(row['url'])}"/><updated>2019-01-23T12:00:00Z</updated>
        <content type="html">{html.escape(_paragraphs(row['text']))}</content></entry>
        <entry><title>Empty</title><id>urn:empty</id><updated>2019-01-23T12:00:00Z</updated></entry></feed>""",
                    encoding="utf-8")
    art, bad = list(read_inputs([str(feed)]))
    assert (art.id, art.title, art.url, art.source) == (row["id"], row["title"], row["url"], "Wikinews EN")
    assert art.published.isoformat() == "2019-01-23" and "Steffen Seibert" in art.text
    assert isinstance(bad, InputError) and bad.item == f"{feed}#2" and "no content" in bad.reason


def test_warc_html_response_records_become_articles(tmp_path):
    (row,) = _rows("wikinews-en.jsonl", 1)
    page = (f"<html><head><title>{html.escape(row['title'])}</title></head><body><nav>Log in | Donate</nav>"
            f"<article><h1>{html.escape(row['title'])}</h1>{_paragraphs(row['text'])}</article></body></html>")
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, ctype, body in ((row["url"], "text/html; charset=utf-8", page.encode("utf-8")),
                                 ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    assert form_of(path) == "warc"
    (art,) = list(read_inputs([str(path)]))
    assert (art.id, art.url) == (row["url"], row["url"])
    assert "Steffen Seibert" in art.text and "Donate" not in art.text


def test_wet_conversion_records_and_globs(tmp_path):
    rows = _rows("wikinews-fr.jsonl", 2)
    path = tmp_path / "crawl.wet"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for r in rows:
            rec = writer.create_warc_record(r["url"], "conversion", payload=io.BytesIO(r["text"].encode("utf-8")),
                                            warc_headers_dict={"Content-Type": "text/plain",
                                                               "WARC-Identified-Content-Language": "fra"})
            writer.write_record(rec)
    arts = list(read_inputs([str(tmp_path / "*.w?t")]))
    assert [(a.id, a.lang, a.text) for a in arts] == [(r["url"], "fr", r["text"]) for r in rows]
    (missing,) = list(read_inputs([str(tmp_path / "nothing-*.jsonl")]))
    assert isinstance(missing, InputError) and "no file matches" in missing.reason
