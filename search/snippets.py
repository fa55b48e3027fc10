"""Mark what a query matched in a text, as escaped HTML with <mark>.

We find matches ourselves instead of using Whoosh's highlighter: its per-token marks
would light up every single character of the character field, and it escapes only some
of its output. Here every piece of text goes through `markupsafe.escape`.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from indexer.analysis import fold
from indexer.citations import find_doc_numbers

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


def mark(text: str, spans: list[Span], start: int = 0, end: int | None = None) -> Markup:
    """`text[start:end]` escaped, with the spans inside it wrapped in <mark>."""
    end = len(text) if end is None else end
    out = Markup("")
    pos = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        out += escape(text[pos:s]) + Markup("<mark>") + escape(text[s:e]) + Markup("</mark>")
        pos = e
    return out + escape(text[pos:end])


def _best_window(spans: list[Span], length: int, width: int) -> tuple[int, int]:
    """The window of `width` characters that covers the most matches."""
    if not spans or length <= width:
        return 0, min(length, width)
    best, best_count = 0, -1
    for s, _ in spans:
        start = max(0, min(s - width // 4, length - width))
        covered = sum(1 for a, b in spans if a >= start and b <= start + width)
        if covered > best_count:
            best, best_count = start, covered
    return best, best + width


def snippet(text: str, parts: QueryParts, width: int = SNIPPET_CHARS) -> Markup:
    """A window of `text` around its best matches, escaped, matches marked, `…` where cut."""
    spans = match_spans(text, parts)
    start, end = _best_window(spans, len(text), width)
    body = mark(text, spans, start, end)
    return (
        (Markup("…") if start > 0 else Markup(""))
        + body
        + (Markup("…") if end < len(text) else Markup(""))
    )
