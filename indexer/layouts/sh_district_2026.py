"""Shanghai district tables (2026): 财政项目支出绩效目标申报表 （2026年度）, each after a narrative
page 项目经费情况说明 (一、项目概述 … 七、绩效目标).

Two sources of this family:
- text with one table cell per line (what PyMuPDF writes): labels and values are read from
  the cell stream with the synonym tables of `fields`; level names wrapped inside a word
  (`可持续影` / `响指标`) are joined by recognising the level vocabulary; two goal cells
  side by side (项目总目标 | 年度总体目标) are split by their quotes or by their wrap widths;
- the PDF itself: its ruled tables through the grid reader, under this template's name.
Text that interleaves the cells of a row (an extractor that rebuilds lines by position,
such as pdfplumber's `extract_text`) cannot be read soundly: such a table is reported as an
unsupported extraction, not guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..formats.document import Document
from ..model import Diagnostic, ParseResult
from ..vocabulary import LEVEL1_NAMES, LEVEL2_NAMES
from .base import register
from .fields import (
    Draft,
    Label,
    implied_level1,
    level_name,
    read_label,
    year_in,
)
from .grid import FOOTER, Reader, role_of
from .narrative import NARRATIVE_TITLE, narrative_sections
from .sh_municipal_2020 import PAGE_NUMBER

NAME = "sh-district-2026"
TITLE = re.compile(r"财政项目支出绩效目标申报表")
BLOCK_LABELS = {"绩效指标", "项目绩效指标", "年度绩效指标"}
OLD_LEVEL1 = {"项目完成指标", "项目效益指标", "成效指标", "效率指标"}


@dataclass(frozen=True)
class Cell:
    line: int
    text: str


# ----------------------------------------------------------------------------- text
def sniff(document: Document) -> float:
    lines = [text for page in document.pages for text in page.lines]
    if any(TITLE.search(line) for line in lines):
        return 0.9
    if document.kind == "text" and any(NARRATIVE_TITLE.search(line) for line in lines):
        return 0.7  # a narrative without its table: say so
    return 0.0


def parse(document: Document) -> ParseResult:
    if document.kind == "pdf":
        return Reader(NAME, document).read()
    return _parse_cells(document)


def _parse_cells(document: Document) -> ParseResult:
    numbered = [
        Cell(page.line_number(i), text)
        for page in document.pages
        for i, text in enumerate(page.lines)
    ]
    result = ParseResult()
    titles = [i for i, cell in enumerate(numbered) if TITLE.search(cell.text)]
    if not titles:
        where = next((c.line for c in numbered if NARRATIVE_TITLE.search(c.text)), 0)
        result.diagnostics.append(
            Diagnostic(
                document.file,
                where,
                "warning",
                "a narrative page (项目经费情况说明) without its goal table "
                "(财政项目支出绩效目标申报表): nothing to index; file skipped",
            )
        )
        return result
    narratives = [i for i, cell in enumerate(numbered) if NARRATIVE_TITLE.search(cell.text)]
    previous_end = 0
    for n, start in enumerate(titles):
        # A table ends where the next table or the next table's narrative page begins.
        following = [i for i in (*titles[n + 1 :], *narratives) if i > start]
        end = min(following, default=len(numbered))
        narrative = [c.text for c in numbered[previous_end:start]]
        previous_end = end
        draft = Draft(NAME, document.file, line=numbered[start].line)
        table = numbered[start + 1 : end]
        draft.year = year_in([c.text for c in table[:3]]) or year_in([numbered[start].text])
        interleaved = _interleaved(table)
        if interleaved is not None:
            result.diagnostics.append(
                Diagnostic(
                    document.file,
                    interleaved,
                    "warning",
                    "table skipped: unsupported extraction: this text puts several cells of a "
                    "row on one line (an extractor that rebuilds lines by position, such as "
                    "pdfplumber's extract_text), so cells cannot be told apart soundly; index the "
                    "PDF itself, or text with one cell per line (PyMuPDF)",
                )
            )
            continue
        draft.sections.update(narrative_sections(narrative))
        _read_cells(table, draft)
        project = draft.finish()
        result.diagnostics.extend(draft.diagnostics)
        if project is not None:
            result.projects.append(project)
    return result


def _interleaved(table: list[Cell]) -> int | None:
    """The line of the first line holding two labels (cells of a row rebuilt into one line)."""
    for cell in table:
        words = cell.text.split()
        labels = [
            w for w in words if read_label(w, guess=False) is not None or role_of(w) is not None
        ]
        if len(labels) >= 2:
            return cell.line
    return None


# Labels that can end a line after a value (`771,325,800.00 年度资金申请总额`, `0 其他资金`).
def _split_at_labels(text: str) -> list[str]:
    words = text.split()
    if len(words) < 2:
        return [text.strip()] if text.strip() else []
    out: list[str] = []
    for word in words:
        if out and read_label(word, guess=False) is None:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return out


def _read_cells(table: list[Cell], draft: Draft) -> None:
    header_end = next(
        (i for i, cell in enumerate(table) if role_of(cell.text) == "level1"), len(table)
    )
    tokens = [Cell(c.line, part) for c in table[:header_end] for part in _split_at_labels(c.text)]
    _read_header(tokens, draft)
    body = table[header_end:]
    while body and role_of(body[0].text) is not None:
        body = body[1:]
    _read_indicators([c for c in body if c.text.strip()], draft)


def _take_label(tokens: list[Cell], i: int) -> tuple[Label | None, int]:
    """The label starting at token `i`, joined over up to 4 lines (`项目资金` / `（元）`,
    `项目` / `绩效` / `目标`), and how many tokens it takes.

    A joined label must be one of the tables' labels (not a guess from a money word), and a
    line that is a label by itself only takes a bracketed note after it (`(2024 年-2026 年)`),
    never the value that follows it."""
    alone = read_label(tokens[i].text, guess=False)
    for k in range(min(4, len(tokens) - i), 1, -1):
        rest = "".join(t.text.strip() for t in tokens[i + 1 : i + k])
        if alone is not None and alone.kind != "group" and not rest.startswith(("(", "（")):
            continue
        label = read_label(tokens[i].text.strip() + rest, guess=False)
        if label is not None and (label.key is not None or label.kind == "group"):
            return label, k
    return alone, 1


def _read_header(tokens: list[Cell], draft: Draft) -> None:
    unit = None
    i = 0
    pending: list[Label] = []
    while i < len(tokens):
        label, k = _take_label(tokens, i)
        if label is None:
            i += 1
            continue
        i += k
        if label.kind == "group":
            unit = label.unit or unit
            continue
        values: list[str] = []
        while i < len(tokens) and _take_label(tokens, i)[0] is None:
            values.append(tokens[i].text)
            i += 1
        if not values:
            pending.append(label)
            continue
        if pending:
            labels = [*pending, label] if label.kind == "section" else pending
            cells = _split_cells(values, len(labels))
            for each, text in zip(labels, cells, strict=False):
                draft.put(each, text, unit)
            pending = []
            if label.kind != "section":
                draft.put(label, "\n".join(values), unit)
            continue
        if label.kind == "money":
            draft.put(label, values[0], unit)
        else:
            draft.put(label, "\n".join(values), unit)


def _split_cells(lines: list[str], count: int) -> list[str]:
    """Lines of `count` cells side by side, printed one cell after the other: by the quotes
    an extractor puts around a cell with line breaks, else where the wrap width changes."""
    text = "\n".join(lines)
    if count == 1:
        return [text.strip().strip('"')]
    quoted = re.findall(r'"((?:[^"]|"")*)"', text)
    if len(quoted) == count:
        return quoted
    if count != 2 or len(lines) < 2:
        return [text] + [""] * (count - 1)
    best, best_score = 1, -1.0
    for k in range(1, len(lines)):
        first, second = lines[:k], lines[k:]
        score = 0.0
        if re.search(r"[。；;.!！?？）)]$", first[-1].strip()):
            score += 2
        for part in (first, second):
            widths = [len(x.strip()) for x in part]
            if len(widths) == 1 or (len(set(widths[:-1])) == 1 and widths[-1] <= widths[0]):
                score += 1
        if score > best_score:
            best, best_score = k, score
    return ["\n".join(lines[:best]), "\n".join(lines[best:])]


def _level(text: str, joined: bool = False) -> tuple[str, str] | None:
    """A level name: from the vocabulary, or (one line only) a short name ending in 指标.
    A name joined from wrapped lines must be in the vocabulary, so that a value line and
    the level name after it (`可控` / `产出指标`) are never read as one level."""
    name = level_name(text)
    if name in LEVEL1_NAMES or name in OLD_LEVEL1:
        return "level1", name
    loose = not joined and name.endswith("指标") and 4 <= len(name) <= 12
    if name in LEVEL2_NAMES or name in BLOCK_LABELS or loose:
        if name in BLOCK_LABELS:
            return "block", name
        return "level2", name
    return None


def _take_level(cells: list[Cell], i: int) -> tuple[tuple[str, str] | None, int]:
    for k in range(min(3, len(cells) - i), 0, -1):
        found = _level("".join(c.text.strip() for c in cells[i : i + k]), joined=k > 1)
        if found is not None:
            return found, k
    return None, 1


def _read_indicators(cells: list[Cell], draft: Draft) -> None:
    level1: str | None = None
    level2: str | None = None
    # Page-number lines (`- 3 -`) are no cells; a footer (填表人, 审核意见 …) ends the table.
    cells = [c for c in cells if not PAGE_NUMBER.match(c.text.strip())]
    end = next((n for n, c in enumerate(cells) if FOOTER.match(c.text.strip())), len(cells))
    cells = cells[:end]
    i = 0
    while i < len(cells):
        found, k = _take_level(cells, i)
        if found is not None:
            kind, name = found
            if kind == "level1":
                level1, level2 = name, None
            elif kind == "level2":
                level2 = name
            i += k
            continue
        run: list[str] = []
        first = cells[i].line
        while i < len(cells) and _take_level(cells, i)[0] is None:
            run.append(cells[i].text.strip())
            i += 1
        if len(run) == 1:
            draft.warn(f"line {first}: a cell '{run[0][:40]}' without its name or value; skipped")
            continue
        for name, target in _pairs(run):
            draft.add_indicator(level1 or implied_level1(level2), level2, name, target)


def _pairs(run: list[str]) -> list[tuple[str, str]]:
    """Name and value cells, one after the other; an odd run has a wrapped cell, joined
    where the result reads best (values that look like targets, the wrapped line longest)."""
    if len(run) % 2 == 0:
        return [(run[j], run[j + 1]) for j in range(0, len(run), 2)]
    best: list[tuple[str, str]] = []
    best_score = -1.0
    for j in range(len(run) - 1):
        joined = [*run[:j], run[j] + run[j + 1], *run[j + 2 :]]
        pairs = [(joined[m], joined[m + 1]) for m in range(0, len(joined), 2)]
        score = sum(len(value) <= 8 for _, value in pairs) + len(run[j]) / 100
        if score > best_score:
            best, best_score = pairs, score
    return best


# ----------------------------------------------------------------------------- PDF
register(NAME, sniff, parse)
