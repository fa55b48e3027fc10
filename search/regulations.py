"""The regulation catalogue: one entry per cited regulation across all projects, and lookup.

Citations with a document number are one entry per normalized number. A citation with a
title only joins the numbered entry of the same title (or of the same subject: 关于印发《X》
的通知 is about X) when there is exactly one; otherwise title-only citations are one
entry per title.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from indexer.citations import find_doc_numbers, normalize_title, subject_title
from indexer.issuers import issuer_name
from indexer.model import Citation, Project


@dataclass
class Regulation:
    """One catalogue entry and the projects (and sections) that cite it."""

    key: str
    number: str | None
    issuer: str | None
    issued_year: int | None
    titles: Counter[str] = field(default_factory=Counter)  # as written
    cited_by: list[dict[str, str]] = field(default_factory=list)
    citations: list[tuple[Project, Citation]] = field(default_factory=list)
    _cited: set[tuple[str, str]] = field(default_factory=set, repr=False)
    first_seen: int = 0
    # each citing project's name, first citing first, and the sections (keys) citing it
    # under that name: what answers say of thousands of citing tables is the first names
    # and how many, read here instead of from every citation
    names: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @property
    def title(self) -> str | None:
        return self.titles.most_common(1)[0][0] if self.titles else None

    @property
    def match_titles(self) -> set[str]:
        """Normalized titles (and subjects) by which title-only citations find this entry."""
        keys = {normalize_title(t) for t in self.titles}
        return keys | {s for t in self.titles if (s := subject_title(t))}

    @property
    def project_count(self) -> int:
        return len({c["project_id"] for c in self.cited_by})

    def add(self, project: Project, citation: Citation) -> None:
        self.citations.append((project, citation))
        self.names.setdefault(project.name, []).append(citation.section)
        if citation.title:
            self.titles[citation.title] += 1
        seen = (project.id, citation.section)
        if seen not in self._cited:  # a set: a list scan made 10,000 projects take 10 s
            self._cited.add(seen)
            cited = {"project_id": project.id, "project_name": project.name}
            self.cited_by.append(cited | {"section": citation.section})

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "number": self.number,
            "issuer": self.issuer,
            "issuer_name": issuer_name(self.issuer),
            "issued_year": self.issued_year,
            "cited_by": list(self.cited_by),
        }


def regulation_key(number: str | None, title_key: str | None) -> str:
    """A stable, URL-safe key: from the number if there is one, else the title."""
    basis = f"n:{number}" if number else f"t:{title_key}"
    return "r-" + hashlib.sha1(basis.encode()).hexdigest()[:10]


def _title_key(title: str) -> str:
    return subject_title(title) or normalize_title(title)


def build_catalogue(projects: Iterable[Project]) -> list[Regulation]:
    """All cited regulations, most-cited first (by projects, then by citations)."""
    cited = [(p, c) for p in projects for c in p.citations]
    by_number: dict[str, Regulation] = {}
    for order, (project, citation) in enumerate(cited):
        if citation.number:
            entry = by_number.get(citation.number)
            if entry is None:
                entry = Regulation(
                    regulation_key(citation.number, None),
                    citation.number,
                    citation.issuer,
                    citation.issued_year,
                    first_seen=order,
                )
                by_number[citation.number] = entry
            entry.add(project, citation)

    numbered_by_title: dict[str, list[Regulation]] = {}
    for entry in by_number.values():
        for key in entry.match_titles:
            numbered_by_title.setdefault(key, []).append(entry)

    by_title: dict[str, Regulation] = {}
    for order, (project, citation) in enumerate(cited):
        if citation.number or not citation.title:
            continue
        candidates = {
            id(e): e
            for key in {normalize_title(citation.title), _title_key(citation.title)}
            for e in numbered_by_title.get(key, [])
        }
        if len(candidates) == 1:
            next(iter(candidates.values())).add(project, citation)
            continue
        key = _title_key(citation.title)
        entry = by_title.get(key)
        if entry is None:
            entry = Regulation(regulation_key(None, key), None, None, None, first_seen=order)
            by_title[key] = entry
        entry.add(project, citation)

    entries = [*by_number.values(), *by_title.values()]
    return sorted(entries, key=lambda e: (-e.project_count, -len(e.cited_by), e.first_seen))


def find_regulations(catalogue: list[Regulation], query: str) -> list[Regulation]:
    """Entries matching `query`: a document number in any bracket style, a title or part of
    one (《》 optional), an issuer code or agency. An empty query gives the whole catalogue.
    Order is the catalogue's (most-cited first)."""
    query = query.strip()
    if not query:
        return list(catalogue)
    numbers = {n.number for n in find_doc_numbers(unicodedata.normalize("NFKC", query))}
    if numbers:
        return [e for e in catalogue if e.number in numbers]
    needle = normalize_title(query)
    return [
        e
        for e in catalogue
        if any(needle in normalize_title(t) for t in e.titles)
        or (e.number and needle in e.number)
        or needle in (issuer_name(e.issuer) or "")
    ]
