"""Format readers: bytes of one file -> a `Document` (pages of lines, tables of cells).

The suffix picks the reader; nothing here knows about budgets.
"""

from __future__ import annotations

from pathlib import Path

from ..textio import NotTextError
from .document import Cell, Document, Page, Problem, Table
from .pdf import PdfError, read_pdf
from .text import read_text


class FormatError(Exception):
    """The file cannot be read as its format: the message says why, in one line."""


def is_pdf(path: Path) -> bool:
    return path.suffix.lower() == ".pdf"


def pdf_failure(exc: PdfError) -> FormatError:
    """A PDF the reader gave up on, as the error a corpus reports."""
    return FormatError(f"PDF not read: {exc}")


def read_document(path: Path, name: str) -> Document:
    """Read a corpus file by its suffix. Raises FormatError (or OSError) if it cannot be read."""
    if is_pdf(path):
        try:
            return read_pdf(path, name)
        except PdfError as exc:
            raise pdf_failure(exc) from None
    try:
        return read_text(path, name)
    except NotTextError as exc:
        raise FormatError(f"not a text file: {exc}") from None


__all__ = [
    "Cell",
    "Document",
    "FormatError",
    "Page",
    "Problem",
    "Table",
    "is_pdf",
    "pdf_failure",
    "read_document",
]
