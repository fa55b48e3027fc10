"""Whoosh queries from the engine-neutral trees of `search.compile`: pure functions,
tested by comparing data."""

from __future__ import annotations

from whoosh import query as q

from search import compile as tree
from search.query import MAX_MATCH_TERMS, MAX_RANK_TERMS, Frequency, QueryParts


def to_whoosh(node: tree.Node | None) -> q.Query | None:
    """The Whoosh query of a tree (None stays None)."""
    if node is None:
        return None
    if isinstance(node, tree.Term):
        return q.Term(node.field, node.text)
    items = [to_whoosh(item) for item in node.items]
    return q.And(items) if isinstance(node, tree.All) else q.Or(items)


def substring_query(
    text: str, limit: int = MAX_MATCH_TERMS, frequency: Frequency | None = None
) -> q.Query | None:
    return to_whoosh(tree.substring_query(text, limit, frequency))


def word_query(
    text: str, limit: int = MAX_RANK_TERMS, frequency: Frequency | None = None
) -> q.Query | None:
    return to_whoosh(tree.word_query(text, limit, frequency))


def match_parts(parts: QueryParts, frequency: Frequency | None = None) -> list[q.Query]:
    return [to_whoosh(part) for part in tree.match_parts(parts, frequency)]


def build_query(parts: QueryParts, mode: str = "and") -> q.Query | None:
    return to_whoosh(tree.build_query(parts, mode))


def build_rank_query(
    parts: QueryParts, mode: str = "and", frequency: Frequency | None = None
) -> q.Query | None:
    return to_whoosh(tree.build_rank_query(parts, mode, frequency))
