"""Writing a Whoosh generation: the index beside the live one, then the switch.

One process writes below MULTIPROCESS_THRESHOLD documents; from there two worker
processes do (`writer.SafeMpWriter`), which fail instead of hanging and die with the
build.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from tqdm import tqdm
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage

from indexer import layout
from search.backend import RecordsChange, changed_since

from . import records as record_files
from .schema import SCHEMA_VERSION, make_schema
from .writer import SafeMpWriter

# Below this many documents one process is faster than two (start-up costs dominate).
MULTIPROCESS_THRESHOLD = 5_000
# Overrides MULTIPROCESS_THRESHOLD, so that tests can write a small corpus with workers.
THRESHOLD_VARIABLE = "JIXIAO_MULTIPROCESS_THRESHOLD"


def configured_threshold() -> int:
    """MULTIPROCESS_THRESHOLD, or the value of the environment variable THRESHOLD_VARIABLE.

    Raises ValueError (with a message for the user) for a value that is not a number.
    """
    value = os.environ.get(THRESHOLD_VARIABLE, "").strip()
    if not value:
        return MULTIPROCESS_THRESHOLD
    try:
        return int(value)
    except ValueError:
        raise ValueError(
            f"{THRESHOLD_VARIABLE} must be a whole number of documents, not {value!r}"
        ) from None


def write_index(
    documents: Callable[[], Iterator[dict[str, Any]]],
    generation: Path,
    progress: bool = False,
    multiprocess_threshold: int | None = None,
) -> Counter[str]:
    """Write the Whoosh index of `documents` into `generation`; returns documents per kind.

    From `multiprocess_threshold` documents on (default: `configured_threshold()`), two
    worker processes write. Raises OSError or WorkerFailed; the caller removes `generation`.
    """
    whoosh_dir = generation / layout.WHOOSH_DIR
    whoosh_dir.mkdir()
    ix = whoosh_index.create_in(str(whoosh_dir), make_schema())
    return _write_documents(ix, documents, Counter(), progress, threshold=multiprocess_threshold)


def _write_documents(
    ix: Any,
    documents: Callable[[], Iterator[dict[str, Any]]],
    kinds: Counter[str],
    progress: bool,
    first_seq: int = 0,
    remove: set[str] = frozenset(),  # type: ignore[assignment]
    threshold: int | None = None,
    merge: bool = True,
) -> Counter[str]:
    """Delete the documents of the projects `remove` names and write `documents`
    (numbered from `first_seq`) into `ix`, counting them into `kinds` (returned). From
    `threshold` documents on (default: `configured_threshold()`), two worker processes
    write, a segment each; without `merge` (an update) the old segments are left as they
    are (a full build merges them). Raises OSError or WorkerFailed."""
    # Counted first and then generated again as they are written, rather than held in a
    # list: the list held every text a second time during the whole build.
    total = sum(1 for _ in documents())
    if total >= (configured_threshold() if threshold is None else threshold):
        writer = SafeMpWriter(ix, procs=2, multisegment=True, limitmb=256)
    else:
        writer = ix.writer(limitmb=256)
    bar = tqdm(total=total, desc="indexing", unit="doc", disable=None if progress else True)
    try:
        for project_id in sorted(remove):
            writer.delete_by_term("project_id", project_id)
        for seq, doc in enumerate(documents(), start=first_seq):
            writer.add_document(**doc, seq=seq)
            kinds[doc["kind"]] += 1
            bar.update()
        writer.commit(merge=merge)
    except BaseException:
        # Best effort: on a full disk closing the files fails again, and the folder is
        # removed anyway. The first error is the one to report.
        with contextlib.suppress(Exception):
            writer.cancel()
        raise
    finally:
        bar.close()
    return kinds


def update(
    index_dir: Path,
    change: RecordsChange,
    remove: set[str],
    documents: Callable[[], Iterator[dict[str, Any]]],
    describe: Callable[[Counter[str], str], dict[str, Any]],
    based_on: Mapping[str, Any],
    progress: bool = False,
) -> dict[str, Any]:
    """A new generation that shares the live one's segments and record files (hard links:
    neither is ever changed) with the documents of the projects `remove` names marked
    deleted and `documents` in a new segment, the records of the files `change` drops
    left out and its new ones written; made live as `publish` does (see
    `SearchBackend.update`)."""

    def write(generation: Path) -> Counter[str]:
        live = layout.current_generation(index_dir)  # under the build lock
        failure = changed_since({"generation": live.name}, based_on)
        if failure is not None:
            raise failure
        kinds = _write_update(live, generation, remove, documents, progress, based_on["kinds"])
        record_files.write(generation, change.records, change.extras, live, change.drop)
        return kinds

    return _make_generation(index_dir, write, describe)


def _write_update(
    live: Path,
    generation: Path,
    remove: set[str],
    documents: Callable[[], Iterator[dict[str, Any]]],
    progress: bool,
    before: Mapping[str, int],
) -> Counter[str]:
    """Link the live index's files into `generation`, delete and add; returns the new
    index's documents per kind (`before`: the live index's)."""
    source, target = live / layout.WHOOSH_DIR, generation / layout.WHOOSH_DIR
    target.mkdir()
    with os.scandir(source) as entries:
        for entry in entries:
            if entry.is_file(follow_symlinks=False) and not entry.name.endswith("LOCK"):
                os.link(entry.path, target / entry.name)
    ix = FileStorage(str(target), supports_mmap=False).open_index()
    kinds = Counter(before)
    with ix.searcher() as searcher:
        # every document ever written keeps its number until a full build (no merges):
        # the next number is their count (reading the seq column took 1.5 s at 10,000)
        next_seq = searcher.doc_count_all()
        # the documents per kind, counted by difference (counting every document's kind
        # took seconds at 100,000 projects)
        for project_id in remove:
            for docnum in searcher.document_numbers(project_id=project_id):
                kinds[searcher.stored_fields(docnum)["kind"]] -= 1
    return +_write_documents(ix, documents, kinds, progress, next_seq, remove, merge=False)


def publish(
    index_dir: Path,
    records: list[dict[str, Any]],
    documents: Callable[[], Iterator[dict[str, Any]]],
    describe: Callable[[Counter[str], str], dict[str, Any]],
    progress: bool = False,
    multiprocess_threshold: int | None = None,
    extras: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Write a generation beside the live one, under the build lock, and make it live
    (see `SearchBackend.publish`). On any failure the half-written generation is removed
    and the lock released; the live generation is unchanged. Raises ValueError for a
    multi-process threshold setting that is not a number, before anything is written."""
    if multiprocess_threshold is None:
        multiprocess_threshold = configured_threshold()

    def write(generation: Path) -> Counter[str]:
        kinds = write_index(documents, generation, progress, multiprocess_threshold)
        record_files.write(generation, records, extras or {})
        return kinds

    return _make_generation(index_dir, write, describe)


def _make_generation(
    index_dir: Path,
    write: Callable[[Path], Counter[str]],
    describe: Callable[[Counter[str], str], dict[str, Any]],
) -> dict[str, Any]:
    """Under the build lock: a new generation folder, its index and records written by
    `write` (which returns its documents per kind), its description; then made live. On any
    failure the half-written generation is removed and the lock released; the live
    generation is unchanged."""
    with layout.build_lock(index_dir):
        layout.remove_stale_generations(index_dir)
        generation = layout.new_generation(index_dir)
        try:
            kinds = write(generation)
            meta = {
                **describe(kinds, generation.name),
                "schema_version": SCHEMA_VERSION,
                "kinds": kinds,
            }
            layout.write_json(generation / layout.META, meta)
            layout.make_live(index_dir, generation)
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        # The new index is live: failing to tidy up must not report the build failed.
        with contextlib.suppress(OSError):
            layout.remove_stale_generations(index_dir)
    return meta
