"""Judge /api/search on the helper-written query sets (tests/search_queries_*.py).

    python tests/search_eval.py dev        # every miss, with the query and our first projects
    python tests/search_eval.py heldout    # counts only: the held-out queries stay unread

A query is right when every project it expects is among the first five distinct projects of
the results, or, for a query that should find nothing, when nothing is found. The corpus is
the one the question sets use (qa_eval.corpus_into).
"""

from __future__ import annotations

import importlib
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

TOP = 5


def first_projects(answer: dict, count: int = TOP) -> list[str]:
    """The first `count` distinct projects of a search answer's hits, in order."""
    names: list[str] = []
    for hit in answer["hits"]:
        if hit["project_name"] not in names:
            names.append(hit["project_name"])
    return names[:count]


def judge(query: dict, answer: dict) -> bool:
    if query["none"]:
        return answer["total"] == 0
    found = first_projects(answer)
    return all(name in found for name in query["expect"])


def run(client, queries: list[dict]) -> list[tuple[dict, dict, bool]]:
    import qa_eval

    return qa_eval.run(client, queries, "/api/search", judge)


def main(which: str) -> None:
    import qa_eval
    from support import app_on_corpus

    queries = importlib.import_module(f"search_queries_{which}").QUERIES
    with tempfile.TemporaryDirectory() as scratch:
        corpus = qa_eval.corpus_into(Path(scratch))
        client = app_on_corpus(corpus, Path(scratch) / "index").test_client()
        results = run(client, queries)
    right = Counter(q["kind"] for q, _, ok in results if ok)
    total = Counter(q["kind"] for q, _, _ in results)
    if not which.startswith("heldout"):
        for query, answer, ok in results:
            if not ok:
                print(f"✗ [{query['kind']}] {query['q']}  want {query['expect'] or 'nothing'}")
                print(f"    ours ({answer['total']}): {first_projects(answer)}")
    print(" ".join(f"{k}:{right[k]}/{total[k]}" for k in sorted(total)))
    print(f"{which}: {sum(right.values())}/{len(results)} right (top {TOP})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev")
