"""The generic layout: any ruled table whose header cells say 一级指标 / 二级指标 / 三级指标 /
指标值 (or their synonyms, FAMILIES.md) becomes a record, whatever family printed it.

Header cells are read as label → value pairs through the synonym tables of `fields`; the
indicator block's columns get roles from its header row (split comparator columns, weights,
two halves 中期 | 年度); level 1 and 2 are carried down merged cells and across a page break
(a table that continues on the next page, header repeated or not, continues the record).
Other families' layouts (central-2023, sh-district-2026 as PDF) use this reader with their
own template name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..formats.document import Cell, Document, Page, Table
from ..model import Diagnostic, ParseResult
from .base import register
from .fields import (
    Draft,
    Label,
    fold,
    implied_level1,
    join_wrapped,
    level_name,
    money_unit_in,
    parse_weight,
    read_label,
    split_target,
    year_in,
)
from .narrative import GOAL_TITLE, narrative_before

NAME = "grid"

# Column header text (folded, notes dropped) -> role.
COLUMN_ROLES: dict[str, str] = {
    **dict.fromkeys(("一级指标", "一级目标", "一级"), "level1"),
    **dict.fromkeys(("二级指标", "二级目标", "二级"), "level2"),
    **dict.fromkeys(
        (
            "三级指标",
            "三级目标",
            "三级指标内容",
            "指标内容",
            "指标名称",
            "三级指标名称",
            "绩效指标名称",
        ),
        "name",
    ),
    **dict.fromkeys(
        (
            "指标值",
            "指标目标值",
            "年度指标值",
            "年度(/项目)指标值",
            "项目指标值",
            "指标值及单位",
            "当年预期实现值",
            "指标值(包含数字及文字描述)",
            "目标值",
            "预期目标值",
            "年度目标值",
            "绩效指标值",
            "绩效目标值",
        ),
        "value",
    ),
    **dict.fromkeys(("指标性质", "计算符号", "符号", "比较符"), "op"),
    **dict.fromkeys(("度量单位", "计量单位", "单位"), "unit"),
    **dict.fromkeys(("分值", "权重", "分值权重", "指标权重", "权重(%)", "分值(权重)"), "weight"),
}
_ROLE_NOTE = re.compile(r"[(（][^()（）]*\d[^()（）]*[)）]$")
# Rows after the indicators that end a table's indicator block.
FOOTER = re.compile(r"^(?:填表人|联系电话|审核意见|财政部门审核意见|部门审核意见|备注|说明[:：])")


def role_of(text: str) -> str | None:
    folded = fold(text).rstrip(":")
    if folded in COLUMN_ROLES:
        return COLUMN_ROLES[folded]
    return COLUMN_ROLES.get(_ROLE_NOTE.sub("", folded))


@dataclass
class Columns:
    """Where an indicator block's parts are: role -> grid column (the annual half's)."""

    roles: dict[str, int]
    width: int
    lefts: dict[str, float] = field(default_factory=dict)  # role -> x of its column

    def on(self, table: Table) -> Columns | None:
        """The same columns on another table (a continued page drawn with other column
        lines): each role at the column nearest its x, or None if name or value has none."""
        lefts = column_lefts(table)
        roles: dict[str, int] = {}
        for role, x in self.lefts.items():
            near = min(range(len(lefts)), key=lambda c: abs(lefts[c] - x), default=None)
            if near is not None and abs(lefts[near] - x) <= COLUMN_TOLERANCE:
                roles[role] = near
        moved = Columns(roles, table.cols, dict(self.lefts))
        distinct = len(set(roles.values())) == len(roles)
        return moved if moved.complete and distinct else None

    @property
    def complete(self) -> bool:
        return "name" in self.roles and "value" in self.roles


# Columns of two tables closer than this (points) are the same column.
COLUMN_TOLERANCE = 8.0


def column_lefts(table: Table) -> list[float]:
    """The x of each grid column's left line (the leftmost cell starting there)."""
    lefts = [float("inf")] * table.cols
    for cell in table.cells:
        lefts[cell.col] = min(lefts[cell.col], cell.left)
    return lefts


def indicator_columns(grid: list[list[Cell | None]], r: int) -> Columns | None:
    """The indicator header in row `r` (and the row below, where the value column is split
    into 指标性质 | 指标值 | 度量单位 under one heading), or None."""
    found = _roles_in_row(grid, r)
    names = [col for col, role in found if role == "name"]
    if not names or not any(role in ("level1", "level2") for _, role in found):
        return None
    if r + 1 < len(grid):
        below = dict((col, role) for col, role in _roles_in_row(grid, r + 1))
        if below and set(below.values()) <= {"op", "value", "unit", "weight"}:
            found = [(c, role) for c, role in found if c not in below] + sorted(below.items())
            found.sort()
    roles: dict[str, int] = {}
    if len(names) > 1:  # two halves (中期 | 年度): take the annual one
        start = _annual_half_start(grid, r, names)
        shared = [(c, role) for c, role in found if c < min(names) and role == "level1"]
        level2_cols = [c for c, role in found if role == "level2"]
        # A half starts at its level-2 column (or its name column).
        starts = sorted(max((c for c in level2_cols if c <= n), default=n) for n in sorted(names))
        begin = max(s for s in starts if s <= start)
        after = [s for s in starts if s > begin]
        end = after[0] if after else None
        found = shared + [(c, role) for c, role in found if c >= begin and (end is None or c < end)]
    for col, role in found:
        roles.setdefault(role, col)
    columns = Columns(roles, len(grid[r]))
    return columns if columns.complete else None


def _roles_in_row(grid: list[list[Cell | None]], r: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    seen: set[int] = set()
    for col, cell in enumerate(grid[r]):
        if cell is None or id(cell) in seen:
            continue
        seen.add(id(cell))
        role = role_of(cell.text)
        if role:
            out.append((col, role))
    return out


def _annual_half_start(grid: list[list[Cell | None]], r: int, names: list[int]) -> int:
    """The name column of the half whose heading (the row above) says 年度; else the last."""
    if r > 0:
        for n in names:
            above = grid[r - 1][n]
            if above is not None and above.row < r:
                text = fold(above.text)
                if "年度" in text and "中期" not in text:
                    return n
    return max(names)


@dataclass
class Reader:
    """Reads a document's tables into records of one template."""

    template: str
    document: Document
    result: ParseResult = field(default_factory=ParseResult)
    draft: Draft | None = None
    columns: Columns | None = None
    carry: tuple[str | None, str | None, Cell | None] = (None, None, None)
    unit: str | None = None  # money unit of the page (`金额单位：万元`)
    last_page: int = 0  # the page of the open record's last table
    record_unit: str | None = None  # the money unit the open record's labels last named

    def read(self) -> ParseResult:
        for page in self.document.pages:
            self.unit = money_unit_in("\n".join(page.lines)) or self.unit
            for table in page.tables:
                self._table(page, table)
        self._close()
        return self.result

    # ------------------------------------------------------------------ tables
    def _table(self, page: Page, table: Table) -> None:
        grid = table.grid()
        starts_record = any(
            (label := read_label(cell.text)) is not None and label.key == "name"
            for cell in table.cells
        )
        if starts_record:
            self._close()
            self.draft = Draft(self.template, self.document.file, page=page.number)
            self.draft.year = year_in(page.lines[:12]) or year_in(page.lines)
            self.columns = None
            self.carry = (None, None, None)
            self.record_unit = self.unit
            self.on_start(self.draft, page)
        elif not self._continues(page, table, grid):
            self._close()
            self._unknown(page, table, grid)
            return
        self.last_page = page.number
        lefts = column_lefts(table)
        pending: list[tuple[Label, int, int]] = []
        for r in range(table.rows):
            header = indicator_columns(grid, r)
            if header is not None:  # also the header repeated on a continued page
                header.lefts = {role: lefts[col] for role, col in header.roles.items()}
                self.columns = header
                continue
            if self.columns is not None:  # indicator rows, up to a footer row
                if not self._indicator_row(grid, r):
                    self.columns = None
                continue
            pending = self._header_row(grid, r, pending)

    def _continues(self, page: Page, table: Table, grid: list[list[Cell | None]]) -> bool:
        """Whether a table without a project name continues the open record: on the same
        or the next page, starting with the indicator header repeated, or with indicator
        rows while the record's indicator block is open (no footer seen), in columns at
        the same places."""
        if self.draft is None or page.number > self.last_page + 1:
            return False
        first = next(
            (r for r in range(table.rows) if any(c and c.text.strip() for c in grid[r])), None
        )
        if first is None:
            return False
        if indicator_columns(grid, first) is not None:
            return True
        if self.columns is None:
            return False
        moved = self.columns.on(table)
        if moved is not None:
            name_cell = grid[first][moved.roles["name"]]
            if name_cell is None or read_label(name_cell.text) is not None:
                moved = None  # its first row is no indicator row: another table
        if moved is None:
            self.draft.warn(
                f"a table on page {page.number} after this one has no header and its columns "
                "do not line up with the indicator columns: not read as its continuation"
            )
            return False
        self.columns = moved
        return True

    def _unknown(self, page: Page, table: Table, grid: list[list[Cell | None]]) -> None:
        """A table before any record: another budget table (skipped quietly), unless it
        sits under a goal-table title or has indicator columns (then its shape is unknown)."""
        has_columns = any(indicator_columns(grid, r) for r in range(table.rows))
        titled = any(GOAL_TITLE.search(line) for line in page.lines)
        if has_columns or titled:
            self.result.diagnostics.append(
                Diagnostic(
                    self.document.file,
                    0,
                    "warning",
                    "a table under a performance-goal title without 项目名称 and the indicator "
                    "columns 一级指标/二级指标/三级指标/指标值: unknown table shape; skipped",
                    page=page.number,
                )
            )

    def on_start(self, draft: Draft, page: Page) -> None:
        """A new record: the narrative page before its table (项目经费情况说明) fills its
        sections."""
        draft.sections.update(narrative_before(self.document.pages, page))

    # ------------------------------------------------------------------ header rows
    def _header_row(
        self, grid: list[list[Cell | None]], r: int, pending: list[tuple[Label, int, int]]
    ) -> list[tuple[Label, int, int]]:
        """Label → value pairs of one row. Returns the labels of a row of labels only (the
        values are in the row below, in the same columns: 项目总目标 | 年度总体目标)."""
        draft = self.draft
        assert draft is not None
        cells = _row_cells(grid, r)
        # The money unit: the page's (金额单位：万元), then the last label that named one in
        # this record's table (项目资金（元）) holds for the labels after it.
        for cell in cells:
            label = read_label(cell.text)
            if label and label.unit and label.kind in ("group", "money"):
                self.record_unit = label.unit
                break
        unit = self.record_unit
        if pending:
            used = False
            for label, first, last in pending:
                value = next(
                    (c for c in cells if c.row == r and first <= c.col <= last and c.text.strip()),
                    None,
                )
                if value is not None and read_label(value.text) is None:
                    used = draft.put(label, value.text, unit) or used
            if used:
                return []
        labels_only: list[tuple[Label, int, int]] = []
        values_seen = False
        i = 0
        while i < len(cells):
            cell = cells[i]
            label = read_label(cell.text)
            if label is None:
                label, value = _label_and_value(cell.text)
                if label is not None:
                    draft.put(label, value, unit)
                elif cell.text.strip() and cell.row == r:
                    values_seen = True
                i += 1
                continue
            if label.kind == "group":
                i += 1
                continue
            nxt = cells[i + 1] if i + 1 < len(cells) else None
            if nxt is not None and nxt.text.strip() and read_label(nxt.text) is None:
                if cell.row == r or nxt.row == r:
                    draft.put(label, nxt.text, unit)
                i += 2
                continue
            if cell.row == r:
                labels_only.append((label, cell.col, cell.col + cell.colspan - 1))
            i += 1
        return [] if values_seen else labels_only

    # ------------------------------------------------------------------ indicator rows
    def _indicator_row(self, grid: list[list[Cell | None]], r: int) -> bool:
        """Add one indicator row. False at the end of the block (a footer row)."""
        draft, columns = self.draft, self.columns
        assert draft is not None and columns is not None
        roles = columns.roles

        def cell(role: str) -> Cell | None:
            col = roles.get(role)
            return grid[r][col] if col is not None and col < len(grid[r]) else None

        def text(role: str) -> str:
            found = cell(role)
            return found.text if found is not None else ""

        row_cells = _row_cells(grid, r)
        first = join_wrapped(row_cells[0].text) if row_cells else ""
        if FOOTER.match(first) or (
            len(row_cells) == 1 and row_cells[0].colspan >= max(roles.values()) + 1
        ):
            return False
        name = join_wrapped(text("name"))
        if "op" in roles or "unit" in roles:
            target, parsed = split_target(text("op"), text("value"), text("unit"))
        else:
            target, parsed = join_wrapped(text("value")), None
        level1_cell = cell("level1")
        level1 = level_name(level1_cell.text) if level1_cell is not None else ""
        level2 = level_name(text("level2"))
        carried1, carried2, carried_cell = self.carry
        if not level1:
            level1 = carried1 or ""
            level1_cell = carried_cell
        if not level2 and level1 == carried1:
            level2 = carried2 or ""
        self.carry = (level1 or None, level2 or None, level1_cell)
        if not name and not target:
            return True
        if not name:
            draft.warn(f"indicator row without a name (target '{target}') skipped")
            return True
        weight = parse_weight(text("weight")) if "weight" in roles else None
        draft.add_indicator(
            level1 or implied_level1(level2), level2 or None, name, target, weight, parsed
        )
        return True

    def _close(self) -> None:
        if self.draft is None:
            return
        project = self.draft.finish()
        self.result.diagnostics.extend(self.draft.diagnostics)
        if project is not None:
            self.result.projects.append(project)
        self.draft = None
        self.columns = None


def _row_cells(grid: list[list[Cell | None]], r: int) -> list[Cell]:
    """The distinct cells covering row `r`, left to right."""
    out: list[Cell] = []
    seen: set[int] = set()
    for cell in grid[r]:
        if cell is not None and id(cell) not in seen:
            seen.add(id(cell))
            out.append(cell)
    return out


_INLINE = re.compile(r"^(?P<label>[^:：\d]{2,20})[:：]\s*(?P<value>.+)$", re.S)


def _label_and_value(text: str) -> tuple[Label | None, str]:
    """`年度资金总额：16,158.00` printed in one cell -> (label, value)."""
    found = _INLINE.match(text.strip())
    if not found:
        return None, ""
    label = read_label(found["label"])
    return (label, found["value"]) if label is not None and label.kind != "group" else (None, "")


def sniff(document: Document) -> float:
    """Any ruled table with indicator columns: a weak claim, any specific layout wins. A
    table under a goal-table title without them: weaker still, to say its shape is unknown."""
    titled = 0.0
    for page in document.pages:
        for table in page.tables:
            grid = table.grid()
            if any(indicator_columns(grid, r) for r in range(min(table.rows, 40))):
                return 0.5
            if any(GOAL_TITLE.search(line) for line in page.lines):
                titled = 0.1
    return titled


def parse(document: Document) -> ParseResult:
    return Reader(NAME, document).read()


register(NAME, sniff, parse)
