"""Time citation extraction on hostile and on large ordinary text.

    python -m benchmarks.citations [--repeat 3] [--megabytes 5]

Prints one line per input: its characters, the best time of `--repeat` runs of
`extract_citations` and the citations found. The hostile inputs are those that were quadratic
before: unclosed 《 (each rescanned to the end of the text), `沪财行[` repeated, long runs of
spaces after a number or a title. Timings are for a person to read, never asserted.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from indexer.citations import extract_citations

CITATION = "根据《上海市市级机关办公用房管理暂行办法》（沪委办发[2013]9号）"
SENTENCE = f"本项目{CITATION}执行，用于市级机关办公用房的日常维修和设施设备更新。\n"


def inputs(megabytes: float) -> dict[str, Callable[[], str]]:
    """The inputs by name, each built only when it is measured."""
    return {
        "16,000 unclosed 《": lambda: "《" * 16_000 + CITATION,
        "200,000 unclosed 《": lambda: "《" * 200_000 + CITATION,
        "200,000 沪财行[": lambda: "沪财行[" * 200_000 + CITATION,
        "100,000 spaces after a number": lambda: "沪[2014]" + " " * 100_000 + "x" + CITATION,
        "10,000 spaces after a title": lambda: "《甲办法》" + " " * 10_000 + "x" + CITATION,
        f"{megabytes:g} MB of ordinary text": lambda: (
            SENTENCE * round(megabytes * 1e6 / len(SENTENCE.encode()))
        ),
    }


def best_seconds(text: str, repeat: int) -> tuple[float, int]:
    """The fastest of `repeat` runs, and how many citations it found."""
    best, found = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        found = len(extract_citations({"basis": text}))
        best = min(best, time.perf_counter() - started)
    return best, found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per input; the best counts")
    parser.add_argument("--megabytes", type=float, default=5, help="size of the ordinary text")
    args = parser.parse_args(argv)
    for name, build in inputs(args.megabytes).items():
        text = build()
        seconds, found = best_seconds(text, args.repeat)
        print(f"{name:<32} {len(text):>10,} chars {seconds:>9.3f} s {found:>4} citations")


if __name__ == "__main__":
    main()
