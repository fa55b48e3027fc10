"""What a format reader gives a layout: pages of lines and tables of cells; nothing of budgets."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..textio import Line


@dataclass(frozen=True)
class Cell:
    """One cell of a ruled table: its top-left grid position, its spans and its text.

    `text` keeps the printed line breaks (a wrapped cell, or a label printed one character
    per line); a layout decides how to join them. `top` and `left` place it on the page.
    """

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    top: float = 0.0
    left: float = 0.0

    @property
    def merged(self) -> bool:
        return self.rowspan > 1 or self.colspan > 1


@dataclass
class Table:
    """A ruled table on one page: cells on a grid of `rows` × `cols` positions."""

    page: int
    rows: int
    cols: int
    cells: list[Cell]

    def grid(self) -> list[list[Cell | None]]:
        """Each grid position -> the cell covering it (a merged cell covers all its positions,
        whichever row its text is printed in); None where no cell is drawn."""
        grid: list[list[Cell | None]] = [[None] * self.cols for _ in range(self.rows)]
        for cell in self.cells:
            for r in range(cell.row, min(cell.row + cell.rowspan, self.rows)):
                for c in range(cell.col, min(cell.col + cell.colspan, self.cols)):
                    grid[r][c] = cell
        return grid


@dataclass
class Page:
    """One page: its text lines (reading order) and its ruled tables."""

    number: int  # 1-based
    lines: list[str]
    tables: list[Table] = field(default_factory=list)
    line_numbers: list[int] = field(default_factory=list)  # text files: each line's number

    def line_number(self, index: int) -> int:
        return self.line_numbers[index] if self.line_numbers else 0


@dataclass(frozen=True)
class Problem:
    """Something a reader met: at a page (PDFs) or a line (text), or the whole file."""

    message: str
    level: str = "warning"
    page: int | None = None
    line: int = 0
    first: bool = False  # reported before what the layout finds (a line cut while reading)


@dataclass
class Document:
    """A source file as read. `kind` says how: "text" (then `lines` holds every line with its
    number, and `pages` the same lines split at form feeds) or "pdf"."""

    file: str
    kind: str
    pages: list[Page]
    lines: list[Line] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    page_count: int = 0  # PDFs: pages in the file (`pages` may hold only those with text)

    def text_of(self, page: Page) -> str:
        return "\n".join(page.lines)
