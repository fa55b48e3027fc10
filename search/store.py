"""Projects in memory, looked up by id, in source order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from indexer import load_corpus
from indexer.model import Diagnostic, Project

from .regulations import Regulation, build_catalogue, find_regulations


class ProjectStore:
    """The records of a corpus, with the problems met while parsing it."""

    def __init__(self, projects: list[Project], diagnostics: list[Diagnostic]) -> None:
        self.projects = projects
        self.diagnostics = diagnostics
        self._by_id = {project.id: project for project in projects}
        self.catalogue = build_catalogue(projects)
        self._regulations = {entry.key: entry for entry in self.catalogue}

    @classmethod
    def from_corpus(cls, corpus_dir: Path) -> ProjectStore:
        result, _files = load_corpus(corpus_dir)
        return cls(result.projects, result.diagnostics)

    def records(self) -> list[dict[str, Any]]:
        return [project.to_dict() for project in self.projects]

    def record(self, project_id: str) -> dict[str, Any] | None:
        project = self._by_id.get(project_id)
        return project.to_dict() if project else None

    def regulations(self, query: str = "") -> list[dict[str, Any]]:
        return [entry.to_dict() for entry in find_regulations(self.catalogue, query)]

    def regulation(self, key: str) -> dict[str, Any] | None:
        entry: Regulation | None = self._regulations.get(key)
        return entry.to_dict() if entry else None
