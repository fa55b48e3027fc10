"""CSV that Excel opens correctly: UTF-8 with a byte-order mark, CRLF lines.

No cell runs as a formula: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a
carriage return (a spreadsheet reads those as formulas: `=100% × 7` became #N/A, and an
indicator named `=HYPERLINK(…)` a live link) gets a leading apostrophe, as OWASP
advises for CSV injection; the cell still reads as the text to a person.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(cell: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, made plain text; others as they are.

    Numbers stay numbers (`-5` is a number to a spreadsheet, not a formula).
    """
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)  # CRLF line ends, as Excel expects
    writer.writerow([neutralize(cell) for cell in header])
    writer.writerows([neutralize(cell) for cell in row] for row in rows)
    return BOM + out.getvalue()
