"""Text files: pre-extracted page text in any encoding we read (see `indexer.textio`).

Lines are cleaned and capped as `clean_lines` does; pages are split at form feeds (what
PDF text extractors write between pages). A text file whose lines are table cells (what
PyMuPDF writes) is read the same way: which lines are cells is the layout's business.
"""

from __future__ import annotations

from pathlib import Path

from ..textio import clean_lines, read_source
from .document import Document, Page, Problem


def read_text(path: Path, name: str) -> Document:
    """Read a text file. Raises `NotTextError` or `OSError` for a file that is not readable text."""
    source = read_source(path)
    problems = [Problem(w.message, line=w.line) for w in source.warnings]
    return text_document(source.text, name, problems)


def text_document(text: str, name: str, problems: list[Problem] | None = None) -> Document:
    lines, cut = clean_lines(text)
    problems = [*(Problem(w.message, line=w.line, first=True) for w in cut), *(problems or [])]
    pages: list[Page] = []
    current: list[str] = []
    numbers: list[int] = []
    previous = 0
    for line in lines:
        # `clean_lines` splits a physical line at its form feeds, so the part after one has
        # the same number as the part before: that is where a page starts.
        if line.number == previous:
            pages.append(Page(len(pages) + 1, current, line_numbers=numbers))
            current, numbers = [], []
        current.append(line.text)
        numbers.append(line.number)
        previous = line.number
    pages.append(Page(len(pages) + 1, current, line_numbers=numbers))
    return Document(name, "text", pages, lines=lines, problems=problems, page_count=len(pages))
