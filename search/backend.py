"""The search backend protocol: what the service asks of a search engine, and what it
gets back, as plain data. A backend lives in `search/<name>_backend/` and is the only
code that imports its engine library; `search.backends.open_backend` picks one by the
config key SEARCH_BACKEND (default `whoosh`).

A backend serves *generations*: `snapshot()` opens the live one (its records and its
index, never a mix of two), and `publish` builds a new one aside and then makes it
live in one atomic step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .query import QueryParts
from .store import ProjectStore
from .suggest import Entry


class PublishFailed(Exception):
    """Writing a generation failed other than with an OSError; the message says how."""


def changed_since(live: Mapping[str, Any], based_on: Mapping[str, Any]) -> PublishFailed | None:
    """The failure to raise when what is live is not what an update was worked out from."""
    now = (live.get("generation"), live.get("revision"))
    if now == (based_on.get("generation"), based_on.get("revision")):
        return None
    return PublishFailed(
        "another build or update changed the index while this one was prepared; "
        "nothing was written: run it again"
    )


@dataclass
class RecordsChange:
    """What an update does to the records beside the documents: those of the source files
    `drop` names go, `records` (of the files parsed again) come in, and `extras` replace
    the extras of the same names (the others are kept)."""

    records: list[dict[str, Any]] = field(default_factory=list)
    drop: set[str] = field(default_factory=set)
    extras: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Cost:
    """The work a search did, bounded by the limits in `search.query` and the backend's."""

    parts: int = 0  # parts of the query matched, each on its own
    match_terms: int = 0  # terms read to find the matching documents
    rank_terms: int = 0  # terms read to rank them
    scored: int = 0  # documents whose score was computed
    complete: bool = True  # False: a time budget ran out (matching or ranking)


@dataclass(frozen=True)
class SearchPlan:
    """What to find (the parts of a query; none: every document), what to keep (facet
    filters), in which order (a sort column and direction; None: relevance) and which
    slice of the ordered hits to return."""

    parts: QueryParts
    filters: Mapping[str, Any] = field(default_factory=dict)
    sort: tuple[str, bool] | None = None
    start: int = 0
    stop: int = 10
    # By project: `total`, the slice and facet counts count projects (ranked by their best
    # document), and the hits are the slice's projects' documents, grouped.
    by_project: bool = False
    # The "any word" fallback keeps only documents whose parts carry most of the query's
    # information (for words typed as one run: the run names one thing).
    most_of_it: bool = False


@dataclass
class SearchResult:
    """The answer to a plan: how many documents passed, the mode that matched them
    ("and", "or" when no document has every part, "all" for no query, "none" when
    nothing in the query is searchable), facet counts (each counted with the other
    facets' filters), and the slice's hits as (document id, score or None: sorted by a
    column). By project, `total` and the counts are of projects, and `groups` says which
    hits are whose. The service finds what a document id stands for (`indexer.documents.doc_ref`)
    in the snapshot's records, and where the query matched in its text, the same way for
    every backend."""

    total: int
    mode: str
    facet_counts: dict[str, dict[Any, int]]
    hits: list[tuple[str, float | None]]
    cost: Cost = field(default_factory=Cost)
    passages: int = 0  # documents that passed
    projects: int = 0  # projects they belong to
    # by project: per project of the slice, in order, (its hits returned, its documents)
    groups: list[tuple[int, int]] = field(default_factory=list)
    # documents of the index the filters admit, whatever the query (None: not counted)
    admitted: int | None = None


class Vocabulary(dict[str, int]):
    """The words (jieba words, folded) an index generation holds, each with how many
    documents hold it; what is worked out from them once (`search.spelling`) is kept in
    `kept`, for as long as the generation is live."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        super().__init__(counts)
        self.kept: dict[str, Any] = {}


class Snapshot(Protocol):
    """One generation, open: its records, and searches on its index."""

    store: ProjectStore

    def search(self, plan: SearchPlan) -> SearchResult: ...

    def more_like(
        self, doc_id: str, text: str, kind: str, limit: int
    ) -> tuple[list[tuple[str, float]], bool]:
        """Ids of documents of `kind` that share the key terms of `text` (not `doc_id`
        itself), with scores, best first, and whether the time budget let all be looked
        at."""
        ...

    def prepare(self) -> None:
        """Read what searches read again and again, once: before a server forks its
        workers, which then share it."""
        ...

    def vocabulary(self) -> Vocabulary:
        """The words the index holds, with their document counts: what a word found
        nowhere may be a misspelling of; the same object for the generation's life."""
        ...

    def suggest(self, typed: str, limit: int) -> list[Entry]:
        """Names, titles, document numbers and indicator names that contain `typed`
        (folded), as the search box completes it (see `search.suggest`)."""
        ...


class SearchBackend(Protocol):
    """A search engine behind the protocol."""

    def location(self) -> str:
        """Where the index lives, for messages (a folder, a database)."""
        ...

    def folder(self) -> Path | None:
        """The folder a build writes into, if the backend keeps its index in one (checked
        for being writable before a build parses the corpus)."""
        ...

    def has_live(self) -> bool:
        """Whether there is a live generation to serve (damaged or not)."""
        ...

    def check_live(self) -> None:
        """Raise IndexMissing, saying why and how to rebuild, if the live generation
        cannot be served."""
        ...

    def snapshot(self) -> AbstractContextManager[Snapshot]:
        """The live generation, open for the length of a `with` block."""
        ...

    def store(self) -> ProjectStore:
        """The records of the live generation."""
        ...

    def publish(
        self,
        records: list[dict[str, Any]],
        documents: Callable[[], Iterator[dict[str, Any]]],
        describe: Callable[[Counter[str], str], dict[str, Any]],
        progress: bool = False,
        extras: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Build a generation of `documents` (a function that yields them, as often as
        asked) and `records` aside, then make it live; `describe(documents per kind,
        generation name)` is stored as its description and returned. `extras` are named
        JSON values kept with the generation for the builds that change it
        (`live_extra`). The generation keeps its records in the order of their source
        files (`source.file`; a file's records in the order given). Raises OSError or
        PublishFailed; the live generation is then unchanged."""
        ...

    def close(self) -> None:
        """Let go of what the backend holds open (connections); it is not used after."""
        ...

    def live_meta(self) -> dict[str, Any] | None:
        """The live generation's description (what `publish` stored, with its
        `generation` name and, where a generation changes in place, its `revision`), or
        None when there is no live generation that can be served. Read where builds
        write (never from a replica)."""
        ...

    def live_records(self, files: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """The live generation's records, as stored, in the order of their source files
        (only those of `files`, if given; read where builds write)."""
        ...

    def live_extra(self, name: str) -> Any | None:
        """The live generation's extra `name` (see `publish`), or None (read where builds
        write)."""
        ...

    def update(
        self,
        change: RecordsChange,
        remove: set[str],
        documents: Callable[[], Iterator[dict[str, Any]]],
        describe: Callable[[Counter[str], str], dict[str, Any]],
        based_on: Mapping[str, Any],
        progress: bool = False,
    ) -> dict[str, Any]:
        """Make live a generation that is the live one without the documents of the
        projects `remove` names and with `documents` added, and its records and extras
        changed by `change`, sharing what did not change (the work is of the size of the
        change, not of the index). `describe` gets the new generation's documents per
        kind. `based_on` is the `live_meta()` the change was worked out from: if another
        build or update made something else live since, nothing is written and
        PublishFailed says so. Raises OSError or PublishFailed; the live generation is
        then unchanged."""
        ...


class Pinned:
    """A backend that serves one open snapshot: work that asks the backend several times
    (question answering: the records, then a search) sees one generation throughout."""

    def __init__(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot

    def store(self) -> ProjectStore:
        return self._snapshot.store

    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        yield self._snapshot
