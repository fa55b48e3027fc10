"""Answer plans over what reading linked: several fields of one project, indicators named
with or without their project, a project's own passages, counts of indicators, changes
against last year ranked, shares of a total. Each plan is `(Question) -> Answer | None`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

import numpy as np

from indexer.issuers import issuer_name
from indexer.model import Project
from indexer.money import BUDGET_NAMES, budget_change, format_yuan
from indexer.text import words
from indexer.vocabulary import section_name

from ..backend import SearchBackend  # noqa: F401 - the type answers' Question carries
from ..indicators import normalize_name, same_target
from ..store import per_generation
from ..vocabulary import synonyms
from .answers import (
    AND,
    COUNTED,
    FACTS,
    FIELD_WORDS,
    HAN,
    MAX_NAMED,
    MAX_SOURCES,
    MONEY_WORDS,
    QUESTION_ONLY,
    SENTENCE_END,
    SORTED,
    SUM_WORDS,
    Answer,
    Question,
    _around,
    _common_key,
    _named_indicators,
    _named_level,
    _row_called,
    asked_fields,
    budget_source,
    citing_answer,
    citing_sources,
    conditions_of,
    counted_in,
    first_sources,
    groups_named,
    header_source,
    indicator_source,
    indicator_text,
    label_at,
    label_named,
    level_rows,
    line_printed,
    line_source,
    matcher,
    money_key,
    names_rows,
    of_kind,
    of_parts,
    of_tables,
    printed_budget_line,
    projects_where,
    row_columns,
    row_said,
    several_cited,
    share_whole,
    source,
    target_check,
    target_said,
    targets_counted,
    value_named,
    with_citers,
)
from .checks import refusal
from .reading import YEAR_WORD, abbreviates, chinese_number, outside, sub_projects

ABOUT_INDICATORS = (
    "指标", "目标", "指标值", "设了", "设置", "设没设", "要达到", "定在", "要求", "要多少",
    "达到多少",
)  # fmt: skip
# Characters of asking, not of what is asked: pairs holding one do not count.
QUESTION_CHARS = set("的是了吗呢么什哪几多少谁何怎和及与或在有为请各|")
YES_NO = re.compile(r"吗$|有没有|是否|是不是|设没设|有无")
WHICH = ("哪些", "哪几个", "哪个", "哪几项", "有哪", "谁")
# the goals of a table, not the target of a row (目标 alone may be either)
TABLE_GOALS = re.compile(r"总体目标|年度目标|总目标|绩效目标|阶段性目标")
DIFFERENCE = ("差多少", "差了多少", "相差", "差额", "差几", "增减多少", "增减了多少")


# ----------------------------------------------------------------------------- fields
def several_fields(q: Question) -> Answer | None:
    """机关服务费的项目类别和绩效类型分别是什么？ 当年预算和上年预算各多少，差多少？"""
    if len(q.projects) != 1:
        return None
    project = q.projects[0]
    # 拆违经费的主管部门、项目资金总额以及群众满意度目标: a row's 目标 is its target
    rows = _named_indicators(project, q.text.replace(q.mention or "", ""))
    if not rows and names_rows(q):  # 网站访问量目标定了多少？年度资金多少: one row by a part
        rows = list({id(r): r for owner, r in q.indicators.rows if owner is project}.values())[:3]
    goals = re.search(r"总体目标|年度目标|总目标|绩效目标|阶段性目标", q.text)
    asked = [
        f for f in q.fields if f != "change" and not (rows and f == "section:goals" and not goals)
    ]
    wants_change = "change" in q.fields or q.has(DIFFERENCE)
    # 项目类别+当年财政拨款: a printed money line asked beside a header field (lines alone, or
    # with other money, are printed_amounts')
    lines = []
    if any(f not in BUDGET_NAMES for f in asked) or rows:
        of_fields = [
            printed_budget_line(project, money_key([project], f))
            for f in asked
            if f in BUDGET_NAMES
        ]  # 资金总额 of a table that prints the year's money only: that line
        lines = [line for line in _lines_named(project, q.text) if line not in of_fields]
    if len(asked) + wants_change + len(rows) + len(lines) < 2 or not (
        asked or wants_change or lines
    ):
        return None
    if wants_change and len(asked) == 1 and asked[0] in BUDGET_NAMES:
        return None  # the change answer says both amounts
    if re.search(
        r"占.*(?:比例|比重|百分|几成|多少|%)|几倍|多少倍|减去|减掉|扣除|扣掉|除去|"
        r"比[^，,。]*(?:[多少差]出?|高出|低了?)多少",
        q.text,
    ):
        return None  # one amount as a share or multiple of another (share_of_own)
    parts = [FACTS[f.split(":")[0]](project, f) for f in asked]
    if wants_change:
        parts.append(FACTS["change"](project, "change"))
    parts += [Answer(target_said(project, r), "", [indicator_source(project, r)]) for r in rows]
    parts += [Answer(_line_said(project, line), "", [line_source(project, line)]) for line in lines]
    said = " ".join(part.text for part in parts)
    sources = [s for part in parts for s in part.sources]
    # a field blank (表中没有项目性质一栏) is a part the corpus does not hold
    return Answer(said, of_parts(parts, "several_fields"), sources)


def _lines_named(project: Project, text: str) -> list:
    """The printed money lines a question names by their labels (其中：财政拨款), one per label."""
    named = [
        line for line in project.budget_lines if label_named(re.sub(r"\s+", "", line.label), text)
    ]
    return list({line.label: line for line in named}.values())


def _line_said(project, line) -> str:
    return f"{project.name}的{line_printed(line)}。"


def printed_amounts(q: Question) -> Answer | None:
    """国家天文科学数据中心年度资金总额和财政拨款各是多少？ The amounts a table prints under
    the labels the question names (其中：财政拨款, 上年结转资金 …), with the fields it asks."""
    if len(q.projects) != 1:
        return None
    project = q.projects[0]
    lines = _lines_named(project, q.text)
    if not lines:
        return None
    if project.year and project.year - 1 in q.years and project.year not in q.years:
        return None  # 2019年…项目总预算 of a 2020 table: its 上年 columns, not the printed lines
    if len(lines) == 1 and q.fields:
        # 上年结转了多少钱: a line the question names, and 多少钱 asks its amount, unless the
        # line is the one of the field asked (the field's answer says it)
        money = all(f in BUDGET_NAMES for f in q.fields)
        of_field = any(
            printed_budget_line(project, f) is lines[0] for f in q.fields if f in BUDGET_NAMES
        )
        if not money or of_field:
            return None
    said = "；".join(line_printed(line) for line in lines)
    if len(lines) == 2 and re.search(r"相等|一样|相同|等于", q.text):
        same = lines[0].yuan == lines[1].yuan
        said = f"{'相等' if same else '不相等'}：{said}"
    sources = [line_source(project, line) for line in lines]
    return Answer(f"{project.name}：{said}。", "budget", sources)


# ----------------------------------------------------------------------------- citations
AGENCY = re.compile(
    r"([\u4e00-\u9fff]{2,14}?)(?:等几个部门|等部门)?(?:联合)?(?:发的|印发的|发布的|出台的|下发的|制定的)"
)
# 国务院的文件, 高检院文件, 财政部的规定: an agency's documents
AGENCY_DOCUMENTS = re.compile(
    r"([\u4e00-\u9fff]{1,12}?(?:部|院|局|委|厅|办|署|府|中央))(?:那个|这个|的)?(?:文件|规定|通知|发文)"
)
# the words before an agency's name in a question: 哪些项目引用了 | 国务院
LEAD_IN = re.compile(
    r"请问|哪些是|哪些项目|哪个项目|引用了?|依据了?|援引了?|里有|中有|里|有|是|了|的"
)


def cited_by_agency(q: Question) -> Answer | None:
    """财政部发的文件有哪些被当作立项依据？ 市机管局发的文件？ By the issuing agency: its
    name (or an abbreviation of it, 市机管局 for 上海市机关事务管理局) in the issuer of the
    document number, in the title, or just before the title where a project cites it."""
    found = AGENCY.search(q.text) or AGENCY_DOCUMENTS.search(q.text)
    if found is None:
        return None
    agency = LEAD_IN.split(found.group(1))[-1]
    if len(agency) < 2:
        return None
    entries = [
        entry
        for entry, names in _issuers(q.store)
        if any(abbreviates(agency, name) for name in names)
    ]
    if not entries:
        return None
    if q.has(("最多", "最少")):
        return _most_citing(q, agency, entries)
    listed = "；".join(with_citers(e) for e in entries)
    sources = citing_sources(entries, 10)
    return Answer(f"{agency}发的文件被引用 {len(entries)} 个：{listed}。", "citation", sources)


def cited_in_year(q: Question) -> Answer | None:
    """哪些项目引用的文件是2018年发的？ 2014年的文号有哪些被引用？ Documents by the year in
    their number, and who cites them."""
    year = re.search(r"(?<!\d)((?:19|20)\d{2})\s*年?(?:的|发的|印发的|发布的|下发的)?", q.text)
    if year is None or not re.search(r"文号|文件|发的|印发|发布|下发", q.text):
        return None
    if re.search(r"(?:19|20)\d{2}\s*年?\s*第?\s*\d+\s*号", q.text):
        return None  # a whole number: cited_by_number
    entries = [e for e in q.store.catalogue if e.issued_year == int(year[1])]
    if q.projects:
        named = {p.id for p in q.projects}
        entries = [e for e in entries if any(p.id in named for p, _ in e.citations)]
    if not entries:
        return Answer(f"语料中没有被引用的{year[1]}年的文件。", "not_found")
    return several_cited(entries) if len(entries) > 1 else citing_answer(entries[0])


@per_generation
def _issuers(store) -> list[tuple[object, tuple[str, ...]]]:
    """Each catalogue entry with the words that may name its issuer: the agency of its number,
    its title, and the 30 characters before it where a project cites it."""
    found = []
    for entry in store.catalogue:
        names = [issuer_name(entry.issuer) or "", entry.title or ""]
        for project, citation in entry.citations:
            text = project.sections.get(citation.section, "")
            at = text.find(citation.title or citation.number or "\0")
            if at >= 0:
                names.append(text[max(0, at - 30) : at])
        found.append((entry, tuple(n for n in names if n)))
    return found


def _most_citing(q: Question, agency: str, entries: list) -> Answer:
    """The projects that cite most (or fewest) of an agency's documents."""
    counts: dict[str, int] = {}
    projects: dict[str, Project] = {}
    for entry in entries:
        for project, _ in entry.citations:
            projects[project.id] = project
        for pid in {p.id for p, _ in entry.citations}:
            counts[pid] = counts.get(pid, 0) + 1
    most = q.has(("最多",))
    best = (max if most else min)(counts.values())
    top = [projects[pid].name for pid, n in counts.items() if n == best]
    listed = "，".join(
        f"{projects[pid].name} {n} 个" for pid, n in sorted(counts.items(), key=lambda i: -i[1])
    )
    return Answer(
        f"引用{agency}文件{'最多' if most else '最少'}的是{'、'.join(top)}（{best} 个）；"
        f"各项目：{listed}。",
        "citation",
        first_sources(
            source(p, c.section, p.sections.get(c.section, ""))
            for e in entries
            for p, c in e.citations
        ),
    )


# How two amounts of each project are compared: 上年执行数比上年预算额少, 两者不一样
RELATIONS = (
    ("≠", re.compile(r"不一样|不同|不相等|不等|不一致|有差异|差异|有出入")),
    ("=", re.compile(r"一样|相同|相等|持平|一致|等于")),
    ("<", re.compile(r"少|低|小|不足|不到|没执行完|未执行完|没花完|未完成")),
    (">", re.compile(r"多|高|大|超过|超出|超支|超")),
)
HOLDS = {
    "≠": lambda a, b: a != b, "=": lambda a, b: a == b,
    "<": lambda a, b: a < b, ">": lambda a, b: a > b,
}  # fmt: skip
SAID = {"≠": "与{b}不同", "=": "与{b}相同", "<": "少于{b}", ">": "多于{b}"}


def fields_compared(q: Question) -> Answer | None:
    """检察院的项目有没有哪个上年执行数比上年预算额少的？ Two amounts of each project in
    scope compared: the projects where the relation holds, or 没有 with what they are."""
    if len(q.projects) == 1 or "change" in q.fields or re.search(r"多少|(?<![这那哪])几", q.text):
        return None  # 比去年少了多少: a change, not the projects where one is less
    keys = [f for f in q.fields if f in BUDGET_NAMES][:2]
    if len(keys) < 2:
        return None
    # 比…少, 和…不一样, 低于…: the relation, said from the first of these words on
    between = re.search(
        r"(?:比|和|与|跟|同|低于|少于|小于|高于|多于|大于|超过|不足|不等于|等于).{0,16}$", q.text
    )
    relation = next(
        (r for r, words in RELATIONS if between and words.search(between.group(0))), None
    )
    if relation is None:
        return None
    first, second = keys
    # the scope without a change against last year read from the same words (比上年…高)
    conditions = [f for f in q.conditions if "比上年" not in f.label]
    chosen = q.projects or projects_where(q.store, conditions)
    both = [
        p for p in chosen if p.budget.get(first) is not None and p.budget.get(second) is not None
    ]
    if not both:
        return None
    a_name, b_name = BUDGET_NAMES[first], BUDGET_NAMES[second]
    said = SAID[relation].format(b=b_name)
    held = [p for p in both if HOLDS[relation](p.budget[first], p.budget[second])]
    scope = "、".join(f.label for f in conditions) if not q.projects else ""
    scope = f"{scope}的 " if scope else ""
    sources = [budget_source(p, k) for p in (held or both)[:MAX_SOURCES] for k in (first, second)]
    if not held:
        equal = all(p.budget[first] == p.budget[second] for p in both)
        how = f"各项目的{a_name}都等于{b_name}" if equal else "各项目都不是这样"
        return Answer(f"没有。{scope}{len(both)} 个项目中，{how}。", "list", sources)
    listed = "；".join(
        f"{p.name}（{a_name} {format_yuan(p.budget[first])}，"
        f"{b_name} {format_yuan(p.budget[second])}）"
        for p in held
    )
    return Answer(f"{scope}{a_name}{said}的项目有 {len(held)} 个：{listed}。", "list", sources)


def compare_named(q: Question) -> Answer | None:
    """检察业务保障费和检察业务工作费哪个涨得多？ 拆违经费和兰溪路工程哪个开始得早？
    信息化新建项目和检察办案业务费谁的指标多？ Projects named one by one, compared on what is
    asked."""
    if len(q.projects) < 2 or not q.mention or "、" not in q.mention:
        return None
    if not q.has(("哪个", "谁", "比较", "更")):
        return None
    projects = q.projects
    if q.has(("开始", "完成", "结束")) and q.has(("早", "晚", "先", "后")):
        key = "start_date" if q.has(("开始",)) else "end_date"
        dated = sorted((p for p in projects if getattr(p, key)), key=lambda p: getattr(p, key))
        if len(dated) < 2:
            return None
        label = "计划开始日期" if key == "start_date" else "计划完成日期"
        listed = "，".join(f"{p.name} {getattr(p, key)}" for p in dated)
        first = dated[0] if q.has(("早", "先")) else dated[-1]
        return Answer(
            f"{label}：{listed}；{'最早' if q.has(('早', '先')) else '最晚'}的是{first.name}。",
            "comparison",
            [header_source(p, f"{p.name}：{label} {getattr(p, key)}") for p in dated],
        )
    if q.has(("指标",)) and q.has(("多", "少")):
        core = q.level_word

        def rows(p):
            return [r for r in p.indicators if of_kind(r, core)]

        counted = sorted(projects, key=lambda p: -len(rows(p)))
        listed = "，".join(f"{p.name} {len(rows(p))} 个" for p in counted)
        which = counted[0] if q.has(("多",)) else counted[-1]
        what = f"“{core}”指标数" if core else "三级指标数"
        return Answer(
            f"{what}：{listed}；{which.name}{'最多' if q.has(('多',)) else '最少'}。",
            "comparison",
            [source(p, "indicators", f"{len(rows(p))} 个指标", "indicators") for p in counted],
        )
    if q.has(("涨", "增", "降", "减")) and not q.has(("比",)):
        changed = [(p, budget_change(p.budget)) for p in projects]
        changed = [(p, c) for p, c in changed if c is not None]
        if len(changed) < 2:
            return None
        by_percent = q.has(("幅", "百分", "%"))

        def signed(c):
            sign = 1 if c["amount"] >= 0 else -1
            return sign * (c["percent"] or 0) if by_percent else c["amount"]

        ranked = sorted(changed, key=lambda item: -signed(item[1]))
        listed = "，".join(
            f"{p.name}{c['direction']} {format_yuan(abs(c['amount']))}（{c['percent']}%）"
            for p, c in ranked
        )
        top = ranked[0] if q.has(("涨", "增")) else ranked[-1]
        word = "涨得最多" if q.has(("涨", "增")) else "降得最多"
        return Answer(
            f"比上年：{listed}；{top[0].name}{word}。",
            "comparison",
            [budget_source(p, "total") for p, _ in ranked],
        )
    return None


def _asks_money(rest: str) -> bool:
    """Whether what a question says beside the projects it names asks money (哪个预算高);
    经费 alone is often what is left of a name (派驻农场检察院|经费)."""
    return bool(re.search(r"预算|钱|金额|资金|拨款", rest))


def indicator_of_each(q: Question) -> Answer | None:
    """2.16米望远镜本体升级改造和怀柔太阳观测基地…分别要购置几台设备？ An indicator asked of
    several projects named one by one: each project's rows of it."""
    if len(q.projects) < 2 or not q.mention or "、" not in q.mention:
        return None
    if q.has(SUM_WORDS) and q.has(MONEY_WORDS):
        return None  # 加起来多少钱: their money (field_of_each)
    named = {p.id for p in q.projects}
    if q.indicators is not None:
        rows = [(p, r) for p, r in q.indicators.rows if p.id in named]
    elif _asks_money(q.rest):
        return None  # 哪个预算高: their money, not a row sharing a unit's word (检察院…)
    else:  # 购置几台设备: a name's pieces apart in the question (购置设备数量)
        pairs = _pairs_of(q.rest)
        rows = [(p, r) for p in q.projects if (r := _row_by_pairs(p, pairs)) is not None]
    counted = COUNTED.search(q.text)  # 几台: the rows counted in 台
    if counted:
        rows = [(p, r) for p, r in rows if counted["measure"] in r.target] or rows
    if q.indicators is not None:  # 群众满意度 of one, 居民群众满意度 of the other
        for project in q.projects:
            if all(project.id != o.id for o, _ in rows):
                found = next(
                    (r for n in q.indicators.names
                     if (r := _row_called(project, normalize_name(n), [])) is not None),
                    None,
                )  # fmt: skip
                rows += [(project, found)] if found is not None else []
    if not rows:
        return None
    listed = "；".join(f"{p.name}：{row_said(r)}" for p, r in rows)
    missing = [p.name for p in q.projects if all(p.id != o.id for o, _ in rows)]
    if missing:
        listed += f"；{'、'.join(missing)}没有设这个指标"
    elif len(rows) > 1 and SAME_ASKED.search(q.text):  # 目标一样不一样: say which
        same = len({same_target(r) for _, r in rows}) == 1
        listed = f"{'一样' if same else '不一样'}。{listed}"
    return Answer(f"{listed}。", "indicator_target", [indicator_source(p, r) for p, r in rows])


SAME_ASKED = re.compile(r"一样|相同|一致|有没有区别|有区别|不同")


def field_of_each(q: Question) -> Answer | None:
    """机关服务费和检察办案业务费的绩效类型分别是什么？ A、B和C一共多少钱？ Several projects
    named one by one, and what is asked of each (or their sum)."""
    if len(q.projects) < 2 or not q.mention or "、" not in q.mention:
        return None
    money = [f for f in q.fields if f in BUDGET_NAMES]
    if not money and q.has(SUM_WORDS) and q.has(MONEY_WORDS):
        money = ["total"]  # 四个项目钱加在一起是多少: their money
    if not q.fields and not money:
        return _line_of_each(q)
    if money and q.has(SUM_WORDS):
        key = money_key(q.projects, money[0])
        priced = [p for p in q.projects if p.budget.get(key) is not None]
        total = sum(p.budget[key] for p in priced)
        listed = "，".join(f"{p.name} {format_yuan(p.budget[key])}" for p in priced)
        return Answer(
            f"{BUDGET_NAMES[key]}：{listed}；合计 {format_yuan(total)}。",
            "sum",
            [budget_source(p, key) for p in priced],
        )
    if money and q.has(("哪个", "谁", "比较", "高", "低", "多", "少", "倍")):
        return None  # a comparison: compare_budgets answers
    asked = [f for f in q.fields if f != "change"] or q.fields  # 分别减少了多少: the change
    parts = [FACTS[f.split(":")[0]](p, f) for p in q.projects for f in asked]
    if not parts:
        return None
    return Answer(
        " ".join(part.text for part in parts),
        of_parts(parts, "several_fields"),  # a field some table leaves blank: in part
        [s for part in parts for s in part.sources],
    )


def _line_of_each(q: Question) -> Answer | None:
    """基本科研业务费和人才支撑体系专项各有没有上年结转资金: a budget line each table prints."""
    lines = [
        (p, line)
        for p in q.projects
        for line in p.budget_lines
        if line.yuan is not None and label_named(line.label, q.rest)
    ]
    if not lines:
        return None
    listed = "；".join(f"{p.name}：{line_printed(line)}" for p, line in lines)
    missing = [p.name for p in q.projects if all(p is not o for o, _ in lines)]
    if missing:
        listed += f"；{'、'.join(missing)}的表没有这一栏"
    return Answer(f"{listed}。", "budget", [line_source(p, line) for p, line in lines])


def last_year_rate(q: Question) -> Answer | None:
    """机关服务费上年预算执行率是多少？ From the table's 上年 columns: spent ÷ budget."""
    if len(q.projects) != 1 or "执行率" not in q.text or not q.has(("上年", "去年", "上一年")):
        return None
    project = q.projects[0]
    spent, budget = project.budget.get("prev_year_spent"), project.budget.get("prev_year_budget")
    if spent is None or not budget:
        return None
    rate = round(spent * 100 / budget, 2)
    return Answer(
        f"{project.name}上年预算执行率为 {rate}%（同名项目上年预算执行数 {format_yuan(spent)} ÷ "
        f"上年预算额 {format_yuan(budget)}）。",
        "budget",
        [budget_source(project, "prev_year_spent"), budget_source(project, "prev_year_budget")],
    )


# ----------------------------------------------------------------------------- indicators
def all_have(q: Question) -> Answer | None:
    """天文台九个项目是不是都设了“向所外开放共享的设备占比”？ Whether every project in scope
    has the indicator: yes, or which do."""
    if q.projects or q.indicators is None or not YES_NO.search(q.text) or "都" not in q.text:
        return None
    chosen = q.chosen
    having = {p.id for p, _ in q.indicators.rows}
    have = [p for p in chosen if p.id in having]
    rows = [(p, r) for p, r in q.indicators.rows if any(p.id == c.id for c in chosen)]
    name = "、".join(q.indicators.names[:3])
    if len(have) == len(chosen):
        said = f"是。{len(chosen)} 个项目都设了“{name}”。"
    else:
        listed = "；".join(f"{p.name}：{row_said(r)}" for p, r in rows)
        lacking = _names([p.name for p in chosen if p.id not in having])
        said = (
            f"不是。{len(chosen)} 个项目中只有 {len(have)} 个设了“{name}”，没有设的是{lacking}。"
            f"设了的：{listed or '无'}。"
        )
    return Answer(said, "indicator_yes_no", first_sources(indicator_source(p, r) for p, r in rows))


# the words of a question that asks for a list of projects
LISTING = (
    "哪些", "哪几", "哪个", "哪一个", "几个", "多少个", "有哪", "列出", "列一下", "有什么", "谁有",
    "哪张", "几张", "谁设", "谁把", "谁的",
)  # fmt: skip
GROUP_FIELDS = ("department", "unit", "category", "perf_type", "nature")


def field_of_group(q: Question) -> Answer | None:
    """国家天文台这些项目的主管部门是什么？ A header field of the projects a condition leaves:
    its values, and how many projects have each."""
    if q.projects or q.field not in GROUP_FIELDS or not q.conditions or q.has(LISTING):
        return None  # 绩效类型为…的项目有哪些: the projects (a list), not the field
    counts: dict[str, int] = {}
    for project in q.chosen:
        value = getattr(project, q.field) or "（未填写）"
        counts[value] = counts.get(value, 0) + 1
    if not counts:
        return None
    scope = "、".join(f.label for f in q.conditions)
    listed = "；".join(f"{value}（{n} 个项目）" for value, n in counts.items())
    label = {"department": "主管部门", "unit": "申报/实施单位", "category": "项目类别",
             "perf_type": "绩效类型", "nature": "项目性质"}[q.field]  # fmt: skip
    return Answer(
        f"{scope}的项目的{label}：{listed}。",
        "project_fact",
        [header_source(p, p.name) for p in q.chosen[:MAX_SOURCES]],
    )


def section_of_group(q: Question) -> Answer | None:
    """天文台这些项目的立项依据是什么？ A section asked of the projects a condition leaves:
    which of them have it, or not_in_corpus when none of their tables has such a section."""
    if q.projects or not (q.field or "").startswith("section:") or not q.conditions:
        return None
    spellings = next(words for name, words in FIELD_WORDS if name == q.field)
    if not any(len(w) >= 4 and w in q.text for w in spellings):
        return None  # 满意度目标高于90%的: 目标 names no section here
    chosen = q.chosen
    if not chosen:
        return None
    key = q.field.split(":", 1)[1]
    label = section_name(key)
    scope = "、".join(f.label for f in q.conditions)
    having = [p for p in chosen if p.sections.get(key)]
    if not having:
        return Answer(
            f"{scope}的项目的表中都没有“{label}”一栏，语料中查不到。",
            "not_in_corpus",
            [header_source(p, p.name) for p in chosen[:MAX_SOURCES]],
        )
    ids = {id(p) for p in having}
    without = [p.name for p in chosen if id(p) not in ids]
    said = f"{scope}的项目中，表里有“{label}”的是：{_names([p.name for p in having])}"
    said += f"；没有这一栏的：{_names(without)}。" if without else "。"
    return Answer(said, "passage", first_sources(source(p, key, p.sections[key]) for p in having))


def _names(names: list[str], shown: int = 20) -> str:
    """Names listed, the first `shown` of many and how many there are."""
    if len(names) <= shown:
        return "、".join(names)
    return f"{'、'.join(names[:shown])}等 {len(names)} 个"


def value_yes_no(q: Question) -> Answer | None:
    """兰溪路-真南路下立交工程是不是经常性项目？ A project's category, nature or type asked by a
    value: yes, or what it is."""
    choice = "还是" in q.text  # 是经常性项目还是阶段性项目: which of the two
    if len(q.projects) != 1 or not (YES_NO.search(q.text) or choice):
        return None
    project = q.projects[0]
    text = q.text.replace(q.mention, "|") if q.mention else q.text
    values = matcher(q.store).field_values
    fields = (("nature", "项目性质"), ("category", "项目类别"), ("perf_type", "绩效类型"))
    for key, _ in fields:
        value = value_named(text, values[key]) if values[key] else None
        if value is None:
            continue
        held = getattr(project, key)
        if held is None:
            return None
        yes = "" if choice else "是" if held == value else "不是"
        shown = "，".join(f"{lb}是{getattr(project, k)}" for k, lb in fields if getattr(project, k))
        said = f"{yes + '。' if yes else ''}{project.name}的{shown}。"
        return Answer(said, "project_fact", [header_source(project, said)])
    return None


def indicator_by_pairs(q: Question) -> Answer | None:
    """数据中心网站一年访问量得达到多少？ A row of the named project whose name's pairs the
    question holds apart (网站…访问量), where it asks a target."""
    if len(q.projects) != 1 or q.indicators is not None:
        return None
    if [f for f in q.fields if f != "section:goals"] or not re.search(TARGET_ASKED, q.text):
        return None
    row = _row_by_pairs(q.projects[0], _pairs_of(q.rest), least=3)
    if row is None:
        return None
    return Answer(
        target_said(q.projects[0], row), "indicator_target", [indicator_source(q.projects[0], row)]
    )


TARGET_ASKED = r"多少|(?<!哪)几|目标值|指标值|要求|达到|定在|定了"


def sum_of_targets(q: Question) -> Answer | None:
    """设了“购置设备数量”的项目合计要买多少台设备？ An indicator's targets added up over the
    projects in scope, where they are numbers of one unit."""
    if not q.has(SUM_WORDS) or len(q.projects) == 1 or q.has(("权重", "分值")):
        return None  # 两者权重加起来几分: the weights, not the targets
    if q.has(MONEY_WORDS):
        return _money_of_setters(q)  # 设了…指标的项目，资金加起来多少
    scope = {p.id for p in q.chosen}
    if q.indicators is not None:
        found = q.indicators.rows
        named = "、".join(q.indicators.names[:2])
    elif q.level_word:  # 成本指标的项目，成本上限加总: the rows of that kind
        found = tuple((p, r) for p in q.chosen for r in p.indicators if of_kind(r, q.level_word))
        named = f"{q.level_word}指标"
    else:
        return None
    rows = [(p, r) for p, r in found if p.id in scope and r.value is not None]
    units = {r.unit for _, r in rows}
    if len(rows) < 2 or len(units) != 1:
        return None
    unit = units.pop() or ""
    if "%" in unit and not re.search(r"几个|多少个|哪些|哪几", q.text):  # 满意度目标加起来
        return Answer(
            "这些目标值是百分比，相加没有意义；表中没有这样的合计，无法回答。", "not_in_corpus"
        )
    if "%" in unit or (
        re.search(r"(?<![那这哪])(?:几|多少)个(?:项目)?\W*$", q.text) and unit != "个"
    ):
        return None  # 一共几个 counts the projects, not the targets
    total = sum(float(r.value) for _, r in rows)
    listed = "；".join(f"{p.name} {r.target}" for p, r in rows)
    return Answer(
        f"“{named}”在 {len(rows)} 个项目中合计 {total:g}{unit}：{listed}。",
        "sum",
        first_sources(indicator_source(p, r) for p, r in rows),
    )


def _money_of_setters(q: Question) -> Answer | None:
    """The projects in scope that set the indicator named, and their money added up."""
    if q.indicators is None or not q.indicators.whole:
        return None
    scope = {p.id for p in q.chosen}
    projects = list({p.id: p for p, _ in q.indicators.rows if p.id in scope}.values())
    if len(projects) < 2:
        return None
    key = money_key(projects, "total")
    priced = [p for p in projects if p.budget.get(key) is not None]
    total = sum(p.budget[key] for p in priced)
    listed = "；".join(f"{p.name} {format_yuan(p.budget[key])}" for p in priced)
    named = "、".join(q.indicators.names[:2])
    return Answer(
        f"设了“{named}”的 {len(priced)} 个项目，{BUDGET_NAMES[key]}：{listed}；"
        f"合计 {format_yuan(total)}。",
        "sum",
        first_sources(budget_source(p, key) for p in priced),
    )


PAIRED = re.compile(rf"{AND}|与|跟")


def _sharing_tail(text: str, rows: list) -> list:
    """FAST和LAMOST的观测时间: the rows of the same projects whose names end as a named row's
    does (观测时间) and begin with another word of the question (FAST观测时间)."""
    plain = text.replace("的", "")
    for _, row in rows:  # FAST数据获取量和LAMOST观测时间: FAST of a row named whole is no head
        plain = plain.replace(row.name, "|")
    added = []
    for project, row in rows:
        for other in project.indicators:
            if other.name == row.name or any(o is other for _, o in rows + added):
                continue
            common = next(
                (n for n in range(min(len(other.name), len(row.name)), 0, -1)
                 if other.name[-n:] == row.name[-n:]),
                0,
            )  # fmt: skip
            head = other.name[: len(other.name) - common]
            tail = other.name[-common:] if common else ""
            if len(HAN.findall(tail)) >= 2 and len(head) >= 2 and head in plain:
                added.append((project, other))
    return added


def named_indicators(q: Question) -> Answer | None:
    """培训考核通过率目标值？ 哪些项目设了社会公众满意度？ 检察办案业务费设了社会公众满意度吗？"""
    mention = q.indicators
    if mention is None or len(q.projects) > 1:
        return None
    if not q.projects and q.has(EXTREMES) and not q.has(MONEY_WORDS):
        return None  # 哪个项目满意度卡得最严: the highest of them (extreme_target)
    # 社会公众满意度是不是90%: each row's target checked (not 比90%还高的: the rows above)
    checked = (
        mention.whole
        and re.search(r"是不是|是否|吗$|对吗|对不对", q.text)
        and not re.search(r"比\s*\d|[高低多少大小]于|以上|以下|超过|不到|不足|至少|起码", q.text)
    )
    if not q.projects and q.level_word and _target_test(q.text)[0] is not None and not checked:
        return None  # 对服务对象满意度要求比90%还高的: the rows of the kind that meet it
    # a name with a wrong character counts as named unless the stretch asks a field
    # (上年预算执行数 is a field, not 预算执行率 misspelled)
    whole = all(name in q.text for name in mention.names) or (mention.whole and not q.fields)
    # 目标 after an indicator asks its target, not the table's goals (总体目标, 年度目标)
    goals = not q.projects or not TABLE_GOALS.search(q.text)
    fields = [
        f
        for f in q.fields
        if not (f == "section:goals" and goals) and not (f == "indicators" and not q.projects)
    ]  # fmt: skip  (LAMOST相关指标有哪些: the rows that name it)
    counted = COUNTED.search(q.text)  # 观测多少小时: a quantity, in the unit of a target
    # 对政策的知晓度要到多少: a measure's name of one row (…度, …率), and 多少
    measure = (
        len(mention.names) == 1 and len(HAN.findall(mention.words)) >= 4
        and mention.words[-1] in "率度性" and re.search(r"多少|几|百分之", q.text)
    )  # fmt: skip
    if not whole and (fields or not (q.has(ABOUT_INDICATORS) or counted or measure)):
        return None  # a part of a name, in a question not about indicators
    rows = list(mention.rows)
    if not q.projects and q.conditions:  # 检察院那些项目里，哪几个问群众满不满意: of them
        chosen = {p.id for p in q.chosen}
        rows = [(p, r) for p, r in rows if p.id in chosen]
        if not rows and mention.words not in q.text:  # read in other words: among their rows
            meant = q.linker.by_meaning(q.rest, q.chosen)
            rows = list(meant.rows) if meant is not None else []
            mention = meant or mention
        if not rows:
            return None
    if not whole and not q.projects and q.has(WHICH):
        rows = _same_ending_meeting(q, mention, rows)
    if whole and PAIRED.search(q.text):  # LAMOST观测时间和高信噪比光谱数: the other one too
        rest = q.text
        for name in mention.names:
            rest = rest.replace(name, "|")
        other = q.linker.indicators(rest)
        if other is not None and len(HAN.findall(other.words)) >= 4:
            owners = {p.id for p, _ in rows}
            rows += [(p, r) for p, r in other.rows if p.id in owners and (p, r) not in rows]
        rows += _sharing_tail(q.text, rows)
    if whole and not q.projects and q.has(WHICH):  # 设备采购及时率: 设施设备采购及时率（%） too
        names = set(mention.names)
        rows += [
            (p, r) for p in q.chosen for r in p.indicators
            if r.name not in names and any(n in r.name for n in names)
        ]  # fmt: skip
    if not q.projects and NOT_SET.search(q.text):
        having = {p.id for p, _ in rows}  # 哪个项目没有“支付及时率”: those without it
        lacking = [p for p in q.chosen if p.id not in having]
        names = "、".join(p.name for p in lacking)
        return Answer(
            f"没有设“{'、'.join(mention.names[:2])}”的项目共 {len(lacking)} 个：{names or '无'}。",
            "list",
            [header_source(p, p.name) for p in lacking[:MAX_SOURCES]],
        )
    if counted:
        unit = counted["measure"] + counted["noun"][:1]
        rows = [
            (p, r) for p, r in rows if unit in r.target or counted["measure"] in r.target
        ] or rows
    if q.projects:
        project = q.projects[0]
        own = [(p, r) for p, r in rows if p.id == project.id]
        if YES_NO.search(q.text) and not own:
            return _not_set(project, mention.words)
        if not own:
            return None
        rows = own
    if YES_NO.search(q.text) and q.projects:
        listed = "；".join(f"“{r.name}”目标值 {r.target}" for _, r in rows)
        return Answer(
            f"有。{q.projects[0].name}设了{listed}。",
            "indicator_yes_no",
            [indicator_source(p, r) for p, r in rows],
        )
    grouped, listed = _rows_of_each(rows)
    count = len(grouped)
    called = "、".join(mention.names) if whole else mention.words  # 满意渡 → 满意度
    said = f"“{called}”相关的指标在 {count} 个项目中设置：{listed}。"
    if count == 1:  # LAMOST观测时间和高信噪比光谱数: the rows of one project
        ((project, items),) = grouped.values()
        said = f"“{called}”相关的指标都在{project.name}中：{'、'.join(items)}。"
    if count == 1 and len(rows) == 1:
        project, row = rows[0]
        said = target_said(project, row)
        said = f"{target_check(q.text, row)}{said}"
    elif not q.projects and checked:  # 是不是90%: yes where every row says it, else which do
        verdicts = {target_check(q.text, r) for _, r in rows}
        if len(verdicts) == 1:
            said = f"{verdicts.pop()}{said}"
        elif "" not in verdicts:
            said = f"不全是。{said}"
    return Answer(said, "indicator_target", [indicator_source(p, r) for p, r in rows[:MAX_SOURCES]])


def _same_ending_meeting(q: Question, mention, rows: list) -> list:
    """保障天数365天的指标哪些项目有: a part of a name with a target stated reads as the rows
    whose names end on its last word (…天数) and meet the target, where more tables set such
    rows than the part itself names."""
    test, _ = _target_test(q.text)
    pieces = [w for w, _, _ in words(mention.words) if len(w) >= 2]
    if test is None or len(pieces) < 2:
        return rows
    ending = pieces[-1]
    wider = [
        (p, r) for p in q.chosen for r in p.indicators
        if ending in r.name and normalize_name(r.name).endswith(ending) and test(r)
    ]  # fmt: skip
    more = len({p.id for p, _ in wider}) > len({p.id for p, _ in rows})
    return wider if more else rows


def _rows_of_each(rows: list) -> tuple[dict[str, tuple[Project, list[str]]], str]:
    """Rows grouped by table (tables of one name in several years stay apart), and said as
    “name：row、row；…” for the first MAX_NAMED tables (the counts stay whole)."""
    grouped: dict[str, tuple[Project, list[str]]] = {}
    for project, row in rows:
        grouped.setdefault(project.id, (project, []))[1].append(row_said(row))
    shown = list(grouped.values())[:MAX_NAMED]
    listed = "；".join(f"{project.name}：{'、'.join(items)}" for project, items in shown)
    return grouped, listed + ("等" if len(grouped) > MAX_NAMED else "")


def _not_set(project: Project, named: str) -> Answer:
    """A project without the indicator asked about: say so, and what it has near it."""
    near = [r for r in project.indicators if any(ch in r.name for ch in named[-3:])][:5]
    said = f"没有。{project.name}没有设“{named}”指标。"
    if near:
        said += "相近的指标有：" + "、".join(f"“{r.name}”" for r in near) + "。"
    return Answer(said, "indicator_yes_no", [indicator_source(project, r) for r in near])


def level_yes_no(q: Question) -> Answer | None:
    """信息化新建项目有没有设成本指标？ A level (of any table) asked of one project."""
    if len(q.projects) != 1 or not YES_NO.search(q.text) or q.indicators is not None:
        return None
    core = q.linker.level_word(q.rest.replace("指标", ""))
    if not core:
        return None
    project = q.projects[0]
    rows = [r for r in project.indicators if any(core in (lv or "") for lv in (r.level1, r.level2))]
    if rows:
        listed = "；".join(row_said(r) for r in rows)
        return Answer(
            f"有。{project.name}设了 {len(rows)} 个“{core}”指标：{listed}。",
            "indicator_yes_no",
            [indicator_source(project, r) for r in rows],
        )
    has = "、".join(dict.fromkeys(r.level2 or r.level1 or "" for r in project.indicators))
    return Answer(
        f"没有。{project.name}没有设“{core}”类指标；它的指标分为：{has}。",
        "indicator_yes_no",
        [indicator_source(project, r) for r in project.indicators[:3]],
    )


# the words that state a target as it is set (定的95%, 设为365天), no comparator
EQUALS = ("定在", "定的", "定为", "定成", "定了", "设为", "设成", "设的")
# A condition on a target: 90%以上, ≥90, 高于90%, 不是90%, 是100%; and on how many rows.
TARGET_CONDITION = re.compile(
    r"(?P<word>不是|不等于|高于|大于|超过|低于|小于|不低于|不少于|至少|不高于|不超过|≥|>=|≤|<=|"
    rf"{'|'.join(EQUALS)}|是|为|达到)?"
    r"\s*(?P<value>\d+(?:\.\d+)?)(?!\d|\s*(?:万|亿|元|年|月|日))\s*(?P<unit>%|％)?\s*"
    r"(?P<after>及以上|以上|以下|及以下)?"
)
# a number with its unit and no comparator: 365天, 13万次
VALUE_WITH_UNIT = re.compile(
    r"(?<![\d.])(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>天|小时|次|万次|篇|人次|台|套|米|公里)"
)
ROW_COUNT = re.compile(r"(?:超过|多于|大于|不少于|至少)\s*(\d+)\s*个|(\d+)\s*个(?:以上|及以上)")
# 设了两个满意度指标: exactly that many rows of the kind
EXACT_COUNT = re.compile(r"设了?([一二两三四五六七八九十\d]+)\s*个")
COMPARE = {
    "不是": "!=", "不等于": "!=", "高于": ">", "大于": ">", "超过": ">", "低于": "<", "小于": "<",
    "不低于": ">=", "不少于": ">=", "至少": ">=", "≥": ">=", ">=": ">=", "不高于": "<=",
    "不超过": "<=", "≤": "<=", "<=": "<=", "是": "==", "为": "==", "达到": ">=",
    **dict.fromkeys(EQUALS, "=="),
    "以上": ">=", "及以上": ">=", "以下": "<=", "及以下": "<=",
}  # fmt: skip
# the comparators a question states (not 是/为, which may say anything)
TARGET_CONDITION_WORDS = re.compile(
    "|".join(re.escape(w) for w in COMPARE if w not in ("是", "为", "达到") and w not in EQUALS)
)


SYMBOLS = {"≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<", "＝": "=", "=": "="}
# 目标是>=95%: a target written with that comparator and number, not any target above it
WRITTEN = re.compile(
    r"(?:是|为|写的?是?|写成|定为|填的?是?)\s*[“\"]?(?P<op>≥|>=|≤|<=|>|<|＝|=)\s*"
    r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>%|％)?"
)
NOT_PERCENT = re.compile(
    r"(?:没|不|未|非)(?:有|是|写|用|带|填)?(?:写|用|带|填|量化|定)?(?:成)?(?:百分比|百分数|%|％)"
)


def _target_test(text: str):
    """A test of a row's target the question states, and its words; (None, "") if none."""
    weight = re.search(r"(?:权重|分值)[^，,。？?\d]{0,6}?(\d+(?:\.\d+)?)\s*分?", text)
    if weight:  # 权重给到50分的指标: the weight, not the target
        value = float(weight[1])
        return (lambda r: r.weight is not None and float(r.weight) == value), f"权重 {weight[1]}"
    than = re.search(r"比\s*(\d+(?:\.\d+)?)\s*(%|％)?\s*(?:还|要|更)?(高|大|多|低|小|少)", text)
    if than:  # 比90%还高: above it (said first: the question asks it)
        op = ">" if than[3] in "高大多" else "<"
        return _compare(
            op, float(than[1])
        ), f"{'高于' if op == '>' else '低于'}{than[1]}{than[2] or ''}"
    written = WRITTEN.search(text)
    if written:
        op, value = SYMBOLS[written["op"]], float(written["value"])
        said = f"目标写作{op}{written['value']}{'%' if written['unit'] else ''}"

        def same(r):
            return r.op == op and r.value is not None and float(r.value) == value

        if text[max(0, written.start() - 1) : written.start() + 1] == "不是":  # 不是>=90%
            return (lambda r: not same(r)), f"目标不是{said.removeprefix('目标写作')}"
        return same, said
    unit = re.search(r"以[“\"]?([^”\"\s]{1,3}?)[”\"]?为单位|按([^\s数计]{1,2})数?计", text)
    if unit:  # 以“天”为单位, 按天数计
        u = unit[1] or unit[2]
        return (lambda r, u=u: r.unit == u or r.target.endswith(u)), f"单位为{u}"
    if NOT_PERCENT.search(text):
        return (lambda r: r.unit != "%"), "目标值不是百分比"
    if re.search(r"定性|没有数值|不是数值|非量化", text):
        return (lambda r: r.kind == "qualitative"), "定性"
    if re.search(r"定量|量化|有具体数值|有数值", text):
        return (lambda r: r.kind == "quantitative"), "定量"
    valued = VALUE_WITH_UNIT.search(text)
    if valued and not TARGET_CONDITION_WORDS.search(text):  # 保障365天的指标: that target
        value, unit = float(valued["value"]), valued["unit"]
        return (
            lambda r: r.value is not None and float(r.value) == value and unit in (r.target or "")
        ), valued.group(0)
    for found in TARGET_CONDITION.finditer(text):
        word = found["after"] or found["word"]
        if word is None or ROW_COUNT.match(text[found.start() :]):
            continue
        if not found["unit"] and word in ("是", "为", *EQUALS) and found["after"] is None:
            continue  # 是2020年 …: no target
        return _compare(COMPARE[word], float(found["value"])), found.group(0).strip()
    return None, ""


def _compare(op: str, value: float):
    tests = {
        "!=": lambda v: v != value, ">": lambda v: v > value, "<": lambda v: v < value,
        ">=": lambda v: v >= value, "<=": lambda v: v <= value, "==": lambda v: v == value,
    }  # fmt: skip
    check = tests[op]
    if op == "!=":  # 不是90%: a target in words (满意) is not 90% either
        return lambda r: r.value is None or check(float(r.value))
    return lambda r: r.value is not None and check(float(r.value))


def rows_where(q: Question) -> Answer | None:
    """兰溪路下立交的指标里哪几个是量化的？ One project's rows that meet a condition stated on
    their targets (量化, 定性, 不是百分比, ≥90%, 以天为单位)."""
    counting = re.search(r"几个|多少个|几条|多少条|几项|多少项", q.text)
    if len(q.projects) != 1 or not (re.search(r"哪些|哪几|哪个|列出|各是", q.text) or counting):
        return None
    if not re.search(r"指标|目标", q.rest):
        return None
    test, said = _target_test(q.rest)
    quoted = re.search(r"[“\"「]([^”\"」]{1,12})[”\"」]", q.rest)
    if test is None and quoted and re.search(r"名称|名字|叫", q.rest):  # 名称带“及时”的
        word = quoted[1]
        test, said = (lambda r, w=word: w in r.name), f"名称含“{word}”"
    if test is None:
        return None
    project = q.projects[0]
    rows = [r for r in project.indicators if test(r)]
    if not rows:
        return Answer(
            f"{project.name}没有{said}的指标。",
            "list",
            [header_source(project, project.name)],
        )
    listed = "；".join(row_said(r) for r in rows)
    return Answer(
        f"{project.name}{said}的指标有 {len(rows)} 个：{listed}。",
        "list",
        first_sources(indicator_source(project, r) for r in rows),
    )


def level_of_each(q: Question) -> Answer | None:
    """普陀区两个项目各自的时效指标是什么？ A kind of indicator in each project in scope."""
    if q.projects or not q.conditions or not q.level_word or not re.search(r"各自|分别|各", q.text):
        return None
    if q.has(LISTING):
        return None  # 哪些项目设了…: projects_by_level
    return _level_in_each(q.chosen, q.level_word)


def level_of_named(q: Question) -> Answer | None:
    """机关服务费和检察办案业务费的满意度指标分别有哪些？ A kind of indicator of each of the
    projects a question names one by one (not one row of it: 社会公众满意度分别是多少)."""
    if len(q.projects) < 2 or not q.mention or "、" not in q.mention or not q.level_word:
        return None
    one_row = q.indicators is not None and q.indicators.whole
    if one_row and q.indicators.words != q.level_word:
        return None
    if _asks_money(q.rest):
        return None
    if SAME_ASKED.search(q.rest):  # 满意度指标设得是不是一模一样: each one's, and whether so
        found = _level_in_each(q.projects, q.level_word)
        sets = {
            frozenset((normalize_name(r.name), same_target(r))
                      for r in p.indicators if of_kind(r, q.level_word))
            for p in q.projects
        }  # fmt: skip
        verdict = "一样" if len(sets) == 1 else "不一样"
        return Answer(f"{verdict}。{found.text}", found.type, found.sources)
    if not EACH_KIND.search(q.rest) or MET.search(q.rest):
        return None
    return _level_in_each(q.projects, q.level_word)


# what asks a kind of indicator of each project: 分别是啥, 各设了哪些, 有几个 (not whether
# they were met: 是否都达标)
EACH_KIND = re.compile(r"各|分别|都|哪些|哪几|什么|啥|几个|多少个")
MET = re.compile(r"是否|是不是|达标|达到了|完成了|实现了")


def _level_in_each(projects: list[Project], level: str) -> Answer:
    having = [(p, [r for r in p.indicators if of_kind(r, level)]) for p in projects]
    listed = "；".join(
        f"{p.name}（{len(rows)} 个）：{'、'.join(row_said(r) for r in rows)}"
        if rows
        else f"{p.name}：没有设"
        for p, rows in having
    )
    return Answer(
        f"“{level}”指标：{listed}。",
        "level_indicators",
        first_sources(indicator_source(p, r) for p, rows in having for r in rows),
    )


# rows a project does not set: 没有设, 没写 (not 没有量化成百分比, a condition on targets)
NOT_SET = re.compile(
    r"(?:(?<!有)没有|没写|未写)(?![^，。？?]{0,6}(?:百分比|百分数|%|量化|数值))|"
    r"未设|没设|不设|没填|未填|没列"
)
ANY_PROJECT = re.compile(
    r"有没有[^，。？?]{0,6}(?:项目|指标)|是否有[^，。？?]{0,4}(?:项目|指标)|有无[^，。？?]{0,4}项目|"
    r"有(?:项目|指标)[^，。？?]*吗"
)


def projects_by_level(q: Question) -> Answer | None:
    """哪些项目有成本指标？ 设了时效指标的项目有哪些？ 哪些项目没有设满意度指标？ 哪些项目的满意度
    目标是90%以上？ 哪些项目有定性的指标？ Over all projects (narrowed by what the question
    states): rows under a level (or of a kind) that meet the condition stated."""
    listing = q.has(LISTING)
    # 检察院的表有没有环境方面的效益指标: a yes or no over the projects in scope
    over_group = bool(q.conditions) and bool(YES_NO.search(q.text)) and bool(q.level_word)
    # 有没有项目设了经济效益指标: a yes or no over every project
    over_group = over_group or bool(
        ANY_PROJECT.search(q.text) and (q.level_word or _target_test(q.text)[0] is not None)
    )
    ending = re.search(r"的[\u4e00-\u9fff]{0,6}项目(?:有|吗)?$", q.text)  # …指标的检察院项目
    if q.projects or not (listing or over_group or ending):
        return None
    text = q.text
    test, said = _target_test(text)
    quoted = re.findall(r"[“\"'‘「]([^”\"'’」]{1,20})[”\"'’」]", text)
    values = matcher(q.store).field_values  # 项目类别写“其他一次性项目”: a field's value
    quoted = [w for w in quoted if not any(w in vs for vs in values.values())]
    if quoted and re.search(r"目标|指标值|写|填", text):  # 目标写的是“及时”: the target says it
        word = quoted[0]
        test, said = (lambda r, w=word: w in r.target), f"目标为“{word}”"
    elif quoted:  # 设了“健全”这种: rows whose target or name says it
        word = quoted[0]
        test, said = (lambda r, w=word: w in r.target or w in r.name), f"目标或名称含“{word}”"
    core = q.level_word
    if not core and test is None:
        return None
    # 环境效益或经济效益: rows of either kind
    named = [w for w in q.linker.level_words if w in text]
    cores = [w for w in named if not any(w != o and w in o for o in named)]
    cores = cores if len(cores) > 1 else [core]
    count = ROW_COUNT.search(text)
    exact = EXACT_COUNT.search(text) if not count else None
    exactly = chinese_number(exact[1]) if exact else 0
    at_least = (
        (int(count.group(1) or count.group(2)) + (1 if count.group(1) else 0)) if count else 0
    )
    # the rows of the kind, then those that meet the test, counted per project from the
    # rows' columns: at 100,000 projects reading every row would make a server's worker
    # copy them all; the rows said are read of the projects listed
    columns, places = row_columns(q.store), q.places
    of_kind = columns.of_projects(places)
    if "" not in cores:
        of_kind &= columns.any_field(
            lambda v: v is not None and any(c in v for c in cores), ("level1", "level2", "name")
        )
    kind_rows = np.flatnonzero(of_kind)
    rows = columns.passing(test, kind_rows) if test is not None else kind_rows
    counts = columns.per_project(rows)[places]
    meets = (counts >= max(at_least, 1)) & ((counts == exactly) if exactly else True)

    def rows_of(place):
        project = q.store.projects[place]
        return project, [project.indicators[n] for n in columns.of_project(place, rows)]

    having = map(rows_of, places[meets])  # (project, its rows): read as far as said

    what = "、".join(f"“{c}”" for c in cores) + "指标" if core else "指标"
    # 没有设…的项目; not 没有量化成百分比 (a condition on targets, said above)
    if NOT_SET.search(text):
        lacking = [q.store.projects[n] for n in places[~meets][:MAX_NAMED]]
        if not lacking:
            scope = "、".join(f.label for f in q.conditions)
            first = list(islice(having, MAX_SOURCES))
            shown = "；".join(f"{p.name}（{'、'.join(row_said(r) for r in rows[:3])}）"
                             for p, rows in first)  # fmt: skip
            scope = f"{scope}的" if scope else ""
            return Answer(
                f"没有。{scope} {len(places)} 个项目都设了{what}：{shown}。",
                "list",
                [indicator_source(p, rows[0]) for p, rows in first],
            )
        names = "、".join(p.name for p in lacking)
        lacks = int(np.count_nonzero(~meets))
        first = f"，前 {MAX_NAMED} 个" if lacks > MAX_NAMED else ""
        return Answer(
            f"没有设{what}的项目共 {lacks} 个{first}：{names or '无'}。",
            "list",
            [indicator_source(p, p.indicators[0]) for p in lacking[:MAX_SOURCES] if p.indicators],
        )
    condition = f"（{said}）" if said else ""
    if count:
        condition += f"（{at_least} 个以上）"
    if not meets.any():
        scope = "、".join(f.label for f in q.conditions)
        no = "没有。" if YES_NO.search(text) else ""
        held = ""
        if test is not None and core:  # 满意度定的95%: none; the targets they do set
            counts = targets_counted(columns.rows(kind_rows))
            listed = "，".join(f"{t} × {n}" for t, n in list(counts.items())[:8])
            held = f"这些项目的{what}目标值为：{listed}。" if counts else ""
        return Answer(
            f"{no}{scope + '的项目中' if scope else '语料中'}没有设{what}{condition}的项目。{held}",
            "list",
            [header_source(q.store.projects[n], q.store.projects[n].name)
             for n in places[:MAX_SOURCES]],
        )  # fmt: skip
    named = list(islice(having, MAX_NAMED))  # of thousands of tables, the first ones
    listed = "；".join(
        f"{p.name}（{'、'.join(row_said(r) for r in rows[:4])}）" for p, rows in named
    )
    total = int(np.count_nonzero(meets))
    first = f"，前 {MAX_NAMED} 个" if total > MAX_NAMED else ""
    yes = "有。" if YES_NO.search(text) else ""
    return Answer(
        f"{yes}设了{what}{condition}的项目共 {total} 个{first}：{listed}。",
        "list",
        first_sources(indicator_source(p, r) for p, rows in named for r in rows),
    )


def project_weights(q: Question) -> Answer | None:
    """国家重大科学工程运行维护各指标权重加起来多少？ 拆违经费的满意度指标权重？ The weights
    (分值) of one project's rows: of a level or of all, summed when asked."""
    if len(q.projects) != 1 or not q.has(("权重", "分值")):
        return None
    project = q.projects[0]
    level = _named_level(project, q.text.replace(q.mention or "", ""))
    rows = [r for r in project.indicators if level is None or level in (r.level1, r.level2)]
    weighed = [r for r in rows if r.weight is not None]
    if not weighed:
        return Answer(
            "这个项目的表没有分值/权重一栏，无法回答。", "not_in_corpus",
            [header_source(project, project.name)],
        )  # fmt: skip
    sources = first_sources(indicator_source(project, r) for r in weighed)
    what = f"“{level}”" if level else ""
    total = sum(r.weight for r in weighed)
    listed = "；".join(f"{r.name} {r.weight:g}" for r in weighed)
    said = f"{project.name}{what}指标的权重：{listed}；合计 {total:g}。"
    if q.has(("最高", "最大", "最多")):
        top = max(weighed, key=lambda r: r.weight)
        said = (
            f"{project.name}{what}权重最高的指标是{top.name}"
            f"（目标值 {top.target}，权重 {top.weight:g}）。{said}"
        )
    return Answer(said, "indicator_target", sources)


def projects_with_weights(q: Question) -> Answer | None:
    """哪些项目设置了分值权重？"""
    if q.projects or not q.has(("权重", "分值")) or not q.has(("哪些", "哪几个", "几个")):
        return None
    chosen = [p for p in q.store.projects if any(r.weight is not None for r in p.indicators)]
    names = "、".join(p.name for p in chosen)
    return Answer(
        f"指标带分值/权重的项目共 {len(chosen)} 个：{names or '无'}。",
        "list",
        [indicator_source(p, p.indicators[0]) for p in chosen[:MAX_SOURCES]],
    )


def sum_of_lines(q: Question) -> Answer | None:
    """国家天文台项目的上年结转资金一共多少？ A printed budget line summed over projects."""
    summed = q.has((*SUM_WORDS, "总额"))  # 财政拨款总额: the line added up
    if len(q.projects) == 1 or not summed or any(f in BUDGET_NAMES for f in q.fields):
        return None  # the budget's own amounts are summed by over_projects
    chosen = q.chosen
    printed = {ln.label for p in chosen for ln in p.budget_lines}
    named = [lb for lb in q.linker.line_labels if lb in printed and label_named(lb, q.text)]
    if not named:
        return None
    label = max(named, key=len)
    lines = [
        (p, ln)
        for p in chosen
        for ln in p.budget_lines
        if ln.label == label and ln.yuan is not None
    ]
    if not lines:
        return None
    total = sum(ln.yuan for _, ln in lines)
    scope = "、".join(f.label for f in q.conditions)
    return Answer(
        f"{scope + '的 ' if scope else ''}{len(lines)} 个项目的{label}合计 {format_yuan(total)}。",
        "sum",
        first_sources(line_source(p, ln) for p, ln in lines),
    )


def indicator_count(q: Question) -> Answer | None:
    """检察业务工作费一共设了多少个三级指标？ 指标最多的是哪个项目？"""
    counted = ("几个", "多少个", "多少项", "几项", "几条", "多少条", "最多", "最少")
    # 两个项目谁的绩效指标多, 哪张的三级指标少
    which = re.search(
        r"(?:谁|哪个|哪张|哪一个|哪一张|哪边|哪家)[^，。？?]{0,8}?(?:多(?!少)|(?<!多)少)"
        r"(?=[？?，,。呢吗]|$|一些|些|点)",
        q.text,
    )
    rows_named = q.has(("指标",)) or re.search(r"考核(?:的)?(?:条目|项目?|点|内容)", q.text)
    if not rows_named or not (q.has(counted) or which):  # 考核条目一共有几条: rows
        return None
    if len(q.projects) > 1 and not _asks_money(q.rest):  # 各设了几个三级指标, 哪张的多
        return _counts_of_each(q.projects, q.level_word, bool(which) or q.has(("最多", "最少")))
    if len(q.projects) == 1:
        project = q.projects[0]
        level = _named_level(project, q.text.replace(q.mention or "", ""))
        if level is not None:
            return level_rows(project, level, "count", "个")
        levels: dict[str, int] = {}
        for row in project.indicators:
            levels[row.level2 or row.level1 or ""] = (
                levels.get(row.level2 or row.level1 or "", 0) + 1
            )
        parts = "、".join(f"{name} {n}" for name, n in levels.items() if name)
        return Answer(
            f"{project.name}共设 {len(project.indicators)} 个三级指标（{parts}）。",
            "count",
            [indicator_source(project, r) for r in project.indicators],
        )
    chosen = q.chosen
    of_projects = re.search(r"几个项目|多少个项目|哪[几些]个?项目|的有几个|有几个项目", q.text)
    if (
        not q.projects
        and q.conditions
        and chosen
        and not q.has(("最多", "最少"))
        and not of_projects
        and q.indicators is None
        and not which
    ):
        # 天文台九张表加起来总共有多少条三级指标: the rows of the projects in scope
        core = q.level_word
        rows = [(p, r) for p in chosen for r in p.indicators if not core or of_kind(r, core)]
        each = "、".join(
            f"{p.name} {sum(1 for o, _ in rows if o is p)}" for p in chosen[:MAX_SOURCES]
        )
        scope = "、".join(f.label for f in q.conditions)
        what = f"“{core}”指标" if core else "三级指标"
        return Answer(
            f"{scope}的 {len(chosen)} 个项目共设 {len(rows)} 个{what}（{each}）。",
            "count",
            [source(p, "indicators", p.name, "indicators") for p in chosen[:MAX_SOURCES]],
        )
    if q.projects or not (q.has(("最多", "最少")) or which) or not chosen:
        return None
    if len(chosen) <= 5:  # 普陀那两个项目谁的指标多: each one's count, the most first
        return _counts_of_each(chosen, q.level_word, True)
    core = q.level_word
    if core:  # 满意度设了几个指标的最多: rows of that kind
        counts = {p.id: sum(1 for r in p.indicators if of_kind(r, core)) for p in chosen}
        ranked = sorted(chosen, key=lambda p: -counts[p.id])
        most, least = counts[ranked[0].id], counts[ranked[-1].id]
        top = "、".join(p.name for p in ranked if counts[p.id] == most)
        bottom = "、".join(p.name for p in ranked if counts[p.id] == least)
        return Answer(
            f"“{core}”指标最多的是{top}（{most} 个）；最少的是{bottom}（{least} 个）。",
            "ranking",
            [
                source(p, "indicators", f"{counts[p.id]} 个“{core}”指标", "indicators")
                for p in ranked
            ],
        )
    ranked = sorted(chosen, key=lambda p: -len(p.indicators))
    most, least = len(ranked[0].indicators), len(ranked[-1].indicators)
    top = "、".join(p.name for p in ranked if len(p.indicators) == most)
    bottom = "、".join(p.name for p in ranked if len(p.indicators) == least)
    return Answer(
        f"指标最多的是{top}（{most} 个三级指标）；最少的是{bottom}（{least} 个）。",
        "ranking",
        [source(p, "indicators", f"{len(p.indicators)} 个指标", "indicators") for p in ranked],
    )


def _counts_of_each(projects: list[Project], core: str, ranked: bool) -> Answer:
    """How many rows (of a kind) each project sets, and which sets most where asked."""
    counts = {p.id: sum(1 for r in p.indicators if of_kind(r, core)) for p in projects}
    what = f"“{core}”指标" if core else "三级指标"
    listed = "；".join(f"{p.name} {counts[p.id]} 个" for p in projects)
    said = f"{what}：{listed}。"
    if ranked:
        most = max(counts.values())
        top = [p.name for p in projects if counts[p.id] == most]
        said += (
            "都一样多。" if len(top) == len(projects) else f"{'、'.join(top)}最多（{most} 个）。"
        )
    return Answer(
        said,
        "count",
        [source(p, "indicators", f"{counts[p.id]} 个{what}", "indicators") for p in projects],
    )


# ----------------------------------------------------------------------------- money
CHANGE_WORDS = (
    "降幅", "增幅", "涨幅", "涨得", "降得", "增长", "下降", "减少", "增加", "涨", "降", "砍",
    "削减", "压减", "缩减", "压缩",
)  # fmt: skip


def unchanged(q: Question) -> Answer | None:
    """哪些项目预算持平？"""
    flat_words = ("持平", "没有变化", "没变", "不变", "一样", "相同", "相等", "没有增减")
    if q.projects or not q.has(flat_words) or not q.has((*WHICH, "几个")):
        return None
    flat = [p for p in q.chosen if (c := budget_change(p.budget)) and c["amount"] == 0]
    names = "、".join(p.name for p in flat)
    return Answer(
        f"总预算与上年持平的项目共 {len(flat)} 个：{names or '无'}。",
        "list",
        [budget_source(p, "total") for p in flat],
    )


EXTREMES = ("最高", "最低", "最大", "最小", "最严", "最苛刻", "最松", "最宽")


def extreme_target(q: Question) -> Answer | None:
    """满意度目标最高的项目？ 天文台哪个项目满意度要求最高？ Over the rows whose name or level
    holds the word asked, the highest (or lowest) number."""
    if len(q.projects) == 1 or not q.has(EXTREMES):
        return None
    if q.has(MONEY_WORDS):
        return None
    mention = q.indicators
    # a row named as printed (用户满意度) is asked; one read in other words or with wrong
    # characters (对使用者满意程度) stands for its kind, the level named (满意度)
    exact = mention is not None and mention.words in mention.names
    named = [mention.words] if exact else []
    named += [q.level_word] if q.level_word else []
    named += [mention.names[0]] if mention is not None and not exact else []
    if not named and not q.has(("权重", "分值")):
        return None
    chosen = q.chosen
    by_weight = q.has(("权重", "分值"))  # 满意度权重最高: the weight, not the target

    def measure(row):
        return float(row.weight if by_weight else row.value)

    for word in named or [""]:  # 单个指标权重最高给到几分: "" is over every row
        rows = [
            (p, r) for p in chosen for r in p.indicators
            if (r.weight if by_weight else r.value) is not None and of_kind(r, word)
        ]  # fmt: skip
        if rows:
            break
    else:
        return None
    highest = q.has(("最高", "最大"))
    if q.has(("最严", "最苛刻")) and not by_weight:
        # the strictest: the highest floor (≥92%), or the lowest ceiling (≤120万元)
        ceilings = sum(1 for _, r in rows if re.match(r"\s*(?:≤|<=|<|不高于|不超过)", r.target))
        highest = ceilings * 2 < len(rows)
    best = (max if highest else min)(measure(r) for _, r in rows)
    top = [(p, r) for p, r in rows if measure(r) == best]
    listed = _names([f"{p.name}：{row_said(r)}" for p, r in top], MAX_SOURCES)
    what = "权重" if by_weight else "目标值"
    kind = f"“{word}”" if word else "单项指标"
    return Answer(
        f"{kind}{what}{'最高' if highest else '最低'}的是{listed}。",
        "ranking",
        [indicator_source(p, r) for p, r in top[:MAX_SOURCES]],
    )


# what asks how the targets of a kind of row are spread over the projects
SPREAD = re.compile(
    r"有高有低|高低|区别|差别|差异|不同|不一样|一样|一致|都是|都定|都设|各种|各类|这类|那些|"
    r"最低|最高|最严|最松|不是100|都多少|定的多少|定了多少|定多少|设了多少|用了|分别"
)
# the end of a name that a kind of rows shares (到位率, 验收合格率, 知晓度, 健全性)
FAMILY_END = "率度性"


@per_generation
def _families(store) -> dict[str, list]:
    """Each ending of a library name (three characters or more, ending on 率, 度 or 性) →
    the library groups whose names end on it."""
    found: dict[str, list] = {}
    for group in store.library:
        key = group.key
        if key and key[-1] in FAMILY_END:
            for start in range(len(key) - 2):
                found.setdefault(key[start:], []).append(group)
    return found


# 满意度指标是百分比吗, 目标值是定量的还是定性的: the form targets are written in, not a value
TARGET_FORM = re.compile(
    r"(?P<pct>百分比|百分数|百分率|百分号|百分制)|(?P<qual>定性)|定量|量化|数值|数字(?!化)"
)


def target_form(q: Question) -> Answer | None:
    """信息化新建项目的满意度指标是百分比吗？ 这几个指标是定量的还是定性的？ Whether the
    targets of the rows asked about are written as percentages, numbers, or in words."""
    text = q.rest or q.text
    for name in q.indicators.names if q.indicators is not None else []:
        text = text.replace(name, "|")  # 档案数字化工作完成率: a name, not the form asked
    if re.search(r"\d", text):
        return None  # 数值是不是5000小时: a value checked, not the form of the targets
    asked = TARGET_FORM.search(text)
    choice = "还是" in q.text
    if asked is None or not (YES_NO.search(q.text) or choice) or "多少" in q.text:
        return None
    if q.indicators is not None:
        owners = {p.id for p in q.projects}
        rows = [(p, r) for p, r in q.indicators.rows if not owners or p.id in owners]
    elif q.level_word and q.projects:
        rows = [(p, r) for p in q.projects for r in p.indicators if of_kind(r, q.level_word)]
    else:
        return None
    if not rows:
        return None

    def form(target: str) -> str:
        if "%" in target or "百分" in target:
            return "百分比，定量"
        return "数值，定量，不是百分比" if re.search(r"\d", target) else "文字表述，定性，没有数值"

    forms = [form(r.target or "") for _, r in rows]
    if asked["pct"]:
        held = [f.startswith("百分比") for f in forms]
    elif asked["qual"]:
        held = [f.startswith("文字") for f in forms]
    else:
        held = [not f.startswith("文字") for f in forms]
    verdict = "" if choice else "是。" if all(held) else "不是。" if not any(held) else "不全是。"
    several = len({p.id for p, _ in rows}) > 1
    listed = "；".join(
        f"{p.name + '的' if several else ''}“{r.name}”目标值为“{r.target}”（{f}）"
        for (p, r), f in zip(rows, forms, strict=True)
    )
    owner = "" if several else f"{rows[0][0].name}："
    return Answer(
        f"{verdict}{owner}{listed}。",
        "indicator_yes_no",
        [indicator_source(p, r) for p, r in rows[:MAX_SOURCES]],
    )


def family_targets(q: Question) -> Answer | None:
    """到位率这个指标哪些项目用了？值有区别吗  各种及时率都定的多少  验收合格率这类指标最低
    定到多少: the rows whose names end on the words, over the projects in scope, with their
    targets, how many of each, and the lowest or highest where asked."""
    # (哪些项目设了到位率: who sets them, named_indicators; 低于100%的, 没有设的: here)
    narrowed = NOT_SET.search(q.text) or _target_test(q.text)[0] is not None
    if q.projects or not (SPREAD.search(q.text) or narrowed):
        return None
    if q.has(MONEY_WORDS) or q.has(("权重", "分值")):
        return None
    families = _families(q.store)
    word = max(
        (q.text[i:j] for j in range(len(q.text), 2, -1) if q.text[j - 1] in FAMILY_END
         for i in range(j - 3, -1, -1) if q.text[i:j] in families),
        key=len, default="",
    )  # fmt: skip
    if not word or word in q.linker.levels:
        return None
    chosen = {p.id for p in q.chosen}
    rows = [(p, r) for g in families[word] for p, r in g.rows if p.id in chosen]
    names = {r.name for _, r in rows}
    if len(names) < 2 and not re.search(r"各种|各类|这类|那些|所有", q.text):
        return None  # one indicator across projects: indicator_target says it
    if not rows:
        return None
    what = f"名称以“{word}”结尾的指标"
    if NOT_SET.search(q.text):  # 哪些项目没有设验收合格率: those without any of them
        having = {p.id for p, _ in rows}
        lacking = [p.name for p in q.chosen if p.id not in having]
        return Answer(
            f"没有设{what}的项目共 {len(lacking)} 个：{_names(lacking, MAX_NAMED) or '无'}。",
            "list",
            first_sources(header_source(p, p.name) for p in q.chosen if p.id not in having),
        )
    test, condition = _target_test(q.text)
    if test is not None:  # 验收合格率低于100%的: the rows that meet it
        rows = [(p, r) for p, r in rows if test(r)]
        what += f"（{condition}）"
        if not rows:
            return Answer(f"没有{what}。", "list", [])
    by_project, listed = _rows_of_each(rows)
    counts = targets_counted(r for _, r in rows)
    spread = "，".join(f"{t} × {n}" for t, n in counts.items())
    same = "，都一样" if len(counts) == 1 else f"，有 {len(counts)} 种"
    said = (
        f"{what}在 {len(by_project)} 个项目中共 {len(rows)} 项：{listed}。目标值：{spread}{same}。"
    )
    valued = [(p, r) for p, r in rows if r.value is not None]
    for asked, pick, label in ((("最低", "最松"), min, "最低"), (("最高", "最严"), max, "最高")):
        if q.has(asked) and valued:
            best = pick(float(r.value) for _, r in valued)
            tied = [f"{p.name}的{row_said(r)}" for p, r in valued if float(r.value) == best]
            said += f"{label}的是{_names(tied, MAX_SOURCES)}。"
    return Answer(
        said, "indicator_distribution", [indicator_source(p, r) for p, r in rows[:MAX_SOURCES]]
    )


def projects_with_line(q: Question) -> Answer | None:
    """国家天文台的项目中有几个有上年结转资金？ Projects whose printed line is not zero."""
    if len(q.projects) == 1 or not q.has(("几个", "哪些", "多少个", "哪几个", "哪个")):
        return None
    named = [lb for lb in q.linker.line_labels if label_named(lb, q.text)]
    if not named or any(f in BUDGET_NAMES for f in q.fields):
        return None
    label = max(named, key=len)
    chosen = q.chosen
    having = [(p, ln) for p in chosen for ln in p.budget_lines if ln.label == label and ln.yuan]
    listed = "；".join(f"{p.name} {ln.printed} {ln.unit}" for p, ln in having)
    return Answer(
        f"有{label}的项目共 {len(having)} 个：{listed or '无'}。",
        "count",
        first_sources(line_source(p, ln) for p, ln in having),
    )


# 比去年多拿得最多, 比上年少了: a change asked by the comparison with last year
AGAINST_PREVIOUS = re.compile(r"(?:比|较)(?:去年|上年|上一年)[^，,。？?]{0,4}?(多|少|高|低)")
# 和上年比，哪个减得最多: last year named apart, then the way an amount moved, most or least
VERSUS_PREVIOUS = re.compile(r"(?:和|与|跟|同|较|比|对比)(?:去年|上年度?|上一年)|同比")
MOVED_MOST = re.compile(
    r"([增减涨降升缩砍压多少])(?:得|了)?(?:最多|最少|最大|最小|最厉害|最狠|最猛)"
)


def change_ranking(q: Question) -> Answer | None:
    """降幅最大的项目是哪个（百分比）？ 跟上年比有几个项目预算下降了？ 哪些项目比去年少了，
    按降幅排一下？"""
    asks = ("最", "第一", "排第一", "几个", "多少个", "哪几个", "哪些")
    against = AGAINST_PREVIOUS.search(q.text)
    if against is None and VERSUS_PREVIOUS.search(q.text):
        against = MOVED_MOST.search(q.text)
    if q.has(("盘子", "合计", "总计", "加起来", "总额")) and re.search(r"[这那]几个", q.text):
        return None  # 这几个项目的总盘子涨了还是缩了: their sum, not which of them
    if q.projects or not (q.has(CHANGE_WORDS) or against) or q.has(("指标",)):
        return None
    ordered = bool(SORTED.search(q.text)) and not q.has(("最",))
    if not q.has(asks) and not ordered:
        return None
    listed_only = q.has(("哪些", "哪几个")) and not re.search(r"\d+(?:\.\d+)?\s*%", q.text)
    if listed_only and not ordered:
        return None  # which rose or fell: over_projects lists them
    chosen = q.chosen
    changed = [(p, budget_change(p.budget)) for p in chosen]
    changed = [(p, c) for p, c in changed if c is not None]
    if not changed:
        return Answer(
            "这些项目的表没有同名项目上年预算额，算不出比上年的增减，无法回答。",
            "not_in_corpus",
            [header_source(p, p.name) for p in chosen[:MAX_SOURCES]],
        )
    falling = q.has(("降", "减少", "下降", "减", "砍", "压", "缩"))
    falling = falling or (against is not None and against.group(1) in "少低缩砍压")
    by_percent = q.has(("幅", "百分", "%", "比例", "率"))
    measure = re.search(
        r"(?:按|以|用)[^，,。？?]{0,6}?(?P<how>金额|绝对额|绝对值|钱数|数额|额度|百分比|幅|比例|%)",
        q.text,
    )  # 增幅方面，按金额哪个涨得最多: the amount; 按多出来的绝对金额排 too
    if measure is not None:
        by_percent = measure["how"] in ("百分比", "幅", "比例", "%")
    if ordered:  # 按降幅从大到小排一下: each that fell (or rose), in order
        return _change_order(_moved(changed, falling), falling, by_percent)
    if q.has(("几个", "多少个", "哪些", "哪几个")) and not q.has(("最",)):
        chosen = _moved(changed, falling)
        over = re.search(
            r"(?:超过|大于|高于|以上)\s*(\d+(?:\.\d+)?)\s*%|(\d+(?:\.\d+)?)\s*%以上", q.text
        )
        if over:
            limit = float(over.group(1) or over.group(2))
            chosen = [(p, c) for p, c in chosen if (c["percent"] or 0) > limit]
        word = "减少" if falling else "增加"
        listed = "、".join(
            f"{p.name}（{format_yuan(abs(c['amount']))}，{c['percent']}%）" for p, c in chosen
        )
        return Answer(
            f"比上年{word}的项目有 {len(chosen)} 个：{listed}。",
            "count",
            [budget_source(p, "total") for p, _ in chosen],
        )

    def size(item) -> float:
        change = item[1]
        sign = 1 if change["amount"] >= 0 else -1
        value = sign * (change["percent"] or 0) if by_percent else change["amount"]
        return value if not falling else -value

    smallest = q.has(("最小", "最少", "最低"))
    ranked = sorted(changed, key=size, reverse=not smallest)
    if smallest:  # 降幅最小: the smallest fall among those that fell
        ranked = _moved(ranked, falling)
        if not ranked:
            return None
    project, change = ranked[0]
    said = (
        f"{'降' if falling else '增'}{'幅' if by_percent else '额'}{'最小' if smallest else '最大'}"
        f"的是{project.name}：{_change_said(project, change)}。"
    )
    return Answer(
        said,
        "ranking",
        [budget_source(project, "total"), budget_source(project, "prev_year_budget")],
    )


def _moved(changed: list, falling: bool) -> list:
    """Of (project, change) pairs, those that fell (or, not `falling`, rose)."""
    return [(p, c) for p, c in changed if (c["amount"] < 0) == falling and c["amount"]]


def _change_said(project: Project, change: dict) -> str:
    """上年预算额 …，项目总预算 …，增加 …，6.0%: a project's change from last year."""
    percent = f"，{change['percent']}%" if change["percent"] is not None else ""
    return (
        f"同名项目上年预算额 {format_yuan(project.budget['prev_year_budget'])}，项目总预算 "
        f"{format_yuan(project.budget['total'])}，{change['direction']} "
        f"{format_yuan(abs(change['amount']))}{percent}"
    )


def _change_order(moved: list, falling: bool, by_percent: bool) -> Answer | None:
    """Projects that rose (or fell) against last year, largest change first."""
    if not moved:
        return None

    def size(item) -> float:
        return abs(item[1]["percent"] or 0) if by_percent else abs(item[1]["amount"])

    moved = sorted(moved, key=size, reverse=True)
    shown = moved[:MAX_RANKED]  # of thousands of tables, the first ones
    word = "减少" if falling else "增加"
    listed = "；".join(
        f"{n}. {p.name}（{_change_said(p, c)}）" for n, (p, c) in enumerate(shown, 1)
    )
    by = ("降幅" if falling else "增幅") if by_percent else f"{word}金额"
    first = f"，前 {len(shown)} 个" if len(shown) < len(moved) else ""
    return Answer(
        f"比上年{word}的项目按{by}从大到小，共 {len(moved)} 个{first}：{listed}。",
        "ranking",
        first_sources(budget_source(p, "total") for p, _ in shown),
    )


MAX_RANKED = 20  # projects a ranking of changes lists


def rank_position(q: Question) -> Answer | None:
    """检察业务保障费在8个项目里预算排第几？ Among the tables of its unit and year."""
    superlative = re.search(r"(?:是不是|是否|是).{0,12}最(高|低|多|少|大|小)", q.text)
    if len(q.projects) != 1 or not (q.has(("排第几", "第几", "排名", "排在")) or superlative):
        return None
    project = q.projects[0]
    key = "current_year" if q.has(("当年", "本年", "今年", "年度")) else "total"
    if project.budget.get(key) is None:
        key = "current_year" if key == "total" else "total"
    peers = [
        p
        for p in q.store.projects
        if p.unit == project.unit and p.year == project.year and p.budget.get(key) is not None
    ]
    if project.budget.get(key) is None or len(peers) < 2:
        return None
    ranked = sorted(peers, key=lambda p: -p.budget[key])
    place = ranked.index(project) + 1
    if superlative and not q.has(("排第几", "第几", "排名")):
        top = superlative.group(1) in "高多大"
        yes = place == 1 if top else place == len(ranked)
        first = ranked[0] if top else ranked[-1]
        said = (
            f"{'是' if yes else '不是'}。{project.name}的{BUDGET_NAMES[key]} "
            f"{format_yuan(project.budget[key])}，在 {len(peers)} 个项目中排第 {place}；"
            f"{'最高' if top else '最低'}的是{first.name}（{format_yuan(first.budget[key])}）。"
        )
        return Answer(said, "ranking", [budget_source(p, key) for p in ranked[:MAX_SOURCES]])
    said = (
        f"{project.name}的{BUDGET_NAMES[key]} {format_yuan(project.budget[key])}，在"
        f"{project.unit} {project.year} 年度的 {len(peers)} 个项目中排第 {place}（从高到低）。"
    )
    return Answer(said, "ranking", [budget_source(p, key) for p in ranked])


# Two amounts of one table, and what is asked of them: 占 a share, 是…倍 a multiple, 减去 the rest
OWN_OPERATION = re.compile(
    r"占|减去|减掉|扣除|扣掉|除去|去掉|是(?=[^，,。]*倍)|比(?=[^，,。]*[多少差])|"
    r"(?:和|与|跟)(?=[^，,。？?]*(?:相差|差多少|差了多少|差额|差距))"  # 总额和年度申请总额差多少
)


# many projects' money: 八个项目…合计, 所有项目的总额
# the labels of a table's whole money (年度资金总额), not of a part of it (上年结转资金)
WHOLE_LINE = re.compile(r"总额|合计|总计|总数|总预算")
# a share of all of a project's own money, its whole said as 全部 alone
OF_ITS_WHOLE = re.compile(r"占了?(?:全部|所有|总数|整体)的?(?:几成|多少|多大|比例|比重|百分之)")
# many projects named as the whole (not 全部 alone: 占了全部的几成 of one project's money)
MANY_PROJECTS = re.compile(
    r"[几两三四五六七八九十\d]+(?:个项目|张表)|(?:所有|全部|各个?)的?(?:项目|表)|总和"
)
# many projects, or all said alone (全部, 所有: of a group named elsewhere in the line)
OF_MANY = re.compile(f"{MANY_PROJECTS.pattern}|所有|全部")
# 总共…，今年用…，剩下的还有多少: the project's money beyond this year's
REMAINDER = re.compile(r"剩下|剩余|还剩|其余|余下")


def _remainder(project: Project) -> Answer | None:
    whole = _amount_named(project, "项目资金总额")
    year = _amount_named(project, "今年")
    if whole is None or year is None or whole.label == year.label:
        return None
    rest = format_yuan(whole.yuan - year.yuan)
    return Answer(
        f"{project.name}的{whole.label} {whole.said}减去{year.label} {year.said}，余 {rest}。",
        "comparison",
        [whole.source, year.source],
    )


@dataclass(frozen=True)
class Amount:
    label: str
    said: str  # as printed, with its unit
    yuan: int
    source: dict


def _amount_named(project: Project, text: str) -> Amount | None:
    """The amount of a table that the words name: a printed budget line by its label, else
    a budget field by its spellings (今年申请的钱, 项目总资金)."""
    # the line named last, nearest the operation (年度资金里，上年结转资金占…: 上年结转资金)
    named = [(at, ln) for ln in project.budget_lines if (at := label_at(ln.label, text)) >= 0]
    line = max(named, key=lambda al: al[0])[1] if named else None
    if line is not None and line.yuan is not None:
        said = f"{line.printed} {line.unit}"
        return Amount(line.label, said, line.yuan, line_source(project, line))
    keys = [f for f in asked_fields(text) if f in BUDGET_NAMES and project.budget.get(f)]
    if not keys:  # 2026年的钱, 整个项目资金: the year's money, the whole project's
        this_year = (
            rf"今年|当年|本年|年度|{project.year}\s*年" if project.year else "今年|当年|本年"
        )
        if re.search(this_year, text) and project.budget.get("current_year"):
            keys = ["current_year"]
        elif re.search(
            r"整个|全部|总共|总额|总计|一共|项目资金|总资金", text
        ) and project.budget.get("total"):
            keys = ["total"]
    if not keys:
        return None
    key = "current_year" if "current_year" in keys else keys[0]  # 今年的预算: this year's
    line = printed_budget_line(project, key)
    if line is not None and line.yuan is not None:
        said = f"{line.printed} {line.unit}"
        return Amount(line.label, said, line.yuan, line_source(project, line))
    yuan = project.budget[key]
    return Amount(BUDGET_NAMES[key], format_yuan(yuan), yuan, budget_source(project, key))


def _shares(project: Project, text: str) -> Answer | None:
    """Each budget line the text names as a share of the project's money (财政拨款和上年结转
    资金各占多少)."""
    whole = printed_budget_line(project, money_key([project], "total"))
    lines = [ln for ln in project.budget_lines if label_named(ln.label, text) and ln is not whole]
    if whole is None or not whole.yuan or not lines:
        return None
    said = "；".join(
        f"{ln.label} {ln.printed} {ln.unit}，占 {round(ln.yuan * 100 / whole.yuan, 2)}%"
        for ln in lines
        if ln.yuan is not None
    )
    return Answer(
        f"{project.name}的{whole.label} {whole.printed} {whole.unit}，其中{said}。",
        "share",
        [line_source(project, ln) for ln in (whole, *lines)],
    )


# this year's money as a part of last year's: 是上年的几成, 是去年的百分之几, 是去年的一半多吗
OF_LAST_YEAR = re.compile(
    r"(?:今年|当年|本年)[^，,。？?]{0,8}?是(?:去年|上年|上一年)的?(?P<how>几成|百分之几|多少|几倍|"
    r"百分之多少|一半|多大比例)"
)


# a group set against one project: 加起来, 合计, the others (其余八个项目)
GROUP_SUM = re.compile(
    r"加起来|加在一起|加一起|合计|合起来|一共|总共|总和|其余|其他|另外|[\d一二两三四五六七八九十]+个项目"
)
SET_AGAINST = re.compile(r"比|差多少|差了?多少|相差|几倍|倍")


def project_against_group(q: Question) -> Answer | None:
    """兰溪路下立交一年的钱是不是比检察院8个项目加起来还多？几倍？ 国家重大科学工程运行维护是
    不是比天文台其余八个项目加起来还多？ One project's money against a group's sum."""
    if len(q.projects) != 1 or not GROUP_SUM.search(q.rest) or not SET_AGAINST.search(q.rest):
        return None
    if re.search(r"比例|比重|占", q.rest):
        return None  # 占天文台九个项目合计的几成: a share (share_of_group)
    if q.level_word or q.indicators is not None or "指标" in q.rest:
        return None  # money only, not rows (满意度指标比其他项目多)
    if q.fields and not any(f in BUDGET_NAMES for f in q.fields) and not _asks_money(q.rest):
        return None
    project = q.projects[0]
    groups = [(label, ps) for label, ps in groups_named(q) if [p.id for p in ps] != [project.id]]
    if len(groups) != 1:
        return None
    label, members = groups[0]
    inside = any(p.id == project.id for p in members)
    others = inside and bool(re.search(r"其余|其他|另外|别的", q.rest))
    members = [p for p in members if p.id != project.id] if inside else members
    if not members:
        return None
    asked_key = q.field if q.field in BUDGET_NAMES else money_key([project], "total")
    key = _common_key([(project.name, [project]), (label, members)], asked_key)
    if key is None or project.budget.get(key) is None:
        return None
    priced = [p for p in members if p.budget.get(key) is not None]
    if not priced:
        return None
    own, total = project.budget[key], sum(p.budget[key] for p in priced)
    gap = own - total
    asked = re.search(r"(?:比|超过)[^，。？?]*?(多|少|高|低|大|小)", q.rest)
    yes = ""
    if asked and re.search(r"吗|是不是|是否|有没有", q.rest):
        more = asked.group(1) in "多高大"
        yes = "是。" if (gap > 0) == more and gap != 0 else "不是。"
    group = f"{label}{'其余' if others else ''}的 {len(priced)} 个项目"
    said = (
        f"{yes}{project.name}的{BUDGET_NAMES[key]}为 {format_yuan(own)}；{group}合计 "
        f"{format_yuan(total)}；{project.name}比它们{'多' if gap >= 0 else '少'} "
        f"{format_yuan(abs(gap))}"
    )
    if total:
        said += f"，是它们的 {round(own / total, 2)} 倍"
    sources = [budget_source(p, key) for p in [project, *priced]]
    return Answer(said + "。", "comparison", sources[:MAX_SOURCES])


def ratio_to_last_year(q: Question) -> Answer | None:
    """检察办案场所设备经费今年预算是上年的几成？ This year's money over last year's."""
    found = OF_LAST_YEAR.search(q.text)
    if len(q.projects) != 1 or found is None:
        return None
    project = q.projects[0]
    now, before = project.budget.get("current_year"), project.budget.get("prev_year_budget")
    if now is None or not before:
        return None
    ratio = now / before
    said = (
        f"{project.name}的{BUDGET_NAMES['current_year']} {format_yuan(now)}，是"
        f"{BUDGET_NAMES['prev_year_budget']} {format_yuan(before)}的 {ratio * 100:.2f}%"
        + (f"（约{ratio * 10:.1f}成）。" if ratio < 1 else f"（{ratio:.2f} 倍）。")
    )
    if found["how"] == "一半" and re.search(r"吗|是不是|是否", q.text):
        said = f"{'是' if ratio >= 0.5 else '不是'}，" + said
    sources = [budget_source(project, "current_year"), budget_source(project, "prev_year_budget")]
    return Answer(said, "share", sources)


def difference_of_own(q: Question) -> Answer | None:
    """项目资金总额和年度申请总额差多少: two amounts of one table, before the fields asked
    (差多少 is no change from last year when the two are named)."""
    found = OWN_OPERATION.search(q.text)
    return share_of_own(q) if found is not None and found.group() in ("和", "与", "跟") else None


LAST_YEAR_WORD = re.compile(r"去年|上年|上一年|前一年")


def share_of_own(q: Question) -> Answer | None:
    """拆违经费的年度资金申请总额占项目资金总额的比例？ 项目资金总额是年度申请额的几倍？ 项目总额
    减去今年申请的还剩多少？ Two amounts of one table."""
    found = OWN_OPERATION.search(q.text)
    whole_own = len(q.projects) == 1 and OF_ITS_WHOLE.search(q.text)  # 占了全部的几成: its own
    many = MANY_PROJECTS if whole_own else OF_MANY
    if found is not None and found.group() == "占" and many.search(q.text):
        return None  # 在八个项目当年预算合计中占多大比重: a share of many projects' money
    if len(q.projects) == 1 and found is None and REMAINDER.search(q.text):
        return _remainder(q.projects[0])
    between = found is not None and found.group() in ("和", "与", "跟")
    if between and LAST_YEAR_WORD.search(q.text):
        return None  # 今年和去年的预算差多少: the change from last year, another plan's
    if len(q.projects) != 1 or found is None or ("change" in q.fields and not between):
        return None  # 预算跟上年相比少了多少: the change from the year before, not two amounts
    project = q.projects[0]
    first = _amount_named(project, q.text[: found.start()])
    second = _amount_named(project, q.text[found.end() :])
    if first is None and REMAINDER.search(q.text):
        return _remainder(project)  # 除去今年的还剩多少: the whole less this year's
    if found.group() == "占" and re.search(r"各占|分别占", q.text):
        return _shares(project, q.text[: found.start()])
    if second is None and found.group() == "占" and first is not None:
        # 上年结转资金占几成: of the project's money (its total, else the year's)
        key = money_key([project], "total")
        second = _amount_named(project, BUDGET_NAMES[key])
    if first is None or second is None or first.label == second.label or not second.yuan:
        return None
    sources = [first.source, second.source]
    head = f"{project.name}的{first.label} {first.said}"
    if found.group() == "占":
        share = round(first.yuan * 100 / second.yuan, 2)
        return Answer(f"{head}占{second.label} {second.said}的 {share}%。", "share", sources)
    if found.group() == "是":
        times = round(first.yuan / second.yuan, 2)
        return Answer(f"{head}是{second.label} {second.said}的 {times} 倍。", "share", sources)
    if found.group() in ("比", "和", "与", "跟"):  # 项目资金总额比年度资金申请总额多多少
        gap = first.yuan - second.yuan
        more = "多" if gap >= 0 else "少"
        said = f"{head}比{second.label} {second.said}{more} {format_yuan(abs(gap))}。"
        if not gap:
            said = f"{head}与{second.label} {second.said}相同。"
        return Answer(said, "comparison", sources)
    rest = format_yuan(first.yuan - second.yuan)
    return Answer(f"{head}减去{second.label} {second.said}，余 {rest}。", "comparison", sources)


def share_of_group(q: Question) -> Answer | None:
    """A project's money as a share of the projects a question names as the whole (占普陀区
    两个项目合计的比例, 在天文台这九个项目里占多大比例), before any amount of its own answers."""
    if len(q.projects) != 1 or not _asks_share(q):
        return None
    project = q.projects[0]
    at = q.text.find("占")
    parts = [ln for ln in _lines_named(project, q.text[:at]) if not WHOLE_LINE.search(ln.label)]
    if parts and not MANY_PROJECTS.search(q.text[at:]):
        return None  # 基本科研业务费里，上年结转资金占了全部的几成: a line of its own money
    whole = share_whole(q.text)
    if whole and not of_tables(whole):  # 占上海市全部财政支出的比重: a total no table holds
        said = f"表中写到了相关内容，但没有写明“{whole}”的总额（语料中没有，算不出比重）"
        return refusal(q, said)
    # the conditions of the whole (占普陀区两个项目合计), not those the project's name holds
    conditions = conditions_of(q, whole) if whole else q.conditions
    named = projects_where(q.store, conditions)
    if conditions and project in named and len(named) > 1:
        return _share_among(q, project, named)
    if whole and conditions and named and project not in named:  # 占天文台全部项目预算的比例
        return refusal(q, f"{project.name}是{project.unit}的项目，不在“{whole}”之中")
    if OF_MANY.search(q.text) or conditions:
        return _share_among(q, project, _unit_peers(q, project))
    return None


def share_of_total(q: Question) -> Answer | None:
    """检察业务保障费占比多少？ A project's money as a share of its unit's projects'."""
    if len(q.projects) != 1 or not _asks_share(q):
        return None
    return _share_among(q, q.projects[0], _unit_peers(q, q.projects[0]))


def _asks_share(q: Question) -> bool:
    return q.has(("占",)) and q.has(("比例", "比重", "百分之", "多少", "几成"))


def _unit_peers(q: Question, project: Project) -> list[Project]:
    return [p for p in q.store.projects if p.unit == project.unit and p.year == project.year]


def _share_among(q: Question, project: Project, peers: list[Project]) -> Answer | None:
    key = "current_year" if q.has(("当年", "本年", "今年", "年度")) else money_key(peers, "total")
    amounts = [p.budget[key] for p in peers if p.budget.get(key) is not None]
    if project.budget.get(key) is None or not amounts:
        return None
    total = sum(amounts)
    if not total or len(amounts) < 2:
        return None  # nothing to take a share of, or the project alone (its own amounts)
    share = round(project.budget[key] * 100 / total, 2)
    name = BUDGET_NAMES[key]
    units = {p.unit for p in peers}
    of = f"{project.unit} {project.year} 年度" if len(units) == 1 else "、".join(sorted(units))
    said = (
        f"{of} {len(amounts)} 个项目的{name}合计 "
        f"{format_yuan(total)}，{project.name} {format_yuan(project.budget[key])}，占 {share}%。"
    )
    return Answer(said, "share", [budget_source(p, key) for p in peers])


# ----------------------------------------------------------------------------- passages
LIST_ITEM = re.compile(r"^(?:\d{1,2}\)|[（(]\d{1,2}[)）]|[①-⑩])")


def _row_by_pairs(project: Project, pairs: set[str], least: int = 2):
    """The one row of a project whose name holds most (at least `least`) of the pairs."""
    scored = [(sum(pair in r.name for pair in pairs), r) for r in project.indicators]
    best = max((n for n, _ in scored), default=0)
    top = [r for n, r in scored if n == best]
    return top[0] if best >= least and len(top) == 1 else None


def _pairs_of(text: str) -> set[str]:
    text = text.replace("请问", "|")  # 问 of asking; 访问 is a word of the tables
    return {
        text[i : i + 2] for i in range(len(text) - 1) if not (set(text[i : i + 2]) & QUESTION_CHARS)
    }


def _with_list(sentences: list[str], n: int) -> str:
    """A sentence, and the items of the list it begins (1)建设…；2)建设…；3)建设…)."""
    sentence = sentences[n]
    if not re.search(r"(?:\d{1,2}\)|[（(]\d{1,2}[)）]|[①-⑩])", sentence):
        return sentence
    following = []
    for item in sentences[n + 1 :]:
        if not LIST_ITEM.match(item):
            break
        following.append(item)
    return "".join([sentence, *following])


def sub_project_list(q: Question) -> Answer | None:
    """信息化新建项目有几个子项目？ 包括哪几个部分？"""
    asks = (
        "子项目", "子项", "几个部分", "哪几部分", "哪几个部分", "几部分", "子系统",
        "由哪些项目组成",
    )  # fmt: skip
    if len(q.projects) != 1:
        return None
    project = q.projects[0]
    parts = sub_projects(project)
    counted = re.search(r"几个([\u4e00-\u9fff]{1,3})", q.text)
    named = counted and parts and any(counted.group(1)[-2:] in p.title for p in parts)
    if not q.has(asks) and not named:  # 有几个系统: what its sub-projects' titles are
        return None
    if re.search(r"哪(?:一)?个子项", q.text):
        return None  # 砍了哪个子项: one of them, by what happened to it (no list)
    if not parts:  # the corpus holds none: said so, as not_in_corpus
        return Answer(
            "这个项目的表中没有分列子项目，语料中查不到。",  # the name is its source
            "not_in_corpus",
            [header_source(project, project.name)],
        )
    listed = "；".join(f"{p.number}. {p.title}" for p in parts)
    first = next(iter(parts[0].texts))
    return Answer(
        f"{project.name}共有 {len(parts)} 个子项目：{listed}。",
        "sub_projects",
        [source(project, first, project.sections[first])],
    )


def projects_mentioning(q: Question) -> Answer | None:
    """FAST是哪个项目的？ 哪些项目提到了无人机？ The projects whose name, sections or
    indicators hold the words the question asks about."""
    if not q.has(("哪个项目", "哪些项目", "哪几个项目", "什么项目")) or q.has(
        ("最多", "最少", "最高", "最低", "最大", "最小")
    ):
        return None
    if q.projects and q.mention and all(q.mention != p.name for p in q.projects):
        # 哪个项目涉及电梯更新: the words name a project (or several) by a part of its name
        names = "、".join(p.name for p in q.projects)
        return Answer(
            f"“{q.mention}”是{names}的一部分（项目名称）。",
            "list",
            [header_source(p, p.name) for p in q.projects],
        )
    if q.projects or _target_test(q.text)[0] is not None:
        return None  # a condition on targets (以“天”为单位): projects_by_level
    core = re.sub(r"哪个项目|哪些项目|哪几个项目|什么项目|提到|涉及|包含|里有|有关", "", q.rest)
    quoted = re.findall(r"[“\"'‘「]([^”\"'’」]{2,20})[”\"'’」]", q.text)
    if quoted and q.level_word and re.search(r"目标|指标值|写", q.text):
        return None  # 时效指标里目标只写了“及时”的: rows of a kind, by target (projects_by_level)
    shown = quoted or [
        core[s:e]
        for w, s, e in words(core)
        if w not in QUESTION_ONLY and len(w) > 1 and w not in ("指标", "目标", "内容", "方面")
    ]
    terms = [t.lower() for t in shown]
    if any(t.lower() not in q.linker.text_lower and not q.linker.mentions(t) for t in shown):
        return None  # a word nothing in the corpus holds: no project holds them all
    scope = [*q.linker.unit_names, *q.linker.places]
    if not quoted and all(any(t in s.lower() for s in scope) for t in terms):
        return None  # 普陀区有哪些项目: a unit or a place (the lists by condition)
    if not quoted and q.conditions:  # 天文台有哪些项目要购置设备: its projects, by the rest
        kept = [
            t
            for t in terms
            if not any(t in s.lower() for s in scope) and not YEAR_WORD.fullmatch(t)
        ]
        shown = [s for s in shown if s.lower() in kept]
        terms = kept
    if not terms or (not quoted and any(t in q.linker.level_words for t in terms)):
        return None  # 哪些项目有成本指标: a kind of indicator (projects_by_level)
    found = []

    ways = [synonyms(t) for t in terms]  # 采购设备 of 购置设备数量

    def holds(text: str) -> bool:
        text = text.lower()
        return all(any(w in text for w in way) for way in ways)

    for project in q.chosen if q.conditions else q.store.projects:
        places = []
        if holds(project.name):
            places.append("项目名称")
        for key, text in project.sections.items():
            if holds(text):
                places.append(section_name(key, project.template))
        rows = [r for r in project.indicators if holds(r.name) or holds(r.target)]
        if rows:  # the rows themselves, with their targets (购置设备数量 1台)
            places.append("、".join(f"{r.name} {r.target}" for r in rows[:3]))
        if places:
            found.append((project, places))
    if not found and q.conditions:
        # 检察院哪些项目提到了无人机: none of its projects; say so, and which others do
        others = [
            p
            for p in q.store.projects
            if holds(p.name)
            or any(holds(t) for t in (*p.sections.values(), *(r.name for r in p.indicators)))
        ]
        scope = "、".join(f.label for f in q.conditions)
        said = f"{scope}的项目中没有提到“{'、'.join(shown)}”的"
        if not others:
            return None
        said += f"（提到的是：{'、'.join(p.name for p in others[:10])}）"
        return Answer(f"{said}。", "list", [source(p, None, p.name) for p in others[:MAX_SOURCES]])
    if not found:
        return None
    listed = "；".join(f"{p.name}（{'、'.join(places)}）" for p, places in found[:20])
    return Answer(
        f"提到“{'、'.join(shown)}”的项目共 {len(found)} 个：{listed}。",
        "list",
        [source(p, None, p.name) for p, _ in found[:MAX_SOURCES]],
    )


# 五违四必指的是啥: a term, and the words that ask what it means
MEANING = re.compile(
    r"^(?P<term>.{2,40}?)(?:指的是|是指|是什么意思|什么意思|啥意思|指什么|指啥|的含义|的意思|"
    r"[是指]哪[几一二三四五六七八九十]+[个条项])"
)
# where a text explains a term: “五违四必”（安全隐患必须清除、…）, 三算一致，即…
EXPLAINED = (
    r"{term}[”\"」]?\s*(?:[（(](?P<paren>[^（()）]{{4,200}})[)）]"
    r"|[，,]?\s*(?:即|是指|指的是)(?P<said>[^。；;]{{4,200}}))"
)


def term_meaning(q: Question) -> Answer | None:
    """What a term the tables use means, where a table explains it: in brackets after it
    (“五违四必”（…）) or after 即/是指."""
    found = MEANING.search(q.text)
    if found is None:
        return None
    quoted = re.findall(r"[“\"「'‘]([^”\"」'’]{2,12})[”\"」'’]", found["term"])  # …的“四必”: 四必
    term = quoted[-1] if quoted else found["term"].strip("“”\"'「」的 ").split("的")[-1]
    if len(term) < 2:
        return None
    pattern = re.compile(EXPLAINED.format(term=re.escape(term)))
    for project in q.chosen:
        for key, text in project.sections.items():
            explained = pattern.search(text)
            if explained:
                meaning = explained["paren"] or explained["said"]
                where = f"{project.name}的{section_name(key, project.template)}"
                return Answer(
                    f"{where}里，“{term}”指：{meaning}。",
                    "passage",
                    [source(project, key, explained.group(0))],
                )
    return None


# 办公室、政治部、研究室各管啥: things listed, and 各/分别 asked of each
LISTED = re.compile(
    r"((?:[\u4e00-\u9fffA-Za-z0-9]{2,10}[、和及与]){1,5}[\u4e00-\u9fffA-Za-z0-9]{2,10}?)(?:各|分别)"
)


def each_listed(q: Question) -> Answer | None:
    """Several things of one project asked one by one (办公室、政治部、研究室各管啥): for each,
    the sentence of the project that says most about it."""
    found = LISTED.search(q.rest)
    if len(q.projects) != 1 or q.fields or found is None:
        return None
    items = [i for i in re.split(r"[、和及与]", found.group(1)) if i]
    project = q.projects[0]
    sentences = [
        (key, s.strip())
        for key, text in project.sections.items()
        for s in SENTENCE_END.split(text)
        if s.strip()
    ]
    picked = []
    for n, item in enumerate(items):
        if n == 0:  # 里办公室: the words before the first thing are not part of it
            tails = (item[i:] for i in range(len(item) - 1))
            item = next((t for t in tails if any(t in text for _, text in sentences)), item)
            items[0] = item
        holding = [(key, s) for key, s in sentences if item in s]
        if not holding:
            return None  # one of them is not in the table: the general plans answer
        # the shortest sentence that holds it says most about it alone
        picked.append(min(holding, key=lambda ks: len(ks[1])))
    said = "；".join(
        _around(s, [i]).rstrip("。；;") for (_, s), i in zip(picked, items, strict=True)
    )
    return Answer(
        f"{project.name}：{said}。",
        "passage",
        [source(project, key, s) for key, s in picked],
    )


PURPOSE_ASKED = re.compile(r"干什么|干嘛|做什么|用来|用途|作用|目的|是什么系统|是啥")


def sub_project_purpose(q: Question) -> Answer | None:
    """信访数据辅助决策系统是干什么用的？ What a sub-project is for: its text in the project's
    overview (else its goals or plan)."""
    if q.part is None or not PURPOSE_ASKED.search(q.text):
        return None
    project = q.projects[0]
    key = next((k for k in ("overview", "goals", "plan", "necessity") if q.part.texts.get(k)), None)
    if key is None:
        return None
    text = q.part.texts[key]
    said = _around(text, [q.part.title]) if len(text) > 300 else text
    return Answer(
        f"{project.name}的子项目“{q.part.title}”（{section_name(key, project.template)}）：{said}",
        "passage",
        [source(project, key, text)],
    )


# what a project does, asked in general words (要做哪些事, 动哪些地方, 搞些什么活动)
WHAT_IT_DOES = re.compile(
    r"(?:哪些|什么|啥|哪几样|哪几件)(?:事情?|地方|内容|活动|工作|东西|活儿?)|干(?:些)?什么|做(?:些)?什么"
)


def project_passages(q: Question) -> Answer | None:
    """A question about one project that no field answers (兰溪路下立交分几段实施？ 派驻的是哪几
    个农场检察院？): the sentences of its sections that share most of the question's words."""
    if len(q.projects) != 1 or q.field is not None:
        return None
    project = q.projects[0]
    rest = q.rest
    terms = [w for w, _, _ in words(rest) if w not in QUESTION_ONLY and len(w) > 1]
    terms = terms or [w for w, _, _ in words(q.mention or "") if len(w) > 1]
    if not terms:
        return None
    texts = dict(q.part.texts if q.part is not None else project.sections)
    if q.part is None and project.indicators:  # indicator rows are read as sentences too
        texts["indicators"] = "；".join(f"{r.name}：{r.target}" for r in project.indicators)
    rest = rest.replace("分别", "|")
    # Sentences scored by the question's character pairs they hold (jieba may cut 施工单位
    # and 设计单位 differently; pairs do not): twice for the words outside the project's name,
    # once for the name's own words the question also asks about (屋面防水 of 本部大楼…屋面防水项目)
    words_in_name = _pairs_of(rest) - {"项目"}
    rest = outside(rest, project.name)
    pairs = (_pairs_of(rest) - {"项目"}) or _pairs_of(q.mention or "")  # 派驻农场检察院有几个
    counted = COUNTED.search(rest)  # 分几段: a sentence with a number of 段 answers it
    scored = []
    for key, text in texts.items():
        sentences = [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
        for n, sentence in enumerate(sentences):
            shared = 2 * sum(1 for pair in pairs if pair in sentence)
            shared += sum(1 for pair in words_in_name - pairs if pair in sentence)
            if counted and counted_in(sentence, counted["measure"], counted["noun"]):
                shared += 3
            if shared:
                scored.append((shared, key, _with_list(sentences, n)))
    if not scored:  # 一共分几段: single characters of what is asked (分, 段)
        chars = set(rest) - QUESTION_CHARS - set("|一共个项目")
        for key, text in texts.items():
            sentences = [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
            for n, sentence in enumerate(sentences):
                shared = sum(1 for ch in chars if ch in sentence)
                if shared >= max(2, len(chars) - 1):
                    scored.append((shared, key, _with_list(sentences, n)))
    if not scored and WHAT_IT_DOES.search(rest):  # 具体要动哪些地方, 准备搞些什么活动
        key = next((k for k in ("goals", "plan", "overview") if project.sections.get(k)), None)
        if key is not None:
            text = project.sections[key]
            said = f"{project.name}的{section_name(key, project.template)}：{text}"
            return Answer(said, "section", [source(project, key, text)])
    if not scored:
        return None
    scored.sort(key=lambda item: -item[0])
    best = scored[0][0]
    top: list[tuple[int, str, str]] = []
    for item in scored:
        if item[0] >= best * 0.75 and not any(item[2] in kept[2] for kept in top):
            top.append(item)
    top = top[:3]
    said = " ".join(
        f"{_around(sentence, terms)}（{section_name(key, project.template)}）"
        for _, key, sentence in top
    )
    return Answer(
        f"{project.name}：{said}",
        "passage",
        [source(project, key, sentence) for _, key, sentence in top],
    )


__all__ = [
    "change_ranking",
    "indicator_count",
    "indicator_text",
    "named_indicators",
    "project_passages",
    "several_fields",
    "share_of_total",
]
