"""What every layout's records get the same way, once: a stable id and the citations."""

from __future__ import annotations

from .citations import extract_citations
from .model import Project, project_id


def enrich(project: Project) -> Project:
    """Set the id (from unit, year and name) and the regulations its sections cite."""
    project.id = project_id(project.unit, project.year, project.name)
    project.citations = extract_citations(project.sections)
    return project
