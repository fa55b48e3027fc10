"""Time the costliest queries we know of against a built index (run by hand).

    python -m benchmarks.hostile --index DIR [--repeat 3]

Prints one line per query: its description, seconds (median of the runs) and the hits
found. The queries are built from the index's own most common character pairs and
characters, so they are as costly as the corpus allows: many common words with one that
never occurs (every word's AND fails, the fallback to "any word" matches everything) and
100 common single characters. Compare two versions by running this with each, on the
same index, on the same machine.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections import Counter
from itertools import pairwise
from pathlib import Path

from indexer.vocabulary import HAN
from search.args import search_request
from search.backend import SearchBackend
from search.backends import open_backend
from search.service import search

NEVER = "龘"  # a character no budget table contains


LONG_RUN = re.compile(rf"[{HAN}]{{12,}}")
HAN_CHAR = re.compile(rf"[{HAN}]")


def common_pieces(engine: SearchBackend) -> tuple[list[str], list[str], list[str]]:
    """The corpus's most common Han character pairs, characters and runs of 12 or more
    characters, most common first."""
    pairs: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    long_runs: Counter[str] = Counter()
    for project in engine.store().projects:
        for text in project.sections.values():
            han = HAN_CHAR.findall(text)
            chars.update(han)
            pairs.update(a + b for a, b in pairwise(han))
            long_runs.update(LONG_RUN.findall(text))
    return tuple(  # type: ignore[return-value]
        [piece for piece, _ in counter.most_common(200)] for counter in (pairs, chars, long_runs)
    )


def hostile_queries(engine: SearchBackend) -> dict[str, str]:
    pairs, chars, long_runs = common_pieces(engine)
    return {
        "ordinary: 预算执行率": "预算执行率",
        "65 common pairs + 1 unknown": " ".join([*pairs[:65], NEVER])[:200],
        "1 unknown + 65 common pairs": " ".join([NEVER, *pairs[:65]])[:200],
        "100 common characters": " ".join(chars[:100])[:200],
        "200 characters unspaced": "".join(pairs)[:199] + NEVER,
        "8 long common runs": " ".join(long_runs[:8])[:200],
        "1 unknown + 7 long common runs": " ".join([NEVER, *long_runs[:7]])[:200],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--export-rows", type=int, default=0, help="also time N-row pages")
    args = parser.parse_args(argv)
    engine = open_backend({"INDEX_DIR": args.index})
    search(engine, search_request({"q": "预算"}))  # open the index once
    for name, text in hostile_queries(engine).items():
        request = search_request({"q": text})
        if args.export_rows:
            request = request.with_page(1, args.export_rows)
        seconds = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            answer = search(engine, request)
            seconds.append(time.perf_counter() - started)
        print(
            f"{name:32} {statistics.median(seconds):7.3f} s  "
            f"total {answer['total']:>7}  hits {len(answer['hits'])}  {answer.get('cost', '')}"
        )


if __name__ == "__main__":
    main()
