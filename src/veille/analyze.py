"""Article → analysis (contract ``veille.analysis/1``): language, parse, entities, times.

``analyze_many`` streams articles through ``nlp.pipe`` one language at a time, keeping input order,
and turns every per-article failure into an ``InputError`` so a batch always finishes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc

from veille.errors import InputError, UnsupportedLanguage
from veille.extract import claims as claims_mod
from veille.extract import events as events_mod
from veille.extract.entities import find_entities
from veille.extract.referents import Referents
from veille.extract.times import find_times
from veille.ingest.langid import detect
from veille.kb import knowledge_base
from veille.model import SCHEMA_VERSION, SUPPORTED_LANGS, Article
from veille.nlp.pipeline import parse_many

Result = dict[str, Any] | InputError

_BATCH = 32  # articles held while their language's pipeline runs; bounds memory on any input size


def analyze(article: Article) -> dict[str, Any]:
    """Analyse one article; raises ``InputError`` when it cannot be analysed."""
    result = next(analyze_many([article]))
    if isinstance(result, InputError):
        raise result
    return result


def analyze_many(items: Iterable[Article | InputError]) -> Iterator[Result]:
    """Analyses (or errors) in input order. Reader errors pass through untouched."""
    pending: list[Article | InputError] = []
    for item in items:
        pending.append(item)
        if len(pending) >= _BATCH:
            yield from _run(pending)
            pending = []
    if pending:
        yield from _run(pending)


def _run(batch: list[Article | InputError]) -> Iterator[Result]:
    results: list[Result | None] = [None] * len(batch)
    by_lang: dict[str, list[int]] = {}
    for i, item in enumerate(batch):
        if isinstance(item, InputError):
            results[i] = item
            continue
        lang = (item.lang or detect(item.text)).lower()[:2]
        item.lang = lang
        if lang not in SUPPORTED_LANGS:
            results[i] = UnsupportedLanguage(item.id, lang)
            continue
        by_lang.setdefault(lang, []).append(i)
    for lang, indices in by_lang.items():
        docs = parse_many((batch[i].text for i in indices), lang)  # type: ignore[union-attr]
        for i, doc in zip(indices, docs):
            article = batch[i]
            assert isinstance(article, Article)
            try:
                results[i] = build(article, doc)
            except Exception as exc:  # one article's failure must not stop the batch; it is reported
                results[i] = InputError(article.id, f"analysis failed: {type(exc).__name__}: {exc}")
    for r in results:
        assert r is not None
        yield r


def build(article: Article, doc: Doc) -> dict[str, Any]:
    lang = article.lang or "fr"
    times = find_times(article.text, lang, article.published)
    entities, agents = find_entities(doc, knowledge_base(), exclude=[(t.start, t.end) for t in times])
    refs = Referents(doc, entities, lang, agents=agents)
    claims = claims_mod.find_claims(doc, refs, lang, times)
    reporting = frozenset(c.cue_token for c in claims if c.cue_token is not None)
    found = events_mod.find_events(doc, refs, lang, reporting=reporting)

    def claim_of(char: int) -> str | None:
        holding = [c for c in claims if c.start <= char < c.end]
        return min(holding, key=lambda c: c.end - c.start).id if holding else None

    dates = {c.id: c.date for c in claims}

    def locate(token) -> str | None:
        """The entity of a place named at ``token``: a region, or a city that stands for no state."""
        e = refs.by_token.get(token.i)
        if e is None or e.type not in ("GPE", "LOC"):
            return None
        if e.type == "LOC":
            return e.id
        state = e.stands_for is not None or (e.kb_id or "").startswith("wikidata:")  # a state or its capital
        return None if state else e.id

    events = events_mod.as_dicts(found, times=times, claim_of=claim_of, date_of_claim=dates.get, locate=locate)
    for v in events:
        if v["attributed_to"]:
            next(c for c in claims if c.id == v["attributed_to"]).events.append(v["id"])
    return {
        "schema": SCHEMA_VERSION,
        "article": {
            "id": article.id,
            "lang": lang,
            "published": article.published.isoformat() if article.published else None,
            "title": article.title,
            "url": article.url,
            "source": article.source,
            "text_sha256": article.text_sha256,
            "text": article.text,
        },
        "entities": [e.as_dict() for e in entities],
        "times": [
            {"text": t.text, "start": t.start, "end": t.end, "value": t.value, "anchor": t.anchor} for t in times
        ],
        "events": events,
        "claims": claims_mod.as_dicts(claims, article.text),
    }
