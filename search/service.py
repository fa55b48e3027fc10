"""Run a search request against the live index: the answer as data (ids, scores, spans,
facet counts, notice codes). Words, labels, links and HTML are made in `search.views`."""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np
from whoosh.searching import Searcher

from indexer.documents import citation_text, indicator_line, project_text
from indexer.model import Project
from indexer.schema import FACET_FIELDS

from .engine import Generation, SearchEngine
from .facets import FacetIndex
from .query import (
    MAX_QUERY_PARTS,
    QueryParts,
    build_rank_query,
    clean_query,
    match_parts,
    parse_query,
)
from .scoring import Ranking, rank_within, score_documents, term_count
from .snippets import Fragment, fragment, match_spans, window

DEFAULT_PER_PAGE = 10
MAX_PER_PAGE = 100
MAX_PAGE = 10_000
MAX_INDICATOR_ROWS_SHOWN = 5
MAX_SCORED = 1_000  # candidates scored one by one in the "any word" fallback
# Time budgets (an ordinary search takes 20-60 ms at 10,000 projects). Past one, the
# answer uses what was done and says so; each page is then computed on its own, so pages
# of such an answer may overlap.
MATCH_SECONDS = 0.25  # matching the query's parts one by one
RANK_SECONDS = 0.25  # ranking the matches
MAX_HIT_TEXT = 5_000  # characters of a hit's text returned (its snippet sees it all)

# sort name -> (field, highest first); "relevance" ranks by score.
SORTS: dict[str, tuple[str, bool] | None] = {
    "relevance": None,
    "budget": ("budget", True),
    "budget_asc": ("budget", False),
    "year": ("year", True),
    "year_asc": ("year", False),
}


class BadRequest(ValueError):
    """A request parameter is malformed; the message says which and why."""


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    filters: Mapping[str, str | int] = field(default_factory=dict)
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    sort: str = "relevance"

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> SearchRequest:
        """Read request arguments; malformed ones raise BadRequest."""
        filters: dict[str, str | int] = {}
        for name in FACET_FIELDS:
            value = (args.get(name) or "").strip()
            if value:
                filters[name] = integer_arg(name, value, 0, 9999) if name == "year" else value
        sort = args.get("sort") or "relevance"
        if sort not in SORTS:
            raise BadRequest(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
        return cls(
            q=args.get("q") or "",
            filters=filters,
            page=integer_arg("page", args.get("page") or "1", 1, MAX_PAGE),
            per_page=integer_arg(
                "per_page", args.get("per_page") or str(DEFAULT_PER_PAGE), 1, MAX_PER_PAGE
            ),
            sort=sort,
        )

    def with_page(self, page: int, per_page: int) -> SearchRequest:
        """The same search, another page (no cap: for exports)."""
        return replace(self, page=page, per_page=per_page)


def integer_arg(name: str, text: str, low: int, high: int) -> int:
    """A whole number from a request argument, within [low, high], or a BadRequest."""
    try:
        value = int(text)
    except ValueError:
        raise BadRequest(f"{name} must be a whole number, not {text[:20]!r}") from None
    if not low <= value <= high:
        raise BadRequest(f"{name} must be between {low} and {high}, not {value}")
    return value


def _facet_values(name: str, counts: Mapping[Any, int], selected: Any) -> list[dict[str, Any]]:
    values = list(counts.items())
    if selected is not None and selected not in counts:
        values.append((selected, 0))
    values.sort(key=lambda item: (-item[1], str(item[0])))
    return [{"value": v, "count": n, "selected": v == selected} for v, n in values]


def search(engine: SearchEngine, request: SearchRequest) -> dict[str, Any]:
    """The answer to a search request: total, facets and one page of hits."""
    with engine.searching() as (generation, searcher):
        return _search(generation, searcher, request)


def _search(generation: Generation, searcher: Searcher, request: SearchRequest) -> dict[str, Any]:
    text, truncated = clean_query(request.q)
    parts = parse_query(text)
    notices: list[dict[str, Any]] = []
    if truncated:
        notices.append({"code": "query_cut", "chars": len(text)})
    if parts.dropped:
        notices.append({"code": "parts_dropped", "kept": MAX_QUERY_PARTS, "words": parts.dropped})
    facets = generation.facets
    cost = Cost()
    coverage = None
    if not text:
        matched, mode = np.ones(facets.size, dtype=bool), "all"
    else:
        queries = match_parts(parts, searcher.doc_frequency)
        if not queries:
            notices.insert(0, {"code": "nothing_searchable"})
            return _answer(request, text, 0, "none", {}, [], notices, cost)
        found = _match_each(searcher, facets, queries, cost)
        matched, mode = np.logical_and.reduce(found), "and"
        if not matched.any() and len(found) > 1:
            coverage = np.add.reduce([f.astype(np.int8) for f in found])
            matched, mode = coverage > 0, "or"
            notices.insert(0, {"code": "any_word"})

    filters = dict(request.filters)
    allowed = matched & facets.selected(filters)
    total = int(np.count_nonzero(allowed))
    counts = facets.counts(matched, filters)

    span = ((request.page - 1) * request.per_page, request.page * request.per_page)
    page: list[tuple[int, float | None]] = []
    if span[0] < total:
        if SORTS[request.sort] is not None or mode == "all":
            name, reverse = SORTS[request.sort] or ("seq", False)
            page = [(int(d), None) for d in facets.ordered(allowed, name, reverse)[slice(*span)]]
        else:
            rank = build_rank_query(parts, mode, searcher.doc_frequency)
            cost.rank_terms = term_count(rank)
            if coverage is None:
                page = _ranked_page(searcher, facets, rank, allowed, span, cost)
            else:
                page = _fallback_page(searcher, facets, rank, allowed, coverage, span, cost)
    if not cost.complete:
        notices.append({"code": "incomplete"})
    hits = [_hit(searcher.stored_fields(d), score, generation, parts, filters) for d, score in page]
    if total == 0:
        notices.append({"code": "nothing_found", "query": text, "filters": filters})
    faceted = {n: _facet_values(n, counts.get(n, {}), filters.get(n)) for n in FACET_FIELDS}
    return _answer(request, text, total, mode, faceted, hits, notices, cost)


@dataclass
class Cost:
    """The work a search did, bounded by the limits in `search.query` and here."""

    parts: int = 0  # parts of the query matched, each on its own
    match_terms: int = 0  # terms read to find the matching documents
    rank_terms: int = 0  # terms read to rank them
    scored: int = 0  # documents whose score was computed
    complete: bool = True  # False: a time budget ran out (matching or ranking)


def _match_each(
    searcher: Searcher, facets: FacetIndex, queries: list[Any], cost: Cost
) -> list[np.ndarray]:
    """Which documents each part matches, part by part, until the time budget is spent.

    Parts are matched on their own and combined in NumPy: Whoosh's matcher for an OR of
    many parts walks every posting of every part in Python. Past the budget the parts
    not yet matched are left out (the answer says it is incomplete).
    """
    deadline = time.monotonic() + MATCH_SECONDS
    found = []
    for query in queries:
        if found and time.monotonic() > deadline:
            cost.complete = False
            break
        found.append(facets.matching(searcher, query))
        cost.parts += 1
        cost.match_terms += term_count(query)
    return found


def _ranked_page(
    searcher: Searcher,
    facets: FacetIndex,
    rank: Any,
    allowed: np.ndarray,
    span: tuple[int, int],
    cost: Cost,
) -> list[tuple[int, float | None]]:
    """A page of the allowed documents by the rank query's score; documents that matched
    only as a substring (the rank query's words are not theirs) follow in source order."""
    ranking = (
        rank_within(searcher, rank, set(np.flatnonzero(allowed).tolist()), span[1], RANK_SECONDS)
        if rank is not None
        else Ranking()
    )
    cost.scored, cost.complete = ranking.examined, cost.complete and ranking.complete
    scored = sorted(ranking.scored, key=lambda hit: -hit[1])  # ties stay in document order
    seen = {docnum for docnum, _ in scored}
    rest = facets.ordered(allowed, "seq")[: span[1] + len(seen)]
    page = scored + [(int(d), 0.0) for d in rest if int(d) not in seen]
    return page[span[0] : span[1]]


def _fallback_page(
    searcher: Searcher,
    facets: FacetIndex,
    rank: Any,
    allowed: np.ndarray,
    coverage: np.ndarray,
    span: tuple[int, int],
    cost: Cost,
) -> list[tuple[int, float | None]]:
    """A page of the "any word" fallback: documents with more of the query's parts first.

    Only the first MAX_SCORED of them are scored (each by moving the rank query's matcher
    to it); among those, parts matched, then score, then source order decide. The rest
    follow by parts matched, then source order.
    """
    order = facets.ordered(allowed, "seq")
    order = order[np.argsort(-coverage[order], kind="stable")]
    candidates = order[:MAX_SCORED]
    ranking = (
        score_documents(searcher, rank, candidates, RANK_SECONDS) if rank is not None else Ranking()
    )
    cost.scored, cost.complete = ranking.examined, cost.complete and ranking.complete
    scores = dict(ranking.scored)
    top = sorted(
        enumerate(candidates.tolist()),
        key=lambda item: (-coverage[item[1]], -scores.get(item[1], 0.0), item[0]),
    )
    page = [(doc, scores.get(doc, 0.0)) for _, doc in top]
    if span[1] > len(page):
        page += [(int(d), 0.0) for d in order[len(candidates) : span[1]]]
    return page[span[0] : span[1]]


def capped(text: str) -> str:
    """`text`, cut at MAX_HIT_TEXT characters (with `…`): what a hit returns of it."""
    return text if len(text) <= MAX_HIT_TEXT else text[:MAX_HIT_TEXT] + "…"


def _answer(
    request: SearchRequest,
    text: str,
    total: int,
    mode: str,
    facets: dict[str, list[dict[str, Any]]],
    hits: list[dict[str, Any]],
    notices: list[dict[str, Any]],
    cost: Cost,
) -> dict[str, Any]:
    return {
        "query": text,
        "total": total,
        "page": request.page,
        "per_page": request.per_page,
        "pages": math.ceil(total / request.per_page) if total else 0,
        "sort": request.sort,
        "mode": mode,
        "filters": dict(request.filters),
        "notices": notices,
        "facets": facets or {n: [] for n in FACET_FIELDS},
        "hits": hits,
        "cost": asdict(cost),
    }


def _hit(
    fields: Mapping[str, Any],
    score: float | None,
    generation: Generation,
    parts: QueryParts,
    filters: Mapping[str, Any],
) -> dict[str, Any]:
    """A hit as data: where it is, its text, the fragments a snippet shows (with the
    matches' spans) and, for an indicator table, how many more rows matched."""
    kind = fields["kind"]
    project = generation.store.get(fields["project_id"])
    assert project is not None, "records and index come from the same build"
    shaped = {
        "project": _project_hit,
        "section": _section_hit,
        "indicator": _indicator_hit,
        "citation": _citation_hit,
    }[kind](project, fields, parts, filters)
    section, indicator, text, fragments, more, anchor = shaped
    return {
        "kind": kind,
        "project_id": project.id,
        "project_name": project.name,
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


def _project_hit(project: Project, fields: Mapping, parts: QueryParts, filters: Mapping) -> Shaped:
    text = project_text(project)
    return None, None, text, [fragment(text, parts)], 0, None


def _section_hit(project: Project, fields: Mapping, parts: QueryParts, filters: Mapping) -> Shaped:
    key = fields["section"]
    text = project.sections[key]
    return key, None, text, [fragment(text, parts)], 0, f"section-{key}"


def _indicator_hit(
    project: Project, fields: Mapping, parts: QueryParts, filters: Mapping
) -> Shaped:
    rows = [
        row
        for row in project.indicators
        if filters.get("level1", row.level1) == row.level1
        and filters.get("level2", row.level2) == row.level2
    ] or project.indicators
    lines = [(row, indicator_line(row)) for row in rows]
    matched = [(row, line, spans) for row, line in lines if (spans := match_spans(line, parts))]
    if not matched:
        matched = [(row, line, []) for row, line in lines]
    shown = [window(line, spans) for _, line, spans in matched[:MAX_INDICATOR_ROWS_SHOWN]]
    more = len(matched) if len(matched) > len(shown) else 0
    text = "\n".join(line for _, line, _ in matched)
    return None, matched[0][0].name, text, shown, more, "indicators"


def _citation_hit(project: Project, fields: Mapping, parts: QueryParts, filters: Mapping) -> Shaped:
    citation = project.citations[int(fields["doc_id"].rsplit(":", 1)[1])]
    text = citation_text(citation.title, citation.number)
    anchor = f"section-{citation.section}"
    return citation.section, None, text, [fragment(text, parts)], 0, anchor
