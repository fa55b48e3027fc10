"""Whoosh generations on disk, opened: the index, its records, its facet arrays, and what
its files looked like when opened (to tell damage from a bug)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage

from indexer import layout
from indexer.documents import FACET_FIELDS, PROJECT_FIELD, SORT_FIELDS
from indexer.model import project_maker
from search.store import ProjectStore

from . import records as record_files
from .facets import FacetIndex
from .schema import SCHEMA_VERSION


@dataclass
class Generation:
    """One built index, opened."""

    name: str
    path: Path
    index: Any  # whoosh.index.Index
    store: ProjectStore
    meta: dict[str, Any]
    facets: FacetIndex
    # name -> (size, mtime, inode) of the Whoosh files when opened: a search that fails
    # later is put down to damage only if these changed, so that a bug still shows as one.
    files: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    # what is read from the index once and kept while it is live (its vocabulary)
    kept: dict[str, Any] = field(default_factory=dict)

    def damage(self) -> str | None:
        """How the Whoosh files differ from when they were opened, or None if they don't."""
        try:
            now = whoosh_files(self.path / layout.WHOOSH_DIR)
        except OSError as exc:
            return f"{layout.WHOOSH_DIR}/ unreadable: {type(exc).__name__}"
        for name, identity in self.files.items():
            if name not in now:
                return f"{layout.WHOOSH_DIR}/{name} is missing"
            if now[name] != identity:
                return f"{layout.WHOOSH_DIR}/{name} changed"
        return None

    def check(self, exc: Exception) -> None:
        """Raise IndexMissing if `exc` can be put down to damaged files; else return."""
        damage = self.damage()
        if damage is not None:
            raise layout.IndexMissing(
                f"the index in {self.path.parent} is damaged ({damage}); "
                f"rebuild it with: {layout.rebuild_command(self.path.parent)}"
            ) from exc


def whoosh_files(path: Path) -> dict[str, tuple[int, int, int]]:
    """Name -> (size, mtime, inode) of the files in a Whoosh folder."""
    with os.scandir(path) as entries:
        return {e.name: _identity(e.stat()) for e in entries if e.is_file(follow_symlinks=False)}


def _identity(info: os.stat_result) -> tuple[int, int, int]:
    """What changes when a file is written or replaced: size, modification time, inode."""
    return info.st_size, info.st_mtime_ns, info.st_ino


def open_generation(path: Path) -> Generation:
    """Open a generation. A damaged one raises IndexMissing saying how to rebuild it.

    Whoosh unpickles the schema when it opens an index: open only folders that this
    program built (see docs/search.md).
    """
    rebuild = layout.rebuild_command(path.parent)
    try:
        meta = layout.read_json(path / layout.META)
        if meta.get("schema_version") != SCHEMA_VERSION:
            raise layout.IndexMissing(
                f"the index in {path.parent} was built by another version of Jixiao Search; "
                f"rebuild it with: {rebuild}"
            )
        store = ProjectStore(record_files.read(path, each=project_maker()))
        files = whoosh_files(path / layout.WHOOSH_DIR)  # before reading them: see damage()
        # Without mmap: every thread's searcher would map the whole index again, and the
        # server's resident memory grew by the index size per thread (5.8 GB at 10,000
        # projects with 8 threads); plain reads cost ~10% in speed.
        storage = FileStorage(str(path / layout.WHOOSH_DIR), supports_mmap=False)
        ix = storage.open_index()
        with ix.searcher() as searcher:  # reads every segment: damage shows here, not later
            facets = FacetIndex(searcher, FACET_FIELDS, SORT_FIELDS, PROJECT_FIELD)
    except layout.IndexMissing:
        raise
    except Exception as exc:  # whatever a damaged file makes JSON or Whoosh raise
        raise layout.IndexMissing(
            f"the index in {path.parent} is damaged ({type(exc).__name__}); "
            f"rebuild it with: {rebuild}"
        ) from exc
    return Generation(path.name, path, ix, store, meta, facets, files)
