"""Run a search request against the live index: the answer as data (ids, scores, spans,
facet counts, notice codes). Words, labels, links and HTML are made in `search.views`."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from indexer.documents import (
    FACET_FIELDS,
    DocRef,
    citation_text,
    doc_ref,
    indicator_levels,
    indicator_line,
    project_text,
)
from indexer.model import Project
from indexer.text import HAN, word_parts
from indexer.text import words as jieba_words

from .backend import SearchBackend, SearchPlan, SearchResult, Vocabulary
from .query import (
    MAX_QUERY_PARTS,
    QueryParts,
    clean_query,
    parse_query,
)
from .snippets import Fragment, fragment, match_spans, window
from .spelling import correction
from .store import ProjectStore
from .urls import section_anchor
from .vocabulary import same_meaning

DEFAULT_PER_PAGE = 10
MAX_INDICATOR_ROWS_SHOWN = 5
MAX_HIT_TEXT = 5_000  # characters of a hit's text returned (its snippet sees it all)

# sort name -> (field, highest first); "relevance" ranks by score.
SORTS: dict[str, tuple[str, bool] | None] = {
    "relevance": None,
    "budget": ("budget", True),
    "budget_asc": ("budget", False),
    "year": ("year", True),
    "year_asc": ("year", False),
}


@dataclass(frozen=True)
class SearchRequest:
    """What a search asks for (read from a request's arguments by `search.args`)."""

    q: str = ""
    filters: Mapping[str, str | int] = field(default_factory=dict)
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    sort: str = "relevance"
    view: str | None = None  # "projects", "passages", or None: chosen by the query

    def with_page(self, page: int, per_page: int) -> SearchRequest:
        """The same search, another page (no cap: for exports)."""
        return replace(self, page=page, per_page=per_page)


def _facet_values(name: str, counts: Mapping[Any, int], selected: Any) -> list[dict[str, Any]]:
    values = list(counts.items())
    if selected is not None and selected not in counts:
        values.append((selected, 0))
    values.sort(key=lambda item: (-item[1], str(item[0])))
    return [{"value": v, "count": n, "selected": v == selected} for v, n in values]


def search(backend: SearchBackend, request: SearchRequest) -> dict[str, Any]:
    """The answer to a search request: total, facets, one page of hits, notices, cost."""
    text, truncated = clean_query(request.q)
    parts = parse_query(text)
    notices: list[dict[str, Any]] = []
    if truncated:
        notices.append({"code": "query_cut", "chars": len(text)})
    if parts.dropped:
        notices.append({"code": "parts_dropped", "kept": MAX_QUERY_PARTS, "words": parts.dropped})
    filters = dict(request.filters)
    view = request.view or default_view(parts)
    if text and not parts:
        notices.insert(0, {"code": "nothing_searchable"})
        return _answer(request, text, SearchResult(0, "none", {}, []), view, [], notices)
    start = (request.page - 1) * request.per_page
    plan = SearchPlan(
        parts, filters, SORTS[request.sort], start, start + request.per_page, view == "projects"
    )
    with backend.snapshot() as snapshot:
        result = snapshot.search(plan)
        # no query finds anything the filters admit none of (a value no document has):
        # not searched again (for a common word, another scan of 500,000 matches)
        loose = (result.total == 0 or result.mode == "or") and result.admitted != 0
        widened = widen(parts, snapshot.store, snapshot.vocabulary()) if loose else None
        if widened is not None:  # 维修本院大楼, 办公用房修缮: words apart, or said otherwise
            again = snapshot.search(replace(plan, parts=widened.parts, most_of_it=widened.one_run))
            # the words found together, else (as the query did not) any of them: the
            # segmented words are required before the fallback to any word
            if again.total and (not result.total or again.mode == "and"):
                result, parts = again, widened.parts
                notices += widened.notices
        store = snapshot.store
        hits = [_hit(doc_id, score, store, parts) for doc_id, score in result.hits]
    if result.mode == "or":
        notices.insert(0, {"code": "any_word"})
    if not result.cost.complete:
        notices.append({"code": "incomplete"})
    if result.total == 0:
        notices.append({"code": "nothing_found", "query": text, "filters": filters})
    return _answer(request, text, result, view, hits, notices)


VIEWS = ("projects", "passages")


def default_view(parts: QueryParts) -> str:
    """A query for a document (by number or 《title》) asks which projects cite it: one
    row per project; any other query, its passages."""
    return "projects" if parts.numbers or parts.titles else "passages"


@dataclass(frozen=True)
class Widened:
    """A query read more loosely, and what the page says of it."""

    parts: QueryParts
    notices: list[dict[str, Any]]
    one_run: bool = False  # all its words are of one run typed without spaces


MAX_OTHER_WORDS = 4  # words of the same meaning a word is also matched by


def widen(parts: QueryParts, store: ProjectStore, vocabulary: Mapping[str, int]) -> Widened | None:
    """A query whose words matched nothing together, read more loosely: a word one
    character from a name of the records as that name (检查办案业务费 → 检察办案业务费); a run
    of words typed without spaces (维修本院大楼) as its jieba words, each required (and each
    corrected so); each word also matched by the words of the same meaning in the vocabulary
    (修缮 → 维修). None when nothing changes."""
    words: list[str] = []
    segmented: list[str] = []
    corrected: list[list[str]] = []

    def spelled(word: str) -> str:
        meant = correction(word, store, vocabulary)
        if meant is None:
            return word
        corrected.append([word, meant])
        return meant

    for word in parts.words:
        pieces = _pieces(word, vocabulary)
        if (meant := spelled(word)) != word:
            words.append(meant)
        elif len(pieces) >= 2:
            words += [spelled(p) for p in pieces]
            segmented.append(" ".join(pieces))
        else:
            words.append(word)
    words = list(dict.fromkeys(words))
    others = []
    for word in words:
        same = [w for w in same_meaning(word)[1:] if len(w) >= 2 and w != word]
        if same:
            others.append((word, *same[:MAX_OTHER_WORDS]))
    if not segmented and not others and not corrected:
        return None
    notices: list[dict[str, Any]] = []
    if corrected:
        notices.append({"code": "corrected", "words": corrected})
    if segmented:
        notices.append({"code": "segmented", "words": segmented})
    if others:
        notices.append({"code": "also_searched", "words": [w for g in others for w in g[1:]]})
    widened = replace(parts, words=tuple(words[:MAX_QUERY_PARTS]), others=tuple(others))
    return Widened(widened, notices, bool(segmented) and parts.count == 1)


def _pieces(word: str, vocabulary: Vocabulary) -> list[str]:
    """The words of a run of four Han characters or more typed without spaces: its jieba
    words, a lone character joined to a neighbour, and a word the index does not hold
    as its shorter words (拆除费用 → 拆除, 费用); [] for a shorter run."""
    if len(re.findall(rf"[{HAN}]", word)) < 4:
        return []
    pieces = []
    for piece in _joined_singles([w for w, _, _ in jieba_words(word)]):
        inner = word_parts(piece) if len(piece) >= 4 and piece not in vocabulary else []
        # words of two characters or more only: a character alone matches too much
        pieces += inner if len(inner) >= 2 and min(map(len, inner)) >= 2 else [piece]
    return pieces


def _joined_singles(pieces: list[str]) -> list[str]:
    """jieba words with each lone character joined to the word after it (真|南路 → 真南路),
    a last one to the word before: a character alone matches too much."""
    joined: list[str] = []
    carry = ""
    for piece in pieces:
        if len(piece) == 1:
            carry += piece
            continue
        if len(carry) >= 2:  # 拆|违|无人机: 拆违 is a word of its own
            joined += [carry, piece]
        else:
            joined.append(carry + piece)
        carry = ""
    if carry:
        if joined:
            joined[-1] += carry
        else:
            joined.append(carry)
    return joined


def capped(text: str) -> str:
    """`text`, cut at MAX_HIT_TEXT characters (with `…`): what a hit returns of it."""
    return text if len(text) <= MAX_HIT_TEXT else text[:MAX_HIT_TEXT] + "…"


def _answer(
    request: SearchRequest,
    text: str,
    result: SearchResult,
    view: str,
    hits: list[dict[str, Any]],
    notices: list[dict[str, Any]],
) -> dict[str, Any]:
    total, counts, filters = result.total, result.facet_counts, request.filters
    groups, at = [], 0
    for shown, matched in result.groups:  # hits[start : start + shown] are the project's
        project_id = hits[at]["project_id"]
        groups.append({"project_id": project_id, "start": at, "shown": shown, "matched": matched})
        at += shown
    return {
        "query": text,
        "total": total,
        "page": request.page,
        "per_page": request.per_page,
        "pages": math.ceil(total / request.per_page) if total else 0,
        "sort": request.sort,
        "mode": result.mode,
        "view": view,
        # what `total`, `pages` and the facet counts count: projects or passages
        "counts": view,
        "total_projects": result.projects,
        "total_passages": result.passages,
        "filters": dict(filters),
        "notices": notices,
        "facets": {n: _facet_values(n, counts.get(n, {}), filters.get(n)) for n in FACET_FIELDS},
        "hits": hits,
        "groups": groups,
        "cost": asdict(result.cost),
    }


def _hit(
    doc_id: str,
    score: float | None,
    store: ProjectStore,
    parts: QueryParts,
) -> dict[str, Any]:
    """A hit as data: where it is, its text, the fragments a snippet shows (with the
    matches' spans) and, for an indicator table, how many more rows matched."""
    ref = doc_ref(doc_id)
    kind = ref.kind
    project = store.get(ref.project_id)
    assert project is not None, "records and index come from the same build"
    shaped = {
        "project": _project_hit,
        "section": _section_hit,
        "indicator": _indicator_hit,
        "citation": _citation_hit,
    }[kind](project, ref, parts)
    section, indicator, text, fragments, more, anchor = shaped
    return {
        "kind": kind,
        "project_id": project.id,
        "project_name": project.name,
        "template": project.template,
        "section": section,
        "indicator": indicator,
        "text": capped(text),
        "fragments": fragments,
        "more": more,
        "score": round(score, 4) if score is not None else None,
        "anchor": anchor,
    }


# section, indicator, text, fragments, more rows, anchor on the project page
Shaped = tuple[str | None, str | None, str, list[Fragment], int, str | None]


def _project_hit(project: Project, ref: DocRef, parts: QueryParts) -> Shaped:
    text = project_text(project)
    return None, None, text, [fragment(text, parts)], 0, None


def _section_hit(project: Project, ref: DocRef, parts: QueryParts) -> Shaped:
    key = ref.section
    text = project.sections[key]
    return key, None, text, [fragment(text, parts)], 0, section_anchor(key)


def _indicator_hit(project: Project, ref: DocRef, parts: QueryParts) -> Shaped:
    assert ref.level is not None
    rows = indicator_levels(project)[ref.level]
    lines = [(row, indicator_line(row)) for row in rows]
    matched = [(row, line, spans) for row, line in lines if (spans := match_spans(line, parts))]
    if not matched:
        matched = [(row, line, []) for row, line in lines]
    shown = [window(line, spans) for _, line, spans in matched[:MAX_INDICATOR_ROWS_SHOWN]]
    more = len(matched) if len(matched) > len(shown) else 0
    text = "\n".join(line for _, line, _ in matched)
    return None, matched[0][0].name, text, shown, more, "indicators"


def _citation_hit(project: Project, ref: DocRef, parts: QueryParts) -> Shaped:
    citation = project.citations[ref.citation]
    text = citation_text(citation.title, citation.number)
    anchor = section_anchor(citation.section)
    return citation.section, None, text, [fragment(text, parts)], 0, anchor
