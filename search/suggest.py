"""Completions as one types in the search box: project names, regulation titles, document
numbers (文号) and indicator names that contain what was typed.

Everything is matched in one folded form (`key`): widths, spaces, traditional characters
and bracket styles do not matter, so `沪财行[2014` completes `沪财行〔2014〕39号` and `檢察`
completes `检察…`. Names that start with the typed text come first, then names that
contain it; within each, those more projects use first. The entries are built once per
index generation, from its records (any backend), and a completion is a search of their
keys joined into one text (a few milliseconds at 10,000 projects: see docs/benchmarks.md).
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from indexer.citations import normalize_number_prefix
from indexer.model import Project
from indexer.text import fold

from .indicators import IndicatorGroup
from .regulations import Regulation
from .urls import project_url, regulation_url, search_url, similar_indicators_url

MAX_SUGGESTIONS = 20
DEFAULT_SUGGESTIONS = 8
MIN_CHARS = 1
KIND_LABELS = {"project": "项目", "regulation": "文件", "number": "文号", "indicator": "指标"}


def key(text: str) -> str:
    """`text` in the form completions are matched in: NFKC, no spaces, brackets as in a
    normalized document number (〔〕), folded (simplified, lower case), no 《》 or quotes."""
    folded = fold(normalize_number_prefix(text))
    return re.sub(r"[《》〈〉\"“”'‘’「」]", "", folded)


@dataclass(frozen=True)
class Entry:
    """A name that can be completed to, and where it leads."""

    kind: str  # project, regulation, number, indicator
    text: str  # as shown
    query: str  # what the search box searches when it is chosen
    url: str  # the page it is about
    count: int  # projects that have it (1 for a project)
    detail: str  # a few words beside it: a project's unit and year, a number's title
    key: str


class Suggestions:
    """The completion entries of one index generation."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = list(entries)
        # the keys in one text, a line each, searched with str.find (a loop over 200,000
        # entries took 100-190 ms at 100,000 projects); where each key starts in it
        keys = [entry.key.replace("\n", " ") for entry in self.entries]
        self._joined = "\n".join(keys)
        self._starts = [0, *itertools.accumulate(len(k) + 1 for k in keys)]

    def _places(self, wanted: str) -> Iterator[tuple[int, int]]:
        """(entry number, where in its key) of the entries whose key holds `wanted`: found
        in the joined keys, or, when most entries hold it (上海市), by looking at each
        (then cheaper than a step per place found)."""
        joined, starts = self._joined, self._starts
        if joined.count(wanted) * 3 > len(self.entries):
            for n, entry in enumerate(self.entries):
                if (at := entry.key.find(wanted)) >= 0:
                    yield n, at
            return
        place = joined.find(wanted)
        while place >= 0:
            n = bisect.bisect_right(starts, place) - 1
            yield n, place - starts[n]  # its first place in the key: the search began before
            place = joined.find(wanted, starts[n + 1])

    def complete(self, typed: str, limit: int = DEFAULT_SUGGESTIONS) -> list[Entry]:
        """Entries whose name contains `typed` (folded): those that start with it first,
        then by projects, shorter first; each kind that matches has its share of places."""
        wanted = key(typed)
        if len(wanted) < MIN_CHARS:
            return []
        found: dict[str, list[tuple[tuple, Entry]]] = {kind: [] for kind in KIND_LABELS}
        if "\n" in wanted:
            return []
        for n, at in self._places(wanted):
            entry = self.entries[n]
            found[entry.kind].append(((at > 0, -entry.count, len(entry.key), n), entry))
        # each kind's best first, an equal share of the places each, the rest by rank:
        # one kind's many names never hide another kind's
        best = [heapq.nsmallest(limit, items) for items in found.values() if items]
        share = max(1, limit // len(best)) if best else 0
        chosen = sorted(item for items in best for item in items[:share])
        held = sorted(item for items in best for item in items[share:])
        return [entry for _, entry in (chosen + held)[:limit]]


def build_suggestions(
    projects: Iterable[Project], catalogue: Iterable[Regulation], library: Iterable[IndicatorGroup]
) -> Suggestions:
    """The entries: every project, every cited title and number, every indicator name."""
    entries: list[Entry] = []

    def add(kind: str, text: str, query: str, url: str, count: int, detail: str) -> None:
        entries.append(Entry(kind, text, query, url, count, detail, key(text)))

    for project in projects:
        detail = " ".join(str(p) for p in (project.unit, project.year) if p)
        add("project", project.name, project.name, project_url(project.id), 1, detail)
    for regulation in catalogue:
        title, count = regulation.title, regulation.project_count
        url = regulation_url(regulation.key)
        if regulation.number:
            add("number", regulation.number, regulation.number, url, count, title or "")
        if title:
            add("regulation", title, f"《{title}》", url, count, regulation.number or "")
    for group in library:
        level = "/".join(p for p in (group.level1, group.level2) if p)
        url = similar_indicators_url(group.name)
        add("indicator", group.name, group.name, url, group.project_count, level)
    return Suggestions(entries)


def shown(entry: Entry) -> dict[str, object]:
    """An entry as /api/suggest returns it."""
    return {
        "kind": entry.kind,
        "label": KIND_LABELS[entry.kind],
        "text": entry.text,
        "query": entry.query,
        "count": entry.count,
        "detail": entry.detail,
        "url": entry.url,
        "search_url": search_url(entry.query),
    }
