"""What the questions over every project read instead of the records: columns.

A server's workers share the records their parent read before it forked, until they read
them: CPython writes an object's reference count whenever code reads it, and the page
becomes the worker's own. A question over 100,000 projects that reads every project (or
every indicator row) makes a copy of them all in each worker. The columns here hold, for
every project or every row, a code into the distinct values, in NumPy arrays (no
reference counts) and packed copies of those values; a condition tests each distinct
value once and selects by code.
"""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import numpy as np

from indexer.model import Indicator, Project

if TYPE_CHECKING:
    from ..store import ProjectStore

# what a row is made of: a copy made of these fields' values is the row to any test
ROW_FIELDS = tuple(f.name for f in dataclasses.fields(Indicator))


def _smallest(codes: list[int], count: int) -> np.ndarray:
    """Codes in the narrowest type their count of values allows (millions of rows)."""
    dtype = np.uint8 if count <= 1 << 8 else np.uint16 if count <= 1 << 16 else np.int32
    return np.array(codes, dtype=dtype)


class ProjectsAt(Sequence[Project]):
    """The store's projects at some of its places, ascending, each read only when
    it is used: its length, its truth and its places read none. A list of 20,000 of them
    would write each one's reference count, and a server's worker copy its page."""

    __slots__ = ("places", "projects", "store")

    def __init__(self, store: ProjectStore, places: np.ndarray) -> None:
        self.store = store
        self.projects = store.projects
        self.places = places

    def __len__(self) -> int:
        return len(self.places)

    def __getitem__(self, at):  # a slice is a list: the first ones, as an answer names them
        if isinstance(at, slice):
            return [self.projects[n] for n in self.places[at].tolist()]
        return self.projects[int(self.places[at])]

    def __iter__(self) -> Iterator[Project]:
        return map(self.projects.__getitem__, self.places.tolist())

    def at(self, places: np.ndarray) -> ProjectsAt:
        """Those at `places`, a part of these places."""
        return ProjectsAt(self.store, places)


@dataclass
class ValueColumn:
    """What `read` reads of every item (project or row): its distinct values, and each
    item's value as its place among them. The values are copies of the records' own, packed
    together: testing 100,000 amounts reads these, not objects spread over the records'
    pages (which a server's worker would copy)."""

    values: list[Hashable]
    codes: np.ndarray

    @classmethod
    def of(cls, items: Iterable[Any], read: Callable[[Any], Hashable]) -> ValueColumn:
        places: dict[tuple[type, Hashable], int] = {}  # by type too: True is not 1
        codes = [places.setdefault((type(v), v), len(places)) for v in map(read, items)]
        values = pickle.loads(pickle.dumps([value for _, value in places]))
        return cls(values, _smallest(codes, len(values)))

    def where(self, holds: Callable[[Any], bool]) -> np.ndarray:
        """Whether each item's value holds: tested once per distinct value."""
        return np.fromiter(map(holds, self.values), bool, len(self.values))[self.codes]

    def at(self, projects: ProjectsAt) -> tuple[ProjectsAt, list[Any]]:
        """Those of `projects` (of the column's items) that have a value (not None), and
        their values in order."""
        held = projects.places[self.where(lambda value: value is not None)[projects.places]]
        return projects.at(held), [self.values[code] for code in self.codes[held].tolist()]


@dataclass
class RowColumns:
    """Every project's indicator rows, in the projects' order and each table's: a column
    per field of a row, and each row's project by its place. A row is read as a copy made
    of its fields' values (one per distinct row), never as the record's own object."""

    fields: dict[str, ValueColumn]
    project: np.ndarray  # each row's project's place
    starts: np.ndarray  # where each project's rows begin, then where the last ends

    @classmethod
    def of(cls, projects: Sequence[Project]) -> RowColumns:
        counts = np.fromiter((len(p.indicators) for p in projects), np.int64, len(projects))
        rows = [row for project in projects for row in project.indicators]
        return cls(
            {name: ValueColumn.of(rows, attrgetter(name)) for name in ROW_FIELDS},
            np.repeat(np.arange(len(projects), dtype=np.int32), counts),
            np.concatenate(([0], np.cumsum(counts))),
        )

    def of_projects(self, places: np.ndarray) -> np.ndarray:
        """Whether each row is of one of the projects at `places`."""
        chosen = np.zeros(len(self.starts) - 1, bool)
        chosen[places] = True
        return chosen[self.project]

    def any_field(self, holds: Callable[[Any], bool], names: Iterable[str]) -> np.ndarray:
        """Whether any of the fields `names` of each row holds."""
        return np.logical_or.reduce([self.fields[name].where(holds) for name in names])

    def _distinct(self, places: np.ndarray) -> tuple[list[Indicator], np.ndarray]:
        """The distinct rows among `places` (copies made of their fields' values), and
        each place's among them."""
        codes = np.stack([self.fields[name].codes[places] for name in ROW_FIELDS], axis=1)
        distinct, inverse = np.unique(codes, axis=0, return_inverse=True)
        made = [
            Indicator(*(self.fields[n].values[c] for n, c in zip(ROW_FIELDS, row, strict=True)))
            for row in distinct.tolist()
        ]
        return made, inverse.reshape(-1)

    def passing(self, test: Callable[[Indicator], bool], places: np.ndarray) -> np.ndarray:
        """The places among `places` whose rows pass `test` (a test of one row), tested
        once per distinct row."""
        if not len(places):
            return places
        made, inverse = self._distinct(places)
        passed = np.fromiter(map(test, made), bool, len(made))
        return places[passed[inverse]]

    def rows(self, places: np.ndarray) -> Iterator[Indicator]:
        """The rows at `places`, in order, each as the copy of its distinct row."""
        if not len(places):
            return iter(())
        made, inverse = self._distinct(places)
        return map(made.__getitem__, inverse.tolist())

    def per_project(self, places: np.ndarray) -> np.ndarray:
        """How many of the rows at `places` each project has, by its place."""
        return np.bincount(self.project[places], minlength=len(self.starts) - 1)

    def of_project(self, place: int, places: np.ndarray) -> np.ndarray:
        """The places among `places` (ascending) of the project at `place`, as places in
        its own table (0 its first row)."""
        start, end = self.starts[place], self.starts[place + 1]
        found = places[np.searchsorted(places, start) : np.searchsorted(places, end)]
        return found - start
