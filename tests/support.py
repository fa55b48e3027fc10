"""Paths and small helpers shared by the tests."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.util import random_name

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
    """The app on an index of `corpus`, built first as `python app.py` builds it (with the
    backend `python app.py` would use: config's SEARCH_BACKEND, else env
    JIXIAO_SEARCH_BACKEND, else Whoosh)."""
    from app import create_app, ensure_index

    config = {
        "SEARCH_BACKEND": os.environ.get("JIXIAO_SEARCH_BACKEND", "whoosh"),
        **config,
        "CORPUS_DIR": str(corpus),
        "INDEX_DIR": str(index_dir),
    }
    ensure_index(corpus, index_dir, config)
    return create_app(config)


# Whoosh's RamStorage writes its temporary column files to <tmp>/MAIN.tmp, one folder for
# every process on the machine: two test runs at once delete each other's files. Ours go to
# a folder of this run.
_RAM_TEMP = tempfile.mkdtemp(prefix="jixiao-ram-")
atexit.register(shutil.rmtree, _RAM_TEMP, ignore_errors=True)


class RunRamStorage(RamStorage):
    """An index in memory whose temporary files stay in this test run's own folder."""

    def temp_storage(self, name: str | None = None) -> FileStorage:
        return FileStorage(os.path.join(_RAM_TEMP, name or f"{random_name()}.tmp")).create()


def sample_updated_twice(where: Path) -> Path:
    """The sample built into `where`/index, then a copy of one of its files added (a
    second segment) and changed (its first documents deleted, a third segment): an index
    as updates leave it. Returns the index folder."""
    from indexer.build import add_files, build_index

    corpus = where / "corpus"
    shutil.copytree(CORPUS, corpus)
    index_dir = where / "index"
    build_index(corpus, index_dir)
    text = next(corpus.glob("*.txt")).read_text("utf-8")
    copy = corpus / "later" / "copy.txt"
    copy.parent.mkdir()
    copy.write_text(text, "utf-8")
    add_files(corpus, index_dir, [copy])
    copy.write_text(text.replace("人脸识别", "指纹识别"), "utf-8")
    add_files(corpus, index_dir, [copy])
    return index_dir
