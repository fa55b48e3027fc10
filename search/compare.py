"""Projects side by side: their headers, money and indicators, the indicators aligned by
level and name so that a reviewer reads one line per indicator across the tables.

Rows align when their names are the same once normalized (`indexer.targets.normalize_name`),
or mean nearly the same as the indicator library measures it (`indicators.similarity`,
within the same 一级 level): 检察院工作人员满意度 and 工作人员满意度 share a line. A line
whose targets differ between the projects that have it is marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from indexer.model import Indicator, Project
from indexer.money import format_yuan
from indexer.targets import normalize_name

from .indicators import similarity

MIN_PROJECTS, MAX_PROJECTS = 2, 5
ALIGN_SCORE = 80.0  # similarity at which two names share a line


@dataclass
class Line:
    """One indicator across the projects: per project, its row (or None)."""

    level1: str | None
    level2: str | None
    key: str
    rows: list[Indicator | None] = field(default_factory=list)

    @property
    def differs(self) -> bool:
        targets = {normalize_name(r.target) for r in self.rows if r is not None}
        return len(targets) > 1 or any(r is None for r in self.rows)


def aligned(projects: list[Project]) -> list[Line]:
    """Every indicator of the projects, one line per indicator, in the first project's
    order; another project's row that finds no line gets one after its level's lines.
    A project's rows of the same name as a line take it first; only then do the others
    look for a line of nearly the same name (so a near name never takes the line of one
    that is the same)."""
    lines: list[Line] = []
    for n, project in enumerate(projects):
        rows = [(row, normalize_name(row.name)) for row in project.indicators]
        placed: dict[int, Line] = {}
        for at, (_, key) in enumerate(rows):
            same = next((ln for ln in lines if ln.rows[n] is None and ln.key == key), None)
            if same is not None:
                same.rows[n] = project.indicators[at]
                placed[at] = same
        for at, (row, key) in enumerate(rows):
            if at in placed:
                continue
            line = _near_line(lines, row, key, n)
            if line is None:
                line = Line(row.level1, row.level2, key, [None] * len(projects))
                lines.insert(_place(lines, line), line)
            line.rows[n] = row
    return lines


def _place(lines: list[Line], new: Line) -> int:
    """Where a new line goes: after the last line of its levels, else of its 一级 level,
    else at the end."""
    for same in (
        lambda line: (line.level1, line.level2) == (new.level1, new.level2),
        lambda line: line.level1 == new.level1,
    ):
        at = [n for n, line in enumerate(lines) if same(line)]
        if at:
            return at[-1] + 1
    return len(lines)


def _near_line(lines: list[Line], row: Indicator, key: str, n: int) -> Line | None:
    """The free line (no row of this project yet) of the most similar name under the same
    一级 level, if it is similar enough; names of other measures (培训人数, 培训人数达标率)
    never share one."""
    scored = [
        (similarity(key, line.key), line)
        for line in lines
        if line.rows[n] is None
        and line.level1 == row.level1
        and key
        and _measure(line.key) == _measure(key)
    ]
    best = max(scored, key=lambda item: item[0], default=(0.0, None))
    return best[1] if best[0] >= ALIGN_SCORE else None


def _measure(key: str) -> str:
    """What a name measures by its last character when that says a measure (率, 度, 性,
    数): 培训人数 counts, 培训人数达标率 is a rate."""
    return key[-1:] if key[-1:] in "率度性数量额" else ""


def header_lines(projects: list[Project]) -> list[dict[str, Any]]:
    """The header and money, one line per field, marked where the projects differ."""
    fields = [
        ("年度", lambda p: str(p.year or "")),
        ("申报单位", lambda p: p.unit or ""),
        ("主管部门", lambda p: p.department or ""),
        ("项目类别", lambda p: p.category or ""),
        ("项目性质", lambda p: p.nature or ""),
        ("实施期限", lambda p: _period(p.start_date, p.end_date)),
        ("项目总预算", lambda p: _money(p.budget.get("total"))),
        ("当年预算", lambda p: _money(p.budget.get("current_year"))),
        ("指标数", lambda p: str(len(p.indicators))),
    ]
    lines = []
    for label, read in fields:
        values = [read(p) for p in projects]
        if any(values):
            lines.append({"label": label, "values": values, "differs": len(set(values)) > 1})
    return lines


def _period(start: str | None, end: str | None) -> str:
    if not (start or end):
        return ""
    return f"{start or '？'}–{end or '？'}"


def _money(yuan: int | None) -> str:
    return format_yuan(yuan) if yuan is not None else ""


def compare_ids(text: str) -> list[str]:
    """The project ids of `ids=a,b,c` (spaces and repeats dropped), in order."""
    return list(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
