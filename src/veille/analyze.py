"""Article → analysis (contract ``veille.analysis/1``): language, parse, entities, times.

``analyze_many`` streams articles through ``nlp.pipe`` one language at a time, keeping input order,
and turns every per-article failure into an ``InputError`` so a batch always finishes. Each batch is
parsed and analysed inside a spaCy memory zone (``_memory_zone``), so a long-lived process (a Dask or
ingest worker, the API) does not grow with every new word it meets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any

from spacy.tokens import Doc

from veille.errors import InputError, UnsupportedLanguage
from veille.extract import claims as claims_mod
from veille.extract.releases import release_claims
from veille.extract import events as events_mod
from veille.extract.events.coder import rule_events
from veille.extract.entities import find_entities
from veille.extract.gazetteer import gazetteer_for
from veille.extract.referents import Referents
from veille.extract.times import find_times
from veille.ingest.langid import language_of
from veille.kb import knowledge_base
from veille.contract import build as build_analysis
from veille.model import SUPPORTED_LANGS, Article
from veille.nlp.pipeline import load, parse, parse_many

Result = dict[str, Any] | InputError

_BATCH = 32  # articles held while their language's pipeline runs; bounds memory on any input size
_SAMPLES = {
    "fr": "Le ministre Jean Dupont a déclaré lundi 5 janvier 2024 à Montluçon que la Russie avait attaqué "
          "l'Ukraine.\n\nSelon l'AFP, Paris a condamné ces frappes.\n",
    "en": "Minister John Smith said on Monday 5 January 2024 in Leeds that Russia had attacked Ukraine.\n\n"
          "According to Reuters, Washington condemned the strikes.\n",
}
"""One short article per language for ``warm_up(sample=True)``: what the analyser builds on first use
(lexicon tables, matchers) is then built at start-up, not during the first real article."""
_LEMMA_CACHE_MAX = 10_000  # entries, like spaCy's tokenizer cache; see _memory_zone


def warm_up(langs: Iterable[str] = SUPPORTED_LANGS, *, sample: bool = True) -> None:
    """Load the knowledge base (its city table too), the pipelines of ``langs`` and their gazetteers once per
    process, so that the first article does not wait for them (the API, a Dask worker, an ingest's fork server).

    With ``sample``, one short article per language is analysed too. Without it (the ingest's fork server) only
    pure caches are built, so that what a worker forked from it finds cannot depend on an analysis it did not run.
    """
    kb = knowledge_base()
    kb.city("Paris")  # builds the city table, a pure cache
    kb.region("Rhône")  # and the table of regions
    for lang in langs:
        gazetteer_for(load(lang), kb)
        if sample:
            list(analyze_many([Article(id=f"warm-up-{lang}", text=_SAMPLES[lang], lang=lang)]))


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
        lang = language_of(item.lang, item.text)
        item.lang = lang
        if lang not in SUPPORTED_LANGS:
            results[i] = UnsupportedLanguage(item.id, lang)
            continue
        by_lang.setdefault(lang, []).append(i)
    for lang, indices in by_lang.items():
        with _memory_zone(lang):  # the Docs die here; the results are plain dicts and strings
            docs = parse_many((batch[i].text for i in indices), lang)  # type: ignore[union-attr]
            try:
                for i, doc in zip(indices, docs):
                    results[i] = _built(batch[i], doc)  # type: ignore[arg-type]
            except Exception:  # noqa: BLE001 - the parse of the batch failed: each article alone, so one is blamed
                for i in indices:
                    if results[i] is None:
                        results[i] = _parsed_alone(batch[i], lang)  # type: ignore[arg-type]
    for r in results:
        assert r is not None
        yield r


def _built(article: Article, doc: Doc) -> Result:
    try:
        return build(article, doc)
    except Exception as exc:  # one article's failure must not stop the batch; it is reported
        return InputError(article.id, f"analysis failed: {type(exc).__name__}: {exc}")


def _parsed_alone(article: Article, lang: str) -> Result:
    """The article parsed and analysed on its own, after its batch's parse failed on some article."""
    try:
        doc = parse(article.text, lang)
    except Exception as exc:  # noqa: BLE001 - spaCy's own refusals (length, memory) become one line
        return InputError(article.id, f"parse failed: {type(exc).__name__}: {exc}"[:500])
    return _built(article, doc)


@contextmanager
def _memory_zone(lang: str) -> Iterator[None]:
    """What parsing a batch adds to the ``lang`` pipeline is freed when the batch is done.

    Without it spaCy keeps every new word it meets (a string and a lexeme in the vocabulary, an entry in
    the lemmatizer's cache), and a worker that analyses article after article grows without end. Inside
    ``nlp.memory_zone()`` new strings and lexemes are transient, freed on exit (the tokenizer caches
    nothing new there, and its cache is bounded anyway). The lemmatizer's cache, (word, POS) → lemmas in
    plain strings, is kept across batches, since a miss is dear (emptied after every batch, the French
    analysis took 18% more CPU), but bounded like the tokenizer's: its first ``_LEMMA_CACHE_MAX`` entries
    (the frequent words, met first; about 270 bytes each) stay, what a batch adds beyond them goes. A
    cache only saves work: the lemmas are the same either way.

    Nothing made inside the zone may be used after it: no Doc, Token or Span leaves ``_run``. What must
    outlive it, the gazetteer (its match keys are strings of the vocabulary), is built before entering
    it. Not reentrant: one analysis at a time per pipeline (the API holds a lock).
    """
    nlp = load(lang)
    gazetteer_for(nlp, knowledge_base())
    try:
        with nlp.memory_zone():
            yield
    finally:
        for _, pipe in nlp.pipeline:
            cache = getattr(pipe, "cache", None)  # spaCy's Lemmatizer: a dict in insertion order
            if isinstance(cache, dict) and len(cache) > _LEMMA_CACHE_MAX:
                for key in list(islice(reversed(cache), len(cache) - _LEMMA_CACHE_MAX)):
                    del cache[key]


@dataclass(slots=True)
class Parts:
    """What the extractors found in one parsed article, before events: what the event coder and its trainer read."""

    lang: str
    doc: Doc
    times: list[Any]
    entities: list[Any]
    refs: Referents
    claims: list[Any]

    @property
    def reporting(self) -> frozenset[int]:
        return frozenset(c.cue_token for c in self.claims if c.cue_token is not None)

    @property
    def voices(self) -> list[tuple[int, int, Any]]:
        return [(c.start, c.end, c.speaker) for c in self.claims if c.speaker is not None]

    @property
    def rule_events(self) -> list[Any]:
        return rule_events(self.doc, self.refs, self.lang, reporting=self.reporting, voices=self.voices)


def parts(article: Article, doc: Doc) -> Parts:
    lang = article.lang or "fr"
    times = find_times(article.text, lang, article.published)
    entities, agents = find_entities(doc, knowledge_base(), exclude=[(t.start, t.end) for t in times])
    refs = Referents(doc, entities, lang, agents=agents)
    claims = claims_mod.find_claims(doc, refs, lang, times)
    for n, c in enumerate(release_claims(doc, refs, lang, claims), len(claims) + 1):  # a release's own words
        c.id = f"c{n}"
        claims.append(c)
    return Parts(lang, doc, times, entities, refs, claims)


def analyze_parts(article: Article) -> Parts:
    """The extractors' findings for one article (language detected if not given): for training the event ranker."""
    article.lang = language_of(article.lang, article.text)
    return parts(article, parse(article.text, article.lang))


def build(article: Article, doc: Doc) -> dict[str, Any]:
    p = parts(article, doc)
    lang, times, entities, refs, claims = p.lang, p.times, p.entities, p.refs, p.claims
    found = events_mod.find_events(doc, refs, lang, reporting=p.reporting, voices=p.voices)

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
    return build_analysis(article, lang, entities=entities, times=times, events=events, claims=claims)
