"""Build the search index from a corpus: parse, map records to documents, write, swap."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from search.backend import PublishFailed, RecordsChange, SearchBackend
from search.backends import open_backend

from . import layout
from .checks import Peers, affected, check_project, rule_ids
from .corpus import CorpusError, corpus_files, load_files, make_ids_unique, source_name
from .documents import all_documents, problems_of
from .model import Diagnostic, ParseResult, Project
from .textio import os_reason


class BuildError(Exception):
    """A build that did not happen; the message is one line for the user.

    The live index, if any, is unchanged and nothing of the failed build is left.
    """


class CorpusUnusable(BuildError, CorpusError):
    """The corpus folder is missing, not a folder, or cannot be read."""


class EmptyCorpus(BuildError):
    """The corpus has no tables, and an empty index was not asked for.

    `result` and `files` are the parse result and file count, for its diagnostics.
    """

    def __init__(self, message: str, result: ParseResult, files: int) -> None:
        super().__init__(message)
        self.result = result
        self.files = files


class IndexDirUnusable(BuildError):
    """The index folder is not a folder, or cannot be written."""


class IndexWriteFailed(BuildError):
    """Writing the index failed part way: disk full, I/O error, a writer process died."""


def reason(exc: OSError) -> str:
    """`[Errno 28] No space left on device: 'x'` -> "no space left on device"."""
    text = os_reason(exc)
    # Lower-case a leading word ("No"), not an acronym ("I/O").
    return text[0].lower() + text[1:] if text[1:2].islower() else text


def count(n: int, noun: str) -> str:
    """`count(1, "file")` -> "1 file", `count(2, "file")` -> "2 files"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@dataclass
class BuildSummary:
    """What a build did; also stored as the generation's meta.json."""

    corpus: str
    generation: str
    files: int
    projects: int
    sections: int
    indicators: int
    citations: int
    documents: int
    warnings: int
    errors: int
    seconds: float
    parsed: int = -1  # files parsed; -1: all of them (a full build)

    def lines(self) -> list[str]:
        reused = (
            []
            if self.parsed < 0
            else [f"  parsed {count(self.parsed, 'file')}; the others' records were reused"]
        )
        return [
            f"indexed {count(self.projects, 'project')} from {count(self.files, 'file')} "
            f"in {self.seconds:.1f} s",
            *reused,
            f"  {count(self.sections, 'section')}, {count(self.indicators, 'indicator row')}, "
            f"{count(self.citations, 'citation')} -> {count(self.documents, 'document')}",
            f"  {count(self.warnings, 'warning')}, {count(self.errors, 'error')}",
            f"  live generation: {self.generation}",
        ]


def check_index_dir(index_dir: Path) -> None:
    """Make sure a build can create or write `index_dir`, without creating it.

    Raises IndexDirUnusable. Done before the corpus is parsed, which can take minutes.
    """
    unusable = f"cannot use {index_dir} as the index folder"
    try:
        existing = index_dir  # or the folder it would be created in
        while not existing.exists() and existing.parent != existing:
            existing = existing.parent
        if not existing.is_dir():
            if existing == index_dir:
                what = "a file" if index_dir.is_file() else "not a folder"
                raise IndexDirUnusable(f"{unusable}: it is {what}")
            raise IndexDirUnusable(f"{unusable}: {existing} is not a folder")
        # An unnamed file where possible: nothing is left behind, even by a crash.
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as exc:
        raise IndexDirUnusable(f"{unusable}: {reason(exc)}") from None


def _serves(backend: SearchBackend) -> bool:
    """Whether the backend has a live generation that can be served."""
    try:
        backend.check_live()
    except layout.IndexMissing:
        return False
    return True


def build_index(
    corpus_dir: Path,
    index_dir: Path,
    progress: bool = False,
    allow_empty: bool = False,
    backend_config: dict[str, Any] | None = None,
    full: bool = False,
) -> tuple[BuildSummary, ParseResult]:
    """Parse `corpus_dir` and make a new index generation live in `index_dir`.

    Files whose content the live generation was built from (same SHA-256) are not parsed
    again: their records and documents are reused, and only what changed is written
    (`SearchBackend.update`), unless `full` or the live generation was built otherwise.
    Returns the summary and the parse result (its diagnostics are for the user to see).
    A corpus without tables is refused unless `allow_empty`: its empty index would
    replace the live one. `backend_config` chooses and sets up the search backend
    (SEARCH_BACKEND, …; see `search.backends.open_backend`). Raises a BuildError
    (CorpusUnusable, EmptyCorpus, IndexDirUnusable, IndexWriteFailed); the live index is
    then unchanged.
    """
    started = time.monotonic()
    backend = _open_backend(index_dir, backend_config)
    with contextlib.closing(backend):
        with _reading_corpus(corpus_dir):
            files, skipped = corpus_files(corpus_dir)
            root = corpus_dir.resolve()
            hashes = {source_name(path, root): digest(path) for path in files}
        live = None if full else _reusable(backend)
        if live is not None:
            old = live["file_hashes"]
            change = Change(
                parse=[
                    p
                    for p, name in zip(files, hashes, strict=True)
                    if old.get(name) != hashes[name]
                ],
                drop={name for name in old if old[name] != hashes.get(name)},
                files=hashes,
            )
            if not change.parse and not change.drop:
                return _unchanged(live, skipped, started)
            state = _update_state(backend)
            if state is not None:  # else (damaged) a full build
                args = (change, live, state, skipped, progress, allow_empty, started)
                return _apply(backend, corpus_dir, *args)
        with _reading_corpus(corpus_dir):
            result = ParseResult(diagnostics=skipped)
            result.extend(load_files(files, corpus_dir, progress))
            result.diagnostics.extend(make_ids_unique(result.projects))
        _refuse_empty(len(result.projects), result, len(files), corpus_dir, backend, allow_empty)
        peers = Peers.of(result.projects)
        problems = problems_of(result.projects, peers)
        of_files = result.diagnostics[len(skipped) :]
        manifest = _manifest(hashes, skipped, of_files, problems, len(result.projects))
        indicators = sum(len(p.indicators) for p in result.projects)
        describe = _describer(
            corpus_dir, len(result.projects), indicators, result, len(files), started, manifest
        )
        records = [project.to_dict() for project in result.projects]
        extras = {STATE: _state(peers, _ids_by_file(result.projects))}
        with _writing(backend):
            meta = backend.publish(
                records, all_documents(result.projects, problems), describe, progress, extras
            )
        return _summary(meta), result


def add_files(
    corpus_dir: Path,
    index_dir: Path,
    paths: list[Path],
    progress: bool = False,
    backend_config: dict[str, Any] | None = None,
) -> tuple[BuildSummary, ParseResult]:
    """Parse `paths` (files of the corpus in `corpus_dir`) and add their tables to the
    live index, replacing what an earlier version of a file gave. Raises BuildError."""
    started = time.monotonic()
    backend, (live, state) = _changing(index_dir, backend_config)
    with contextlib.closing(backend):
        chosen: dict[str, Path] = {}  # by name: a file named twice is read once
        hashes: dict[str, str] = {}
        readable = _read_by_build(corpus_dir)
        for given in paths:
            name = _name_in_corpus(given, corpus_dir)
            if not given.is_file() or not given.name.lower().endswith((".txt", ".pdf")):
                raise BuildError(f"{given}: not a *.txt or *.pdf file")
            if name not in readable:
                raise BuildError(
                    f"{given}: a build of {corpus_dir} does not read it (a hidden file or "
                    "folder, or a link to a file outside the corpus or read under its own name)"
                )
            path = readable[name]
            try:
                chosen[name], hashes[name] = path, digest(path)
            except OSError as exc:
                raise BuildError(f"cannot read {path}: {reason(exc)}") from None
        change = Change(
            parse=[chosen[name] for name in sorted(chosen)],  # in corpus order
            drop=set(chosen),
            files=dict(sorted({**live["file_hashes"], **hashes}.items())),
        )
        return _apply(backend, corpus_dir, change, live, state, None, progress, True, started)


def remove_files(
    corpus_dir: Path,
    index_dir: Path,
    paths: list[Path],
    progress: bool = False,
    backend_config: dict[str, Any] | None = None,
) -> tuple[BuildSummary, ParseResult]:
    """Take the tables of `paths` (files of the corpus, which may be gone from disk) out
    of the live index. Raises BuildError, also for a file the index does not hold."""
    started = time.monotonic()
    backend, (live, state) = _changing(index_dir, backend_config)
    with contextlib.closing(backend):
        names = {_name_in_corpus(path, corpus_dir) for path in paths}
        unknown = sorted(names - set(live["file_hashes"]))
        if unknown:
            raise BuildError(f"the index holds no file {', '.join(unknown)}")
        files = {name: h for name, h in live["file_hashes"].items() if name not in names}
        change = Change(parse=[], drop=names, files=files)
        return _apply(backend, corpus_dir, change, live, state, None, progress, True, started)


@dataclass
class Change:
    """What an update does: the files to parse, the files whose records go (removed or
    parsed again), and the new generation's files with their SHA-256."""

    parse: list[Path]
    drop: set[str]
    files: dict[str, str]


def digest(path: Path) -> str:
    """A file's SHA-256, in hex."""
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _open_backend(index_dir: Path, backend_config: dict[str, Any] | None) -> SearchBackend:
    try:
        backend = open_backend(
            {**(backend_config or {}), "INDEX_DIR": index_dir, "FOR_WRITING": True}
        )
    except ValueError as exc:  # a setting the backend cannot use
        raise BuildError(str(exc)) from None
    if backend.folder() is not None:
        check_index_dir(backend.folder())
    return backend


def _reusable(backend: SearchBackend) -> dict[str, Any] | None:
    """The live generation's description, if it says what an update needs and was made
    by this version of the parsers and checks (another one may read the same file into
    other records)."""
    with _writing(backend):
        meta = backend.live_meta()
    needed = ("file_hashes", "listing", "diagnostics", "problems", "next_order")
    if not meta or not all(key in meta for key in needed):
        return None
    return meta if meta.get("parser") == parser_version() else None


def _update_state(backend: SearchBackend) -> dict[str, Any] | None:
    """The live generation's update state (`_state`); None if it has none or it cannot
    be read (damaged: a full build writes it again). Read only once a change is found."""
    try:
        state = backend.live_extra(STATE)
    except (OSError, ValueError, PublishFailed):
        return None
    return state if isinstance(state, dict) and {"peers", "files"} <= state.keys() else None


# The extra (`SearchBackend.publish`) that holds what an update needs besides the
# description: the checks' peers, and the ids of each file's projects.
STATE = "update"


def _state(peers: Peers, ids_by_file: dict[str, list[str]]) -> dict[str, Any]:
    return {"peers": peers.to_json(), "files": ids_by_file}


def _ids_by_file(projects: list[Project]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for project in projects:
        grouped.setdefault(project.source.file, []).append(project.id)
    return grouped


class _Kept(Mapping[str, Project]):
    """The projects an update keeps, by id; a record is read from the live generation
    only when asked for (an added table whose id is taken names the one that has it)."""

    def __init__(
        self, files: dict[str, list[str]], read: Callable[[list[str]], list[dict[str, Any]]]
    ) -> None:
        self._file = {pid: name for name, ids in files.items() for pid in ids}
        self._read = read

    def __contains__(self, pid: object) -> bool:
        return pid in self._file

    def __getitem__(self, pid: str) -> Project:
        for record in self._read([self._file[pid]]):
            if record["id"] == pid:
                return Project.from_dict(record)
        raise KeyError(pid)

    def __iter__(self) -> Iterator[str]:
        return iter(self._file)

    def __len__(self) -> int:
        return len(self._file)


@functools.cache
def parser_version() -> str:
    """A digest of the code and data that turn files into records and findings: every
    file of the `indexer` package."""
    package = Path(__file__).parent
    h = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt") and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _changing(
    index_dir: Path, backend_config: dict[str, Any] | None
) -> tuple[SearchBackend, tuple[dict[str, Any], dict[str, Any]]]:
    """The backend, and the description and update state of the live generation a change
    starts from."""
    backend = _open_backend(index_dir, backend_config)
    try:
        live = _reusable(backend)
    except BuildError:
        backend.close()
        raise
    state = None if live is None else _update_state(backend)
    if live is None or state is None:
        backend.close()
        raise BuildError(
            f"there is no index in {backend.location()} to change (or it was built by an "
            "older version, or what an update reads of it is damaged); build it first: "
            f"{layout.rebuild_command(index_dir)}"
        )
    return backend, (live, state)


def _name_in_corpus(path: Path, corpus_dir: Path) -> str:
    """How records name `path` (which may be gone); a BuildError if it is not inside the
    corpus folder (a full build would not read it, so an update may not either)."""
    # the folders resolved, the file's own name kept (a symlink is read under its name)
    absolute, root = Path(os.path.abspath(path)).parent.resolve() / path.name, corpus_dir.resolve()
    try:
        absolute.relative_to(root)
    except ValueError:
        raise BuildError(f"{path} is not inside the corpus folder {corpus_dir}") from None
    return source_name(absolute, root)


def _read_by_build(corpus_dir: Path) -> dict[str, Path]:
    """The files a build of the corpus reads, by the name records give them."""
    with _reading_corpus(corpus_dir):
        files, _ = corpus_files(corpus_dir)
    root = corpus_dir.resolve()
    return {source_name(path, root): path for path in files}


def _unchanged(
    live: dict[str, Any], skipped: list[Diagnostic], started: float
) -> tuple[BuildSummary, ParseResult]:
    """A build that finds every file as the live generation has it: nothing is written
    (the servers keep what they read), and no file is parsed (the result has no
    projects, and the diagnostics parsing them gave)."""
    diagnostics = [*skipped, *(Diagnostic(**d) for d in live["diagnostics"])]
    summary = _summary({**live, "seconds": round(time.monotonic() - started, 2), "parsed": 0})
    return summary, ParseResult(diagnostics=diagnostics)


def _apply(
    backend: SearchBackend,
    corpus_dir: Path,
    change: Change,
    live: dict[str, Any],
    state: dict[str, Any],
    skipped: list[Diagnostic] | None,
    progress: bool,
    allow_empty: bool,
    started: float,
) -> tuple[BuildSummary, ParseResult]:
    """Make live the live generation changed by `change`: the records of the files it
    drops go, the files it parses come in. Only what changes is read: the dropped files'
    records, and the records of the kept projects whose findings a peer rule may now
    judge otherwise (`checks.affected`, from the peers kept in `state`); those whose
    findings did change are indexed again (their 问题 facet). `skipped`: what listing the
    corpus found (None: as the live generation was listed). The parse result holds the
    projects of the files parsed, and every file's diagnostics."""
    files: dict[str, list[str]] = state["files"]
    leaving = sorted(change.drop & files.keys())
    with _writing(backend):
        dropped = backend.live_records(leaving)
    gone = {pid for name in leaving for pid in files[name]}
    if {record["id"] for record in dropped} != gone:
        raise BuildError(
            f"the records of {', '.join(leaving)} in {backend.location()} are not those the "
            "index lists (damaged); rebuild it: python -m indexer build --full"
        )
    kept = {name: ids for name, ids in files.items() if name not in change.drop}
    with _reading_corpus(corpus_dir):
        parsed = load_files(change.parse, corpus_dir, progress)
    with _writing(backend):
        parsed.diagnostics.extend(
            make_ids_unique(parsed.projects, taken=_Kept(kept, backend.live_records))
        )
    if skipped is None:
        skipped = [Diagnostic(**d) for d in live["listing"]]
    of_files = [
        *(Diagnostic(**d) for d in live["diagnostics"] if d["file"] not in change.drop),
        *parsed.diagnostics,
    ]
    result = ParseResult(projects=parsed.projects, diagnostics=[*skipped, *of_files])
    projects = sum(len(ids) for ids in kept.values()) + len(parsed.projects)
    _refuse_empty(projects, result, len(change.files), corpus_dir, backend, allow_empty)
    before = Peers.from_json(state["peers"])
    peers = before.changed(gone, parsed.projects)
    problems = {pid: rules for pid, rules in live["problems"].items() if pid not in gone}
    problems.update(problems_of(parsed.projects, peers))
    new = gone | {p.id for p in parsed.projects}
    restated = _restated(backend, kept, before, peers, new, live["problems"])
    for project, rules in restated:
        if rules:
            problems[project.id] = rules
        else:
            problems.pop(project.id, None)
    fresh = parsed.projects + [project for project, _ in restated]
    next_order = live["next_order"]
    manifest = _manifest(change.files, skipped, of_files, problems, next_order + len(fresh))
    indicators = (
        live["indicators"]
        - sum(len(record["indicators"]) for record in dropped)
        + sum(len(project.indicators) for project in parsed.projects)
    )
    describe = _describer(
        corpus_dir,
        projects,
        indicators,
        result,
        len(change.files),
        started,
        manifest,
        parsed=len(change.parse),
    )
    records_change = RecordsChange(
        records=[project.to_dict() for project in parsed.projects],
        drop=change.drop,
        extras={STATE: _state(peers, {**kept, **_ids_by_file(parsed.projects)})},
    )
    documents = all_documents(fresh, problems, first_order=next_order)
    remove = gone | {project.id for project, _ in restated}
    with _writing(backend):
        meta = backend.update(records_change, remove, documents, describe, live, progress)
    return _summary(meta), result


def _restated(
    backend: SearchBackend,
    kept: dict[str, list[str]],
    before: Peers,
    peers: Peers,
    skip: set[str],
    problems: dict[str, list[str]],
) -> list[tuple[Project, list[str]]]:
    """The kept projects whose findings under `peers` differ from `problems` (theirs
    under `before`), each with the rules that now find something in it (the others' are
    as they were: only the peer rules depend on other tables, and only for what
    `affected` names)."""
    candidates = affected(before, peers, skip)
    if not candidates:
        return []
    names = sorted(name for name, ids in kept.items() if not candidates.isdisjoint(ids))
    with _writing(backend):
        records = backend.live_records(names)
    changed = []
    for record in records:
        if record["id"] in candidates:
            project = Project.from_dict(record)
            now = rule_ids(check_project(project, peers))
            if now != problems.get(project.id, []):
                changed.append((project, now))
    return changed


def _refuse_empty(
    projects: int,
    result: ParseResult,
    files: int,
    corpus_dir: Path,
    backend: SearchBackend,
    allow: bool,
) -> None:
    if projects or allow:
        return
    live = "the live index is unchanged" if _serves(backend) else "no index was built"
    raise EmptyCorpus(
        f"the corpus {corpus_dir} has no tables ({count(files, 'file')}, 0 projects); "
        f"{live}. Use --allow-empty to publish an empty index.",
        result,
        files,
    )


def _manifest(
    files: dict[str, str],
    listing: list[Diagnostic],
    diagnostics: list[Diagnostic],
    problems: dict[str, list[str]],
    next_order: int,
) -> dict[str, Any]:
    """What a later update needs to know of a generation (kept in its description): the
    files and their SHA-256, what listing the corpus said, what parsing the files said,
    what the checks found, the next project number."""
    return {
        "file_hashes": files,
        "listing": [asdict(d) for d in listing],
        "diagnostics": [asdict(d) for d in diagnostics],
        "problems": problems,
        "next_order": next_order,
        "parser": parser_version(),
    }


def _describer(
    corpus_dir: Path,
    projects: int,
    indicators: int,
    result: ParseResult,
    files: int,
    started: float,
    manifest: dict[str, Any],
    parsed: int = -1,
) -> Callable[[Counter[str], str], dict[str, Any]]:
    """`describe` for the backend: the summary of a generation of `projects` projects with
    `indicators` indicator rows (`result`: every file's diagnostics), and the manifest."""

    def describe(kinds: Counter[str], generation: str) -> dict[str, Any]:
        summary = BuildSummary(
            corpus=str(corpus_dir),
            generation=generation,
            files=files,
            projects=projects,
            sections=kinds["section"],
            indicators=indicators,
            citations=kinds["citation"],
            documents=sum(kinds.values()),
            warnings=len(result.warnings),
            errors=len(result.errors),
            seconds=round(time.monotonic() - started, 2),
            parsed=parsed,
        )
        return {**asdict(summary), **manifest}

    return describe


@contextmanager
def _reading_corpus(corpus_dir: Path) -> Iterator[None]:
    """Failures while listing or parsing the corpus (an unreadable folder or file, a
    parsing worker that died), as CorpusUnusable."""
    try:
        yield
    except CorpusError as exc:
        raise CorpusUnusable(str(exc)) from None
    except OSError as exc:
        raise CorpusUnusable(f"cannot read the corpus {corpus_dir}: {reason(exc)}") from None


@contextmanager
def _writing(backend: SearchBackend) -> Iterator[None]:
    """The backend's failures while reading or writing the index, as BuildErrors."""
    try:
        yield
    except layout.IndexMissing as exc:
        raise BuildError(str(exc)) from None
    except OSError as exc:
        where = backend.location()
        raise IndexWriteFailed(f"{reason(exc)} while writing the index to {where}") from exc
    except PublishFailed as exc:
        raise IndexWriteFailed(f"{exc} while writing the index to {backend.location()}") from exc
    except ValueError as exc:  # a setting the backend cannot use
        raise BuildError(str(exc)) from None


def _summary(meta: dict[str, Any]) -> BuildSummary:
    return BuildSummary(**{k: meta[k] for k in BuildSummary.__dataclass_fields__})
