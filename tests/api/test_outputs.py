"""Outputs fit for tools (issue 16): one JSON document for several inputs, text without trailing blank lines, CSV
with lists as JSON and an optional byte-order mark, and an export that never writes into a folder by mistake."""

from __future__ import annotations

import csv
import json

from veille import contract

from ..conftest import SPECIMEN, run_cli


def test_json_of_several_inputs_is_one_document_and_text_ends_without_blank_lines(tmp_path):
    second = tmp_path / "copy.txt"
    second.write_text(SPECIMEN.read_text(encoding="utf-8"), encoding="utf-8")
    r = run_cli("analyze", str(SPECIMEN), str(second), "--published", "2024-01-05", "--format", "json")
    assert r.exit_code == 0, r.stderr
    analyses = json.loads(r.stdout)  # the whole output, at once
    assert isinstance(analyses, list) and len(analyses) == 2
    assert all(contract.errors(a) == [] for a in analyses)
    text = run_cli("analyze", str(SPECIMEN), str(second), "--published", "2024-01-05", "--format", "text").stdout
    assert text.endswith("'\n") and not text.endswith("\n\n")
    assert text.count("\n\nseed-fr-001  [fr]") + text.count("\n\ncopy  [fr]") == 1  # one blank line between reports


def test_csv_lists_are_json_and_the_bom_is_there_when_asked(web_store, tmp_path):
    out = tmp_path / "csv"
    assert run_cli("export", "--db", str(web_store), "--format", "csv", "--out", str(out), "--bom").exit_code == 0
    raw = (out / "entities.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfarticle_id,")
    with (out / "entities.csv").open(encoding="utf-8-sig", newline="") as fh:
        roles = [json.loads(row["roles"]) for row in csv.DictReader(fh)]
    assert all(isinstance(r, list) for r in roles) and any(r for r in roles)
    r = run_cli("query", "entities", "--db", str(web_store), "--format", "csv", "--bom", "--limit", "3")
    assert r.stdout.startswith("\ufeffcanonical,type,")
    assert not run_cli("query", "entities", "--db", str(web_store), "--format", "csv").stdout.startswith("\ufeff")


def test_export_refuses_a_folder_that_is_not_empty_unless_told(web_store, tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    r = run_cli("export", "--db", str(web_store), "--format", "jsonl", "--out", str(out))
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "not empty" in r.stderr and "--overwrite" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    assert run_cli("export", "--db", str(web_store), "--format", "jsonl", "--out", str(out), "--overwrite").exit_code == 0
    assert (out / "analyses.jsonl").stat().st_size > 0 and (out / "notes.txt").read_text(encoding="utf-8") == "mine"
