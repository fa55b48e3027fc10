"""The live index: its Whoosh index, its records and catalogue, and searchers per thread.

Each request asks for `generation()`: when a build has made a newer generation live, it
is opened and used from then on; requests already running finish on the old one. We
never call Whoosh's `Searcher.refresh()` (it can return stale or duplicated documents in
whoosh-reloaded); a new generation gets fresh searchers.
"""

from __future__ import annotations

import json
import threading
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.searching import Searcher

from indexer import layout
from indexer.model import Project
from indexer.schema import FACET_FIELDS, SCHEMA_VERSION

from .facets import FacetIndex
from .store import ProjectStore


@dataclass
class Generation:
    """One built index, opened."""

    name: str
    path: Path
    index: Any  # whoosh.index.Index
    store: ProjectStore
    meta: dict[str, Any]
    facets: FacetIndex


def open_generation(path: Path) -> Generation:
    """Open a generation. A damaged one raises IndexMissing saying how to rebuild it.

    Whoosh unpickles the schema when it opens an index: open only folders that this
    program built (see docs/search.md).
    """
    rebuild = layout.build_command(path.parent)
    try:
        meta = json.loads((path / layout.META).read_text(encoding="utf-8"))
        if meta.get("schema_version") != SCHEMA_VERSION:
            raise layout.IndexMissing(
                f"the index in {path.parent} was built by another version of Jixiao Search; "
                f"rebuild it with: {rebuild}"
            )
        records = json.loads((path / layout.RECORDS).read_text(encoding="utf-8"))
        store = ProjectStore([Project.from_dict(r) for r in records])
        ix = whoosh_index.open_dir(str(path / layout.WHOOSH_DIR))
        with ix.searcher() as searcher:  # reads every segment: damage shows here, not later
            facets = FacetIndex(searcher, FACET_FIELDS)
    except layout.IndexMissing:
        raise
    except Exception as exc:  # whatever a damaged file makes JSON or Whoosh raise
        raise layout.IndexMissing(
            f"the index in {path.parent} is damaged ({type(exc).__name__}); "
            f"rebuild it with: {rebuild}"
        ) from exc
    return Generation(path.name, path, ix, store, meta, facets)


class SearchEngine:
    """Hands out the live generation and a searcher for the calling thread."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self._generation: Generation | None = None
        self._lock = threading.Lock()
        self._local = threading.local()

    def generation(self) -> Generation:
        """The live generation. Raises IndexMissing when there is none."""
        path = layout.current_generation(self.index_dir)
        current = self._generation
        if current is None or current.name != path.name:
            with self._lock:
                if self._generation is None or self._generation.name != path.name:
                    self._generation = open_generation(path)
                current = self._generation
        return current

    def searcher(self, generation: Generation) -> Searcher:
        """This thread's searcher on `generation` (opened once, reused)."""
        held: tuple[str, Searcher] | None = getattr(self._local, "searcher", None)
        if held is not None and held[0] == generation.name:
            return held[1]
        if held is not None:
            with suppress(Exception):
                held[1].close()
        searcher = generation.index.searcher()
        self._local.searcher = (generation.name, searcher)
        return searcher
