"""Paths and small helpers shared by the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SAMPLE = CORPUS / "shanghai-procuratorate-2020.txt"


def subprocess_run(args: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run `python ARGS` as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def run_indexer(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run `python -m indexer ARGS` as a user would, capturing its output."""
    return subprocess_run(["-m", "indexer", *args], cwd)


def app_on_corpus(corpus: Path, index_dir: Path, **config: object):
    """The app on an index of `corpus`, built first as `python app.py` builds it."""
    from app import create_app, ensure_index

    ensure_index(corpus, index_dir)
    return create_app({"CORPUS_DIR": str(corpus), "INDEX_DIR": str(index_dir), **config})
