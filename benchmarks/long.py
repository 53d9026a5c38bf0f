"""Analysis time per character from 10 k to 1 M characters: flat, or some layer is quadratic.

    python benchmarks/long.py [--sizes 10000,100000,1000000] [--lang fr] [--profile 50000]

One long article is made of real ones (the French or English Wikinews articles of the shared corpus,
paragraphs kept, repeated until the size is reached, cut at a paragraph's end), so it has the quotes,
cues, names and dates of real news in the same density at every size. Each size is analysed once after
a warm-up, in this one run, and the time per character at each size is printed relative to the smallest:
the ratio of the largest to the smallest must stay at most 2 (issue 13). ``--profile N`` prints the 25
costliest functions of one analysis of N characters instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import load_jsonl  # noqa: E402

from veille.analyze import analyze  # noqa: E402
from veille.model import Article, parse_date  # noqa: E402


def long_text(lang: str, size: int) -> str:
    """Real articles of ``lang``, one after the other (blank line between), up to about ``size`` characters."""
    texts = [row["text"].strip() for row in load_jsonl(f"wikinews-{lang}.jsonl")]
    out: list[str] = []
    length, i = 0, 0
    while length < size:
        piece = texts[i % len(texts)] + "\n\n"
        out.append(piece)
        length += len(piece)
        i += 1
    text = "".join(out)
    cut = text.rfind("\n\n", 0, size)
    return text[:cut if cut > size // 2 else size]


def run(lang: str, size: int) -> tuple[int, float, int]:
    text = long_text(lang, size)
    article = Article(id=f"long-{size}", text=text, lang=lang, published=parse_date("2024-01-05"))
    t0 = time.perf_counter()
    result = analyze(article)
    seconds = time.perf_counter() - t0
    return len(text), seconds, len(result["events"]) + len(result["claims"]) + len(result["entities"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,30000,100000,300000,1000000")
    parser.add_argument("--lang", default="fr", choices=["fr", "en"])
    parser.add_argument("--profile", type=int, help="profile one analysis of this many characters")
    args = parser.parse_args()
    run(args.lang, 2_000)  # loads the pipelines and the knowledge base
    if args.profile:
        with cProfile.Profile() as prof:
            chars, seconds, _ = run(args.lang, args.profile)
        print(f"{chars:,} characters in {seconds:.1f} s")
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        chars, seconds, found = run(args.lang, size)
        rows.append((chars, seconds, found))
        base = rows[0][1] / rows[0][0]
        print(f"{chars:>9,} chars  {seconds:7.1f} s  {seconds / chars * 1e6:6.1f} µs/char  "
              f"ratio {seconds / chars / base:4.2f}  ({found:,} entities, events and claims)", flush=True)
    worst = max(r[1] / r[0] for r in rows) / (rows[0][1] / rows[0][0])
    largest = rows[-1][1] / rows[-1][0] / (rows[0][1] / rows[0][0])
    print(f"time per character, largest / smallest: {largest:.2f} (worst size {worst:.2f}; budget 2)")


if __name__ == "__main__":
    main()
