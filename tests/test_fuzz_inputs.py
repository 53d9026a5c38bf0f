"""Fuzzing the readers and ``veille analyze`` (Hypothesis): random Unicode (surrogates, controls, NULs,
right-to-left marks), random bytes, random JSON structures and sizes, in every form veille reads, mixed with
real articles. Whatever comes: no traceback, one error line per bad item, every good item analysed.

Examples are few (the suite must stay fast) and derandomised (the same cases on every run, so a failure
can be run again); ``HYPOTHESIS_EXAMPLES=500`` runs more.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.errors import InputError
from veille.ingest import read_inputs
from veille.model import Article

from .conftest import SHARED, run_cli

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "12"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))


def _real(name: str, n: int) -> list[dict]:
    with (SHARED / "corpus" / name).open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()][:n]
    return [{"id": f"good-{r['id']}", "text": r["text"][:1500], "lang": r.get("lang"), "published": r.get("published")}
            for r in rows]


GOOD = _real("wikinews-fr.jsonl", 4) + _real("wikinews-en.jsonl", 4)

unicode_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, categories=None), max_size=300)
"""Any code point: lone surrogates, C0/C1 controls, NUL, noncharacters, combining marks."""
sized_text = st.one_of(unicode_text, st.builds(lambda t, n: (t or "x") * n, unicode_text, st.integers(1, 40)))
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | unicode_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(unicode_text, inner, max_size=4), max_leaves=12)
article_like = st.fixed_dictionaries(
    {"text": st.one_of(sized_text, json_value)},
    optional={"id": json_value, "title": json_value, "published": st.one_of(json_value, st.dates().map(str)),
              "lang": st.one_of(json_value, st.sampled_from(["fr", "en", "de", "EN-gb", "", "pcm"])),
              "url": json_value, "source": json_value})


def _mutate(text: str, cuts: list[tuple[int, str]], times: int) -> str:
    for where, piece in cuts:  # random Unicode put into a real article, which then passes language detection
        at = where % (len(text) + 1)
        text = text[:at] + piece + text[at:]
    return text * times


HOSTILE = ["\ud800", "\udfff", "\x00", "\x1b[2J", "\x1b]0;t\x07", "\u2028", "\u202e", "\ufeff", "\x85", "\u0301",
           "\U0010ffff", "\r", "\r\n\r\n", "\t", "«", "»", "\u201c", '"', "\n\n« ", " »\n"]
"""Lone surrogates, NUL, terminal escapes, line separators, bidi and byte-order marks, quotation marks."""
piece = st.one_of(unicode_text, st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=6).map("".join))
mutated_text = st.builds(_mutate, st.sampled_from([g["text"] for g in GOOD]),
                         st.lists(st.tuples(st.integers(0, 10**6), piece), min_size=1, max_size=6), st.integers(1, 3))
mutated_article = st.fixed_dictionaries(
    {"text": mutated_text},
    optional={"id": st.one_of(unicode_text, json_value), "title": unicode_text, "lang": st.sampled_from(["fr", "en"]),
              "published": st.one_of(st.dates().map(str), unicode_text)})
bad_line = st.one_of(
    mutated_article.map(lambda o: json.dumps(o, ensure_ascii=True).encode()),
    article_like.map(lambda o: json.dumps(o, ensure_ascii=True).encode()),
    json_value.map(lambda v: json.dumps(v, ensure_ascii=True).encode()),
    st.binary(max_size=200),
    unicode_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
).map(lambda b: b.replace(b"\n", b" ").replace(b"\r", b" "))


def _errors(stderr: str) -> list[str]:
    lines = [line for line in stderr.split("\n") if line.strip()]  # JSON Lines split on "\n" alone (not U+2028)
    warnings = [line for line in lines if line.startswith("veille: warning: ")]  # undated relative dates: once
    lines = [line for line in lines if line not in warnings]
    assert len(warnings) <= 1 and all(line.startswith("veille: error: ") for line in lines), stderr[-2000:]
    return lines


@FUZZ
@given(bad=st.lists(bad_line, max_size=6), hostile=st.lists(mutated_article, min_size=1, max_size=3),
       order=st.randoms(use_true_random=False))
def test_jsonl_of_anything_every_line_answered_once_and_good_lines_kept(tmp_path_factory, bad, hostile, order):
    good = [json.dumps(g, ensure_ascii=False).encode("utf-8") for g in GOOD[:3]]
    lines = bad + [json.dumps(h).encode() for h in hostile] + good
    order.shuffle(lines)
    path = tmp_path_factory.mktemp("fuzz") / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = run_cli("analyze", str(path), "--format", "jsonl")  # a traceback would raise here
    analyses = [json.loads(line) for line in result.stdout.split("\n") if line]
    errors = _errors(result.stderr)
    counted = sum(1 for line in lines if line.strip())
    assert len(analyses) + len(errors) == counted, (len(analyses), errors)
    assert {g["id"] for g in GOOD[:3]} <= {a["article"]["id"] for a in analyses}
    assert result.exit_code == (1 if errors else 0)
    for a in analyses:  # whatever was read, every offset points into the text as it is printed
        text = a["article"]["text"]
        assert all(text[m["start"]:m["end"]] == m["text"] for e in a["entities"] for m in e["mentions"])


FORMS = [".txt", ".json", ".jsonl", ".html", ".rss", ".xml", ".warc", ".wet.gz"]


@FUZZ
@given(files=st.lists(st.tuples(st.sampled_from(FORMS), st.one_of(
    st.binary(max_size=400),
    unicode_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    unicode_text.map(lambda t: t.encode("utf-16")),
    article_like.map(lambda o: json.dumps(o).encode()),
    mutated_article.map(lambda o: json.dumps(o).encode()),
    mutated_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    unicode_text.map(lambda t: f"<rss><channel><item><description>{t}</description></item></channel></rss>"
                     .encode("utf-8", "surrogatepass")),
    unicode_text.map(lambda t: f"<html><body><article><p>{t}</p></article></body></html>".encode("utf-8", "replace")),
)), min_size=1, max_size=6))
def test_a_folder_of_anything_is_read_item_by_item_and_the_good_article_kept(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("fuzzdir")
    for n, (suffix, data) in enumerate(files):
        (folder / f"f{n}{suffix}").write_bytes(data)
    good = GOOD[4]
    (folder / "zz-good.json").write_text(json.dumps(good, ensure_ascii=False), encoding="utf-8")
    items = list(read_inputs([str(folder)]))
    assert all(isinstance(i, (Article, InputError)) for i in items)
    assert all("\n" not in str(i) for i in items if isinstance(i, InputError))
    result = run_cli("analyze", str(folder), "--format", "jsonl")
    analyses = [json.loads(line) for line in result.stdout.split("\n") if line]
    errors = _errors(result.stderr)
    assert len(analyses) + len(errors) == len(items)
    assert good["id"] in {a["article"]["id"] for a in analyses}


@FUZZ
@given(data=st.one_of(st.binary(max_size=3000), sized_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      mutated_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      mutated_article.map(lambda o: json.dumps(o).encode())))
def test_stdin_of_anything_gets_an_analysis_or_one_line(data):
    result = run_cli("analyze", "-", "--format", "jsonl", input=data)
    analyses = [line for line in result.stdout.split("\n") if line]
    errors = _errors(result.stderr)
    assert len(analyses) + len(errors) >= 1
    assert result.exit_code == (1 if errors else 0)
