"""Facet counts and orderings without Whoosh's grouping and sorting, as NumPy arrays.

Whoosh's `groupedby` collects every match in Python for every facet, and slowly so for
multi-valued fields (seen: 1.5 s for one query at 10,000 projects), and sorting all
documents by a column took 250 ms. Here each facet value's documents, and the columns we
sort by, are read once per index generation into arrays (`search.facets`), counted there
and ordered by an argsort.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from whoosh import query as q
from whoosh.searching import Searcher

from search.facets import Facets

from . import arrays


class FacetIndex(Facets):
    """The facets (`search.facets.Facets`) of one Whoosh index generation, read from its
    postings and columns."""

    def __init__(
        self,
        searcher: Searcher,
        fields: tuple[str, ...],
        sort_fields: tuple[str, ...],
        project_field: str,
    ) -> None:
        reader = searcher.reader()
        size = reader.doc_count_all()
        # which documents are not deleted (an update marks a replaced project's deleted)
        alive = np.ones(size, dtype=bool)
        if reader.has_deletions():
            alive[:] = False
            alive[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
        columns = {
            name: np.fromiter(reader.column_reader(name, translate=True), dtype=np.int64)
            for name in (*sort_fields, project_field)
        }
        postings: dict[str, dict[Any, np.ndarray]] = {}
        for name in fields:
            field = searcher.schema[name]
            values: dict[Any, np.ndarray] = {}
            for term in field.sortable_terms(reader, name):
                value = field.from_bytes(term)
                if value in (None, ""):
                    continue
                docs = reader.postings(name, term).all_ids()
                values[value] = np.fromiter(docs, dtype=np.int64)
            postings[name] = values
        # each document's project, as its position in the corpus
        super().__init__(size, alive, columns[project_field], postings, columns)
        self.terms = arrays.Postings()  # the query terms' postings, the longer ones kept

    def matching(self, searcher: Searcher, query: q.Query) -> np.ndarray:
        """A boolean array: which documents match `query` (a query of terms from their
        postings' arrays, another by Whoosh)."""
        found = arrays.matching(self.terms, searcher, query, self.size)
        if found is not None:
            return found & self.alive
        found = np.zeros(self.size, dtype=bool)
        found[np.fromiter(searcher.docs_for_query(query), dtype=np.int64)] = True
        return found
