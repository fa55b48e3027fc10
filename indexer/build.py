"""Build the search index from a corpus: parse, map records to documents, write, swap."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm
from whoosh import index as whoosh_index

from . import layout
from .corpus import CorpusError, load_corpus
from .documents import documents
from .model import ParseResult
from .schema import SCHEMA_VERSION, make_schema
from .writer import SafeMpWriter, WorkerFailed

# Below this many documents one process is faster than two (start-up costs dominate).
MULTIPROCESS_THRESHOLD = 5_000
# Overrides MULTIPROCESS_THRESHOLD, so that tests can write a small corpus with workers.
THRESHOLD_VARIABLE = "JIXIAO_MULTIPROCESS_THRESHOLD"


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
    text = exc.strerror or str(exc) or type(exc).__name__
    # Lower-case a leading word ("No"), not an acronym ("I/O").
    return text[0].lower() + text[1:] if text[1:2].islower() else text


def configured_threshold() -> int:
    """MULTIPROCESS_THRESHOLD, or the value of the environment variable THRESHOLD_VARIABLE."""
    value = os.environ.get(THRESHOLD_VARIABLE, "").strip()
    if not value:
        return MULTIPROCESS_THRESHOLD
    try:
        return int(value)
    except ValueError:
        raise BuildError(
            f"{THRESHOLD_VARIABLE} must be a whole number of documents, not {value!r}"
        ) from None


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
    schema_version: int = SCHEMA_VERSION

    def lines(self) -> list[str]:
        return [
            f"indexed {count(self.projects, 'project')} from {count(self.files, 'file')} "
            f"in {self.seconds:.1f} s",
            f"  {count(self.sections, 'section')}, {count(self.indicators, 'indicator row')}, "
            f"{count(self.citations, 'citation')} -> {count(self.documents, 'document')}",
            f"  {count(self.warnings, 'warning')}, {count(self.errors, 'error')}",
            f"  live generation: {self.generation}",
        ]


def write_index(
    result: ParseResult,
    generation: Path,
    progress: bool = False,
    multiprocess_threshold: int | None = None,
) -> Counter[str]:
    """Write the Whoosh index of `result` into `generation`; returns documents per kind.

    From `multiprocess_threshold` documents on (default: `configured_threshold()`), two
    worker processes write. Raises OSError or WorkerFailed; the caller removes `generation`.
    """
    whoosh_dir = generation / layout.WHOOSH_DIR
    whoosh_dir.mkdir()
    ix = whoosh_index.create_in(str(whoosh_dir), make_schema())

    def all_documents() -> Iterator[dict[str, Any]]:
        for order, project in enumerate(result.projects):
            yield from documents(project, order)

    # Counted first and then generated again as they are written, rather than held in a
    # list: the list held every text a second time during the whole build.
    total = sum(1 for _ in all_documents())
    if multiprocess_threshold is None:
        multiprocess_threshold = configured_threshold()
    if total >= multiprocess_threshold:
        writer = SafeMpWriter(ix, procs=2, multisegment=True, limitmb=256)
    else:
        writer = ix.writer(limitmb=256)
    kinds: Counter[str] = Counter()
    bar = tqdm(total=total, desc="indexing", unit="doc", disable=None if progress else True)
    try:
        for seq, doc in enumerate(all_documents()):
            writer.add_document(**doc, seq=seq)
            kinds[doc["kind"]] += 1
            bar.update()
        writer.commit()
    except BaseException:
        # Best effort: on a full disk closing the files fails again, and the folder is
        # removed anyway. The first error is the one to report.
        with contextlib.suppress(Exception):
            writer.cancel()
        raise
    finally:
        bar.close()
    return kinds


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


def build_index(
    corpus_dir: Path,
    index_dir: Path,
    progress: bool = False,
    allow_empty: bool = False,
    multiprocess_threshold: int | None = None,
) -> tuple[BuildSummary, ParseResult]:
    """Parse `corpus_dir` and make a new index generation live in `index_dir`.

    Returns the summary and the parse result (its diagnostics are for the user to see).
    A corpus without tables is refused unless `allow_empty`: its empty index would
    replace the live one. Raises a BuildError (CorpusUnusable, EmptyCorpus,
    IndexDirUnusable, IndexWriteFailed); the live index is then unchanged.
    """
    started = time.monotonic()
    if multiprocess_threshold is None:
        multiprocess_threshold = configured_threshold()
    check_index_dir(index_dir)
    try:
        result, files = load_corpus(corpus_dir, progress=progress)
    except CorpusError as exc:
        raise CorpusUnusable(str(exc)) from None
    except OSError as exc:
        raise CorpusUnusable(f"cannot read the corpus {corpus_dir}: {reason(exc)}") from None
    if not result.projects and not allow_empty:
        live = (
            "the live index is unchanged" if layout.has_index(index_dir) else "no index was built"
        )
        raise EmptyCorpus(
            f"the corpus {corpus_dir} has no tables ({count(files, 'file')}, 0 projects); "
            f"{live}. Use --allow-empty to publish an empty index.",
            result,
            files,
        )
    try:
        with layout.build_lock(index_dir):
            layout.remove_stale_generations(index_dir)
            generation = layout.new_generation(index_dir)
            try:
                kinds = write_index(result, generation, progress, multiprocess_threshold)
                layout.write_json(
                    generation / layout.RECORDS, [p.to_dict() for p in result.projects]
                )
                summary = BuildSummary(
                    corpus=str(corpus_dir),
                    generation=generation.name,
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
                layout.write_json(generation / layout.META, asdict(summary))
                layout.make_live(index_dir, generation)
            except BaseException:
                shutil.rmtree(generation, ignore_errors=True)
                raise
            # The new index is live: failing to tidy up must not report the build failed.
            with contextlib.suppress(OSError):
                layout.remove_stale_generations(index_dir)
    except OSError as exc:
        raise IndexWriteFailed(f"{reason(exc)} while writing the index to {index_dir}") from exc
    except WorkerFailed as exc:
        raise IndexWriteFailed(f"{exc} while writing the index to {index_dir}") from exc
    return summary, result
