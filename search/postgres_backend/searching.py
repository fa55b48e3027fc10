"""Searching one PostgreSQL generation: matching in SQL, one statement per search (and
one more for the "any word" fallback); filters, facet counts and the page over the
generation's arrays in this process (`search.facets`, as for Whoosh).

The statement returns the matches' numbers, and where the order needs them their
relevance and how many of the query's parts they hold, each as one binary string
(`int4send`, `float8send`). Over them each facet is counted with the other facets'
filters, and the allowed matches are ordered (by a column, by relevance, or for the
fallback by parts held, then relevance; ties in source order): by project, the projects
by their first passage in that order, each with its first MAX_PER_PROJECT passages.
The page's ids are read last. At 100,000 projects, counting facets in SQL took 95 of a
common word's 215 ms, and by project 200 of 370; materializing the matches again for
the filters and sorting them for the page took another 50-100 ms.

When a term of the query is held (`postings`: one that many documents hold), the
statement is not used: the held terms' documents are read from their rows, the others'
from their GIN indexes, and the parts, the fallback and the relevance are worked out over
arrays (`_search_held`), to the same result (`score_arrays` does PostgreSQL's float8
operations in its order). A common word's statement spent most of its time visiting the
matching rows (预算 at 100,000 projects: 190 of 310 ms); its rows take about 1 ms to read.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import psycopg

from indexer.text import words
from search.backend import Cost, SearchPlan, SearchResult, Vocabulary
from search.compile import (
    AnyOf,
    Node,
    Term,
    build_rank_query,
    key_term_count,
    match_parts,
    term_count,
    terms_of,
)
from search.facets import Facets, combined, page_projects, project_page
from search.query import QueryParts, substring_terms, word_terms
from search.store import ProjectStore
from search.suggest import Entry

from . import postings
from .facets import numbers
from .sql import (
    SORT_COLUMNS,
    Sql,
    condition,
    idf,
    joined,
    lexeme,
    real,
    rounded,
    score,
    score_arrays,
    term_sql,
    weighed_terms,
    weighted_sum,
)


@dataclass
class Generation:
    """One generation, read: its records and what is kept while it is live."""

    name: str
    revision: int  # an update changes a generation in place and counts this up
    store: ProjectStore
    meta: dict[str, Any]
    documents: int
    average_words: float
    facets: Facets
    lengths: np.ndarray  # each document's length in words (0 for numbers not in use)
    kept: dict[str, Any] = field(default_factory=dict)


class PostgresSnapshot:
    """One generation, searched in one read-only transaction (see `search.backend.Snapshot`)."""

    def __init__(self, generation: Generation, conn: psycopg.Connection) -> None:
        self.generation = generation
        self.conn = conn
        self.store: ProjectStore = generation.store
        self.schema = generation.name

    # ------------------------------------------------------------------ search

    def _frequencies(self, parts: QueryParts) -> dict[tuple[str, str], int]:
        """How many documents hold each term the query may use (one statement)."""
        texts = [*parts.phrases, *parts.titles]
        texts += [w for word in parts.words for w in parts.alternatives(word)]
        wanted = {t for text in texts for t in (*substring_terms(text), *word_terms(text))}
        wanted |= {("numbers", n) for n in parts.numbers}
        if not wanted:
            return {}
        fields, terms = zip(*wanted, strict=True)
        found = self.conn.execute(
            f"SELECT field, term, docs FROM {self.schema}.terms "
            "WHERE (field, term) IN (SELECT * FROM unnest(%s::text[], %s::text[]))",
            [list(fields), list(terms)],
        ).fetchall()
        return {(f, t): n for f, t, n in found}

    def search(self, plan: SearchPlan) -> SearchResult:
        cost = Cost()
        if not plan.parts:
            return self._run(plan, ("true", []), None, "all", None, cost)[0]
        frequency = self._frequencies(plan.parts)

        def known(field_name: str, term: str) -> int:
            return frequency.get((field_name, term), 0)

        queries = match_parts(plan.parts, known)
        if not queries:
            return SearchResult(0, "none", {}, [], cost)
        cost.parts = len(queries)
        cost.match_terms = sum(term_count(query) for query in queries)
        if self._reads_held(known(t.field, t.text) for q in queries for t in terms_of(q)):
            return self._search_held(plan, queries, known, frequency, cost)
        conds = [condition(query) for query in queries]
        every = joined(conds, " AND ")
        rank = None if plan.sort else build_rank_query(plan.parts, "and", known)
        result, matched_any = self._run(plan, every, rank, "and", None, cost, frequency)
        if matched_any or len(conds) < 2:
            return result
        # no document has every part: any part may do, more parts first
        held = self._part_counts(conds)
        if not any(held):
            return result
        matched = joined(conds, " OR ")
        if plan.most_of_it:
            weights = _part_weights(self.generation.documents, held)
            weighed = " + ".join(
                f"({c})::int * {real(w)}" for (c, _), w in zip(conds, weights, strict=True)
            )
            matched = (
                f"({matched[0]}) AND ({weighed}) >= {real(_least_weight(weights), 7)}",
                matched[1] + [p for _, params in conds for p in params],
            )
        coverage = (
            " + ".join(f"({c})::int" for c, _ in conds),
            [p for _, params in conds for p in params],
        )
        rank = None if plan.sort else build_rank_query(plan.parts, "or", known)
        return self._run(plan, matched, rank, "or", coverage, cost, frequency)[0]

    def _reads_held(self, counts: Iterable[int]) -> bool:
        """Whether a search whose terms as many documents hold as `counts` reads the held
        terms (one does), rather than one statement over the GIN indexes."""
        return max(counts, default=0) >= postings.held(self.generation.meta)

    def _part_counts(self, conds: list[Sql]) -> list[int]:
        counts = ", ".join(f"count(*) FILTER (WHERE {c})" for c, _ in conds)
        params = [p for _, ps in conds for p in ps]
        where = joined(conds, " OR ")
        return list(
            self.conn.execute(
                f"SELECT {counts} FROM {self.schema}.docs WHERE {where[0]}", params + where[1]
            ).fetchone()
        )

    def _run(
        self,
        plan: SearchPlan,
        matched: Sql,
        rank: Any,
        mode: str,
        coverage: Sql | None,
        cost: Cost,
        frequency: Mapping[tuple[str, str], int] | None = None,
    ) -> tuple[SearchResult, bool]:
        """The matches (one statement: their numbers, and their relevance or how many
        parts they hold where the order needs it), their facet counts, the allowed total
        and the page; and whether anything matched before the filters."""
        gen = self.generation
        facets = gen.facets
        passing = self._passing(plan)
        scored = _scored(plan, rank, mode, passing)
        by_coverage = scored and coverage is not None
        score_of = cover_of = None
        if mode == "all":
            found = facets.alive.copy()
        else:
            wanted: list[Sql] = [("string_agg(int4send(docnum), '')", [])]
            if scored:
                cost.rank_terms = term_count(rank)
                relevance = score(rank, frequency or {}, gen.documents, gen.average_words)
                wanted.append((f"string_agg(float8send({relevance[0]}), '')", relevance[1]))
            if by_coverage:
                wanted.append((f"string_agg(int2send(({coverage[0]})::int2), '')", coverage[1]))
            row = self.conn.execute(
                f"SELECT {', '.join(text for text, _ in wanted)} "
                f"FROM {self.schema}.docs WHERE {matched[0]}",
                [*(p for _, params in wanted for p in params), *matched[1]],
            ).fetchone()
            if not row[0]:
                return self._nothing(mode, cost), False
            docs = numbers(row[0])
            found = np.zeros(facets.size, dtype=bool)
            found[docs] = True
            if scored:
                score_of = np.zeros(facets.size, dtype=np.float64)
                score_of[docs] = numbers(row[1], ">f8")
            if by_coverage:
                cover_of = np.zeros(facets.size, dtype=np.int16)
                cover_of[docs] = numbers(row[2], ">i2")
        return self._page(plan, found, score_of, cover_of, mode, passing, cost), True

    def _passing(self, plan: SearchPlan) -> np.ndarray:
        """The documents the filters admit (refusing an unknown sort first)."""
        if plan.sort is not None and plan.sort[0] not in SORT_COLUMNS:
            raise ValueError(f"cannot sort by {plan.sort[0]!r}")
        facets = self.generation.facets
        return facets.selected(plan.filters) & facets.alive

    def _nothing(self, mode: str, cost: Cost) -> SearchResult:
        return SearchResult(0, mode, {name: {} for name in self.generation.facets.facets}, [], cost)

    def _page(
        self,
        plan: SearchPlan,
        found: np.ndarray,
        score_of: np.ndarray | None,
        cover_of: np.ndarray | None,
        mode: str,
        passing: np.ndarray,
        cost: Cost,
    ) -> SearchResult:
        """The result of the matches `found` (a boolean per document), with their
        relevance and parts held where the order needs them: facet counts, totals, and
        the page in order."""
        facets = self.generation.facets
        tally = facets.tally(found, plan.filters, plan.by_project, passing)
        if score_of is not None:
            cost.scored = tally.passages  # every allowed match is scored
        keys = _keys(plan, facets, score_of, cover_of)
        if plan.by_project:
            project_of = facets.project_of

            def first(n: int) -> np.ndarray:
                return facets.ranked(tally.allowed, keys, n)

            shown = page_projects(first, project_of, tally.passages, plan.start, plan.stop)
            # their passages, each project's by the last key alone
            docs = facets.ranked(tally.allowed & np.isin(project_of, shown), keys[-1:])
            scores = score_of[docs].tolist() if score_of is not None else None
            page, groups = project_page(docs, scores, facets.project_of, tally.matched_of, shown)
            total = tally.projects
        else:
            docs = facets.ranked(tally.allowed, keys, plan.stop)[plan.start :]
            page = [(int(d), float(score_of[d]) if score_of is not None else None) for d in docs]
            groups, total = [], tally.passages
        ids = self._doc_ids([d for d, _ in page])
        hits = [(ids[d], value) for d, value in page]
        return SearchResult(
            total,
            mode,
            tally.counts,
            hits,
            cost,
            tally.passages,
            tally.projects,
            groups,
            tally.admitted,
        )

    # ------------------------------------------------------------------ held terms

    def _search_held(
        self,
        plan: SearchPlan,
        queries: list[Node],
        known: Callable[[str, str], int],
        frequency: Mapping[tuple[str, str], int],
        cost: Cost,
    ) -> SearchResult:
        """`search` when a term of the query is held (`postings`): each term's documents
        read, from its rows or (the others) its GIN index; the parts, the fallback to any
        part and the relevance worked out over arrays, to the same result as the
        statements of `_run`. A term's documents are spread into an array of a boolean
        per document only while it is combined (26 terms at 100,000 projects would hold
        68 MB at once)."""
        gen = self.generation
        facets = gen.facets
        size = facets.size
        passing = self._passing(plan)
        rank = None if plan.sort else build_rank_query(plan.parts, "and", known)
        may_score = _scored(plan, rank, "and", passing)
        if may_score:  # as the statement counts them, whatever it finds
            cost.rank_terms = term_count(rank)
        terms = [t for q in queries for t in terms_of(q)]
        documents = self._documents(terms + list(terms_of(rank)) if may_score else terms)
        parts = [_matching(query, documents, size) & facets.alive for query in queries]

        def holding_most(parts: Sequence[np.ndarray]) -> np.ndarray:
            # as the statement's weights and their sum (`search`)
            holding = [int(np.count_nonzero(part)) for part in parts]
            weights = _part_weights(gen.documents, holding)
            return weighted_sum(parts, weights) >= rounded(_least_weight(weights), 7)

        found, mode, cover_of = combined(parts, holding_most if plan.most_of_it else None)
        if not found.any():
            return self._nothing(mode, cost)
        if mode == "or":  # no document has every part: any part may do, more parts first
            rank = None if plan.sort else build_rank_query(plan.parts, "or", known)
        if not may_score:
            cover_of = None
        score_of = None
        if may_score:
            docs = np.flatnonzero(found)
            score_of = self._scores(rank, frequency, documents, docs)
        return self._page(plan, found, score_of, cover_of, mode, passing, cost)

    def _scores(
        self,
        rank: Node,
        frequency: Mapping[tuple[str, str], int],
        documents: Mapping[Term, TermDocuments],
        docs: np.ndarray,
    ) -> np.ndarray:
        """The relevance of `docs` (sorted numbers), as `score` computes it, spread into
        an array of a score per document."""
        gen = self.generation
        size = gen.facets.size
        weighed = weighed_terms(rank, frequency, gen.documents)
        score_of = np.zeros(size, dtype=np.float64)
        score_of[docs] = score_arrays(
            [documents[t].among(docs) for t, _ in weighed],
            [w for _, w in weighed],
            gen.lengths[docs],
            gen.average_words,
        )
        return score_of

    def _documents(self, terms: list[Term]) -> dict[Term, TermDocuments]:
        """Each term's documents: the held terms' runs from their rows, the others'
        numbers from their indexes (one statement)."""
        stored = postings.read(self.conn, self.schema, terms)
        found = {t: TermDocuments(runs=runs) for t, runs in stored.items()}
        others = [t for t in dict.fromkeys(terms) if t not in found]
        if others:
            selects = [term_sql(t) for t in others]
            row = self.conn.execute(
                "SELECT "
                + ", ".join(
                    f"(SELECT string_agg(int4send(docnum), '') FROM {self.schema}.docs "
                    f"WHERE {text})"
                    for text, _ in selects
                ),
                [p for _, params in selects for p in params],
            ).fetchone()
            for term, packed in zip(others, row, strict=True):
                found[term] = TermDocuments(numbers=np.sort(numbers(packed)))
        return found

    def _doc_ids(self, docs: list[int]) -> dict[int, str]:
        """The ids of documents by number."""
        if not docs:
            return {}
        return dict(
            self.conn.execute(
                f"SELECT docnum, doc_id FROM {self.schema}.docs WHERE docnum = ANY(%s)", [docs]
            ).fetchall()
        )

    # ------------------------------------------------------------------ more like

    def more_like(
        self, doc_id: str, text: str, kind: str, limit: int
    ) -> tuple[list[tuple[str, float]], bool]:
        own = Counter(w for w, _, _ in words(text))
        if not own:
            return [], True
        held = dict(
            self.conn.execute(
                f"SELECT term, docs FROM {self.schema}.terms WHERE field = 'body' "
                "AND term = ANY(%s::text[])",
                [list(own)],
            ).fetchall()
        )
        documents = self.generation.documents
        weights = {w: n * idf(documents, held[w]) for w, n in own.items() if held.get(w, 0) > 1}
        key = sorted(weights, key=lambda w: -weights[w])[: key_term_count(text)]
        if not key:
            return [], True
        frequency = {("body", w): held[w] for w in key}
        tree = AnyOf(tuple(Term("body", w) for w in key))
        if self._reads_held(frequency.values()):
            return self._more_like_held(doc_id, tree, frequency, kind, limit), True
        relevance = score(tree, frequency, documents, self.generation.average_words)
        found = self.conn.execute(
            f"SELECT doc_id, {relevance[0]} AS s FROM {self.schema}.docs "
            "WHERE kind = %s AND doc_id <> %s AND body @@ %s::tsquery "
            "ORDER BY s DESC, seq LIMIT %s",
            [*relevance[1], kind, doc_id, " | ".join(lexeme(w) for w in key), limit],
        ).fetchall()
        return [(d, float(s)) for d, s in found], True

    def _more_like_held(
        self,
        doc_id: str,
        tree: AnyOf,
        frequency: Mapping[tuple[str, str], int],
        kind: str,
        limit: int,
    ) -> list[tuple[str, float]]:
        """`more_like`'s statement over arrays, when a key term is held: the documents
        of `kind` holding any key term but `doc_id`, by relevance, then in source order."""
        facets = self.generation.facets
        documents = self._documents(list(terms_of(tree)))
        found = _matching(tree, documents, facets.size)
        found &= facets.alive & facets.selected({"kind": kind})
        score_of = self._scores(tree, frequency, documents, np.flatnonzero(found))
        # one more than asked for: `doc_id` may be among them
        first = facets.ranked(found, [(score_of, True)], limit + 1).tolist()
        ids = self._doc_ids(first)
        return [(ids[d], float(score_of[d])) for d in first if ids[d] != doc_id][:limit]

    # ------------------------------------------------------------------ prepare

    def prepare(self) -> None:
        """Nothing: the frequent terms' documents are held in the database, worked out
        when the generation is published (`postings`)."""

    # ------------------------------------------------------------------ vocabulary

    def vocabulary(self) -> Vocabulary:
        kept = self.generation.kept
        if "vocabulary" not in kept:
            rows = self.conn.execute(
                f"SELECT term, docs FROM {self.schema}.terms WHERE field = 'body'"
            ).fetchall()
            kept["vocabulary"] = Vocabulary(dict(rows))
        return kept["vocabulary"]

    # ------------------------------------------------------------------ suggest

    def suggest(self, typed: str, limit: int) -> list[Entry]:
        # the records' names, in memory, as for every backend (a few ms)
        return self.store.suggestions.complete(typed, limit)


def _part_weights(documents: int, holding: list[int]) -> list[float]:
    """The "most of it" fallback's weight of each part (held by `holding` documents),
    to six decimals."""
    return [round(math.log(1 + documents / (1 + n)), 6) for n in holding]


def _least_weight(weights: list[float]) -> float:
    """The least sum of weights a document may hold in the "most of it" fallback: half
    of all, less what float8 may lose in adding them."""
    return sum(weights) / 2 - 1e-7


def _scored(plan: SearchPlan, rank: Any, mode: str, passing: np.ndarray) -> bool:
    """Whether the matches' relevance is needed: not when the filters admit no document
    (the matches are only counted: at 100,000 projects, 预算 in a category no table is
    of, 300 -> 210 ms)."""
    return rank is not None and plan.sort is None and mode != "all" and bool(passing.any())


@dataclass
class TermDocuments:
    """A term's documents as read: a held term's stored runs, or the numbers its GIN
    index found (sorted)."""

    runs: list[postings.Run] | None = None
    numbers: np.ndarray | None = None

    def marked(self, size: int) -> np.ndarray:
        """A new array of a boolean per document number below `size`."""
        if self.runs is not None:
            return postings.marked(self.runs, size)
        found = np.zeros(size, dtype=bool)
        found[self.numbers] = True
        return found

    def among(self, docs: np.ndarray) -> np.ndarray:
        """Whether each of `docs` (sorted numbers) holds the term."""
        if self.numbers is None:  # the runs' numbers, once (a term may rank and match)
            self.numbers = postings.numbers(self.runs or [])
        held = self.numbers
        if not len(held):
            return np.zeros(len(docs), dtype=bool)
        at = np.minimum(np.searchsorted(held, docs), len(held) - 1)
        return held[at] == docs


def _matching(node: Node, documents: Mapping[Term, TermDocuments], size: int) -> np.ndarray:
    """The documents a tree matches (a new array), from its terms' documents."""
    if isinstance(node, Term):
        return documents[node].marked(size)
    items = iter(node.items)
    found = _matching(next(items), documents, size)
    for item in items:
        if isinstance(node, AnyOf):
            found |= _matching(item, documents, size)
        else:
            found &= _matching(item, documents, size)
    return found


def _keys(
    plan: SearchPlan,
    facets: Facets,
    score_of: np.ndarray | None,
    cover_of: np.ndarray | None,
) -> list[tuple[np.ndarray, bool]]:
    """What the allowed documents are ordered by (`Facets.ranked`): a column, else
    relevance (the fallback: parts held first); ties in source order. By project, a
    project's own passages are ordered by the last key alone."""
    if plan.sort is not None or score_of is None:
        name, reverse = plan.sort or ("seq", False)
        return [(facets.columns[name], reverse)]
    first = [(cover_of, True)] if cover_of is not None else []
    return [*first, (score_of, True)]
