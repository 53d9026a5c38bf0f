"""Reading every input form, and bad input reported item by item without losing the good ones."""

from __future__ import annotations

import json

from veille.errors import InputError
from veille.ingest import ReadOptions, read_inputs
from veille.model import Article

from ..conftest import SHARED, SPECIMEN, TESTS, run_cli

HTML_PAGE = TESTS / "data" / "wikinews-en-2019-015.html"


def _read(*paths: str, **opts) -> list:
    return list(read_inputs(list(paths), ReadOptions(**opts)))


def test_txt_first_line_is_headline_and_text_is_kept_whole():
    (art,) = _read(str(SPECIMEN))
    assert art.title == "Le Royaume-Uni critique Poutine pour l’utilisation de missiles nord-coréens en Ukraine"
    assert art.text == SPECIMEN.read_text(encoding="utf-8")  # offsets point into the file as read
    assert art.id == "seed-fr-001"


def test_html_boilerplate_removed_metadata_kept():
    (art,) = _read(str(HTML_PAGE))
    assert art.title == "Germany bans Mahan Air of Iran, citing 'security'"
    assert art.published.isoformat() == "2019-01-23"
    assert art.url == "https://en.wikinews.org/wiki/Germany_bans_Mahan_Air_of_Iran,_citing_%27security%27"
    assert "Steffen Seibert" in art.text
    for boilerplate in ("Log in", "Weather today", "Privacy policy", "analytics"):
        assert boilerplate not in art.text


def test_jsonl_articles_keep_their_fields():
    arts = _read(str(SHARED / "corpus" / "wikinews-fr.jsonl"))
    assert len(arts) == 39 and all(isinstance(a, Article) for a in arts)
    first = json.loads((SHARED / "corpus" / "wikinews-fr.jsonl").open(encoding="utf-8").readline())
    assert (arts[0].id, arts[0].text, arts[0].published.isoformat()) == (first["id"], first["text"], first["published"])


def test_command_line_fills_what_the_file_cannot_say():
    (art,) = _read(str(SPECIMEN), published=__import__("datetime").date(2024, 1, 5), lang="fr", id="x1")
    assert (art.id, art.lang, art.published.isoformat()) == ("x1", "fr", "2024-01-05")


def test_stdin_text_json_and_html():
    text = SPECIMEN.read_text(encoding="utf-8")
    r = run_cli("analyze", "-", "--published", "2024-01-05", input=text.encode("utf-8"))
    assert r.exit_code == 0 and json.loads(r.stdout)["article"]["title"].startswith("Le Royaume-Uni")
    r = run_cli("analyze", "-", input=json.dumps({"id": "a1", "text": text, "published": "2024-01-05"}))
    assert json.loads(r.stdout)["article"]["id"] == "a1"
    r = run_cli("analyze", "-", input=HTML_PAGE.read_bytes())
    assert json.loads(r.stdout)["article"]["lang"] == "en"


def test_latin1_file_is_decoded(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(SPECIMEN.read_text(encoding="utf-8").replace("’", "'").encode("latin-1", errors="replace"))
    (art,) = _read(str(path))
    assert "Grande-Bretagne a accusé la Russie" in art.text


def test_bad_inputs_each_get_one_line_and_the_good_ones_are_still_analysed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    german = tmp_path / "de.txt"
    german.write_text("Bundestag beschließt Haushalt\nDer Deutsche Bundestag hat am Donnerstag den Haushalt für das "
                      "kommende Jahr mit großer Mehrheit beschlossen, teilte die Regierung in Berlin mit.", encoding="utf-8")
    mixed = tmp_path / "batch.jsonl"
    good = json.loads((SHARED / "corpus" / "wikinews-en.jsonl").open(encoding="utf-8").readline())
    mixed.write_text(json.dumps(good) + "\n{not json at all\n" + json.dumps({"id": "no-text"}) + "\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"

    r = run_cli("analyze", str(empty), str(binary), str(missing), str(german), str(mixed), str(SPECIMEN), "--format", "jsonl")

    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    errors = [line for line in lines if not line.startswith("veille: warning")]  # the specimen has no date: warned
    assert len(errors) == 6 and len(lines) == 7, lines
    expect = [(str(empty), "empty"), (str(binary), "binary"), (str(missing), "no such file"),
              ("de", "unsupported language 'de'"), (f"{mixed}:2", "not JSON"), (f"{mixed}:3", "no 'text'")]
    for line, (item, reason) in zip(errors, expect):
        assert line.startswith("veille: error: ") and item in line and reason in line, line
    ids = [json.loads(line)["article"]["id"] for line in r.stdout.splitlines()]
    assert ids == [good["id"], "seed-fr-001"]


def test_reader_never_raises_on_a_directory_of_mixed_files(tmp_path):
    (tmp_path / "a.txt").write_text("Titre\nLa France et l'Allemagne ont signé un accord à Paris.", encoding="utf-8")
    (tmp_path / "b.json").write_text("[1, 2", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not an article suffix: not read
    items = _read(str(tmp_path))
    assert [type(i) for i in items] == [Article, InputError]
