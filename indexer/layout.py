"""Where an index lives on disk, and how a new build replaces the live one.

    INDEX_DIR/
      CURRENT            the name of the live generation, replaced atomically
      .build.lock        held by the one build that may run at a time
      gen-…/whoosh/      the Whoosh index of a generation
      gen-…/records.json the records it was built from (SPEC §2)
      gen-…/meta.json    what the build did; written last, so its presence marks a
                         complete generation

A build writes a new generation beside the live one and then points CURRENT at it:
readers see the old index or the new one, never a half-built one. The previous
generation is kept for readers that still have it open; older ones and the remains of
crashed builds are removed by the next build.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CURRENT = "CURRENT"
LOCK = ".build.lock"
WHOOSH_DIR = "whoosh"
RECORDS = "records.json"
META = "meta.json"
GENERATION_PREFIX = "gen-"


class IndexMissing(Exception):
    """No complete index in the folder; the message says how to build one."""


def build_command(index_dir: Path) -> str:
    return f"python -m indexer build --index {index_dir}"


def current_generation(index_dir: Path) -> Path:
    """The live generation's folder. Raises IndexMissing with the command that builds one."""
    try:
        name = (index_dir / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise IndexMissing(
            f"no index in {index_dir}; build it with: {build_command(index_dir)}"
        ) from None
    generation = index_dir / name
    if not name.startswith(GENERATION_PREFIX) or not (generation / META).is_file():
        raise IndexMissing(
            f"the index in {index_dir} is incomplete or damaged; rebuild it with: "
            f"{build_command(index_dir)}"
        )
    return generation


def has_index(index_dir: Path) -> bool:
    try:
        current_generation(index_dir)
    except IndexMissing:
        return False
    return True


def new_generation(index_dir: Path) -> Path:
    """A fresh, empty generation folder (not yet live)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    now = time.time_ns()
    # Names sort in build order: UTC time to the nanosecond, then the process id.
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now // 10**9))
    path = index_dir / f"{GENERATION_PREFIX}{stamp}.{now % 10**9:09d}-{os.getpid()}"
    path.mkdir()
    return path


def write_json(path: Path, data: Any) -> None:
    """Write JSON through a temporary file, so a reader never sees half of it."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def make_live(index_dir: Path, generation: Path) -> None:
    """Point CURRENT at `generation` in one atomic step."""
    tmp = index_dir / f"{CURRENT}.tmp"
    tmp.write_text(generation.name + "\n", encoding="utf-8")
    os.replace(tmp, index_dir / CURRENT)


def remove_stale_generations(index_dir: Path, keep: int = 1) -> list[str]:
    """Remove generations but the live one and the `keep` newest complete others.

    Call only while holding the build lock: a generation being built has no meta.json
    yet and would otherwise look like the remains of a crash.
    """
    try:
        live = current_generation(index_dir).name
    except IndexMissing:
        live = None
    others = sorted(
        (p for p in index_dir.glob(f"{GENERATION_PREFIX}*") if p.is_dir() and p.name != live),
        key=lambda p: p.name,
        reverse=True,
    )
    complete = [p for p in others if (p / META).is_file()][:keep]
    removed = []
    for path in others:
        if path not in complete:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
    return removed


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Hold the index folder's build lock; the OS releases it when the process dies.

    A POSIX record lock (lockf), not flock: the index writer forks worker processes,
    which would inherit an flock and keep it held after a crash of the build.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # not POSIX: run unlocked
        yield
        return
    with (index_dir / LOCK).open("a") as handle:
        fcntl.lockf(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.lockf(handle, fcntl.LOCK_UN)
