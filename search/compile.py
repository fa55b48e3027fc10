"""A query's parts compiled into a tree of terms that any backend translates into its
engine's queries: pure functions, tested by comparing data.

Each word matches any text that contains it (all its chosen character pairs) and ranks
documents by its jieba words; document numbers and titles match exactly (see
`search.query` for how the parts and their terms are chosen). A tree is made of `Term`
(a field holds a term), `All` (every child matches) and `AnyOf` (some child matches).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from indexer.citations import normalize_title
from search.query import (
    MAX_MATCH_TERMS,
    MAX_QUERY_MATCH_TERMS,
    MAX_QUERY_RANK_TERMS,
    MAX_RANK_TERMS,
    Frequency,
    QueryParts,
    choose,
    share,
    substring_terms,
    word_terms,
)


@dataclass(frozen=True)
class Term:
    field: str
    text: str


@dataclass(frozen=True)
class All:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Node, ...]


Node = Term | All | AnyOf


def terms_of(node: Node | None) -> Iterator[Term]:
    """Every term of a tree, in order."""
    if isinstance(node, Term):
        yield node
    elif node is not None:
        for item in node.items:
            yield from terms_of(item)


def term_count(node: Node | None) -> int:
    """How many terms a tree reads (what its cost grows with)."""
    return sum(1 for _ in terms_of(node))


def _all(nodes: list[Node]) -> Node:
    return nodes[0] if len(nodes) == 1 else All(tuple(nodes))


def _any(nodes: list[Node]) -> Node:
    return nodes[0] if len(nodes) == 1 else AnyOf(tuple(nodes))


def _terms_query(terms: list[tuple[str, str]]) -> Node | None:
    return _all([Term(field, text) for field, text in terms]) if terms else None


def substring_query(
    text: str, limit: int = MAX_MATCH_TERMS, frequency: Frequency | None = None
) -> Node | None:
    """Matches the documents whose text contains `text` (white space and punctuation
    aside): all of its `substring_terms`.

    Pairs are required together, not as a phrase: reading positions made a query of a
    common word take 190 ms at 10,000 projects instead of 40 ms (Whoosh), and a text with
    all the pairs of a run of three or more characters but not the run itself is rare. A
    long text keeps `limit` of its terms (see `choose`): still a rare combination.
    """
    return _terms_query(choose(substring_terms(text), limit, frequency))


def word_query(
    text: str, limit: int = MAX_RANK_TERMS, frequency: Frequency | None = None
) -> Node | None:
    """The jieba words of `text`: what ranks a document. Only the documents that match
    (contain the text) are ranked, so the words need not be checked as a phrase, which
    halved the time of ranking a common phrase (136 ms to 62 ms at 10,000 projects)."""
    return _terms_query(choose(word_terms(text), limit, frequency))


def match_parts(parts: QueryParts, frequency: Frequency | None = None) -> list[Node]:
    """Per part of the user's query, the documents it matches (used to count)."""
    limit = share(parts, MAX_MATCH_TERMS, MAX_QUERY_MATCH_TERMS)
    found: list[Node | None] = [Term("numbers", n) for n in parts.numbers]
    for title in parts.titles:
        loose = substring_query(title, limit, frequency)
        exact = Term("titles", normalize_title(title))
        found.append(AnyOf((exact, loose)) if loose else exact)
    found += [substring_query(text, limit, frequency) for text in parts.phrases]
    found += [
        _any_of(parts.alternatives(w), substring_query, limit, frequency) for w in parts.words
    ]
    return [part for part in found if part is not None]


def _any_of(texts: tuple[str, ...], make, limit: int, frequency: Frequency | None):
    """One text's query, or (a word and the words it may also be matched by) any of theirs,
    all within the part's `limit` of terms: the word's own first, others while they fit."""
    queries: list[Node] = []
    used = 0
    for text in texts:
        query = make(text, limit, frequency)
        if query is None:
            continue
        terms = term_count(query)
        if queries and used + terms > limit:
            continue  # no room left for this one within the part's share
        queries.append(query)
        used += terms
    return _any(queries) if queries else None


def rank_parts(parts: QueryParts, frequency: Frequency | None = None) -> list[Node]:
    """Per part, what ranks the documents it matched: its jieba words (or, without any,
    the match itself)."""
    limit = share(parts, MAX_RANK_TERMS, MAX_QUERY_RANK_TERMS)
    found: list[Node | None] = [Term("numbers", n) for n in parts.numbers]
    for title in parts.titles:
        words_of = word_query(title, limit, frequency)
        exact = Term("titles", normalize_title(title))
        found.append(AnyOf((exact, words_of)) if words_of else exact)
    found += [_ranked(text, limit, frequency) for text in parts.phrases]
    found += [_any_of(parts.alternatives(w), _ranked, limit, frequency) for w in parts.words]
    return [part for part in found if part is not None]


def _ranked(text: str, limit: int, frequency: Frequency | None) -> Node | None:
    """What ranks the documents a text matched: its jieba words, or the match itself."""
    return word_query(text, limit, frequency) or substring_query(text, limit, frequency)


def _combine(nodes: list[Node], mode: str) -> Node | None:
    if not nodes:
        return None
    return _all(nodes) if mode == "and" else _any(nodes)


def build_query(parts: QueryParts, mode: str = "and") -> Node | None:
    """The documents the query matches: all parts ("and") or any ("or"); None when
    nothing in it is searchable."""
    return _combine(match_parts(parts), mode)


def build_rank_query(
    parts: QueryParts, mode: str = "and", frequency: Frequency | None = None
) -> Node | None:
    """What orders the matched documents by relevance (see `rank_parts`)."""
    return _combine(rank_parts(parts, frequency), mode)


MIN_KEY_TERMS = 10
# Each key term's postings are read: 40 terms took up to 7 s at 10,000 projects (Whoosh).
MAX_KEY_TERMS = 20


def key_term_count(text: str) -> int:
    """How many key terms `more_like` looks for: a third of the passage's words, within
    bounds."""
    from indexer.text import words

    return max(MIN_KEY_TERMS, min(MAX_KEY_TERMS, len(words(text)) // 3))
