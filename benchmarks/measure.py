"""Run one step in a process of its own and report its time and peak memory as JSON.

python -m benchmarks.measure build CORPUS INDEX

A full build (parse and write everything) with the backend that JIXIAO_SEARCH_BACKEND
names (JIXIAO_DATABASE_URL for PostgreSQL).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def peak_mb() -> dict[str, float]:
    """Peak resident memory of this process and of its largest child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(max(own, children), 1)}


def main(argv: list[str]) -> None:
    step, corpus, index = argv
    if step != "build":
        raise SystemExit(f"unknown step {step}")
    import os

    from indexer.build import build_index

    backend = {"SEARCH_BACKEND": os.environ.get("JIXIAO_SEARCH_BACKEND", "whoosh")}
    started = time.perf_counter()
    summary, _ = build_index(Path(corpus), Path(index), backend_config=backend, full=True)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": round(seconds, 2), "documents": summary.documents, **peak_mb()}))


if __name__ == "__main__":
    main(sys.argv[1:])
