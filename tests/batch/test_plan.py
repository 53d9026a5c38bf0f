"""Partitions: every item read once, named and numbered as ``veille ingest`` reads them; copies judged in order."""

from __future__ import annotations

import json
from pathlib import Path

from veille.batch.job import judge
from veille.batch.plan import plan, read_partition
from veille.batch.tasks import sign_partition
from veille.errors import InputError
from veille.ingest import ReadOptions, read_inputs


def _key(item) -> tuple:
    if isinstance(item, InputError):
        return ("error", item.item, item.reason)
    return ("article", item.id, item.text_sha256, item.title, item.published, item.lang)


def _corpus(tmp_path: Path) -> list[str]:
    lines = [json.dumps({"id": f"a{i}", "title": f"T{i}", "text": f"Texte numéro {i} sur la paix.", "lang": "fr"})
             for i in range(11)]
    lines[3] = "{not json"
    lines.insert(5, "")
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(5):
        (docs / f"d{i}.txt").write_text(f"Titre {i}\n\nLe texte {i}.\n", encoding="utf-8")
    (docs / "skip.bin").write_bytes(b"\x00")
    return [str(tmp_path / "a.jsonl"), str(tmp_path / "empty.jsonl"), str(docs), str(tmp_path / "missing.txt")]


def test_partitions_hold_every_item_once_as_the_ingest_reads_it(tmp_path):
    inputs = _corpus(tmp_path)
    parts = plan(inputs, size=3)
    got = [_key(item) for p in parts for item in read_partition(p)]
    assert got == [_key(item) for item in read_inputs(inputs, ReadOptions())]
    assert [p.seq for p in parts] == list(range(len(parts)))
    assert {p.form for p in parts} == {"jsonl", "files", "error"}
    assert len({p.id for p in parts}) == len(parts)


def test_partition_ids_are_stable_and_depend_on_the_range(tmp_path):
    inputs = _corpus(tmp_path)
    assert [p.id for p in plan(inputs, size=3)] == [p.id for p in plan(inputs, size=3)]
    assert [p.id for p in plan(inputs, size=3)] != [p.id for p in plan(inputs, size=4)]


def test_repeated_ids_and_copies_are_judged_across_partitions_in_input_order(tmp_path):
    text = "Le ministre des affaires étrangères a déclaré lundi que les négociations reprendraient bientôt à Genève."
    rows = [{"id": "x", "text": text}, {"id": "y", "text": "Autre chose entièrement, sans rapport avec la diplomatie."},
            {"id": "x", "text": text}, {"id": "z", "text": text + " "}, {"id": "y", "text": "Une nouvelle version."}]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    parts = plan([str(path)], size=2)
    decisions = judge(parts, [sign_partition(p, ReadOptions(), True) for p in parts], dedup=True)
    flat = {(p, i): d for p, ds in enumerate(decisions) for i, d in ds.items()}
    # x again with the same text: skipped; z: an exact copy of x; y's first version: replaced by the last
    assert flat == {(0, 1): ("skip",), (1, 0): ("skip",), (1, 1): ("copy", "x", "exact")}
