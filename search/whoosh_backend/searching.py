"""Searching one open Whoosh generation: match a plan's parts, count facets, rank.

Each part of the query is matched on its own into a NumPy array and the parts are
combined there (Whoosh's matcher for an OR of many parts walks every posting of every
part in Python); a query of terms is matched from its terms' postings read as arrays
(`arrays`). All parts must match; when no document has them all, any may (the "any word"
fallback), documents with more parts first. Ranking scores by the parts' jieba words:
from the same arrays, every match (`arrays.scores`); a query of another kind by Whoosh
within time budgets (see `scoring`), and past a budget the result says it is incomplete.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query as q
from whoosh.searching import Searcher

from search.backend import Cost, SearchPlan, SearchResult, Vocabulary
from search.compile import key_term_count
from search.facets import combined, page_projects, project_page
from search.store import ProjectStore
from search.suggest import Entry

from . import arrays
from .compile import build_rank_query, match_parts
from .facets import FacetIndex
from .generations import Generation
from .scoring import Ranking, rank_within, score_documents, term_count

MAX_SCORED = 1_000  # candidates scored in the "any word" fallback
# Time budgets (an ordinary search takes 20-60 ms at 10,000 projects). Past one, the
# answer uses what was done and says so; each page is then computed on its own, so pages
# of such an answer may overlap.
MATCH_SECONDS = 0.25  # matching the query's parts one by one
RANK_SECONDS = 0.25  # ranking the matches
# What `prepare` holds: of the fields queries match and rank by, the terms most documents
# have (as many as the generation keeps, `arrays.MAX_HELD_BYTES`)
HELD_FIELDS = ("grams", "body", "chars")
HELD_TERMS = 500


@dataclass(frozen=True)
class _Ranking:
    """How a search ranks: its rank query (None: substring matches only), and for the
    "any word" fallback how many parts each document has."""

    query: Any
    coverage: np.ndarray | None


class WhooshSnapshot:
    """One generation and a searcher on it (see `search.backend.Snapshot`)."""

    def __init__(self, generation: Generation, searcher: Searcher) -> None:
        self.generation = generation
        self.searcher = searcher
        self.store: ProjectStore = generation.store

    # ------------------------------------------------------------------ search

    def search(self, plan: SearchPlan) -> SearchResult:
        searcher, facets = self.searcher, self.generation.facets
        cost = Cost()
        coverage = None
        if not plan.parts:
            matched, mode = facets.alive.copy(), "all"
        else:
            queries = match_parts(plan.parts, searcher.doc_frequency)
            if not queries:
                return SearchResult(0, "none", {}, [], cost)
            found = _match_each(searcher, facets, queries, cost)
            most = _holding_most if plan.most_of_it else None
            matched, mode, coverage = combined(found, most)
        tally = facets.tally(matched, plan.filters, plan.by_project)
        allowed, passages, matched_of = tally.allowed, tally.passages, tally.matched_of
        ranking = None  # ordered by a column, else ranked by the rank query
        if plan.sort is None and mode != "all":
            ranking = _Ranking(build_rank_query(plan.parts, mode, searcher.doc_frequency), coverage)
            cost.rank_terms = term_count(ranking.query)
        if plan.by_project:  # every passage ordered, then the page's projects' passages
            if ranking is None:  # in NumPy: no tuple per passage
                name, reverse = plan.sort or ("seq", False)
                docs, scores = facets.ordered(allowed, name, reverse), None

                def first(n: int) -> np.ndarray:
                    return docs[:n]

            else:
                # the best-ranked passages only (ranking all of 30,000 passages costs 60 ms
                # more than their first few hundred)
                def first(n: int) -> np.ndarray:
                    ranked = self._ordered(plan, ranking, allowed, passages, (0, n), cost)
                    return np.array([docnum for docnum, _ in ranked], dtype=np.int64)

            project_of = facets.project_of
            shown = page_projects(first, project_of, passages, plan.start, plan.stop)
            if ranking is not None:
                docs, scores = self._scored_passages(ranking.query, allowed, shown, cost)
            page, groups = project_page(docs, scores, project_of, matched_of, shown)
            total = tally.projects
        else:
            span = (plan.start, plan.stop)
            page = self._ordered(plan, ranking, allowed, passages, span, cost)
            groups, total = [], passages
        hits = [(searcher.stored_fields(docnum)["doc_id"], score) for docnum, score in page]
        return SearchResult(
            total, mode, tally.counts, hits, cost, passages, tally.projects, groups, tally.admitted
        )

    def _scored_passages(
        self, rank: Any, allowed: np.ndarray, shown: np.ndarray, cost: Cost
    ) -> tuple[np.ndarray, list[float | None]]:
        """Every allowed passage of the page's projects, best first (a few hundred scored,
        `_scored`); passages the words do not score (matched as substrings) follow in
        source order."""
        searcher, facets = self.searcher, self.generation.facets
        candidates = np.flatnonzero(allowed & np.isin(facets.project_of, shown))
        scored = _scored(searcher, facets, rank, candidates)
        cost.complete = cost.complete and scored.complete
        score_of = dict(scored.scored)
        seq = facets.columns["seq"]
        ordered = sorted(candidates.tolist(), key=lambda d: (-score_of.get(d, 0.0), seq[d]))
        return np.array(ordered, dtype=np.int64), [score_of.get(d, 0.0) for d in ordered]

    def _ordered(
        self,
        plan: SearchPlan,
        ranking: _Ranking | None,
        allowed: np.ndarray,
        passages: int,
        span: tuple[int, int],
        cost: Cost,
    ) -> list[tuple[int, float | None]]:
        """The slice `span` of the allowed documents in the plan's order: by a column
        (`ranking` None), else by the rank query's score."""
        searcher, facets = self.searcher, self.generation.facets
        if span[0] >= span[1] or span[0] >= passages:
            return []
        if ranking is None:
            name, reverse = plan.sort or ("seq", False)
            ordered = facets.ordered(allowed, name, reverse)[slice(*span)]
            return [(int(d), None) for d in ordered]
        if ranking.coverage is None:
            return _ranked_page(searcher, facets, ranking.query, allowed, span, cost)
        return _fallback_page(
            searcher, facets, ranking.query, allowed, ranking.coverage, span, cost
        )

    # ------------------------------------------------------------------ more like

    def more_like(
        self, doc_id: str, text: str, kind: str, limit: int
    ) -> tuple[list[tuple[str, float]], bool]:
        searcher = self.searcher
        own = searcher.document_number(doc_id=doc_id)
        terms = searcher.key_terms_from_text("body", text, numterms=key_term_count(text))
        if not terms:
            return [], True
        query = q.Or([q.Term("body", term, boost=weight) for term, weight in terms])
        candidates = np.flatnonzero(self.generation.facets.selected({"kind": kind}))
        ranking = rank_within(
            searcher, query, set(candidates.tolist()) - {own}, limit, RANK_SECONDS
        )
        found = [(searcher.stored_fields(d)["doc_id"], score) for d, score in ranking.scored]
        return found, ranking.complete

    # ------------------------------------------------------------------ prepare

    def prepare(self) -> None:
        """Hold the postings of the terms the most documents have (as far as the
        generation keeps postings, `arrays.Postings`): what a broad search reads."""
        frequent = arrays.frequent_terms(self.searcher, HELD_FIELDS, HELD_TERMS)
        self.generation.facets.terms.hold(self.searcher, frequent)

    # ------------------------------------------------------------------ vocabulary

    def vocabulary(self) -> Vocabulary:
        kept = self.generation.kept
        if "vocabulary" not in kept:  # read once per generation (0.1 s at 10,000 projects)
            reader = self.searcher.reader()
            kept["vocabulary"] = Vocabulary(
                {
                    term.decode("utf-8") if isinstance(term, bytes) else term: info.doc_frequency()
                    for term, info in reader.iter_field("body")
                }
            )
        return kept["vocabulary"]

    # ------------------------------------------------------------------ suggest

    def suggest(self, typed: str, limit: int) -> list[Entry]:
        # The index's terms complete only from a name's start, and only one field at a
        # time: the records' names, in memory, complete from inside too (a few ms).
        return self.store.suggestions.complete(typed, limit)


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


def _scored(searcher: Searcher, facets: FacetIndex, rank: Any, candidates: np.ndarray) -> Ranking:
    """The score of each candidate the rank query matches, in document order: from the
    postings' arrays (`arrays.scores`), else each scored by Whoosh within the budget."""
    if rank is None:
        return Ranking()
    docs = np.sort(candidates)
    scored = arrays.scores(facets.terms, searcher, rank, docs)
    if scored is None:
        return score_documents(searcher, rank, candidates, RANK_SECONDS)
    found, values = scored
    hits = [(int(d), float(v)) for d, v in zip(docs[found], values[found], strict=True)]
    return Ranking(hits, len(docs))


def _holding_most(found: Sequence[np.ndarray]) -> np.ndarray:
    """Which documents hold parts that carry at least half of the query's information,
    each part weighing its inverse document frequency (a part no document has, the most):
    of 垃圾分类 → 垃圾, 分类, a document with only the common 分类 is not about it."""
    size = len(found[0])
    weights = [np.log(1 + size / (1 + int(np.count_nonzero(f)))) for f in found]
    held = np.add.reduce([f * w for f, w in zip(found, weights, strict=True)])
    return held >= sum(weights) / 2


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
    among = np.flatnonzero(allowed)
    scored = arrays.scores(facets.terms, searcher, rank, among) if rank is not None else None
    if scored is not None:  # Whoosh's scores from the postings' arrays, every match scored
        ranking = Ranking(arrays.ranked(scored, among, span[1]))
        ranking.examined = int(np.count_nonzero(scored[0]))
    elif rank is not None:
        ranking = rank_within(searcher, rank, set(among.tolist()), span[1], RANK_SECONDS)
    else:
        ranking = Ranking()
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

    Only the first MAX_SCORED of them are scored (`_scored`); among those, parts matched,
    then score, then source order decide. The rest follow by parts matched, then source
    order.
    """
    order = facets.ordered(allowed, "seq")
    order = order[np.argsort(-coverage[order], kind="stable")]
    candidates = order[:MAX_SCORED]
    ranking = _scored(searcher, facets, rank, candidates)
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
