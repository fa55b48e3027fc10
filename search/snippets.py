"""What a query matched in a text: spans, the window a hit shows (a *fragment*: text,
spans, and whether it was cut before or after), and two renderings of fragments:
escaped HTML with <mark> for pages, 【】 for a terminal.

We find matches ourselves instead of using Whoosh's highlighter: its per-token marks
would light up every single character of the character field, and it escapes only some
of its output. In HTML every piece of text goes through `markupsafe.escape`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup, escape

from indexer.citations import find_doc_numbers
from indexer.text import fold

from .query import QueryParts

SNIPPET_CHARS = 120

Span = tuple[int, int]


def match_spans(text: str, parts: QueryParts) -> list[Span]:
    """Where the query's words, phrases, titles and document numbers occur in `text`.

    Words match case- and width-insensitively; document numbers match in any bracket style.
    Overlapping spans are merged; the result is sorted.
    """
    folded = fold(text)
    spans: list[Span] = []
    for needle in {fold(n) for n in (*parts.words, *parts.phrases, *parts.titles) if n}:
        start = folded.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + 1)
    if parts.numbers:
        wanted = set(parts.numbers)
        spans += [(n.start, n.end) for n in find_doc_numbers(text) if n.number in wanted]
    return _merge(spans)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _best_window(spans: list[Span], length: int, width: int) -> tuple[int, int]:
    """The window of `width` characters that covers the most matches (spans are sorted
    and do not overlap, so the matches inside a window are a run found by bisection)."""
    if not spans or length <= width:
        return 0, min(length, width)
    starts = [a for a, _ in spans]
    ends = [b for _, b in spans]
    best, best_count = 0, -1
    for s, _ in spans:
        start = max(0, min(s - width // 4, length - width))
        covered = max(0, bisect_right(ends, start + width) - bisect_left(starts, start))
        if covered > best_count:
            best, best_count = start, covered
    return best, best + width


Fragment = dict[str, Any]  # {"text", "spans", "before", "after"}


def fragment(text: str, parts: QueryParts, width: int = SNIPPET_CHARS) -> Fragment:
    """The window of `text` around its best matches, with the spans inside it."""
    return window(text, match_spans(text, parts), width)


def window(text: str, spans: list[Span], width: int | None = None) -> Fragment:
    """`text` cut to the `width` characters around its best spans (all of it if None)."""
    start, end = (0, len(text)) if width is None else _best_window(spans, len(text), width)
    inside = [
        (max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start
    ]
    return {"text": text[start:end], "spans": inside, "before": start > 0, "after": end < len(text)}


def _render(
    fragments: Sequence[Fragment], more: int, piece: Callable[[str], Any], marks: tuple[Any, Any]
) -> Any:
    out = piece("")
    for n, frag in enumerate(fragments):
        if n:
            out += piece("；")
        out += piece("…") if frag["before"] else piece("")
        pos = 0
        for s, e in frag["spans"]:
            out += piece(frag["text"][pos:s]) + marks[0] + piece(frag["text"][s:e]) + marks[1]
            pos = e
        out += piece(frag["text"][pos:]) + (piece("…") if frag["after"] else piece(""))
    if more:
        out += piece(f"；等 {more} 项")
    return out


def render_html(fragments: Sequence[Fragment], more: int = 0) -> Markup:
    """Fragments as escaped HTML, matches in <mark>, `…` where cut, `；等 N 项` for more rows."""
    return _render(fragments, more, escape, (Markup("<mark>"), Markup("</mark>")))


def render_plain(fragments: Sequence[Fragment], more: int = 0) -> str:
    """Fragments as plain text for a terminal, matches in 【】."""
    return _render(fragments, more, str, ("【", "】"))
