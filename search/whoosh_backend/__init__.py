"""The embedded search backend: Whoosh generations in a folder (`indexer.layout`).

Each request asks for the live generation: when a build has made a newer one live, it
is opened and used from then on; requests already running finish on the old one. We
never call Whoosh's `Searcher.refresh()` (it can return stale or duplicated documents in
whoosh-reloaded). A searcher is opened per request and closed after it: without mmap
that costs about a millisecond, and no file stays open for a thread that went idle.
Only this package imports `whoosh`.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh.searching import Searcher

from indexer import layout
from search.backend import RecordsChange
from search.store import ProjectStore

from . import lengths, postings
from . import records as record_files
from .generations import Generation, open_generation
from .publish import publish, update
from .schema import SCHEMA_VERSION
from .searching import WhooshSnapshot

lengths.install()
postings.install()


class WhooshBackend:
    """Hands out the live generation, and snapshots (a searcher on it) per request."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self._generation: Generation | None = None
        self._lock = threading.Lock()

    def location(self) -> str:
        return str(self.index_dir)

    def folder(self) -> Path:
        return self.index_dir

    def has_live(self) -> bool:
        return layout.has_current(self.index_dir)

    def check_live(self) -> None:
        layout.current_generation(self.index_dir)

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

    def store(self) -> ProjectStore:
        return self.generation().store

    @contextmanager
    def searching(self) -> Iterator[tuple[Generation, Searcher]]:
        """The live generation and a searcher on it, closed when the block ends.

        Files damaged since the generation was opened (a segment cut short, the table of
        contents gone) raise IndexMissing; any other failure is left as it is.
        """
        generation = self.generation()
        try:
            searcher = generation.index.searcher()
        except Exception as exc:
            generation.check(exc)
            raise
        try:
            yield generation, searcher
        except layout.IndexMissing:
            raise
        except Exception as exc:
            generation.check(exc)
            raise
        finally:
            searcher.close()

    @contextmanager
    def snapshot(self) -> Iterator[WhooshSnapshot]:
        with self.searching() as (generation, searcher):
            yield WhooshSnapshot(generation, searcher)

    def publish(
        self,
        records: list[dict[str, Any]],
        documents: Callable[[], Iterator[dict[str, Any]]],
        describe: Callable[[Counter[str], str], dict[str, Any]],
        progress: bool = False,
        extras: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        return publish(self.index_dir, records, documents, describe, progress, extras=extras)

    def update(
        self,
        change: RecordsChange,
        remove: set[str],
        documents: Callable[[], Iterator[dict[str, Any]]],
        describe: Callable[[Counter[str], str], dict[str, Any]],
        based_on: Mapping[str, Any],
        progress: bool = False,
    ) -> dict[str, Any]:
        return update(self.index_dir, change, remove, documents, describe, based_on, progress)

    def close(self) -> None:
        """Nothing stays open between requests."""

    def live_meta(self) -> dict[str, Any] | None:
        # the description alone: opening the generation reads every record and facet
        try:
            meta = layout.read_json(self._live_path() / layout.META)
        except (layout.IndexMissing, OSError, ValueError):
            return None
        return meta if meta.get("schema_version") == SCHEMA_VERSION else None

    def live_records(self, files: Iterable[str] | None = None) -> list[dict[str, Any]]:
        return record_files.read(self._live_path(), files)

    def live_extra(self, name: str) -> Any | None:
        return record_files.read_extra(self._live_path(), name)

    def _live_path(self) -> Path:
        return layout.current_generation(self.index_dir)
