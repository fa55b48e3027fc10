"""Searching one PostgreSQL generation: matching, filters, facet counts and the page in
SQL, one statement per search (and one more for the "any word" fallback).

The statement materializes the matching documents once (`m`), counts each facet over
them with the other facets' filters, and orders the allowed ones (by a column, by
relevance, or for the fallback by how many parts they hold, then relevance). By
project, the projects are ordered by their first passage in that order and each brings
its first MAX_PER_PROJECT passages.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import psycopg

from indexer.documents import FACET_FIELDS
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
from search.query import QueryParts, substring_terms, word_terms
from search.store import ProjectStore
from search.suggest import Entry

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
            weights = [math.log(1 + self.generation.documents / (1 + n)) for n in held]
            weighed = " + ".join(
                f"({c})::int * {real(w)}" for (c, _), w in zip(conds, weights, strict=True)
            )
            matched = (
                f"({matched[0]}) AND ({weighed}) >= {real(sum(weights) / 2)}",
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
        # the matches' narrow columns only: ids and texts are read for the page's rows
        columns = ", ".join(("docnum", "project", "seq", "budget", *SCALAR_FACETS, "problem"))
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
            (f"a AS {keep} (SELECT * FROM m WHERE {allowed[0]}), ", allowed[1]),
            _facets_sql(plan),
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
        parts.append(
            (
                "SELECT EXISTS (SELECT 1 FROM m), (SELECT count(*) FROM a), "
                "(SELECT count(DISTINCT project) FROM a), "
                "(SELECT coalesce(json_agg(json_build_array(f, v, n)), '[]') FROM facets), "
                f"(SELECT coalesce({page_rows[0]}, '[]') FROM {page_rows[1]})",
                page_rows[2],
            )
        )
        statement = "".join(text for text, _ in parts)
        params = [p for _, ps in parts for p in ps]
        found = self.conn.execute(statement, params).fetchone()
        any_match, passages, projects, facets, page = found
        if scored:
            cost.scored = passages  # every allowed match is scored in SQL
        counts: dict[str, dict[Any, int]] = {name: {} for name in FACET_FIELDS}
        for name, value, n in facets:
            counts[name][int(value) if name == "year" else value] = n
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
            total = projects
        else:
            hits = [(doc_id, _score(value, scored)) for doc_id, value in page]
            total = passages
        result = SearchResult(total, mode, counts, hits, cost, passages, projects, groups)
        return result, any_match

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


def _facets_sql(plan: SearchPlan) -> Sql:
    """`facets` (f, v, n): per facet, per value, the matches (or their projects) that pass
    the other facets' filters. The one-valued facets are counted in one pass over the
    matches (GROUPING SETS, each count with its own FILTER: twelve passes took 70 of a
    common word's 140 ms at 10,000 projects); `problem`, an array, on its own."""
    counted = "count(DISTINCT project)" if plan.by_project else "count(*)"
    names = list(SCALAR_FACETS)
    # GROUPING(a, b, …) has a bit per column, the first the highest, set when the column
    # is not one the row is grouped by
    full = (1 << len(names)) - 1
    mask = {name: full - (1 << (len(names) - 1 - i)) for i, name in enumerate(names)}
    counts, params = [], []
    for name in names:
        others, more = filters_sql(plan.filters, leave_out=name)
        counts.append(f"{counted} FILTER (WHERE {others}) AS n_{name}")
        params += more
    values = ", ".join(f"{name}::text AS {name}" for name in names)
    grouped = (
        f"SELECT GROUPING({', '.join(names)}) AS g, {values}, {', '.join(counts)} FROM m "
        f"GROUP BY GROUPING SETS ({', '.join(f'({name})' for name in names)})"
    )
    which = " ".join(f"WHEN {mask[name]} THEN '{name}'" for name in names)
    count_of = " ".join(f"WHEN {mask[name]} THEN n_{name}" for name in names)
    scalar = (
        f"SELECT f, v, n FROM (SELECT CASE g {which} END AS f, coalesce({', '.join(names)}) "
        f"AS v, CASE g {count_of} END AS n FROM ({grouped}) grouped) counted "
        "WHERE v IS NOT NULL AND n > 0"
    )
    # `problem`, an array of the checks' rule ids: the matches are grouped by their arrays
    # first (a handful), then the arrays' values counted (unnesting every match's array
    # took ten times as long); by project, each project counts once per value
    others, more = filters_sql(plan.filters, leave_out="problem")
    if plan.by_project:
        problem = (
            "SELECT 'problem', v, count(DISTINCT project) FROM m, unnest(problem) v "
            f"WHERE {others} GROUP BY v"
        )
    else:
        problem = (
            "SELECT 'problem', v, sum(n)::bigint FROM (SELECT problem, count(*) AS n FROM m "
            f"WHERE {others} GROUP BY problem) held, unnest(problem) v GROUP BY v"
        )
    return f"facets AS ({scalar} UNION ALL {problem}) ", [*params, *more]


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
