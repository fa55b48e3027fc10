"""Build the search index from a corpus: parse, map records to documents, write, swap."""

from __future__ import annotations

import shutil
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm
from whoosh import index as whoosh_index

from . import layout
from .corpus import load_corpus
from .documents import documents
from .model import ParseResult
from .schema import SCHEMA_VERSION, make_schema

# Below this many documents one process is faster than two (start-up costs dominate).
MULTIPROCESS_THRESHOLD = 5_000


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


def write_index(result: ParseResult, generation: Path, progress: bool = False) -> Counter[str]:
    """Write the Whoosh index of `result` into `generation`; returns documents per kind."""
    whoosh_dir = generation / layout.WHOOSH_DIR
    whoosh_dir.mkdir()
    ix = whoosh_index.create_in(str(whoosh_dir), make_schema())

    def all_documents() -> Iterator[dict[str, Any]]:
        for order, project in enumerate(result.projects):
            yield from documents(project, order)

    # Counted first and then generated again as they are written, rather than held in a
    # list: the list held every text a second time during the whole build.
    total = sum(1 for _ in all_documents())
    if total >= MULTIPROCESS_THRESHOLD:
        writer = ix.writer(procs=2, multisegment=True, limitmb=256)
    else:
        writer = ix.writer(limitmb=256)
    kinds: Counter[str] = Counter()
    bar = tqdm(total=total, desc="indexing", unit="doc", disable=None if progress else True)
    try:
        for seq, doc in enumerate(all_documents()):
            writer.add_document(**doc, seq=seq)
            kinds[doc["kind"]] += 1
            bar.update()
    except BaseException:
        writer.cancel()
        raise
    finally:
        bar.close()
    writer.commit()
    return kinds


def build_index(
    corpus_dir: Path, index_dir: Path, progress: bool = False
) -> tuple[BuildSummary, ParseResult]:
    """Parse `corpus_dir` and make a new index generation live in `index_dir`.

    Returns the summary and the parse result (its diagnostics are for the user to see).
    Raises CorpusError if the corpus folder is unusable.
    """
    started = time.monotonic()
    result, files = load_corpus(corpus_dir, progress=progress)
    with layout.build_lock(index_dir):
        layout.remove_stale_generations(index_dir)
        generation = layout.new_generation(index_dir)
        try:
            kinds = write_index(result, generation, progress)
            layout.write_json(generation / layout.RECORDS, [p.to_dict() for p in result.projects])
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
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        layout.make_live(index_dir, generation)
        layout.remove_stale_generations(index_dir)
    return summary, result
