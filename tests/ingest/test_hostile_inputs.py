"""Inputs that once crashed a batch or garbled an article (issue 13): each is read, analysed or refused
with one line, and the good items around it are kept."""

from __future__ import annotations

import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from veille.errors import InputError
from veille.ingest import ReadOptions, read_inputs
from veille.model import Article

from ..conftest import SHARED, run_cli

GOOD = {"id": "good", "text": "La Russie a attaqué l'Ukraine lundi, selon Kiev.\n", "published": "2024-01-08"}
SHORT_EN = ("Macron meets Scholz in Berlin\nFrench President Emmanuel Macron met German Chancellor Olaf Scholz "
            "in Berlin on Wednesday.\n")


def _analyses(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_a_lone_surrogate_is_replaced_and_the_batch_goes_on(tmp_path):
    """JSON allows "\\ud800", UTF-8 cannot carry it: it becomes U+FFFD, one for one, so offsets hold."""
    path = tmp_path / "surrogate.jsonl"
    bad = {"id": "sur\ud800", "text": "Le Royaume-Uni a critiqué la Russie mardi \ud800 à Londres.", "title": "T\udfff"}
    path.write_text(json.dumps(bad) + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8")  # ensure_ascii: \ud800 escapes
    result = run_cli("analyze", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    first, second = _analyses(result.stdout)
    assert first["article"]["text"] == bad["text"].replace("\ud800", "\ufffd")
    assert first["article"]["id"] == "sur\ufffd" and first["article"]["title"] == "T\ufffd"
    assert any(e["canonical"] == "Russia" for e in first["entities"])
    assert second["article"]["id"] == "good"
    db = tmp_path / "s.duckdb"
    stored = run_cli("ingest", str(path), "--db", str(db), "--workers", "1", "--no-progress", "--no-stories")
    assert stored.exit_code == 0, stored.stderr
    assert stored.stdout.startswith("read 2, analysed 2, duplicates 0, failed 0")


def test_short_english_is_english_and_other_languages_get_a_clear_verdict(tmp_path):
    result = run_cli("analyze", "-", input=SHORT_EN)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["article"]["lang"] == "en"
    german = run_cli("analyze", "-", input="Der Bundeskanzler traf heute den französischen Präsidenten in Berlin.\n")
    assert german.exit_code == 1
    assert german.stderr.count("\n") == 1 and "not French or English" in german.stderr and "'de'" in german.stderr


def test_feed_items_are_short_and_lang_fills_what_the_feed_does_not_say(tmp_path):
    items = [("a1", "Macron meets Scholz in Berlin",
              "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Wednesday."),
             ("a2", "Kyiv", "Zelensky, Biden: Kyiv talks.")]
    body = "".join(f"<item><guid>{i}</guid><title>{t}</title><description>{d}</description></item>" for i, t, d in items)
    feed = tmp_path / "short.rss"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>',
                    encoding="utf-8")
    detected = run_cli("analyze", str(feed), "--format", "jsonl")
    assert _analyses(detected.stdout)[0]["article"]["lang"] == "en", detected.stderr
    told = run_cli("analyze", str(feed), "--format", "jsonl", "--lang", "en")
    assert told.exit_code == 0, told.stderr
    assert [a["article"]["lang"] for a in _analyses(told.stdout)] == ["en", "en"]


def test_one_stray_byte_keeps_the_utf8_text_and_replaces_only_that_byte(tmp_path):
    text = (SHARED / "corpus" / "seed-fr-001.txt").read_text(encoding="utf-8")
    raw = text.encode("utf-8")
    cut = raw.index(b"Kirby")
    path = tmp_path / "stray.txt"
    path.write_bytes(raw[:cut] + b"\xff" + raw[cut:])
    (art,) = list(read_inputs([str(path)]))
    assert isinstance(art, Article)
    assert art.text == text[:len(raw[:cut].decode("utf-8"))] + "\ufffd" + text[len(raw[:cut].decode("utf-8")):]
    assert "Corée du Nord" in art.text  # accents not garbled


def test_utf16_with_a_bom_is_text_and_a_nul_anywhere_is_binary(tmp_path):
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Le Royaume-Uni critique Poutine\nLa Russie a attaqué l'Ukraine.\n".encode("utf-16"))
    (art,) = list(read_inputs([str(utf16)]))
    assert isinstance(art, Article) and art.title == "Le Royaume-Uni critique Poutine"
    late_nul = tmp_path / "late-nul.txt"
    late_nul.write_bytes(b"Titre\n" + b"La Russie a attaque l'Ukraine. " * 400 + b"\x00\x01\x02binary tail")
    (bad,) = list(read_inputs([str(late_nul)]))
    assert isinstance(bad, InputError) and "binary" in bad.reason


def test_an_id_that_is_not_a_string_is_refused_not_stringified(tmp_path):
    path = tmp_path / "ids.jsonl"
    rows = [{**GOOD, "id": ["a", "b"]}, {**GOOD, "id": {"x": 1}}, {**GOOD, "id": 42}, GOOD]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "Article", "Article"]
    assert "'id'" in items[0].reason and items[2].id == "42"


def _warc(path, records: list[tuple[str, str]]) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for uri, text in records:
            rec = writer.create_warc_record(uri, "conversion", payload=io.BytesIO(text.encode("utf-8")),
                                            warc_headers_dict={"Content-Type": "text/plain"})
            writer.write_record(rec)


def test_a_truncated_warc_record_is_reported_not_stored_as_whole(tmp_path):
    rows = [json.loads(line) for line in (SHARED / "corpus" / "wikinews-fr.jsonl").open(encoding="utf-8")][:2]
    path = tmp_path / "crawl.wet"
    _warc(path, [(r["url"], r["text"]) for r in rows])
    data = path.read_bytes()
    path.write_bytes(data[:len(data) - len(rows[1]["text"].encode("utf-8")) // 2])  # half the last record is gone
    items = list(read_inputs([str(path)], ReadOptions()))
    assert isinstance(items[0], Article) and items[0].text == rows[0]["text"]
    assert len(items) == 2 and isinstance(items[1], InputError), items
    assert "truncated" in items[1].reason and rows[1]["url"] in items[1].item


def test_a_warc_record_whose_bytes_changed_fails_its_digest(tmp_path):
    rows = [json.loads(line) for line in (SHARED / "corpus" / "wikinews-fr.jsonl").open(encoding="utf-8")][:2]
    path = tmp_path / "crawl.wet"
    _warc(path, [(r["url"], r["text"]) for r in rows])
    data = path.read_bytes()
    at = data.rindex(rows[1]["text"][:40].encode("utf-8"))
    path.write_bytes(data[:at] + (b"X" if data[at:at + 1] != b"X" else b"Y") + data[at + 1:])  # same length
    first, second = list(read_inputs([str(path)]))
    assert isinstance(first, Article) and isinstance(second, InputError) and "digest" in second.reason
