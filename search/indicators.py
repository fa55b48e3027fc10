"""The indicator library: indicator rows grouped across projects, and similar-name lookup.

Rows are grouped by normalized name (width folded, spaces and a trailing （%） removed).
A group knows its levels, the projects that use it with their targets, the distribution
of targets and, for quantitative targets of one unit, their minimum, median and maximum.
"""

from __future__ import annotations

import re
import statistics
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from indexer.model import Indicator, Project
from indexer.targets import normalize_name, parse_target
from indexer.text import words
from indexer.vocabulary import LEVEL_NAMES

# Head words: the last few characters carry what an indicator measures.
HEAD_LENGTHS = (3, 2)
MIN_SCORE = 45.0
CANDIDATES = 200
# A group lists at most this many of its projects (its count says how many use it).
MAX_PROJECTS_LISTED = 100


@dataclass
class IndicatorGroup:
    """All rows of one indicator name across projects (complete once `build_library` has
    made it: what is read of them is worked out then)."""

    key: str
    names: Counter[str] = field(default_factory=Counter)
    levels: Counter[tuple[str | None, str | None]] = field(default_factory=Counter)
    rows: list[tuple[Project, Indicator]] = field(default_factory=list)
    # each row's project as its place in the projects the library was built from
    numbers: array = field(default_factory=lambda: array("i"))  # `projects` once built

    @property
    def name(self) -> str:
        return self.names.most_common(1)[0][0]

    @property
    def level1(self) -> str | None:
        return self.levels.most_common(1)[0][0][0]

    @property
    def level2(self) -> str | None:
        return self.levels.most_common(1)[0][0][1]

    # What is read of a group's rows is worked out once, when the library is built (a
    # group of a common name has a row in most tables: at 100,000 projects, working them
    # out per request took 150-280 ms of the similar indicators' page)

    @cached_property
    def project_count(self) -> int:
        return len(self.projects)

    @cached_property
    def project_numbers(self) -> np.ndarray:
        """Each row's project: its place among the library's projects (the store's)."""
        return np.frombuffer(self.numbers, dtype=np.int32)

    @cached_property
    def projects(self) -> np.ndarray:
        """The projects holding a row: their places among the library's projects, sorted
        (an array, not a set of numbers: reading it writes no reference counts)."""
        return np.unique(self.project_numbers)

    @cached_property
    def same_targets(self) -> dict[tuple, tuple[str, int]]:
        """`targets_set` of the rows."""
        return targets_set(row for _, row in self.rows)

    @cached_property
    def _targets(self) -> list[dict[str, Any]]:
        counts = Counter(row.target for _, row in self.rows)
        return [{"target": t, "count": n} for t, n in sorted(counts.items(), key=_by_count)]

    def targets(self) -> list[dict[str, Any]]:
        """Each target the rows set, with how many rows set it, the most set first."""
        return [dict(target) for target in self._targets]

    @cached_property
    def _stats(self) -> dict[str, Any] | None:
        values = [row for _, row in self.rows if row.kind == "quantitative"]
        units = {row.unit for row in values}
        if not values or len(units) != 1:
            return None
        numbers = [row.value for row in values]
        return {
            "unit": units.pop(),
            "min": min(numbers),
            "median": statistics.median(numbers),
            "max": max(numbers),
            "count": len(numbers),
        }

    def stats(self) -> dict[str, Any] | None:
        """min, median, max of quantitative targets when they share one unit."""
        return dict(self._stats) if self._stats is not None else None

    def summarize(self) -> None:
        """Work out what is read of the rows (the rows are complete)."""
        for name in ("project_numbers", "projects", "project_count", "_targets", "_stats",
                     "same_targets"):  # fmt: skip
            getattr(self, name)

    def to_dict(self, with_projects: bool = True) -> dict[str, Any]:
        """The group; `projects` lists the first MAX_PROJECTS_LISTED rows' projects."""
        shown = {
            "name": self.name,
            "key": self.key,
            "count": self.project_count,
            "level1": self.level1,
            "level2": self.level2,
            "targets": self.targets(),
            "stats": self.stats(),
        }
        if with_projects:
            shown["projects"] = [
                {"project_id": p.id, "project_name": p.name, "target": row.target}
                for p, row in self.rows[:MAX_PROJECTS_LISTED]
            ]
        return shown


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def same_target(row: Indicator) -> tuple:
    """A row's target as compared, read from the record's parsed comparator, value and unit
    (=100% and 100%, ≥90.00(%) and >=90% are one target); a target in words as written."""
    if row.value is None:
        return (re.sub(r"\s+", "", row.target),)
    return (row.op or "=", float(row.value), row.unit or "")


def targets_set(rows: Iterable[Indicator]) -> dict[tuple, tuple[str, int]]:
    """Each target the rows set as compared (`same_target`: =100% and 100% are one), with
    how it is first written and how many rows set it, in the order first set."""
    found: dict[tuple, tuple[str, int]] = {}
    for row in rows:
        same = same_target(row)
        said, count = found.get(same, (row.target, 0))
        found[same] = (said, count + 1)
    return found


def targets_ranked(sets: Iterable[dict[tuple, tuple[str, int]]]) -> dict[str, int]:
    """Targets (of one or more `targets_set`s, added) as first written → how many rows set
    them, most first, then by their text."""
    counts: dict[tuple, int] = {}
    said: dict[tuple, str] = {}
    for found in sets:
        for same, (written, count) in found.items():
            said.setdefault(same, written)
            counts[same] = counts.get(same, 0) + count
    ranked = sorted(counts, key=lambda k: (-counts[k], said[k]))
    return {said[k]: counts[k] for k in ranked}


def projects_of_groups(groups: list[IndicatorGroup]) -> int:
    """How many projects hold a row of any of the groups."""
    if len(groups) == 1:
        return groups[0].project_count
    return len(np.unique(np.concatenate([group.projects for group in groups])))


def targets_of_groups(groups: Iterable[IndicatorGroup]) -> dict[str, int]:
    """`targets_ranked` of every row of the groups, from what each group worked out when
    the library was built (no row is read: at 100,000 projects a common name's rows are a
    hundred thousand objects, which a server's worker would copy by reading them)."""
    return targets_ranked(group.same_targets for group in groups)


def build_library(projects: Iterable[Project]) -> list[IndicatorGroup]:
    """Groups in order of first appearance."""
    groups: dict[str, IndicatorGroup] = {}
    for number, project in enumerate(projects):
        for row in project.indicators:
            key = normalize_name(row.name)
            group = groups.setdefault(key, IndicatorGroup(key))
            group.names[row.name] += 1
            group.levels[(row.level1, row.level2)] += 1
            group.rows.append((project, row))
            group.numbers.append(number)
    for group in groups.values():
        group.summarize()
    return list(groups.values())


def library_tree(groups: Iterable[IndicatorGroup]) -> list[dict[str, Any]]:
    """一级 → 二级 → groups, each level in order of first appearance, groups by use."""
    tree: dict[str | None, dict[str | None, list[IndicatorGroup]]] = {}
    for group in groups:
        tree.setdefault(group.level1, {}).setdefault(group.level2, []).append(group)
    return [
        {
            "level1": level1,
            "count": sum(len(gs) for gs in level2s.values()),
            "children": [
                {
                    "level2": level2,
                    "count": len(gs),
                    "groups": [
                        g.to_dict(with_projects=False)
                        for g in sorted(gs, key=lambda g: (-g.project_count, g.key))
                    ],
                }
                for level2, gs in level2s.items()
            ],
        }
        for level1, level2s in tree.items()
    ]


def query_name(text: str) -> str:
    """The indicator name in a query that may be a whole row (`满意度 工作人员满意度 >=90%`)."""
    tokens = [t for t in text.split() if t not in LEVEL_NAMES]
    if len(tokens) >= 2 and (parse_target(tokens[-1]).kind == "quantitative" or len(tokens) > 2):
        tokens = tokens[:-1]
    return normalize_name("".join(tokens))


@lru_cache(maxsize=65_536)
def word_set(name: str) -> frozenset[str]:
    """The jieba words of a name (names repeat across requests: cached)."""
    return frozenset(w for w, _, _ in words(name))


def _head(name: str) -> set[str]:
    return {name[-n:] for n in HEAD_LENGTHS if len(name) > n}


def similarity(query: str, name: str) -> float:
    """0-100: how nearly `name` means the same as `query` (both normalized).

    The same name scores 100; a name inside the other scores by how much of it is shared;
    otherwise string similarity, shared jieba words and a shared head word (…满意度,
    …完成率) add up, so small wording changes and typos rank high and names that measure
    the same thing rank above unrelated ones.
    """
    if query == name:
        return 100.0
    if query in name or name in query:
        short, long_ = sorted((query, name), key=len)
        return round(80.0 + 19.0 * len(short) / len(long_), 2)
    ratio = fuzz.ratio(query, name)
    query_words, name_words = word_set(query), word_set(name)
    shared = len(query_words & name_words) / max(len(query_words | name_words), 1)
    head = 15.0 if _head(query) & _head(name) else 0.0
    return round(min(79.0, 0.6 * ratio + 25.0 * shared + head), 2)


def level_groups(groups: list[IndicatorGroup], text: str, limit: int = 10) -> list[IndicatorGroup]:
    """The indicators under a level a query names (满意度, 时效指标, 社会效益): each group
    whose first or second level holds it, the most used first."""
    word = normalize_name(text).removesuffix("指标")
    if len(word) < 2:
        return []
    found = [g for g in groups if any(word in (level or "") for level in (g.level1, g.level2))]
    found.sort(key=lambda g: (-g.project_count, g.key))
    return found[:limit]


def similar_groups(
    groups: list[IndicatorGroup], text: str, limit: int = 10
) -> list[tuple[IndicatorGroup, float]]:
    """Groups whose names mean the same or nearly the same as `text`, most similar first."""
    query = query_name(text)
    if not query:
        return []
    keys = [g.key for g in groups]
    candidates = {
        i for _, _, i in process.extract(query, keys, scorer=fuzz.ratio, limit=CANDIDATES)
    }
    heads = _head(query)
    candidates |= {
        i for i, key in enumerate(keys) if query in key or key in query or _head(key) & heads
    }
    scored = [(groups[i], similarity(query, keys[i])) for i in candidates]
    scored = [(g, s) for g, s in scored if s >= MIN_SCORE]
    scored.sort(key=lambda item: (-item[1], -item[0].project_count, item[0].key))
    return scored[:limit]
