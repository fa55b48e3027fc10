"""Central departments' 项目绩效目标表 (2023 and later): one ruled table per page at the end of
a department budget (PDF), after pages of other budget tables that are not records.

项目名称; 主管部门及代码 `[173]中国科学院`; 实施单位; 项目资金（万元） with 年度资金总额 /
其中：财政拨款 / 上年结转资金 / 其他资金 and a side cell 执行率分值（10）; 年度总体目标 (label
printed one character per line); indicators 一级指标 二级指标 三级指标 指标值 分值权重（90）.
The grid reader reads it; this layout names the family and claims it.
"""

from __future__ import annotations

from ..formats.document import Document
from ..model import ParseResult
from .base import register
from .grid import Reader

NAME = "central-2023"


def sniff(document: Document) -> float:
    if document.kind != "pdf":
        return 0.0
    for page in document.pages:
        text = "".join(page.lines).replace(" ", "")
        if page.tables and "主管部门及代码" in text and "项目绩效目标表" in text:
            return 0.9
    return 0.0


def parse(document: Document) -> ParseResult:
    return Reader(NAME, document).read()


register(NAME, sniff, parse)
