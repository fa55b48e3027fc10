"""Chinese text, cut for search: jieba words, Han character pairs, single characters,
each with its character offsets. Full-width ASCII is folded and ASCII lower-cased
(`ＯＣＲ` = `OCR` = `ocr`), traditional characters read as simplified (`檢察` = `检察`);
numbers stay whole (`12309`). Every backend indexes and
queries with these; what they return must not change meaning silently (a backend's
index of another meaning is rebuilt, e.g. the Whoosh schema's SCHEMA_VERSION).
"""

from __future__ import annotations

import functools
import getpass
import logging
import re
import tempfile
import threading
from pathlib import Path

import jieba

from .vocabulary import HAN

USER_DICT = Path(__file__).with_name("data") / "userdict.txt"
# How many blocks' words `words` keeps, of blocks this long at most (about 1 KB each:
# at most about 16 MB per process, whatever the queries).
BLOCKS_KEPT = 16_384
LONGEST_KEPT = 32


def _simplified() -> dict[str, str]:
    """Each traditional Han character (of the CJK blocks tables use) and its simplified
    form, by OpenCC's t2s tables read one character at a time: one character for one, so
    a folded text keeps its offsets (phrases such as 乾隆 are not told apart from 乾燥;
    index and query fold alike, so both find each other)."""
    import opencc

    chars = [chr(c) for c in (*range(0x4E00, 0xA000), *range(0x3400, 0x4DC0))]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # a line joined or split: read none rather than shift
        return {}
    return {a: b for a, b in zip(chars, converted, strict=True) if a != b and len(b) == 1}


# Full-width ASCII (Ａ, ０, ＯＣＲ) to ASCII and upper to lower case, traditional characters
# to simplified (檢 → 检), one character for one character, so offsets into the folded text
# are offsets into the original.
_FOLD = str.maketrans(
    {chr(c): chr(c - 0xFEE0).lower() for c in range(0xFF01, 0xFF5F)}
    | {chr(c): chr(c).lower() for c in range(ord("A"), ord("Z") + 1)}
    | {"\u3000": " "}
    | _simplified()
)

_WORDY = re.compile(rf"[0-9a-z{HAN}]")
_CHAR_TOKENS = re.compile(rf"[0-9a-z]+|[{HAN}]")
_RUNS = re.compile(rf"[0-9a-z]+|[{HAN}]+")

_lock = threading.Lock()
_segmenter: jieba.Tokenizer | None = None


def fold(text: str) -> str:
    """Full-width ASCII to ASCII, upper to lower case, traditional Han characters to
    simplified; the length never changes."""
    return text.translate(_FOLD)


def segmenter() -> jieba.Tokenizer:
    """The process's jieba tokenizer with our user dictionary, initialized once.

    Its cache goes to a folder of the current user's (jieba's default, a shared file in
    the temp dir with mode 0600, fails for every other user).
    """
    global _segmenter
    if _segmenter is None:
        with _lock:
            if _segmenter is None:
                jieba.setLogLevel(logging.WARNING)
                cache = Path(tempfile.gettempdir()) / f"jixiao-jieba-{getpass.getuser()}"
                cache.mkdir(exist_ok=True)
                tokenizer = jieba.Tokenizer()
                tokenizer.tmp_dir = str(cache)
                with USER_DICT.open("rb") as userdict:  # jieba would leave its own open
                    tokenizer.load_userdict(userdict)
                _segmenter = tokenizer
    return _segmenter


def words(text: str) -> list[tuple[str, int, int]]:
    """jieba words of `text` as (folded word, start, end); punctuation and spaces dropped.

    jieba cuts a text block by block (runs of Han characters, letters and digits, and
    what lies between them), each on its own, so a short block's words are worked out
    once and kept (`_block_words`): the words of a table's text are cut again for the
    table's document and its parts', and tables repeat their indicators' names and values.
    """
    found: list[tuple[str, int, int]] = []
    start = 0
    for block in jieba.re_han_default.split(fold(text)):
        if block:
            cut = _block_words(block) if len(block) <= LONGEST_KEPT else _cut(block)
            found += [(word, start + s, start + e) for word, s, e in cut]
            start += len(block)
    return found


@functools.lru_cache(maxsize=BLOCKS_KEPT)
def _block_words(block: str) -> tuple[tuple[str, int, int], ...]:
    """`_cut`, kept."""
    return _cut(block)


def _cut(block: str) -> tuple[tuple[str, int, int], ...]:
    """The words of one of jieba's blocks, as `words` gives them."""
    return tuple(
        (word, start, end)
        for word, start, end in segmenter().tokenize(block, HMM=False)
        if _WORDY.search(word)
    )


def word_parts(text: str) -> list[str]:
    """jieba words of `text`, a long word as the words of two characters or more inside it
    (科研经费 → 科研, 经费) when it holds any."""
    tokens = [
        (word, start, end)
        for word, start, end in segmenter().tokenize(fold(text), mode="search", HMM=False)
        if _WORDY.search(word)
    ]
    return [
        word
        for word, start, end in tokens
        if not any(start <= s and e <= end and 2 <= e - s < end - start for _, s, e in tokens)
    ]


def characters(text: str) -> list[tuple[str, int, int]]:
    """One token per Han character and per run of ASCII letters and digits."""
    return [(m[0], m.start(), m.end()) for m in _CHAR_TOKENS.finditer(fold(text))]


def runs(text: str) -> list[tuple[str, int, int]]:
    """Runs of Han characters and of ASCII letters and digits."""
    return [(m[0], m.start(), m.end()) for m in _RUNS.finditer(fold(text))]


def is_han(run: str) -> bool:
    return not run[0].isascii()


def bigrams(text: str) -> list[tuple[str, int, int]]:
    """Overlapping pairs of Han characters (a lone one stays single) and ASCII runs.

    A run of characters occurs in a text exactly when its pairs occur in a row, so a
    phrase of pairs finds any substring; pairs are far rarer than single characters,
    which keeps such phrases fast on large indexes.
    """
    tokens = []
    for run, start, end in runs(text):
        if not is_han(run) or len(run) == 1:
            tokens.append((run, start, end))
        else:
            tokens += [(run[i : i + 2], start + i, start + i + 2) for i in range(len(run) - 1)]
    return tokens
