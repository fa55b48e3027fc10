"""Answer plain Chinese questions from the records, citing where each answer comes from.

No language model: a question is read into what it mentions (projects, a field, an
indicator, a level, a document number or title, filters such as a category) and the first
answerer that can handle that reading computes the answer from the records. Adding a
question type is one small function added to ANSWERERS. When the corpus does not hold
the answer we say so and give no number.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from itertools import islice
from operator import attrgetter
from typing import Any

import numpy as np
from rapidfuzz.distance import Levenshtein

from indexer.citations import find_doc_numbers, is_regulation_title, normalize_title
from indexer.issuers import issuer_name
from indexer.layouts.fields import read_label, to_yuan
from indexer.model import BudgetLine, Indicator, Project
from indexer.money import BUDGET_NAMES, budget_change, format_yuan
from indexer.text import word_parts, words
from indexer.vocabulary import LEVEL_NAMES, SECTION_LABELS, SECTION_NAMES, section_name

from ..backend import SearchBackend
from ..indicators import (
    IndicatorGroup,
    normalize_name,
    projects_of_groups,
    targets_of_groups,
    targets_ranked,
    targets_set,
)
from ..regulations import Regulation, find_regulations
from ..service import SearchRequest, search
from ..store import JoinedTexts, ProjectStore, per_generation
from ..urls import project_url, section_anchor
from ..vocabulary import in_own_words, related, same_meaning
from .columns import ProjectsAt, RowColumns, ValueColumn
from .reading import (
    ORG_ENDINGS,
    YEAR,
    IndicatorMention,
    Linker,
    SubProject,
    abbreviates,
    chinese_number,
    fold,
    linker,
    outside,
    stands_alone,
    sub_projects,
    to_simplified,
    years_in,
)

# --------------------------------------------------------------------------- vocabulary

# What a question asks about a project, most specific spellings first.
FIELD_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "change",
        (
            "比上年",
            "比上一年",
            "较上一年",
            "较上年",
            "比去年",
            "较去年",
            "跟上年比",
            "和上年比",
            "与上年比",
            "跟去年比",
            "和去年比",
            "同上年比",
            "增减",
            "变化",
            "增加了多少",
            "减少了多少",
            "多了还是少了",
        ),
    ),
    (
        "prev_year_spent",
        (
            "上年预算执行数",
            "上年度预算执行数",
            "预算执行数",
            "执行数",
            "执行了多少",
            "实际支出",
            "上年执行",
            "去年执行",
            "实际执行",
            "执行多少",
            "上年花掉",
            "去年花掉",
            "上年用掉",
            "去年用掉",
            "上年实际花",
            "去年实际花",
        ),
    ),
    ("prev_year_budget", ("上年预算额", "上年预算", "去年预算", "上年度预算", "上一年预算")),
    (
        "current_year",
        (
            "年度资金申请总额",
            "年度资金总额",
            "当年预算",
            "本年预算",
            "今年预算",
            "年度预算",
            "年度资金",
            "申请总额",
            "当年资金",
            "今年资金",
            "本年资金",
            "今年要花",
            "今年的钱",
            "今年花",
            "今年申请",
            "当年申请",
            "申报数",
            "申请了多少钱",  # longer than 多少钱 (the total), so read first
            "申请多少钱",
            "申请了多少资金",
            "年度申请",
            "申请额",
            "一年的钱",
            "一年花",
            "一年要花",
        ),
    ),
    ("total", ("项目资金总额", "资金总额", "项目总资金", "项目总额", "经费总额", "总额")),
    (
        "sources",
        (
            "资金来源",
            "经费来源",
            "预算来源",
            "资金构成",
            "资金组成",
            "钱从哪",
            "钱是从哪",
            "资金从哪",
            "经费从哪",
            "哪些渠道",
        ),
    ),
    ("section:goals", ("年度总体目标", "年度绩效目标", "本年度目标")),
    ("indicators", ("绩效指标", "有哪些指标", "指标有哪些", "哪些指标", "绩效目标")),
    (
        "total",
        (
            "总预算",
            "预算总额",
            "预算是",
            "预算为",
            "预算有",
            "预算多少",
            "多少钱",
            "钱是多少",
            "经费多少",
            "经费是多少",
            "资金是多少",
            "的预算",
            "总投资",
            "要花多少",
            "花多少",
            "给了多少",
            "批了多少",
            "拨了多少",
            "一共花",
            "总共花",
        ),
    ),
    ("perf_type", ("绩效类型", "哪一类绩效", "哪类绩效", "什么绩效类", "绩效类别", "绩效分类")),
    ("nature", ("项目性质", "项目属性", "什么性质")),
    ("category", ("项目类别", "项目类型", "类别", "什么类", "哪一类", "哪类")),
    (
        "start_date",
        (
            "计划开始日期",
            "开始日期",
            "开始时间",
            "何时开始",
            "什么时候开始",
            "什么时候开工",
            "何时开工",
            "哪年开始",
            "开工时间",
            "开工日期",
            "启动时间",
            "就开始",
            "开始了吗",
            "开始的吗",
        ),
    ),
    (
        "end_date",
        (
            "计划完成日期",
            "完成日期",
            "结束日期",
            "完成时间",
            "何时完成",
            "什么时候完成",
            "什么时候结束",
            "啥时候结束",
            "何时结束",
            "哪天结束",
            "几时结束",
            "什么时候截止",
            "什么时候完工",
            "何时完工",
            "完工时间",
            "完工日期",
            "竣工时间",
            "竣工日期",
            "截止时间",
            "截止日期",
            "结束",
        ),
    ),
    ("section:period", ("实施周期",)),
    (
        "dates",
        (
            "什么时候实施",
            "何时实施",
            "起止时间",
            "起讫时间",
            "实施时间",
            "执行时间",
            "起止",
            "起讫",
            "实施期限",
            "项目期限",
            "期限",
            "工期",
            "实施期",
            "日期",
            "周期",
            "多久",
            "多长时间",
            "干到哪年",
            "哪年到哪年",
            "干到哪天",
            "从哪天",
            "哪天到哪天",
        ),
    ),
    (
        "department",
        (
            "主管部门",
            "主管单位",
            "归口部门",
            "哪个部门主管",
            "谁主管",
            "主管的部门",
            # in plain words: who is above it (归哪个部门 asks of a part: its text says)
            "哪个部门在管",
            "谁在管",
            "归谁管",
            "上级部门",
            "哪个上级",
            "上头归",
            "上头是",
            "在上面管",
            "上面管着",
        ),
    ),
    (
        "unit",
        (
            "申报单位",
            "实施单位",
            "具体去干活",
            "谁具体干",
            "谁来干",
            "谁来实施",
            "由谁实施",
            "谁实施",
            "执行单位",
            "实施机关",
            "实施部门",
            "执行机关",
            "承办单位",
            "哪个单位",
            "什么单位",
            "单位是",
        ),
    ),
    ("gov_purchase", ("政府购买服务", "购买服务", "请外面的公司", "花钱请外面")),
    ("section:basis", ("立项依据", "立项根据", "根据什么立项", "依据")),
    ("section:necessity", ("必要性", "为什么设立")),
    ("section:safeguards", ("制度、措施", "制度措施", "保障措施", "措施", "制度")),
    ("section:implementer", ("实施主体",)),
    ("section:plan", ("实施计划", "实施方案", "项目计划")),
    ("section:goals", ("年度目标",)),
    (
        "section:budget_plan",
        (
            "年度预算安排",
            "预算安排",
            "用在哪",
            "用于哪",
            "花在哪",
            "钱用在",
            "钱都用",
            "资金用途",
            "预算的用途",
            "预算用途",
            "经费用途",
            "钱的用途",
        ),
    ),
    (
        "section:goals_longterm",
        ("项目总目标", "项目总体目标", "中期目标", "长期目标", "实施期目标", "总目标"),
    ),
    ("section:goals", ("阶段性目标", "目标")),
    (
        "section:overview",
        ("概况", "简介", "介绍", "主要内容", "做什么", "干嘛用", "干什么用", "用途", "用来"),
    ),
)
# Fields asked in plain words, read by the parts of the asking rather than by fixed phrases:
# a when-word with a start or an end (啥时候动工, 计划到哪天收尾), 绩效 with a kind (绩效上按
# 什么类型算), who stands above or does the work, where the money comes from, why a project
# is set up, how it is made sure of. The words of each part are the domain's, not a table's.
WHEN = r"(?:啥|什么|甚么)时[候间]|何时|哪天|哪一天|几号|哪年|哪一年|几月份?|哪个月|多会儿|啥时"
START = r"开始|动工|开工|开干|启动|起算|开建|上马|动手|进场|立项"
END = r"完成|结束|完工|收尾|竣工|弄完|搞定|做完|干完|交付|截止|到期|收官|完结|结项|全部完"
_ANY = r"[^，,。？?；;|]{0,4}?"
FIELD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("start_date", rf"(?:{WHEN}){_ANY}(?:{START})|(?:{START}){_ANY}(?:{WHEN})"),
        ("end_date", rf"(?:{WHEN}){_ANY}(?:{END})|(?:{END}){_ANY}(?:{WHEN})"),
        (
            "perf_type",
            r"绩效(?![指目])[^，,。？?]{0,6}?(?:类型|类别|归类|哪类|哪一类|哪种|口子|什么类|分类|怎么算|算哪)",
        ),
        (
            "category",
            r"(?:哪种|哪一种|什么|哪一|哪个)(?:类型|类别|分类)的?项目|项目类型|分类上|"
            r"归到?哪一?[档类]|属于哪一?[类种档]",
        ),
        (
            "gov_purchase",
            r"(?:有没有|是否|有无|是不是)[^，,。？?]{0,6}(?:外包|买服务|购买服务|请外面|社会机构)|"
            r"(?:外包|买服务|购买服务|请外面)[^，,。？?]{0,10}吗",
        ),
        (
            "department",
            r"(?:上头|上级|上面)[^，,。？?]{0,4}?(?:管|是谁|是哪)|管它的|牵头管|"
            r"(?<!归)哪[个家](?:中央)?部门(?:牵头)?管",  # 课题经费归哪个部门管: a part's
        ),
        (
            "unit",
            r"哪家(?:单位)?(?:具体)?(?:承办|去?组织实施|去?实施|来干|来做)|"
            r"交给哪家(?:单位)?|谁来?落地干|由?谁(?:具体)?承办|哪家具体承办",
        ),
        ("sources", r"(?:钱|资金|经费)[^，,。？?]{0,4}?(?:从哪|哪里来|哪儿来|来源)"),
        (
            "section:necessity",
            r"为(?:啥|什么|何)要?(?:设|搞|建|做|立|上|开展|实施|申报)(?:这个|该|本)?(?:项目|专项|经费)?"
            r"(?![^，,。？?]*(?:指标|率|调查))|有什么必要|必要吗",
        ),
        (
            "section:safeguards",
            r"(?:怎么|如何|靠啥|靠什么|怎样|用什么)[^，,。？?]{0,4}?(?:保证|确保|保障)",
        ),
        (
            "change",  # 预算增加多少, 经费下降了百分之几, 预算增长率: the money's change
            r"(?:预算|经费|资金|钱|拨款)[^，,。？?|]{0,6}?(?:(?:增加|增长|减少|下降|降低|上涨|压减|缩减|"
            r"[涨降])了?(?:多少|百分之几|几个百分点|多少个百分点|多大幅度)|增长率|下降率|增幅|降幅|"
            r"(?:下降|增长|减少|增加)(?:的)?幅度|变动|升降)|"
            # 今年和去年的预算差多少: this year's money set against last year's
            r"(?:今年|当年|本年)[和与跟同比](?:去年|上年|上一年)[^，,。？?|]{0,6}?(?:相?差|差距|差额|变化|增减)",
        ),
        ("section:goals_longterm", r"长远[^，,。？?]{0,6}?(?:目标|效果|达到|要)"),
        ("section:goals", r"今年[^，,。？?]{0,6}?(?:要做到|推进到|打算做到|要达到|要干成)"),
        (
            "section:basis",
            r"(?:凭什么|凭啥|依据什么|根据什么|根据哪些|依据哪些|靠哪些文件)"
            r"(?![^，,。？?]*(?:指标|率|算|计))",
        ),
        (
            "total",
            r"盘子|(?:一共|总共|要)?投入多少(?:钱|资金|经费)?(?![个台套项人件次条名位])|"
            r"(?:一共|总共)要多少(?:钱|资金|经费)?(?![个台套项人件次条名位])",
        ),
    )
)
COUNT_WORDS = (
    "几个",
    "多少个",
    "几张",
    "多少张",
    "多少项",
    "个数",
    "数量",
    "总数",
    "有多少项目",
    "有多少",
)
LIST_WORDS = ("哪些", "哪几个", "哪几项", "哪个", "列出", "有什么项目", "是哪")
# words that make a question one about money
MONEY_WORDS = ("预算", "钱", "经费", "金额", "资金")
MAX_WORDS = ("最高", "最多", "最大", "最贵", "大头")  # 哪个项目是大头: the most money
MIN_WORDS = ("最低", "最少", "最小", "最便宜", "最省钱", "最省")
SUM_WORDS = (
    "合计",
    "总计",
    "总共",
    "一共",
    "加起来",
    "总和",
    "加总",
    "加在一起",
    "加一起",
    "合起来",
    "合在一起",
    "放在一起算",
    "放一起算",
)
USUAL_WORDS = ("一般", "通常", "常见", "大多", "多数", "普遍", "平均", "都设", "一般设")
CITE_WORDS = ("引用", "依据", "根据", "援引", "提到", "文号")
NOT_GOV = re.compile(r"(不|未|没有|没)(含有|含|包含|包括|涉及|有)?政府购买服务")
RISE = re.compile(r"增加|增长|上升|上涨|提高|追加|涨|增幅")
FALL = re.compile(r"减少|下降|降低|缩减|压减|削减|压缩|砍|降幅|下调")
# 比去年少, 较上年预算有所增加, 跟去年比多了: a comparison with last year's money
THAN_LAST_YEAR = re.compile(
    r"(?:比|较|相比|跟|和|与|同)\s*(?:去年|上年|上一年|往年)[^，,。？?；;]{0,10}?"
    r"(?P<word>多|高|大|增|涨|升|少|低|小|减|降|缩|砍|压)"
    r"|(?P<over>多|高|大|少|低|小)于\s*(?:去年|上年|上一年|往年)"
)
# Words that say what kind of question it is, removed before looking for names in it.
FORM_WORDS = re.compile(
    r"(请问|是多少|多少钱|为多少|有多少|是什么|是哪个|是哪些|哪些|哪几个|哪个|什么|多少|是否|"
    r"有没有|一般|通常|常见|设为|设成|设|指标值|目标值|指标|的|了|吗|呢|是|为|有|[?？!！。，,、\s])"
)
HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_MENTION = 3  # characters of a project name that name it
# 多少人受益, 几个工作人员, 分几段: a count asked, with its measure word and what it counts
COUNTED = re.compile(
    r"(?:多少|(?<![哪那这])几)\s*(?P<measure>[\u4e00-\u9fff])(?P<noun>[\u4e00-\u9fff]{0,4})"
)
NUMERAL = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)"


# measure words that count the same things in plain speech
SAME_MEASURE = {"截": "段|截", "节": "段|节", "样": "项|样|个", "块": "块|项|个", "条": "条|项"}


def counted_in(text: str, measure: str, noun: str) -> bool:
    """Whether the text gives a number of what is counted: 三段, 38个 after 通用计算节点."""
    if measure == "个" and noun:
        head = re.escape(noun[:2])
        return bool(
            re.search(rf"{NUMERAL}\s*个?{head}|{head}[^，。；,;]{{0,8}}?{NUMERAL}\s*个", text)
        )
    unit = SAME_MEASURE.get(measure, re.escape(measure))  # 几截: 三段
    # the measure after a number, or a number (in any measure) after the noun: 服务多少家单位 →
    # 服务用户单位总数量 ≥20个
    counts = r"\s*[个家人次台套项场户名篇件部辆]"
    near = rf"|{re.escape(noun[:2])}[^，。；,;]{{0,8}}?{NUMERAL}{counts}" if len(noun) >= 2 else ""
    return bool(re.search(rf"{NUMERAL}\s*{unit}{near}", text))


GENERIC_END = re.compile(r"(?:费|项目|工程|经费|系统|中心|专项|建设)$")
SHORT_CALL = re.compile(
    r"([\u4e00-\u9fff]{2})(?:项目|工程|经费|那个项目|这个项目|和|与|跟|、)|"
    # at the start of the question or of a clause: 拆违请的第三方…, 拆违的预算
    r"(?:^|(?<=[，,。；;？?\s区市县是比跟和与对]))"
    r"([\u4e00-\u9fff]{2})(?:的|请|用|买|花|要|有|是|里|中|这|那|共|一共|总共|(?=一年|今年|每年|全年|\d))"
)
MAX_SOURCES = 20  # an answer over many rows cites the first of them


def first_sources(sources: Iterable[dict]) -> list[dict]:
    """The first MAX_SOURCES sources, made only for those (an answer over a category of
    100,000 projects made one for each of 30,000, then cut them)."""
    return list(islice(sources, MAX_SOURCES))


MAX_LISTED_SUM = 10  # a sum of so many projects lists each one's amount
MAX_AMBIGUOUS = 5  # a fragment shared by more names is no mention of a project


@dataclass
class Answer:
    text: str
    type: str
    sources: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Question:
    """What a question mentions, read once and shared by the answerers."""

    raw: str
    text: str
    store: ProjectStore
    backend: SearchBackend
    projects: list[Project]  # the projects it names (several: ambiguous)
    mention: str | None  # the words that named them
    field: str | None  # what it asks of a project (the first of `fields`)
    fields: list[str] = field(default_factory=list)  # everything it asks of a project
    years: list[int] = field(default_factory=list)
    indicators: IndicatorMention | None = None
    linker: Linker | None = None
    part: SubProject | None = None  # a sub-project the question names
    rest: str = ""  # the text without the words that named the project or sub-project
    previous_year: bool = False  # a year the table's 上年 columns hold
    unheld: str | None = None  # a project's name no table is of (two names run together)

    def has(self, words: Iterable[str]) -> bool:
        return any(w in self.text for w in words)

    @cached_property
    def conditions(self) -> list[Filter]:
        """The conditions on projects the question states (read once, see `filters`)."""
        return filters(self)

    @cached_property
    def chosen(self) -> Sequence[Project]:
        """The projects the question is about: those it names, else those its conditions
        leave (all when it states none), read only as an answer uses them (`ProjectsAt`)."""
        if self.projects:
            return list(self.projects)
        return ProjectsAt(self.store, self.places)

    @cached_property
    def places(self) -> np.ndarray:
        """The places in the store of the projects a question naming none is about (those
        its conditions leave), ascending: what an answer over many projects counts with,
        not reading them."""
        assert not self.projects, "a question naming projects is about those"
        return places_where(self.store, self.conditions)

    @cached_property
    def level_word(self) -> str:
        """The kind of indicator the question names by a level of any table (满意度, 时效,
        社会效益: the level without 指标), the longest; "" if none. A space typed before it
        stands for a break (…业务费 质量指标: not 费质量)."""
        found = self.linker.level_word(self.text)
        if found:
            return found
        spaced = self.linker.level_word(fold(re.sub(r"\s+", "，", self.raw.strip())))
        return spaced if spaced in self.text else ""  # of a part read from a line: its own


# the asking form of a verb and its complement (到得齐不齐, 做得准不准): the verb next to its
# complement, as the tables say them (到齐不齐 holds 到齐)
POTENTIAL = re.compile(r"([\u4e00-\u9fff])得([\u4e00-\u9fff])不\2")


def normalize(question: str) -> str:
    return POTENTIAL.sub(r"\1\2不\2", fold(question))


# --------------------------------------------------------------------------- sources


def source(project: Project, section: str | None, text: str, anchor: str | None = None) -> dict:
    where = anchor or (section_anchor(section) if section in project.sections else section)
    return {
        "project_id": project.id,
        "project_name": project.name,
        "section": section,
        "text": text,
        "url": project_url(project.id, where),
    }


def budget_source(project: Project, key: str) -> dict:
    amount = project.budget[key]
    shown = "" if amount is None else f"{amount:,}"
    line = printed_budget_line(project, key) if project.template != "sh-municipal-2020" else None
    if line is not None:
        return line_source(project, line)
    return source(project, "budget", f"{BUDGET_NAMES[key]}（元）： {shown}", "budget")


def line_source(project: Project, line: BudgetLine) -> dict:
    """A printed budget line: its anchor on the project page is `budget-line-N`."""
    number = next((i for i, ln in enumerate(project.budget_lines, 1) if ln is line), None)
    anchor = f"budget-line-{number}" if number else "budget"
    return source(project, "budget", f"{line.label}：{line.printed} {line.unit}", anchor)


def header_source(project: Project, text: str) -> dict:
    return source(project, "header", text, None)


def level_path(row: Indicator) -> str:
    """产出目标 › 数量: the levels a row stands under."""
    return " › ".join(level for level in (row.level1, row.level2) if level)


def project_texts(projects: Iterable[Project]) -> list[str]:
    """What the projects' tables say: their sections and, per row, its name and target."""
    return [
        text
        for p in projects
        for text in (*p.sections.values(), *(f"{r.name} {r.target}" for r in p.indicators))
    ]


def of_kind(row: Indicator, kind: str) -> bool:
    """A row under a level that names the kind, or named by it (满意度); any row for ""."""
    return not kind or kind in (row.level1 or "") or kind in (row.level2 or "") or kind in row.name


def row_said(row: Indicator) -> str:
    """A row as answers list it: its name and target, and its weight where the table has one."""
    weight = f"（权重 {row.weight:g}）" if row.weight is not None else ""
    return f"{row.name} {row.target}{weight}"


# a row's weight as row_said and target_said write it
WEIGHT_SAID = re.compile(r"（权重 \d+(?:\.\d+)?）|，权重 \d+(?:\.\d+)?(?=。)")


def without_weights(text: str) -> str:
    """An answer to a line of several questions says what each asked: rows' weights only
    where the line asks them (目标分别是多少？今年实际多少: the targets, and the refusal)."""
    return WEIGHT_SAID.sub("", text)


ASKED_VALUE = re.compile(r"(\d+(?:\.\d+)?)\s*(%|％)?")


def targets_counted(rows: Iterable[Indicator]) -> dict[str, int]:
    """How many rows set each target (one target written two ways counted once, said as it
    is first written), most first, then in the order of the targets' text."""
    return targets_ranked([targets_set(rows)])


def target_check(text: str, row: Indicator) -> str:
    """是。/不是。 where a yes/no question states a target value (指标值是不是100%), else ""."""
    if not re.search(r"吗$|是不是|是否|对吗|对不对", text) or row.value is None:
        return ""
    stated = [float(m[1]) for m in ASKED_VALUE.finditer(text) if m[2] or "%" not in row.target]
    if not stated:
        return ""
    return "是。" if float(row.value) in stated else "不是。"


def target_said(project: Project, row: Indicator) -> str:
    """One row's target said in a sentence, with its levels and weight."""
    weight = f"，权重 {row.weight:g}" if row.weight is not None else ""
    return f"{project.name}的“{row.name}”指标（{level_path(row)}）目标值为 {row.target}{weight}。"


def indicator_text(row: Indicator) -> str:
    levels = level_path(row)
    return f"{levels} › {row.name}：{row.target}" if levels else f"{row.name}：{row.target}"


def indicator_source(project: Project, row: Indicator) -> dict:
    """The row itself: its anchor on the project page is `indicator-N` (1-based)."""
    number = next((i for i, r in enumerate(project.indicators, 1) if r is row), None)
    anchor = f"indicator-{number}" if number else "indicators"
    return source(project, "indicators", indicator_text(row), anchor)


# --------------------------------------------------------------------------- projects


class ProjectMatcher:
    """Finds the projects a question names: by full name, or by a distinctive part of it
    (派驻农场, 信息化项目), which also forgives a wrong character or two."""

    def __init__(self, store: ProjectStore) -> None:
        self.projects = store.projects
        # The values of the fields a question may filter by, per field.
        self.field_values = {
            name: {getattr(p, name) for p in store.projects if getattr(p, name)}
            for name in ("category", "perf_type", "unit", "nature", "department")
        }
        # Values a question may name in full instead of a project (其他一次性项目有几个？).
        self.values = set().union(*self.field_values.values())
        # Words whose parts name other things than a project: units, labels, levels.
        self.generic = {*(p.unit for p in store.projects), *SECTION_LABELS, *LEVEL_NAMES}
        # the same, joined: a question looks for dozens of fragments among thousands of
        # units' names
        self._generic_texts = JoinedTexts(word for word in self.generic if word)
        # short names (4-8 characters) by their first character, for names misspelled
        self.short_names: dict[str, list[Project]] = {}
        for project in store.projects:
            if 4 <= len(project.name) <= 8:
                self.short_names.setdefault(project.name[0], []).append(project)
        # every name by its first character: a name in a question starts at one of its
        # characters (looking through 100,000 names took 15 ms a question)
        self.starting: dict[str, list[int]] = {}
        self.starting_two: dict[str, list[int]] = {}  # and by their first two
        for i, project in enumerate(self.projects):
            if project.name:
                self.starting.setdefault(project.name[0], []).append(i)
                self.starting_two.setdefault(project.name[:2], []).append(i)
        self.fragments: dict[str, set[int]] = {}
        self.pairs: dict[str, set[int]] = {}  # two characters -> the names holding them
        for i, project in enumerate(self.projects):
            name = project.name
            for start in range(len(name) - 1):
                self.pairs.setdefault(name[start : start + 2], set()).add(i)
            for size in range(MIN_MENTION, min(len(name), 12) + 1):
                for start in range(len(name) - size + 1):
                    self.fragments.setdefault(name[start : start + size], set()).add(i)

    def _generic(self, fragment: str) -> bool:
        """Whether a generic word holds the fragment."""
        return self._generic_texts.holds(fragment)

    @lru_cache(maxsize=64)  # noqa: B019 (the matcher lives as long as its generation)
    def _generic_cover(self, text: str) -> frozenset[int]:
        """The places of the question inside a generic word of three characters or more it
        says (检察院, a unit's name), looked for once per question."""
        covered: set[int] = set()
        for i in range(len(text)):
            for j in range(i + 3, min(len(text), i + 12) + 1):
                if self._generic(text[i:j]):
                    covered.update(range(i, j))
        return frozenset(covered)

    def _weak(self, text: str, start: int, end: int) -> bool:
        """A fragment that is a generic word, or names a project by one character beside a
        generic word of three or more that the question says (检察|院机| of 检察院机关: 机
        alone), unless the rest of the question holds more of a name it is in (检察院业务费)."""
        fragment = text[start:end]
        if self._generic(fragment):
            return True
        if len(set(range(start, end)) - self._generic_cover(text)) >= 2:
            return False  # 大科学: 科学 is a piece of a unit's name, not a word said
        names = [self.projects[i].name for i in self.fragments[fragment]]
        pairs = {n[i : i + 2] for n in names for i in range(len(n) - 1)} - {
            fragment[i : i + 2] for i in range(len(fragment) - 1)
        }
        around = text[:start] + "|" + text[end:]
        return not any(pair in around for pair in pairs)

    def match_all(self, text: str) -> tuple[list[Project], str | None]:
        """Projects named one by one (派驻农场经费比机关服务费少多少): each mention names one
        project; a mention that names several is ambiguous and read as before."""
        projects, mention = self.match(text)
        if len(projects) != 1 or mention is None:
            return projects, mention
        found, mentions = list(projects), [mention]
        rest = text.replace(mention, "|")
        for _ in range(3):
            more, said = self.match(rest)
            if len(more) != 1 or said is None or more[0] in found:
                break
            if len(said) < 4 and not more[0].name.startswith(said) and GENERIC_END.search(said):
                break  # 服务费 in 第三方巡查服务费 names no project; 兰溪路, 下立交 do
            found.append(more[0])
            mentions.append(said)
            rest = rest.replace(said, "|")
        return found, "、".join(mentions)

    def match(self, text: str) -> tuple[list[Project], str | None]:
        places = sorted(i for char in set(text) for i in self.starting.get(char, ()))
        whole = [self.projects[i] for i in places if self.projects[i].name in text]
        if not whole:
            for value in sorted(self.values, key=len, reverse=True):
                text = text.replace(value, "|")
        if whole:
            named = [p for p in whole if not any(p.name in o.name and p is not o for o in whole)]
            return named, "、".join(dict.fromkeys(p.name for p in named))
        for size in range(min(len(text), 12), MIN_MENTION - 1, -1):
            for start in range(len(text) - size + 1):
                fragment = text[start : start + size]
                found = self.fragments.get(fragment)
                weak = found and self._weak(text, start, start + size)
                # 路下立交工|期: a fragment that ends inside a word of the question
                weak = weak or (bool(found) and _cut_word(text, start + size))
                if found and len(found) <= MAX_AMBIGUOUS and not weak:
                    projects = [self.projects[i] for i in sorted(found)]
                    if _names_another(text, start, start + size, projects):
                        return (
                            [],
                            None,
                        )  # 真南路拓宽改造工程: another project, named by its own words
                    if len(projects) == 1:  # 国重|运行维护: the name's shortened start too
                        fragment = self._shortened_before(text, start, fragment, projects[0])
                    return projects, fragment
        for find in (self._misspelled, self._by_start, self._by_chunks, self._by_initials):
            found, said = find(text)
            if found:
                return found, said
        return [], None

    def _by_chunks(self, text: str) -> tuple[list[Project], str | None]:
        """A name shortened to two of its pieces (稳像装置 for 毫角秒级光学稳像研发装置研制): a
        stretch of 4-8 characters whose two halves (each ≥ 2) occur in that order in exactly
        one name, and name nothing generic."""
        for size in range(min(len(text), 8), 3, -1):
            for start in range(len(text) - size + 1):
                stretch = text[start : start + size]
                if "|" in stretch or self._generic(stretch):
                    continue
                for cut in range(2, size - 1):
                    head, tail = stretch[:cut], stretch[cut:]
                    both = self.pairs.get(head[:2], set()) & self.pairs.get(tail[:2], set())
                    if not both or self._generic(head) or self._generic(tail):
                        continue
                    candidates = (self.projects[i] for i in sorted(both))
                    named = [
                        p for p in candidates
                        if (at := p.name.find(head)) >= 0 and p.name.find(tail, at + cut + 1) > 0
                    ]  # fmt: skip
                    if len({p.name for p in named}) == 1 and not _cut_word(text, start + size):
                        return named, stretch
        return [], None

    def _by_start(self, text: str) -> tuple[list[Project], str | None]:
        """A project called by the first two characters of its name and 项目/工程/经费 (拆违项目
        for 拆违经费), when exactly one name starts so and the two name nothing else."""
        for found in SHORT_CALL.finditer(text):
            start = found.group(1) or found.group(2)  # two characters
            named = [self.projects[i] for i in self.starting_two.get(start, ())]
            if len({p.name for p in named}) == 1 and not self._generic(start):
                return named, found.group(0)
        return [], None

    def _shortened_before(self, text: str, start: int, fragment: str, project: Project) -> str:
        """A fragment of one name with the name's start said shortened just before it (国重 of
        国家重大 before 运行维护): the whole stretch, else the fragment."""
        for size in range(min(start, 4), 1, -1):
            stretch = text[start - size : start] + fragment
            if "|" not in stretch and abbreviated(stretch, project.name):
                return stretch
        return fragment

    @cached_property
    def by_initials(self) -> dict[str, list[tuple[str, frozenset[str], Project]]]:
        """The names by the two characters a shortening of them may begin with (built on
        first use: a name's words are read once per generation)."""
        found: dict[str, list[tuple[str, frozenset[str], Project]]] = {}
        names = {p.name: p for p in self.projects if len(p.name) >= 4}
        for name, project in names.items():
            for pair in _initial_pairs(name):
                found.setdefault(pair, []).append((name, frozenset(name), project))
        return found

    def _by_initials(self, text: str) -> tuple[list[Project], str | None]:
        """A name shortened to the first characters of at least half of its words, in order,
        from its first (国重运维 for 国家|重大|科学|工程|运行|维护): the longest stretch of
        three or more characters that shortens exactly one name and is no part of it."""
        best: tuple[int, list[Project], str] | None = None
        for start in range(len(text) - 2):
            candidates = self.by_initials.get(text[start : start + 2], ())
            for size in range(min(len(text) - start, 10), 2, -1):
                if best is not None and size <= best[0]:
                    break
                stretch = text[start : start + size]
                if "|" in stretch or self._generic(stretch) or _cut_word(text, start + size):
                    continue
                chars = set(stretch)
                named = {
                    name: project for name, held, project in candidates
                    if chars <= held and stretch not in name and abbreviated(stretch, name)
                }  # fmt: skip
                if len(named) == 1:
                    best = (size, list(named.values()), stretch)
                    break
        return (best[1], best[2]) if best else ([], None)

    def _misspelled(self, text: str) -> tuple[list[Project], str | None]:
        """A short name with a character missing, added or wrong (拆违费 for 拆违经费): a stretch
        of the question within one edit of a name of at most 8 characters."""
        best: tuple[int, list[Project], str] | None = None
        candidates = [p for ch in set(text) for p in self.short_names.get(ch, ())]
        for project in candidates:
            name = project.name
            for size in (len(name) - 1, len(name), len(name) + 1):
                for start in range(0, max(0, len(text) - size + 1)):
                    stretch = text[start : start + size]
                    if "|" in stretch or stretch[0] != name[0]:
                        continue
                    close = Levenshtein.distance(stretch, name, score_cutoff=1) <= 1
                    if close and (best is None or size > best[0]):
                        best = (size, [project], stretch)
        return (best[1], best[2]) if best else ([], None)


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w, _, _ in words(name))


def abbreviated(short: str, name: str) -> bool:
    """Whether `short` is the start of each of at least half of the name's words, in order,
    from the name's first character on (国重运维, 国重运行维护 of 国家|重大|科学|工程|运行|
    维护; not 国家工程, two of its six words)."""
    pieces = _name_words(name)
    if not pieces or short[:1] != name[:1]:
        return False

    @cache
    def most(i: int, j: int) -> int:  # the most words short[i:] is made of the starts of
        if i == len(short):
            return 0
        best = -1
        for k in range(j, len(pieces)):
            word, n = pieces[k], 0
            while n < len(word) and i + n < len(short) and short[i + n] == word[n]:
                n += 1
                rest = most(i + n, k + 1)
                best = max(best, rest + 1 if rest >= 0 else -1)
        return best

    return most(0, 0) * 2 >= len(pieces)


def _initial_pairs(name: str) -> set[str]:
    """The two characters a shortened name may begin with: the first word's first two, or
    its first and the first of a later word (国重, 国家)."""
    pieces = _name_words(name)
    if not pieces:
        return set()
    first = pieces[0]
    return {first[:2]} | {first[0] + w[0] for w in pieces[1:] if w}


def _cut_word(text: str, end: int) -> bool:
    """Whether a stretch of the question read as a name's words stops inside one of the
    question's words (兰溪路下立交工|期: 工 begins the word 工期, not 工程)."""
    return any(
        start < end < stop and not re.fullmatch(NAME_SUFFIX, text[end:stop])
        for _, start, stop in _question_words(text)
    )  # (运行维护|费: the name goes on with its suffix, 费 of 维护费)


NAME_SUFFIX = r"经?费|项目|工程|专项|系统|中心"


@lru_cache(maxsize=64)
def _question_words(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(words(text))


def _names_another(text: str, start: int, end: int, projects: list[Project]) -> bool:
    """Whether the words around a fragment of a name make it another project's name: Han
    characters none of the names has before 工程/项目 right after it (真南路|拓宽改造工程), or
    Latin letters none has right before it (LAMOST|望远镜…)."""
    if any(contrasted(text[:start], p.name, text[start:end]) for p in projects):
        return True
    chars = set("".join(p.name for p in projects))
    after = re.match(r"([\u4e00-\u9fff]{1,6}?)(?:工程|项目)", text[end:])
    words = after.group(1) if after else ""
    # 这四个设备项目, 去年同名项目: words of a phrase or a time, not of a name
    phrase = re.search(r"[这那几个些的一二三四五六七八九十两年]|同名", words)
    if not phrase and sum(ch not in chars for ch in words) >= 2:
        return True
    if re.match(r"[路街桥镇村区县市山河湖]", text[start:end]):
        named = re.search(r"([\u4e00-\u9fff]{2})$", text[:start])  # 曹杨|路下立交: another road
        if named and all(ch not in chars for ch in named.group(1)):
            return True
    head = text[:start].rstrip("".join(chars))  # LAMOST望远镜|升级改造: past the name's words
    before = re.search(r"([A-Za-z]{3,})$", head)
    return bool(before) and before.group(1).lower() not in "".join(p.name for p in projects).lower()


# Characters that tell things apart rather than misspell them: 真北路 is not 真南路
CONTRASTS = ("东西南北中", "上下", "前后", "左右", "内外", "新旧", "大小", "一二三四五六七八九十")
NUMBER_BEFORE = re.compile(r"(\d+(?:\.\d+)?)([^\d年]{0,2})$")  # 2.4米; not 2023年


def contrasted(before: str, name: str, fragment: str) -> bool:
    """Whether the question's words before a fragment of a name set it apart from the name:
    a number other than the name's there (2.4米望远镜 for 2.16米望远镜…), or a character
    of direction, size or order in place of the name's (真北路下立交 for 真南路下立交)."""
    at = name.find(fragment)
    if at <= 0 or not before:
        return False
    ours, theirs = before[-1], name[at - 1]
    same_word = at >= 2 and len(before) >= 2 and before[-2] == name[at - 2]  # 真北 / 真南
    if same_word and ours != theirs and any(ours in g and theirs in g for g in CONTRASTS):
        return True
    said, printed = NUMBER_BEFORE.search(before[-8:]), NUMBER_BEFORE.search(name[:at])
    if not (said and printed) or said.group(2) != printed.group(2):
        return False  # numbers of different kinds (a year, a size) tell nothing apart
    return said.group(1) != printed.group(1)


@per_generation
def matcher(store: ProjectStore) -> ProjectMatcher:
    """The project-name matcher of a generation's records, built once."""
    return ProjectMatcher(store)


PART_LINES = re.compile(
    r"(?:上年结转|当年财政|财政|其他|自筹)(?:资金|拨款)(?:总额|总数|总计|合计)?"
)
# words before a date field that still ask the project's own date (计划、那个项目、整个)
NOT_A_THING = re.compile(
    r"计划|预计|打算|准备|最晚|最早|项目|工程|经费|实施|整个|那个|这个|该|又|的|是|就|已经|从哪[一]?[年天月]|"
    r"按照?|根据|依照|表[上里中面]|上面|写的|填的|"
    r"(?:19|20)\d{2}年(?:\d{1,2}月)?|[|，,、\s]"
)
DATE_FIELDS = ("start_date", "end_date", "dates")
# a year and the project's start or end: 2024年开始的, 哪年完工
DATED = re.compile(
    r"(?:(?:19|20)\d{2}\s*年?|哪年|哪一年)[^，,。；;]{0,4}?"
    r"(?:(?P<start>开始|启动|开工|立项)|(?P<end>完成|结束|完工|竣工))(?:的|了)?(?:吗|呢)?$"
)
# the year before named as what a figure is compared with (跟上年相比, 与上年同名项目比较)
COMPARED_WITH_LAST_YEAR = re.compile(
    r"(?:跟|和|与|同|较)(?:上一?年度?|去年)(?:的?同名项目)?的?(?:相比|比较|对比|比(?![例重率]))"
)
BOTH_DATES = re.compile(r"(?:计划)?开始[、和及与跟/]\s*(?:计划)?(?:完成|结束)(?:日期|时间)")
PURPOSE = ("做什么", "干嘛用", "干什么用", "用途", "用来")
ROLES = ("设计", "施工", "监理", "勘察", "代建", "负责", "承担", "建设", "产权")


def asked_field(text: str) -> str | None:
    """The field a question asks for: the most specific it names (FIELD_WORDS' order)."""
    return most_specific(asked_fields(text))


def most_specific(fields: list[str]) -> str | None:
    """Of the fields asked, the one FIELD_WORDS lists first (the most specific)."""
    return next((name for name, _ in FIELD_WORDS if name in fields), None)


# a part of a project marked before asking who is in charge of it (宣传这块归…, 课题方面由…)
PART_IN_CHARGE = re.compile(
    r"(?:这块|那块|这一块|这部分|那部分|这项工作|方面|这一项)[^，,。？?]{0,3}(?:归|由|是)"
)


def asked_fields(text: str) -> list[str]:
    """Every field the text asks for, in the order it asks (a word taken by one field is not
    read again: 年度总体目标 is goals, not also 目标)."""
    # 计划开始、完成日期: both dates, one word for them
    text = BOTH_DATES.sub("起止日期", text)
    text = COMPARED_WITH_LAST_YEAR.sub("比上年", text)  # 跟上年同名项目相比: the change
    text = PART_LINES.sub("|", text)  # 上年结转资金是多少: a printed line, not 资金是多少
    # 去年同名项目预算额, 同名项目的上年预算: the label's words in another order
    text = re.sub(r"(上一?年度?|去年)的?同名项目的?|同名项目的?(?=上一?年|去年)", r"\1", text)
    text = re.sub(r"同名项目的?(?=预算|执行)", "上年", text)
    found: list[tuple[int, str]] = []
    spelled: dict[str, list[str]] = {}  # the words each field was asked by
    spellings = [(s, name) for name, words in FIELD_WORDS for s in words]
    # a field asked in other words, by the parts of its asking (啥时候 + 动工)
    spellings += [(m.group(0), name) for name, p in FIELD_PATTERNS for m in p.finditer(text)]
    for spelling, name in sorted(spellings, key=lambda item: -len(item[0])):  # longest first
        at = text.find(spelling)
        if at < 0:
            continue
        after = re.split(r"[，,、；;？?]|和|及", text[at + len(spelling) :])[0]
        # 从哪天到哪天, 是什么, 多久: asking words after it, no other thing
        after = re.sub(
            r"从?哪[一]?[天年月日]到?(?:哪[一]?[天年月日])?|是什么|是多少|多久|多长时间|是哪天|为|"
            r"有?多长|几年|多少年|几个月|多少个月",
            "",
            after,
        )
        after = after.strip("的了呢吗又也项目|完成结束开始做")
        before = NOT_A_THING.sub("", re.split(r"[，,。；;？?]", text[:at])[-1])
        if name in DATE_FIELDS and not spelling.endswith("日期") and (after or len(before) >= 2):
            continue  # 什么时候完成招投标, 采购入库什么时候完成: the date of something else
        if spelling in PURPOSE and re.sub(
            r"有哪些|哪些|是什么|什么|干什么|干嘛|主要|是|的|用|项目|经费|资金|钱|这笔|[|呢吗?？]",
            "",
            text.replace(spelling, ""),
        ):
            continue  # 聘请第三方做什么: what a part is for, not the project's overview
        before = text[max(0, at - 2) : at]
        if name == "unit" and spelling in ("单位是", "哪个单位", "什么单位") and before in ROLES:
            continue  # 设计单位是哪家: a role in the text, not the unit field
        kind_of = re.match(r"[\u4e00-\u9fff]", text[at + len(spelling) :]) and not re.match(
            r"的?(?:项目|经费|费用|支出|资金|专项|经常性|性质)|别|型|的?[呢吗啊]|的[？?]?$",
            text[at + len(spelling) :],
        )
        if name == "department" and PART_IN_CHARGE.search(text):
            continue  # 宣传这块归院里哪个部门管: who in the unit does a part (its text says)
        if name == "category" and spelling.endswith("类") and kind_of:
            continue  # 买的是哪类服务: a kind of something in the text, not the project's category
        found.append((at, name))
        spelled.setdefault(name, []).append(spelling)
        text = text.replace(spelling, "|" * len(spelling))
    names = list(dict.fromkeys(name for _, name in sorted(found)))
    if re.search(
        r"两年[^，,。？?]{0,3}(?:预算|经费|资金|钱)|(?:预算|经费|资金)[^，,。？?]{0,3}两年", text
    ):
        # 两年预算各是多少: this year's and the year before's
        names = [n for n in names if n != "total"] + ["current_year", "prev_year_budget"]
        names = list(dict.fromkeys(names))
    # the project's whole money asked in so many words (总预算, 项目资金总额, 一共花)
    whole_said = any(WHOLE.search(s) for s in spelled.get("total", []))
    if "current_year" in names and "total" in names and not whole_said:
        names.remove("total")  # 今年花多少钱: 多少钱 of the year's money, not the project's
    dated = DATED.search(text)
    if not names and dated:  # 是不是2024年开始的: the date a year is asked against
        names.append("start_date" if dated["start"] else "end_date")
    if not names and re.search(r"(?:预算|(?<=[的目总])(?:经费|资金))[呢吗？?]*$", text):
        names.append("total")  # 信息化项目预算: the money, said last
    if not names and MONEY_ASKED.search(text):
        names.append("total")  # 预算一共报了多少: the money, asked in other words
    if not names and re.search(r"申请了?多少(?:钱|资金|经费)?(?=[？?，,。！!呢啊]|$)", text):
        names.append("current_year")  # 2026年申请了多少: the year's money applied for
    money = [n for n in names if n in BUDGET_NAMES]
    this_year = [
        m for m in re.finditer(r"今年|当年|本年", text) if not NEGATED.search(text[: m.start()])
    ]
    if money and "current_year" not in names and this_year:
        # 今年安排了多少钱: the year's money, in place of the project's; 上年预算额多少？今年
        # 又是多少: the year's beside the year before's
        if money == ["total"] and not whole_said:
            names[names.index("total")] = "current_year"
        else:
            names.append("current_year")
    return names


WHOLE = re.compile(
    r"总|全部|一共|项目资金"
)  # words that ask the project's whole money (总预算, 一共花)
NEGATED = re.compile(r"[不非别][是要只光单][^，,。？?]{0,3}$")  # 不是只问今年的: not that year


MONEY_ASKED = re.compile(
    r"(?:预算|经费|资金|钱)(?:一年|每年|全年)?(?:一共|总共|总计|合计|大概|大约|到底|具体|总)?"
    r"(?:报了|申报了|申请了|安排了|批了|给了|要|是|有|为|共|算)?多少(?:钱|元|万元?)?(?=[？?，,。！!呢啊]|$)"
)
# A document number written without brackets: 沪委办发2013 9号, 普建委 2025年 127号.
_BARE_NUMBER = (
    r"(?P<code>{codes})\s*(?P<year>(?:19|20)\d{{2}})\s*(?:年\s*|\s+)第?\s*(?P<n>\d{{1,4}})\s*号"
)


def bracket_numbers(question: str, store: ProjectStore) -> str:
    """Write the document numbers of issuers the corpus knows in their bracketed form, so
    that `沪委办发2013 9号` reads as 沪委办发〔2013〕9号."""
    pattern = _bare_numbers(store)
    if pattern is not None:
        question = pattern.sub(lambda m: f"{m['code']}〔{m['year']}〕{m['n']}号", question)
    # a number of an issuer no table cites (沪财预2020 10号): bracketed too, found by none
    return ANY_BARE_NUMBER.sub(lambda m: f"{m['code']}〔{m['year']}〕{m['n']}号", question)


ANY_BARE_NUMBER = re.compile(_BARE_NUMBER.format(codes=r"[\u4e00-\u9fff]{2,12}?"))


@per_generation
def _bare_numbers(store: ProjectStore) -> re.Pattern[str] | None:
    codes = sorted({c.issuer for p in store.projects for c in p.citations if c.issuer}, key=len)
    if not codes:
        return None
    return re.compile(_BARE_NUMBER.format(codes="|".join(map(re.escape, reversed(codes)))))


# a project described rather than named: the words before 那个/那笔钱/的项目 …
DESCRIBED = re.compile(
    r"(?P<what>[\u4e00-\u9fff]{2,10}?)(?:的?[那这](?:个|笔钱?|套|张表|项|块|点钱))"
)
# …那个搞电脑系统的项目: the words after it
DESCRIBED_AFTER = re.compile(r"那个(?P<what>[\u4e00-\u9fff]{2,10}?)的(?:项目|专项|那笔钱)")
# 检察院买设备的，…: what the line is about, said first and set off by a comma
# (检察院修房子的钱: what the line asks of it, said right after)
DESCRIBED_LEAD = re.compile(
    r"^(?P<what>[\u4e00-\u9fff]{3,12}?)(?:的?[，,]|的(?=钱|经费|预算|项目|表))"
)
# characters that say nothing of what a project does
PLAIN_CHARS = set("的了是在和与及有为搞做弄干那这个些里中项目工程专笔钱套张表管用给")


def described(text: str, store: ProjectStore) -> tuple[list[Project], str | None]:
    """The one project (of the unit the question names, if it names one) that the words
    describing it name: first the projects whose name and overview share most characters
    with them, then among those the one whose name (twice) and text hold most of the words
    or words of the same meaning (扶持年轻人 → 青年 in 人才支撑体系专项; 修房子 → 维修,
    用房); none when two are close."""
    found = DESCRIBED.search(text) or DESCRIBED_AFTER.search(text) or DESCRIBED_LEAD.search(text)
    # (a lead: the list is asked after it: 检察院买设备的，有哪几个项目)
    asked = text[found.end() :] if found is not None and found.re is DESCRIBED_LEAD else ""
    listing = r"哪些|哪几|几个|排|最"
    projects_asked = r"(?:哪些|哪几个?|几个|多少个)项目|排名|排序"  # after a lead: of projects
    if (
        found is None
        or re.search(listing, text[: found.start()])
        or re.search(projects_asked, asked)
    ):
        return [], None  # 含政府购买服务的那几个: a list, not one project described
    links = linker(store)
    what = found["what"]
    row = links.indicators(what)
    if links.sub_project(what) is not None or (row and (row.whole or row.words == what)):
        return [], None  # 数据获取量这个, 检察工作网安全加固这块: a row or a sub-project named
    units = [u for u in links.unit_names if any(u[i : i + 3] in text for i in range(len(u) - 2))]
    if found.re is DESCRIBED_LEAD and not any(
        u[i : i + 3] in what for u in units for i in range(len(u) - 2)
    ):
        return [], None  # a lead names a project only with its unit (检察院买设备的，…)
    if found.re is DESCRIBED_LEAD and re.search(rf"(?:{NAME_SUFFIX})$", what):
        return [], None  # 信息化运维项目的…: a name given (of a project none is), no description
    for unit in units:  # 检察院修房子: the unit's words describe no project
        what = "".join(ch for ch in what if ch not in unit)
    names = links.project_names_text  # 拆房子, 地道: the words names use for them
    said = [w for w in word_parts(what) if len(w) >= 2 and not set(w) <= PLAIN_CHARS]
    what += "".join(w for w in related(what) if len(w) >= 2 and w in names)
    chars = {ch for ch in what if ch not in PLAIN_CHARS and "\u4e00" <= ch <= "\u9fff"}
    if len(chars) < 2:
        return [], None
    scores: Counter[int] = Counter()  # through the linker's index: the projects holding them
    for ch in chars:
        scores.update(dict.fromkeys(links.name_chars.get(ch, ()), 2))
        scores.update(links.overview_chars.get(ch, ()))
    ranked = [
        (score, store.projects[n]) for n, score in scores.most_common()
        if not units or store.projects[n].unit in units or store.projects[n].department in units
    ]  # fmt: skip
    by_words = _described_by_words(said, [p for _, p in ranked[:MAX_DESCRIBED]])
    if by_words is not None:
        return [by_words], found.group(0).rstrip("，,")
    if not ranked or ranked[0][0] < 4:
        return [], None
    if len(ranked) > 1 and ranked[1][0] * 1.5 > ranked[0][0]:
        return [], None
    return [ranked[0][1]], found.group(0).rstrip("，,")


MAX_DESCRIBED = 20  # projects a description is read against word by word


def _described_by_words(said: list[str], candidates: list[Project]) -> Project | None:
    """The candidate whose name (3) and texts (1) hold the described words, or a word of the
    same meaning, clearly most, each word weighed by how few hold it; None when none holds
    one in its name or two in its texts, or two are close."""
    held: dict[str, dict[str, int]] = {}  # word → project id → 3 (its name) or 1 (its texts)
    for project in candidates:
        texts = "".join(project.sections.values())
        for word in said:
            spelt = [w for w in same_meaning(word) if len(w) >= 2]
            if any(w in project.name for w in spelt):
                held.setdefault(word, {})[project.id] = 3
            elif any(w in texts for w in spelt):
                held.setdefault(word, {})[project.id] = 1
    # a word many of them hold (经费) tells them apart less than a rare one (科研)
    weight = {w: math.log2(1 + len(candidates) / len(by)) for w, by in held.items()}
    scored = []
    for project in candidates:
        raw = sum(by.get(project.id, 0) for by in held.values())
        score = sum(by.get(project.id, 0) * weight[w] for w, by in held.items())
        scored.append((score, raw, project))
    scored.sort(key=lambda item: -item[0])
    if not scored or scored[0][1] < 2:
        return None
    if len(scored) > 1 and scored[1][0] * 1.5 > scored[0][0]:
        return None
    return scored[0][2]


def _extended(text: str, mention: str, name: str) -> str:
    """The mention with the words of the name around it in the question (路下立交 named the
    project; 兰溪 right before it is its name too, not a thing asked about)."""
    at = text.find(mention)
    if at < 0:
        return mention
    end = at + len(mention)
    while size := next((n for n in range(min(8, len(text) - end), 1, -1)
                        if text[end : end + n] in name
                        and not _cut_word(text, end + n)), 0):  # fmt: skip
        end += size
    while size := next((n for n in range(min(8, at), 1, -1)
                        if text[at - n : at] in name), 0):  # fmt: skip
        if text[at - size : at].endswith(ORG_ENDINGS) and at - size > 0:
            break  # 派驻监狱|检察院: the end of another organisation's name
        at -= size
    return text[at:end]


# a project named, then only 多少 (检察院机关服务费多少？)
# (运行维护费多少: 费 after a name that does not end on it is the project's money too)
MONEY_ALONE = r"[^|]{0,6}\|(?:经?费)?[的\s]*(?:是|有|要|一共|总共|共)?多少钱?[呢吗啊？?]*"


def read_question(raw: str, store: ProjectStore, backend: SearchBackend) -> Question:
    links = linker(store)
    # 天眼, 地道, 老百姓: a word the records never use, in the word they use for it
    text = in_own_words(normalize(bracket_numbers(to_simplified(raw), store)), links.mentions)
    projects, mention = matcher(store).match_all(text)
    if len(projects) > 1 and mention:
        projects, mention = _misspelt(text, projects, mention)
    unheld = _run_together(text, projects, mention)
    if unheld:  # 怀柔太阳观测基地运行维护费: two names' words make one name, of neither
        projects, mention = [], None
    if len(projects) == 1 and mention and _named_before(text, mention, projects[0], links):
        # 第三方航拍巡查对比服务费: another thing's name, not 机关服务费
        projects, mention = [], None
    if not projects:  # 检察院修房子的那个: a project described by what it does
        projects, mention = described(text, store)
    if len(projects) == 1 and mention:  # 兰溪路|下立交: the name's words right after the mention
        mention = _extended(text, mention, projects[0].name)
    rest = text
    for said in (mention or "").split("、"):
        rest = rest.replace(said, "|") if said else rest
    part = None
    named = links.sub_project(rest if projects else text)
    if named is not None and (not projects or projects == [named[0]]):
        projects, part = [named[0]], named[1]
        rest = rest.replace(named[2], "")
    fields = asked_fields(rest)
    if projects and not fields and re.fullmatch(MONEY_ALONE, rest):
        fields = ["total"]  # 检察院机关服务费多少: a project and 多少 alone ask its money
    if re.search(r"\d{1,2}月", rest) or part is not None:
        # A month or a sub-project: what happens then, or in it, is in the text, not in the
        # project's date or section fields.
        # (a section the sub-project has an item of is its own: 智能卷宗管理系统的实施计划)
        own = part.texts if part is not None and not re.search(r"\d{1,2}月", rest) else {}
        fields = [
            f
            for f in fields
            if f not in DATE_FIELDS
            and not (f.startswith("section:") and not own.get(f.removeprefix("section:")))
        ]
    plain = re.sub(r"[\[〔（(【]\s*\d{4}\s*[\]〕）)】]|《[^》]*》", "", rest)
    years = years_in(plain)
    per_year = re.search(r"每一?年|一年|全年", rest)  # 拆违经费每年多少钱: a year's money
    if len(projects) == 1 and "total" in fields and (projects[0].year in years or per_year):
        # 兰溪路下立交2026年预算: the table's own year asks that year's money, where the
        # project's whole money is more (a project of several years)
        budget = projects[0].budget
        if budget.get("current_year") is not None and budget.get("total") != budget["current_year"]:
            fields = ["current_year" if f == "total" else f for f in fields]
    last_year = len(projects) == 1 and projects[0].year and projects[0].year - 1 in years
    if last_year and projects[0].year not in years:  # 2019年…总预算 of a 2020 table
        fields = ["prev_year_budget" if f in ("total", "current_year") else f for f in fields]
    indicators = links.indicators(rest)
    if indicators is not None and not indicators.whole and len(indicators.names) > 1:
        # FAST of FAST观测时间 and FAST数据获取量: the one the rest of the question means
        meant = links.by_meaning(rest, projects)
        if meant is not None and meant.names[0] in indicators.names:
            indicators = meant
    if (
        indicators is None
        and ASKS_ROW.search(rest)
        and not (ALL_ROWS.search(rest) or links.level_word(rest))
        and not DATE_ASKED.search(rest)  # 最迟哪天前完成采购: a date, which no row holds
    ):  # 放着不用的比例最多多少: one row in other words (not 成本指标, 各项指标: kinds, all)
        indicators = links.by_meaning(rest, projects, loose=len(projects) == 1 and not fields)
        if indicators is not None and _names_other_thing(rest, projects, indicators.names[0]):
            indicators = None
    return Question(
        raw,
        text,
        store,
        backend,
        projects,
        mention,
        most_specific(fields),
        fields,
        years,
        indicators,
        links,
        part,
        rest,
        unheld=unheld,
    )


def _names_other_thing(rest: str, projects: list[Project], row: str) -> bool:
    """办几次青促会交流考察活动: the question names, in the words of the project's own text,
    a thing (four characters or more) that shares no character with the row read in other
    words (午间学术沙龙): it asks of that thing, not of the row."""
    if len(projects) != 1:
        return False
    texts = "".join(projects[0].sections.values())
    for run in re.findall(r"[\u4e00-\u9fff]{4,}", rest[:MAX_QUESTION_READ]):
        for size in range(min(len(run), 12), 3, -1):
            for start in range(len(run) - size + 1):
                piece = run[start : start + size]
                if piece in texts and not set(piece) & set(row):
                    return True
    return False


MAX_QUESTION_READ = 80  # characters of a question read for things of a project's text
DATE_ASKED = re.compile(r"哪天|哪一天|几号|最迟|最晚")


# what may end the name of a project (…运行维护费, …监测项目)
NAME_END = rf"[\u4e00-\u9fff]{{0,4}}?(?:{NAME_SUFFIX}|平台)"


def _run_together(text: str, projects: list[Project], mention: str | None) -> str | None:
    """The name a question gives when the words of two projects' names run together in it
    with nothing between (怀柔太阳观测基地|运行维护费): one thing, neither project (two
    projects asked of are set apart: 和, 、, 比). The name said, to the end of its noun."""
    # pieces of the names as printed (not 拆违和, a misspelling read across a 和)
    said = [m for m in (mention or "").split("、") if any(m in p.name for p in projects)]
    if len(projects) < 2 or len(said) < 2 or all(m in {p.name for p in projects} for m in said):
        return None  # 机关服务费检察业务保障费: two whole names, typed without a break
    for first in said:
        for second in said:
            at = text.find(first + second) if first != second else -1
            if at >= 0:
                tail = re.match(NAME_END, text[at + len(first + second) :])
                return first + second + (tail.group(0) if tail else "")
    return None


ALL_ROWS = re.compile(
    r"各项|各个|所有|全部|每个|每项|哪些指标|几个指标|几项|几条|多少个指标|多少项"
)
# what asks an indicator row's target or whether projects set one
ASKS_ROW = re.compile(
    r"多少|几成|几个|几次|几篇|几场|要求|标准|达到|做到|定了|定在|目标|指标|考核|算合格|算达标|"
    r"程度|百分之|什么水平"
)


# --------------------------------------------------------------------------- answerers


def cited_by_number(q: Question) -> Answer | None:
    """哪些项目引用了沪财采[2016]25号？ / 沪府机管字[2006]第45号是什么文件？"""
    found = find_doc_numbers(q.text)
    if not found:
        return None
    # 检察业务工作费里沪检发〔2003〕170号: the issuer code is the end of the run before it
    numbers = {n.number[i:] for n in found for i in range(max(1, len(n.issuer) - 1))}
    entries = q.store.regulations_numbered(numbers)
    if not entries:
        return Answer("语料中没有项目引用这个文号，无法回答。", "not_in_corpus")
    return citing_answer(entries[0])


def cited_by_title(q: Question) -> Answer | None:
    """哪些项目引用了《人民检察院财务管理暂行办法》？"""
    worded = TITLE_HOLDS.search(q.text)  # 名称里提到特约人员的文件: titles that hold the words
    if worded:
        named = [e for e in q.store.catalogue if e.title and worded["w"] in e.title]
        if named:
            return several_cited(named) if len(named) > 1 else citing_answer(named[0])
    titled = re.search(r"关于[^，。？?]{4,}的(?:通知|意见|办法|规定|批复|决定|方案)", q.text)
    of_document = re.search(r"《[^》]{4,}》", q.text) and DOCUMENT_FACT.search(q.text)
    if not (q.has(CITE_WORDS) or of_document) or (
        q.projects
        and not titled
        and not of_document
        and not q.has(("哪些项目", "哪个项目", "哪几个项目"))
    ):  # fmt: skip  (拆违经费的《…若干规定》是哪年颁布的: of the document, a project named)
        return None  # a project's own citations: project_citations
    folded = normalize_title(q.text)
    named = [e for e in q.store.catalogue if e.title and normalize_title(e.title) in folded]
    if not named:
        sides = re.split("|".join(CITE_WORDS), q.text, maxsplit=1)
        for side in sorted(sides, key=len, reverse=True):
            core = TOPIC_WORDS.sub("", FORM_WORDS.sub("", side)).replace("项目", "").strip("《》被")
            named = find_regulations(q.store.catalogue, core) if len(core) >= 4 else []
            if named:
                break
    quoted = re.search(r"《([^》]{4,})》", q.text)
    if quoted:  # a title written out: only entries whose titles hold it (or it holds)
        given = normalize_title(quoted[1])
        named = [
            e for e in named
            if any(given in normalize_title(t) or normalize_title(t) in given for t in e.titles)
        ]  # fmt: skip
    if not named and not quoted:
        named = _sharing_title(q, folded)
    if not named and quoted and is_regulation_title(quoted[1]):
        return Answer("语料中没有项目引用这份文件，无法回答。", "not_in_corpus")
    if not named:
        return None
    if len(named) > 1 and not any(normalize_title(e.title or "") in folded for e in named):
        return several_cited(named)
    entry = max(named, key=lambda e: len(e.title or ""))
    if DOCUMENT_FACT.search(q.text) and not q.has(("哪些项目", "哪个项目", "哪几个项目", "谁引用")):
        return document_facts(entry)  # 《…若干规定》是哪年发的，文号多少: of the document
    return citing_answer(entry)


# What a question asks of a document itself, not of the projects citing it
DOCUMENT_FACT = re.compile(
    r"文号|哪年|哪一年|何时|什么时候|发布时间|印发时间|发文(?:机关|单位|时间)|谁发|哪个(?:部门|单位)发"
)


def document_facts(entry: Regulation) -> Answer:
    """A cited document's number and issuer as the tables print them (with the projects
    citing it); not_in_corpus when the tables cite it by title only (its number and year are
    then nowhere in the corpus)."""
    sources = [
        source(project, citation.section, project.sections[citation.section])
        for project, citation in entry.citations
    ]
    title = f"《{entry.title}》" if entry.title else entry.number
    if not entry.number:
        return Answer(
            f"表中引用{title}时只写了标题，没有写它的文号和发布年份，语料中查不到。"
            "需要时请查发文机关公布的原文。",
            "not_in_corpus",
            sources,
        )
    return citing_answer(entry)  # its number and issuer, with the projects citing it


TITLE_HOLDS = re.compile(
    r"(?:名称|标题|题目|名字)[里中]?(?:提到|含有?|有|包含|带)[了着]?[“\"]?(?P<w>[\u4e00-\u9fff]{2,12}?)[”\"]?"
    r"(?:的|这个词的)?(?:文件|规定|通知|办法|意见)"
)
MIN_TITLE_PART = 5  # characters of a title that name it without the rest (无违建居村)
# words every kind of title has: a stretch of a question made of them names no one title
TITLE_WORDS = re.compile(
    r"关于|印发|转发|通知|意见|实施|办法|规定|工作|管理|暂行|试行|的|和|进一步|加强"
)


def _sharing_title(q: Question, folded: str) -> list[Regulation]:
    """The entries whose title holds the longest stretch of the question (≥ 6 characters
    that name no unit or project): 引用政务信息资源共享管理暂行办法的 → 《国务院关于印发政务
    信息资源共享管理暂行办法的通知》."""
    titles = _catalogue_titles(q.store)
    # every project's name in one string, as the linker keeps it (NFKC, no white space,
    # as the question is folded), not each project's read per question
    names = [*q.linker.unit_names, q.linker.project_names_text]
    for size in range(min(len(folded), 40), MIN_TITLE_PART - 1, -1):
        for start in range(len(folded) - size + 1):
            part = folded[start : start + size]
            if len(TITLE_WORDS.sub("", part)) < 3:
                continue
            if part in titles and not any(part in name for name in names):
                return [
                    e for e in q.store.catalogue
                    if any(part in normalize_title(t) for t in e.titles)
                ]  # fmt: skip
    return []


@per_generation
def _catalogue_titles(store: ProjectStore) -> str:
    return "\n".join(normalize_title(t) for e in store.catalogue for t in e.titles)


# Words around a topic of documents: 政府采购方面的文件 → 政府采购.
TOPIC_WORDS = re.compile(r"方面|相关|有关|之类|文件|规定|政策|制度")


def with_citers(entry: Regulation) -> str:
    """A document and the projects that cite it: the first MAX_NAMED, and how many when
    there are more (a document thousands of tables cite)."""
    shown = "、".join(islice(entry.names, MAX_NAMED))
    if len(entry.names) > MAX_NAMED:
        shown += f"等 {len(entry.names)} 个项目"
    named = ("《" + entry.title + "》" if entry.title else "") + (entry.number or "")
    return f"{named}（{shown}）"


def citing_sources(entries: list[Regulation], count: int) -> list[dict]:
    """The first `count` places that cite the documents, in their order."""
    places = ((p, c) for e in entries for p, c in e.citations)
    return [source(p, c.section, p.sections.get(c.section, "")) for p, c in islice(places, count)]


def several_cited(entries: list[Regulation]) -> Answer:
    listed = "；".join(with_citers(e) for e in entries[:10])
    sources = citing_sources(entries, MAX_SOURCES)
    return Answer(f"相关的文件有 {len(entries)} 个：{listed}。", "citation", sources)


def citing_answer(entry: Regulation) -> Answer:
    name = f"《{entry.title}》" if entry.title else entry.number
    about = []
    if entry.title and entry.number:
        about.append(entry.number)
    if entry.issuer:
        agency = issuer_name(entry.issuer)
        about.append(f"发文机关{agency}" if agency else f"机关代字{entry.issuer}")
    described = f"{name}（{'，'.join(about)}）" if about else name
    # of thousands of tables, the first ones (the count is whole)
    named = list(islice(entry.names.items(), MAX_NAMED))
    listed = "；".join(
        f"{n}（{'、'.join(dict.fromkeys(SECTION_NAMES[s] for s in sections))}）"
        for n, sections in named
    )
    first = f"，前 {len(named)} 个" if len(named) < len(entry.names) else ""
    sources = [
        source(project, citation.section, project.sections[citation.section])
        for project, citation in entry.citations[:MAX_SOURCES]
    ]
    return Answer(
        f"引用{described}的项目有 {len(entry.names)} 个{first}：{listed}。", "citation", sources
    )


def compare_budgets(q: Question) -> Answer | None:
    """检察业务工作费和检察业务保障费哪个预算高？"""
    money = q.has((*MONEY_WORDS, "倍", "贵", "便宜")) or q.has(
        ("哪个多", "哪个少", "谁多", "谁少", "比")
    )
    asks = q.has(("哪个", "谁", "比较", "高", "低", "多", "少", "倍", "贵", "便宜"))
    if len(q.projects) < 2 or q.mention is None or "、" not in q.mention or not (money and asks):
        return None
    if "指标" in q.rest and not any(w in q.rest for w in MONEY_WORDS):
        return None  # 拆违经费和…哪张的三级指标多: rows counted, not money (经费 of a name)
    key = _budget_key(q)
    if any(p.budget[key] is None for p in q.projects):
        # 本部大楼项目比信息化新建项目多多少: tables of templates that print different amounts
        # are compared by the money each has, the year's
        key = _common_key([(p.name, [p]) for p in q.projects], key) or key
    priced = sorted(
        (p for p in q.projects if p.budget[key] is not None), key=lambda p: -p.budget[key]
    )
    if len(priced) < 2:
        return None
    listed = "，".join(f"{p.name} {format_yuan(p.budget[key])}" for p in priced)
    top, low = priced[0], priced[-1]
    said = f"{BUDGET_NAMES[key]}：{listed}；{top.name}最高。"
    asked = re.search(r"比.*?(多|少|高|低|大|小)", q.text)
    if asked and re.search(r"吗|是不是|是否", q.text) and len(priced) == 2:
        first = min(q.projects, key=lambda p: _mentioned_at(q, p))  # the one before 比
        other = next(p for p in priced if p is not first)
        more = first.budget[key] > other.budget[key]
        yes = more if asked.group(1) in "多高大" else first.budget[key] < other.budget[key]
        gap = format_yuan(abs(first.budget[key] - other.budget[key]))
        said = (
            f"{'是' if yes else '不是'}。{BUDGET_NAMES[key]}：{listed}；{first.name}比{other.name}"
            f"{'多' if more else '少'} {gap}。"
        )
        return Answer(said, "comparison", [budget_source(p, key) for p in priced])
    if q.has(("倍",)) and low.budget[key]:
        ratio = round(top.budget[key] / low.budget[key], 2)
        said = f"{BUDGET_NAMES[key]}：{listed}；{top.name}是{low.name}的 {ratio} 倍。"
    elif re.search(r"(?:[多少高低大小差贵]|便宜)[出了]?(?:多少|几)|相差|差额", q.text):
        # said in the question's order: 人才专项比基本科研业务费低多少 → 人才专项比…少
        first = min(priced, key=lambda p: _mentioned_at(q, p))
        other = next(p for p in priced if p is not first) if len(priced) == 2 else low
        if first is other:
            first, other = top, low
        gap = first.budget[key] - other.budget[key]
        said = (
            f"{BUDGET_NAMES[key]}：{listed}；{first.name}比{other.name}"
            f"{'多' if gap >= 0 else '少'} {format_yuan(abs(gap))}。"
        )
    if priced[0].budget[key] == priced[1].budget[key]:
        said = f"{BUDGET_NAMES[key]}：{listed}；两者相同。"
    return Answer(said, "comparison", [budget_source(p, key) for p in priced])


def _mentioned_at(q: Question, project: Project) -> int:
    """Where the question names a project (by the words that named it), for its order."""
    said = [m for m in (q.mention or "").split("、") if m and m in project.name]
    places = [q.text.find(m) for m in said if m in q.text]
    return min(places, default=len(q.text))


NAME_FILLER = r"[的是和与及跟比这那个些每各该此花钱多少一年月]|相关|方面"  # never in a name


def _name_said(text: str, mention: str | None) -> str | None:
    """A project's name as the question says it: the mention and the name-like words right
    after it, up to 费, 项目, 工程 … (检察办 + 按业务费), or None."""
    at = text.find(mention) if mention else -1
    if at < 0:
        return None
    more = re.match(
        r"([\u4e00-\u9fff]{1,8}?)(?:经费|费|项目|工程|专项|系统)", text[at + len(mention) :]
    )
    if more is None or len(more[1]) < 2 or re.search(NAME_FILLER, more[1]):
        return None  # 检察业务这个项目, 检察业务经费, 检察办案一年花费: no name goes on
    return mention + more.group(0)


# where the words before a mention stop being part of one name
NAME_STOP = r"[的是和与及、，,。？?！!\s\d年院局台区市省部委所队里中在把给从请问下想]"


def _named_before(text: str, mention: str, project: Project, links: Linker) -> bool:
    """Whether the words right before a short mention make it the name of another thing the
    tables speak of (第三方航拍巡查对比 + 服务费 is not 机关服务费)."""
    at = text.find(mention)
    run = re.split(NAME_STOP, text[:at])[-1] if at > 0 else ""
    shortened = abbreviates(run, f"{project.unit}{project.department}") or abbreviates(
        run, project.name
    )
    names = f"{project.name}{project.unit}{project.department or ''}"
    partial = (
        len(run) >= 2 and not shortened and mention in project.name and mention != project.name
    )
    if partial and _another_name(text, at, mention, run, names):
        return True
    if (
        len(run) < 4
        or len(mention) > 3
        or shortened
        or not re.fullmatch(r"[\u4e00-\u9fff]+", mention)
    ):
        return False  # 普陀城管拆违经费, 办公用房维修费: the unit or the name, shortened
    whole = f"{project.name}|{project.unit}|{project.department or ''}"
    # the four characters next to the mention: one look into the tables' text (at 10,000
    # projects a look costs milliseconds)
    return run not in whole and run[-4:] not in whole and run[-4:] in links.text


def _another_name(text: str, at: int, mention: str, run: str, names: str) -> bool:
    """公务用车|运行维护|费: a part of a project's name with words before it that its name,
    unit and department do not hold, and a name's ending after it, names another project."""
    before = run[-2:]
    after = re.match(NAME_SUFFIX, text[at + len(mention) :])
    return (
        after is not None
        and bool(re.fullmatch(r"[\u4e00-\u9fff]{2}", before))
        and not any(ch in names or ch in "那这个些笔项块张套的了是" for ch in before)
        and mention + after.group(0) not in names
    )


def _misspelt(text: str, projects: list[Project], mention: str) -> tuple[list[Project], str]:
    """Of several projects a short mention names, the one the name the question goes on to
    say misspells (检察办按业务费: 检察办案业务费), else all of them."""
    said = _name_said(text, mention)
    if said is None or "、" in mention:
        return projects, mention
    close = [p for p in projects if Levenshtein.distance(said, p.name) <= len(said) // 6]
    return (close, said) if len(close) == 1 else (projects, mention)


def ambiguous(q: Question) -> Answer | None:
    """A question about a project that names several (检察业务 → 保障费 or 工作费)."""
    if len(q.projects) < 2 or (q.field is None and not q.has(("指标", "目标值", "引用", "文件"))):
        return None
    if q.mention and "、" in q.mention:
        return None  # several projects named one by one: not one ambiguous mention
    said = _name_said(q.text, q.mention)
    if said and not any(said[len(q.mention) :] in p.name for p in q.projects):
        return missing_project()  # 检察办案装备购置费: a name none of them goes on to
    names = "、".join(p.name for p in q.projects)
    return Answer(
        f"问题中的“{q.mention}”可能指这些项目：{names}。请写出项目全称。",
        "ambiguous",
        [header_source(p, p.name) for p in q.projects],
    )


def project_citations(q: Question) -> Answer | None:
    """检察办案场所设备经费引用了哪些文件？"""
    text = q.text.replace("的", "")  # 群众对政策的知晓度 names an indicator, not a 政策
    for name in (*q.indicators.names, q.indicators.words) if q.indicators is not None else ():
        text = text.replace(name, "|")
    named = ("文件", "法规", "引用")
    if (
        len(q.projects) != 1
        or not any(w in text for w in (*named, "政策"))
        or ORDINAL.search(q.text)
        # 对政策知道的人要有多少: a row that measures knowing a policy, not the files cited
        or (q.indicators is not None and q.indicators.whole and not any(w in text for w in named))
    ):
        return None
    project = q.projects[0]
    if not project.citations:
        return Answer(f"{project.name}的表中没有引用文件。", "project_citations")
    citations, name = project.citations, project.name
    # the sections named (a sub-project's reading keeps none: 信访…系统的制度措施)
    asked = [f.split(":", 1)[1] for f in asked_fields(fold(q.text)) if f.startswith("section:")]
    if q.part is not None:  # a sub-project: the files its own text cites (in the section asked)
        text = _part_text(project, q.part, asked)
        citations = [
            c for c in citations if (not asked or c.section in asked) and _cited_in(c, text)
        ]
        where = "、".join(f"“{SECTION_NAMES[s]}”" for s in asked if s in SECTION_NAMES)
        name = f"子项目“{q.part.title}”" + (f"在{where}中" if where else "")
        if not citations:
            from .checks import refusal

            return refusal(q, f"{project.name}的表中，{name}没有列出引用的文件")
    cited = list(
        dict.fromkeys((f"《{c.title}》" if c.title else "") + (c.number or "") for c in citations)
    )
    sources = [
        source(project, s, project.sections[s]) for s in dict.fromkeys(c.section for c in citations)
    ]
    said = (
        f"{name}引用的文件是{cited[0]}。"
        if len(cited) == 1
        else f"{name}引用了 {len(cited)} 个文件：{'；'.join(cited)}。"
    )
    basis = project.sections.get("basis", "") if q.part is None else ""
    if BASIS_ASKED.search(q.text) and UNTITLED_DOCUMENT.search(_untitled(basis, citations)):
        # 依据什么文件设立: a document its basis names without a title (联合下发的文件) too
        said += f"立项依据写的是：{basis[:200]}{'…' if len(basis) > 200 else ''}"
        sources.insert(0, source(project, "basis", basis))
    return Answer(said, "project_citations", sources)


# what asks what a project rests on (not only the files it cites)
BASIS_ASKED = re.compile(r"依据|根据|凭什么|设立|立项")
# a document named in words, not by a title in 《》 or a number
UNTITLED_DOCUMENT = re.compile(r"文件|批复|纪要|决定|会议|精神|指示|部署")


def _untitled(text: str, citations) -> str:
    """A section's text less the titles and numbers of the files it cites."""
    for c in citations:
        for said in (c.title and f"《{c.title}》", c.number):
            text = text.replace(said, "|") if said else text
    return re.sub(r"《[^》]*》", "|", text)


def _part_text(project: Project, part: SubProject, sections: list[str] | None = None) -> str:
    """What a sub-project's title heads in each section of its project (or in `sections`),
    up to the next sub-project's title (立项依据 lists 1.智能卷宗管理系统（1）《…》 2.…)."""
    others = [p.title for p in sub_projects(project) if p.title != part.title]
    said = []
    for key, text in project.sections.items():
        if sections and key not in sections:
            continue
        flat = re.sub(r"\s+", "", text)
        at = flat.find(part.title)
        while at >= 0:
            ends = [i for t in others if (i := flat.find(t, at + len(part.title))) >= 0]
            end = min(ends, default=len(flat))
            said.append(flat[at:end])
            at = flat.find(part.title, end)
    return "|".join(said)


def _cited_in(citation, text: str) -> bool:
    """Whether a text cites the file: its title, or its number."""
    if citation.title and normalize_title(citation.title) in normalize_title(text):
        return True
    return any(n.number == citation.number for n in find_doc_numbers(text))


def indicator_target(q: Question) -> Answer | None:
    """检察办案业务费的鉴定准确性目标是多少？"""
    if len(q.projects) != 1:
        return None
    project = q.projects[0]
    rows = _named_indicators(project, q.text.replace(q.mention or "", ""))
    if not rows and names_rows(q):
        # 老百姓对政策的知晓度: a distinctive part of one row's name, the words between
        rows = [row for owner, row in q.indicators.rows if owner is project]
        rows = rows if len({r.name for r in rows}) == 1 else []
    note = ""
    # named as printed (not 商户满意度 read as 用户满意度 by one character)
    literal = q.indicators is not None and any(n in q.text for n in q.indicators.names)
    if not rows and literal and q.indicators.whole and q.mention != project.name:
        # 院本部大楼维修那个专项的建筑节能指标: a project called by a description, and an
        # indicator only one other project sets: that project is meant
        owners = {id(owner): owner for owner, _ in q.indicators.rows}
        if len(owners) == 1:
            named, project = project, next(iter(owners.values()))
            rows = [row for _, row in q.indicators.rows]
            note = f"（{named.name}没有这项指标，设这项指标的是{project.name}）"
    if not rows:
        return None
    said = note + " ".join(target_said(project, row) for row in rows)
    unset = _unnamed_rows(project, q.text.replace(q.mention or "", ""), rows)
    if unset:  # 鉴定准确性和当事人满意度: the one set, and the one the table does not set
        said += " " + _unset_said(project, unset)
    checked = target_check(q.text, rows[0]) if len(rows) == 1 else ""  # 是不是100%
    if checked:
        said = f"{checked}{said}"
    elif re.search(r"吗$|有没有|是否|设没设|有无", q.text):
        said = f"有。{said}"
    return Answer(said, "indicator_target", [indicator_source(project, row) for row in rows])


# Words that ask an indicator's target (要达到多少, 定了多少, 指标), not a count of things
TARGET_WORDS = re.compile(r"指标|目标|要达到|达到多少|定在|定了|要求|标准|合格")


def names_rows(q: Question) -> bool:
    """Whether the question names indicator rows: whole, or (asking a target) by four
    characters or more of a name (老百姓对政策的知晓度要达到多少 for 群众政策知晓度)."""
    if q.indicators is None:
        return False
    if q.indicators.whole:
        literal = any(name in q.text for name in q.indicators.names)
        # 上年预算执行数: a field's label, not 预算执行率 written with a wrong character
        return literal or not asked_fields(q.indicators.words)
    return len(HAN.findall(q.indicators.words)) >= 4 and bool(TARGET_WORDS.search(q.text))


def _named_indicators(project: Project, text: str) -> list[Indicator]:
    """The rows of a project the text names in full, longest names first, each stretch of
    the text naming one row (项目成本 and 向所外开放共享的设备占比)."""
    rows = []
    for row in sorted(project.indicators, key=lambda r: -len(normalize_name(r.name))):
        name = normalize_name(row.name)
        if name and name in text:
            rows.append(row)
            text = text.replace(name, "|")
    # 道路建设长度和验收达标率, 网站访问量和服务单位数: several rows, some named by a part
    pieces = [p for p in PIECE_BREAK.split(text) if len(QUESTION_TAIL.sub("", p)) >= 3]
    called = []
    for piece in (QUESTION_TAIL.sub("", p).removeprefix("的") for p in pieces):
        row = _row_called(project, piece, rows)
        # 满意度 of a table with two (参训人员满意度, 管理人员满意度): each of them
        every = [r for r in project.indicators if piece in normalize_name(r.name)]
        called += [row] if row is not None else every if rows and len(piece) >= 3 else []
    called = [r for n, r in enumerate(called) if r not in rows and r not in called[:n]]
    return rows + called if len(rows) + len(called) >= 2 else rows


# the end of a name of an indicator (满意度, 及时率, 准确性, 访问量, 观测时间)
INDICATOR_END = re.compile(r"(?:率|度|性|量|数|时间|时长|情况|次数|人次)$")


def _unnamed_rows(project: Project, text: str, rows: list[Indicator]) -> list[str]:
    """The indicators a question names beside the rows found that the project does not set
    (鉴定准确性和当事人满意度: 当事人满意度)."""
    for row in rows:
        text = text.replace(normalize_name(row.name), "|")
    pieces = [
        QUESTION_TAIL.sub("", p).removeprefix("的").strip(":：;；") for p in PIECE_BREAK.split(text)
    ]
    return [
        p for p in pieces
        if len(p) >= 3 and INDICATOR_END.search(p) and not ASKING_PIECE.search(p)
        and not re.search(r"年度|季度|程度|制度|情况$|^(?:本|今|当|上|去)年", p)
        and _row_called(project, p, []) is None
        and not any(p in normalize_name(r.name) for r in rows)
    ]  # fmt: skip


ASKING_PIECE = re.compile(r"有没有|多少|几|什么|吗|具体|是否|年度")


def _unset_said(project: Project, unset: list[str]) -> str:
    """That the project sets none of these, and its rows of the same measure (满意度)."""
    near = [
        r.name for r in project.indicators if any(u[-2:] in normalize_name(r.name) for u in unset)
    ]
    said = f"{project.name}的表中没有“{'”“'.join(unset)}”这项指标"
    return said + (f"（相近的有“{'”“'.join(near[:4])}”）。" if near else "。")


# the words joining two things named in one question (not 及 of 及时率, 及格)
AND = r"以及|还有|(?<!总)和|及(?![时格早]|以[上下])|、"
PIECE_BREAK = re.compile(rf"{AND}|[|，,\s]")
QUESTION_TAIL = re.compile(
    r"(?:的)?(?:目标值?|指标值|指标)?(?:各|分别|都)?(?:是|要|定了|设了)?(?:多少|几|什么)?[呢吗]?$"
)


def _row_called(project: Project, piece: str, taken: list[Indicator]) -> Indicator | None:
    """The one row of a project whose name holds a 4-character stretch of the piece, or its
    two halves in order (服务单位数 → 服务用户单位总数量); None if none or several."""

    def holds(name: str) -> bool:
        if len(piece) >= 3 and piece in name:  # 满意度 of 服务对象满意度
            return True
        if any(piece[i : i + 4] in name for i in range(len(piece) - 3)):
            return True
        return any(
            (at := name.find(piece[:cut])) >= 0 and name.find(piece[cut : cut + 2], at + cut) > 0
            for cut in range(2, len(piece) - 1)
        )

    measures = re.findall(r"[\u4e00-\u9fff]{2}[率度]", piece)  # 验收优良率 is not 验收合格率
    found = [
        r for r in project.indicators
        if r not in taken and holds(normalize_name(r.name))
        and (not measures or measures[-1] in normalize_name(r.name))
    ]  # fmt: skip
    return found[0] if len({r.name for r in found}) == 1 else None


def level_stem(level: str) -> str:
    """A level without its 指标/目标 (产出目标, 产出指标 → 产出), at least two characters."""
    stem = re.sub(r"(?:指标|目标)$", "", level)
    return stem if len(stem) >= 2 else level


def _named_level(project: Project, text: str) -> str | None:
    levels = {lv for r in project.indicators for lv in (r.level1, r.level2) if lv}
    bare = re.sub(r"指标|目标", "", text)
    for level in sorted(levels, key=len, reverse=True):
        if stands_alone(level, text) or stands_alone(level_stem(level), bare):
            return level
    return None


def level_indicators(q: Question) -> Answer | None:
    """检察办案业务费有哪些成本指标？ 满意度要求多少？"""
    if len(q.projects) != 1 or not q.has(("指标", "哪些", "目标", "要求", "多少", "设了")):
        return None
    project = q.projects[0]
    text = q.text.replace(q.mention or "", "")
    level = _named_level(project, text)
    if level is None:
        return None
    named = q.indicators.names if q.indicators is not None and q.indicators.whole else []
    if (
        named
        and level_stem(level) in named[0]
        and not any(_row_called(project, normalize_name(n), []) for n in named)
    ):  # 社会公众满意度 of a project whose 满意度 rows are others: no target of it to give
        near = "、".join(f"“{r.name}”" for r in project.indicators if level in (r.level1, r.level2))
        from .checks import refusal

        return refusal(q, f"{project.name}没有设“{named[0]}”指标（它的“{level}”指标是{near}）")
    found = level_rows(project, level, "level_indicators", "项")
    other = _named_level(project, text.replace(level, "|").replace(level_stem(level), "|"))
    if other is not None and other != level:  # 质量指标和时效指标分别是什么
        more = level_rows(project, other, "level_indicators", "项")
        found = Answer(f"{found.text} {more.text}", found.type, found.sources + more.sources)
    return found


def level_rows(project: Project, level: str, answer_type: str, measure: str) -> Answer:
    """A project's indicator rows under a level, listed with their targets."""
    rows = [r for r in project.indicators if level in (r.level1, r.level2)]
    listed = "；".join(row_said(r) for r in rows)
    return Answer(
        f"{project.name}的“{level}”指标有 {len(rows)} {measure}：{listed}。",
        answer_type,
        [indicator_source(project, r) for r in rows],
    )


def project_fact(q: Question) -> Answer | None:
    """机关服务费的总预算是多少？ 检察业务工作费的绩效类型是什么？ …"""
    if len(q.projects) != 1:
        return None
    project = q.projects[0]
    rest = q.text.replace(q.mention or "", "")
    for name in (project.unit, project.department):
        rest = rest.replace(name or "|", "")
    if q.field is None and rest.strip("的是吗呢?？"):
        return None  # asks something of the project no field holds: its passages answer
    field_name = q.field or "summary"
    key = field_name.removeprefix("section:")
    if q.part is not None and field_name.startswith("section:") and q.part.texts.get(key):
        # 智能卷宗管理系统的实施计划: the sub-project's own item of the section
        text = q.part.texts[key]
        said = f"{project.name}中“{q.part.title}”的{section_name(key, project.template)}：{text}"
        return Answer(said, "section", [source(project, key, text)])
    if field_name.startswith("section:") and ORDINAL.search(q.text):
        field_name = f"{field_name}|{ORDINAL.search(q.text).group(0)}"
    elif field_name.startswith("section:") and re.search(r"几条|几项|几点|多少条|多少项", q.text):
        field_name = f"{field_name}|count"
    return FACTS[field_name.split(":")[0]](project, field_name)


def money_key(projects: Iterable[Project], key: str) -> str:
    """The amount to read for `key`: the year's money where the tables print no project
    total (the central template), else `key`."""
    projects = projects if isinstance(projects, Sequence) else list(projects)
    printed = {k for k in ("total", "current_year") if any(_priced(projects, k)[1])}
    return "current_year" if key == "total" and printed == {"current_year"} else key


# a field the table leaves blank, or a line it does not print: the corpus does not hold it
BLANK = "not_in_corpus"
# a line of several questions some of which the corpus does not hold (said so in the text)
# and some it answers
PARTLY = "partly_not_in_corpus"


def of_parts(parts: list[Answer], answered: str) -> str:
    """The type of an answer made of parts: not_in_corpus when no part is held, PARTLY when
    some are not, else `answered`."""
    if parts and all(part.type == BLANK for part in parts):
        return BLANK
    return PARTLY if any(part.type in (BLANK, PARTLY) for part in parts) else answered


def _budget_fact(project: Project, key: str) -> Answer:
    key = money_key([project], key)
    amount = project.budget[key]
    line = printed_budget_line(project, key)
    name = line.label if line is not None else BUDGET_NAMES[key]
    if amount is None:
        return Answer(f"{project.name}的表中没有填写{name}。", BLANK)
    if line is not None and project.template != "sh-municipal-2020":
        return Answer(
            f"{project.name}的{name}为 {format_yuan(amount)}（表中 {line.printed} {line.unit}）。",
            "budget",
            [line_source(project, line)],
        )
    return Answer(
        f"{project.name}的{name}为 {format_yuan(amount)}。", "budget", [budget_source(project, key)]
    )


def label_named(label: str, text: str) -> bool:
    """A budget-line label the text names, in full, without 资金/总额 (上年结转), or without
    its 当年/其中 (财政拨款 for 当年财政拨款)."""
    return label_at(label, text) >= 0


def label_at(label: str, text: str) -> int:
    """Where the text names a budget-line label (its last mention), -1 if nowhere."""
    label = re.sub(r"\s+", "", label)
    core = re.sub(r"^(?:其中[:：]?|当年|本年|年度)", "", label)
    forms = (
        label,
        label.removesuffix("资金"),
        label.removesuffix("总额"),
        core,
        label.removeprefix("上年"),
        label.removesuffix("款"),  # 财政拨了多少: 财政拨款
    )
    found = max((text.rfind(form) for form in forms if len(form) >= 4), default=-1)
    carried = label.removeprefix("上年").removesuffix("资金")  # 结转具体多少: 上年结转资金
    if found < 0 and label.startswith("上年") and len(carried) >= 2:
        found = text.rfind(carried)
    return found


def printed_budget_line(project: Project, key: str) -> BudgetLine | None:
    """The printed line an amount of `budget` was read from (the first with its value)."""
    amount = project.budget.get(key)
    for line in project.budget_lines:
        label = read_label(line.label)
        if amount is not None and line.yuan == amount and label is not None and label.key == key:
            return line
    return None


def _change_fact(project: Project, _field: str) -> Answer:
    change = budget_change(project.budget)
    if change is None:
        return Answer(  # 比22年多了还是少了, of a table with no 上年 column: not held
            "这个项目的表中没有上年的预算数，无法比较。",  # the name (2.16米…) is its source
            "not_in_corpus",
            [header_source(project, project.name)],
        )
    total, previous = project.budget["total"], project.budget["prev_year_budget"]
    said = (
        f"{project.name}的项目总预算为 {format_yuan(total)}，同名项目上年预算额为 "
        f"{format_yuan(previous)}，"
    )
    if change["direction"] == "持平":
        said += "与上年持平。"
    else:
        percent = f"，{change['direction']} {change['percent']}%" if change["percent"] else ""
        said += f"比上年{change['direction']} {format_yuan(abs(change['amount']))}{percent}。"
    sources = [budget_source(project, "total"), budget_source(project, "prev_year_budget")]
    return Answer(said, "budget_change", sources)


def _header_fact(project: Project, field_name: str) -> Answer:
    labels = {"category": "项目类别", "perf_type": "绩效类型", "nature": "项目性质"}
    if field_name in labels and not getattr(project, field_name):
        return Answer(f"{project.name}的表中没有{labels[field_name]}一栏。", BLANK)
    if field_name == "nature":
        said = f"{project.name}的项目性质是{project.nature}。"
    elif field_name == "category":
        said = f"{project.name}的项目类别是{project.category}。"
    elif field_name == "perf_type":
        said = f"{project.name}的绩效类型是{project.perf_type}。"
    elif field_name == "unit":
        label = "申报单位" if project.template == "sh-municipal-2020" else "实施单位"
        said = f"{project.name}的{label}是{project.unit}。"
    elif field_name == "department":
        if not project.department:
            return Answer(f"{project.name}的表中没有填写主管部门。", BLANK)
        said = f"{project.name}的主管部门是{project.department}。"
    elif field_name == "gov_purchase":
        if project.gov_purchase is None:
            return Answer(f"{project.name}的表中没有填写是否含有政府购买服务。", BLANK)
        said = f"{project.name}{'含有' if project.gov_purchase else '不含有'}政府购买服务。"
    elif field_name in DATE_FIELDS and not (project.start_date or project.end_date):
        return Answer(f"{project.name}的表中没有填写计划开始日期和计划完成日期。", BLANK)
    elif field_name == "start_date":
        said = f"{project.name}的计划开始日期为 {project.start_date or '（未填写）'}。"
    elif field_name == "end_date":
        said = f"{project.name}的计划完成日期为 {project.end_date or '（未填写）'}。"
    else:  # dates
        said = (
            f"{project.name}的计划开始日期为 {project.start_date or '（未填写）'}，"
            f"计划完成日期为 {project.end_date or '（未填写）'}。"
        )
    return Answer(said, "project_fact", [header_source(project, said)])


def _section_fact(project: Project, field_name: str) -> Answer:
    key = field_name.split(":")[1].split("|")[0]
    if key == "period" and not project.sections.get(key):
        return _header_fact(project, "dates")  # 实施周期 of a table without that section
    if key == "budget_plan" and not project.sections.get(key):
        key = "overview"  # what the money is for, where no 年度预算安排 is written: 项目概况
    if key == "goals_longterm" and not project.sections.get(key):
        key = "goals"  # 总目标 of a table with one goal section (总目标及阶段性目标)
    text = project.sections.get(key, "")
    label = section_name(key, project.template)
    if not text:
        return Answer(f"{project.name}的表中没有填写{label}。", BLANK)
    if field_name.endswith("|count"):
        items = numbered_items(text)
        if items:
            listed = "；".join(f"{n}. {t}" for n, t in items)
            return Answer(
                f"{project.name}的{label}共 {len(items)} 条：{listed}",
                "section",
                [source(project, key, text)],
            )
    item = numbered_item(text, field_name)
    if item is not None:
        number, said = item
        return Answer(
            f"{project.name}的{label}第 {number} 条：{said}",
            "section",
            [source(project, key, said)],
        )
    return Answer(f"{project.name}的{label}：{text}", "section", [source(project, key, text)])


# An item of a list in a section: 1. at the start, or after the end of a sentence, a title
# or a bracket (1.《…》2.《…》).
LIST_ITEM = re.compile(r"(?:^|(?<=[。；;！!？?》）)\s]))\s*(\d{1,2})[.．、](?!\d)")
ANY_ITEM = re.compile(r"(?<![\d.])(\d{1,2})[.．、](?!\d)")
ORDINAL = re.compile(r"第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:条|项|点|个|部分|步)")


def numbered_items(text: str) -> list[tuple[int, str]]:
    """The items 1. 2. 3. … of a section, in order (the run from 1 that increases by one)."""
    run = []
    # A section that begins with `1.` is a list: its next numbers may follow any character
    # (the wrapping joined 1.举办午间学术沙龙2.举办…).
    pattern = ANY_ITEM if re.match(r"\s*1[.．、](?!\d)", text) else LIST_ITEM
    for mark in pattern.finditer(text):
        if int(mark.group(1)) == len(run) + 1:
            run.append(mark)
    if len(run) < 2:
        return []
    ends = [m.start() for m in run[1:]] + [len(text)]
    return [
        (int(m.group(1)), text[m.end() : end].strip()) for m, end in zip(run, ends, strict=True)
    ]


def numbered_item(text: str, asked: str) -> tuple[int, str] | None:
    """Item N of a numbered section (`1.… 2.… 3.…`) when the question asks for 第N条."""
    found = ORDINAL.search(asked)
    if not found:
        return None
    number = chinese_number(found.group(1))
    items = dict(numbered_items(text))
    return (number, items[number]) if number in items else None


def _indicators_fact(project: Project, _field: str) -> Answer:
    listed = "；".join(row_said(r) for r in project.indicators)
    return Answer(
        f"{project.name}共有 {len(project.indicators)} 项绩效指标：{listed}。",
        "indicators",
        [indicator_source(project, r) for r in project.indicators],
    )


def _summary_fact(project: Project, _field: str) -> Answer:
    municipal = project.template == "sh-municipal-2020"
    parts = [
        f"主管部门{project.department}" if project.department else "",
        f"{'申报单位' if municipal else '实施单位'}{project.unit}" if project.unit else "",
        f"{project.year}年度" if project.year is not None else "",
        f"项目类别{project.category}" if project.category else "",
        f"绩效类型{project.perf_type}" if project.perf_type else "",
    ]
    money = [
        f"{label} {format_yuan(project.budget[key])}"
        for key, label in (("total", "项目总预算"), ("current_year", "年度资金"))
        if project.budget.get(key) is not None
    ]
    if municipal:
        money = money[:1]
    said = f"{project.name}：{'，'.join(p for p in [*parts, *money] if p)}。"
    return Answer(said, "project_summary", [header_source(project, said)])


# printed lines that say where money comes from (财政拨款, 上年结转资金, 其他资金, 自筹)
SOURCE_LINE = re.compile(r"财政|结转|其他资金|自筹|自有|单位资金|社会资金|专项债")


def line_printed(line: BudgetLine) -> str:
    """A printed money line as the table prints it, with its amount in 元 when in 万元."""
    in_yuan = f"（{line.yuan:,} 元）" if line.unit != "元" and line.yuan is not None else ""
    return f"{line.label} {line.printed} {line.unit}{in_yuan}"


def _sources_fact(project: Project, field_name: str) -> Answer:
    """Where the money comes from: the printed lines of its sources, with their amounts."""
    lines = [ln for ln in project.budget_lines if SOURCE_LINE.search(ln.label)]
    lines = list({(ln.label, ln.printed): ln for ln in lines}.values())
    if not lines:
        return Answer(f"{project.name}的表中没有按资金来源分列（只有预算总数）。", BLANK)
    said = "，".join(line_printed(ln) for ln in lines)
    return Answer(
        f"{project.name}的资金来源：{said}。", "budget", [line_source(project, ln) for ln in lines]
    )


FACTS: dict[str, Callable[[Project, str], Answer]] = {
    **{key: _budget_fact for key in BUDGET_NAMES},
    "sources": _sources_fact,
    "change": _change_fact,
    "category": _header_fact,
    "perf_type": _header_fact,
    "unit": _header_fact,
    "department": _header_fact,
    "nature": _header_fact,
    "gov_purchase": _header_fact,
    "start_date": _header_fact,
    "end_date": _header_fact,
    "dates": _header_fact,
    "section": _section_fact,
    "indicators": _indicators_fact,
    "summary": _summary_fact,
}


def _groups_named(q: Question) -> tuple[str, list[IndicatorGroup]]:
    core = FORM_WORDS.sub("", q.text)
    if not core:
        return core, []
    found = q.store.library_keyed([core]) or q.store.library_holding(core)
    if not found and q.indicators is not None:  # a name written with a typo, linked
        found = q.store.library_keyed({normalize_name(n) for n in q.indicators.names})
        core = q.indicators.words if found else core
    return core, found


def usual_targets(q: Question) -> Answer | None:
    """满意度指标一般设多少？ 预算执行率通常是多少？"""
    if q.projects or not q.has(USUAL_WORDS):
        return None
    core, groups = _groups_named(q)
    if not groups:
        return None
    if q.conditions:  # 检察院的项目一般设多少: of the projects in scope (their rows only read)
        held = [(g, np.isin(g.project_numbers, q.places)) for g in groups]
        rows = [g.rows[n] for g, of_scope in held for n in np.flatnonzero(of_scope).tolist()]
        if not rows:
            return None
        counts = targets_counted(row for _, row in rows)
        in_scope = np.concatenate([g.project_numbers[of_scope] for g, of_scope in held])
        projects, first, shown = len(np.unique(in_scope)), rows[0][0], rows[:MAX_SOURCES]
        found = len(rows)
    else:  # of every project: from what the library worked out, the rows are not read
        keys = tuple(g.key for g in groups)
        counts, projects = q.store.kept(
            ("usual targets", *keys),
            lambda: (
                targets_of_groups(groups),
                projects_of_groups(groups),
            ),
        )
        found = sum(len(g.rows) for g in groups)
        shown = list(islice((pair for g in groups for pair in g.rows), MAX_SOURCES))
        if not shown:
            return None
        first = shown[0][0]
    listed = "，".join(f"{t} × {n}" for t, n in counts.items())
    name = groups[0].name if len(groups) == 1 else f"“{core}”类指标"
    top = next(iter(counts))
    if projects == 1:  # one project sets it: say which, there is nothing usual to tell
        said = f"目标值为 {top}" if found == 1 else f"共 {found} 项，目标值：{listed}"
        text = f"{name}只在{first.name}中设置，{said}。"
    else:
        text = f"{name}在 {projects} 个项目中共 {found} 项，目标值：{listed}；最常见的是 {top}。"
    return Answer(text, "indicator_distribution", [indicator_source(p, r) for p, r in shown])


@dataclass
class Filter:
    """A condition on projects: on the value `READS[reads]` reads of a project."""

    label: str
    reads: str  # a name in READS
    holds: Callable[[Any], bool]  # whether a project's value meets the condition
    shows: Callable[[Project], str] | None = None  # the value a list says of each project

    def test(self, project: Project) -> bool:
        return self.holds(READS[self.reads](project))


# What a condition may read of a project (`Filter.reads`)
READS: dict[str, Callable[[Project], Hashable]] = {
    **{
        name: attrgetter(name)
        for name in (
            "category", "perf_type", "nature", "department", "unit", "year", "start_date",
            "end_date", "gov_purchase",
        )
    },
    "unit and department": attrgetter("unit", "department"),
    "unit and year": attrgetter("unit", "year"),
    "direction": lambda p: _direction(p),
    **{f"money:{key}": (lambda p, k=key: money(p, k)) for key in BUDGET_NAMES},
    **{f"budget:{key}": (lambda p, k=key: p.budget[k]) for key in BUDGET_NAMES},
}  # fmt: skip


@per_generation
def _value_columns(store: ProjectStore) -> dict[str, ValueColumn]:
    return {name: ValueColumn.of(store.projects, read) for name, read in READS.items()}


@per_generation
def row_columns(store: ProjectStore) -> RowColumns:
    """Every project's indicator rows as columns (`RowColumns`)."""
    return RowColumns.of(store.projects)


def places_where(store: ProjectStore, conditions: list[Filter]) -> np.ndarray:
    """The places of the projects that meet every condition, ascending: found from the
    values' columns, not by reading every project (a server's worker copies the pages of
    what it reads)."""
    if not conditions:
        return np.arange(len(store.projects))
    columns = _value_columns(store)
    return np.flatnonzero(
        np.logical_and.reduce([columns[f.reads].where(f.holds) for f in conditions])
    )


def projects_where(store: ProjectStore, conditions: list[Filter]) -> list[Project]:
    """The projects that meet every condition, in order (every project when none, the
    store's own list: a list of others' would read each project)."""
    if not conditions:
        return store.projects
    return [store.projects[n] for n in places_where(store, conditions)]


def value_named(text: str, values: set[str]) -> str | None:
    """A value the text names in full, or by a part of at least 3 characters no other
    value shares (一次性项目 → 其他一次性项目)."""
    full = [v for v in values if v in text]
    if full:
        return max(full, key=len)
    for size in range(min(len(text), 10), 2, -1):
        for start in range(len(text) - size + 1):
            part = text[start : start + size]
            having = [v for v in values if part in v]
            if len(having) == 1 and not part.endswith("项目"):  # 性项目 names no value
                return having[0]
    return None


def filters(q: Question) -> list[Filter]:
    """Conditions on projects the question states: category, type, unit, year, 政府购买服务,
    a budget that rose or fell."""
    found: list[Filter] = []
    values = matcher(q.store).field_values
    text = q.text
    category = value_named(text, values["category"])
    if category:
        found.append(Filter(f"项目类别为{category}", "category", lambda x, v=category: x == v))
        text = text.replace(category, "")
    perf_type = value_named(text, values["perf_type"])
    if perf_type:
        found.append(Filter(f"绩效类型为{perf_type}", "perf_type", lambda x, v=perf_type: x == v))
    nature = value_named(text, values["nature"]) if values["nature"] else None
    if nature:
        found.append(Filter(f"项目性质为{nature}", "nature", lambda x, v=nature: x == v))
    department = value_named(text, values["department"]) if "主管" in text else None
    if department:
        found.append(
            Filter(f"主管部门为{department}", "department", lambda x, v=department: x == v)
        )
    unit = None if department else value_named(text, values["unit"])
    if unit:
        found.append(Filter(f"申报单位为{unit}", "unit", lambda x, v=unit: x == v))
    year = YEAR.search(q.text)
    after = re.search(r"(\d{4})\s*年?\s*(以后|之后|以前|之前)", q.text)
    if after and re.search(r"完成|结束|截止|到期|完工|开始|启动", q.text):
        key = "start_date" if re.search(r"开始|启动", q.text) else "end_date"
        later = after[2] in ("以后", "之后")
        found.append(
            Filter(
                f"计划{'开始' if key == 'start_date' else '完成'}日期在{after[1]}年{after[2]}",
                key,
                lambda x, y=after[1], g=later: bool(x) and (x[:4] > y if g else x[:4] < y),
                lambda p, k=key: (
                    f"计划{'开始' if k == 'start_date' else '完成'}日期 {getattr(p, k)}"
                ),
            )
        )
        year = None
    if year and re.search(r"完成|结束|截止|到期|完工", q.text):
        found.append(
            Filter(f"{year[1]}年完成", "end_date", lambda x, v=year[1]: (x or "").startswith(v))
        )
    elif year and re.search(r"开始|启动|开工", q.text):
        found.append(
            Filter(f"{year[1]}年开始", "start_date", lambda x, v=year[1]: (x or "").startswith(v))
        )
    elif year:
        found.append(Filter(f"{year[1]}年度", "year", lambda x, v=int(year[1]): x == v))
    if not unit:
        place = _place_named(q)
        if place is not None:
            found.append(
                Filter(
                    f"单位在{place}",
                    "unit and department",
                    lambda x, v=place: v in (x[0] or "") or v in (x[1] or ""),
                )
            )
            unit = place
    between = AMOUNT_RANGE.search(q.text)
    if between is not None:  # 500万到700万之间
        low = yuan_of(between[1], between["unit1"] or between["unit"])
        high = yuan_of(between[4], between["unit"])
        key = "current_year" if re.search(r"年度|当年|今年|本年", q.text) else "total"
        found.append(
            Filter(
                f"{BUDGET_NAMES[key]}在{between.group(0).rstrip('之间')}",
                f"money:{key}",
                lambda x, lo=low, hi=high: lo <= (x or -1) <= hi,
            )
        )
    threshold = None if between else _amount_threshold(q.text)
    if threshold is not None:
        key, op, yuan, said = threshold
        found.append(
            Filter(
                said,
                f"money:{key}",  # the year's money where no total is printed
                lambda x, v=yuan, c=COMPARED[op]: x is not None and c(x, v),
            )
        )
    group = _group_of_size(q) if not unit else None
    if group is not None:
        unit_name, group_year = group
        found.append(
            Filter(
                f"申报单位为{unit_name}",
                "unit and year",
                lambda x, u=unit_name, y=group_year: x == (u, y),
            )
        )
    if NOT_GOV.search(q.text):
        found.append(Filter("不含政府购买服务", "gov_purchase", lambda x: x is False))
    elif "政府购买服务" in q.text:
        found.append(Filter("含政府购买服务", "gov_purchase", lambda x: x is True))
    direction = _change_asked(q)
    if direction is not None:
        found.append(Filter(f"总预算比上年{direction}", "direction", lambda x, d=direction: x == d))
    return found


def _change_asked(q: Question) -> str | None:
    """增加 or 减少 where the question picks projects by their change from last year (比去年
    少的项目, 预算增加了的), None where it ranks by change (降幅最大) or asks of no change."""
    if q.has(MAX_WORDS + MIN_WORDS) or re.search(r"还是|变化|增减", q.text):
        return None  # 增加还是减少: asks the direction, picks no projects by it
    picked = re.search(
        r"比(?:去年|上年|上一年)(?:增加|减少|增长|下降|上升|多|少|高|低)了?的(?:项目|那些|那几|几个)",
        q.text,
    )
    if picked:  # 比上年增加的项目一共多了多少: the projects that rose
        return "增加" if re.search(r"比(?:去年|上年|上一年)(?:增|多|高|上)", q.text) else "减少"
    totals = q.has(SUM_WORDS) or re.search(r"总预算|[多少差]了?多少|变化多少", q.text)
    if AGAINST_LAST_YEAR.search(q.text) and totals:
        return None  # 合计比上年同名项目预算合计少了多少: two totals, no projects picked
    than = THAN_LAST_YEAR.search(q.text)
    if than and re.search(r"上年|去年|上一年", q.text[: than.start()]):
        return None  # 上年执行数低于上年预算额: two figures of last year
    amount = re.search(
        r"(?:比|较|和|跟|与)(?:去年|上年|上一年)[^，,。？?]{0,4}?(?:[多少增减涨降]了?多少|差多少)",
        q.text,
    )
    if q.has(SUM_WORDS) and amount:
        return None  # 这8个项目加起来，比上年少了多少: the totals' change, no projects picked
    if than:
        return "增加" if (than["word"] or than["over"]) in "多高大增涨升" else "减少"
    if "预算" not in q.text and not re.search(r"[比较]上年|[比较]去年", q.text):
        return None
    if RISE.search(q.text):
        return "增加"
    if FALL.search(q.text):
        return "减少"
    return None


PLACE = re.compile(r"([\u4e00-\u9fff]{2,4}?(?:省|市|区|县))")
THRESHOLD = re.compile(
    r"(不超过|不高于|不多于|不大于|不过|未超过|没有?超过|不少于|不低于|不小于|超过|超出|高于|大于|多于|"
    r"低于|少于|小于|不到|不足|(?<![经通不])过|超|上(?=一(?:亿|千万|百万)))?\s*"
    r"(?<![\d.,])(\d+(?:,\d{3})*(?:\.\d+)?[千百]?|[一二两三四五六七八九十百千]+)\s*(亿元|亿|万元|万|元)"
    r"\s*(及以上|或以上|以上|及以下|或以下|以下|以内)?"
)
# how each word of a threshold compares (以上 and 以下 count the amount itself, as in law)
THRESHOLD_OPS = {
    "不超过": "<=", "不高于": "<=", "不多于": "<=", "不大于": "<=", "不过": "<=", "未超过": "<=",
    "没超过": "<=", "没有超过": "<=", "以下": "<=", "及以下": "<=", "或以下": "<=", "以内": "<=",
    "低于": "<", "少于": "<", "小于": "<", "不到": "<", "不足": "<",
    "不少于": ">=", "不低于": ">=", "不小于": ">=", "以上": ">=", "及以上": ">=", "或以上": ">=",
}  # fmt: skip
# 一亿五千万, 1亿5000万: one amount in 万
COMPOUND_YI = re.compile(r"([一二两三四五六七八九十\d.]+)亿([一二两三四五六七八九十百千\d]+)万")
COMPARED = {
    ">": lambda a, b: a > b, ">=": lambda a, b: a >= b,
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b,
}  # fmt: skip


def _place_named(q: Question) -> str | None:
    """A place (普陀区, or 普陀 alone) that some units or departments hold: the projects there."""
    for found in PLACE.finditer(q.text):
        place = found.group(1)
        if any(place in name for name in q.linker.unit_names):
            return place
    return next((place for stem, place in q.linker.places.items() if stem in q.text), None)


AMOUNT_RANGE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?P<unit1>亿元|亿|万元|万|元)?\s*(到|至|-|~|～)\s*(\d+(?:\.\d+)?)\s*"
    r"(?P<unit>亿元|亿|万元|万|元)\s*(?:之间)?"
)


def yuan_of(number: str, unit: str) -> int:
    """Integer yuan of an amount a question or text says in 元, 万(元) or 亿(元), exactly
    (349.80万 → 3498000); -1 for digits too many to be an amount."""
    yuan = to_yuan(number, unit)
    return -1 if yuan is None else yuan


def money(project: Project, key: str) -> int | None:
    """A project's amount for `key` (the year's money where it prints no total)."""
    return project.budget.get(money_key([project], key))


def _numeral(said: str) -> float | None:
    """A number as a question writes it: 1,000, 2.5, 3千 (3000), 五百 (500); None if none."""
    found = re.fullmatch(r"([\d,]+(?:\.\d+)?)([千百]?)", said)
    if found:
        return float(found[1].replace(",", "")) * {"千": 1000, "百": 100, "": 1}[found[2]]
    value = chinese_number(said)
    return float(value) if value else None


def _amount_threshold(text: str) -> tuple[str, str, int, str] | None:
    """`年度资金超过1000万元` -> ("current_year", ">", 10000000, said)."""
    text = re.sub(r"(上|过|超)(亿|千万|百万)", r"\1一\2", text)  # 上亿: over one 亿
    text = COMPOUND_YI.sub(lambda m: f"{_numeral(m[1]) * 10_000 + _numeral(m[2]):g}万", text)
    for found in THRESHOLD.finditer(text):
        word = found[1] or found[4]
        value = _numeral(found[2])
        if word and value is not None:  # 过千万: 1000万; 五百万及以上: 500万; 3千万
            break
    else:
        return None
    op = THRESHOLD_OPS.get(found[4] or "") or THRESHOLD_OPS.get(found[1] or "", ">")
    scale = {"亿": 100_000_000, "万": 10_000}.get(found[3][0], 1)
    yuan = int(value * scale)
    digits = f"{value:g}"
    key = "current_year" if re.search(r"年度|当年|今年|本年", text) else "total"
    how = {">": "超过", ">=": "不少于", "<": "低于", "<=": "不超过"}[op]
    said = f"{BUDGET_NAMES[key]}{how}{digits}{found[3]}"
    return key, op, yuan, said


SCOPE_LABELS = ("申报单位为", "主管部门为", "单位在")
# words of asking for a list or a count of projects, and of a scope
LIST_FILLER = re.compile(
    r"哪些|哪几个?|哪个|几个|多少个|有多少|列一下|列出来?|数一下|一共|总共|共|都|各|项目|张表|表|"
    r"那批|这批|那些|这些|那几|这几|申报|报了|有|是|的|了|过|被|吗|呢|请问|一下|现在|目前|里|中|"
    r"\d{4}年度?|[\d一二两三四五六七八九十]+个|几张|几项|[|，,。？?！!、\s]|"
    r"最(?:高|低|多|少|大|小|贵|便宜|省钱|省)"  # 最便宜的是哪个: the extreme of their money
)


# a list or count of things inside projects (哪些服务, 哪些地方, 几个小项目), not of projects
ASKS_THINGS = re.compile(
    r"(?:哪些|哪几[个样家项]?|几个)(?:地方|服务|事情?|东西|功能|内容|方面|小项目|国家|城市|地区|人员|"
    r"公司|企业|供应商|厂家|"
    r"子项目|子项|环节|工作|节点|部分|步骤|阶段)"
)


def _unread_predicate(
    q: Question, conditions: list[Filter], chosen: list[Project], money: bool = False
) -> str | None:
    """What a question over projects asks of them beyond its scope (a unit, a place, a year),
    when no condition was read from it: 被审计查出过问题, 归某中心管的, 参与人员最多; of their
    money (`money`), a thing inside them (普陀城管执法无人机巡查一年预算多少)."""
    fields = [f for f in q.fields if not (money and f in BUDGET_NAMES)]
    if fields or (q.indicators is not None and q.indicators.whole) or q.level_word:
        return None
    scope = all(f.label.startswith(SCOPE_LABELS) or re.fullmatch(r"\d{4}年度", f.label)
                for f in conditions)  # fmt: skip
    if not conditions or not scope:
        return None
    # the scope's own names (its units, their places), not every unit of the corpus
    units = list({v for p in chosen for v in (p.unit, p.department) if v})
    places = {s for s, name in q.linker.places.items() if any(name in u for u in units)}
    names = "|".join([*units, *places])
    rest = outside(q.text, names, least=2)
    # a word is filler when the filler covers all of it (表 of 张表, not of 表扬)
    fillers = (LIST_FILLER, MONEY_FILLER) if money else (LIST_FILLER,)
    filler = {i for f in fillers for found in f.finditer(rest) for i in range(*found.span())}
    kept = [
        rest[start:end] for w, start, end in words(rest)
        if len(w) >= 2 and not filler.issuperset(range(start, end))
        and not any(abbreviates(w, u) for u in units)
    ]  # fmt: skip
    said = "".join(kept)
    if (
        len(said) == 2
        and not re.search(r"[几个些哪那这每各都]", said)
        and not money
        and not q.linker.mentions(said)
        and len(same_meaning(said)) == 1
    ):
        return said  # 得过奖励: one word, and nothing of the corpus says it
    if money:  # a thing one's text holds is a part of it, with no amount of its own
        lines = "|".join(re.escape(line.label) for p in chosen for line in p.budget_lines)
        part = len(said) >= 3 and not re.search(lines or "(?!)", said)
        last = q.text.rfind(kept[-1]) + len(kept[-1]) if kept else 0
        describes = bool(re.match(r"[^，,。？?]{0,5}项目", q.text[last:]))  # 买设备的那几个项目
        ways = _ways(said)
        holders = sum(_said_together(ways, [p]) for p in chosen)
        one = 0 < holders < len(chosen)
        return said if part and one and not describes else None
    return said if len(said) >= 3 and not _said_together(_ways(said), chosen) else None


# The words of asking a project's money (and of when): what is left names what it is for
MONEY_ASKING_WORDS = (
    "预算", "多少钱", "多少", "钱", "经费", "资金", "金额", "总额", "投资", "投入",
    "费用", "花费", "花了", "花", "要花", "一共", "总共", "合计", "共计", "共", "批了",
    "批", "拨了", "拨", "给了", "给", "安排了", "安排", "申请了", "申请", "大概", "大约",
    "到底", "具体", "整个", "这个", "那个", "项目", "专项", "本项", "该项", "年度",
    "今年", "当年", "本年", "全年", "一年", "每年", "万元", "元", "万", "是", "有", "为",
    "要", "得", "能", "的", "了", "吗", "呢", "啊", "这", "那", "个", "笔", "块", "部",
    "台", "项", "里", "中", "上", "下", "度", "左右", "以上", "执行了", "执行", "支出",
    "用了", "用掉", "花掉", "前后", "全部", "总", "市级", "区级", "省级", "中央", "本级",
    "财政", "上年度", "上年", "去年", "实际", "同名", "情况说明", "经费情况", "说明",
    "申报表", "目标表", "表格", "表里", "表中", "表上", "一栏", "栏", "写的", "写着",
    "填的", "填了", "列的", "列了", "列出", "标的", "标了", "跟", "和", "与", "比",
    "一样", "相同", "变化", "增加", "减少", "那部分", "这部分", "部分", "占比", "比例", "比重",
    "占", "百分之几", "多大", "额", "分别", "各自", "各", "是否", "一致", "不一致", "相等",
    "区别", "差别", "差异", "吻合", "对得上", "对不上",
)  # fmt: skip
# beside LIST_FILLER, the words of asking a sum of money over projects (加起来, 平均每个 …)
MONEY_FILLER = re.compile(
    "|".join(sorted(MONEY_ASKING_WORDS, key=len, reverse=True))
    + r"|加起来|加一块儿?|一块儿?|加一起|加在一起|总计|平均|每个|分别|各|用|亿|"
    r"最[高低多少大小]|排名?|前|后|哪个|多|少|几家|几个"
)


def _ways(run: str) -> list[list[str]]:
    """Each word of a run (two characters or more) and the words of the same meaning."""
    return [same_meaning(w) for w, _, _ in words(run) if len(w) >= 2]


def _said_together(needed: list[list[str]], projects: list[Project]) -> bool:
    """Whether one sentence of the projects' tables holds every word of a run (or a word
    of the same meaning, `_ways`): 要买设备 of 购置设备数量 is a condition their text can test."""
    if not needed:
        return False
    texts = [p.name for p in projects] + project_texts(projects)
    return any(
        all(any(w in sentence for w in ways) for ways in needed)
        for text in texts
        for sentence in re.split(r"[。；;\n]", text.lower())
    )


def _group_of_size(q: Question) -> tuple[str, int | None] | None:
    """`8个项目`: the one unit and year with that many tables, if exactly one has."""
    found = re.search(r"(\d+|[一二两三四五六七八九十]+)(?:个项目|张表|张项目表|个表)", q.text)
    if not found:
        return None
    count = chinese_number(found.group(1))
    column = _value_columns(q.store)["unit and year"]  # every project's, not read one by one
    groups = dict(zip(column.values, np.bincount(column.codes).tolist(), strict=True))
    sized = [g for g, n in groups.items() if n == count]
    return sized[0] if len(sized) == 1 and len(groups) > 1 else None


def _direction(project: Project) -> str | None:
    change = budget_change(project.budget)
    return change["direction"] if change else None


def _budget_key(q: Question) -> str:
    """The amount a question over projects means: the one it names, else the total — or
    the year's money where most tables print no total (the central template)."""
    field_name = q.field if q.field in BUDGET_NAMES else asked_field(q.text)
    if (q.projects or q.conditions) and q.chosen:
        return _money_key_of(q.chosen, field_name)
    return _money_keys_of_every(q.store)[field_name if field_name in BUDGET_NAMES else None]


@per_generation
def _money_keys_of_every(store: ProjectStore) -> dict[str | None, str]:
    """`_money_key_of` every project, for each budget name and for none (None): worked out
    before a server forks (a worker working it out reads every project's budget, and so
    copies the pages they are on)."""
    return {name: _money_key_of(store.projects, name) for name in (*BUDGET_NAMES, None)}


def _money_key_of(chosen: Sequence[Project], field_name: str | None) -> str:
    if field_name in BUDGET_NAMES:
        return money_key(chosen, field_name)
    years, totals = (len(_priced(chosen, k)[0]) for k in ("current_year", "total"))
    return "current_year" if years > totals else "total"


def over_projects(q: Question) -> Answer | None:
    """Counts, lists, rankings and sums over all projects (with the filters stated)."""
    if q.projects:
        return None
    conditions = q.conditions
    # the projects in scope as places in the store (`ProjectsAt`), read only as far as an
    # answer uses them (a list of them touches every project: a server's worker copies
    # the pages they are on); the answers below do not change what they are given
    chosen = q.chosen
    said = "、".join(f.label for f in conditions)
    key = _budget_key(q)
    about_money = (
        q.field in BUDGET_NAMES
        or (q.field == "change" and q.conditions)
        or asked_field(q.text) in BUDGET_NAMES
        or q.has((*MONEY_WORDS, "总额", "盘子", "最贵", "最便宜", "最省钱", "大头"))  # of money
        # 2023年的项目合计多少: a sum of projects is of their money
        or (
            q.has(SUM_WORDS)
            and "多少" in q.text
            and not q.has(("个", "项指标"))
            and q.indicators is None
            and not q.level_word  # 满意度目标加起来: not money
            and (bool(conditions) or "项目" in q.text)  # 内存总共要多大, 能存多少: no money
        )
    )
    # 检察院的项目和天文台的项目，哪边合计多: two groups' sums set against each other; 每个多少万:
    # an amount asked by its unit
    about_money = about_money or (q.has(SUM_WORDS) and _groups_compared(q) is not None)
    about_money = about_money or bool(re.search(r"(?:多少|几|几百|几千)(?:万|亿|元)", q.text))
    if ASKS_THINGS.search(q.text):
        return None  # 三百多万要买哪些服务, 几个小项目: things inside projects, not projects
    named = conditions and _named_unheld(q, r"项目|工程|经费|专项")
    if named:  # 普陀区无违建居村创建奖励经费: one project, none of them; 档案数字化经费: a part's
        return part_money() if about_money and _spoken_of(q, named) else missing_project()
    groups = groups_named(q)
    if len(groups) > 1 and EACH_GROUP.search(q.text):
        return _per_group(q, groups, key, about_money)
    if (
        len(groups) > 1
        and about_money
        and q.has(MAX_WORDS + MIN_WORDS)
        and re.search(r"哪个项目|哪一个项目|是哪个|哪一个|的项目", q.text)
        and not re.search(r"哪边|哪家|哪个单位|哪组|哪方", q.text)
    ):  # 检察院和普陀区的项目里预算最高的是哪个: one project of them all, not their sums
        members = list({p.id: p for _, ps in groups for p in ps}.values())
        common = _common_key([(label, ps) for label, ps in groups], key) or key
        return _ranking(q, members, "、".join(label for label, _ in groups), common)
    groups = _groups_compared(q)
    if groups is not None and about_money:
        return _compare_groups(groups, key)
    if about_money and "占" in q.text and conditions:
        return _share_of_group(q, chosen, said, key)
    order = ranked_order(q.text)
    if order is not None and about_money:
        return _top(chosen, said, key, *order)
    if q.has(MAX_WORDS + MIN_WORDS) and about_money:
        return _ranking(q, chosen, said, key)
    unread = _unread_predicate(q, conditions, chosen)
    measuring = q.linker.rows_measuring(unread, chosen) if unread and not about_money else []
    if measuring:  # 哪几个项目考核人手是不是都到位: the rows that measure it, in other words
        listed = "；".join(f"{p.name}（{row_said(r)}）" for p, r in measuring)
        projects = len({p.id for p, _ in measuring})
        return Answer(
            f"与“{unread}”相关的指标在 {projects} 个项目中设置：{listed}。",
            "list",
            first_sources(indicator_source(p, r) for p, r in measuring),
        )
    if unread and not about_money:
        return Answer(  # 检察院哪些项目被审计查出过问题: the tables hold no such thing
            f"表中没有可以按“{unread}”挑出项目的内容（只有申报的计划、预算和指标），无法回答。",
            "not_in_corpus",
        )
    named_list = re.search(r"的项目[？?。！!]*$", q.text)  # 预算超过1000万元的项目: which
    if (q.has(LIST_WORDS) or named_list) and conditions and not q.has(SUM_WORDS):
        return _listing(chosen, said, "list", conditions)
    yes_no = re.search(r"有没有.{0,20}项目|项目.{0,12}(?:有没有|有吗)$", q.text)
    if yes_no and conditions and not q.has(SUM_WORDS):
        found = _listing(chosen, said, "list", conditions)  # 有没有…的项目: yes, and which
        found.text = f"{'有' if chosen else '没有'}。{found.text}"
        return found
    # 这几个项目的总盘子: the projects pointed at, not a count asked
    unpointed = re.sub(r"[这那]几个", "", q.text)
    counted = any(w in unpointed for w in ("有几个", "多少个", "几个项目")) and not q.has(SUM_WORDS)
    count_asked = any(w in unpointed for w in COUNT_WORDS)
    if count_asked and (not about_money or counted) and (conditions or "项目" in q.text):
        return _listing(chosen, said, "count")
    if about_money and AGAINST_LAST_YEAR.search(q.text) and not _change_asked(q):
        return _sum_against_last_year(chosen, said)
    # 预算比上年少了的项目…，合计少了多少: picked by their change, the change summed
    by_change = any("比上年" in f.label for f in conditions)
    if by_change and re.search(r"(?:少|多|减|增|降|涨)了?多少|[增减]额|[增减]少额", q.text):
        return _sum_against_last_year(chosen, said)
    each_asked = q.has(("各多少", "分别多少", "各是多少", "分别是多少", "每个多少"))
    if about_money and each_asked and "平均" not in q.text:
        return _top(chosen, said, key, None, True)  # 各多少钱: each project's amount
    if about_money and (q.has((*SUM_WORDS, "平均")) or conditions):
        part = _unread_predicate(q, conditions, chosen, money=True)
        if part:  # 普陀城管执法无人机巡查一年预算多少: a thing inside a project
            return Answer(
                f"表中没有“{part}”的单独金额（只有各项目的预算），无法回答。", "not_in_corpus"
            )
        each = bool(re.search(r"那几个|哪几个|哪些|分别|各|每个|明细", q.text))
        return _sum(chosen, said, key, average=q.has(("平均", "人均")), listed=each)
    return None


def _groups_compared(q: Question) -> list[tuple[str, list[Project]]] | None:
    """Two groups of projects a question sets against each other by their units or places
    (检察院的预算比天文台少多少): each group's name and projects; None unless two."""
    if not re.search(r"比|和|与|跟|相比|对比", q.text):
        return None
    groups = groups_named(q)
    return groups if len(groups) == 2 else None


@per_generation
def _projects_of_units(store: ProjectStore) -> dict[str, list[Project]]:
    """Each unit or department name, and its projects."""
    found: dict[str, list[Project]] = {}
    for project in store.projects:
        for name in {project.unit, project.department} - {None, ""}:
            found.setdefault(name, []).append(project)
    return found


def groups_named(q: Question) -> list[tuple[str, list[Project]]]:
    """The groups of projects a question names by their units or places (检察院、普陀区、天文台),
    in the question's order."""
    linker = q.linker
    found: dict[str, list[Project]] = {}
    for unit in linker.unit_names:
        # a unit named by a distinctive part of its name (检察院, 天文台, 普陀)
        stretches = (
            unit[i : i + n]
            for n in range(min(len(unit), 8), 2, -1)
            for i in range(len(unit) - n + 1)
        )
        present = [s for s in stretches if s in q.text]
        if not present:
            continue
        # the longest, and of those the one fewest units share (检察院 rather than 上海市)
        longest = len(present[0])
        part = min(
            (s for s in present if len(s) == longest),
            key=lambda s: sum(s in other for other in linker.unit_names),
        )
        found.setdefault(part, [])
        have = {p.id for p in found[part]}
        found[part] += [p for p in _projects_of_units(q.store).get(unit, []) if p.id not in have]
    for value in matcher(q.store).field_values["category"]:  # 其他一次性项目 vs 经常性…: categories
        if value in q.text:
            of_value = Filter(value, "category", lambda x, v=value: x == v)
            found.setdefault(value, projects_where(q.store, [of_value]))
    named = {k: v for k, v in found.items() if not any(k != o and k in o for o in found)}
    # 上海市检察院: 上海市 is part of the other group's unit's name, no group of its own
    named = {
        k: v
        for k, v in named.items()
        if not any(k != o and any(k in (p.unit or "") for p in ps) for o, ps in named.items())
    }
    return sorted(named.items(), key=lambda item: q.text.find(item[0]))


EACH_GROUP = re.compile(r"各|分别|各自|哪组|每组|[两三四五]组")


def _per_group(q: Question, groups, key: str, about_money: bool) -> Answer:
    """The same question for each group of projects (检察院、普陀区、天文台各有几个项目 / 各自预算
    最大的 / 哪组合计最多 / 是哪一年的)."""
    said, sources = [], []
    sums = []
    common = _common_key(groups, key)  # one amount for all groups, where they print it
    for name, projects in groups:
        group_key = common or money_key(projects, key)
        priced = [p for p in projects if p.budget.get(group_key) is not None]
        if q.has(MAX_WORDS + MIN_WORDS) and priced:
            pick = (max if q.has(MAX_WORDS) else min)(priced, key=lambda p: p.budget[group_key])
            said.append(f"{name}：{pick.name} {format_yuan(pick.budget[group_key])}")
            sources.append(budget_source(pick, group_key))
        elif re.search(r"哪一?年|年度|几几年", q.text) and not about_money:
            years = "、".join(str(y) for y in sorted({p.year for p in projects if p.year}))
            said.append(f"{name}：{years} 年度（{len(projects)} 个项目）")
            sources += [header_source(p, p.name) for p in projects[:3]]
        elif about_money and priced:
            total = sum(p.budget[group_key] for p in priced)
            sums.append((total, name))
            said.append(
                f"{name} {len(priced)} 个项目的{BUDGET_NAMES[group_key]}合计 {format_yuan(total)}"
            )
            sources += first_sources(budget_source(p, group_key) for p in priced)
        else:
            said.append(f"{name} {len(projects)} 个项目")
            sources += [header_source(p, p.name) for p in projects[:3]]
    text = "；".join(said)
    if sums and re.search(r"哪组|最多|最少|排", q.text):
        top = max(sums)[1] if not q.has(MIN_WORDS) else min(sums)[1]
        text = f"{top}最{'少' if q.has(MIN_WORDS) else '多'}。{text}"
    return Answer(f"{text}。", "comparison", sources[:MAX_SOURCES])


def _share_of_group(q: Question, chosen: list[Project], said: str, key: str) -> Answer | None:
    """含政府购买服务的项目预算占检察院8个项目总预算的比例: the projects the conditions
    before 占 leave, as a share of those the conditions after it leave."""
    left, _, right = q.text.partition("占")
    of_whole = conditions_of(q, right)
    whole = projects_where(q.store, of_whole)
    part = projects_where(q.store, [*of_whole, *conditions_of(q, left)])
    key = money_key(whole, key)
    whole_sum = sum(p.budget.get(key) or 0 for p in whole)
    part_sum = sum(p.budget.get(key) or 0 for p in part)
    if not whole_sum or not part or len(part) == len(whole):
        return None
    share = round(part_sum * 100 / whole_sum, 2)
    return Answer(
        f"{'、'.join(p.name for p in part)}的{BUDGET_NAMES[key]}合计 {format_yuan(part_sum)}，"
        f"占 {len(whole)} 个项目合计 {format_yuan(whole_sum)}的 {share}%。",
        "share",
        first_sources(budget_source(p, key) for p in whole),
    )


# a share of a whole: 占普陀区全部政府投资的比重 (of what no table holds unless it is projects)
SHARE_ASKED = re.compile(r"占(?P<whole>[^，,。？?]{2,24}?)的?(?:比重|比例|百分之|几成|多少|份额)")
ASKING_OF_SHARE = re.compile(r"了|多大|多少|百分之?|几成|比重|比例|份额|的|[一几]?个?")


def of_tables(whole: str) -> bool:
    """Whether the whole a share is asked of is the tables' projects (占9个项目合计), not a
    total no table holds (占普陀区全部政府投资)."""
    if re.search(r"项目|表|[\d一二两三四五六七八九十几]+[个项张]", whole):
        return True  # 占九个项目合计, 占九项的比重
    return not re.search(r"支出|投资|财政|收入|经济|GDP|部门|政府|全[市区省国]|全社会", whole)


def share_whole(text: str) -> str | None:
    """The whole a share is asked of, after 占 (占普陀区全部政府投资的比重); None when the words
    after 占 only ask (占了多大比例: the whole said before it)."""
    found = SHARE_ASKED.search(text)
    if found is None or len(ASKING_OF_SHARE.sub("", found["whole"])) < 2:
        return None
    return found["whole"]


def conditions_of(q: Question, text: str) -> list[Filter]:
    """The conditions a part of the question states."""
    part = Question(q.raw, text, q.store, q.backend, [], None, None, linker=q.linker)
    return filters(part)


def _common_key(groups, key: str) -> str | None:
    """One amount for every group (the year's money where some print no total), so that what
    is compared is alike; None where groups print different ones only."""
    keys = {money_key(projects, key) for _, projects in groups}
    if len(keys) == 1:
        return keys.pop()
    every = all(any(p.budget.get("current_year") for p in ps) for _, ps in groups)
    return "current_year" if every else None


def _compare_groups(groups: list[tuple[str, list[Project]]], key: str) -> Answer:
    """The sums of two groups, and how far apart they are."""
    common = _common_key(groups, key)
    sums = []
    for name, projects in groups:
        group_key = common or money_key(projects, key)
        priced = [p for p in projects if p.budget.get(group_key) is not None]
        sums.append((name, sum(p.budget[group_key] for p in priced), len(priced), group_key))
    (a, x, n, ka), (b, y, m, kb) = sums
    gap = x - y
    said = (
        f"{a}的 {n} 个项目的{BUDGET_NAMES[ka]}合计 {format_yuan(x)}；{b}的 {m} 个项目的"
        f"{BUDGET_NAMES[kb]}合计 {format_yuan(y)}；{a}比{b}{'多' if gap >= 0 else '少'} "
        f"{format_yuan(abs(gap))}"
    )
    if y:
        said += f"，是后者的 {round(x / y, 2)} 倍"
    sources = first_sources(budget_source(p, money_key(ps, key)) for _, ps in groups for p in ps)
    return Answer(said + "。", "comparison", sources)


def _listing(
    chosen: list[Project], said: str, kind: str, conditions: Iterable[Filter] = ()
) -> Answer:
    scope = f"{said}的项目" if said else "项目"
    if not chosen:
        return Answer(f"语料中没有{scope}。", kind)
    shown = [f.shows for f in conditions if f.shows is not None]  # 2026年以后: each one's date
    listed = chosen[:MAX_NAMED]  # of thousands of tables, the first ones (the count is whole)
    names = "、".join(
        p.name + (f"（{'，'.join(s(p) for s in shown)}）" if shown else "") for p in listed
    )
    first = f"，前 {len(listed)} 个" if len(listed) < len(chosen) else ""
    return Answer(
        f"{scope}共 {len(chosen)} 个{first}：{names}。",
        kind,
        first_sources(header_source(p, f"{p.name}：{p.category}，{p.perf_type}") for p in listed),
    )


MAX_NAMED = 50  # projects a list names


def _ranking(q: Question, chosen: Sequence[Project], said: str, key: str) -> Answer:
    priced, amounts = _priced(chosen, key)
    if not priced:
        return Answer("语料中没有可以比较预算的项目。", "not_found")
    asked = [True, False] if q.has(MAX_WORDS) and q.has(MIN_WORDS) else [q.has(MAX_WORDS)]
    extremes = [_extreme(priced, amounts, highest) for highest in asked]
    scope = f"{said}的项目中，" if said else ""
    texts, sources = [], []
    for highest, (best, winners) in zip(asked, extremes, strict=True):
        names = "、".join(p.name for p in winners)
        which = "最高" if highest else "最低"
        texts.append(f"{BUDGET_NAMES[key]}{which}的项目是{names}：{format_yuan(best)}")
        sources += [budget_source(p, key) for p in winners]
    return Answer(f"{scope}{'；'.join(texts)}。", "ranking", sources)


def _extreme(
    priced: Sequence[Project], amounts: list, highest: bool
) -> tuple[float, list[Project]]:
    """The highest (or lowest) of the amounts, as the first project holding it has it (5
    or 5.0), and the projects holding it, in order (`priced` and `amounts` as `_priced`
    gives them: only those projects are read)."""
    best = (max if highest else min)(amounts)
    return best, [priced[n] for n, amount in enumerate(amounts) if amount == best]


N = r"(\d{1,2}|[一二两三四五六七八九十]{1,2})"
TOP_N = re.compile(
    rf"前\s*{N}\s*(?:个|名|位|项)?|最\w{{1,2}}的\s*{N}\s*个|{N}\s*个最|"
    rf"(?:倒数|末|后)\s*{N}\s*(?:个|名|位|项)"
)
SORTED = re.compile(
    r"排名|排序|排个序|排一下|从高到低|由高到低|从大到小|从多到少|降序|从低到高|由低到高|从小到大|从少到多|升序"
)
ASCENDING = re.compile(
    rf"从低到高|由低到高|从小到大|从少到多|升序|(?:后|末)\s*{N}\s*(?:个|名|位|项)|倒数"
)


RANK_PLACE = re.compile(
    rf"(?P<back>倒数|排名?|名列)?第\s*{N}\s*(?P<way>多|高|大|贵|少|低|小|名|位)?"
)


def ranked_order(text: str) -> tuple[int | None, bool, int | None] | None:
    """(how many, highest first, the place asked) where a question asks for a ranking (前三,
    最少的两个, 从高到低排, 第二多, 倒数第二): None where it asks for one extreme or no order."""
    top = TOP_N.search(text)
    place = RANK_PLACE.search(text)
    if place and (place["back"] or place["way"]):
        lowest = (place["back"] == "倒数") != (place["way"] in ("少", "低", "小"))
        at = chinese_number(place.group(2))
        return at, not lowest, at
    if top is None and not SORTED.search(text):
        return None
    count = chinese_number(next(g for g in top.groups() if g)) if top else None
    lowest = ASCENDING.search(text) or any(w in text for w in MIN_WORDS)
    return count or None, not lowest, None


def _top(
    chosen: list[Project],
    said: str,
    key: str,
    count: int | None,
    highest: bool,
    place: int | None = None,
) -> Answer:
    """Projects in order of an amount, the first `count` of them (all when None); the one
    at `place` named first where a place is asked (第二多)."""
    priced = sorted(
        (p for p in chosen if p.budget.get(key) is not None),
        key=lambda p: p.budget[key],
        reverse=highest,
    )
    if not priced:
        return Answer("语料中没有可以比较预算的项目。", "not_found")
    shown = priced[:count] if count else priced
    scope = f"{said}的项目" if said else "项目"
    order = "从高到低" if highest else "从低到高"
    first = f"前 {len(shown)} 个" if count else f"共 {len(shown)} 个"
    listed = "；".join(
        f"{n}. {p.name} {format_yuan(p.budget[key])}" for n, p in enumerate(shown, 1)
    )
    named = ""
    if place is not None and place <= len(priced):
        at = priced[place - 1]
        where = f"{'倒数' if not highest else ''}第 {place}"
        named = f"{where} 是{at.name}（{format_yuan(at.budget[key])}）。"
    return Answer(
        f"{named}{scope}按{BUDGET_NAMES[key]}{order}，{first}：{listed}。",
        "ranking",
        [budget_source(p, key) for p in shown],
    )


# 今年总预算跟去年比, 合计比上年增减多少, 去年一共多少今年一共多少: the totals of two years
# a sum of projects' money in a question's words (SUM_WORDS and the money's own words)
SUMMED = "|".join((*SUM_WORDS, "总额", "总预算", "盘子"))
AGAINST_LAST_YEAR = re.compile(
    r"(?:去年|上年|上一年)[^。？?]*(?:今年|当年|本年)|(?:今年|当年|本年)[^。？?]*(?:去年|上年|上一年)"
    rf"|(?:{SUMMED})[^。？?]{{0,12}}?(?:比|较|相比|跟|和|与)[^，,。？?]{{0,4}}?(?:去年|上年|上一年)"
    rf"|(?:比|较|相比|跟|和|与)\s*(?:去年|上年|上一年)[^，,。？?]*(?:{SUMMED})"
    r"|(?:^|[，,。？?])(?:跟|和|与|同)(?:去年|上年|上一年)(?:相)?比(?:较)?[，,][^。？?]*"
    rf"(?:{SUMMED})"
    r"|(?:比|较|跟|和|与|同)\s*(?:去年|上年|上一年)[^。？?]*(?:多了还是少了|增还是减|增加还是减少|差了?多少|相差)"
)


def _sum_against_last_year(chosen: list[Project], said: str) -> Answer:
    """The projects' money this year and last year's budgets, summed, and the change."""
    both = [p for p in chosen if budget_change(p.budget) is not None]
    if not both:
        return Answer("语料中没有同时列出当年预算和上年预算的项目。", "not_found")
    now = sum(p.budget["total"] for p in both)
    before = sum(p.budget["prev_year_budget"] for p in both)
    change = budget_change({"total": now, "prev_year_budget": before})
    scope = f"{said}的" if said else ""
    percent = f"（{change['percent']}%）" if change["percent"] is not None else ""
    moved = (
        f"{change['direction']} {format_yuan(abs(change['amount']))}{percent}"
        if change["amount"]
        else "持平"
    )
    return Answer(
        f"列有上年预算的{scope} {len(both)} 个项目：项目总预算合计 {format_yuan(now)}，"
        f"同名项目上年预算额合计 {format_yuan(before)}，比上年{moved}。",
        "sum",
        [budget_source(p, key) for p in both for key in ("total", "prev_year_budget")],
    )


def _priced(chosen: Sequence[Project], key: str) -> tuple[Sequence[Project], list]:
    """The projects of `chosen` that have an amount under `key`, and their amounts in
    order: of projects a question names none of, from the amounts' column."""
    if isinstance(chosen, ProjectsAt):
        return _value_columns(chosen.store)[f"budget:{key}"].at(chosen)
    priced = [p for p in chosen if p.budget.get(key) is not None]
    return priced, [p.budget[key] for p in priced]


def _sum(
    chosen: Sequence[Project], said: str, key: str, average: bool = False, listed: bool = False
) -> Answer:
    priced, amounts = _priced(chosen, key)
    if not priced:
        return Answer("语料中没有符合条件的项目。", "not_found")
    total = sum(amounts)
    scope = f"{said}的" if said else "全部"
    said_total = f"{scope} {len(priced)} 个项目的{BUDGET_NAMES[key]}合计 {format_yuan(total)}"
    if len(priced) <= MAX_LISTED_SUM and listed:  # 那几个项目…合计: the figures that add up
        said_total += (
            "（" + "；".join(f"{p.name} {format_yuan(p.budget[key])}" for p in priced) + "）"
        )
    if average:
        mean = round(total / len(priced))
        said_total += f"，平均每个项目 {format_yuan(mean)}"
    return Answer(f"{said_total}。", "sum", first_sources(budget_source(p, key) for p in priced))


# above or below the average of the projects asked of: 平均线以上, 高于平均, 低于平均数的
AGAINST_AVERAGE = re.compile(
    r"平均(?:线|数|值|水平)?(?P<side>以上|之上|以下|之下)|"
    r"(?P<word>高于|超过|大于|多于|低于|不到|小于|少于|不足)平均"
)


def against_average(q: Question) -> Answer | None:
    """有几个在平均线以上？ 低于平均数的有哪些？ The projects in scope whose money is above (or
    below) their average, with the average."""
    found = AGAINST_AVERAGE.search(q.text)
    if q.projects or found is None:
        return None
    chosen = q.chosen
    key = _budget_key(q)
    priced = [p for p in chosen if p.budget.get(key) is not None]
    if len(priced) < 2:
        return None
    mean = sum(p.budget[key] for p in priced) / len(priced)
    above = (found["side"] or "") in ("以上", "之上") or (found["word"] or "") in (
        "高于", "超过", "大于", "多于",
    )  # fmt: skip
    side = [p for p in priced if (p.budget[key] > mean if above else p.budget[key] < mean)]
    side.sort(key=lambda p: -p.budget[key] if above else p.budget[key])
    scope = "、".join(f.label for f in q.conditions)
    scope = f"{scope}的" if scope else ""
    listed = "、".join(f"{p.name}（{format_yuan(p.budget[key])}）" for p in side[:MAX_NAMED])
    return Answer(
        f"{scope} {len(priced)} 个项目的{BUDGET_NAMES[key]}平均每个 {format_yuan(round(mean))}；"
        f"{'高于' if above else '低于'}平均的有 {len(side)} 个：{listed or '无'}。",
        "list",
        first_sources(budget_source(p, key) for p in side),
    )


def unknown_project(q: Question) -> Answer | None:
    """A question about one project's facts when no project of that name exists."""
    if q.projects or q.field is None or q.conditions:
        return None
    if q.field == "indicators" and q.indicators is not None:
        return None  # LAMOST相关指标有哪些: the rows that name it, of whichever project
    if re.search(
        r"所有|全部|各个?项目|每个项目|这些项目|那些项目|[几两三四五六七八九十\d]+(?:组|张|个)(?:表|项目)",
        q.text,
    ):
        return None  # 所有项目的年度预算: every project, no name missing
    named = FIELD_SPELLINGS.sub("", q.rest)
    if len(re.sub(r"[的是了吗呢么什哪几多少怎样啥？?，,。]", "", named)) < 2:
        return None  # 变化多少: a field alone, of a project said before (or of none)
    if _named_unheld(q):
        return missing_project()  # 办案系统升级项目: a project's name, none of which is so
    if _held_in(q, q.rest):
        if q.field in BUDGET_NAMES:  # 第三方服务这块合同一年多少钱: a use of a project's money
            return part_money()
        return None  # 光学目标模拟器焦距: a thing a table's text speaks of, not a project
    return missing_project()


def _held_in(q: Question, text: str) -> list[str]:
    """Four characters of a text of the question (not a field's words) that the tables' text
    holds. Each look into the tables' text costs milliseconds at 10,000 projects: look only
    into what must be looked into."""
    units = "|".join(q.linker.unit_names)
    stretches = {text[i : i + 4] for i in range(len(text) - 3)}
    stretches = {
        s for s in stretches if not re.search(r"项目|工程|经费|预算|资金|概况|总额|目标", s)
    }
    return [s for s in stretches if HAN.fullmatch(s[0]) and s not in units and s in q.linker.text]


def _spoken_of(q: Question, held: list[str]) -> bool:
    """Whether a project's own text (not the titles it cites) speaks of what the question
    names (档案数字化经费 of a project whose overview lists 档案数字化)."""
    return any(
        s in text
        for p in q.store.projects
        for key, text in p.sections.items()
        if key != "basis"
        for s in held
    )


def _named_unheld(q: Question, suffix: str = "项目|工程") -> list[str]:
    """The words the tables' text holds of a project the question names before `suffix` and
    no table is of (办案系统升级项目, 普陀区无违建居村创建奖励经费); empty if none."""
    called = [  # a name before 项目, not 网络安全的文件被哪个项目
        n
        for n in re.findall(rf"([\u4e00-\u9fff]{{2,10}}?)(?:{suffix})(?!类)", q.rest)
        if not re.search(r"[的被哪了是和与及个些给由在对]", n)
    ]
    return [s for name in called for s in _held_in(q, name)]


FIELD_SPELLINGS = re.compile(
    "|".join(re.escape(s) for s in sorted((s for _, w in FIELD_WORDS for s in w), key=len)[::-1])
)


def part_money() -> Answer:
    """The money of a thing inside a project, which no table prints apart."""
    return Answer("表中只有整个项目的预算，没有其中这一部分的单独金额，无法回答。", "not_in_corpus")


def missing_project() -> Answer:
    """A project the question names that no table is of."""
    return Answer(
        "语料中没有找到问题所说的项目，无法回答。可以在“项目”页查看全部项目的名称。",
        "not_in_corpus",
    )


SENTENCE_END = re.compile(r"(?<=[。；！？!?;])")
MAX_SENTENCE = 120


def _around(sentence: str, terms: list[str]) -> str:
    """A long sentence cut to the part around the first of the question's words in it."""
    if len(sentence) <= MAX_SENTENCE * 1.25:
        return sentence  # a little longer: whole, rather than its last words cut
    # the window that holds most of the words (空间分辨率 … 时间分辨率 …), the earliest of those
    places = sorted(m.start() for t in terms if t for m in re.finditer(re.escape(t), sentence))

    def window(at: int) -> int:
        return max(0, min(at - MAX_SENTENCE // 3, len(sentence) - MAX_SENTENCE))

    def held(start: int) -> int:
        cut = sentence[start : start + MAX_SENTENCE]
        return sum(1 for t in terms if t and t in cut)

    start = max((window(at) for at in places), key=lambda s: (held(s), -s), default=0)
    cut = sentence[start : start + MAX_SENTENCE]
    return ("…" if start else "") + cut + ("…" if start + MAX_SENTENCE < len(sentence) else "")


QUESTION_ONLY = frozenset(
    {"什么", "多少", "哪些", "哪个", "是否", "是", "的", "了", "吗", "呢", "有", "为", "请问"}
)


def best_sentences(q: Question) -> Answer | None:
    """Anything else: the sentences of the sections that share most of the question's words."""
    terms = [w for w, _, _ in words(q.text) if w not in QUESTION_ONLY]
    if not terms:
        return None
    found = search(
        q.backend, SearchRequest(q=" ".join(terms), filters={"kind": "section"}, per_page=20)
    )
    scored = []
    for hit in found["hits"]:
        project = q.store.get(hit["project_id"])
        for sentence in SENTENCE_END.split(hit["text"]):
            shared = sum(len(t) for t in set(terms) if t in sentence)
            if shared:
                scored.append((shared, project, hit["section"], _around(sentence.strip(), terms)))
    if not scored:
        return None
    scored.sort(key=lambda item: -item[0])
    top = scored[:3]
    sources = [source(p, section, sentence) for _, p, section, sentence in top]
    said = "语料中与问题最相关的句子：" + " ".join(
        f"{i}. {sentence}（{p.name}，{SECTION_NAMES[section]}）"
        for i, (_, p, section, sentence) in enumerate(top, 1)
    )
    return Answer(said, "sentences", sources)


ANSWERERS: tuple[Callable[[Question], Answer | None], ...] = (
    cited_by_number,
    cited_by_title,
    compare_budgets,
    ambiguous,
    project_citations,
    indicator_target,
    level_indicators,
    project_fact,
    usual_targets,
    over_projects,
    unknown_project,
    best_sentences,
)
