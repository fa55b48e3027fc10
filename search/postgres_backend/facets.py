"""A PostgreSQL generation's facets (`search.facets.Facets`), read from its documents
once per generation and revision (about 7 s at 100,000 projects, 2.6 million documents).

Numbers travel as 4-byte big-endian integers, concatenated (`int4send`): a row per
document or an array of integers would be converted one value at a time in Python.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import psycopg

from indexer.documents import FACET_FIELDS
from search.facets import Facets

from .sql import SCALAR_FACETS


def numbers(packed: bytes | None) -> np.ndarray:
    """Document numbers sent as `string_agg(int4send(docnum), '')`."""
    if not packed:
        return np.zeros(0, dtype=np.int32)
    return np.frombuffer(packed, dtype=">i4").astype(np.int32)


def read_facets(conn: psycopg.Connection, schema: str) -> tuple[Facets, float]:
    """Every document's project and facet values in `schema` (one generation), and the
    documents' average length in words (read in the same pass)."""
    docs, owners, average = conn.execute(
        "SELECT string_agg(int4send(docnum), ''), string_agg(int4send(project), ''), "
        f"coalesce(avg(words), 1) FROM {schema}.docs"
    ).fetchone()
    held = numbers(docs)
    size = int(held.max()) + 1 if len(held) else 0
    alive = np.zeros(size, dtype=bool)
    alive[held] = True  # an update deletes documents: numbers between are unused
    project_of = np.zeros(size, dtype=np.int32)
    project_of[held] = numbers(owners)
    names = list(SCALAR_FACETS)
    # every one-valued facet in one pass: GROUPING(a, b, …) has a bit per column, the
    # first the highest, set when the row is not grouped by that column
    grouped = conn.execute(
        f"SELECT GROUPING({', '.join(names)}), "
        + ", ".join(f"{name}::text" for name in names)
        + f", string_agg(int4send(docnum), '') FROM {schema}.docs "
        f"GROUP BY GROUPING SETS ({', '.join(f'({name})' for name in names)})"
    )
    full = (1 << len(names)) - 1
    at = {full - (1 << (len(names) - 1 - i)): i for i in range(len(names))}
    postings: dict[str, dict[Any, np.ndarray]] = {name: {} for name in FACET_FIELDS}
    for bits, *values, packed in grouped:
        i = at[bits]
        value = values[i]
        if value is None:  # the documents without this facet
            continue
        name = names[i]
        postings[name][int(value) if SCALAR_FACETS[name] == "int" else value] = numbers(packed)
    for value, packed in conn.execute(
        f"SELECT v, string_agg(int4send(docnum), '') FROM {schema}.docs, unnest(problem) v "
        "GROUP BY v"
    ):
        postings["problem"][value] = numbers(packed)
    # values in order, as Whoosh's terms are
    ordered = {name: dict(sorted(values.items())) for name, values in postings.items()}
    return Facets(size, alive, project_of, ordered), float(average)
