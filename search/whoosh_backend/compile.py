"""Whoosh queries from a query's parts: pure functions, tested by comparing data.

Each word matches any text that contains it (all its chosen character pairs) and ranks
documents by its jieba words; document numbers and titles match exactly (see
`search.query` for how the parts and their terms are chosen).
"""

from __future__ import annotations

from whoosh import query as q

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

from .scoring import term_count


def _all(queries: list[q.Query]) -> q.Query:
    return queries[0] if len(queries) == 1 else q.And(queries)


def _terms_query(terms: list[tuple[str, str]]) -> q.Query | None:
    return _all([q.Term(field, text) for field, text in terms]) if terms else None


def substring_query(
    text: str, limit: int = MAX_MATCH_TERMS, frequency: Frequency | None = None
) -> q.Query | None:
    """Matches the documents whose text contains `text` (white space and punctuation
    aside): all of its `substring_terms`.

    Pairs are required together, not as a phrase: reading positions made a query of a
    common word take 190 ms at 10,000 projects instead of 40 ms, and a text with all the
    pairs of a run of three or more characters but not the run itself is rare. A long
    text keeps `limit` of its terms (see `choose`): still a rare combination.
    """
    return _terms_query(choose(substring_terms(text), limit, frequency))


def word_query(
    text: str, limit: int = MAX_RANK_TERMS, frequency: Frequency | None = None
) -> q.Query | None:
    """The jieba words of `text`: what ranks a document. Only the documents that match
    (contain the text) are ranked, so the words need not be checked as a phrase, which
    halved the time of ranking a common phrase (136 ms to 62 ms at 10,000 projects)."""
    return _terms_query(choose(word_terms(text), limit, frequency))


def match_parts(parts: QueryParts, frequency: Frequency | None = None) -> list[q.Query]:
    """Per part of the user's query, the documents it matches (used to count)."""
    limit = share(parts, MAX_MATCH_TERMS, MAX_QUERY_MATCH_TERMS)
    found: list[q.Query | None] = [q.Term("numbers", n) for n in parts.numbers]
    for title in parts.titles:
        loose = substring_query(title, limit, frequency)
        exact = q.Term("titles", normalize_title(title))
        found.append(q.Or([exact, loose]) if loose else exact)
    found += [substring_query(text, limit, frequency) for text in parts.phrases]
    found += [
        _any_of(parts.alternatives(w), substring_query, limit, frequency) for w in parts.words
    ]
    return [part for part in found if part is not None]


def _any_of(texts: tuple[str, ...], make, limit: int, frequency: Frequency | None):
    """One text's query, or (a word and the words it may also be matched by) any of theirs,
    all within the part's `limit` of terms: the word's own first, others while they fit."""
    queries: list[q.Query] = []
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
    if len(queries) < 2:
        return queries[0] if queries else None
    return q.Or(queries)


def rank_parts(parts: QueryParts, frequency: Frequency | None = None) -> list[q.Query]:
    """Per part, what ranks the documents it matched: its jieba words (or, without any,
    the match itself)."""
    limit = share(parts, MAX_RANK_TERMS, MAX_QUERY_RANK_TERMS)
    found: list[q.Query | None] = [q.Term("numbers", n) for n in parts.numbers]
    for title in parts.titles:
        words_of = word_query(title, limit, frequency)
        exact = q.Term("titles", normalize_title(title))
        found.append(q.Or([exact, words_of]) if words_of else exact)
    found += [_ranked(text, limit, frequency) for text in parts.phrases]
    found += [_any_of(parts.alternatives(w), _ranked, limit, frequency) for w in parts.words]
    return [part for part in found if part is not None]


def _ranked(text: str, limit: int, frequency: Frequency | None) -> q.Query | None:
    """What ranks the documents a text matched: its jieba words, or the match itself."""
    return word_query(text, limit, frequency) or substring_query(text, limit, frequency)


def _combine(queries: list[q.Query], mode: str) -> q.Query | None:
    if not queries:
        return None
    if len(queries) == 1:
        return queries[0]
    return q.And(queries) if mode == "and" else q.Or(queries)


def build_query(parts: QueryParts, mode: str = "and") -> q.Query | None:
    """The documents the query matches: all parts ("and") or any ("or"); None when
    nothing in it is searchable."""
    return _combine(match_parts(parts), mode)


def build_rank_query(
    parts: QueryParts, mode: str = "and", frequency: Frequency | None = None
) -> q.Query | None:
    """What orders the matched documents by relevance (see `rank_parts`)."""
    return _combine(rank_parts(parts, frequency), mode)
