"""What a server's worker makes its own of the generation it shares, request by request.

    python -m benchmarks.copied --index DIR [--database-url URL]

Reads and warms the live generation as `python app.py --workers N` does before it forks
(`app.warm`), forks one process as gunicorn forks a worker, and in it sends requests one
kind after another through the real Flask app, printing after each kind the memory the
process no longer shares with its parent (private pages, MB). The pages of the shared
records become a worker's own when Python writes to them: a reference count changes
whenever code reads an object, so a request that reads every project copies the pages of
every project. Prints one Markdown table; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import urllib.parse
from pathlib import Path

from app import backend_of, create_app, warm

from .run import process_memory_mb


def requests(projects: list[dict]) -> list[tuple[str, list[str]]]:
    """The kinds of request, each with its paths: the load's mix (`benchmarks.load`) and
    questions over every project."""
    quote = urllib.parse.quote

    def ask(question: str) -> str:
        return "/api/ask?q=" + quote(question)

    return [
        ("the list of projects", ["/api/projects"]),
        ("search page: a common word", ["/?q=" + quote("满意度")]),
        ("search: a document number", ["/api/search?q=" + quote("沪财行[2014]39号")]),
        ("search: 预算 in one category", ["/api/search?q=预算&category=" + quote("其他类")]),
        ("20 project pages", [f"/projects/{p['id']}" for p in projects[:20]]),
        ("ask: a project's budget", [ask(f"{projects[0]['name']}的总预算是多少？")]),
        ("ask: the usual target of a name", [ask("满意度指标一般设多少？")]),
        ("ask: the highest budget of all", [ask("预算最高的项目是哪个")]),
        ("ask: how many projects in a year", [ask("2021年有多少个项目")]),
        ("ask: a category's budgets summed", [ask("其他类项目的预算合计多少")]),
        ("ask: the projects citing a document", [ask("哪些项目引用了沪财行〔2014〕39号")]),
        ("ask: the projects with an indicator", [ask("哪些项目设置了满意度指标")]),
        ("similar indicators", ["/api/indicators/similar?name=" + quote("满意度")]),
        ("completions", ["/api/suggest?q=" + quote("满意")]),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="the index directory")
    parser.add_argument("--database-url", help="a PostgreSQL generation instead of Whoosh")
    args = parser.parse_args(argv)
    config: dict[str, object] = {"INDEX_DIR": str(args.index), "BUILD_IF_MISSING": False}
    if args.database_url:
        config |= {"SEARCH_BACKEND": "postgres", "DATABASE_URL": args.database_url}
    app = create_app(config)
    started = time.perf_counter()
    warm(app)
    parent = process_memory_mb(os.getpid())
    print(
        f"warmed in {time.perf_counter() - started:.1f} s: {parent['rss']:,.0f} MB",
        file=sys.stderr,
    )
    backend_of(app).close()  # as before gunicorn forks: no connections across the fork
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        with os.fdopen(write, "w") as out:
            _worker(app, out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as lines:
        print(lines.read(), end="")
    _, status = os.waitpid(child, 0)
    if status:
        sys.exit(f"the worker failed ({status})")


def _worker(app, out) -> None:
    client = app.test_client()
    print("| requests | ms | own MB after | added MB |", file=out)
    print("| --- | ---: | ---: | ---: |", file=out)
    before = process_memory_mb(os.getpid())["private"]
    print(f"| (forked) | | {before:,.0f} | |", file=out)
    projects = client.get("/api/projects").get_json()
    for label, paths in requests(projects):
        started = time.perf_counter()
        for path in paths:
            response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path}: {response.status_code}")
        ms = (time.perf_counter() - started) * 1000
        now = process_memory_mb(os.getpid())["private"]
        print(f"| {label} | {ms:,.0f} | {now:,.0f} | {now - before:+,.0f} |", file=out)
        before = now


if __name__ == "__main__":
    main()
