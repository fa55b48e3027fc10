"""What a user typed, read into the parts of a query and their terms: pure functions,
tested by comparing data; a backend compiles them into its engine's queries.

The user's text never reaches an engine's query parser. We pick out what has meaning
(document numbers in any bracket style, 《titles》, "quoted phrases") and split the rest
into words at white space and punctuation; field names, wildcards, ranges and boosts are
therefore plain text. Each word matches any text that contains it (by its character
pairs, `substring_terms`) and ranks documents by its jieba words (`word_terms`); how many
terms a part may read, and which, is bounded here (`choose`, `share`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from indexer.citations import find_doc_numbers, find_titles
from indexer.text import HAN, fold, is_han, runs, words

MAX_QUERY_CHARS = 200
# The work one query may cause is bounded by what it keeps, so that no request costs more
# than about ten ordinary ones (an ordinary query has one to three parts of a few terms).
# A 200-character query of 65 common words once matched every document and ranked them
# by 65 terms: 10 s at 2,000 projects.
MAX_QUERY_PARTS = 8  # words, phrases, document numbers and titles kept, in that order
MAX_MATCH_TERMS = 12  # character pairs that match one part (see `choose`) ...
MAX_QUERY_MATCH_TERMS = 24  # ... and the whole query, shared by its parts
MAX_RANK_TERMS = 6  # jieba words that rank one part ...
MAX_QUERY_RANK_TERMS = 24  # ... and the whole query

T = TypeVar("T")

_PHRASE = re.compile(r'"([^"]+)"|“([^”]+)”|「([^」]+)」')
_WORD = re.compile(rf"[0-9a-z{HAN}]+")


@dataclass(frozen=True)
class QueryParts:
    """What a query asks for, each part in the form it is matched in."""

    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()  # normalized document numbers
    titles: tuple[str, ...] = ()  # as typed inside 《》
    dropped: tuple[str, ...] = ()  # parts past MAX_QUERY_PARTS, not searched
    # other words a word may be matched by (修缮 → 维修), word by word: (word, other, …)
    others: tuple[tuple[str, ...], ...] = ()

    def alternatives(self, word: str) -> tuple[str, ...]:
        """The word, and the other words it may be matched by."""
        return next((group for group in self.others if group[0] == word), (word,))

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
    return _keep_first(
        numbers=list(dict.fromkeys(numbers)),
        titles=list(dict.fromkeys(titles)),
        phrases=list(dict.fromkeys(phrases)),
        words=list(dict.fromkeys(found_words)),
    )


def _keep_first(**kinds: list[str]) -> QueryParts:
    """The first MAX_QUERY_PARTS parts, taken kind by kind in the order given; the rest
    are named in `dropped`, for the page to say so."""
    room = MAX_QUERY_PARTS
    kept: dict[str, tuple[str, ...]] = {}
    dropped: list[str] = []
    for kind, found in kinds.items():
        kept[kind] = tuple(found[:room])
        dropped += found[room:]
        room -= len(kept[kind])
    return QueryParts(**kept, dropped=tuple(dropped))


def spread(items: list[T], limit: int) -> list[T]:
    """At most `limit` of `items`, evenly spaced, first and last included."""
    if len(items) <= limit:
        return items
    if limit == 1:
        return items[:1]
    step = (len(items) - 1) / (limit - 1)
    return [items[round(i * step)] for i in range(limit)]


# (field, term) -> how many documents hold the term; given, terms are chosen rarest first.
Frequency = Callable[[str, str], int]


def choose(
    terms: list[tuple[str, str]], limit: int, frequency: Frequency | None
) -> list[tuple[str, str]]:
    """At most `limit` of `terms`: the rarest (they say the most and cost the least to
    read), in their order in the text; without frequencies, spread evenly over it."""
    terms = list(dict.fromkeys(terms))
    if len(terms) <= limit:
        return terms
    if frequency is None:
        return spread(terms, limit)
    rarest = sorted(range(len(terms)), key=lambda i: (frequency(*terms[i]), i))[:limit]
    return [terms[i] for i in sorted(rarest)]


def substring_terms(text: str) -> list[tuple[str, str]]:
    """What matches `text` as a substring: each Han run's character pairs (a lone
    character: the character), each ASCII run whole."""
    terms: list[tuple[str, str]] = []
    for run, _, _ in runs(text):
        if not is_han(run):
            terms.append(("grams", run))
        elif len(run) == 1:
            terms.append(("chars", run))
        else:
            terms += [("grams", run[i : i + 2]) for i in range(len(run) - 1)]
    return terms


def word_terms(text: str) -> list[tuple[str, str]]:
    """What ranks a document for `text`: its jieba words (in the `body` field)."""
    return [("body", w) for w, _, _ in words(text)]


def share(parts: QueryParts, per_part: int, per_query: int) -> int:
    """How many terms each part may read: `per_part`, less when many parts share the
    query's `per_query` (never less than two: one common pair says little)."""
    return max(2, min(per_part, per_query // max(parts.count, 1)))
