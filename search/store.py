"""The records of an index generation in memory: projects by id, the regulation catalogue."""

from __future__ import annotations

from typing import Any

from indexer.model import Citation, Project

from .indicators import IndicatorGroup, build_library
from .regulations import Regulation, build_catalogue, find_regulations


class ProjectStore:
    """Projects in source order, looked up by id, and the catalogue built from them."""

    def __init__(self, projects: list[Project]) -> None:
        self.projects = projects
        self._by_id = {project.id: project for project in projects}
        self.catalogue = build_catalogue(projects)
        self._regulations = {entry.key: entry for entry in self.catalogue}
        self._citation_keys = {id(c): e.key for e in self.catalogue for _, c in e.citations}
        self.library: list[IndicatorGroup] = build_library(projects)
        # Indexes derived from the records by other modules (question answering), built
        # on first use and dropped with the generation.
        self.derived: dict[str, Any] = {}

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
