"""Rank matched documents by a query's score, with bounded work.

Two ways, both cut off by a time budget (they return what they scored by then and say
they are incomplete):
- `rank_within`: Whoosh's own collector over the documents of a filter: fast when the
  rank query is a few terms that every candidate has (the words of an AND query).
- `score_documents`: scores a given, capped list of candidates by moving the query's
  matcher to each of them (`skip_to`): the work grows with the candidates, not with
  the documents that contain any of the query's terms. The "any word" fallback uses it:
  there a query of many common words matches nearly every document, and Whoosh's
  collector walked the union of all their postings (10 s at 2,000 projects).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from whoosh import query as q
from whoosh.collectors import FilterCollector, TimeLimit
from whoosh.searching import Searcher

Scored = list[tuple[int, float]]

# Check the clock once per this many candidates.
_CLOCK_EVERY = 64


@dataclass
class Ranking:
    """Scores of the documents a ranking reached, and how much it did."""

    scored: Scored = field(default_factory=list)
    examined: int = 0  # documents whose score was computed
    complete: bool = True  # False: the time budget ran out first


class _BudgetedFilter(FilterCollector):
    """Whoosh's filtering collector with a deadline, counting what it scores. (Whoosh's
    TimeLimitCollector does not compose with filtering: whichever wraps the other
    bypasses its check.)"""

    def __init__(self, child: object, allow: set[int], deadline: float) -> None:
        super().__init__(child, allow)
        self.deadline = deadline
        self.examined = 0

    def collect_matches(self) -> None:
        child, allow, offset = self.child, self._allow, self.offset
        for n, sub_docnum in enumerate(child.matches()):
            if n % _CLOCK_EVERY == 0 and time.monotonic() > self.deadline:
                raise TimeLimit
            if offset + sub_docnum in allow:
                self.examined += 1
                child.collect(sub_docnum)


def rank_within(
    searcher: Searcher, query: q.Query, allowed: set[int], limit: int, seconds: float
) -> Ranking:
    """The `limit` best-scoring documents of `allowed`, best first."""
    collector = _BudgetedFilter(
        searcher.collector(limit=limit), allowed, time.monotonic() + seconds
    )
    complete = True
    try:
        searcher.search_with_collector(query, collector)
    except TimeLimit:
        complete = False
    hits = [(hit.docnum, hit.score) for hit in collector.results()]
    return Ranking(hits, collector.examined, complete)


def score_documents(
    searcher: Searcher, query: q.Query, candidates: np.ndarray, seconds: float
) -> Ranking:
    """The score of each candidate that `query` matches (others are left out), in
    document order."""
    deadline = time.monotonic() + seconds
    docs = np.sort(candidates)
    ranking = Ranking()
    context = searcher.context()
    for subsearcher, offset in searcher.leaf_searchers():
        size = subsearcher.doc_count_all()
        inside = docs[(docs >= offset) & (docs < offset + size)] - offset
        if not len(inside):
            continue
        matcher = query.matcher(subsearcher, context)
        for doc in inside.tolist():
            if ranking.examined % _CLOCK_EVERY == 0 and time.monotonic() > deadline:
                ranking.complete = False
                return ranking
            if not matcher.is_active():
                break
            ranking.examined += 1
            if matcher.id() < doc:
                matcher.skip_to(doc)
                if not matcher.is_active():
                    break
            if matcher.id() == doc:
                ranking.scored.append((offset + doc, matcher.score()))
    return ranking


def term_count(query: q.Query | None) -> int:
    """How many terms a query reads (what its cost grows with)."""
    return 0 if query is None else sum(1 for _ in query.iter_all_terms())
