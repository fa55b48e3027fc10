"""Whoosh tokenizers over `indexer.text`: jieba words, character pairs, single characters.

They count positions in tokens (so phrase queries work) and keep character offsets into
the original text. The index schema pickles these classes, so they live here, in an
importable module, and never change meaning silently: change SCHEMA_VERSION in
`schema` when they do.
"""

from __future__ import annotations

from collections.abc import Iterator

from whoosh.analysis import Token, Tokenizer

from indexer.text import bigrams, characters, words


class _PositionedTokenizer(Tokenizer):
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


class WordTokenizer(_PositionedTokenizer):
    """jieba words (precise mode, dictionary only, our user dictionary)."""

    def split(self, text: str) -> list[tuple[str, int, int]]:
        return words(text)


class CharTokenizer(_PositionedTokenizer):
    """Single Han characters and ASCII runs: finds a query of one character anywhere."""

    def split(self, text: str) -> list[tuple[str, int, int]]:
        return characters(text)


class BigramTokenizer(_PositionedTokenizer):
    """Han character pairs and ASCII runs (see `bigrams`): substring recall, quickly."""

    def split(self, text: str) -> list[tuple[str, int, int]]:
        return bigrams(text)
