"""Reusing wording: passages of other projects that say what a given section says.

Candidates are the section documents that best match the passage's key terms (the
backend's `more_like`, with a time budget like a search's); they are then ranked by how
much of the wording they share (rapidfuzz on the texts), so an identical passage comes
first. Passages of the same section type come before those of other types.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from indexer.documents import doc_ref, section_doc_id
from indexer.model import Project

from .backend import SearchBackend, Snapshot
from .service import capped

CANDIDATES = 50


def similar_passages(
    backend: SearchBackend, project_id: str, section: str, limit: int = 5
) -> dict[str, Any] | None:
    """Passages like `section` of `project_id` in other projects; None if there is no such
    section. Same section type first, then other types, each most similar first."""
    with backend.snapshot() as snapshot:
        project = snapshot.store.get(project_id)
        if project is None or section not in project.sections:
            return None
        text = project.sections[section]
        passages, complete = _candidates(snapshot, project, section) if text else ([], True)
    passages.sort(key=lambda p: (not p["same_section"], -p["score"]))
    return {
        "project_id": project.id,
        "project_name": project.name,
        "section": section,
        "text": text,
        "passages": passages[:limit],
        "complete": complete,
    }


def _candidates(
    snapshot: Snapshot, project: Project, section: str
) -> tuple[list[dict[str, Any]], bool]:
    """Sections of other projects that share the passage's key terms, scored by shared
    wording; False when the time budget ran out before all were looked at."""
    text = project.sections[section]
    own = section_doc_id(project.id, section)
    found, complete = snapshot.more_like(own, text, "section", CANDIDATES)
    results = [doc_ref(doc_id) for doc_id, _ in found]
    passages = []
    for ref in results:
        other = snapshot.store.get(ref.project_id)
        if other is None or other.id == project.id or ref.section is None:
            continue
        other_text = other.sections[ref.section]
        passages.append(
            {
                "project_id": other.id,
                "project_name": other.name,
                "section": ref.section,
                "same_section": ref.section == section,
                "text": capped(other_text),
                "score": round(fuzz.ratio(text, other_text), 1),
            }
        )
    return passages, complete
