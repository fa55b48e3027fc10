"""A table's narrative page, 项目经费情况说明 (一、项目概述 二、立项依据 … 七、绩效目标), printed
before the table in some families: its parts fill the record's sections (SPEC §2a)."""

from __future__ import annotations

import re

from ..formats.document import Page

NARRATIVE_TITLE = re.compile(r"项目经费情况说明\s*$")
# 一、项目概述 … : heading -> section key (None: a part whose text is not kept).
NARRATIVE_HEADINGS: dict[str, str | None] = {
    "项目概述": "overview",
    "项目概况": "overview",
    "立项依据": "basis",
    "实施主体": "implementer",
    "实施方案": "plan",
    "实施周期": "period",
    "年度预算安排": "budget_plan",
    "绩效目标": None,
}
HEADING = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*(?P<title>\S+?)\s*$")
GOAL_TITLE = re.compile(r"绩效目标(?:申报)?表")


def narrative_sections(lines: list[str]) -> dict[str, str]:
    """The sections of a 项目经费情况说明 page (its lines, heading included), wraps joined.
    A part under a heading we do not know is not kept either."""
    sections: dict[str, list[str]] = {}
    key: str | None = None
    for line in lines:
        heading = HEADING.match(line)
        if heading:
            key = NARRATIVE_HEADINGS.get(heading["title"])
            if key:
                sections.setdefault(key, [])
            continue
        if key and line.strip():
            sections[key].append(line.strip())
    return {k: "".join(v) for k, v in sections.items() if v}


def narrative_before(pages: list[Page], page: Page) -> dict[str, str]:
    """The sections of the narrative that belongs to the table on `page`: the pages before
    it back to the previous table, and the page's own text above the table's title; only
    if they hold a 项目经费情况说明 title (a department's own narrative is no project's)."""
    before: list[str] = []
    for previous in reversed(pages[: page.number - 1]):
        if previous.tables:
            break
        before[:0] = previous.lines
        if any(NARRATIVE_TITLE.search(line) for line in previous.lines):
            break
    title_at = next((n for n, line in enumerate(page.lines) if GOAL_TITLE.search(line)), 0)
    lines = [*before, *page.lines[:title_at]]
    if not any(NARRATIVE_TITLE.search(line) for line in lines):
        return {}
    return narrative_sections(lines)
