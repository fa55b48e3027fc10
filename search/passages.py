"""Reusing wording: passages of other projects that say what a given section says.

Candidates are the section documents that best match the passage's key terms (Whoosh's
key terms, more of them for longer texts: short texts need enough terms to match at all),
found with a time budget like a search's; they are then ranked by how much of the wording
they share (rapidfuzz on the texts), so an identical passage comes first. Passages of the
same section type come before those of other types.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz
from whoosh import query as q
from whoosh.searching import Searcher

from indexer.analysis import words
from indexer.model import Project
from indexer.vocabulary import SECTION_NAMES

from .engine import Generation, SearchEngine
from .scoring import rank_within
from .service import RANK_SECONDS, capped
from .urls import project_url

MIN_KEY_TERMS = 10
# Each key term's postings are read: 40 terms took up to 7 s at 10,000 projects.
MAX_KEY_TERMS = 20
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
        passages, complete = (
            _candidates(generation, searcher, project, section) if text else ([], True)
        )
    passages.sort(key=lambda p: (not p["same_section"], -p["score"]))
    return {
        "project_id": project.id,
        "project_name": project.name,
        "section": section,
        "section_label": SECTION_NAMES[section],
        "text": text,
        "passages": passages[:limit],
        "complete": complete,
    }


def _candidates(
    generation: Generation, searcher: Searcher, project: Project, section: str
) -> tuple[list[dict[str, Any]], bool]:
    """Sections of other projects that share the passage's key terms, scored by shared
    wording; False when the time budget ran out before all were looked at."""
    text = project.sections[section]
    own = searcher.document_number(doc_id=f"s:{project.id}:{section}")
    terms = searcher.key_terms_from_text("body", text, numterms=key_term_count(text))
    if not terms:
        return [], True
    query = q.Or([q.Term("body", term, boost=weight) for term, weight in terms])
    sections = set(generation.facets.documents["kind"].get("section", []).tolist()) - {own}
    ranking = rank_within(searcher, query, sections, CANDIDATES, RANK_SECONDS)
    results = [searcher.stored_fields(docnum) for docnum, _ in ranking.scored]
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
                "text": capped(other_text),
                "score": round(fuzz.ratio(text, other_text), 1),
                "url": project_url(other.id, f"section-{hit['section']}"),
            }
        )
    return passages, ranking.complete
