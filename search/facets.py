"""Facet counts of any backend, over arrays held per index generation.

A backend reads, once per generation, which documents hold each value of each facet
(`Facets`); a search then marks its matches in a boolean array, and each facet is
counted, with the other facets' filters, over the matching documents only: a value's
code is looked up per match (`np.bincount`), never per document of the index. By
project, a project counts once per value.

A facet with one value per document keeps a code per document; one with several (the
checks' rule ids) keeps each document's codes in a run of one array (CSR).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

# Below this many (project, value) cells, the distinct pairs are found by writing each
# into its cell of an array that big (allocated, never filled); above, by sorting them
MAX_MARKED_CELLS = 1 << 25
MAX_PER_PROJECT = 5  # passages returned per project of a by-project page (all are counted)


class Facet:
    """The values of one facet field: `values[code]`, and each document's codes."""

    def __init__(self, size: int, postings: Mapping[Any, np.ndarray]) -> None:
        """`postings`: each value's documents (numbers below `size`)."""
        self.values = list(postings)
        self.code = {value: code for code, value in enumerate(self.values)}
        arrays = [np.asarray(docs) for docs in postings.values()]
        held = sum(len(docs) for docs in arrays)
        dtype = np.int16 if len(self.values) < np.iinfo(np.int16).max else np.int32
        codes = np.full(size, -1, dtype=dtype)
        for code, docs in enumerate(arrays):
            codes[docs] = code
        self.single = held == int(np.count_nonzero(codes >= 0))
        if self.single:  # one code per document, -1 for none
            self.codes = codes
            self.offsets = self.owners = None
            return
        # several values per document: document d's codes are codes[offsets[d]:offsets[d+1]]
        owners = np.concatenate(arrays).astype(np.int64)
        entries = np.concatenate(
            [np.full(len(docs), code, dtype=dtype) for code, docs in enumerate(arrays)]
        )
        order = np.argsort(owners, kind="stable")
        self.codes = entries[order]
        self.owners = owners[order]  # each entry's document
        self.offsets = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(owners, minlength=size), out=self.offsets[1:])

    def _code_of(self, value: Any) -> int | None:
        """The code of a value, given as the facet holds it or as its text (a year as
        "2020"), as SQL's cast of a filter's value reads it."""
        code = self.code.get(value)
        if code is None and not isinstance(value, str):
            code = self.code.get(str(value))
        if code is None and isinstance(value, str) and value.isascii() and value.isdigit():
            code = self.code.get(int(value))
        return code

    def holding(self, value: Any, size: int) -> np.ndarray:
        """A boolean array: which documents hold `value`."""
        code = self._code_of(value)
        if code is None:
            return np.zeros(size, dtype=bool)
        if self.single:
            return self.codes == code
        has = np.zeros(size, dtype=bool)
        has[self.owners[self.codes == code]] = True
        return has

    def entries(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The (document, code) pairs of the documents `docs` (ascending numbers)."""
        if self.single:
            codes = self.codes[docs]
            kept = codes >= 0
            return docs[kept], codes[kept]
        starts, ends = self.offsets[docs], self.offsets[docs + 1]
        lengths = ends - starts
        total = int(lengths.sum())
        if not total:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=self.codes.dtype)
        # each entry's index: its document's start plus its place within the document
        firsts = np.cumsum(lengths) - lengths
        at = np.repeat(starts - firsts, lengths) + np.arange(total)
        return np.repeat(docs, lengths), self.codes[at]

    def count(
        self, docs: np.ndarray, project_of: np.ndarray | None, projects: int
    ) -> dict[Any, int]:
        """Per value: how many of `docs` hold it (with `project_of`: how many projects)."""
        owners, codes = self.entries(docs)
        width = len(self.values)
        if project_of is None:
            counts = np.bincount(codes, minlength=width)
        else:
            counts = _projects_per_code(project_of[owners], codes, projects, width)
        return {self.values[code]: int(counts[code]) for code in np.flatnonzero(counts)}


def _projects_per_code(
    owners: np.ndarray,
    codes: np.ndarray,
    projects: int,
    width: int,
    max_cells: int = MAX_MARKED_CELLS,
) -> np.ndarray:
    """Per code, the number of distinct projects among the (project, code) pairs."""
    if not len(codes):
        return np.zeros(width, dtype=np.int64)
    cells = owners.astype(np.int64) * width + codes
    # writing into a large array costs a page fault per page written: for a few pairs
    # over many cells, sorting them is faster (measured: 2,000 pairs over 30 million
    # cells 5 ms written, 0.1 ms sorted; 67,000 over 5 million 0.5 and 5.8 ms)
    dense = len(cells) * 256 >= projects * width or projects * width <= 1 << 22
    if projects * width <= max_cells and dense:
        # one pair wins each cell it is written to (whichever numpy writes last); the
        # pairs that won are the distinct ones (the array is allocated, never filled)
        places = np.arange(len(cells), dtype=np.int32)
        winner = np.empty(projects * width, dtype=np.int32)
        winner[cells] = places
        distinct = cells[winner[cells] == places]
    else:
        distinct = np.unique(cells)
    return np.bincount(distinct % width, minlength=width)


@dataclass
class Tally:
    """What a search's matches come to under its filters."""

    allowed: np.ndarray  # a boolean per document: matched, and passes every filter
    passages: int  # the allowed documents
    matched_of: np.ndarray  # per project, its allowed documents
    projects: int  # the projects with one
    admitted: int  # documents of the index the filters admit, whatever the query
    counts: dict[str, dict[Any, int]]  # per facet (see `Facets.counts`)


class Facets:
    """The facet values of every document of one index generation, the documents'
    projects, and the columns searches order by."""

    def __init__(
        self,
        size: int,
        alive: np.ndarray,
        project_of: np.ndarray,
        postings: Mapping[str, Mapping[Any, np.ndarray]],
        columns: Mapping[str, np.ndarray] | None = None,
    ) -> None:
        """`size`: one more than the highest document number; `alive`: which numbers are
        documents (not deleted); `project_of`: each document's project (its position in
        the corpus); `postings`: per facet, each value's documents."""
        self.size = size
        self.alive = alive
        self.project_of = project_of
        self.projects = int(project_of.max()) + 1 if size else 0
        self.facets = {name: Facet(size, values) for name, values in postings.items()}
        self.columns = dict(columns or {})

    def selected(self, filters: Mapping[str, Any]) -> np.ndarray:
        """A boolean array: which documents pass every filter (an unknown facet: none)."""
        passing = np.ones(self.size, dtype=bool)
        for name, value in filters.items():
            facet = self.facets.get(name)
            if facet is None:
                return np.zeros(self.size, dtype=bool)
            passing &= facet.holding(value, self.size)
        return passing

    def tally(
        self,
        matched: np.ndarray,
        filters: Mapping[str, Any],
        by_project: bool = False,
        passing: np.ndarray | None = None,
    ) -> Tally:
        """The matches (a boolean per document, deleted ones never among them) that pass
        the filters, their projects, and the facet counts (`passing`: the documents the
        filters admit, if known)."""
        if passing is None:
            passing = self.selected(filters) & self.alive
        allowed = matched & passing
        matched_of = np.bincount(self.project_of[allowed], minlength=self.projects)
        return Tally(
            allowed,
            int(np.count_nonzero(allowed)),
            matched_of,
            int(np.count_nonzero(matched_of)),
            int(np.count_nonzero(passing)),
            self.counts(matched, filters, by_project, allowed),
        )

    def counts(
        self,
        matched: np.ndarray,
        filters: Mapping[str, Any],
        by_project: bool = False,
        allowed: np.ndarray | None = None,
    ) -> dict[str, dict[Any, int]]:
        """Per facet, per value: matching documents (or their projects), counted with the
        other facets' filters (`allowed`: the matches that pass them all, if known)."""
        within: dict[tuple[tuple[str, Any], ...], np.ndarray] = {}
        if allowed is not None:  # what the facets no filter names count over
            within[tuple(filters.items())] = np.flatnonzero(allowed)
        project_of = self.project_of if by_project else None
        counted: dict[str, dict[Any, int]] = {}
        for name, facet in self.facets.items():
            others = tuple((k, v) for k, v in filters.items() if k != name)
            if others not in within:  # the facets no filter names share theirs
                passing = matched & self.selected(dict(others)) if others else matched
                within[others] = np.flatnonzero(passing)
            counted[name] = facet.count(within[others], project_of, self.projects)
        return counted

    def ordered(self, allowed: np.ndarray, by: str, reverse: bool = False) -> np.ndarray:
        """The allowed documents ordered by a column (ties in source order)."""
        return self.ranked(allowed, [(self.columns[by], reverse)])

    def ranked(
        self,
        allowed: np.ndarray,
        keys: Sequence[tuple[np.ndarray, bool]],
        limit: int | None = None,
    ) -> np.ndarray:
        """The allowed documents ordered by `keys` (each a value per document and whether
        the greatest comes first; the first key decides first), ties in source order;
        with `limit`, the first `limit` of them only."""
        docs = np.flatnonzero(allowed)
        values = [_reversed(key[docs]) if descending else key[docs] for key, descending in keys]
        if limit is not None and limit * 4 < len(docs):
            if limit <= 0:
                return docs[:0]
            # the first `limit` are among those whose first key is at most the limit-th
            # smallest first key (ties there: a few more)
            near = values[0] <= np.partition(values[0], limit - 1)[limit - 1]
            docs, values = docs[near], [value[near] for value in values]
        order = np.lexsort((self.columns["seq"][docs], *reversed(values)))
        return docs[order][:limit]


def combined(
    parts: Sequence[np.ndarray], holding_most: Callable[[Sequence[np.ndarray]], np.ndarray] | None
) -> tuple[np.ndarray, str, np.ndarray | None]:
    """The documents a query matches from its parts' (a boolean per document each):
    those with every part ("and"); when none has them all, those with any ("or", and how
    many parts each holds), narrowed by `holding_most` (the backend's weighing of the
    parts, for "most of it") if given. Nothing held by anything stays "and"."""
    found = functools.reduce(np.logical_and, parts)
    if found.any() or len(parts) < 2:
        return found, "and", None
    coverage = functools.reduce(np.add, (part.astype(np.int16) for part in parts))
    if not coverage.any():  # nothing has any part: no "any word" to say
        return found, "and", None
    found = coverage > 0
    if holding_most is not None:
        found &= holding_most(parts)
    return found, "or", coverage


def _reversed(values: np.ndarray) -> np.ndarray:
    """Values whose ascending order is the descending order of `values` (integers by their
    complement, which neither overflows nor wraps as a minus would)."""
    return np.invert(values) if values.dtype.kind in "iub" else -values


def page_projects(
    first: Callable[[int], np.ndarray],
    project_of: np.ndarray,
    passages: int,
    start: int,
    stop: int,
) -> np.ndarray:
    """The projects of a page, in the order of their first passage: `first(n)` gives the
    first n of the `passages` ordered passages. Only enough of them are ordered to hold
    the page's projects (a project's first passage comes before its others, so the first
    projects among the first passages are the first projects)."""
    limit = max(stop * 8, 1)
    while True:
        docs = first(min(limit, passages))
        owners = project_of[docs]
        if limit >= passages or len(np.unique(owners)) >= stop:
            _, firsts = np.unique(owners, return_index=True)
            return owners[np.sort(firsts)][start:stop]
        limit *= 8


def project_page(
    docs: np.ndarray,
    scores: Sequence[float | None] | None,
    project_of: np.ndarray,
    matched_of: np.ndarray,
    shown: np.ndarray,
) -> tuple[list[tuple[int, float | None]], list[tuple[int, int]]]:
    """The `shown` projects with their first MAX_PER_PROJECT passages in `docs` (in
    order), and per project how many of its passages are returned and how many matched
    (`matched_of`, by project)."""
    owners = project_of[docs]
    positions: dict[int, list[int]] = {int(project): [] for project in shown}
    for at in np.flatnonzero(np.isin(owners, shown)).tolist():
        positions[int(owners[at])].append(at)
    page: list[tuple[int, float | None]] = []
    groups: list[tuple[int, int]] = []
    for project, found in positions.items():
        kept = found[:MAX_PER_PROJECT]
        page += [(int(docs[at]), scores[at] if scores else None) for at in kept]
        groups.append((len(kept), int(matched_of[project])))
    return page, groups
