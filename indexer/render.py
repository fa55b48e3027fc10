"""Write records back in the source layout: for round-trip tests and generated corpora.

The layout follows the sample: header rows with two labels, section values hard-wrapped
at `width` characters (inside words and numbers), page-number lines every `page_every`
lines, the indicator table with level names only where they change.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .model import Project
from .vocabulary import (
    BUDGET_HEADING,
    BUDGET_LABELS,
    INDICATOR_HEADER,
    SECTION_LABELS,
    TABLE_TITLE,
)

# The 项目名称 cell holds this many characters per line in the sample.
NAME_CELL = 12

_UNSET = object()


def _wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def _amount(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def _pair(label1: str, value1: str, label2: str, value2: str) -> str:
    return f"{label1}： {value1} {label2}： {value2}".rstrip()


def _name_lines(project: Project) -> list[str]:
    if len(project.name) <= NAME_CELL:
        return [_pair("项目名称", project.name, "项目类别", project.category)]
    lines = ["项目名称："]
    for i, chunk in enumerate(_wrap(project.name, NAME_CELL)):
        lines += [chunk] if i == 0 else ["", chunk]
    return [*lines, f"项目类别： {project.category}".rstrip()]


def _section_lines(project: Project, width: int, displace_labels: bool) -> list[str]:
    lines: list[str] = []
    previous = ""
    for number, (label, key) in enumerate(SECTION_LABELS.items()):
        value = project.sections[key]
        if len(value) <= width:
            lines += [f"{label}： {value}".rstrip(), ""]
        else:
            wrapped = _wrap(value, width)
            # Like the PDF, put the label inside its value, after the first third. Only
            # where the previous value ends in a short line: else no reader could tell
            # where that value ends, and neither can the parser.
            if (
                displace_labels
                and number > 0
                and len(wrapped) >= 3
                and previous
                and len(previous) % width
            ):
                cut = len(wrapped) // 3
                lines += [*wrapped[:cut], f" {label}：", "", *wrapped[cut:], ""]
            else:
                lines += [f"{label}：", *wrapped, ""]
        previous = value
    return lines


def _indicator_lines(project: Project, inline_levels: bool) -> list[str]:
    lines = [f"{project.year}年绩效目标", " ".join(INDICATOR_HEADER), ""]
    level1: Any = _UNSET
    level2: Any = _UNSET
    for row in project.indicators:
        heads = []
        if row.level1 != level1:
            level1, level2 = row.level1, _UNSET
            heads += [row.level1] if row.level1 else []
        if row.level2 != level2:
            level2 = row.level2
            heads += [row.level2] if row.level2 else []
        if inline_levels:
            lines += [" ".join([*heads, row.name, row.target]), ""]
        else:
            for head in heads:
                lines += [head, ""]
            lines += [f"{row.name} {row.target}", ""]
    return lines


def _with_page_numbers(lines: list[str], page_every: int) -> list[str]:
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and page_every and i % page_every == 0:
            out += ["", f"- {i // page_every} -", ""]
        out.append(line)
    return out


def render(
    record: Project | dict[str, Any],
    width: int = 40,
    *,
    page_every: int = 45,
    inline_levels: bool = False,
    displace_labels: bool = False,
) -> str:
    """Render one record as source text; its title is on line 1.

    `inline_levels` writes changed level names at the start of a row
    (`满意度 检察院工作人员满意度 >=90%`) instead of alone on a line.
    `displace_labels` moves a long section's label into its value, as the PDF does.

    What the source layout cannot carry is not kept: white space at a wrap point, and a
    level-2 name that goes back to none under the same level 1.
    """
    project = record if isinstance(record, Project) else Project.from_dict(record)
    budget = project.budget
    amounts = [_amount(budget[key]) for key in BUDGET_LABELS.values()]
    labels = list(BUDGET_LABELS)
    gov = {True: "是", False: "否", None: ""}[project.gov_purchase]
    lines = [
        TABLE_TITLE,
        f"（{project.year}年度）",
        "",
        f"申报单位名称：{project.unit}",
        "",
        *_name_lines(project),
        "",
        _pair("计划开始日期", project.start_date or "", "计划完成日期", project.end_date or ""),
        "",
        _pair("是否含有政府购买服务", gov, "绩效类型", project.perf_type),
        "",
        *_section_lines(project, width, displace_labels),
        BUDGET_HEADING,
        _pair(labels[0], amounts[0], labels[1], amounts[1]),
        "",
        _pair(labels[2], amounts[2], labels[3], amounts[3]),
        "",
        *_indicator_lines(project, inline_levels),
    ]
    return "\n".join(_with_page_numbers(lines, page_every)) + "\n"


def render_many(
    records: Iterable[Project | dict[str, Any]], width: int = 40, **options: Any
) -> str:
    """Render several records into the text of one file, one table after another."""
    return "".join(render(record, width, **options) for record in records)
