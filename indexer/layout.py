"""Where an index lives on disk, and how a new build replaces the live one.

    INDEX_DIR/
      CURRENT            the name of the live generation, replaced atomically
      .build.lock        held by the one build that may run at a time
      gen-…/whoosh/      the Whoosh index of a generation
      gen-…/records/     the records it was built from (SPEC §2), a JSON file per
                         source file
      gen-…/*.extra.json what an update needs besides (the checks' peers …)
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
import re
import shutil
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

CURRENT = "CURRENT"
LOCK = ".build.lock"
WHOOSH_DIR = "whoosh"
RECORDS_DIR = "records"
META = "meta.json"
GENERATION_PREFIX = "gen-"
# What new_generation makes: gen-, UTC time, nanoseconds, process id.
GENERATION_NAME = re.compile(r"gen-\d{8}T\d{6}\.\d{9}-\d{1,10}")
# CURRENT holds one such name: anything longer is damage, and is not read in full.
MAX_CURRENT_BYTES = 256


INDEX_DIR_VARIABLE = "JIXIAO_INDEX_DIR"


def default_index_dir(base: Path | None = None) -> Path:
    """Where the index lives unless told otherwise: $JIXIAO_INDEX_DIR, else
    `instance/index` under `base` (default: the current folder). The app and the
    command line both ask here."""
    configured = os.environ.get(INDEX_DIR_VARIABLE)
    if configured:
        return Path(configured)
    return (base or Path()) / "instance" / "index"


class IndexMissing(Exception):
    """No complete index in the folder; the message says how to build one."""


def build_command(index_dir: Path) -> str:
    return f"python -m indexer build --index {index_dir}"


def rebuild_command(index_dir: Path) -> str:
    """What rebuilds a damaged index: everything written again, nothing of it reused."""
    return f"{build_command(index_dir)} --full"


def current_generation(index_dir: Path) -> Path:
    """The live generation's folder. Raises IndexMissing with the command that builds one.

    CURRENT is read on every request, so whatever is found there (a folder, a huge file,
    bytes that are not a name) must cost little and end in IndexMissing, never in a crash.
    """
    try:
        name = _read_current(index_dir / CURRENT)
    except FileNotFoundError:
        raise IndexMissing(
            f"no index in {index_dir}; build it with: {build_command(index_dir)}"
        ) from None
    except (OSError, UnicodeError) as exc:
        raise _damaged(index_dir, f"CURRENT unreadable: {type(exc).__name__}") from None
    if name is None:
        raise _damaged(index_dir, "CURRENT is not a file")
    if not is_generation_name(name):
        raise _damaged(index_dir, "CURRENT does not name a generation")
    generation = index_dir / name
    try:
        complete = stat.S_ISREG(os.stat(generation / META).st_mode)
    except OSError:
        complete = False
    if not complete:
        raise IndexMissing(
            f"the index in {index_dir} is incomplete or damaged; rebuild it with: "
            f"{build_command(index_dir)}"
        )
    return generation


def _damaged(index_dir: Path, why: str) -> IndexMissing:
    return IndexMissing(
        f"the index in {index_dir} is damaged ({why}); rebuild it with: {build_command(index_dir)}"
    )


def _read_current(path: Path) -> str | None:
    """CURRENT's text, or None if it is not a regular file. Reads a few bytes at most."""
    # O_NONBLOCK: opening a FIFO put in CURRENT's place would otherwise wait forever.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = os.read(fd, MAX_CURRENT_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_CURRENT_BYTES:
        return ""  # no generation name is this long
    return data.decode("utf-8").strip()


def is_generation_name(name: str) -> bool:
    """Whether `name` is one that `new_generation` makes."""
    return GENERATION_NAME.fullmatch(name) is not None


def has_current(index_dir: Path) -> bool:
    """Whether the folder has a CURRENT at all, even a damaged one."""
    return os.path.lexists(index_dir / CURRENT)


def has_index(index_dir: Path) -> bool:
    """Whether the folder has a live generation that is complete."""
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


def dumps(value: Any) -> bytes:
    """`value` as UTF-8 JSON, as the index folder's files hold it: through orjson (45 MB
    of update state at 100,000 projects in 0.07 s, the standard library's json 0.7 s).
    What orjson cannot write (an integer above 64 bits: a garbled amount in a table) the
    standard library writes, after a space that tells `loads` to read it back the same
    way (orjson would read such an integer as a float)."""
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        return b" " + json.dumps(value, ensure_ascii=False).encode("utf-8")


def loads(data: bytes) -> Any:
    """What `dumps` (or, before it, the standard library's json) wrote; ValueError if it
    is not JSON."""
    if data[:1] == b" ":
        return json.loads(data)
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)  # NaN or Infinity, as the standard library writes them


def read_json(path: Path) -> Any:
    """A JSON file of the index folder (`loads`). Raises OSError or ValueError."""
    return loads(path.read_bytes())


def write_json(path: Path, data: Any) -> None:
    """Write JSON (`dumps`) through a temporary file, so a reader never sees half of it."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        f.write(dumps(data))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def make_live(index_dir: Path, generation: Path) -> None:
    """Point CURRENT at `generation` in one atomic step, replacing whatever CURRENT was."""
    current = index_dir / CURRENT
    tmp = index_dir / f"{CURRENT}.tmp"
    _remove(tmp)  # the remains of a crash, possibly not even a file
    tmp.write_text(generation.name + "\n", encoding="utf-8")
    if _is_real_dir(current):
        # A file cannot replace a folder; a folder named CURRENT in our index folder is
        # damage, and readers already find no index there.
        shutil.rmtree(current)
    os.replace(tmp, current)


def _is_real_dir(path: Path) -> bool:
    """A folder, not a symbolic link to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


def _remove(path: Path) -> None:
    """Remove a file, link or folder, if there is one."""
    if _is_real_dir(path):
        shutil.rmtree(path)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def remove_stale_generations(index_dir: Path, keep: int = 1) -> list[str]:
    """Remove generations but the live one and the `keep` newest complete others.

    Only real folders named gen-… are touched: files and symbolic links of that name were
    not made by a build. Call only while holding the build lock: a generation being built
    has no meta.json yet and would otherwise look like the remains of a crash.
    """
    try:
        live = current_generation(index_dir).name
    except IndexMissing:
        live = None
    try:
        with os.scandir(index_dir) as entries:
            others = sorted(
                (
                    Path(entry.path)
                    for entry in entries
                    if entry.name.startswith(GENERATION_PREFIX)
                    and entry.name != live
                    and entry.is_dir(follow_symlinks=False)
                ),
                key=lambda p: p.name,
                reverse=True,
            )
    except FileNotFoundError:
        return []
    # A complete folder whose name new_generation did not make can never be live.
    complete = [p for p in others if is_generation_name(p.name) and (p / META).is_file()][:keep]
    removed = []
    for path in others:
        if path not in complete:
            shutil.rmtree(path, ignore_errors=True)
            if not os.path.lexists(path):
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
