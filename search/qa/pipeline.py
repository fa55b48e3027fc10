"""read → check → plan → answer → cite, in one generation of the index."""

from __future__ import annotations

from typing import Any

from ..backend import Pinned, SearchBackend
from . import answers as a
from . import plans as p
from .answers import Answer, read_question
from .checks import check

NOT_FOUND = "语料中没有找到与这个问题相关的内容。"

# The plans, most specific first; the first that answers does.
PLANS = (
    a.cited_by_number,
    a.cited_by_title,
    a.compare_budgets,
    a.ambiguous,
    a.project_citations,
    a.indicator_target,
    p.indicator_count,
    p.several_fields,
    a.usual_targets,
    p.named_indicators,
    a.level_indicators,
    p.share_of_total,
    a.project_fact,
    p.change_ranking,
    a.over_projects,
    a.unknown_project,
    p.project_passages,
    a.best_sentences,
)


def answer(backend: SearchBackend, question: str) -> dict[str, Any]:
    """The answer to a question (SPEC §4): text, type and sources, all from one generation."""
    with backend.snapshot() as snapshot:
        pinned = Pinned(snapshot)
        q = read_question(question, pinned.store(), pinned)
        found = check(q)
        if found is None:
            for plan in PLANS:
                found = plan(q)
                if found is not None:
                    break
            else:
                found = Answer(NOT_FOUND, "not_found")
    return {
        "question": question,
        "answer": found.text,
        "answer_type": found.type,
        "sources": found.sources,
    }
