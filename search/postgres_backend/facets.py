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


def numbers(packed: bytes | None, kind: str = ">i4") -> np.ndarray:
    """Numbers sent concatenated: `string_agg(int4send(docnum), '')` (`kind` ">i4"), of
    `int8send` (">i8"), `int2send` (">i2") or `float8send` (">f8")."""
    native = np.dtype(kind).newbyteorder("=")
    if not packed:
        return np.zeros(0, dtype=native)
    return np.frombuffer(packed, dtype=kind).astype(native)


def read_facets(conn: psycopg.Connection, schema: str) -> tuple[Facets, float, np.ndarray]:
    """Every document's project and facet values in `schema` (one generation), and the
    documents' lengths in words and their average (read in the same pass)."""
    docs, owners, seq, budget, year, lengths, average = conn.execute(
        "SELECT string_agg(int4send(docnum), ''), string_agg(int4send(project), ''), "
        "string_agg(int4send(seq), ''), string_agg(int8send(coalesce(budget, 0)), ''), "
        "string_agg(int4send(coalesce(year, 0)), ''), string_agg(int4send(words), ''), "
        f"coalesce(avg(words), 1) FROM {schema}.docs"
    ).fetchone()
    held = numbers(docs)
    size = int(held.max()) + 1 if len(held) else 0
    alive = np.zeros(size, dtype=bool)
    alive[held] = True  # an update deletes documents: numbers between are unused

    def by_number(packed: bytes | None, kind: str = ">i4") -> np.ndarray:
        """A value per document number (0 where none is)."""
        values = numbers(packed, kind)
        spread = np.zeros(size, dtype=values.dtype)
        spread[held] = values
        return spread

    project_of = by_number(owners)
    # the columns searches order by (SORT_COLUMNS), none as 0 (as SQL's coalesce)
    columns = {"seq": by_number(seq), "budget": by_number(budget, ">i8"), "year": by_number(year)}
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
    return Facets(size, alive, project_of, ordered, columns), float(average), by_number(lengths)
