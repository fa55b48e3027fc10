"""Load test: concurrent clients on loopback mixing search, project pages and questions.

    python -m benchmarks.load --index DIR [--clients 16] [--seconds 30] [--workers N]

Starts `python app.py` on the index (waitress, 8 threads) and reports requests, errors,
throughput and latency percentiles.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`python app.py` on an index, in a process of its own, as users run it."""

    def __init__(
        self, index_dir: Path, log: Path, workers: int = 1, env: dict[str, str] | None = None
    ) -> None:
        self.port = free_port()
        env = {**os.environ, "JIXIAO_INDEX_DIR": str(index_dir), **(env or {})}
        # The log goes to a file: a pipe nobody reads fills up and blocks the server.
        self.log = log.open("w+")
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py"), "--port", str(self.port)]
            + (["--workers", str(workers)] if workers > 1 else []),
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        # answering, then warmed (`/api/status`): one process warms in a thread while it
        # answers, and requests measured meanwhile waited for it (at 100,000 projects a
        # rare word took 141 ms over HTTP, 48 ms in-process)
        deadline = time.monotonic() + 600
        while True:
            try:
                if json.loads(self.get("/api/status")[1]).get("ready"):
                    return
            except (OSError, ValueError, AttributeError):  # not up yet, or not our server
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"the server did not start; see {log}") from None
            time.sleep(0.2)

    def get(self, path: str, timeout: float = 60) -> tuple[int, bytes]:
        url = f"http://127.0.0.1:{self.port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # gunicorn's workers finishing slowly (100,000)
            self.process.kill()
            self.process.wait(timeout=30)
        self.log.close()


def mixed_paths(server: Server) -> list[str]:
    """Search pages and API calls, every project page, and two questions."""
    projects = json.loads(server.get("/api/projects")[1])
    quote = urllib.parse.quote
    return [
        "/?q=" + quote("满意度"),
        "/api/search?q=" + quote("沪财行[2014]39号"),
        "/api/search?q=" + quote("预算") + "&category=" + quote("其他类"),
        *[f"/projects/{p['id']}" for p in projects[:20]],
        "/api/ask?q=" + quote(f"{projects[0]['name']}的总预算是多少？"),
        "/api/ask?q=" + quote("满意度指标一般设多少？"),
    ]


@dataclass
class LoadResult:
    seconds: float
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[int(p * (len(ordered) - 1))] * 1000 if ordered else float("nan")


def run_load(server: Server, paths: list[str], clients: int, seconds: float) -> LoadResult:
    """`clients` threads request `paths` in turn for `seconds`; every answer but 200 fails."""
    result = LoadResult(seconds)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(n: int) -> None:
        i = n
        while time.monotonic() < deadline:
            path = paths[i % len(paths)]
            i += 1
            started = time.perf_counter()
            try:
                status, _ = server.get(path)
            except OSError as exc:
                with lock:
                    result.failures.append(f"{path}: {exc}")
                continue
            with lock:
                result.latencies.append(time.perf_counter() - started)
                if status != 200:
                    result.failures.append(f"{path}: {status}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    args = parser.parse_args(argv)
    server = Server(args.index, args.index.parent / "load-server.log", args.workers)
    try:
        result = run_load(server, mixed_paths(server), args.clients, args.seconds)
    finally:
        server.stop()
    print(
        f"{len(result.latencies)} requests from {args.clients} clients in {args.seconds:.0f} s: "
        f"{result.throughput:.0f}/s, p50 {result.percentile(0.5):.0f} ms, "
        f"p95 {result.percentile(0.95):.0f} ms, {len(result.failures)} errors"
    )


if __name__ == "__main__":
    main()
