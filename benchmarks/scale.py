"""Benchmark each search backend on one generated corpus (issue 17): build, adding and
removing one file, search with facets, ask, similar, suggest, the server's memory, and 16
clients at once; optionally SQLite FTS5 and tantivy on the same documents.

    python -m benchmarks.scale --corpus /tmp/b/corpus-10000 --work /tmp/b/w10k \\
        [--backends whoosh postgres] [--database-url URL] [--repeat 20] [--load-seconds 30]
        [--baselines]

Without --database-url a PostgreSQL cluster of our own is made in the work folder
(`search.postgres_backend.cluster`). Prints one Markdown table (a measure per line, a
backend per column). Timings are for a person to read, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from search.args import search_request
from search.backends import open_backend
from search.postgres_backend import cluster
from search.service import search

from .load import Server, mixed_paths, run_load
from .run import (
    ROOT,
    _fmt,
    cited_number,
    machine,
    measure_baselines,
    measure_server,
    percentiles,
    process_memory_mb,
    query_mix,
    server_processes,
    timed,
)

ADDED = "zz-benchmark-added"  # the folder of the file added and removed again
# PostgreSQL's memory for this machine (23 GB): its defaults (128 MB of buffers, 4 MB per
# sort) read the documents' pages from the OS cache at every search, and 64 MB for
# building an index makes GIN write its index in many small passes. The buffers hold a
# 100,000-project generation's documents and indexes (3.5 GB): with 2 GB, a search's
# pages were copied in from the OS cache again whenever the other searches had pushed them
# out (a common word's matches took 300 instead of 120 ms)
SERVER_SETTINGS = {
    "shared_buffers": "4GB",
    "work_mem": "64MB",
    "effective_cache_size": "8GB",
    "maintenance_work_mem": "1GB",
}


def environment(backend: str, url: str | None) -> dict[str, str]:
    env = {"JIXIAO_SEARCH_BACKEND": backend}
    if url:
        env["JIXIAO_DATABASE_URL"] = url
    return env


def indexer(env: dict[str, str], *args: str) -> float:
    """Run `python -m indexer ARGS` as a user would; its wall-clock seconds."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "indexer", *args],
        cwd=ROOT, env={**os.environ, **env}, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return time.perf_counter() - started


def one_more_file(corpus: Path) -> Path:
    """A new file of the corpus: the first file's tables, of another unit (the generator
    names a file by its unit: YEAR/UNIT.txt)."""
    first = sorted(corpus.rglob("*.txt"))[0]
    text = first.read_text("utf-8").replace(first.stem, first.stem + "第二分院")
    target = corpus / ADDED / "added.txt"
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, "utf-8")
    return target


def run_backend(
    backend: str,
    corpus: Path,
    work: Path,
    url: str | None,
    repeat: int,
    load_seconds: float,
    serve: bool = True,
    build_it: bool = True,
) -> dict[str, Any]:
    """Build, change one file, and (`serve`) search in-process and through a server, with
    16 clients (`load_seconds` > 0)."""
    env = environment(backend, url)
    index = work / f"index-{backend}"
    row: dict[str, Any] = {"backend": backend}
    if build_it:
        shutil.rmtree(index, ignore_errors=True)
        shutil.rmtree(corpus / ADDED, ignore_errors=True)
        measured = subprocess.run(
            [sys.executable, "-m", "benchmarks.measure", "build", str(corpus), str(index)],
            cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, check=True,
        )  # fmt: skip
        build = json.loads(measured.stdout.strip().splitlines()[-1])
        row["build s"] = build["seconds"]
        row["documents"] = build["documents"]
        row["build peak RSS MB"] = build["peak_rss_mb"]
        said(row)

        added = one_more_file(corpus)
        common = ("--corpus", str(corpus), "--index", str(index))
        row["add one file s"] = indexer(env, "add", str(added), *common)
        added.unlink()
        row["remove one file s"] = indexer(env, "remove", str(added), *common)
        shutil.rmtree(corpus / ADDED)
        row["build, nothing changed s"] = indexer(env, "build", *common)
        said(row)
    if not serve:
        return row

    engine = open_backend(
        {"INDEX_DIR": str(index), "SEARCH_BACKEND": backend, "DATABASE_URL": url or ""}
    )
    projects = engine.store().projects
    number = cited_number(projects)
    name = projects[0].name
    mix = query_mix(number)
    ours: list[float] = []
    for params in mix.values():
        request = search_request(params)
        ours += timed(lambda r=request: search(engine, r), repeat)
    row["search in-process ms"] = percentiles(ours)
    engine.close()

    server = Server(index, work / f"server-{backend}.log", env=env)
    try:
        row |= measure_server(server, mix, name, number, repeat, said=lambda _: said(row))
    finally:
        server.stop()

    for workers in (1, 2) if load_seconds > 0 else ():
        server = Server(index, work / f"load-{backend}-{workers}.log", workers, env=env)
        try:
            result = run_load(server, mixed_paths(server), 16, load_seconds)
            # after the load: what each process holds, and how much of it is its own
            memory = [process_memory_mb(pid) for pid in server_processes(server.process.pid)]
        finally:
            server.stop()
        row[f"16 clients, {workers} process(es): RSS / PSS / private MB per process"] = " · ".join(
            f"{m['rss']:,.0f} / {m['pss']:,.0f} / {m['private']:,.0f}" for m in memory
        )
        row[f"16 clients, {workers} process(es): req/s"] = result.throughput
        row[f"16 clients, {workers} process(es): p50 / p95 ms"] = (
            result.percentile(0.5),
            result.percentile(0.95),
        )
        row[f"16 clients, {workers} process(es): errors"] = len(result.failures)
    return row


def said(row: dict[str, Any]) -> None:
    """What is measured so far, on stderr (a later step may fail)."""
    print(json.dumps(row, ensure_ascii=False), file=sys.stderr, flush=True)


def run_baselines(corpus: Path, work: Path, repeat: int) -> dict[str, Any]:
    """SQLite FTS5 and tantivy on the corpus's documents (`run.measure_baselines`)."""
    from indexer.corpus import load_corpus

    projects = load_corpus(corpus)[0].projects
    return measure_baselines(projects, query_mix(cited_number(projects)), work, "", repeat)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--backends", nargs="+", default=["whoosh", "postgres"])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--load-seconds", type=float, default=30)
    parser.add_argument("--baselines", action="store_true")
    parser.add_argument(
        "--changes-only", action="store_true", help="build and change one file; no searches"
    )
    parser.add_argument(
        "--built", action="store_true", help="the index in the work folder is built: search only"
    )
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    url = args.database_url
    own_cluster = "postgres" in args.backends and not url
    if own_cluster:
        url = cluster.start(args.work / "pg", settings=SERVER_SETTINGS)
    rows = []
    try:
        for backend in args.backends:
            print(f"benchmarking {backend} on {args.corpus} …", file=sys.stderr)
            row = run_backend(
                backend,
                args.corpus,
                args.work,
                url,
                args.repeat,
                args.load_seconds,
                serve=not args.changes_only,
                build_it=not args.built,
            )
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
    finally:
        if own_cluster:
            cluster.stop(args.work / "pg")
    print(f"Machine: {machine()}\n")
    keys = [k for k in rows[0] if k != "backend"]
    print("| measure | " + " | ".join(r["backend"] for r in rows) + " |")
    print("| --- | " + " | ".join("---:" for _ in rows) + " |")
    for key in keys:
        label = key + (" (p50 / p95)" if isinstance(rows[0][key], tuple) else "")
        print(f"| {label} | " + " | ".join(_fmt(r.get(key, "")) for r in rows) + " |")
    if args.baselines:
        base = run_baselines(args.corpus, args.work, args.repeat)
        print()
        for key, value in base.items():
            label = key + (" (p50 / p95)" if isinstance(value, tuple) else "")
            print(f"| {label} | {_fmt(value)} |")


if __name__ == "__main__":
    main()
