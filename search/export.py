"""CSV downloads: the rows of searches, projects, regulations and the indicator library,
written by `indexer.csvfile.to_csv` (Excel's encoding; no cell runs as a formula)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from indexer.model import Project

from .indicators import IndicatorGroup
from .urls import project_url


def file_name(*words: str, day: date | None = None) -> str:
    """A download's file name: its words (a query among them) and the day, without the
    characters file systems refuse, at most 60 characters before `.csv`."""
    said = "-".join(
        w for w in (re.sub(r'[\\/:*?"<>|\s\x00-\x1f]+', "_", w).strip("_.") for w in words) if w
    )
    return f"{said[:60]}-{(day or date.today()).isoformat()}.csv"


def project_rows(projects: Iterable[Project], base_url: str) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of the project list: one row a table."""
    header = ["项目名称", "年度", "申报/实施单位", "主管部门", "项目类别", "绩效类型",
              "项目总预算（元）", "当年预算（元）", "链接"]  # fmt: skip
    rows = [
        [
            p.name, p.year or "", p.unit, p.department or "", p.category or "",
            p.perf_type or "", p.budget.get("total") or "", p.budget.get("current_year") or "",
            base_url.rstrip("/") + project_url(p.id),
        ]
        for p in projects
    ]  # fmt: skip
    return header, rows


def citing_rows(
    passages: Iterable[dict[str, Any]], base_url: str
) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of a regulation's citing projects: one row a citing section."""
    header = ["项目名称", "栏目", "链接"]
    rows = [
        [p["project_name"], p["section_label"], base_url.rstrip("/") + p["url"]] for p in passages
    ]
    return header, rows


def search_rows(answer: dict[str, Any], base_url: str) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of a search export (`views.export_view`'s answer); links relative,
    or under `base_url` if set. A last row says so when there were more hits than rows."""
    header = ["结果类型", "项目名称", "栏目", "指标", "内容", "链接"]
    rows = [
        [
            hit["kind_label"],
            hit["project_name"],
            hit["section_label"] or "",
            hit["indicator"] or "",
            hit["text"],
            base_url.rstrip("/") + hit["url"],
        ]
        for hit in answer["hits"]
    ]
    if answer["total"] > len(rows):
        rows.append([f"仅导出前 {len(rows)} 条结果（共 {answer['total']} 条）。"])
    return header, rows


def library_rows(groups: Iterable[IndicatorGroup]) -> tuple[list[str], list[list[Any]]]:
    header = [
        "一级目标",
        "二级目标",
        "三级目标",
        "项目数",
        "目标值分布",
        "最小值",
        "中位数",
        "最大值",
        "单位",
        "项目",
    ]
    rows = []
    for group in groups:
        stats = group.stats() or {}
        rows.append(
            [
                group.level1 or "",
                group.level2 or "",
                group.name,
                group.project_count,
                "；".join(f"{t['target']} × {t['count']}" for t in group.targets()),
                stats.get("min", ""),
                stats.get("median", ""),
                stats.get("max", ""),
                stats.get("unit", ""),
                "；".join(dict.fromkeys(p.name for p, _ in group.rows)),
            ]
        )
    return header, rows
