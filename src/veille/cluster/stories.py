"""Stories: articles that report one happening, grouped incrementally as they arrive.

Single-pass clustering, the scheme of news-stream systems (each new article joins the most similar
live story or starts one) because stories must grow as articles arrive, without re-clustering the
past. Similarity mixes two signals measured on a hand-labelled set (``benchmarks/stories.py``):
the multilingual embedding of title and lead against the story's centroid, and the overlap of the
named entities (weighted by rarity, so "France" links less than "François Fillon").
Hand-written: no maintained library does streaming assignment with a time gate and mixed features.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from veille.cluster.profile import ArticleProfile


@dataclass(frozen=True, slots=True)
class Method:
    """How similar an article must be to a story to join it."""

    name: str = "combined"
    embedding_weight: float = 0.9
    """Share of the embedding cosine in the similarity; the rest is the entity overlap."""
    threshold: float = 0.6
    window_days: int = 14
    """A story is live while its newest article is at most this many days older than the new one."""
    anchor_gate: bool = True
    """Join a story only when sharing one of its named actors (``ArticleProfile.anchors``): two storms or
    two bus crashes read alike, but a story's follow-ups name the same people and organisations."""


DEFAULT = Method()
"""Chosen on the tuning set (``tests/gold/stories/winer-fr-2017.tsv``): the best B-cubed F1, the middle of
the thresholds that tie; see ``benchmarks/stories.py`` for every method tried and the held-out figures."""


@dataclass(slots=True)
class Story:
    id: str
    first: dt.date | None = None
    last: dt.date | None = None
    vector_sum: np.ndarray | None = None
    entities: dict[str, float] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    anchors: set[str] = field(default_factory=set)

    def centroid(self) -> np.ndarray:
        assert self.vector_sum is not None
        n = float(np.linalg.norm(self.vector_sum))
        return self.vector_sum / n if n else self.vector_sum

    def main_actors(self, k: int = 5) -> list[str]:
        """The ``k`` entities named most across the story's articles."""
        ranked = sorted(self.entities.items(), key=lambda kv: (-kv[1], kv[0]))
        return [self.names.get(key, key) for key, _ in ranked[:k]]


def story_id(first_article: str) -> str:
    """A story is named by its founding article, so its id does not depend on what else was clustered."""
    return "s" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:11]


class StoryIndex:
    """Live stories and the entity document frequencies, updated one article at a time."""

    def __init__(self, method: Method = DEFAULT) -> None:
        self.method = method
        self.stories: dict[str, Story] = {}
        self.df: dict[str, int] = {}
        self.n_docs = 0

    def idf(self, key: str) -> float:
        return math.log((1 + self.n_docs) / (1 + self.df.get(key, 0))) + 1.0

    def entity_similarity(self, article: dict[str, float], story: dict[str, float]) -> float:
        """Cosine of the two entity bags, each mention count damped by log and weighted by rarity."""
        if not article or not story:
            return 0.0
        a = {k: (1 + math.log(v)) * self.idf(k) for k, v in article.items()}
        dot = sum(w * (1 + math.log(story[k])) * self.idf(k) for k, w in a.items() if k in story)
        if not dot:
            return 0.0
        na = math.sqrt(sum(w * w for w in a.values()))
        ns = math.sqrt(sum(((1 + math.log(v)) * self.idf(k)) ** 2 for k, v in story.items()))
        return dot / (na * ns)

    def similarity(self, prof: ArticleProfile, vector: np.ndarray, story: Story) -> float:
        if self.method.anchor_gate and not (prof.anchors & story.anchors):
            return 0.0
        w = self.method.embedding_weight
        emb = float(vector @ story.centroid()) if w else 0.0
        ent = self.entity_similarity(prof.entities, story.entities) if w < 1 else 0.0
        return w * emb + (1 - w) * ent

    def live(self, day: dt.date | None) -> Iterable[Story]:
        for story in self.stories.values():
            if day is None or story.last is None or abs((day - story.last).days) <= self.method.window_days \
                    or (story.first is not None and story.first <= day <= story.last):
                yield story

    def add(self, prof: ArticleProfile, vector: np.ndarray) -> tuple[str, float]:
        """Put one article in its story (an existing live one or a new one); return (story id, similarity)."""
        best, best_sim = None, -1.0
        for story in self.live(prof.published):
            sim = self.similarity(prof, vector, story)
            if sim > best_sim or (sim == best_sim and best is not None and story.id < best.id):
                best, best_sim = story, sim
        self.n_docs += 1
        for key in prof.entities:
            self.df[key] = self.df.get(key, 0) + 1
        if best is None or best_sim < self.method.threshold:
            best = Story(id=story_id(prof.id), vector_sum=np.zeros_like(vector))
            self.stories[best.id] = best
            best_sim = 1.0
        self._join(best, prof, vector)
        return best.id, best_sim

    def restore(self, story_id_: str, prof: ArticleProfile, vector: np.ndarray) -> None:
        """Re-load an article already assigned (a store's earlier run), without re-deciding its story.

        The document frequencies are the caller's to set (``df``, ``n_docs``): they count every article
        clustered so far, not only those of the live stories re-loaded here."""
        story = self.stories.get(story_id_)
        if story is None:
            story = self.stories[story_id_] = Story(id=story_id_, vector_sum=np.zeros_like(vector))
        self._join(story, prof, vector)

    @staticmethod
    def _join(story: Story, prof: ArticleProfile, vector: np.ndarray) -> None:
        assert story.vector_sum is not None
        story.vector_sum = story.vector_sum + vector
        if prof.published:
            story.first = min(story.first or prof.published, prof.published)
            story.last = max(story.last or prof.published, prof.published)
        story.anchors |= prof.anchors
        for key, n in prof.entities.items():
            story.entities[key] = story.entities.get(key, 0.0) + n
            story.names.setdefault(key, prof.names.get(key, key))


def arrival_order(profiles: Iterable[ArticleProfile]) -> list[ArticleProfile]:
    """Articles of one batch in the order they are clustered: by publication date, then id (reproducible
    whatever order the batch was read or analysed in)."""
    return sorted(profiles, key=lambda p: (p.published or dt.date.max, p.id))


def cluster(profiles: Iterable[ArticleProfile], vectors: dict[str, np.ndarray],
            method: Method = DEFAULT) -> dict[str, str]:
    """Article id → story id for a batch clustered from nothing (evaluation and tests)."""
    index = StoryIndex(method)
    return {p.id: index.add(p, vectors[p.id])[0] for p in arrival_order(profiles)}


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin 1998) over the articles both labelings hold.

    Hand-written: twelve lines, and the PyPI packages for it are unmaintained.
    """
    ids = [i for i in gold if i in predicted]
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for i in ids:
        by_pred.setdefault(predicted[i], set()).add(i)
        by_gold.setdefault(gold[i], set()).add(i)
    p = r = 0.0
    for i in ids:
        pc, gc = by_pred[predicted[i]], by_gold[gold[i]]
        both = len(pc & gc)
        p += both / len(pc)
        r += both / len(gc)
    p, r = p / len(ids), r / len(ids)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
