"""Table checks: what a reviewer would flag in a performance-goal table, rule by rule.

Each rule has a stable id, a severity, a one-line Chinese explanation (and the document it
follows, where there is one) and a small function over one record that yields where in
the record it found something and what, said in a sentence. Peer rules also read what the
other tables of the corpus set (`Peers`, worked out once). `check_corpus` runs every rule
over every record; a finding is reported once per project, rule and place.

Rules read the record model only, so they hold for every template family.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .citations import normalize_title
from .model import Indicator, Project
from .money import format_yuan
from .targets import normalize_name
from .vocabulary import section_name

SEVERITIES = ("error", "warning", "notice")
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "notice": "提示"}

# The national framework of indicators (财预〔2020〕10号; 成本指标 a required level from
# 财预〔2021〕101号 on): its level-1 names, and those every table that uses it has.
FRAMEWORK_LEVEL1 = ("产出指标", "效益指标", "满意度指标", "成本指标")
FRAMEWORK_REQUIRED = ("产出指标", "效益指标", "满意度指标")
COST_REQUIRED_FROM = 2021
# Level-2 names that ask for a measure (a number, a date), not a description.
MEASURED_LEVELS = ("数量", "质量", "时效", "成本")
# Words that describe without measuring: 有效, 提升 … as a target where a measure is asked.
VAGUE_WORDS = (
    "有效",
    "提升",
    "提高",
    "合理",
    "及时",
    "健全",
    "完善",
    "良好",
    "明显",
    "显著",
    "较好",
    "逐步",
    "进一步",
    "加强",
    "规范",
    "稳步",
)
# a name that measures satisfaction (满意度, 满意率), not a count of surveys (满意度调查份数)
SATISFACTION = re.compile(r"满意(?:度|率)$")
UNIT_IN_NAME = re.compile(r"[(（][^()（）]{1,6}[)）]\s*$")
WEIGHT_TOTALS = (90, 100)  # the central template prints 90 (预算执行率 takes the other 10)
MIN_PEERS = 4  # other tables with the same indicator before its target is compared
PEER_SHARE = 2 / 3  # a target is laxer when at least this share of peers is stricter


@dataclass(frozen=True)
class Finding:
    """One thing a rule found in one record: where (`section:basis`, `indicator:3`,
    `budget:current_year`, `dates`, `citation:2`, `table`) and what, in a sentence."""

    project_id: str
    rule: str
    severity: str
    where: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Key = tuple[str, str, str | None]  # an indicator whose targets compare (see _target_key)


@dataclass
class Peers:
    """What the corpus's tables set, for the peer rules: per indicator (normalized name,
    operator, unit) each project's numeric targets, in table order (the first is the
    project's own: the one its peers see); per cited title (normalized) each project's
    document numbers for it.

    A Peers is not changed once made: `changed` makes another that shares every
    indicator and title the change does not touch (an update compares the two, `affected`).
    """

    rows: dict[Key, dict[str, tuple[float, ...]]] = field(default_factory=dict)
    cited: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # per indicator, its projects' own targets sorted; per title, its numbers counted
    _sorted: dict[Key, list[float]] = field(default_factory=dict, repr=False, compare=False)
    _counted: dict[str, Counter[str]] = field(default_factory=dict, repr=False, compare=False)
    _ranked: dict[str, tuple[int, list[str]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def of(cls, projects: Iterable[Project]) -> Peers:
        return cls().changed(set(), projects)

    def changed(self, gone: set[str], projects: Iterable[Project]) -> Peers:
        """These peers without the projects `gone` names and with `projects` (ids not
        already here)."""
        rows, cited = dict(self.rows), dict(self.cited)
        for table in (rows, cited):
            for key, of_key in table.items():
                if any(pid in of_key for pid in gone):  # (isdisjoint reads the whole dict)
                    table[key] = {pid: v for pid, v in of_key.items() if pid not in gone}
        copied: set[Any] = set()

        def own(table: dict[Any, dict[str, Any]], key: Any) -> dict[str, Any]:
            """`table[key]`, copied before its first change here."""
            if (id(table), key) not in copied:
                copied.add((id(table), key))
                table[key] = dict(table.get(key, {}))
            return table[key]

        for project in projects:
            targets: dict[Key, list[float]] = {}
            for row in project.indicators:
                if (key := _target_key(row)) is not None and row.value is not None:
                    targets.setdefault(key, []).append(float(row.value))
            for key, values in targets.items():
                own(rows, key)[project.id] = tuple(values)
            numbers: dict[str, list[str]] = {}
            for citation in project.citations:
                if citation.title and citation.number:
                    numbers.setdefault(normalize_title(citation.title), []).append(citation.number)
            for title, cited_as in numbers.items():
                own(cited, title)[project.id] = tuple(cited_as)
        return Peers({k: v for k, v in rows.items() if v}, {k: v for k, v in cited.items() if v})

    def others(self, key: Key, project_id: str) -> SortedValues:
        """The targets other projects set for the indicator `key`, sorted (a view that
        leaves the project's own out: no list of every peer per row, which made the
        checks quadratic in the corpus: 14 s at 10,000 projects)."""
        values = self.rows.get(key, {}).get(project_id)
        return self.others_of(key, None if values is None else values[0])

    def others_of(self, key: Key, own: float | None) -> SortedValues:
        """The targets of the indicator `key`, sorted, with one `own` target left out."""
        values = self._sorted.get(key)
        if values is None:
            values = self._sorted[key] = sorted(v[0] for v in self.rows.get(key, {}).values())
        return SortedValues(values, None if own is None else bisect.bisect_left(values, own))

    def numbers_of_title(self, title: str) -> Counter[str]:
        """How often each document number is cited for `title` (normalized)."""
        counted = self._counted.get(title)
        if counted is None:
            counted = self._counted[title] = Counter(
                number for numbers in self.cited.get(title, {}).values() for number in numbers
            )
        return counted

    def usual_number(self, title: str, number: str) -> str | None:
        """The number `title` (normalized) is usually cited under, when citations under
        numbers other than `number` outnumber those under it; else None. (A generated
        title can be cited under thousands of numbers: each title's two most cited are
        found once, not per citation.)"""
        ranked = self._ranked.get(title)
        if ranked is None:
            counted = self.numbers_of_title(title)
            top = heapq.nlargest(2, counted.items(), key=lambda item: (item[1], item[0]))
            ranked = self._ranked[title] = (sum(counted.values()), [n for n, _ in top])
        total, top = ranked
        own = self.numbers_of_title(title).get(number, 0)
        if total - own <= own:
            return None
        return top[0] if top[0] != number else top[1]

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": [[*key, of_key] for key, of_key in self.rows.items()],
            "cited": self.cited,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Peers:
        return cls(
            {
                (name, op, unit): {pid: tuple(v) for pid, v in of_key.items()}
                for name, op, unit, of_key in data["rows"]
            },
            {t: {pid: tuple(n) for pid, n in of_t.items()} for t, of_t in data["cited"].items()},
        )


def affected(old: Peers, new: Peers, skip: set[str]) -> set[str]:
    """The projects (other than `skip`: those gone or new) that a peer rule may judge
    otherwise under `new` than under `old`: they hold a target of an indicator whose
    peers changed, and that target is laxer than its peers under one and not the other;
    or they cite a title whose numbers changed, under a number that is now the usual one
    and was not, or was and is not. Only
    indicators and titles that `new` does not share with `old` are looked at."""
    found: set[str] = set()
    for key in old.rows.keys() | new.rows.keys():
        before, after = old.rows.get(key, {}), new.rows.get(key, {})
        if before is after:
            continue
        verdicts: dict[tuple[float, float], bool] = {}
        for pid, values in after.items():
            if pid in skip or pid in found:
                continue
            for mine in values:
                pair = (mine, values[0])
                if pair not in verdicts:
                    verdicts[pair] = (lax_by(key, mine, old.others_of(key, values[0])) is None) != (
                        lax_by(key, mine, new.others_of(key, values[0])) is None
                    )
                if verdicts[pair]:
                    found.add(pid)
                    break
    for title in old.cited.keys() | new.cited.keys():
        before_t, after_t = old.cited.get(title, {}), new.cited.get(title, {})
        if before_t is after_t:
            continue
        flips: dict[str, bool] = {}
        for pid, numbers in after_t.items():
            if pid in skip:
                continue
            for number in numbers:
                if number not in flips:
                    flips[number] = (old.usual_number(title, number) is None) != (
                        new.usual_number(title, number) is None
                    )
                if flips[number]:
                    found.add(pid)
                    break
    return found


class SortedValues(Sequence[float]):
    """A sorted list of numbers with one place (`left_out`) left out, without copying."""

    def __init__(self, values: list[float], left_out: int | None) -> None:
        self.values = values
        self.left_out = left_out

    def __len__(self) -> int:
        return len(self.values) - (self.left_out is not None)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        if self.left_out is not None and i >= self.left_out:
            i += 1
        return self.values[i]

    def median(self) -> float:
        middle, odd = divmod(len(self), 2)
        return self[middle] if odd else (self[middle - 1] + self[middle]) / 2


def _target_key(row: Indicator) -> Key | None:
    """Rows whose targets compare: the same indicator, operator family and unit, in
    percent (a rate: 满意度, 完成率; an amount or a count depends on the project's size)."""
    if row.kind != "quantitative" or row.op not in (">=", ">", "<=", "<") or row.unit != "%":
        return None
    return normalize_name(row.name), row.op[0], row.unit


Check = Callable[[Project, Peers], Iterator[tuple[str, str]]]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str  # a few Chinese words: 目标值不可衡量
    severity: str
    title: str  # what the rule asks, in one Chinese line
    source: str | None
    check: Check


RULES: list[Rule] = []


def rule(
    id: str, name: str, severity: str, title: str, source: str | None = None
) -> Callable[[Check], Check]:
    """Register a check function as a rule."""

    def register(check: Check) -> Check:
        RULES.append(Rule(id, name, severity, title, source, check))
        return check

    return register


# --------------------------------------------------------------------------- completeness


@rule("section-empty", "栏目为空", "warning", "表中列出的栏目不应为空")
def _empty_sections(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    for key, text in project.sections.items():
        if not text.strip():
            yield f"section:{key}", f"“{section_name(key, project.template)}”一栏为空。"


@rule("goals-missing", "没有绩效指标", "error", "绩效目标表应有绩效指标", "财预〔2020〕10号")
def _no_indicators(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    if not project.indicators:
        yield "table", "表中没有任何绩效指标。"


@rule("money-missing", "没有资金", "error", "绩效目标表应写明项目资金")
def _no_money(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    amounts = [v for v in project.budget.values() if v is not None]
    amounts += [line.yuan for line in project.budget_lines if line.yuan is not None]
    if not amounts:
        yield "budget", "表中没有任何资金金额。"


# --------------------------------------------------------------------------- consistency


@rule("dates-reversed", "日期颠倒", "error", "项目结束日期不应早于开始日期")
def _dates(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    start, end = project.start_date, project.end_date
    if start and end and end < start:
        yield "dates", f"结束日期 {end} 早于开始日期 {start}。"


@rule("current-above-total", "当年预算超过总预算", "error", "当年预算不应超过项目总预算")
def _current_above_total(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    total, current = project.budget.get("total"), project.budget.get("current_year")
    if total is not None and current is not None and current > total:
        said = f"当年预算 {format_yuan(current)} 超过项目总预算 {format_yuan(total)}。"
        yield "budget:current_year", said


@rule("spent-above-budget", "上年执行超过预算", "warning", "上年预算执行数不应超过上年预算额")
def _spent_above_budget(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    budget, spent = project.budget.get("prev_year_budget"), project.budget.get("prev_year_spent")
    if budget is not None and spent is not None and spent > budget:
        yield (
            "budget:prev_year_spent",
            f"上年执行数 {format_yuan(spent)} 超过上年预算额 {format_yuan(budget)}。",
        )


# --------------------------------------------------------------------------- targets


@rule(
    "vague-target",
    "目标值不可衡量",
    "warning",
    "数量、质量、时效、成本指标应有可衡量的目标值，而不是描述性的词语",
    "财预〔2021〕101号",
)
def _vague_targets(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    for n, row in enumerate(project.indicators):
        level = row.level2 or ""
        if row.kind != "qualitative" or not any(word in level for word in MEASURED_LEVELS):
            continue
        if re.search(r"\d", row.target):
            continue  # 较上年提高10%: a measure, whatever words are around it
        vague = [word for word in VAGUE_WORDS if word in row.target]
        if vague:
            yield (
                f"indicator:{n}",
                f"“{row.name}”属于{level}，目标值“{row.target}”是描述（{'、'.join(vague)}），"
                "没有可衡量的数值。",
            )


@rule("no-unit", "缺计量单位", "notice", "定量目标值应写明计量单位")
def _no_unit(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    for n, row in enumerate(project.indicators):
        if row.kind == "quantitative" and row.value is not None and not row.unit:
            if UNIT_IN_NAME.search(row.name):
                continue  # 验收合格率（%） ≥95: the unit is in the name
            yield f"indicator:{n}", f"“{row.name}”的目标值“{row.target}”没有计量单位。"


@rule(
    "lax-target",
    "目标低于同类",
    "notice",
    "目标值明显低于其他项目同一指标的常见目标值",
)
def _lax_targets(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    for n, row in enumerate(project.indicators):
        key = _target_key(row)
        if key is None or row.value is None:
            continue
        others = peers.others(key, project.id)
        stricter = lax_by(key, float(row.value), others)
        if stricter is not None:
            unit = row.unit or ""
            median = others.median()
            yield (
                f"indicator:{n}",
                f"“{row.name}”目标 {row.target}；其他 {len(others)} 个表中 {stricter} 个"
                f"定得更严（中位数 {OP_SIGNS.get(row.op, row.op)}{_number(median)}{unit}）。",
            )


def lax_by(key: Key, mine: float, others: Sequence[float]) -> int | None:
    """How many of `others` (sorted) are stricter than the target `mine`, when that is
    enough for `mine` to be laxer than its peers; else None."""
    if len(others) < MIN_PEERS:
        return None
    if key[1] == ">":  # higher is stricter
        stricter = len(others) - bisect.bisect_right(others, mine)
    else:
        stricter = bisect.bisect_left(others, mine)
    return stricter if stricter >= PEER_SHARE * len(others) else None


OP_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# --------------------------------------------------------------------------- levels


@rule(
    "framework-missing",
    "缺一级指标",
    "warning",
    "采用全国指标框架的表应有产出、效益、满意度指标（2021 年起还应有成本指标）",
    "财预〔2020〕10号；财预〔2021〕101号",
)
def _framework(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    level1 = {row.level1 for row in project.indicators if row.level1}
    if not level1 & set(FRAMEWORK_LEVEL1):
        return  # another framework (the Shanghai municipal 2020 one)
    required = list(FRAMEWORK_REQUIRED)
    if project.year is not None and project.year >= COST_REQUIRED_FROM:
        required.append("成本指标")
    missing = [name for name in required if name not in level1]
    if missing:
        yield "table", f"缺少一级指标：{'、'.join(missing)}。"


@rule("level-misfit", "满意度指标错位", "warning", "满意度指标应列在满意度一级或二级指标下")
def _level_misfit(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    for n, row in enumerate(project.indicators):
        levels = f"{row.level1 or ''}{row.level2 or ''}"
        if SATISFACTION.search(normalize_name(row.name)) and "满意" not in levels and levels:
            where = row.level2 or row.level1
            yield f"indicator:{n}", f"“{row.name}”是满意度指标，却列在“{where}”下。"


@rule("duplicate-indicator", "指标重复", "warning", "同一指标不应在一张表中重复出现")
def _duplicates(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    seen: dict[tuple[str | None, str], int] = {}
    for n, row in enumerate(project.indicators):
        key = (row.level2, normalize_name(row.name))
        if key in seen:
            yield f"indicator:{n}", f"“{row.name}”在第 {seen[key] + 1} 行已经出现过。"
        else:
            seen[key] = n


@rule("weights-total", "分值合计不符", "warning", "指标分值之和应等于表中的合计分值（90 或 100）")
def _weights(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    weights = [row.weight for row in project.indicators]
    if not weights or any(weight is None for weight in weights):
        return  # no weights, or some rows without one: nothing to add up
    total = round(sum(w for w in weights if w is not None), 2)
    if total not in WEIGHT_TOTALS:
        yield "table", f"指标分值之和为 {_number(total)}，不是 90 或 100。"


# --------------------------------------------------------------------------- citations


@rule("citation-no-title", "文号无文件名", "notice", "引用的文件应写明文件名称，而不只是文号")
def _number_only(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    for n, citation in enumerate(project.citations):
        if citation.number and not citation.title:
            yield f"citation:{n}", f"引用了文号 {citation.number}，没有写文件名称。"


@rule(
    "citation-other-number",
    "文号与他处不同",
    "warning",
    "引用文件的文号应与其他项目引用同一文件时的文号一致",
)
def _other_number(project: Project, peers: Peers) -> Iterator[tuple[str, str]]:
    for n, citation in enumerate(project.citations):
        if not (citation.title and citation.number):
            continue
        usual = peers.usual_number(normalize_title(citation.title), citation.number)
        if usual is not None:
            yield (
                f"citation:{n}",
                f"《{citation.title}》在这里的文号是 {citation.number}，其他项目多写作 {usual}。",
            )


# --------------------------------------------------------------------------- running


RULES_BY_ID = {r.id: r for r in RULES}


def check_project(project: Project, peers: Peers) -> list[Finding]:
    """Every rule's findings for one record, each (rule, place) once."""
    found: dict[tuple[str, str], Finding] = {}
    for r in RULES:
        for where, message in r.check(project, peers):
            found.setdefault((r.id, where), Finding(project.id, r.id, r.severity, where, message))
    return list(found.values())


def check_corpus(projects: list[Project], peers: Peers | None = None) -> list[Finding]:
    """Every record's findings, in source order and rule order (peers: the records')."""
    peers = peers or Peers.of(projects)
    return [finding for project in projects for finding in check_project(project, peers)]


# A finding as a row of `python -m indexer check` (JSON keys → CSV headers)
FINDING_COLUMNS = {
    "project_id": "项目编号",
    "project_name": "项目名称",
    "source": "来源",
    "rule": "规则",
    "rule_name": "问题",
    "severity": "级别",
    "where": "位置",
    "message": "说明",
    "rule_title": "规则说明",
    "rule_source": "依据",
}


def finding_row(finding: Finding, project: Project) -> dict[str, Any]:
    """A finding with its project's name and source and its rule's words."""
    r = RULES_BY_ID[finding.rule]
    return {
        "project_id": finding.project_id,
        "project_name": project.name,
        "source": project.source.where,
        "rule": finding.rule,
        "rule_name": r.name,
        "severity": SEVERITY_NAMES[finding.severity],
        "where": where_label(finding.where, project),
        "message": finding.message,
        "rule_title": r.title,
        "rule_source": r.source or "",
    }


def csv_table(
    findings: Iterable[Finding], project: Callable[[str], Project | None]
) -> tuple[list[str], list[list[Any]]]:
    """Findings as a CSV's header and rows (`project` looks a record up by id)."""
    rows = [
        [row[key] for key in FINDING_COLUMNS]
        for f in findings
        if (p := project(f.project_id)) is not None
        for row in (finding_row(f, p),)
    ]
    return list(FINDING_COLUMNS.values()), rows


def rule_ids(findings: Iterable[Finding]) -> list[str]:
    """The rules that found something, each once, in the order found."""
    return list(dict.fromkeys(f.rule for f in findings))


def by_project(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """The findings of each project (projects with none left out), in order."""
    found: dict[str, list[Finding]] = {}
    for finding in findings:
        found.setdefault(finding.project_id, []).append(finding)
    return found


def rule_table() -> list[dict[str, Any]]:
    """The rules as data (id, severity, title, source)."""
    return [
        {"id": r.id, "name": r.name, "severity": r.severity, "title": r.title, "source": r.source}
        for r in RULES
    ]


def where_label(where: str, project: Project) -> str:
    """`indicator:3` → 第 4 行指标（name）, `section:basis` → the section's name …"""
    kind, _, rest = where.partition(":")
    if kind == "indicator" and rest.isdigit() and int(rest) < len(project.indicators):
        return f"指标第 {int(rest) + 1} 行（{project.indicators[int(rest)].name}）"
    if kind == "section":
        return section_name(rest, project.template)
    if kind == "citation" and rest.isdigit():
        return f"第 {int(rest) + 1} 处引用"
    return {"budget": "资金", "dates": "实施期限", "table": "全表"}.get(kind, where)
