"""A build that cannot finish fails in one line and leaves nothing behind: full disk,
unusable index folder, empty corpus, dead or orphaned writer processes.

Full disks and read-only folders are small tmpfs mounts (needs root, as in CI).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from support import CORPUS, ROOT, app_on_corpus
from whoosh import index as whoosh_index

from benchmarks.generate import generate, write_corpus
from indexer import layout
from indexer.build import BuildError, EmptyCorpus, build_index
from search.whoosh_backend.publish import THRESHOLD_VARIABLE

# Hang guards only: a build here takes seconds.
BUILD_TIMEOUT = 90
WAIT_TIMEOUT = 60


def generations(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.glob("gen-*"))


def build_command(corpus: Path, index_dir: Path, *options: str) -> list[str]:
    """A full build (--full): these tests fail the writing of a whole index."""
    return [
        sys.executable, "-m", "indexer", "build", "--corpus", str(corpus),
        "--index", str(index_dir), "--full", *options,
    ]  # fmt: skip


def build_env(workers: bool) -> dict[str, str]:
    """The environment of a build; `workers` makes even a small one use writer processes."""
    env = {k: v for k, v in os.environ.items() if k != THRESHOLD_VARIABLE}
    if workers:
        env[THRESHOLD_VARIABLE] = "0"
    return env


def build(
    corpus: Path, index_dir: Path, *options: str, workers: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run `python -m indexer build` as a user would; a hang fails the test."""
    return subprocess.run(
        build_command(corpus, index_dir, *options),
        cwd=ROOT,
        env=build_env(workers),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=BUILD_TIMEOUT,
    )


def start_build(corpus: Path, index_dir: Path) -> subprocess.Popen[str]:
    """A build with writer processes, in its own session so the test can clean up."""
    return subprocess.Popen(
        build_command(corpus, index_dir),
        cwd=ROOT,
        env=build_env(workers=True),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        start_new_session=True,
    )


def process_state(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, or None if it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    state, ppid = stat.rsplit(")", 1)[1].split()[:2]
    return state, int(ppid)


def alive(pid: int) -> bool:
    """Running, not a zombie: a dead orphan stays a zombie if PID 1 does not reap it."""
    state = process_state(pid)
    return state is not None and state[0] != "Z"


def children(pid: int) -> list[int]:
    """The live child processes of `pid`, found by scanning /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            state = process_state(int(entry.name))
            if state and state[1] == pid and state[0] != "Z":
                found.append(int(entry.name))
    return found


def wait_for(condition: Callable[[], Any], what: str, timeout: float = WAIT_TIMEOUT) -> Any:
    """Poll until `condition()` is true; returns its value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    pytest.fail(f"timed out waiting for {what}")


def command_line(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def wait_for_workers(process: subprocess.Popen[str]) -> list[int]:
    """The two writer processes of a running build, once both have started."""

    def both() -> list[int] | None:
        assert process.poll() is None, "the build ended before its workers were seen"
        # Forked: the same command line as the build (a helper process would differ).
        found = [
            pid for pid in children(process.pid) if command_line(pid) == command_line(process.pid)
        ]
        return found if len(found) == 2 else None

    return wait_for(both, "the build's two writer processes")


@contextlib.contextmanager
def cleaned_up(process: subprocess.Popen[str]) -> Iterator[subprocess.Popen[str]]:
    try:
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[..., Path]]:
    """Mounts small tmpfs file systems (a full disk, a read-only folder); unmounts them."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted: list[Path] = []

    def mount(name: str, size: str = "1m", read_only: bool = False) -> Path:
        path = tmp_path / name
        path.mkdir()
        options = f"size={size}" + (",ro" if read_only else "")
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
            check=True,
            capture_output=True,
        )
        mounted.append(path)
        return path

    yield mount
    for path in reversed(mounted):
        if subprocess.run(["umount", str(path)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(path)], check=True)


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill the file system of `disk` up to `leave` free bytes; returns the filler file."""
    stats = os.statvfs(disk)
    left = stats.f_bavail * stats.f_frsize - leave
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as f:
        while left > 0:
            left -= f.write(bytes(min(left, 1 << 20)))
    return filler


@pytest.fixture(scope="module")
def generated_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 projects: a build writes for a few seconds."""
    path = tmp_path_factory.mktemp("generated") / "corpus"
    write_corpus(generate(60), path)
    return path


def no_space(index_dir: Path) -> str:
    return f"error: no space left on device while writing the index to {index_dir}\n"


# Free space left on the disk: from none to nearly what a build needs, so that the disk
# fills at different steps (index creation, postings, segment assembly, job files, a
# worker's segment). Measured: a build needs about 2.1 MB single-process on the bundled
# corpus, 5.5 MB with workers on the generated one.
SINGLE_PROCESS_LEAVES = [0, 300_000, 700_000, 1_100_000, 1_500_000]
WORKER_LEAVES = [0, 500_000, 2_000_000, 4_000_000]


@pytest.mark.parametrize(
    ("workers", "leaves"),
    [(False, SINGLE_PROCESS_LEAVES), (True, WORKER_LEAVES)],
    ids=["single-process", "writer-processes"],
)
def test_a_full_disk_fails_the_build_in_one_line_and_keeps_the_live_index(
    tmpfs, generated_corpus, workers, leaves
):
    disk = tmpfs("disk", size="16m")
    index_dir = disk / "ix"
    corpus = generated_corpus if workers else CORPUS
    assert build(CORPUS, index_dir).returncode == 0
    live = layout.current_generation(index_dir).name
    for leave in leaves:
        filler = fill(disk, leave)
        run = build(corpus, index_dir, workers=workers)
        filler.unlink()
        assert (run.returncode, run.stderr) == (1, no_space(index_dir)), f"{leave} bytes free"
        assert run.stdout == ""
        assert layout.current_generation(index_dir).name == live
        assert generations(index_dir) == [live]  # the failed generation is removed
    # With space again the next build runs: the lock was released, nothing was left over.
    run = build(corpus, index_dir, workers=workers)
    assert run.returncode == 0, run.stderr
    assert layout.current_generation(index_dir).name != live


def test_a_build_whose_writer_processes_die_fails_instead_of_hanging(tmp_path, generated_corpus):
    index_dir = tmp_path / "ix"
    build_index(CORPUS, index_dir)
    live = layout.current_generation(index_dir).name
    with cleaned_up(start_build(generated_corpus, index_dir)) as process:
        for worker in wait_for_workers(process):
            os.kill(worker, signal.SIGKILL)  # as the OOM killer would
        _, stderr = process.communicate(timeout=BUILD_TIMEOUT)
    assert process.returncode == 1
    assert stderr == (
        "error: an index writer process was killed by SIGKILL while writing the index to "
        f"{index_dir}\n"
    )
    assert layout.current_generation(index_dir).name == live
    assert generations(index_dir) == [live]
    assert build(CORPUS, index_dir).returncode == 0  # the lock was released


def test_writer_processes_end_when_the_build_is_killed(tmp_path, generated_corpus):
    with cleaned_up(start_build(generated_corpus, tmp_path / "ix")) as process:
        workers = wait_for_workers(process)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        wait_for(lambda: not any(alive(pid) for pid in workers), "the orphaned workers to end", 10)


def test_writer_processes_write_every_document(tmp_path):
    single = build(CORPUS, tmp_path / "single")
    multi = build(CORPUS, tmp_path / "multi", workers=True)
    assert multi.returncode == 0, multi.stderr
    assert multi.stdout.splitlines()[1:3] == single.stdout.splitlines()[1:3]
    ix = whoosh_index.open_dir(str(layout.current_generation(tmp_path / "multi") / "whoosh"))
    assert ix.doc_count() == 183
    assert len(ix._segments()) == 2  # one per writer process: they did the writing


@pytest.mark.parametrize("files", ["none", "no-tables", "binary"])
def test_a_corpus_without_tables_does_not_replace_the_live_index(tmp_path, files):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    if files == "no-tables":
        (corpus / "a.txt").write_text("没有表格。\n", "utf-8")
        (corpus / "b.txt").write_text("notes\n", "utf-8")
    elif files == "binary":
        (corpus / "a.txt").write_bytes(bytes(range(256)) * 8)
    index_dir = tmp_path / "ix"
    build_index(CORPUS, index_dir)
    live = layout.current_generation(index_dir).name

    run = build(corpus, index_dir)
    counted = {"none": "0 files", "no-tables": "2 files", "binary": "1 file"}[files]
    assert run.returncode == 2
    assert run.stderr.splitlines()[-1] == (
        f"error: the corpus {corpus} has no tables ({counted}, 0 projects); the live index "
        "is unchanged. Use --allow-empty to publish an empty index."
    )
    if files == "binary":  # the file's own problem says why
        assert run.stderr.startswith("corpus/a.txt: error: not a text file")
    assert "Traceback" not in run.stderr
    assert layout.current_generation(index_dir).name == live
    assert generations(index_dir) == [live]

    run = build(corpus, index_dir, "--allow-empty")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("indexed 0 projects from ")
    assert layout.current_generation(index_dir).name != live


def test_build_index_raises_empty_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with pytest.raises(EmptyCorpus, match="no index was built") as caught:
        build_index(corpus, tmp_path / "ix")
    assert isinstance(caught.value, BuildError)
    assert not layout.has_index(tmp_path / "ix")
    summary, _ = build_index(corpus, tmp_path / "ix", allow_empty=True)
    assert summary.projects == 0 and layout.has_index(tmp_path / "ix")


@pytest.mark.parametrize(
    "target", ["file", "below-a-file", "dev-null", "read-only", "read-only-new"]
)
def test_an_index_folder_that_cannot_hold_an_index_is_one_line(tmp_path, request, target):
    file = tmp_path / "file"
    file.write_text("keep me", "utf-8")
    if target == "file":
        index_dir, reason = file, "it is a file"
    elif target == "below-a-file":
        index_dir, reason = file / "ix", f"{file} is not a folder"
    elif target == "dev-null":
        index_dir, reason = Path("/dev/null"), "it is not a folder"
    else:  # root may write anywhere, but not on a read-only file system
        index_dir = request.getfixturevalue("tmpfs")("ro", read_only=True)
        if target == "read-only-new":
            index_dir /= "ix"
        reason = "read-only file system"
    run = build(CORPUS, index_dir)
    assert run.returncode == 2
    assert run.stderr == f"error: cannot use {index_dir} as the index folder: {reason}\n"
    assert file.read_text("utf-8") == "keep me"
    assert Path("/dev/null").is_char_device()


def test_the_server_starts_on_an_empty_corpus_and_says_why_it_has_no_index(tmp_path, capfd):

    (tmp_path / "corpus").mkdir()
    app = app_on_corpus(tmp_path / "corpus", tmp_path / "ix")
    err = capfd.readouterr().err.strip().splitlines()
    assert err[-1].startswith("error: the corpus ") and "has no tables" in err[-1]
    assert "Traceback" not in "\n".join(err)
    response = app.test_client().get("/api/search?q=x")
    assert response.status_code == 503 and "python -m indexer build" in response.get_json()["error"]


def test_a_threshold_that_is_not_a_number_is_one_line_and_serving_is_not_affected(tmp_path):
    index_dir = tmp_path / "ix"
    build_index(CORPUS, index_dir)
    live = generations(index_dir)
    env = {**build_env(workers=False), THRESHOLD_VARIABLE: "x"}
    done = subprocess.run(
        build_command(CORPUS, index_dir), cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=BUILD_TIMEOUT,
    )  # fmt: skip
    assert done.returncode != 0
    assert done.stderr.strip().splitlines()[-1] == (
        f"error: {THRESHOLD_VARIABLE} must be a whole number of documents, not 'x'"
    )
    assert "Traceback" not in done.stderr and generations(index_dir) == live
    served = subprocess.run(
        [sys.executable, "-m", "search", "人脸识别", "--index", str(index_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
    )  # fmt: skip
    assert served.returncode == 0 and "人脸识别" in served.stdout
