"""The vocabulary of performance-goal tables: titles, field labels, level names, operators."""

from __future__ import annotations

# Han characters, for patterns: CJK Extension A, Unified Ideographs, Compatibility Ideographs.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# A table starts at this line, followed by the year line （2020年度）.
TABLE_TITLE = "财政项目支出绩效目标表"

# Header labels (each followed by a full-width colon in the source) and the record
# field they fill. Order is the order of the printed table, which the renderer follows.
HEADER_LABELS: dict[str, str] = {
    "申报单位名称": "unit",
    "项目名称": "name",
    "项目类别": "category",
    "计划开始日期": "start_date",
    "计划完成日期": "end_date",
    "是否含有政府购买服务": "gov_purchase",
    "绩效类型": "perf_type",
}

# The six narrative sections: label -> key in record["sections"].
SECTION_LABELS: dict[str, str] = {
    "项目概况": "overview",
    "立项依据": "basis",
    "项目设立的必要性": "necessity",
    "保证项目实施的制度、措施": "safeguards",
    "项目实施计划": "plan",
    "总目标及阶段性目标": "goals",
}
SECTION_KEYS: tuple[str, ...] = tuple(SECTION_LABELS.values())
# Section key -> its name as a reader says it (the label without its colon), and the
# indicator table's.
SECTION_NAMES: dict[str, str] = {key: label for label, key in SECTION_LABELS.items()} | {
    "indicators": "绩效指标",
    # sections of other templates (SPEC §2a): the long-term goal beside the annual one, and
    # the narrative page 项目经费情况说明 of district tables
    "goals_longterm": "项目总目标",
    "implementer": "实施主体",
    "period": "实施周期",
    "budget_plan": "年度预算安排",
}
# Template -> section key -> its label there, where it differs from SECTION_NAMES.
TEMPLATE_SECTION_NAMES: dict[str, dict[str, str]] = {
    "sh-district-2026": {"goals": "年度总体目标", "overview": "项目概述", "plan": "实施方案"},
    "central-2023": {"goals": "年度总体目标"},
    "grid": {"goals": "年度目标", "goals_longterm": "中期（总体）目标"},
}
# Template name -> how pages name it (the facet 表样).
TEMPLATE_NAMES: dict[str, str] = {
    "sh-municipal-2020": "上海市级（2020）",
    "sh-district-2026": "上海区级（2026）",
    "central-2023": "中央部门（2023）",
    "grid": "其他表样（通用读取）",
}


def section_name(key: str, template: str | None = None) -> str:
    """A section's label in a template's own words (年度总体目标 …), else the common one."""
    return TEMPLATE_SECTION_NAMES.get(template or "", {}).get(key) or SECTION_NAMES.get(key, key)


# The heading line above the four amounts; it carries no value of its own.
BUDGET_HEADING = "本项目上年度市级财政资金使用情况"

# Amount labels (yuan) -> key in record["budget"].
BUDGET_LABELS: dict[str, str] = {
    "项目总预算（元）": "total",
    "项目当年预算（元）": "current_year",
    "同名项目上年预算额（元）": "prev_year_budget",
    "同名项目上年预算执行数（元）": "prev_year_spent",
}
BUDGET_KEYS: tuple[str, ...] = tuple(BUDGET_LABELS.values())

# Every label the header parser recognises.
ALL_LABELS: dict[str, str] = {**HEADER_LABELS, **SECTION_LABELS, **BUDGET_LABELS}

# The column header of the indicator table.
INDICATOR_HEADER = ("一级目标", "二级目标", "三级目标", "指标目标值")

# Level-1 names: the Shanghai municipal template (our sample) and the national framework
# (财预〔2020〕10号) used by newer and district tables.
LEVEL1_NAMES: frozenset[str] = frozenset(
    {
        "投入与管理",
        "产出目标",
        "效果目标",
        "影响力目标",
        "成本指标",
        "产出指标",
        "效益指标",
        "满意度指标",
    }
)

# Level-2 names, both families. Disjoint from LEVEL1_NAMES (a test checks it).
LEVEL2_NAMES: frozenset[str] = frozenset(
    {
        # Shanghai municipal template
        "投入管理",
        "财务管理",
        "实施管理",
        "数量",
        "质量",
        "时效",
        "成本",
        "社会效益",
        "经济效益",
        "环境效益",
        "生态效益",
        "满意度",
        "长效管理",
        "人力资源",
        "部门协助",
        "可持续影响",
        # national framework
        "数量指标",
        "质量指标",
        "时效指标",
        "经济成本指标",
        "社会成本指标",
        "生态环境成本指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "服务对象满意度指标",
    }
)

LEVEL_NAMES: frozenset[str] = LEVEL1_NAMES | LEVEL2_NAMES

# Comparison operators as written in targets, normalized to ASCII.
OPERATORS: dict[str, str] = {
    ">=": ">=",
    "≥": ">=",
    "≧": ">=",
    "=>": ">=",
    "<=": "<=",
    "≤": "<=",
    "≦": "<=",
    "=<": "<=",
    "=": "=",
    "＝": "=",
    "═": "=",
    ">": ">",
    "＞": ">",
    "﹥": ">",
    "<": "<",
    "＜": "<",
    "﹤": "<",
}

# Operators written in words ("不低于90%").
WORD_OPERATORS: dict[str, str] = {
    "不低于": ">=",
    "不少于": ">=",
    "不小于": ">=",
    "大于等于": ">=",
    "不高于": "<=",
    "不超过": "<=",
    "不多于": "<=",
    "不大于": "<=",
    "小于等于": "<=",
    "等于": "=",
    "大于": ">",
    "高于": ">",
    "超过": ">",
    "小于": "<",
    "低于": "<",
}

YES_NO: dict[str, bool] = {"是": True, "否": False}
