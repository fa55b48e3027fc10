"""Checking an answer against what the question asks for (read → plan → answer → **verify**).

A plan that answers from text (a passage, sentences, an indicator's target) finds the words
the question shares with the table. It does not know whether those words hold what is
asked: "由专人负责" shares 专人 with 专人是谁 but names no one; an indicator's target says
nothing of how the indicator is computed. Here the question's expected kind of answer (a
person or body, a place, a time, a quantity, a name, a method) is read from its asking
words, and the answer must hold something of that kind that the question did not already
say; otherwise the table does not hold it, and the honest answer is `not_in_corpus`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from indexer.text import words

from ..indicators import normalize_name
from ..vocabulary import same_meaning
from .answers import (
    MONEY_ASKING_WORDS,
    Answer,
    Question,
    names_rows,
    of_tables,
    project_texts,
    share_whole,
    yuan_of,
)
from .reading import PEOPLE, YEAR_WORD, abbreviates, outside

# How a budget was decided: who approved it, when, by what standard (never in a table)
AMOUNT_WORD = re.compile(r"预算|资金|经费|钱|拨款|总额|金额")
BUDGET_DECIDED = re.compile(
    r"审批|批下来|批准|评审|审核|论证|审定|谁定的|由谁定|哪天|什么时候|何时|按什么标准|什么标准定|"
    r"怎么定的|如何定的|如何确定|依据什么|怎么形成|如何形成|怎么来的|怎么产生|如何产生"
)
# Answers read from the tables' text, where the asked detail may be missing.
TEXT_ANSWERS = ("passage", "sentences", "section", "indicator_target", "level_indicators")
# A project's money answers no who, when, where or how it was decided (由哪个部门审批的).
BUDGET_ANSWERS = ("budget", "share", "sum")


@dataclass(frozen=True)
class Detail:
    """A kind of detail a question asks for: its asking words, what an answer holding it
    looks like, and how a refusal names it."""

    name: str
    asks: re.Pattern[str]
    holds: re.Pattern[str] | None  # None: no table states it (how an indicator is computed)
    said: str


BODY = (
    r"[\u4e00-\u9fff]{2,12}?"
    r"(?:部|处|室|科|局|中心|委员会|办公室|公司|大队|支队|事务所|研究所|站)"
)
PER_PIECE = (
    r"每(?:一)?(?:个|台|块|部|套|名|位|家|条|间|辆|张|项|次|院|所|小时|公里|千米|平方米|米|人)"
)
# one piece's share of a total: 每个节点多少核, 每台多少钱 (a passage gives totals)
PIECE = Detail(
    "piece",
    re.compile(PER_PIECE + r"[A-Za-z\u4e00-\u9fff]{0,8}?(?:多少|几)"),
    re.compile(PER_PIECE + r"|单个|单台|单价|平均|人均"),
    "单个的数量或金额（表中只有总数）",
)
DETAILS = (
    PIECE,
    # an amount of money: a passage must print one (其中物业保洁是多少, 这一段投资多少)
    Detail(
        "money",
        re.compile(
            r"多少钱|预算(?:给了|是|有|为)?多少|投资多少|金额|花了?多少|预留了?多少|经费(?:是|有)?多少|"
            r"多少(?:资金|经费|预算)|"
            r"其中[\u4e00-\u9fff]{2,8}是多少"
        ),
        re.compile(r"\d[\d,.]*\s*(?:万元|元|亿元|万)"),
        "具体金额",
    ),
    # a document's number: a passage naming a 批复 or a 文件 without one does not answer it
    Detail(
        "document number",
        re.compile(r"文号|发文字号|文件号|发文号"),
        re.compile(
            r"[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*第?\s*\d+\s*号|[\u4e00-\u9fff\d]\s*第?\s*\d+\s*号"
        ),
        "文件的文号",
    ),
    # how an indicator is computed or judged: tables give targets, never their definitions
    Detail(
        "method",
        re.compile(
            r"怎么算|如何计算|怎么计算|怎么测|如何测|怎么统计|如何统计|计算方法|计算口径|统计口径|口径|"
            r"分子|分母|按[^，,。？?]{1,4}算|怎么定出来|如何确定|怎么确定|依据什么定|跟哪年比|"
            r"多长时间内|几天内|多久内|算及时|才算|算高|算合格|算达标|只算|统计的是|咋测|怎么调查|"
            r"谁(?:去)?调查|由谁调查|谁来测|没达标会|未达标会|达不到会|整改期限|定义|按什么标准|"
            r"什么标准定|怎么定的|如何定的|依据什么|审批|批下来|批准|评审|审核|论证|审定|国家规定|"
            r"国家标准|行业标准|规定的吗"
        ),
        None,
        "这项指标的计算方法、口径或考核办法",
    ),
    # a firm that does the work: a passage naming the bodies that issued a rule names none
    Detail(
        "firm",
        re.compile(
            r"(?:哪家|哪个|什么|哪一家)(?:供应商|公司|企业|厂家|厂商|承包商|服务商|律所|律师事务所|"
            r"施工单位|中标单位|设计单位|监理单位|第三方(?:机构|公司|单位))|供应商是|承包商是|"
            r"中标的是|谁中标"
        ),
        re.compile(r"[\u4e00-\u9fff]{2,}(?:公司|集团|事务所|厂|设计院|研究院|研究所|中心)"),
        "承担工作的具体公司或机构",
    ),
    Detail(
        "body",
        re.compile(
            r"哪家|哪个单位|什么单位|哪个部门|什么部门|哪个机构|律所|事务所|谁家|由谁|(?<![的个])是谁|谁负责|"
            r"谁带队|带队|负责人|什么人|哪位|哪个岗位|什么岗位|处室|牵头"
        ),
        re.compile(BODY),
        "具体的单位、部门或人员",
    ),
    Detail(
        "street",
        re.compile(r"哪[几些个]?个?街镇|哪[几些个]?个?街道|哪[几些个]?个?乡镇"),
        re.compile(r"[\u4e00-\u9fff]{2,6}?(?:街道|镇|(?<!城)乡)"),  # not 城乡规划
        "具体的街镇",
    ),
    Detail(
        "place",
        # 在哪 of a place, not 在哪天/哪年/哪个月 (a date)
        re.compile(
            r"在哪(?![天年月日]|一?个月|一?周|一?季度?)|去哪|哪里|哪儿|什么地方|哪个省|哪个市|哪个县|哪个区|哪个街道|地点|地址|位于|"
            # 放在哪个观测站, 建在哪个园区: a site
            r"哪(?:个|座|栋|一个)[\u4e00-\u9fff]{0,3}?(?:站|基地|园区|校区|楼|馆|台址|场地)"
        ),
        re.compile(
            r"[\u4e00-\u9fffA-Za-z]{2,8}?(?:省|市|县|区|镇|乡|街道|路|村|国|州|基地|楼|馆|场|站|中心)"
        ),
        "具体地点",
    ),
    Detail(
        "time",
        re.compile(
            r"什么时候|啥时候|何时|几月|哪天|哪一天|几号|什么时间|完工时间|招标时间|"
            r"哪一?年(?!度)[^，,。？?]{0,6}(?:建成|建的|开始|投入|启用|成立|开通|完成|落成|设立)"
        ),
        re.compile(r"\d{4}\s*[年.\-/]|\d{1,2}\s*月|[上下]半年|年底|年初|年内|季度|年末"),
        "具体时间",
    ),
    Detail(
        "name",
        re.compile(r"全称|叫什么|叫啥|名称是|名字是|什么型号|什么规格|型号|规格"),
        re.compile(
            r"[“《（(][^”》）)]{2,}[”》）)]|[A-Za-z]{2,}\d|\d+[.、)）]|[〔\[【(（]\d{4}[〕\]】)）]"
        ),
        "具体名称或清单",
    ),
    # the things of a list: a passage listing none (设备验收合格率…购置设备数量 6台) names none
    Detail(
        "list",
        re.compile(
            r"(?:分别|各)是(?:哪些|哪几)|(?:[那这]几|\d+|[两三四五六七八九十]+)[台套件种样个项][^，,。？?]{0,8}分别是(?:什么|啥|哪)|"
            r"(?<!项目)是哪几[台套件种样类个]|哪几[台套件种样](?!项目)|"
            r"哪[二两三四五六七八九十]+[个张项类种条件份台套]|清单"
        ),
        re.compile(
            r"、|(?<![\d.])\d{1,2}\s*[.、)）](?!\d)|[（(]\d{1,2}[)）]|包括|包含|主要有|分别为|分别是|"
            r"[一二三四五六七八九十]是"
        ),
        "具体的清单",
    ),
)
# places named as a kind, not by name (对各街镇的考核 names no 街镇)
GENERIC_PLACE = re.compile(
    r"(?:各|全区|全市|所有|每个|相关|有关)(?:街镇|街道|乡镇|区县|省市)|(?<![\u4e00-\u9fff])街镇"
)
# Words that look like a detail's asking words but ask something else: 多少才算合格 asks the
# target; 用在哪些地方 asks what the money is for, not a place.
NEVER = re.compile(r"(?!)")
NOT_ASKING = {
    "method": re.compile(
        r"(?:多少|几)[^，,。？?]{0,4}(?:才算|算)|才?算(?:完成|合格|达标|及格|过关|通过|数)"
    ),
    "place": re.compile(r"[用花投]在|用于|用到|哪些方面|哪些地方"),
}
# a quantity asked in a unit of measure: 多少平方米, 几辆, 多少小时
ASKED_UNIT = re.compile(
    r"(?:多少|几)\s*(?P<unit>平方米|平米|亩|公顷|立方米|公里|千米|米|吨|辆|小时|分钟|户|人次|场(?![所地馆])|PB|TB|GB|G(?![A-Za-z])|核)"
)
# units a target may print for the one asked (访问多少人次: ≥13万次)
SAME_UNIT = {
    "人次": "人次|次", "平米": "平方米|平米|㎡|m2", "平方米": "平方米|平米|㎡|m2",
    "公里": "公里|千米|km", "千米": "公里|千米|km", "小时": "小时|h", "场": "场|次|期",
    "G": "G|千兆|万兆", "核": "核|核心",
}  # fmt: skip
LABEL = re.compile(r"（[^（）\d]{2,14}）")  # （年度总体目标）: where a passage was found
# a quantity asked of a thing: 故障率多少, 多少户, 多少人, 多大
ASKED_AMOUNT = re.compile(
    r"多少|(?<!哪)几[个位名户台套次张条项人天年月]|多大|多长|多宽|多高|多重|多深"
)
NUMBER = re.compile(r"\d+(?:\.\d+)?|[两三四五六七八九十百千万]+(?:个|项|台|套|人|户|次|天)")


# a person: no table names one (主管部门的分管领导是谁, 项目负责人叫什么)
PERSON = re.compile(
    rf"{PEOPLE}|(?:分管|主管)?领导(?!小组)|分管(?:领导|的?[局处科]长)|叫什么名字|"
    r"局长|处长|科长|院长|台长|主任|书记|哪位"
)


def verified(q: Question, found: Answer) -> Answer:
    """The answer, or not_in_corpus when it lacks the kind of detail the question asks."""
    if found.type == "project_fact" and PERSON.search(q.text):
        return refused_for(q, "具体人员（表中没有人名）", found)  # a header names bodies only
    # 信息化新建项目2020年执行数: the table's own year, whose spending no table reports
    own_year = len(q.projects) == 1 and q.projects[0].year in q.years
    spent = found.type == "budget" and q.fields == ["prev_year_spent"]
    if own_year and spent and not re.search(r"上一?年|去年|前一年", q.text):
        return refused_for(q, "本年度的执行数（表中只有上年的预算执行数）", found)
    whole = share_whole(q.text)
    if found.type == "budget" and whole and not of_tables(whole):
        return refused_for(q, f"“{whole}”的总额（语料中没有，算不出比重）", found)
    if found.type not in TEXT_ANSWERS + BUDGET_ANSWERS:
        return found
    missing = _missing_detail(q, found)
    return found if missing is None else refused_for(q, missing, found)


def refused_for(q: Question, missing: str, found: Answer) -> Answer:
    """The refusal of an answer that lacks what is asked, saying what is missing."""
    from .checks import refusal

    # a refused figure is not shown again in its sources; a passage is (what the table says)
    sources = None if found.type in BUDGET_ANSWERS else found.sources
    return refusal(q, f"表中写到了相关内容，但没有写明{missing}", sources)


# A figure asked in a version, a measure or a comparison no table holds: the tables are the
# plans as filed (not a draft, an adjusted or a final version), gross, of their own unit only.
# compared with what no table of the corpus holds (asked of any answer, not only of figures)
OUTSIDE_COMPARISON = (
    r"全国平均|全国水平|同行业|兄弟(?:单位|院所|院|省市|区)|同类单位|其他省份?|外省",
    "与语料之外的单位或水平的比较",
)
FIGURE_QUALIFIERS = (
    (
        r"初稿|草稿|送审稿|批复稿|修改稿|终稿|最终版|定稿前|(?:年中|预算|中期)?调整(?:以后|之后|后|过后|过的)|"
        r"修订(?:后|稿|版)|批复(?:数|金额|额)|核定数?|批准数|审批数|概算|"
        r"年中调整|追加(?:以后|之后|后)|调剂(?:以后|之后|后)|决算(?:后|时|数)|审定(?:后|数)|审计(?:后|以后)|"
        r"审核(?:后|以后|之后)|核减|核增|财政审核",
        "其他版本（调整后、批复稿、决算等）的数字（语料中只有申报时的绩效目标表）",
    ),
    (r"净额|含税|不含税|税后|税前", "含税、税后或净额的口径"),
    (
        r"全生命周期|全寿命周期|生命周期成本|(?:以后|后续|今后|往后|后面)几?年?的?(?:运维|维护|运营|电费)",
        "全生命周期或以后年度的运维成本（表中只有本项目的预算和指标）",
    ),
    OUTSIDE_COMPARISON,
)
# of money only: a source no table splits, a phase or section of the work
MONEY_QUALIFIERS = (
    (
        r"专项债|债券|一般公共预算|政府性基金|国有资本经营预算|土地出让",
        "资金来源的细分（表中只列财政资金等几栏）",
    ),
    (
        r"第[一二三四五六七八九十\d]+(?:段|期|标段|阶段)|[一二三]期工程|"
        r"(?<![现各])(?:设计|施工|招标|验收|前期|后期|收尾|调试)阶段(?!性)",
        "某一段或某一阶段的金额（表中只有整个项目的预算）",
    ),
)
# the answers a qualifier of a figure is checked against
FIGURE_ANSWERS = ("budget", "share", "indicator_target")
# 扣掉征收补偿以后: the money without a part no table prints apart
LESS_A_PART = re.compile(
    r"(?:扣(?:掉|除|去)|刨(?:去|掉|除)|除去|剔除|去掉|(?<!含)不含|(?<!包)不包括)(?P<what>[\u4e00-\u9fff]{2,8}?)"
    r"(?:以后|之后|后|的|外|部分|$|[，,。？?])"
)


def qualified_figure(text: str, money: bool = True) -> str | None:
    """What a question asks of a figure (a budget, a target) that no table holds: another
    version of the table, a net or taxed amount, a comparison outside the corpus; of money
    (`money`), a source or a phase no line prints, the money less a part."""
    for pattern, said in FIGURE_QUALIFIERS + (MONEY_QUALIFIERS if money else ()):
        if re.search(pattern, text):
            return said
    if not money:
        return None
    less = LESS_A_PART.search(text)
    if less and not any(w in less["what"] or less["what"] in w for w in BUDGET_LINE_WORDS):
        return f"扣除“{less['what']}”后的金额（表中没有它的单独金额）"
    return None


ACTUAL_DONE = re.compile(
    r"实际(?!执行)(?:[^，。？?\s]{0,6}?(?:多少|几|率|度|值|数|效果|情况|结果)|完成|达到|达成|做到)"
)


def _missing_detail(q: Question, found: Answer) -> str | None:
    asked = q.text
    outside_unit = re.search(OUTSIDE_COMPARISON[0], asked)
    if outside_unit and re.search(r"比|对比|相比|比较|差距|高低", asked):
        return OUTSIDE_COMPARISON[1]  # 跟兄弟院所比呢: no answer of this corpus compares
    if found.type in FIGURE_ANSWERS:
        qualified = qualified_figure(asked, money=found.type != "indicator_target")
        if qualified:
            return qualified
    if found.type in ("passage", "sentences"):  # 拆违经费批复数, 实际满意度: of a text's figure
        version = next((s for p, s in FIGURE_QUALIFIERS[:1] if re.search(p, asked)), None)
        if version:
            return version
        # 实际满意度, 实际完成了几个: what was done; 实际负责施工的, 实际想解决: who and why
        if ACTUAL_DONE.search(asked) and "实际" not in found.text:
            return "实际完成情况（表中只有申报时的目标）"
    quoted = found.type == "passage" and (
        names_rows(q) or (q.indicators and SCOPED_RE.search(q.text))
    )
    if found.type == "indicator_target" or quoted:
        beyond = _beyond_target(q, found)  # a row's target, or a passage quoting it
        if beyond:
            return beyond
    # what the answer adds to the question, without the labels of where it was found
    said = LABEL.sub("", outside(_first_sentence(found), q.text, least=4))
    unit = ASKED_UNIT.search(asked)
    if unit and not re.search(
        rf"\d\s*[万亿千百]?\s*(?:{SAME_UNIT.get(unit['unit'], unit['unit'])})", said
    ):
        return f"以{unit['unit']}计的数"  # 面积目标是多少平方米, answered by a rate in %
    piece = PIECE.asks.search(asked) and not PIECE.holds.search(found.text)
    if found.type in BUDGET_ANSWERS and piece:
        return PIECE.said  # 每个通用计算节点多少钱, 每个院多少钱: a total is no piece's
    if found.type in BUDGET_ANSWERS and len(q.projects) == 1:
        part = part_of_money(q, q.projects[0])
        if part:
            return part
    money = _money_of_text(q, found) if found.type in ("passage", "sentences") else None
    if money:
        return money
    named = _named_only(q, found)
    if named:
        return named
    passage = found.type in ("passage", "sentences", "section")
    if passage and re.search(r"目标值|指标值|目标(?:是|为|定的|定了)?多少", asked):
        measure = _other_measure(asked, found.text)  # 上线完成率目标值, answered by a goal
        if measure:
            return f"“{measure}”这项指标"
    if found.type in BUDGET_ANSWERS:  # a figure holds no who, when or how it was decided
        # of the clause that asks the money (…占多少比例？计划什么时候完成: a date of its own)
        money_clauses = [c for c in re.split(r"[？?；;。]", asked) if AMOUNT_WORD.search(c)]
        decided = any(BUDGET_DECIDED.search(c) for c in money_clauses or [asked])
        return "预算由谁、何时、如何确定" if decided else None
    for detail in DETAILS:
        if not detail.asks.search(asked) or NOT_ASKING.get(detail.name, NEVER).search(asked):
            continue
        if detail.name == "list" and found.type not in ("passage", "sentences"):
            continue  # a section, a list of rows or of projects is the list asked
        if detail.holds is None:
            # of an indicator the question names, asked how it is measured
            return detail.said if names_rows(q) else None
        if found.type in ("indicator_target", "level_indicators") and detail.name != "time":
            return None  # a row answers which indicator, where it is set, what it is called
        if not detail.holds.search(
            GENERIC_PLACE.sub("|", said) if detail.name in ("place", "street") else said
        ):
            return detail.said
        return None
    from_text = found.type in ("passage", "sentences", "section")
    if found.type == "passage" and len(q.projects) == 1 and ASKED_AMOUNT.search(asked):
        unheld = _unheld_noun(q, found)
        if unheld:
            return f"“{unheld}”的内容"
    if from_text and ASKED_AMOUNT.search(asked):
        numbers = _numbers_of(said, q.text)
        if not NUMBER.search(numbers):
            return "具体数量"
        measure = STRICT_MEASURE.search(asked)  # 质保期几年: years, not a document's 〔2018〕
        span = measure and measure["m"] in "年月天周" and DATE_SPAN.search(said)  # 周期几年
        if (
            measure
            and not span
            and not re.search(rf"{COUNT}\s*{measure['m']}", YEARS.sub("|", numbers))
        ):
            return "具体数量"
        counted = COUNTED_THINGS.search(asked)  # 部署到多少个检察院: a count of them, not 12309…
        if counted and found.type in ("passage", "sentences"):
            noun = re.escape(counted["noun"][:2])
            count = r"(?:(?<![\d.])\d{1,4}(?![\d.])|[一二两三四五六七八九十]+)\s*[个家所座处]"
            near = rf"{count}\s*{noun}|{noun}[^。；;]{{0,12}}?{count}"
            if not re.search(near, YEARS.sub("|", numbers)):
                return f"{counted['noun']}的具体数量"
    return None


# a count of things asked by their noun (多少个检察院, 几个街道): where an answer must count them
COUNTED_THINGS = re.compile(
    r"(?:多少|几)个(?P<noun>[\u4e00-\u9fff]{2,4}?)(?=[？?，,。！!\s]|吗|呢|$)"
)


# nouns that name no thing of their own (能存多少东西, 两部分)
PLAIN_NOUNS = {
    "东西", "部分", "方案", "内容", "情况", "方面", "问题", "事情", "事儿", "时候", "地方",
    "一共", "总共", "合计", "总计", "共计", "一起", "路段", "领域", "方向", "类型", "范围",
    "规模", "张表", "份表", "表格", "条目",
    # verbs of setting to work that jieba tags as nouns (从几个方面动手)
    "动手", "入手", "下手", "上手", "出手",
}  # fmt: skip


# words a question quotes from a table: 写的是“达到预计标准”, 提到'质量监督制度'
QUOTED = re.compile(r"[“‘'\"「『]([^“”‘’'\"「」『』]{2,24})[”’'\"」』]")
# what it asks of them: what they are in detail (具体是多少, 具体规定了些啥, 是哪些)
ASKS_WHAT = re.compile(r"具体|哪些|哪几|是什么|是啥|些啥|多少|指什么|指的是|包括什么|有什么")
# a table's words that end its clause: it says no more of them (…质量监督制度，保障…)
ENDS_CLAUSE = re.compile(r"[”’'\"」』]*\s*(?:[，。；,;！!]|$)")


def _named_only(q: Question, found: Answer) -> str | None:
    """Words the question quotes from the answer's table and asks about in detail, where the
    table only names them (“达到预计标准”，预计标准具体是多少; 提到“制定相应的质量监督制度”，
    这个制度具体规定了些啥): the table says no more than the words themselves."""
    if found.type not in TEXT_ANSWERS:
        return None
    for quoted in QUOTED.finditer(q.text):
        words_ = quoted.group(1)
        at = found.text.find(words_)
        if at < 0 or not ASKS_WHAT.search(q.text[quoted.end() :]):
            continue
        if ENDS_CLAUSE.match(found.text[at + len(words_) :]):
            return f"“{words_}”的具体内容（表中只写到这几个字）"
    return None


# money asked (法律顾问费用, 重大应急拆违工程款是多少, 各占多少钱): of a text, of a row, of a line
MONEY_ASKED_OF = re.compile(
    r"多少钱|几块钱|金额是?多少|花了?多少|"
    r"(?:费用|经费|预算|资金|价格|单价|成本|金额|投入|投资|造价|款|价钱)(?:是|有|为|要)?(?:多少|几)|"
    r"(?<!哪些)(?<!什么)(?<!哪几)(?<!哪类)(?:费用|经费|价格|单价|造价|价钱)[？?]?$"
)
AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)")


def _money_of_text(q: Question, found: Answer) -> str | None:
    """What a passage lacks when it answers money: an amount, or one that is not a whole
    project's (本年度…预算金额为349.80万元，分别用于…法律顾问费等 gives no fee its own)."""
    if not MONEY_ASKED_OF.search(q.text):
        return None
    amounts = [yuan_of(m[1], m[2]) for m in AMOUNT.finditer(found.text)]
    if not amounts:
        return "具体金额"
    # the projects the text is of (not all 10,000: a hot path)
    cited = [q.store.get(s["project_id"]) for s in found.sources if s.get("project_id")]
    cited = [p for p in cited if p is not None]
    totals = {v for p in cited for v in p.budget.values() if v is not None}
    totals |= {line.yuan for p in cited for line in p.budget_lines if line.yuan}
    if all(a in totals for a in amounts):
        return "其中这一部分的单独金额（文字里的金额是整个项目的预算）"
    return None


def _unheld_noun(q: Question, found: Answer) -> str | None:
    """A thing the question names that the text answering it never speaks of (隧道暗埋段 of
    a passage on 敞开段, 电梯维保 of 更换旧电梯, 科目编码 of sentences on the project): the
    text was found by the question's other words."""
    import jieba.posseg as posseg

    text = _first_sentence(found)
    known = text + "".join(p.name + p.unit + (p.department or "") for p in q.projects)
    span = q.text.replace(q.mention, "|") if q.mention else q.text
    for part in outside(span, known, least=2).split("|"):
        for token in posseg.cut(part):
            word = token.word
            if len(word) < 2 or not token.flag.startswith(("n", "i", "j")) or word in TARGET_ASKING:
                continue
            if word[0] in "这那哪各每该本" or YEAR_WORD.fullmatch(word) or word in PLAIN_NOUNS:
                continue
            if any(other in known for other in same_meaning(word)[1:]):
                continue  # said in other words
            return word
    return None


def _first_sentence(found: Answer) -> str:
    """What an answer says that is meant to answer: of the sentences nearest a question, the
    first (the others are further off: 法律顾问请的哪家律所 is not answered by a 中心 two
    sentences down); the whole text of any other answer."""
    if found.type != "sentences":
        return found.text
    first = re.search(r"1\.\s*(.*?)(?=\s2\.\s|$)", found.text, re.S)
    return first.group(1) if first else found.text


# measures a count must print itself (几年 is not answered by a year, 几台 not by 5个)
STRICT_MEASURE = re.compile(r"(?:多少|几)\s*(?:个)?(?P<m>年|月|天|周|小时|台|套|人|名|位|户)")
DATE_SPAN = re.compile(r"\d{4}\s*[年./-][^。；;]{0,12}?(?:至|到|—|-|~|～)\s*\d{4}\s*[年./-]")
COUNT = r"(?:(?<![\d.])\d{1,5}(?:\.\d+)?|[一二两三四五六七八九十百千]+)"
YEARS = re.compile(r"(?:19|20)\d{2}\s*年|[〔\[【(（]\d{4}[〕\]】)）]")


def _numbers_of(answer: str, question: str) -> str:
    """The answer's numbers that the question does not say itself (2.16米 of a name)."""
    given = set(re.findall(r"\d+(?:\.\d+)?", question))
    answer = re.sub(r"(?<![\d.])\d{1,2}[.、)）](?!\d)|[（(]\d{1,2}[)）]", "|", answer)  # 1. 2、 (3)
    return re.sub(r"\d+(?:\.\d+)?", lambda m: "" if m.group(0) in given else m.group(0), answer)


# Words that ask a target itself (要求多少, 定了多少, 最少几场) or say where it is set
TARGET_ASKING = {
    "目标", "目标值", "指标", "指标值", "绩效", "要求", "标准", "任务", "比例", "比率", "占比",
    "数值", "数字", "水平", "情况", "项目", "表里", "表上", "表中", "多少", "数量", "程度",
    "今年", "本年", "当年", "年度", "全年", "一年", "每年", "年内", "底线", "门槛", "上限",
    "下限", "要求值", "预期", "预期值", "计划", "考核", "几成", "百分之", "百分比", "问题",
    "合格", "达标", "过关", "人次", "次数", "场次", "台数", "个数", "篇数", "人数",
    "条数", "天数", "小时",
}  # fmt: skip
# A part of a table's year: tables set targets and money for the whole year only
PART_OF_YEAR = r"\d{1,2}\s*月份?|每个?月|一个月|月度|每?[一二三四]?季度|每周|每[天日]|上半年|下半年"
# a part of what a project covers, set apart: 单看通风空调系统, 机要装备这一类的, 第一段,
# 汛期施工期间, 沪西院那边 (rows are set for the whole project)
SCOPE_LEADS = r"单看|光说|只看|仅看|光看|就看|单说|只说"
SCOPE_TAILS = (
    r"这一类|这类|那一类|这一部分|这部分|那部分|那一部分|那边|这边|"
    r"(?<!实施)(?<!项目)(?<!建设)(?<!执行)期间|那段时间"
)
SCOPED = (
    rf"(?:{SCOPE_LEADS})[\u4e00-\u9fff]{{2,12}}|[\u4e00-\u9fff]{{2,8}}(?:{SCOPE_TAILS})|"
    r"第[一二三四五六七八九十\d]+(?:段|期|标段)"
)
SCOPED_RE = re.compile(SCOPED)
# What no target row says: a part of its year, its sample, its base, the row's consequences
BEYOND_TARGET = re.compile(
    PART_OF_YEAR + r"|去年|上一?年|前年|明年|下一?年|"
    r"抽样|样本|基准|基数|换算|折算|扣[几多]?分|扣分|罚|奖励|后果|为什么|为啥|原因|理由|"
    r"调查了?(?:多少|几)\s*[个位名家]?(?:人|户|家|份|用户|对象|样本|单位)|"
    r"(?:多少|几)[个位名]?[人户家](?:参与|参加|接受)?调查|定的还是|哪里定的|谁来定|"
    r"谁[去来]?调查|怎么调查|谁定|谁提|谁制定|由谁|提出来|实际|完成了|达到了|做到了|"
    r"(?:办|做|发布|征集|举办|开展|建成|接待)了(?:几|多少)|"
    r"权重|分值|(?:哪个|哪家|什么|哪些|哪一个)(?:部门|机构|处室|单位)|基准|车道|口径|定义|"
    r"[\u4e00-\u9fff]{2,3}(?:镇|街道|乡|村)|" + SCOPED + r"|"
    r"假如|如果|假设|要是(?!多少|几|百分之|什么)|万一|误差|浮动|区间|偏差|容差|挑战值|优秀值|理想值|优秀档|档次|分档|"
    r"扣多少分|每差|合同里|合同中|合同约定"
)
# what a word of BEYOND_TARGET asks, said plainly
BEYOND_SAID = (
    (SCOPED, "其中一部分（一类、一段、一个时期或一处）单独的目标（指标按整个项目设定）"),
    (r"假如|如果|假设|要是|万一", "假设情况下的目标"),  # 要是多少 is kept out above
    (r"误差|浮动|区间|偏差|容差", "允许的误差或浮动范围"),
    (r"挑战值|优秀值|理想值|优秀档|档次|分档", "分档的目标（表中每项只有一个指标值）"),
    (r"合同", "合同中的约定"),
    (r"月|季|周|天|半年", "按月、按季度或按天的目标"),
    (r"去年|上一?年|前年", "往年的数值"),
    (r"明年|下一?年", "以后年度的目标"),
    (r"为什么|为啥|原因|理由", "定这个目标的理由"),
    (r"谁|定的还是|哪里定|提出", "这项目标由谁制定"),
    (r"调查|抽样|样本", "调查的方法、对象和样本"),
    (r"扣|罚|奖励|后果|每差", "未达标的后果或扣分办法"),
    (r"实际|完成了|达到了|做到了|了(?:几|多少)", "实际完成情况"),
    (r"权重|分值", "这项指标的权重或分值"),
    (r"部门|机构|处室|单位", "负责的部门或机构"),
    (r"基准|基数|换算|折算|车道|口径|定义", "计算的口径、基准或换算"),
)


def part_of_whole(text: str, projects: list) -> str | None:
    """A part of a project or of its year that a text sets apart (第一季度的, 第二段, 机要装备
    这一部分的): said plainly, or None; not the project itself, nor the asker's side (检察院
    那边的信息化新建项目, 你们这边)."""
    found = re.search(PART_OF_YEAR, text) or SCOPED_RE.search(text)
    if found is None:
        return None
    core = re.sub(rf"{SCOPE_LEADS}|{SCOPE_TAILS}", "", found.group(0))
    if re.match(r"的?(?:指标|目标)", text[found.end() :]):
        return None  # 人力资源这一类指标: a kind of rows, not a part of the project
    if re.search(r"你们|我们|咱们|我这|你这", core) or any(
        _the_project(found.group(0), p) for p in projects
    ):
        return None
    if projects and core and core in projects[0].name and "、" not in projects[0].name:
        return None  # 检察办案业务费这部分: the project, pointed at (not one part a name lists)
    if re.fullmatch(PART_OF_YEAR, found.group(0)):
        return "按月、按季度或按天的数字（表中只有全年的预算和目标）"
    return "其中一部分（一类、一段或一处）单独的金额和目标（表中按整个项目列出）"


def _beyond_said(word: str) -> str:
    for pattern, said in BEYOND_SAID:
        if re.search(pattern, word):
            return said
    return f"“{word}”的目标"  # 长征镇: a place's own target


# names of bodies, people and things: what a row's target never names
CONTENT_FLAGS = ("nz", "nt", "nr")


def _beyond_target(q: Question, found: Answer) -> str | None:
    """What a question asks of an indicator beyond its printed target: the words it holds
    that neither the answer, the project's own text nor the asking of a target account for
    (哪家机构去调查, 长征镇的…, 每月目标, 权重 where a table prints none)."""
    if q.part is not None and q.part.title not in found.text:
        # a sub-project's own target: rows are set for the whole project
        return "子项目单独的指标值（指标按整个项目设定）"
    projects = (q.projects or [p for p, _ in q.indicators.rows]) if q.indicators else q.projects
    said = (q.mention or "") + (q.indicators.words if q.indicators else "")
    if MONEY_ASKED_OF.search(q.text) and not re.search(r"\d\s*(?:万元|元|亿)", found.text):
        return "金额（指标的目标值不是钱数）"  # 各占多少钱, answered by a rate
    if RANKING.search(q.text):
        return None  # a ranking: each row answers for itself
    if len({p.id for p in projects}) != 1:  # rows of several projects: what no row holds
        beyond = next(
            (m.group(0) for m in BEYOND_TARGET.finditer(q.text) if m.group(0) not in found.text),
            None,
        )
        return f"{_beyond_said(beyond)}（表中只有指标的目标值）" if beyond else None
    known = (
        said
        + found.text
        + "".join(
            p.name + p.unit + (p.department or "") + "".join(p.sections.values()) for p in projects
        )
    )
    span = _named_span(q.text, q.mention, projects[0].name)
    qualifier = QUALIFIER.search(span)
    names = "".join(q.indicators.names) if q.indicators else ""
    if qualifier and qualifier["what"] in names:
        return f"“{qualifier['what']}”的界定（表中只有这项指标的目标值）"  # 多少以上才算高
    answer = said + found.text  # what the answer says (not the whole table's text)
    if NUMBER_ASKED.search(span) and not re.search(r"\d", found.text):
        printed = re.search(r"目标值为\s*([^，。；\s]+)", found.text)
        target = f"只写“{printed.group(1)}”" if printed else "是文字"
        return f"具体数值（这项指标的目标值{target}，没有数）"  # 提升百分之多少 of 提升
    counted = COUNTED_NOUN.search(span)
    noun = counted and (counted["noun"] or counted["counted"])
    if noun and not any(w in answer for w in [*same_meaning(noun), noun[-1]]):
        return f"以“{noun}”计的数"  # 一年服务多少用户, 注册用户数: answered by 观测时间, 访问量
    if PIECE.asks.search(span) and not PIECE.holds.search(found.text) and "%" not in found.text:
        return PIECE.said  # 每次沙龙多少人: one piece of what a row counts in all
    count = COUNT_ASKED.search(span)  # 通风空调系统多少台, 检察宣传多少篇: of rows of rates
    if count and not re.search(rf"\d\s*[万千百]?\s*{re.escape(count['c'])}", found.text):
        return f"以“{count['c']}”计的数"
    rows_said = "".join(re.findall(r"“([^”]+)”指标", found.text)) or answer
    measure = _other_measure(span, rows_said)  # the rows answered, not the question's words
    if measure:
        return f"“{measure}”这项指标（表中只有{'、'.join(_row_names(found))}）"
    for beyond in BEYOND_TARGET.finditer(span):
        word = beyond.group(0)
        if word in answer or (word in ("权重", "分值") and "权重" in answer):
            continue  # 分值权重多少 of a table that prints weights
        if re.fullmatch(SCOPED, word) and _the_project(word, projects[0]):
            continue  # 普陀拆违那边: the project itself, by its place and name
        return f"{_beyond_said(word)}（表中只有这项指标的目标值）"
    rest = outside(span, known, least=2)
    import jieba.posseg as posseg

    for part in rest.split("|"):
        for token in posseg.cut(part):
            word = token.word
            if len(word) < 2 or not token.flag.startswith(CONTENT_FLAGS) or word in TARGET_ASKING:
                continue
            if word[0] in "这那哪各每该本":  # 这三项: the question's own pointing
                continue
            units = projects[0].unit + (projects[0].department or "")
            if abbreviates(word, units) or abbreviates(word, projects[0].name):
                continue  # 中科院 of 中国科学院
            if YEAR_WORD.fullmatch(word) or len(same_meaning(word)) > 1:
                continue  # the table's year; 年轻人, 老百姓: plain words for the tables' terms
            return f"“{word}”的内容（表中只有这项指标的目标值）"
    return None


# a count asked of a row by its classifier (多少台, 几篇)
COUNT_ASKED = re.compile(
    r"(?:多少|(?<![这那])几)\s*(?P<c>[个台套起篇项卷根架部件家条份座辆户](?!百分|小时|月|钟|工作日|季度))"
)
# a number asked beyond a target in words: 提升多少, 百分之多少, 有没有具体数, 几个百分点
NUMBER_ASKED = re.compile(
    r"(?:提升|提高|增加|增长|减少|降低|下降|缩短|改善|加强)了?(?:多少|几成|几个|百分之)|"
    r"百分之多少|几个百分点|多少个百分点|具体(?:的)?(?:数|数字|数值|比例)|量化(?:的)?(?:数|数值|目标)"
)
# a count of a named kind of thing (多少用户)
COUNTED = r"用户|人员|员工|职工|学生|企业|学校|医院|患者|农户"
COUNTED_NOUN = re.compile(
    rf"(?:多少|(?<![这那])几)(?:个|位|名|家|户)?(?P<noun>{COUNTED})|(?P<counted>{COUNTED})(?:数|数量|人数)"
)
# the measure a question names (满意度, 及时率, 合格率): a row of another measure is not it
MEASURE = re.compile(
    r"([\u4e00-\u9fff]{2}(?:率|度))"
    r"(?=的?(?:目标|指标|要求|定|是|多少|要|达到|有|呢|吗|$|[，,。？?\s]))"
)
NOT_A_MEASURE = re.compile(r"年度|程度|力度|额度|进度|幅度|速度|制度|季度|概率|频率|效率")


def _other_measure(span: str, answer: str) -> str | None:
    """A measure the question names (律师…的满意度) that no answered row is of (智能卷宗
    管理效率)."""
    for found in MEASURE.finditer(span):
        word = found.group(1)
        if NOT_A_MEASURE.search(word):
            continue
        near = {answer[i : i + 3] for i in range(len(answer) - 2)}  # 满易度: one character off
        # synonyms that are measures too (知晓度 of 知晓率), not verbs (完成 of 完成率)
        measures = [w for w in same_meaning(word) if w[-1] in "率度性比量"]
        if not any(w in answer for w in measures) and not any(
            Levenshtein.distance(word, n) <= 1 and n[-1] == word[-1] for n in near
        ):
            return word
    return None


def _row_names(found: Answer) -> list[str]:
    return re.findall(r"“([^”]{2,30})”指标", found.text)[:3] or ["其他指标"]


def _the_project(scoped: str, project) -> bool:
    """Whether the words a scope sets apart name the project itself (普陀拆违那边)."""
    core = re.sub(rf"{SCOPE_LEADS}|{SCOPE_TAILS}", "", scoped)
    whole = "|".join((project.name, project.unit, project.department or ""))
    return bool(core) and not outside(core, whole, least=2).strip("|的")


# a word of the row's name asked to be defined: 信噪比多少以上才算高 (not 才算合格)
QUALIFIER = re.compile(
    r"才?算(?:是)?(?P<what>(?!合格|达标|完成|及格|通过|过关|数)[\u4e00-\u9fff]{1,6}?)[？?]?$"
)
RANKING = re.compile(r"哪个项目|哪些项目|哪几个|谁的|最[高低多少严松大小]|排")


def _named_span(text: str, mention: str | None, name: str) -> str:
    """The question with the words naming the project (typos too: 兰西路 beside 真南路下立交,
    服物费 after 机关) as |: the project's name characters around the mention, one wrong
    character allowed between two right ones."""
    at = text.find(mention) if mention else -1
    if at < 0:
        return text
    start, end = at, at + len(mention)
    while end < len(text) and (
        text[end] in name or (end + 1 < len(text) and text[end + 1] in name and text[end] != "的")
    ):
        end += 1
    while start > 0 and (
        text[start - 1] in name
        or (start > 1 and text[start - 2] in name and text[start - 1] != "的")
    ):
        start -= 1
    return text[:start] + "|" + text[end:]


MONEY_ASKING = re.compile(
    "|".join(sorted(MONEY_ASKING_WORDS, key=len, reverse=True))  # 上年 whole, before 上
    + r"|(?:19|20)\d{2}年度?|[\d.,]+\s*万?元|[一二两三四五六七八九十几多]+年|[0-9]+"
)
CLAUSE = re.compile(r"[，,。；;？?！!、\s]")


def part_of_money(q: Question, project) -> str | None:
    """The money of a thing inside a project (印刷费预算, 更换那几部旧电梯要花多少钱, 那8块
    GPU卡一共多少钱, 6月份要花多少): the clause asking the money names, beside the project,
    something its table speaks of, or a month, and the table prints no line for it."""
    # 本部大楼项目里旧电梯更新: one of the things a name lists, said after 里 or 中
    pieces = re.split(r"[、，,]", project.name)
    at = q.text.find(q.mention) if q.mention else -1
    listed = [p for p in pieces if q.mention and q.mention in p]
    if (
        len(pieces) > 1
        and len(listed) == 1
        and re.search(r"(?:里|中|里面|当中|其中)的?$", q.text[:at])
    ):
        return f"“{q.mention}”的单独金额（表中只有整个项目的预算）"
    # the mention as said (not stretched over the name's characters: 换电梯 of a name that
    # lists 旧电梯更新 is a part)
    span = q.text.replace(q.mention, "|") if q.mention else q.text
    clauses = [c for c in CLAUSE.split(span) if re.search(r"多少|预算|几|多大|比例|比重|占", c)]
    if not clauses:
        return None
    clause = clauses[-1]
    # FAST运行维护那个项目上年结转: the words before 那个(项目) describe the project
    # …那个|, 智能卷宗那个|信息化项目: what is said before 那个 describes the project
    pointed = re.search(r"[那这]一?个$", q.mention or "") or re.search(
        r"[那这]一?个的?$",
        q.text[: q.text.find(q.mention)] if q.mention and q.mention in q.text else "",
    )
    clause = clause.split("|")[-1] if pointed else clause
    if not APART.search(clause):  # 那个下立交隧道工程单独预算: a part, not the project
        clause = re.split(r"[那这]一?个[\u4e00-\u9fff]{0,6}?(?:项目|工程)", clause)[
            -1
        ]  # 这个采购项目
    if re.search(PART_OF_YEAR, clause):
        return "按月或按季度的金额（表中只有全年的预算）"
    purpose = re.search(
        r"(?:用于|用在|花在|用到|给)(?P<what>[\u4e00-\u9fff]{2,10}?)(?:上|的|身上|$)", clause
    )
    own = purpose and any(
        re.search(rf"(?<!分别)用于[^。；;、]{{0,8}}{re.escape(purpose['what'])}", text)
        for text in project.sections.values()
    )  # 主要用于…后勤管理服务: what the whole project is for
    # 一共给多少钱, 用在哪些方面: the asking
    asks = purpose and re.search(r"多少|几|项目|哪|什么|啥", purpose["what"])
    if purpose and not own and not asks:
        return f"用于“{purpose['what']}”的金额（表中只有整个项目的预算）"  # 用于办案人员的
    labels = [line.label for line in project.budget_lines] + list(BUDGET_LINE_WORDS)
    rest = clause
    for label in sorted(labels, key=len, reverse=True):
        rest = rest.replace(label, "|")
    texts = project_texts([project])
    if project.gov_purchase:  # a part its header says it has
        texts.append("含有政府购买服务")
    said_runs = re.findall(r"[A-Za-z\u4e00-\u9fff]{2,}", MONEY_ASKING.sub("|", rest))
    rest = outside(rest, project.unit + "|" + (project.department or ""))  # 天文台本部大楼
    for chunk in re.findall(r"[A-Za-z\u4e00-\u9fff]{2,}", MONEY_ASKING.sub("|", rest)):
        latin = re.findall(r"[A-Za-z]{2,}", chunk)
        if len(re.findall(r"[\u4e00-\u9fff]", chunk)) < 2 and not latin:
            continue
        if _names_own_row(q, project, chunk):
            continue  # 档案数字化验收合格率: a row of the table, its target asked, named loosely
        named = [n for n in re.split(r"[、，,和及与]", project.name) if chunk in n]
        if named and (len(named) == 1 and len(re.split(r"[、，,]", project.name)) == 1):
            continue  # the project's own name (one thing), not one of the parts it lists
        inside = re.search(r"其中|里面|当中|里的|中的", clause)
        # 检察业务工作费中宣传工作…: a part of the project named just before, if its text
        # speaks of it (not 里头上年结转过来的)
        after_name = re.match(r"\|\s*[中里](?!头)", clause)
        # the chunk, its Latin names, its own words (换电梯: 电梯 of 更换6部旧电梯)
        listed = bool(re.search(r"[、，,]", project.name))  # a name that lists its parts
        own = [w for w, _, _ in words(chunk) if len(w) >= 2]
        in_name = sum(len(w) for w in own if w in project.name)
        # 设备购置 of 检察办案场所设备经费: the project itself, described (half its words are
        # the name's); 检察官学院上海分院维修 of 办公及业务用房专项维修费 is a part of it
        described = own and in_name * 2 >= sum(len(w) for w in own)
        if APART.search(clause):  # 下立交隧道工程单独预算: a thing priced apart, unless all name
            described = own and all(w in project.name for w in own)
        if not listed and not inside and not after_name and described:
            continue
        said = [chunk, *latin, *own]
        if inside or any(w in text for w in said for text in texts):
            # named as the question says it (检察官学院上海分院维修, not what the unit's
            # words leave of it)
            name = APART.sub("", next((run for run in said_runs if chunk in run), chunk))
            return f"“{name}”的单独金额（表中只有整个项目的预算）"
    return None


def _names_own_row(q: Question, project, chunk: str) -> bool:
    """Whether a stretch of the question is the name of one of the project's rows the
    question was linked to, as printed or nearly (a character or two left out or wrong)."""
    linked = q.indicators
    if linked is None or not linked.whole or len(chunk) < 4:
        return False
    names = {r.name for p, r in linked.rows if p is project}
    return any(Levenshtein.normalized_similarity(chunk, normalize_name(n)) >= 0.8 for n in names)


# money asked of a thing apart from the rest of its project (单独预算, 单列多少)
APART = re.compile(r"单独|单项|单列|分项")


# printed money lines a question may name by another word (上年结转, 财政拨款 …)
BUDGET_LINE_WORDS = (
    "财政拨款", "财政资金", "上年结转", "结转资金", "结转", "其他资金", "自有资金", "自筹",
    "上年预算", "上年执行", "执行数", "预算执行", "资金总额", "申请总额", "总预算", "当年预算",
)  # fmt: skip
