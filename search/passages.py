"""Reusing wording: passages of other projects that say what a given section says.

Candidates come from Whoosh's more-like-this on the section documents (key terms of the
passage, more of them for longer texts: short texts need enough terms to match at all);
they are then ranked by how much of the wording they share (rapidfuzz on the texts), so
an identical passage comes first. Passages of the same section type come before those of
other types.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz
from whoosh import query as q
from whoosh.searching import Searcher

from indexer.analysis import words
from indexer.model import Project

from .engine import Generation, SearchEngine
from .service import SECTION_NAMES

MIN_KEY_TERMS = 10
MAX_KEY_TERMS = 40
CANDIDATES = 50


def key_term_count(text: str) -> int:
    """How many key terms to look for: a third of the passage's words, within bounds."""
    return max(MIN_KEY_TERMS, min(MAX_KEY_TERMS, len(words(text)) // 3))


def similar_passages(
    engine: SearchEngine, project_id: str, section: str, limit: int = 5
) -> dict[str, Any] | None:
    """Passages like `section` of `project_id` in other projects; None if there is no such
    section. Same section type first, then other types, each most similar first."""
    with engine.searching() as (generation, searcher):
        project = generation.store.get(project_id)
        if project is None or section not in project.sections:
            return None
        text = project.sections[section]
        passages = _candidates(generation, searcher, project, section) if text else []
    passages.sort(key=lambda p: (not p["same_section"], -p["score"]))
    return {
        "project_id": project.id,
        "project_name": project.name,
        "section": section,
        "section_label": SECTION_NAMES[section],
        "text": text,
        "passages": passages[:limit],
    }


def _candidates(
    generation: Generation, searcher: Searcher, project: Project, section: str
) -> list[dict[str, Any]]:
    """Sections of other projects that more-like-this finds, scored by shared wording."""
    text = project.sections[section]
    docnum = searcher.document_number(doc_id=f"s:{project.id}:{section}")
    results = searcher.more_like(
        docnum,
        "body",
        text=text,
        top=CANDIDATES,
        numterms=key_term_count(text),
        filter=q.Term("kind", "section"),
    )
    passages = []
    for hit in results:
        other = generation.store.get(hit["project_id"])
        if other is None or other.id == project.id:
            continue
        other_text = other.sections[hit["section"]]
        passages.append(
            {
                "project_id": other.id,
                "project_name": other.name,
                "section": hit["section"],
                "section_label": SECTION_NAMES[hit["section"]],
                "same_section": hit["section"] == section,
                "text": other_text,
                "score": round(fuzz.ratio(text, other_text), 1),
                "url": f"/projects/{other.id}#section-{hit['section']}",
            }
        )
    return passages
