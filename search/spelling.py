"""A word typed with one character wrong, missing or extra, read as the word of the records
it is one edit from (检查办案业务费 → 检察办案业务费, 午间学述沙龙 → 午间学术沙龙): the
stretches of the names a search most often means (projects, indicators, units, cited titles),
compared by edit distance; failing that, a word that sounds like one of those stretches
(same toneless pinyin, at most two characters different: 基关服物费 → 机关服务费, what a pinyin
input method makes), or a stretch's pinyin typed in letters (jiguanfuwufei). Searched only
when a query finds nothing as typed."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from pypinyin import lazy_pinyin
from rapidfuzz.distance import Levenshtein

from indexer.text import HAN, fold, words

from .backend import Vocabulary
from .store import ProjectStore, per_generation

MIN_CHARS = 3  # a shorter word has too many neighbours one edit away
MIN_VOCABULARY_CHARS = 2  # a word of two is corrected only to one that sounds like it
MAX_SOUNDED = 2  # characters a homophone may have wrong
MAX_SOUNDED_CHARS = 12  # stretches of names longer than this are not looked up by sound
MIN_LETTERS = 5  # pinyin typed in letters: shorter is an abbreviation or an English word


@per_generation
def _names(store: ProjectStore) -> tuple[tuple[str, frozenset[int]], ...]:
    """The names of the records, folded, without punctuation or spaces, each once (the
    most common first), with the offsets where their jieba words begin and end."""
    found: Counter[str] = Counter()
    for project in store.projects:
        texts = [project.name, project.unit or "", project.department or ""]
        texts += [row.name for row in project.indicators]
        texts += [c.title for c in project.citations if c.title]
        for text in texts:
            plain = re.sub(rf"[^0-9a-z{HAN}]", "", fold(text))
            if plain:
                found[plain] += 1
    return tuple(
        (name, frozenset(at for _, start, end in words(name) for at in (start, end)))
        for name, _ in found.most_common()
    )


@per_generation
def _joined(store: ProjectStore) -> str:
    """The names, one per line: a word is in a name if it is in this text (one search in
    C, not one per name: 20 ms per misspelt query at 100,000 projects, 172,000 names)."""
    return "\n".join(name for name, _ in _names(store))


@per_generation
def _holding(store: ProjectStore) -> dict[str, frozenset[int]]:
    """Per character, the names (their places in `_names`) that hold it."""
    found: dict[str, set[int]] = {}
    for place, (name, _) in enumerate(_names(store)):
        for char in set(name):
            found.setdefault(char, set()).add(place)
    return {char: frozenset(places) for char, places in found.items()}


def _near_names(plain: str, store: ProjectStore) -> list[int] | None:
    """The places of the names that may hold a stretch one edit from `plain`, in order:
    such a stretch holds all of `plain`'s characters but at most one. None: any name may
    (a word of one character repeated). Looking through these alone, not every name, made
    a misspelt query at 100,000 projects 10 times faster."""
    chars = set(plain)
    if len(chars) < 2:
        return None
    holding = _holding(store)
    each = [holding.get(char, frozenset()) for char in chars]
    near: set[int] = set()
    for left_out in range(len(each)):
        rest = [places for n, places in enumerate(each) if n != left_out]
        near |= frozenset.intersection(*rest)
    return sorted(near)


def correction(word: str, store: ProjectStore, vocabulary: Vocabulary) -> str | None:
    """What `word`, found nowhere as typed, was meant as: the stretch of a record's name
    one edit from it (three characters or more; the most common name's first), else a
    stretch that sounds like it, else a word of the index's `vocabulary` one edit from it
    or sounding like it (the word most documents hold first); None if nothing is near."""
    plain = re.sub(rf"[^0-9a-z{HAN}]", "", fold(word))
    if len(plain) < MIN_VOCABULARY_CHARS:
        return None
    names = _names(store)
    if plain in vocabulary or plain in _joined(store):
        return None  # as typed: nothing to correct
    if len(plain) >= MIN_CHARS:
        near = _near_names(plain, store)
        if meant := _one_edit_stretch(plain, names if near is None else [names[n] for n in near]):
            return meant
    if len(plain) >= MIN_CHARS and (meant := _sounded(plain, store)):
        return meant
    return _nearest_word(plain, vocabulary)


def _one_edit_stretch(plain: str, names: Sequence[tuple[str, frozenset[int]]]) -> str | None:
    for name, bounds in names:
        for size in _sizes(plain):
            for start in range(len(name) - size + 1):
                if start not in bounds or start + size not in bounds:
                    continue  # whole words of the name (教育局 is not 教育培|训)
                stretch = name[start : start + size]
                if stretch[0] != plain[0] and stretch[-1] != plain[-1]:
                    continue  # one edit keeps an end: a cheap test before the distance
                if Levenshtein.distance(plain, stretch, score_cutoff=1) <= 1:
                    return stretch
    return None


def _sizes(plain: str) -> tuple[int, ...]:
    """The lengths a word one edit from `plain` may have: one character wrong or left out;
    one too many only in a long word (教育局 is no 教育 with 局 added)."""
    return (len(plain), len(plain) + 1, *((len(plain) - 1,) if len(plain) >= 5 else ()))


def _nearest_word(plain: str, vocabulary: Vocabulary) -> str | None:
    """The word of the index most documents hold that is one edit from `plain` (three
    characters or more), or that sounds like it with at most one character in two wrong
    (维秀 → 维修); None if none is."""
    if plain.isascii():  # a word's pinyin typed in letters (jingfei → 经费)
        if len(plain) < MIN_LETTERS or not plain.isalpha():
            return None
        near = _word_sounds(vocabulary).get(plain, [])
        return max(near, key=lambda word: (vocabulary[word], word)) if near else None
    near: list[str] = []
    if len(plain) >= MIN_CHARS:
        by_length = _han_words_by_length(vocabulary)
        near = [
            word
            for size in _sizes(plain)
            for word in by_length.get(size, ())
            if Levenshtein.distance(plain, word, score_cutoff=1) <= 1
        ]
    if not near:
        wrong = min(MAX_SOUNDED, len(plain) // 2)
        near = [
            word
            for word in _word_sounds(vocabulary).get(_sound(plain), ())
            if _differing(plain, word) <= wrong
        ]
    return max(near, key=lambda word: (vocabulary[word], word)) if near else None


def prepare(vocabulary: Vocabulary) -> None:
    """Work out the tables a correction reads from the index's words, so that the first
    misspelt query does not wait for them (those from the records' names are built by
    `ProjectStore.prepare`; about a second together at 10,000 projects)."""
    _word_sounds(vocabulary)
    _han_words_by_length(vocabulary)


def _kept(vocabulary: Vocabulary, key: str, make: Callable[[], Any]) -> Any:
    """What `make` works out from the vocabulary, once per generation (two requests may
    both work it out: the same result)."""
    if key not in vocabulary.kept:
        vocabulary.kept[key] = make()
    return vocabulary.kept[key]


def _han_words(vocabulary: Vocabulary) -> list[str]:
    return _kept(
        vocabulary,
        "han",
        lambda: [w for w in vocabulary if len(w) >= 2 and re.fullmatch(f"[{HAN}]+", w)],
    )


def _grouped(words: list[str], key: Callable[[str], Any]) -> dict[Any, list[str]]:
    groups: dict[Any, list[str]] = {}
    for word in words:
        groups.setdefault(key(word), []).append(word)
    return groups


def _han_words_by_length(vocabulary: Vocabulary) -> dict[int, list[str]]:
    return _kept(vocabulary, "han by length", lambda: _grouped(_han_words(vocabulary), len))


def _word_sounds(vocabulary: Vocabulary) -> dict[str, list[str]]:
    return _kept(vocabulary, "sounds", lambda: _grouped(_han_words(vocabulary), _sound))


def _sounded(plain: str, store: ProjectStore) -> str | None:
    """The stretch of a name that sounds like `plain`: its Han characters with at most
    MAX_SOUNDED wrong, or its pinyin typed in letters; None if no stretch does."""
    letters = plain.isascii()
    if letters and (len(plain) < MIN_LETTERS or not plain.isalpha()):
        return None
    for stretch in _sounds(store).get(_sound(plain), ()):
        if letters or _differing(plain, stretch) <= MAX_SOUNDED:
            return stretch
    return None


def _differing(typed: str, name: str) -> int:
    """How many characters differ, place by place (a different length: all of them)."""
    if len(typed) != len(name):
        return len(typed) + len(name)
    return sum(a != b for a, b in zip(typed, name, strict=True))


@lru_cache(maxsize=4096)
def _pinyin(char: str) -> str:
    """A character's toneless pinyin (its first reading), or the character itself."""
    return lazy_pinyin(char)[0] if re.match(rf"[{HAN}]", char) else char


def _sound(text: str) -> str:
    return "".join(_pinyin(char) for char in text)


@per_generation
def _sounds(store: ProjectStore) -> dict[str, tuple[str, ...]]:
    """The whole-word stretches of the names (2 to MAX_SOUNDED_CHARS long) by
    their toneless pinyin, the most common name's first."""
    found: dict[str, dict[str, None]] = {}
    for name, bounds in _names(store):
        ends = sorted(bounds)
        for n, start in enumerate(ends):
            for end in ends[n + 1 :]:
                if end - start > MAX_SOUNDED_CHARS:
                    break
                if end - start >= MIN_VOCABULARY_CHARS:  # 拆违: chaiwei
                    stretch = name[start:end]
                    found.setdefault(_sound(stretch), {})[stretch] = None
    return {sound: tuple(stretches) for sound, stretches in found.items()}
