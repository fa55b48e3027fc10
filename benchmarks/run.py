"""Benchmark Jixiao Search at several corpus sizes against SQLite FTS5 and tantivy.

    python -m benchmarks.run --sizes 1000 10000 [--work DIR] [--repeat 20]

For each size: generate a corpus, time parsing, build the index in a process of its own
(time, documents/s, size on disk, peak memory), start `python app.py` on it and time a
fixed query mix over HTTP (with facets and highlights), /api/ask,
/api/indicators/similar and /api/suggest, read the warmed server's peak memory; then build
SQLite FTS5 and tantivy on the same documents and time the same search mix in-process, next to ours
in-process. Prints one Markdown table. Timings are for a person to read, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from indexer import layout
from indexer.corpus import load_corpus
from search.args import search_request
from search.backends import open_backend
from search.service import search

from .baselines import Fts5, Tantivy, all_documents
from .generate import generate, iter_projects, write_corpus
from .load import Server

ROOT = Path(__file__).resolve().parent.parent


def query_mix(number: str) -> dict[str, dict[str, str]]:
    """The fixed search mix; `number` is a document number cited in the corpus."""
    return {
        "common word": {"q": "预算执行率"},
        "common word, by project": {"q": "预算执行率", "view": "projects"},
        "rare word": {"q": "人脸识别"},
        "phrase": {"q": '"智能卷宗"'},
        "document number": {"q": number},
        "two facet filters": {"q": "满意度", "category": "经常性专项业务费", "kind": "indicator"},
        "no match": {"q": "量子纠缠"},
    }


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def timed(call: Callable[[], Any], repeat: int) -> list[float]:
    call()  # warm up
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def directory_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def process_memory_mb(pid: int) -> dict[str, float]:
    """A process's memory now (MB): resident (`rss`), its proportional share of pages it
    shares (`pss`), and the pages no other process has (`private`)."""
    fields: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, rest = line.partition(":")
        fields[name] = int(rest.split()[0]) / 1024
    private = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return {"rss": fields.get("Rss", 0), "pss": fields.get("Pss", 0), "private": private}


def server_processes(pid: int) -> list[int]:
    """A server process and its children (gunicorn's workers)."""
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children += [int(c) for c in (task / "children").read_text().split()]
    return [pid, *children]


def get_json(server: Server, path: str, params: dict[str, str]) -> Any:
    status, body = server.get(f"{path}?{urllib.parse.urlencode(params)}")
    if status != 200:
        raise RuntimeError(f"{path} {params}: HTTP {status}")
    return json.loads(body)


def cited_number(projects: list) -> str:
    """A cited document number, written with square brackets as users type it."""
    for project in projects:
        for citation in project.citations:
            if citation.number and "〔" in citation.number:
                return citation.number.replace("〔", "[").replace("〕", "]")
    return "沪财行[2014]39号"


def run_size(size: int, work: Path, repeat: int) -> dict[str, Any]:
    row: dict[str, Any] = {"size": size}
    corpus, index = work / f"corpus-{size}", work / f"index-{size}"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(index, ignore_errors=True)
    groups = generate(size)
    write_corpus(groups, corpus)
    generated = list(iter_projects(groups))
    corpus_mb = directory_mb(corpus)

    started = time.perf_counter()
    result, files = load_corpus(corpus)
    parse_seconds = time.perf_counter() - started
    row["files"] = files
    row["parse projects/s"] = len(result.projects) / parse_seconds
    row["parse MB/s"] = corpus_mb / parse_seconds

    measured = subprocess.run(
        [sys.executable, "-m", "benchmarks.measure", "build", str(corpus), str(index)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    build = json.loads(measured.stdout.strip().splitlines()[-1])
    row["build s"] = build["seconds"]
    row["documents"] = build["documents"]
    row["build docs/s"] = build["documents"] / build["seconds"]
    row["build peak RSS MB"] = build["peak_rss_mb"]
    row["index MB"] = directory_mb(layout.current_generation(index))

    number = cited_number(generated)
    mix = query_mix(number)
    name = generated[0].name
    server = Server(index, work / f"server-{size}.log")
    try:
        row |= measure_server(server, mix, name, number, repeat)
    finally:
        server.stop()

    engine = open_backend({"INDEX_DIR": index})
    ours: list[float] = []
    for params in mix.values():
        request = search_request(params)
        ours += timed(lambda r=request: search(engine, r), repeat)
    row["ours in-process ms"] = percentiles(ours)
    row["ours build s"] = build["seconds"]

    row |= measure_baselines(engine.store().projects, mix, work, f"-{size}", repeat)
    return row


def measure_server(
    server: Server,
    mix: dict[str, dict[str, str]],
    name: str,
    number: str,
    repeat: int,
    said: Callable[[dict[str, Any]], None] = lambda row: None,
) -> dict[str, Any]:
    """Over HTTP: the search mix, completions, similar indicators, questions, and the
    warmed server's peak memory. A group with a request over 60 s says so and the others
    are still measured; `said` is told what is measured after each group."""
    row: dict[str, Any] = {}
    every: list[float] = []
    for label, params in mix.items():
        samples = timed(lambda p=params: get_json(server, "/api/search", p), repeat)
        row[f"search {label} ms"] = percentiles(samples)
        every += samples
    row["search all ms"] = percentiles(every)
    said(row)
    questions = [f"{name}的总预算是多少？", "满意度指标一般设多少？", "预算最高的项目是哪个？",
                 f"哪些项目引用了{number}？"]  # fmt: skip
    typed = ["检", "检察", "满意", name[:2], name[1:4], number[:5], "《上海市", "2019"]
    groups = {
        "suggest ms": [("/api/suggest", {"q": t}) for t in typed],
        "similar ms": [
            ("/api/indicators/similar", {"q": t})
            for t in ["检察院工作人员满意度", "财务管理制度有效性", "完成率"]
        ],
        "ask ms": [("/api/ask", {"q": q}) for q in questions],
    }
    for label, calls in groups.items():
        samples: list[float] = []
        try:
            for path, params in calls:
                samples += timed(lambda p=path, q=params: get_json(server, p, q), repeat)
            row[label] = percentiles(samples)
        except TimeoutError:  # a request over 60 s
            row[label] = "a request took over 60 s"
        said(row)
    row["server peak RSS MB"] = peak_rss_mb(server.process.pid)
    return row


def measure_baselines(
    projects: list, mix: dict[str, dict[str, str]], work: Path, suffix: str, repeat: int
) -> dict[str, Any]:
    """SQLite FTS5 and tantivy on the same documents (pretokenized with jieba), the same
    search mix in-process."""
    started = time.perf_counter()
    docs = all_documents(projects)
    row: dict[str, Any] = {PRETOKENIZE: time.perf_counter() - started}
    for baseline in (Fts5(work / f"fts5{suffix}.sqlite"), Tantivy(work / f"tantivy{suffix}")):
        row[f"{baseline.name} build s"] = baseline.build(docs)
        samples: list[float] = []
        for params in mix.values():
            filters = {k: v for k, v in params.items() if k not in ("q", "view")}
            samples += timed(lambda b=baseline, p=params, f=filters: b.search(p["q"], f), repeat)
        row[f"{baseline.name} ms"] = percentiles(samples)
    return row


PRETOKENIZE = "jieba pretokenization s (baselines)"


def _fmt(value: Any) -> str:
    if isinstance(value, tuple):
        return f"{value[0]:.1f} / {value[1]:.1f}"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def ratio(ours: tuple[float, float], theirs: tuple[float, float]) -> str:
    return f"{ours[0] / max(theirs[0], 1e-6):.1f}× / {ours[1] / max(theirs[1], 1e-6):.1f}×"


def table(rows: list[dict[str, Any]]) -> str:
    """One Markdown table: a measure per line, a corpus size per column."""
    keys = [k for k in rows[0] if k != "size"]
    lines = [
        "| measure | " + " | ".join(f"{r['size']:,} projects" for r in rows) + " |",
        "| --- | " + " | ".join("---:" for _ in rows) + " |",
    ]
    for key in keys:
        label = key + (" (p50 / p95)" if isinstance(rows[0][key], tuple) else "")
        lines.append(f"| {label} | " + " | ".join(_fmt(r[key]) for r in rows) + " |")
    for name in ("SQLite FTS5", "tantivy"):
        lines.append(
            f"| search in-process, ours ÷ {name} (p50 / p95) | "
            + " | ".join(ratio(r["ours in-process ms"], r[f"{name} ms"]) for r in rows)
            + " |"
        )
        lines.append(
            f"| index build, ours ÷ ({name} + pretokenization) | "
            + " | ".join(
                f"{r['ours build s'] / (r[f'{name} build s'] + r[PRETOKENIZE]):.1f}×" for r in rows
            )
            + " |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per query")
    parser.add_argument("--work", type=Path, help="working folder (default: a temp folder)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        print(f"benchmarking {size} projects in {work} …", file=sys.stderr)
        rows.append(run_size(size, work, args.repeat))
    print(f"Machine: {machine()}\n")
    print(table(rows))


if __name__ == "__main__":
    main()
