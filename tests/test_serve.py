"""`python app.py --workers 2` (issue 17, serving under load): several processes answer,
each with the same answers as one process would give."""

from __future__ import annotations

import json
import os
import platform
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from support import ROOT

from app import create_app, warm
from benchmarks.load import free_port


def get_json(port: int, path: str) -> bytes:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        assert response.status == 200
        return response.read()


def test_two_worker_processes_serve_the_same_answers(backend_config, client, tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "JIXIAO_SEARCH_BACKEND": backend_config["SEARCH_BACKEND"],
        "JIXIAO_DATABASE_URL": backend_config.get("DATABASE_URL", ""),
        "JIXIAO_INDEX_DIR": backend_config["INDEX_DIR"],
        "HOME": str(tmp_path),
    }
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py"), "--workers", "2", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                get_json(port, "/api/projects")
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "server.log").read_text()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        # gunicorn forks its workers one after another: the first may answer before the
        # second exists
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
        while len(children.read_text().split()) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(children.read_text().split()) == 2
        # the workers fork from a process that has warmed: ready as soon as they answer
        assert json.loads(get_json(port, "/api/status")) == {"ready": True}
        for path in ("/api/search?q=%E6%BB%A1%E6%84%8F%E5%BA%A6", "/api/checks", "/api/projects"):
            for _ in range(4):  # whichever worker answers
                assert get_json(port, path) == client.get(path).get_data()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


def test_the_server_says_when_it_has_warmed(backend_config):
    app = create_app({"TESTING": True, "BUILD_IF_MISSING": False, **backend_config})
    client = app.test_client()
    assert client.get("/api/status").get_json() == {"ready": False}
    assert client.get("/api/search", query_string={"q": "满意度"}).status_code == 200
    warm(app)
    assert client.get("/api/status").get_json() == {"ready": True}


def test_a_server_without_an_index_is_ready_to_say_so(tmp_path):
    app = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "none")})
    warm(app)
    client = app.test_client()
    assert client.get("/api/status").get_json() == {"ready": True}
    assert client.get("/api/search", query_string={"q": "满意度"}).status_code == 503


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc only")
def test_the_server_asks_glibc_for_one_malloc_arena():
    """Per-thread arenas made each serving thread's first search fault in new pages (40 ms
    at 100,000 projects); glibc takes the setting, unless MALLOC_ARENA_MAX is set."""

    def asked(**env: str) -> str:
        environment = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
        return subprocess.run(
            [sys.executable, "-c", "import app; print(app.one_malloc_arena())"],
            cwd=ROOT,
            env={**environment, **env},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    assert asked() == "True"
    assert asked(MALLOC_ARENA_MAX="4") == "False"
