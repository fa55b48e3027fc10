"""What the table layouts share: the label synonyms of every family (FAMILIES.md), how a
printed label maps to a record field, money in integer yuan, dates, tick boxes and level
names, and `Draft`, the record a layout fills cell by cell.

Nothing here knows bytes or positions: layouts hand it label and value texts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ..enrich import enrich
from ..model import BudgetLine, Diagnostic, Indicator, Project, Source
from ..targets import parse_number, parse_target
from ..textio import MAX_SECTION_CHARS, MAX_VALUE_CHARS
from ..vocabulary import OPERATORS

# ----------------------------------------------------------------------------- labels
# Record field -> the labels that print it, in any family (compared folded: no spaces,
# half-width brackets, no colon). Longest match wins where one label holds another.
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "name": (
        "项目名称",
        "项目支出名称",
        "专项名称",
        "项目(专项)名称",
        "二级项目名称",
        "项目名",
        "项目名称及编码",
        "项目名称及代码",
    ),
    "department": (
        "主管部门",
        "主管部门及代码",
        "主管部门及其编码",
        "主管部门及编码",
        "预算部门",
        "业务主管部门",
        "项目主管部门",
        "部门",
    ),
    "unit": (
        "实施单位",
        "项目实施单位",
        "项目执行单位",
        "具体实施单位",
        "申报单位",
        "申报单位名称",
        "预算单位",
        "填报单位",
        "项目单位",
    ),
    "nature": ("项目性质", "项目属性"),
    "category": ("项目类别", "项目分类", "项目类型"),
    "start_date": ("计划开始日期", "开始日期", "项目开始日期"),
    "end_date": ("计划完成日期", "完成日期", "计划结束日期", "项目完成日期", "结束日期"),
    "period": ("项目起止时间", "项目期", "实施周期", "建设周期", "项目周期", "起止时间"),
}
# Section key -> labels of a text cell in the table.
SECTION_FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "goals": (
        "年度总体目标",
        "年度目标",
        "本年度绩效目标",
        "年度绩效目标",
        "年度绩效目标(文字)",
        "当年绩效目标",
        "绩效目标",
        "总体目标",
        "总目标及阶段性目标",
        "年度总目标",
    ),
    "goals_longterm": (
        "项目总目标",
        "项目总体目标",
        "中期目标",
        "实施期绩效目标",
        "实施期目标",
        "长期目标",
        "项目中期目标",
        "整体目标",
    ),
    "overview": ("项目概况", "项目概述", "项目简介", "项目基本情况"),
    "basis": ("立项依据", "项目立项依据", "政策依据"),
    "necessity": ("项目立项必要性", "项目设立的必要性", "立项必要性", "项目必要性"),
    "safeguards": ("保证项目实施的制度措施", "保证项目实施的制度、措施", "项目实施保障措施"),
    "plan": ("项目实施计划", "实施计划", "实施方案", "项目实施方案"),
}
# budget key -> money labels. Every other label before an amount is a budget line only.
MONEY_LABELS: dict[str, tuple[str, ...]] = {
    "total": (
        "项目资金总额",
        "资金总额",
        "项目总预算",
        "项目总金额",
        "项目总投资",
        "总预算",
        "项目金额",
        "中期资金总额",
        "实施期资金总额",
    ),
    "current_year": (
        "年度资金总额",
        "年度资金申请总额",
        "当年资金总额",
        "当年年度预算",
        "当年预算",
        "预算数",
        "年度本级预算金额",
        "本年度预计投入",
        "年度预算",
        "年度预算数",
        "本年预算",
        "项目当年预算",
        "年度资金",
    ),
}
# Parts of the money block that are budget lines only.
MONEY_PART_LABELS = (
    "财政拨款",
    "财政资金",
    "当年财政拨款",
    "上年结转资金",
    "上年结转",
    "其他资金",
    "自有资金",
    "中央资金",
    "省级资金",
    "市级资金",
    "区级资金",
    "县级资金",
    "一般公共预算",
    "政府性基金",
    "国有资本经营预算",
    "小计",
    "合计",
)
# Words that make a label a money label when an amount follows it.
MONEY_WORDS = ("资金", "预算", "金额", "拨款", "投入", "经费", "小计", "合计", "投资", "收入")
# Group headings: a label whose value is the labels beside it (项目资金（万元）, 项目绩效目标).
GROUP_LABELS = ("项目资金", "资金情况", "项目绩效目标", "绩效目标", "绩效指标", "年度绩效指标")

_FOLD = str.maketrans({"（": "(", "）": ")", "：": ":", "　": " ", "【": "[", "】": "]"})
_ENUMERATION = re.compile(
    r"^(?:其中[:：]?|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])"
)
_NOTE = re.compile(r"\(([^()]*)\)分?$")
_MONEY_UNIT = re.compile(r"(万元|元)")


def fold(text: str) -> str:
    """Label text compared: no white space or line breaks, half-width brackets and colon."""
    return re.sub(r"\s+", "", text.translate(_FOLD))


def join_wrapped(text: str) -> str:
    """A cell's printed lines joined with no separator (the breaks are the printer's wrapping)."""
    return "".join(line.strip() for line in text.splitlines()).strip()


@dataclass(frozen=True)
class Label:
    """What a printed label means: `kind` is field, section, money, group; `key` the field."""

    kind: str
    key: str | None
    unit: str | None = None  # 元 / 万元 where the label says it
    printed: str = ""


def _table(mapping: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {fold(label): key for key, labels in mapping.items() for label in labels}


_FIELDS = _table(FIELD_LABELS)
_SECTIONS = _table(SECTION_FIELD_LABELS)
_MONEY = _table(MONEY_LABELS)
_GROUPS = {fold(label) for label in GROUP_LABELS}
_MONEY_PARTS = {fold(label) for label in MONEY_PART_LABELS}


_WHEREOF = re.compile(r"^其中\s*[:：]?\s*")
_UNIT_NOTE = re.compile(r"\s*[(（]\s*(?:万元|元)\s*[)）]\s*$")


def _label_as_printed(text: str) -> str:
    """A money label as budget lines keep it: joined, without 其中：, a colon or a unit note."""
    label = join_wrapped(text).strip().rstrip(":：").strip()
    return _UNIT_NOTE.sub("", _WHEREOF.sub("", label)).rstrip(":：").strip()


def read_label(text: str, guess: bool = True) -> Label | None:
    """The meaning of a cell that is a label, or None for a value (or an unknown label).

    Folded, without a trailing colon, an enumeration (（一） 1、 其中：) or a bracketed note
    ((万元), (2024年-2026年)); the note's money unit is kept. With `guess`, a short label
    with a money word (资金, 预算 …) is a money label too (where the table's shape says an
    amount follows it); without, only the tables' labels are.
    """
    folded = fold(text).rstrip(":")
    if not folded or len(folded) > 40:
        return None
    unit = None
    core = _ENUMERATION.sub("", folded)
    note = _NOTE.search(core)
    while note:
        found = _MONEY_UNIT.search(note[1])
        if found and unit is None:
            unit = found[1]
        core = core[: note.start()]
        note = _NOTE.search(core)
    core = core.rstrip(":")
    printed = _label_as_printed(text)
    if core in _FIELDS:
        return Label("field", _FIELDS[core], unit, printed)
    if core in _SECTIONS:
        return Label("section", _SECTIONS[core], unit, printed)
    if core in _MONEY:
        return Label("money", _MONEY[core], unit, printed)
    if core in _GROUPS:
        return Label("group", None, unit, printed)
    if core in _MONEY_PARTS:
        return Label("money", None, unit, printed)
    generic = guess and len(core) <= 12 and not re.search(r"[\d()]", core)
    if generic and any(word in core for word in MONEY_WORDS):
        return Label("money", None, unit, printed)
    return None


# ----------------------------------------------------------------------------- values
_AMOUNT = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# More digits than any budget has (10^18 yuan): not an amount we convert.
MAX_AMOUNT_DIGITS = 24
_UNIT_LINE = re.compile(r"(?:金额|资金)?单位[:：]\s*(万元|元)")


def amount_text(text: str) -> str | None:
    """The printed amount of a cell (`16,158.00`, `0`), or None if the cell is not an amount."""
    folded = fold(text).replace("，", ",")
    for suffix in ("万元", "元"):
        if folded.endswith(suffix):
            folded = folded[: -len(suffix)]
    return folded if _AMOUNT.match(folded) else None


def to_yuan(printed: str, unit: str) -> int | None:
    """Integer yuan, exactly: `16,158.00` 万元 -> 161580000 (元, 万(元), 亿(元)). Fractions of a
    yuan round half up."""
    digits = printed.replace(",", "")
    if len(digits) > MAX_AMOUNT_DIGITS:
        return None
    try:
        number = Decimal(digits) * {"亿": 100_000_000, "万": 10_000}.get(unit[:1], 1)
        return int(number.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except InvalidOperation:
        return None


def money_unit_in(text: str) -> str | None:
    """The unit a page's `金额单位：万元` (or `单位：元`) line gives its amounts."""
    found = _UNIT_LINE.search(text.replace(" ", ""))
    return found[1] if found else None


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?")


def iso_date(text: str, end: bool = False) -> str | None:
    """`2026/1/1`, `2024-01-01`, `2023年12月31日`, `2023.07` -> ISO; a month alone gives its
    first day (or, for an end date, its last)."""
    found = _DATE.search(text)
    if not found:
        compact = re.fullmatch(r"\s*(\d{4})(\d{2})\s*", text)
        if not compact:
            return None
        year, month, day = int(compact[1]), int(compact[2]), None
    else:
        year, month = int(found[1]), int(found[2])
        day = int(found[3]) if found[3] else None
    try:
        if day is None:
            day = 1
            if end:
                next_month = dt.date(year + month // 12, month % 12 + 1, 1)
                day = (next_month - dt.timedelta(days=1)).day
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def period_dates(text: str) -> tuple[str | None, str | None]:
    """`2026年1月1日至2027年12月31日`, `2023.07-2024.01`, `202001-202012` -> (start, end)."""
    parts = re.split(r"\s*(?:至|到|—|–|~|～|-(?=\s*\d{4}))\s*", text.strip(), maxsplit=1)
    if len(parts) == 2:
        return _period_end(parts[0], end=False), _period_end(parts[1], end=True)
    return None, None


def _period_end(text: str, end: bool) -> str | None:
    """One end of a period: a date, a month, or a year alone (`2021年` -> its first or
    last day)."""
    year = re.fullmatch(r"\s*((?:19|20)\d{2})\s*年?\s*", text)
    if year:
        return f"{year[1]}-12-31" if end else f"{year[1]}-01-01"
    return iso_date(text, end=end)


# Tick-box glyphs (FAMILIES.md): R and 口 are what some fonts' boxes extract as, so they
# count as boxes only in a text that has a true box glyph too.
TICKED = "■☑☒√✓✔R▇"
UNTICKED = "□口☐"
TRUE_BOXES = re.compile("[■☑☒▇□☐]")
_BOXES = f"[{TICKED}{UNTICKED}]"


def ticked(text: str) -> str:
    """`持续性项目■ 新增性项目□` -> 持续性项目 (the ticked option); text without boxes as it is."""
    flat = join_wrapped(text)
    if not TRUE_BOXES.search(flat) or not re.search(f"[{TICKED}]", flat):
        return flat
    # Options are the texts between boxes; a box belongs to the text on the side it is
    # printed on first (`■持续 □新增` or `持续■ 新增□`).
    glyph_first = bool(re.match(rf"\s*{_BOXES}", flat))
    pattern = (
        rf"({_BOXES})\s*([^{TICKED}{UNTICKED}\s]+)"
        if glyph_first
        else rf"([^{TICKED}{UNTICKED}\s]+?)\s*({_BOXES})"
    )
    chosen = []
    for match in re.finditer(pattern, flat):
        box, option = (match[1], match[2]) if glyph_first else (match[2], match[1])
        if box in TICKED and option != "R":
            chosen.append(option)
    return "、".join(chosen) if chosen else flat


_LEVEL_NOTE = re.compile(r"[(（][^()（）]*[)）]\s*分?")


def level_name(text: str) -> str:
    """A level cell as a name: joined, no spaces, score and notes dropped
    (`成本指标(0-20)分` -> 成本指标, `产出指标（50分）` -> 产出指标)."""
    return _LEVEL_NOTE.sub("", re.sub(r"\s+", "", text)).strip()


LEVEL1_FROM_LEVEL2 = ("成本指标", "产出指标", "效益指标", "满意度指标")


def implied_level1(level2: str | None) -> str | None:
    """The level 1 a national level-2 name implies (生态环境成本指标 -> 成本指标)."""
    if not level2:
        return None
    for name in LEVEL1_FROM_LEVEL2:
        if level2.endswith(name) and level2 != name:
            return name
    if level2.endswith("满意度") or "满意度指标" in level2:
        return "满意度指标"
    return None


def parse_weight(text: str) -> int | float | None:
    folded = fold(text).rstrip("分%")
    try:
        return parse_number(folded) if folded else None
    except (InvalidOperation, ValueError):
        return None


def split_target(op_text: str, value_text: str, unit_text: str) -> tuple[str, tuple]:
    """Comparator, value and unit printed in three columns -> (target, (op, value, unit, kind))."""
    op_text, value_text, unit_text = (join_wrapped(t) for t in (op_text, value_text, unit_text))
    if unit_text and value_text.endswith(unit_text):
        unit_text = ""  # the value cell prints its unit already (`≥**个` | 个)
    target = f"{op_text if op_text in OPERATORS else ''}{value_text}{unit_text}"
    if op_text and op_text not in OPERATORS:  # 定性 / 定量
        target = f"{value_text}{unit_text}" if op_text != "定性" else value_text
    parsed = parse_target(f"{op_text if op_text in OPERATORS else ''}{value_text}")
    if parsed.kind == "quantitative" and parsed.unit is None:
        return target, (parsed.op, parsed.value, unit_text or None, "quantitative")
    if parsed.kind == "quantitative":
        return target, (parsed.op, parsed.value, parsed.unit, "quantitative")
    whole = parse_target(target)
    return target, (whole.op, whole.value, whole.unit, whole.kind)


# ----------------------------------------------------------------------------- records
@dataclass
class Draft:
    """A record being filled by a layout, label by label and row by row."""

    template: str
    file: str
    page: int | None = None
    line: int | None = None
    year: int | None = None
    fields: dict[str, str] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    budget: dict[str, int | None] = field(
        default_factory=lambda: dict.fromkeys(
            ("total", "current_year", "prev_year_budget", "prev_year_spent")
        )
    )
    budget_lines: list[BudgetLine] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, message: str) -> None:
        self.diagnostics.append(
            Diagnostic(self.file, self.line or 0, "warning", message, page=self.page)
        )

    def put(self, label: Label, value: str, unit: str | None = None) -> bool:
        """Fill what `label` names with `value` (a cell's printed text). False if it is
        not a value for this label (an amount label before words, say)."""
        if label.kind == "money":
            printed = amount_text(value)
            if printed is None:
                return False
            money_unit = label.unit or unit or "万元"
            yuan = to_yuan(printed, money_unit)
            self.budget_lines.append(BudgetLine(label.printed, printed, money_unit, yuan))
            if label.key and self.budget.get(label.key) is None:
                self.budget[label.key] = yuan
            return True
        text = join_wrapped(value)
        if not text:
            return False
        if label.kind == "section":
            self.sections.setdefault(label.key, _cap(text, MAX_SECTION_CHARS))
            return True
        if label.kind == "field" and label.key not in self.fields:
            self.fields[label.key] = _cap(text, MAX_VALUE_CHARS)
            return True
        return label.kind == "field"

    def add_indicator(
        self,
        level1: str | None,
        level2: str | None,
        name: str,
        target: str,
        weight=None,
        parsed: tuple | None = None,
    ) -> None:
        name, target = _cap(name, MAX_VALUE_CHARS), _cap(target, MAX_VALUE_CHARS)
        if parsed is None:
            t = parse_target(target)
            parsed = (t.op, t.value, t.unit, t.kind)
        op, value, unit, kind = parsed
        self.indicators.append(
            Indicator(level1, level2, name, target, op, value, unit, kind, weight)
        )

    def finish(self) -> Project | None:
        """The record, or None (with a warning) if the table has no project name."""
        name = self.fields.get("name", "")
        if not name:
            self.warn("table skipped: no 项目名称 (project name) found")
            return None
        start = iso_date(self.fields["start_date"]) if "start_date" in self.fields else None
        end = iso_date(self.fields["end_date"], end=True) if "end_date" in self.fields else None
        if "period" in self.fields and not (start or end):
            start, end = period_dates(self.fields["period"])
        year = self.year or (int(start[:4]) if start else None)
        unit = self.fields.get("unit") or self.fields.get("department") or ""
        nature = self.fields.get("nature")
        project = Project(
            id="",
            source=Source(self.file, self.line, self.page),
            year=year,
            unit=unit,
            name=name,
            category=ticked(self.fields["category"]) if "category" in self.fields else None,
            perf_type=None,
            start_date=start,
            end_date=end,
            gov_purchase=None,
            sections=dict(self.sections),
            budget=dict(self.budget),
            indicators=list(self.indicators),
            template=self.template,
            department=self.fields.get("department"),
            nature=ticked(nature) if nature else None,
            budget_lines=list(self.budget_lines),
        )
        enrich(project)
        if not project.indicators:
            self.warn(f"table '{name}' has no indicator rows")
        return project


def _cap(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit]


YEAR_IN_TITLE = re.compile(
    r"[(（]\s*(20\d{2}|19\d{2})\s*年\s*度?\s*[)）]|(20\d{2})\s*年\s*度?\s*[^\d]{0,12}绩效目标"
)


def year_in(lines: list[str]) -> int | None:
    """The year of a table from its title lines: `（2026年度）`, `(2023 年度)`,
    `2021年度项目支出绩效目标表`."""
    for line in lines:
        found = YEAR_IN_TITLE.search(line)
        if found:
            return int(found[1] or found[2])
    return None
