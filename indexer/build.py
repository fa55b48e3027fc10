"""Build the search index from a corpus: parse, map records to documents, write, swap."""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from search.backend import PublishFailed, SearchBackend
from search.backends import open_backend

from . import layout
from .corpus import CorpusError, load_corpus
from .documents import all_documents
from .model import ParseResult
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

    def lines(self) -> list[str]:
        return [
            f"indexed {count(self.projects, 'project')} from {count(self.files, 'file')} "
            f"in {self.seconds:.1f} s",
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
) -> tuple[BuildSummary, ParseResult]:
    """Parse `corpus_dir` and make a new index generation live in `index_dir`.

    Returns the summary and the parse result (its diagnostics are for the user to see).
    A corpus without tables is refused unless `allow_empty`: its empty index would
    replace the live one. `backend_config` chooses and sets up the search backend
    (SEARCH_BACKEND, …; see `search.backends.open_backend`). Raises a BuildError
    (CorpusUnusable, EmptyCorpus, IndexDirUnusable, IndexWriteFailed); the live index is
    then unchanged.
    """
    started = time.monotonic()
    try:
        backend = open_backend({**(backend_config or {}), "INDEX_DIR": index_dir})
    except ValueError as exc:  # a setting the backend cannot use
        raise BuildError(str(exc)) from None
    if backend.folder() is not None:
        check_index_dir(backend.folder())
    try:
        result, files = load_corpus(corpus_dir, progress=progress)
    except CorpusError as exc:
        raise CorpusUnusable(str(exc)) from None
    except OSError as exc:
        raise CorpusUnusable(f"cannot read the corpus {corpus_dir}: {reason(exc)}") from None
    if not result.projects and not allow_empty:
        live = "the live index is unchanged" if _serves(backend) else "no index was built"
        raise EmptyCorpus(
            f"the corpus {corpus_dir} has no tables ({count(files, 'file')}, 0 projects); "
            f"{live}. Use --allow-empty to publish an empty index.",
            result,
            files,
        )
    records = [project.to_dict() for project in result.projects]

    def describe(kinds: Counter[str], generation: str) -> dict[str, Any]:
        summary = BuildSummary(
            corpus=str(corpus_dir),
            generation=generation,
            files=files,
            projects=len(result.projects),
            sections=kinds["section"],
            indicators=sum(len(p.indicators) for p in result.projects),
            citations=kinds["citation"],
            documents=sum(kinds.values()),
            warnings=len(result.warnings),
            errors=len(result.errors),
            seconds=round(time.monotonic() - started, 2),
        )
        return asdict(summary)

    try:
        meta = backend.publish(records, all_documents(result.projects), describe, progress)
    except OSError as exc:
        where = backend.location()
        raise IndexWriteFailed(f"{reason(exc)} while writing the index to {where}") from exc
    except PublishFailed as exc:
        where = backend.location()
        raise IndexWriteFailed(f"{exc} while writing the index to {where}") from exc
    except ValueError as exc:  # a setting the backend cannot use
        raise BuildError(str(exc)) from None
    summary = BuildSummary(**{k: meta[k] for k in BuildSummary.__dataclass_fields__})
    return summary, result
