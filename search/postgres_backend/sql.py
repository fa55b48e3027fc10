"""SQL from the engine-neutral trees of `search.compile`: pure functions, tested by
comparing text. Text fields are `tsvector`s of our own tokens (jieba words, character
pairs, single characters: `indexer.text`, never PostgreSQL's parsers), matched with
`@@` and a `tsquery` of quoted lexemes; document numbers and titles are `text[]`,
matched with `@>`. Field names come from a fixed list; every text is a parameter.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from search.compile import AnyOf, Node, Term, terms_of

TEXT_FIELDS = ("body", "grams", "chars")
ARRAY_FIELDS = ("numbers", "titles", "problem")
# Facets with one value per document, and their SQL type
SCALAR_FACETS = {
    "kind": "text",
    "template": "text",
    "department": "text",
    "category": "text",
    "perf_type": "text",
    "unit": "text",
    "year": "int",
    "section": "text",
    "level1": "text",
    "level2": "text",
    "issuer": "text",
}
SORT_COLUMNS = ("seq", "budget", "year")
# BM25's constants, as Whoosh's BM25F has them (a word's presence counts, not how often)
K1, B = 1.2, 0.75

Sql = tuple[str, list[Any]]


def lexeme(text: str) -> str:
    """A lexeme quoted for tsvector or tsquery input (quotes and backslashes doubled)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


# PostgreSQL refuses a tsvector word of 2 KB or more, and an index entry of a third of a
# page. A token this long cannot be searched for anyway (queries are cut to 200
# characters), so it is left out; its text is still found by its other tokens.
MAX_TOKEN_BYTES = 1000


def storable(tokens: Iterable[str]) -> list[str]:
    """The tokens PostgreSQL can hold and index, once each, in order."""
    return [t for t in dict.fromkeys(tokens) if t and len(t.encode("utf-8")) < MAX_TOKEN_BYTES]


def tsvector(tokens: Iterable[str]) -> str:
    """The tsvector input of a set of tokens (no positions: presence is what is read)."""
    return " ".join(lexeme(t) for t in storable(tokens))


def _field(name: str) -> str:
    if name not in TEXT_FIELDS + ARRAY_FIELDS:
        raise ValueError(f"not a searchable field: {name!r}")
    return name


def term_sql(term: Term) -> Sql:
    field = _field(term.field)
    if field in TEXT_FIELDS:
        return f"{field} @@ %s::tsquery", [lexeme(term.text)]
    return f"{field} @> %s::text[]", [[term.text]]


def condition(node: Node) -> Sql:
    """A WHERE condition that holds for the documents the tree matches. The terms of one
    text field that must all be present are one tsquery (one index probe)."""
    if isinstance(node, Term):
        return term_sql(node)
    if isinstance(node, AnyOf):
        return joined([condition(item) for item in node.items], " OR ")
    together: dict[str, list[str]] = {}
    others: list[Sql] = []
    for item in node.items:
        if isinstance(item, Term) and item.field in TEXT_FIELDS:
            together.setdefault(item.field, []).append(item.text)
        else:
            others.append(condition(item))
    merged: list[Sql] = [
        (f"{field} @@ %s::tsquery", [" & ".join(lexeme(t) for t in dict.fromkeys(texts))])
        for field, texts in together.items()
    ]
    return joined(merged + others, " AND ")


def joined(parts: list[Sql], glue: str) -> Sql:
    """Conditions joined by `glue` (' AND ', ' OR '), each and the whole parenthesized."""
    if len(parts) == 1:
        return parts[0]
    return "(" + glue.join(f"({text})" for text, _ in parts) + ")", [
        p for _, params in parts for p in params
    ]


def real(value: float, places: int = 6) -> str:
    """A float8 literal. A bare 3.66 is `numeric` in PostgreSQL, and arithmetic in numeric
    took 50 of 65 ms scoring 67,686 matches (float8: 15)."""
    return f"{value:.{places}f}::float8"


def rounded(value: float, places: int = 6) -> float:
    """The float8 that `real(value, places)` is in PostgreSQL."""
    return float(f"{value:.{places}f}")


def idf(documents: int, holding: int) -> float:
    """BM25's inverse document frequency (as Whoosh's)."""
    return math.log(1 + (documents - holding + 0.5) / (holding + 0.5))


def weighed_terms(
    node: Node | None, frequency: Mapping[tuple[str, str], int], documents: int
) -> list[tuple[Term, float]]:
    """The terms relevance reads, once each, with their weights (idf)."""
    terms = dict.fromkeys(terms_of(node))
    return [(t, idf(documents, frequency.get((t.field, t.text), 0))) for t in terms]


def score(
    node: Node | None,
    frequency: Mapping[tuple[str, str], int],
    documents: int,
    average_words: float,
) -> Sql:
    """A relevance score: BM25 with each term present or not (a passage is short and a
    word rarely repeats in it), each term weighing its idf, over the passage's length in
    words. The tree's structure does not matter here: the documents scored are those
    that match. `score_arrays` computes the same values."""
    weighed = weighed_terms(node, frequency, documents)
    if not weighed:
        return "0.0::float8", []
    sums, params = [], []
    for term, weight in weighed:
        text, p = term_sql(term)
        sums.append(f"({text})::int * {real(weight)}")
        params += p
    length = f"words / {real(max(average_words, 1.0), 4)}"
    norm = f"{real(K1 + 1)} / (1 + {real(K1)} * ({real(1 - B)} + {real(B)} * {length}))"
    return f"(({' + '.join(sums)}) * {norm})", params


def weighted_sum(present: Sequence[np.ndarray], weights: Sequence[float]) -> np.ndarray:
    """Each array's presence times its weight (as `real` writes it), added from the first,
    as PostgreSQL adds `(c0)::int * w0 + (c1)::int * w1 + …` (one array at least)."""
    total = None
    for held, weight in zip(present, weights, strict=True):
        part = held.astype(np.float64) * rounded(weight)
        total = part if total is None else total + part
    if total is None:
        raise ValueError("nothing to add")
    return total


def score_arrays(
    present: list[np.ndarray], weights: list[float], words: np.ndarray, average_words: float
) -> np.ndarray:
    """`score` over arrays: for documents of `words` words, each term's presence given
    (in the order of `weighed_terms`). The same float8 operations in the same order as
    PostgreSQL's, so the same values to the last bit."""
    if not weights:
        return np.zeros(len(words), dtype=np.float64)
    # as the SQL binds: (B * words) / average, and (sum * (K1 + 1)) / (1 + …)
    length = rounded(B) * words.astype(np.float64) / rounded(max(average_words, 1.0), 4)
    norm = 1 + rounded(K1) * (rounded(1 - B) + length)
    return weighted_sum(present, weights) * rounded(K1 + 1) / norm
