"""Generated tables of another family: Shanghai district tables (财政项目支出绩效目标申报表,
each after its narrative page 项目经费情况说明), as PyMuPDF writes their text (one table cell
per line, level names only where they change, the two goal cells side by side in quotes).

`as_district` turns a generated project of the 2020 municipal family into one of this
family (its sections, money and targets as district tables write them); `render` writes
it so that `indexer` reads it back as the same record.
"""

from __future__ import annotations

import random
from dataclasses import replace

from indexer.citations import extract_citations
from indexer.model import BudgetLine, Indicator, Project
from indexer.targets import parse_target

NATURES = ["经常性项目", "阶段性项目", "一次性项目"]
DISTRICT_CATEGORIES = ["特定目标类", "运转类", "其他运转类"]
NARRATIVE = [  # heading, section key
    ("一、项目概述", "overview"),
    ("二、立项依据", "basis"),
    ("三、实施主体", "implementer"),
    ("四、实施方案", "plan"),
    ("五、实施周期", "period"),
    ("六、年度预算安排", "budget_plan"),
]
OP_SIGNS = {">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<"}
# The line of the table's title (a record's source line): after the name line and the
# narrative's headings and texts
TITLE_LINE = 1 + 2 * len(NARRATIVE) + 2 + 1


def _yuan(value: int) -> str:
    return f"{value:,}.00"


def _target(rng: random.Random, row: Indicator) -> Indicator:
    """A row's target as district tables print rates (=100.00(%), ≥90.00(%))."""
    target = row.target
    if row.kind == "quantitative" and row.unit == "%" and row.op in OP_SIGNS:
        target = f"{OP_SIGNS[row.op]}{float(row.value):.2f}(%)"
    parsed = parse_target(target)
    return Indicator(
        row.level1, row.level2, row.name, target, parsed.op, parsed.value, parsed.unit, parsed.kind
    )


def as_district(project: Project, rng: random.Random) -> Project:
    """The project as a district table of its year: the narrative's sections from its
    own, 实施主体 and 实施周期 written out, money in yuan with its budget lines."""
    year = project.year or 2026
    sections = project.sections
    total, current = project.budget["total"], project.budget["current_year"]
    district_sections = {
        "overview": sections["overview"],
        "basis": sections["basis"],
        "implementer": f"实施单位：{project.unit}；",
        "plan": sections["plan"],
        "period": f"{year}年1月1日至{year}年12月31日。",
        "budget_plan": f"{year}年度预算安排{current / 10_000:,.2f}万元。",
        "goals_longterm": sections["necessity"],
        "goals": sections["goals"],
    }
    department = (
        project.unit.replace("上海市普陀区", "上海市普陀区人民政府") if project.unit else None
    )
    lines = [  # as the table prints them: 其中：财政资金 is read as 财政资金
        ("项目资金总额", _yuan(total), total),
        ("年度资金申请总额", _yuan(current), current),
        ("财政资金", _yuan(total), total),
        ("当年财政拨款", _yuan(current), current),
        ("上年结转资金", "0", 0),
        ("其他资金", "0", 0),  # the project's, then the year's
        ("其他资金", "0", 0),
    ]
    district = replace(
        project,
        template="sh-district-2026",
        category=rng.choice(DISTRICT_CATEGORIES),
        perf_type=None,
        gov_purchase=None,
        nature=rng.choice(NATURES),
        department=department,
        sections=district_sections,
        budget={"total": total, "current_year": current, "prev_year_budget": None,
                "prev_year_spent": None},
        budget_lines=[BudgetLine(label, printed, "元", v) for label, printed, v in lines],
        indicators=[_target(rng, row) for row in project.indicators],
    )  # fmt: skip
    district.citations = extract_citations(district.sections)
    return district


def render(project: Project) -> str:
    """The narrative page and the table, a cell per line."""
    year = project.year
    out = [f"{project.name}经费情况说明"]
    for heading, key in NARRATIVE:
        out += [f" {heading}", f" {project.sections[key]}"]
    out += [" 七、绩效目标", " 详见单位的项目绩效目标表"]
    out += ["财政项目支出绩效目标申报表", f"（{year}年度）"]
    out += ["项目名称", project.name, "项目性质", project.nature or ""]
    out += ["项目类别", project.category or "", "主管部门", project.department or ""]
    out += ["实施单位", project.unit or ""]
    out += ["计划开始日期", _date(project.start_date), "计划完成日期", _date(project.end_date)]
    total, current, funds, grant, carried, other, other_year = (
        line.printed for line in project.budget_lines
    )
    out += ["项目资金", "（元）", "项目资金总额", f"      {total} 年度资金申请总额"]
    out += [f"      {current} ", "其中：财政资金", f"      {funds} "]
    out += ["其中：当年财政拨款", f"      {grant} ", "上年结转资金", carried]
    out += ["其他资金", f"{other} 其他资金", other_year]
    out += ["项目", "绩效", "目标", "项目总目标", "年度总体目标"]
    out += [f'"{project.sections["goals_longterm"]}"', f'"{project.sections["goals"]}"']
    out += ["一级指标", "二级指标", "三级指标", "年度(/项目)指标值"]
    level1 = level2 = None
    for row in project.indicators:
        if row.level1 != level1:
            out.append(row.level1 or "")
            level1, level2 = row.level1, None
        if row.level2 != level2:
            out.append(row.level2 or "")
            level2 = row.level2
        out += [row.name, row.target]
    return "\n".join(out) + "\n"


def _date(iso: str | None) -> str:
    """2026-01-01 as the table prints it: 2026/1/1."""
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{y}/{int(m)}/{int(d)}"
