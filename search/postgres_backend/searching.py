"""Searching one PostgreSQL generation: matching, filters and the page in SQL, one
statement per search (and one more for the "any word" fallback); facet counts over the
generation's arrays in this process (`search.facets`, as for Whoosh).

The statement materializes the matching documents once (`m`) and orders the allowed ones
(by a column, by relevance, or for the fallback by how many parts they hold, then
relevance). By project, the projects are ordered by their first passage in that order
and each brings its first MAX_PER_PROJECT passages. It returns the matches' numbers,
over which each facet is counted with the other facets' filters: counted in SQL, the
facets took 95 of a common word's 215 ms at 100,000 projects, and by project 200 of 370.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import psycopg

from indexer.text import words
from search.backend import Cost, SearchPlan, SearchResult, Vocabulary
from search.compile import (
    AnyOf,
    Term,
    build_rank_query,
    key_term_count,
    match_parts,
    term_count,
)
from search.facets import Facets
from search.query import QueryParts, substring_terms, word_terms
from search.store import ProjectStore
from search.suggest import Entry

from .facets import numbers
from .sql import (
    SCALAR_FACETS,
    SORT_COLUMNS,
    Sql,
    condition,
    filters_sql,
    idf,
    joined,
    lexeme,
    real,
    score,
)

MAX_PER_PROJECT = 5  # passages returned per project of a by-project page (all are counted)


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
            # weights of six decimals, summed in float8: half their sum, less what float8
            # may lose in adding them, is the least a document may hold
            weights = [round(math.log(1 + self.generation.documents / (1 + n)), 6) for n in held]
            weighed = " + ".join(
                f"({c})::int * {real(w)}" for (c, _), w in zip(conds, weights, strict=True)
            )
            matched = (
                f"({matched[0]}) AND ({weighed}) >= {real(sum(weights) / 2 - 1e-7, 7)}",
                matched[1] + [p for _, params in conds for p in params],
            )
        coverage = (
            " + ".join(f"({c})::int" for c, _ in conds),
            [p for _, params in conds for p in params],
        )
        rank = None if plan.sort else build_rank_query(plan.parts, "or", known)
        return self._run(plan, matched, rank, "or", coverage, cost, frequency)[0]

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
        """One statement: the matches, their facet counts, the allowed total and the page;
        and whether anything matched before the filters."""
        gen = self.generation
        scored = rank is not None and plan.sort is None and mode != "all"
        if scored:
            cost.rank_terms = term_count(rank)
            relevance = score(rank, frequency or {}, gen.documents, gen.average_words)
        else:
            relevance = ("NULL::float8", [])
        cover = coverage or ("0", [])
        # the matches' narrow columns only (ids are read for the page's rows), and the
        # facets a filter names (the facets are counted from the generation's arrays)
        filtered = [n for n in plan.filters if n in (*SCALAR_FACETS, "problem")]
        narrow = ("docnum", "project", "seq", "budget", "year", *filtered)
        columns = ", ".join(dict.fromkeys(narrow))
        allowed = filters_sql(plan.filters)
        # without filters the allowed matches are the matches, not a second copy of them
        keep = "NOT MATERIALIZED" if allowed[0] == "true" else "MATERIALIZED"
        parts: list[Sql] = [
            (
                f"WITH m AS MATERIALIZED (SELECT {columns}, "
                f"{relevance[0]} AS score, {cover[0]} AS coverage "
                f"FROM {self.schema}.docs WHERE {matched[0]}), ",
                [*relevance[1], *cover[1], *matched[1]],
            ),
            (f"a AS {keep} (SELECT * FROM m WHERE {allowed[0]}) ", allowed[1]),
        ]
        by_coverage = coverage is not None
        if plan.by_project:
            parts.append(_project_page_sql(plan, scored, by_coverage))
        else:
            # the slice first (a top-N sort), then its places (numbering every match
            # first cost a full sort)
            order = _order(plan, scored, by_coverage)
            parts.append(
                (
                    f", page AS (SELECT docnum, score, row_number() OVER (ORDER BY {order}) "
                    f"AS place FROM (SELECT * FROM a ORDER BY {order} OFFSET %s LIMIT %s) "
                    "slice) ",
                    [plan.start, max(plan.stop - plan.start, 0)],
                )
            )
        if plan.by_project:
            page_rows = (
                "json_agg(json_build_array(d.doc_id, score, place, matched) ORDER BY place, r)",
                f"ranked JOIN {self.schema}.docs d USING (docnum) WHERE r <= %s",
                [MAX_PER_PROJECT],
            )
        else:
            page_rows = (
                "json_agg(json_build_array(d.doc_id, score) ORDER BY place)",
                f"page JOIN {self.schema}.docs d USING (docnum)",
                [],
            )
        # the matches' numbers, as 4-byte integers (unless every document matched)
        numbers_sql = (
            "NULL" if mode == "all" else "(SELECT string_agg(int4send(docnum), '') FROM m)"
        )
        parts.append(
            (
                f"SELECT {numbers_sql}, "
                f"(SELECT coalesce({page_rows[0]}, '[]') FROM {page_rows[1]})",
                page_rows[2],
            )
        )
        statement = "".join(text for text, _ in parts)
        params = [p for _, ps in parts for p in ps]
        numbers_found, page = self.conn.execute(statement, params).fetchone()
        facets = gen.facets
        if mode != "all" and not numbers_found:
            return SearchResult(0, mode, {name: {} for name in facets.facets}, [], cost), False
        if mode == "all":
            matched = facets.alive.copy()
        else:
            matched = np.zeros(facets.size, dtype=bool)
            matched[numbers(numbers_found)] = True
        tally = facets.tally(matched, plan.filters, plan.by_project)
        passages = tally.passages
        if scored:
            cost.scored = passages  # every allowed match is scored in SQL
        hits, groups = [], []
        if plan.by_project:
            last = None
            for doc_id, value, place, matched_n in page:
                hits.append((doc_id, _score(value, scored)))
                if place != last:
                    groups.append([0, matched_n])
                    last = place
                groups[-1][0] += 1
            groups = [tuple(g) for g in groups]
            total = tally.projects
        else:
            hits = [(doc_id, _score(value, scored)) for doc_id, value in page]
            total = passages
        result = SearchResult(
            total, mode, tally.counts, hits, cost, passages, tally.projects, groups, tally.admitted
        )
        return result, True

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
        relevance = score(tree, frequency, documents, self.generation.average_words)
        found = self.conn.execute(
            f"SELECT doc_id, {relevance[0]} AS s FROM {self.schema}.docs "
            "WHERE kind = %s AND doc_id <> %s AND body @@ %s::tsquery "
            "ORDER BY s DESC, seq LIMIT %s",
            [*relevance[1], kind, doc_id, " | ".join(lexeme(w) for w in key), limit],
        ).fetchall()
        return [(d, float(s)) for d, s in found], True

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


def _project_page_sql(plan: SearchPlan, scored: bool, by_coverage: bool) -> Sql:
    """`ranked`: the page's projects (ordered by their first passage in the plan's order),
    each passage with its project's place, its own place in the project (`r`) and how
    many of the project's passages are allowed."""
    first = _order(plan, scored, by_coverage, "key")
    within = _order(plan, scored, False)
    return (
        f", firsts AS (SELECT DISTINCT ON (project) project, score, coverage, seq, "
        f"{_sort_key(plan)} AS key FROM a ORDER BY project, {first}), "
        f"shown AS (SELECT project, row_number() OVER (ORDER BY {first}) AS place "
        "FROM firsts ORDER BY place OFFSET %s LIMIT %s), "
        "ranked AS (SELECT a.docnum, a.score, shown.place, row_number() OVER "
        f"(PARTITION BY a.project ORDER BY {within}) AS r, count(*) OVER "
        "(PARTITION BY a.project) AS matched FROM a JOIN shown USING (project)) ",
        [plan.start, max(plan.stop - plan.start, 0)],
    )


def _sort_key(plan: SearchPlan) -> str:
    name, _ = plan.sort or ("seq", False)
    if name not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {name!r}")
    return f"coalesce({name}, 0)"


def _order(plan: SearchPlan, scored: bool, by_coverage: bool, key: str | None = None) -> str:
    """ORDER BY of the allowed documents: by a column, else relevance (the fallback: parts
    held first); ties in source order."""
    if plan.sort is not None or not scored:
        _, reverse = plan.sort or ("seq", False)
        return f"{key or _sort_key(plan)} {'DESC' if reverse else 'ASC'}, seq"
    first = "coverage DESC, " if by_coverage else ""
    return f"{first}score DESC, seq"


def _score(value: Any, scored: bool) -> float | None:
    return float(value) if scored else None
