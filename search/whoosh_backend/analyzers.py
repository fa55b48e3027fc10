"""Whoosh tokenizers over `indexer.text`: jieba words, character pairs, single characters.

They count positions in tokens (so phrase queries work) and keep character offsets into
the original text. The index schema pickles these classes, so they live here, in an
importable module, and never change meaning silently: change SCHEMA_VERSION in
`schema` when they do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer
from whoosh.formats import Frequency, Positions
from whoosh.system import pack_uint

from indexer.text import bigrams, characters, words


class PositionedTokenizer(Tokenizer):
    """Turns (text, start, end) triples into Whoosh tokens with positions in tokens."""

    def split(self, text: str) -> list[tuple[str, int, int]]:
        raise NotImplementedError

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, (text, start, end) in enumerate(self.split(value), start=start_pos):
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


class WordTokenizer(PositionedTokenizer):
    """jieba words (precise mode, dictionary only, our user dictionary)."""

    def split(self, text: str) -> list[tuple[str, int, int]]:
        return words(text)


class CharTokenizer(PositionedTokenizer):
    """Single Han characters and ASCII runs: finds a query of one character anywhere."""

    def split(self, text: str) -> list[tuple[str, int, int]]:
        return characters(text)


class BigramTokenizer(PositionedTokenizer):
    """Han character pairs and ASCII runs (see `bigrams`): substring recall, quickly."""

    def split(self, text: str) -> list[tuple[str, int, int]]:
        return bigrams(text)


def _token_texts(value: Any, analyzer: Any) -> list[str] | None:
    """The texts of our tokenizer's tokens of `value`, in order; None for another value
    or analyzer (which Whoosh's own formats then handle)."""
    if isinstance(value, str) and isinstance(analyzer, PositionedTokenizer):
        return [text for text, _, _ in analyzer.split(value)]
    return None


class SplitPositions(Positions):
    """Whoosh's `Positions` (the postings of a phrase field), worked out from our
    tokenizer's `split` directly: what Whoosh's yields, without a Token object per token
    and the generators around it (a tenth of the index writers' time)."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[tuple]:
        texts = _token_texts(value, analyzer)
        if texts is None:
            yield from super().word_values(value, analyzer, **kwargs)
            return
        positions: dict[str, list[int]] = {}
        for pos, text in enumerate(texts):
            positions.setdefault(text, []).append(pos)
        for text, found in positions.items():
            yield (text, len(found), len(found) * 1.0 * self.field_boost, self.encode(found))


class SplitFrequency(Frequency):
    """Whoosh's `Frequency` (the postings of a field without phrases), worked out from our
    tokenizer's `split` as `SplitPositions` is."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[tuple]:
        texts = _token_texts(value, analyzer)
        if texts is None:
            yield from super().word_values(value, analyzer, **kwargs)
            return
        for text, freq in Counter(texts).items():
            yield (text, freq, freq * 1.0 * self.field_boost, pack_uint(freq))
