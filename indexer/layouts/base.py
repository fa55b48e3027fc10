"""The layout protocol and registry: a layout knows one template family's labels.

A layout is registered by name with `sniff(document) -> score in [0, 1]` (how sure it is
that the document is of its family) and `parse(document) -> ParseResult`. The corpus
loader reads a file with the format its suffix names, then parses it with the layout that
sniffs highest; a document no layout claims is reported, not guessed at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..formats.document import Document
from ..model import ParseResult


@dataclass(frozen=True)
class Layout:
    name: str
    sniff: Callable[[Document], float]
    parse: Callable[[Document], ParseResult]


LAYOUTS: dict[str, Layout] = {}


def register(name: str, sniff: Callable[[Document], float], parse) -> Layout:
    layout = Layout(name, sniff, parse)
    LAYOUTS[name] = layout
    return layout


def choose(document: Document) -> Layout | None:
    """The layout that sniffs highest (ties: the first registered), or None if none claims it."""
    _load()
    best, score = None, 0.0
    for layout in LAYOUTS.values():
        found = layout.sniff(document)
        if found > score:
            best, score = layout, found
    return best


def _load() -> None:
    # Registration happens on import; import every layout module once.
    from . import central_2023, grid, sh_district_2026, sh_municipal_2020  # noqa: F401
