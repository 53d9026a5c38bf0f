"""Across outlets and languages (issue 14): derivations, the two source counts, merging by the act, quotes
translated across languages; on the hand-made multi-outlet set (tests/gold/outlets) and small cases."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from veille.cluster.derive import Text, compare
from veille.cluster.embed import embed_together
from veille.cluster.merge import Report, merge
from veille.cluster.provenance import ClaimReport, merge_claims
from veille.run import ingest

GOLD = Path(__file__).parents[1] / "gold" / "outlets"


def _articles() -> dict[str, dict]:
    with (GOLD / "articles.jsonl").open(encoding="utf-8") as fh:
        return {a["id"]: a for a in map(json.loads, fh)}


def _text(a: dict) -> Text:
    return Text(a["id"], a["lang"], dt.date.fromisoformat(a["published"]), a["text"])


def _sentences(t: Text):
    return embed_together([s.text for s in t.sentences])


def test_a_translation_is_derived_from_its_origin_with_aligned_sentences_as_evidence():
    arts = _articles()
    origin, translation = _text(arts["en-wikinews:2020:008"]), _text(arts["outlets:t4-tr"])
    d = compare(translation, origin, _sentences)
    assert d is not None and (d.article_id, d.derived_from, d.kind) == ("outlets:t4-tr", "en-wikinews:2020:008",
                                                                          "translation")
    assert d.share >= 0.8
    # the evidence points at sentences that say the same thing in both texts
    rouhani = [p for p in d.pairs if "Rohani" in translation.text[p[0]:p[1]]]
    assert rouhani and "Rouhani" in origin.text[rouhani[0][2]:rouhani[0][3]]


def test_an_independent_report_of_the_same_happening_is_not_derived():
    arts = _articles()
    origin = _text(arts["winer-fr:2016_01_12-002"])
    for other in ("outlets:t1-ind",):  # written in its own words, quoting Psaki in its own translation
        assert compare(_text(arts[other]), origin, _sentences) is None
    assert compare(_text(arts["outlets:t1-rw"]), origin, _sentences).kind == "rewrite"


def _report(aid, *, day, dated=True, story="s1", outlet=None, said=None):
    return Report(article_id=aid, event_id="v1", type="ASSAULT", actor_key="RUS", recipient_key="UKR", day=day,
                  factuality="asserted", sentence=f"sentence of {aid}", origins=(f"copy:{aid}", f"outlet:{outlet or aid}"),
                  source_keys=(f"said:{said}",) if said else (), story_id=story, outlet=outlet or aid, said_by=said,
                  dated=dated)


def test_a_report_without_a_day_joins_the_act_its_story_dated_and_keeps_that_date():
    dated = _report("wire", day=dt.date(2023, 12, 30))
    later = _report("weekly", day=dt.date(2024, 1, 5), dated=False)  # "its war with Ukraine": no day of its own
    elsewhere = _report("other", day=dt.date(2024, 1, 5), dated=False, story="s2")
    merged = merge([dated, later, elsewhere])
    assert sorted(sorted(r.article_id for r in m.reports) for m in merged) == [["other"], ["weekly", "wire"]]
    (act,) = [m for m in merged if len(m.reports) == 2]
    assert act.first_day == act.last_day == dt.date(2023, 12, 30)


def test_four_agencies_relaying_one_statement_are_four_reports_and_one_source():
    day = dt.date(2024, 1, 4)
    reports = [_report(a, day=day, outlet=a, said="White House") for a in ("AFP", "Reuters", "AP", "DPA")]
    reports.append(_report("Le Monde", day=day, outlet="Le Monde"))  # its own reporting, attributed to no one
    (m,) = merge(reports)
    assert (m.independent_reports, m.independent_sources) == (5, 2)
    assert sorted(m.report_members) == ["AFP", "AP", "DPA", "Le Monde", "Reuters"]
    assert sorted(m.source_members) == ["Le Monde (own report)", "White House"]


def _quote(aid, lang, content, *, story="s1", vector=True):
    vec = embed_together([content])[0] if vector else None
    return ClaimReport(article_id=aid, claim_id="c1", published=dt.date(2020, 7, 2), speaker_key="hook",
                       speaker="Brian Hook", kind="direct", content=content, factuality="asserted",
                       origins=(f"copy:{aid}", f"outlet:{aid}"), outlet=aid, lang=lang, story_id=story, vector=vec)


def test_a_quote_and_its_translation_in_one_story_are_one_statement():
    en = _quote("en", "en", "It is a propaganda stunt that no-one takes seriously.")
    fr = _quote("fr", "fr", "C'est un coup de propagande que personne ne prend au sérieux.")
    other = _quote("fr2", "fr", "Cela n'a rien à voir avec la sécurité nationale ni avec la paix internationale.")
    elsewhere = _quote("fr3", "fr", "C'est un coup de propagande que personne ne prend au sérieux.", story="s2")
    merged = merge_claims([en, fr, other, elsewhere])
    groups = sorted(sorted(r.article_id for r in m.reports) for m in merged)
    assert groups == [["en", "fr"], ["fr2"], ["fr3"]]


@pytest.mark.slow
def test_derivations_and_counts_through_the_store_and_two_runs_equal_one(tmp_path):
    """An English origin, its French translation and an English rewrite: the store records both derivations
    with their evidence, and the Rouhani statement, quoted in both languages, is one statement told by three
    articles, one independent report, one original source. Ingested in two runs, the merged tables are those
    of one run."""
    arts = _articles()
    ids = ["en-wikinews:2020:008", "outlets:t4-tr", "outlets:t4-rw"]
    rows = [arts[i] for i in ids]

    def run(db: Path, batches: list[list[dict]]) -> duckdb.DuckDBPyConnection:
        for k, batch in enumerate(batches):
            path = tmp_path / f"{db.stem}-{k}.jsonl"
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in batch), encoding="utf-8")
            ingest([str(path)], db=db, workers=1, progress=False, failures=tmp_path / "f.tsv")
        return duckdb.connect(str(db), read_only=True)

    once = run(tmp_path / "once.duckdb", [rows])
    derived = once.execute("SELECT article_id, derived_from, kind, n_aligned FROM derivations ORDER BY 1").fetchall()
    # the translation and the rewrite, published the same day, also align: the later to arrive derives
    assert [(a, b, k) for a, b, k, _ in derived] == [("outlets:t4-rw", "en-wikinews:2020:008", "rewrite"),
                                                     ("outlets:t4-tr", "en-wikinews:2020:008", "translation"),
                                                     ("outlets:t4-tr", "outlets:t4-rw", "translation")]
    assert all(n >= 4 for *_, n in derived)
    rouhani = once.execute("""SELECT n_articles, independent_reports, independent_sources FROM merged_claims
                              WHERE content ILIKE '%disastrous mistake%' OR content ILIKE '%erreur désastreuse%'
                           """).fetchall()
    assert rouhani == [(3, 1, 1)]

    twice = run(tmp_path / "twice.duckdb", [rows[:1], rows[1:]])

    def tables(con):
        events = con.execute("""SELECT type, actor_key, recipient_key, first_day, n_reports, independent_reports,
                                       independent_sources FROM merged_events ORDER BY ALL""").fetchall()
        claims = con.execute("""SELECT list(article_id || '/' || claim_id ORDER BY article_id, claim_id)
                                FROM merged_claim_reports GROUP BY merged_id ORDER BY 1""").fetchall()
        return events, claims

    assert tables(once) == tables(twice)
