"""Turn what a user typed into a Whoosh query: pure functions, tested by comparing data.

The user's text is never given to Whoosh's query parser. We pick out what has meaning
(document numbers in any bracket style, 《titles》, "quoted phrases") and split the rest
into words at white space and punctuation; field names, wildcards, ranges and boosts are
therefore plain text. Each word matches its jieba words (ranking) or, as phrases of
character pairs, any text that contains it (recall).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from whoosh import query as q

from indexer.analysis import HAN, fold, is_han, runs, words
from indexer.citations import find_doc_numbers, find_titles, normalize_title

MAX_QUERY_CHARS = 200

_PHRASE = re.compile(r'"([^"]+)"|“([^”]+)”|「([^」]+)」')
_WORD = re.compile(rf"[0-9a-z{HAN}]+")


@dataclass(frozen=True)
class QueryParts:
    """What a query asks for, each part in the form it is matched in."""

    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()  # normalized document numbers
    titles: tuple[str, ...] = ()  # as typed inside 《》

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases or self.numbers or self.titles)

    @property
    def count(self) -> int:
        return len(self.words) + len(self.phrases) + len(self.numbers) + len(self.titles)


def clean_query(text: str) -> tuple[str, bool]:
    """Strip the query and cap its length; says whether it was cut."""
    text = "".join(ch for ch in text if unicodedata.category(ch) not in {"Cc", "Cs"}).strip()
    if len(text) > MAX_QUERY_CHARS:
        return text[:MAX_QUERY_CHARS], True
    return text, False


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def parse_query(text: str) -> QueryParts:
    """Split a (cleaned) query into document numbers, titles, phrases and words."""
    text = unicodedata.normalize("NFKC", text)
    numbers = []
    for number in find_doc_numbers(text):
        numbers.append(number.number)
        text = _blank(text, number.start, number.end)
    titles = []
    for title in find_titles(text):
        titles.append(title.text)
        text = _blank(text, title.start, title.end)
    phrases = []
    for match in _PHRASE.finditer(text):
        phrase = next(g for g in match.groups() if g).strip()
        if _WORD.search(fold(phrase)):
            phrases.append(phrase)
        text = _blank(text, match.start(), match.end())
    found_words = _WORD.findall(fold(text))
    return QueryParts(
        words=tuple(dict.fromkeys(found_words)),
        phrases=tuple(dict.fromkeys(phrases)),
        numbers=tuple(dict.fromkeys(numbers)),
        titles=tuple(dict.fromkeys(titles)),
    )


def _sequence(field: str, tokens: list[str]) -> q.Query:
    return q.Term(field, tokens[0]) if len(tokens) == 1 else q.Phrase(field, tokens)


def substring_query(text: str) -> q.Query | None:
    """Matches every document whose text contains `text` (white space and punctuation
    aside): each Han run as a phrase of character pairs (one character: a term on the
    character field), each ASCII run as a term; runs ANDed."""
    parts: list[q.Query] = []
    for run, _, _ in runs(text):
        if not is_han(run):
            parts.append(q.Term("grams", run))
        elif len(run) == 1:
            parts.append(q.Term("chars", run))
        else:
            parts.append(_sequence("grams", [run[i : i + 2] for i in range(len(run) - 1)]))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else q.And(parts)


def text_query(text: str) -> q.Query | None:
    """Text matched as jieba words (for ranking) or as a substring (for recall)."""
    recall = substring_query(text)
    if recall is None:
        return None
    word_tokens = [w for w, _, _ in words(text)]
    return q.Or([_sequence("body", word_tokens), recall]) if word_tokens else recall


def part_queries(parts: QueryParts) -> list[q.Query]:
    """One query per part of the user's query, in a fixed order."""
    found: list[q.Query | None] = [q.Term("numbers", n) for n in parts.numbers]
    for title in parts.titles:
        exact = q.Term("titles", normalize_title(title))
        loose = text_query(title)
        found.append(q.Or([exact, loose]) if loose else exact)
    found += [text_query(phrase) for phrase in parts.phrases]
    found += [text_query(word) for word in parts.words]
    return [part for part in found if part is not None]


def build_query(parts: QueryParts, mode: str = "and") -> q.Query | None:
    """All parts (mode "and") or any part (mode "or"); None when nothing is searchable."""
    queries = part_queries(parts)
    if not queries:
        return None
    if len(queries) == 1:
        return queries[0]
    return q.And(queries) if mode == "and" else q.Or(queries)


def filter_query(filters: Mapping[str, str | int]) -> q.Query | None:
    """Every filter must hold (facet field = value)."""
    terms = [q.Term(field, value) for field, value in sorted(filters.items())]
    if not terms:
        return None
    return terms[0] if len(terms) == 1 else q.And(terms)
