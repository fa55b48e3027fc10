"""The one mapping from a project record to the index documents that stand for it.

Per project: a `project` document (name and header), a `section` document per non-empty
section, an `indicator` document per level of the indicator table (its rows under one
一级/二级 pair: 产出指标 › 数量指标), and a `citation` document per citation. A level's
rows are one document, not one per row: tables repeat the same rows (预算执行率 =100% in
nearly every project), and a document per row would more than double the index without
telling a searcher more; the rows that match are picked out when hits are shown. A
document per level, not per table, lets the 一级/二级 facets filter rows: 满意度 under
数量指标 finds only tables whose 数量指标 rows say 满意度.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .checks import Peers, by_project, check_corpus, rule_ids
from .citations import normalize_title
from .model import Indicator, Project

# Document kinds (SPEC §4 `kind`).


@dataclass(frozen=True)
class DocRef:
    """What an index document stands for, read from its id: its kind, its project, and
    for a section its key, for a citation its place in the project's citations."""

    kind: str
    project_id: str
    section: str | None = None
    citation: int | None = None
    level: int | None = None  # an indicator document's place in `indicator_levels`


_KIND_OF = {"p": "project", "s": "section", "i": "indicator", "c": "citation"}


def section_doc_id(project_id: str, key: str) -> str:
    return f"s:{project_id}:{key}"


def doc_ref(doc_id: str) -> DocRef:
    """`s:2020-ab12:basis` -> DocRef("section", "2020-ab12", "basis") (ids have no colon)."""
    letter, project_id, *rest = doc_id.split(":")
    kind = _KIND_OF[letter]
    if kind == "section":
        return DocRef(kind, project_id, section=rest[0])
    if kind == "citation":
        return DocRef(kind, project_id, citation=int(rest[0]))
    if kind == "indicator":
        return DocRef(kind, project_id, level=int(rest[0]))
    return DocRef(kind, project_id)


def indicator_levels(project: Project) -> list[list[Indicator]]:
    """The indicator rows by their 一级/二级 pair, pairs in order of first appearance (a
    level split by other rows is still one)."""
    levels: dict[tuple[str | None, str | None], list[Indicator]] = {}
    for row in project.indicators:
        levels.setdefault((row.level1, row.level2), []).append(row)
    return list(levels.values())


# Fields a search can filter and count by (facets), in display order.
FACET_FIELDS = (
    "kind",
    "template",
    "department",
    "category",
    "perf_type",
    "unit",
    "year",
    "section",
    "level1",
    "level2",
    "issuer",
    "problem",
)
# Numeric fields results can be ordered by ("seq" is source order).
SORT_FIELDS = ("seq", "budget", "year")
# The numeric field that says which project a document is of (its place in the corpus).
PROJECT_FIELD = "order"


def indicator_line(row: Indicator) -> str:
    """An indicator row as one line of text: `一级 二级 三级目标 指标目标值`."""
    return " ".join(part for part in (row.level1, row.level2, row.name, row.target) if part)


def project_text(project: Project) -> str:
    parts = (project.name, project.unit, project.department, project.category, project.perf_type)
    return " ".join(dict.fromkeys(p for p in parts if p))


def citation_text(title: str | None, number: str | None) -> str:
    return " ".join(p for p in (f"《{title}》" if title else "", number or "") if p)


# Every document's text goes into these fields (see the backend's schema).
TEXT_FIELDS = ("body", "grams", "chars")


def _text(text: str) -> dict[str, str]:
    return dict.fromkeys(TEXT_FIELDS, text)


def _words(values: list[str]) -> str:
    return " ".join(dict.fromkeys(v for v in values if v))


def documents(
    project: Project, order: int, problems: tuple[str, ...] = ()
) -> Iterator[dict[str, Any]]:
    """The index documents of one project; `order` is its position in the corpus,
    `problems` the ids of the check rules that found something in it."""
    common: dict[str, Any] = {
        "project_id": project.id,
        "template": project.template,
        "unit": project.unit,
        "order": order,
    }
    for name in ("department", "category", "perf_type"):
        value = getattr(project, name)
        if value:
            common[name] = value
    if project.year is not None:
        common["year"] = project.year
    if problems:
        common["problem"] = " ".join(problems)
    if project.budget.get("total") is not None:
        common["budget"] = project.budget["total"]
    pid = project.id
    text = project_text(project)
    yield {"doc_id": f"p:{pid}", "kind": "project", **_text(text), **common}
    for key, section_text in project.sections.items():
        if not section_text:
            continue
        cited = [c for c in project.citations if c.section == key]
        yield {
            "doc_id": section_doc_id(pid, key),
            "kind": "section",
            "section": key,
            **_text(section_text),
            "numbers": _words([c.number for c in cited if c.number]),
            "titles": _words([normalize_title(c.title) for c in cited if c.title]),
            **common,
        }
    for n, rows in enumerate(indicator_levels(project)):
        level = {name: value for name in ("level1", "level2") if (value := getattr(rows[0], name))}
        yield {
            "doc_id": f"i:{pid}:{n}",
            "kind": "indicator",
            **_text("\n".join(indicator_line(row) for row in rows)),
            **level,
            **common,
        }
    for n, citation in enumerate(project.citations):
        text = citation_text(citation.title, citation.number)
        doc = {
            "doc_id": f"c:{pid}:{n}",
            "kind": "citation",
            "section": citation.section,
            **_text(text),
            "numbers": citation.number or "",
            "titles": normalize_title(citation.title) if citation.title else "",
            **common,
        }
        if citation.issuer:
            doc["issuer"] = citation.issuer
        yield doc


def problems_of(projects: list[Project], peers: Peers | None = None) -> dict[str, list[str]]:
    """Per project with findings, the ids of the check rules that found something in it
    (checked against all of `projects`, or `peers` if given: some rules compare a table
    with its peers)."""
    return {
        pid: rule_ids(found) for pid, found in by_project(check_corpus(projects, peers)).items()
    }


def all_documents(
    projects: list[Project],
    problems: dict[str, list[str]] | None = None,
    first_order: int = 0,
) -> Callable[[], Iterator[dict[str, Any]]]:
    """A function that yields every document of `projects`, in order, as often as asked
    (a backend counts them first and writes them after, instead of holding them all).
    Every document of a project carries what the table checks found in it (facet 问题):
    `problems` (default: the checks over `projects`). Projects are numbered from
    `first_order` (an update numbers its projects after those already indexed)."""
    if problems is None:
        problems = problems_of(projects)

    def generate() -> Iterator[dict[str, Any]]:
        for order, project in enumerate(projects, start=first_order):
            yield from documents(project, order, tuple(problems.get(project.id, ())))

    return generate
