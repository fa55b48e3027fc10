"""The records of an index generation in memory: projects by id, and the regulation
catalogue and indicator library built from them on first use."""

from __future__ import annotations

import bisect
import functools
import re
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from functools import cached_property
from typing import Any, TypeVar

from indexer.checks import Finding, Peers, by_project, check_corpus
from indexer.model import Citation, Project
from indexer.targets import normalize_name

from .indicators import IndicatorGroup, build_library
from .regulations import Regulation, build_catalogue, find_regulations
from .suggest import Suggestions, build_suggestions

MAX_KEPT = 256  # what `ProjectStore.kept` holds at most
T = TypeVar("T")


def periods(projects: list[Project]) -> list[tuple[int, int]]:
    """The first and last years of each table that states its period."""
    return [
        (int(p.start_date[:4]), int(p.end_date[:4]))
        for p in projects
        if p.start_date and p.end_date
    ]


# name -> what is built once per generation (`per_generation`); `ProjectStore.prepare`
# builds them all
PER_GENERATION: dict[str, Callable[[ProjectStore], Any]] = {}


def per_generation(make: Callable[[ProjectStore], T]) -> Callable[[ProjectStore], T]:
    """`make(store)` built once per generation and kept on its store, so that it goes
    with the store (a cache beside it would keep a replaced generation, and the records
    it holds, alive); `ProjectStore.prepare` builds it."""
    name = f"{make.__module__}.{make.__qualname__}"

    @functools.wraps(make)
    def once(store: ProjectStore) -> T:
        return store.built(name, lambda: make(store))

    PER_GENERATION[name] = once
    return once


def cached_properties(cls: type) -> set[str]:
    """The names of a class's cached properties (its bases' too)."""
    return {
        name
        for klass in cls.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, cached_property)
    }


class JoinedTexts:
    """Texts joined into one string, so that a piece is looked for in all of them with
    `str.find` instead of text by text (which reads every text's object: a server's worker
    copies the pages they are on). NUL, which no text holds, parts them."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.starts, at, parts = array("q"), 0, []
        for text in texts:
            self.starts.append(at)
            parts.append(text)
            at += len(text) + 1
        self.joined = "\0".join(parts)

    def holds(self, piece: str) -> bool:
        """Whether any text holds the piece."""
        return bool(self.starts) and "\0" not in piece and piece in self.joined

    def holding(self, piece: str) -> list[int]:
        """The places of the texts that hold the piece, in order."""
        if not piece:
            return list(range(len(self.starts)))
        if "\0" in piece:
            return []
        found: list[int] = []
        at = self.joined.find(piece)
        while at >= 0:
            n = bisect.bisect_right(self.starts, at) - 1
            found.append(n)
            if n + 1 == len(self.starts):
                break
            at = self.joined.find(piece, self.starts[n + 1])
        return found


def history_key(name: str) -> str:
    """A project's name as its tables of other years share it: without years, spaces and
    punctuation (2020年机关服务费 and 机关服务费（2021年度） are one)."""
    folded = normalize_name(name)
    folded = re.sub(r"(?:19|20)\d{2}\s*年?度?", "", folded)
    return re.sub(r"[\W_]+", "", folded)


class ProjectStore:
    """Projects in source order, looked up by id; the catalogue and the library are built
    when first asked for (a request that needs neither does not wait for them)."""

    def __init__(self, projects: list[Project]) -> None:
        self.projects = projects
        self._by_id = {project.id: project for project in projects}
        self._kept: OrderedDict[Hashable, Any] = OrderedDict()
        self._kept_lock = threading.Lock()
        self._built: dict[str, Any] = {}  # see `per_generation`

    def kept(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """What `make` works out from every record, kept for this generation under `key`
        (the last MAX_KEPT keys: a question about all projects is not worked out over
        100,000 of them each time it is asked). Two requests may both work it out."""
        with self._kept_lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        value = make()
        with self._kept_lock:
            self._kept[key] = value
            while len(self._kept) > MAX_KEPT:
                self._kept.popitem(last=False)
        return value

    def built(self, name: str, make: Callable[[], Any]) -> Any:
        """What `make` builds from every record, built once and kept as long as this
        generation (two requests may both build it: the same result)."""
        if name not in self._built:
            value = make()
            with self._kept_lock:
                self._built.setdefault(name, value)
        return self._built[name]

    @cached_property
    def years(self) -> frozenset[int]:
        """The years the tables are of."""
        return frozenset(p.year for p in self.projects if p.year is not None)

    @cached_property
    def periods(self) -> list[tuple[int, int]]:
        """The first and last years of every table that states its period."""
        return periods(self.projects)

    @cached_property
    def catalogue(self) -> list[Regulation]:
        """Every cited document, most-cited first."""
        return build_catalogue(self.projects)

    @cached_property
    def library(self) -> list[IndicatorGroup]:
        """Indicator rows grouped by name."""
        return build_library(self.projects)

    @cached_property
    def peers(self) -> Peers:
        """What the records' tables set, for the checks that compare a table with others."""
        return Peers.of(self.projects)

    @cached_property
    def findings(self) -> list[Finding]:
        """What the table checks find in every record (`indexer.checks`), in source order."""
        return check_corpus(self.projects, self.peers)

    @cached_property
    def findings_of(self) -> dict[str, list[Finding]]:
        """The findings of each project (projects with none are left out)."""
        return by_project(self.findings)

    @cached_property
    def _histories(self) -> dict[str, list[Project]]:
        """Each project's history: the tables of its unit whose names match its own
        (the same once years, spaces and punctuation are dropped), by year."""
        groups: dict[tuple[str, str], list[Project]] = {}
        for project in self.projects:
            if project.year is not None:  # a table without its year has no place in one
                groups.setdefault((project.unit, history_key(project.name)), []).append(project)
        history: dict[str, list[Project]] = {}
        for group in groups.values():
            years = {p.year for p in group}
            if len(years) < 2:
                continue  # one year: no history
            ordered = sorted(group, key=lambda p: (p.year or 0, p.id))
            for project in group:
                history[project.id] = ordered
        return history

    def history(self, project: Project) -> list[Project]:
        """The project's tables of every year (itself among them), oldest first; [] when
        no other year's table matches."""
        return self._histories.get(project.id, [])

    @cached_property
    def suggestions(self) -> Suggestions:
        """What the search box completes to: names, titles, numbers, indicator names."""
        return build_suggestions(self.projects, self.catalogue, self.library)

    @cached_property
    def _library_places(self) -> dict[str, int]:
        """Each group's key, and its place in the library."""
        return {group.key: n for n, group in enumerate(self.library)}

    def library_group(self, name: str) -> IndicatorGroup | None:
        """The library's group of an indicator name (any table's, a draft's too)."""
        place = self._library_places.get(normalize_name(name))
        return None if place is None else self.library[place]

    def library_keyed(self, keys: Iterable[str]) -> list[IndicatorGroup]:
        """The library's groups of these keys, in the library's order."""
        places = self._library_places
        return [self.library[n] for n in sorted({places[k] for k in keys if k in places})]

    @cached_property
    def _library_keys(self) -> JoinedTexts:
        return JoinedTexts(group.key for group in self.library)

    def library_holding(self, text: str) -> list[IndicatorGroup]:
        """The library's groups whose keys hold `text`, in the library's order (found in
        one string of every key: reading 100,000 groups' objects per question made a
        server's worker copy the pages they are on)."""
        return [self.library[n] for n in self._library_keys.holding(text)]

    @cached_property
    def _regulations(self) -> dict[str, Regulation]:
        return {entry.key: entry for entry in self.catalogue}

    @cached_property
    def _numbered(self) -> dict[str, list[int]]:
        """Each document number, and the places in the catalogue of its entries."""
        found: dict[str, list[int]] = {}
        for place, entry in enumerate(self.catalogue):
            found.setdefault(entry.number, []).append(place)
        return found

    def regulations_numbered(self, numbers: Iterable[str]) -> list[Regulation]:
        """The catalogue's entries of these document numbers, in the catalogue's order."""
        places = {p for number in set(numbers) for p in self._numbered.get(number, ())}
        return [self.catalogue[p] for p in sorted(places)]

    @cached_property
    def _citation_keys(self) -> dict[int, str]:
        return {id(c): e.key for e in self.catalogue for _, c in e.citations}

    def prepare(self) -> None:
        """Build everything otherwise built on first use: the store's own (the
        completions, the catalogue and library under them, the checks' peers and
        findings, the histories …) and what other modules build once per generation (the
        question pipeline's indexes, the spelling tables …). A server does so before it
        forks its workers, which then share it."""
        for name in cached_properties(type(self)):
            getattr(self, name)
        for build in PER_GENERATION.values():
            build(self)

    def get(self, project_id: str) -> Project | None:
        return self._by_id.get(project_id)

    def record(self, project_id: str) -> dict[str, Any] | None:
        project = self._by_id.get(project_id)
        return project.to_dict() if project else None

    def find_regulations(self, query: str = "") -> list[Regulation]:
        """Catalogue entries matching `query`, most-cited first (see `find_regulations`)."""
        return find_regulations(self.catalogue, query)

    def regulation(self, key: str) -> dict[str, Any] | None:
        entry = self.regulation_entry(key)
        return entry.to_dict() if entry else None

    def regulation_entry(self, key: str) -> Regulation | None:
        return self._regulations.get(key)

    def regulation_key(self, citation: Citation) -> str | None:
        """The catalogue entry a citation belongs to."""
        return self._citation_keys.get(id(citation))
