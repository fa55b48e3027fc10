"""A word typed with one character wrong, missing or extra, read as the word of the records
it is one edit from (检查办案业务费 → 检察办案业务费, 午间学述沙龙 → 午间学术沙龙): the
stretches of the names a search most often means (projects, indicators, units, cited titles),
compared by edit distance. Searched only when a query finds nothing as typed."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from indexer.text import HAN, fold, words

from .store import ProjectStore

MIN_CHARS = 3  # a shorter word has too many neighbours one edit away


@lru_cache(maxsize=2)  # the live generation's store, and the one before during a swap
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


def correction(word: str, store: ProjectStore) -> str | None:
    """The stretch of a record's name one edit from `word` (the most common name's first),
    or None: a word of three or more characters not found in any name as typed."""
    plain = re.sub(rf"[^0-9a-z{HAN}]", "", fold(word))
    if len(plain) < MIN_CHARS:
        return None
    names = _names(store)
    if any(plain in name for name, _ in names):
        return None  # as typed: nothing to correct
    # one character wrong or left out; one too many only in a long word (教育局 is no
    # 教育 with 局 added)
    sizes = (len(plain), len(plain) + 1, *((len(plain) - 1,) if len(plain) >= 5 else ()))
    for name, bounds in names:
        for size in sizes:
            for start in range(len(name) - size + 1):
                if start not in bounds or start + size not in bounds:
                    continue  # whole words of the name (教育局 is not 教育培|训)
                stretch = name[start : start + size]
                if stretch[0] != plain[0] and stretch[-1] != plain[-1]:
                    continue  # one edit keeps an end: a cheap test before the distance
                if Levenshtein.distance(plain, stretch, score_cutoff=1) <= 1:
                    return stretch
    return None
