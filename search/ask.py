"""Answer a question in Chinese from the corpus, citing sources (SPEC §4 /api/ask).

For now every question is answered with the passages that match its key words best; the
question-answering issue adds answers computed from the records.
"""

from __future__ import annotations

from typing import Any

from indexer.analysis import words

from .engine import SearchEngine
from .service import SearchRequest, facet_label, search

# Words that carry the question's form, not its subject.
QUESTION_WORDS = frozenset(
    {
        *("什么", "多少", "哪些", "哪个", "哪几个", "几个", "是否", "是", "的", "了", "吗", "呢"),
        *("有", "为", "请问", "一下", "怎么", "如何", "和", "及", "与", "在", "中", "里"),
    }
)
MAX_SOURCES = 3


def key_words(question: str) -> list[str]:
    """The question's content words (jieba), question words and particles dropped."""
    return list(dict.fromkeys(w for w, _, _ in words(question) if w not in QUESTION_WORDS))


def answer(engine: SearchEngine, question: str) -> dict[str, Any]:
    """An answer with its sources; says plainly when the corpus holds nothing on it."""
    terms = key_words(question)
    sources: list[dict[str, Any]] = []
    if terms:
        found = search(engine, SearchRequest(q=" ".join(terms), per_page=MAX_SOURCES))
        sources = [
            {
                "project_id": hit["project_id"],
                "project_name": hit["project_name"],
                "section": hit["section"] or ("indicators" if hit["kind"] == "indicator" else None),
                "text": hit["text"],
                "url": hit["url"],
            }
            for hit in found["hits"]
        ]
    if not sources:
        return {
            "question": question,
            "answer": "语料中没有找到与这个问题相关的内容。",
            "answer_type": "not_found",
            "sources": [],
        }
    first = sources[0]
    where = facet_label("section", first["section"]) if first["section"] else "项目信息"
    said = f"与问题最相关的内容见“{first['project_name']}”的{where}等 {len(sources)} 处来源。"
    return {
        "question": question,
        "answer": said,
        "answer_type": "passages",
        "sources": sources,
    }
