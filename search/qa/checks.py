"""Constraints a question states that the corpus cannot meet: a year or an organisation it
has no table of, the actual spending of a table's own year (only the year before is
published), an opinion, an amount the table does not break down. Such a question gets an
honest `not_in_corpus` answer that says what the corpus holds instead, and no number."""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.money import BUDGET_NAMES
from indexer.text import words

from ..indicators import normalize_name
from ..store import ProjectStore, per_generation, periods
from ..vocabulary import same_meaning
from .answers import (
    AGAINST_AVERAGE,
    COUNTED,
    NUMERAL,
    Answer,
    Question,
    asked_fields,
    contrasted,
    counted_in,
    groups_named,
    header_source,
    label_named,
    matcher,
    missing_project,
    names_rows,
    project_texts,
)
from .reading import ORG, ORG_LEAD, PEOPLE, YEAR, abbreviates, linker, outside

OPINION = re.compile(
    r"值得|值不值|应不应该|该不该|好不好|合理吗|合不合理|是否合理|怎么看|怎么评价|评价一下|"
    r"有没有必要|有必要吗|建议|划算|靠谱|效果好吗|你觉得|你认为|做得怎么样|怎么样$|"
    r"好吗$|对吗$|合适吗|做得最好|最差的项目|优秀吗|有问题吗|是不是浪费|浪费吗|正常吗|正不正常|"
    r"是否正常|算正常|"
    r"能不能再|可不可以再|多给|少给|最有必要|最重要|最值得|推荐|优先|够用吗|够不够|够吗|"
    r"充足吗|偏高|偏低|太多|太少|过高|过低|高不高|低不低|多不多|少不少|算(?:不算)?[高低](?:吗|还是)|高还是低|"
    r"跟国外|最规范|最差|写得好|写得怎么样|是不是说明|说明了什么|意味着|怎么改|打几分|打分|"
    r"修改意见|提点意见|提意见|给点意见|水分|虚高|注水|多报|定(?:得)?(?:太|偏|有点)?[低高]了|"
    r"(?:编|报|定|批)得?(?:太|偏|有点)?[多高]了(?!多少)|是不是(?:太|偏|有点)多了|压缩建议|"
    r"定得?(?:太|偏|有点|过)[低高]|"
    r"(?:是不是|是否)(?:太|偏|有点)[低高]|"
    r"(?:有没有|是否|是不是)(?:超出|超过|突破|违反)[^，。？?]{0,16}(?:标准|限额|规定|要求|上限)|"
    r"符不符合|是否符合|合不合规|是否合规|匹配|相符吗|是否相符|执行得?最好|哪个最好|最好的项目|"
    r"更难|更容易|难度|难不难|容易达到|更重要|重要吗|哪个重要|为什么(?:这么|这样)定|为何(?:这么|这样)?定|"
    # what a target should be: 改成多少比较稳妥, 定多少合适, 该设多少
    r"(?:改|调|定|设|写)成?(?:多少|几)[^，。？?]{0,4}(?:稳妥|合适|合理|妥当|比较好|更好)|"
    r"(?:应该|应当|该)(?:改|调)成?(?:多少|几)"
)
# Why money changed: no table says (为啥砍这么多, 减少的原因是什么)
REASON = re.compile(
    r"(?:为啥|为什么|为何|原因|怎么会)[^，。？?]{0,12}(?:砍|减少|减了|少了?|降|增加|增了|多了?|涨|变化|调整)|"
    r"(?:砍|减少|减了|少了?|降|增加|增了|多了?|涨|变化|调整)[^，。？?]{0,12}(?:为啥|为什么|为何|原因)"
)
MONEY_CHANGE = re.compile(r"预算|经费|钱|资金|金额|万|元|比上年|比去年|上年|去年")
# What will happen: no table says (会超支吗, 能花完吗, 还会继续申请吗)
PREDICTION = re.compile(
    r"会不会(?:超|延|花|增|减|取消|被砍|继续)|还会再|还会(?:继续)?(?:申请|安排|增|减|拨|给|列)|"
    r"是否(?:还会)?继续(?:安排|申请|列|拨)|会超支|超支吗|能花完|花得完|"
    r"能否按时|能不能按时|会延期|能完成吗|前景|预测|"
    r"够[办用做买支][^，。？?]{0,4}多少"
)
ACTUAL = re.compile(
    r"实际(?:执行|完成|支出|花|使用|到位|投资|发生|达到|达成|情况|效果|拨付)|实际[^，。,]{0,8}多少|"
    r"执行了多少|完成了多少|花了多少|执行得怎么样|达到了没有|完成得怎么样|花出去|花掉|用掉|已经支出|"
    r"决算|当初|最初|建成时|建设时(?![间限])|累计(?![要达])|以来|至今|迄今|历年|以前已经|过去几年|"
    r"到现在|截至目前|截止目前|目前已|已经完成|已完成|已下达|已经下达|下达了多少|已拨付|已经拨付|"
    r"拨付了多少|到位了多少|完成了(?:百分之几|几成|多少%)|"
    r"实际上?(?:又|是|在)?[^，。,？?]{0,4}?(?:哪天|哪一天|何时|什么时候|几号|几月)"
)
# What happened to a named project after its table was filed: 验收了吗, 哪家中标, 进展如何
OUTCOME = re.compile(
    r"(?:验收|竣工|完工|通车|建成|交付|开通|上线|投入使用|做完|办完|达标|落实|完成|实现)"
    r"(?:了吗|了没|了没有|了$|没有$)|中标|招标结果|"
    r"被审计|审计(?!审查)[^，,。？?]{0,5}?(?:结果|发现|查出|意见|报告|整改|了吗|过吗|过没)|审计过|"
    r"(?:是不是|是否|有没有|最后|最终)[^，。？?]{0,20}?(?:完成了|做完了|实现了|达到了|验收了|拿满|得了)|"
    r"得了多少分|得分|拿满|"
    r"(?:目前|现在)?(?:进展|进度)(?:如何|怎么样|到哪|情况)|目前进展|自评|评价得分|考核结果|评价结果|"
    r"验收结果|验收情况|到哪一步|哪一步了|下达了吗|到位了吗|拨付了吗|拨了吗|达到了吗|达到没有|"
    r"达没达到|达标了吗|实现了吗|完成情况|落实情况|实现情况|达成情况|达到了多少|"
    r"全部下达|使用进度|执行进度|支出进度|调查结果|"
    # delays and what is done by now: 拖到2021年了, 进度滞后, 现在完工了几段
    r"延期|拖到|拖延|滞后|没按时|未按时|(?:完工|完成|建成|做完)了(?:几|多少)|"
    r"通过了验收|验收通过了|已经?通过验收|已经?验收"
)
# What became of projects, asked of a list of them (哪几个已经结项了, 哪些被审计查出问题,
# 哪些通过了评审, 哪几个被通报表扬): no table records it
LIST_STATE = re.compile(
    r"干完|做完|完工|竣工|结项|验收(?:通过|过)|上线|投入使用|审计|查出|批复|否决|"
    r"评审|入库|通报|表扬|表彰|获奖|拿了?[^，。？?]{0,4}奖|延期|拖到|滞后|超支|超预算|整改|问责|"
    r"自评|得分|评分"
)
LISTED = re.compile(r"哪些|哪几|哪个项目|几个|多少个|列一下|列出|数一下|有哪")
# When and how often money is paid out: no table says (哪几个月拨, 分几次拨)
PAYMENT = re.compile(
    r"(?:哪几个月|分几次|几次|每月|上半年|下半年|季度)[^，。？?]{0,6}(?:拨|付|支付|发放)|"
    r"(?:拨|付|支付|发放)[^，。？?]{0,4}(?:几次|分几次|哪几个月)"
)
# Whether money includes something (包不包括征收补偿款): the tables do not break it down
INCLUDES = re.compile(
    r"(?:包不包括|包括不包括|含不含|包含不包含|是否包含|是否包括|有没有包含|有没有包括|是否纳入了?|有没有纳入|是否列入了?)(?P<what>[^，。？?]{2,16})|"
    r"(?:包括|包含|含|纳入了?|列入了?)(?P<what2>[^，。？?]{2,16}?)(?:吗|没有|在内吗)"
)
# a part of the project's money asked as a share or an amount: 1480万里面档案数字化占多大比例
SHARE_OF_PART = re.compile(
    r"(?:(?:里面|里头|当中|里|中)\s*(?P<what>[\u4e00-\u9fff]{2,12}?)(?:这块|这部分|这一项|部分)?|"
    r"(?P<part>[\u4e00-\u9fff]{2,8}?)(?:这块|这部分|这一项))"
    r"(?:占|要|花|用|分到?)(?:了|掉)?(?:多少|几|多大|百分之)"
)
PREVIOUS = ("上年", "去年", "上一年", "以前年度")
AMOUNT = re.compile(
    r"多少钱|花多少|花了多少|具体花|金额是多少|分项金额|各花|用了多少(?![年天月个次小台])|花费多少|支出多少|开支多少"
)


def check(q: Question) -> Answer | None:
    """A `not_in_corpus` answer if the question asks what the corpus cannot hold, else None."""
    rules = (
        opinion,
        _year,
        _organisation,
        _unrecorded,
        _unheld_name,
        _actual,
        _breakdown,
        _line_not_printed,
        _unknown_thing,
        _thing_of_another,
        _unknown_named_project,
        _unknown_indicator,
        _latin_row,
        _row_of_another,
        _count,
        _dimension,
        _ranked_by_unheld,
    )
    for rule in rules:
        found = rule(q)
        if found is not None:
            return found
    return None


# 按绩效评价得分从高到低排: the measure a ranking goes by
RANKED_BY = re.compile(
    r"按(?:照)?(?P<by>[A-Za-z\u4e00-\u9fff]{2,10}?)的?"
    r"(?:从高到低|从低到高|从大到小|从小到大|由高到低|由低到高|高低|大小|多少|多寡|先后)?"
    r"(?:来|给我)?(?:排序|排名|排列|排个序|排一下|排(?![查放水污除练班期]))"
)
# what the tables can rank projects by: money and its change, indicators, targets, dates
RANKABLE = re.compile(
    r"预算|资金|金额|经费|钱|投入|总额|增|涨|降|减|变化|比上年|执行|结转|拨款|百分比|比例|占比|"
    r"指标|目标|权重|分值|时间|日期|开始|完成|周期|名称|年度|年份|单位|部门"
)


def _ranked_by_unheld(q: Question) -> Answer | None:
    """A ranking by a measure no table holds (按绩效评价得分排, 按人数排)."""
    found = RANKED_BY.search(q.text)
    if found is None or RANKABLE.search(found["by"]):
        return None
    by = found["by"]
    if _known(q, by) or (q.indicators is not None and q.indicators.whole):
        return None  # a row's name or a word of the tables: the plans rank by it
    return refusal(q, f"表中没有可以排序的“{by}”")


def scope_check(q: Question) -> Answer | None:
    """The checks of what a whole line is about (a year, an organisation, actual results):
    a constraint stated once holds for every question the line asks."""
    for rule in (_year, _organisation, _actual):
        found = rule(q)
        if found is not None:
            return found
    return None


def _held(q: Question) -> str:
    """What the corpus holds for the question's projects (or all of it), said briefly."""
    # the projects a refusal names: only those the question named surely (in full, or by
    # four characters or more), never one a short fragment may have picked by chance
    sure = q.projects and all(len(m) >= 4 for m in (q.mention or "").split("、"))
    projects = q.projects if sure else q.store.projects
    years = sorted({p.year for p in projects if p.year is not None})
    units = list(dict.fromkeys(p.unit for p in projects if p.unit))
    years_text = "、".join(str(y) for y in years)
    if sure:  # the project is named by the question and by the sources, not again here
        this = "这个项目" if len(q.projects) == 1 else "这些项目"
        return f"语料中{this}只有 {years_text} 年度的绩效目标表（{'、'.join(units)}）"
    shown = "、".join(units[:5]) + ("等" if len(units) > 5 else "")
    return f"语料中只有 {years_text} 年度、{shown}的绩效目标表"


def refusal(q: Question, why: str, sources: list[dict] | None = None) -> Answer:
    """A not_in_corpus answer: why, and what the corpus holds instead (no number)."""
    if sources is None:
        sources = [header_source(p, p.name) for p in q.projects[:3]]
    return Answer(f"{why}，无法回答。{_held(q)}。", "not_in_corpus", sources)


# Advice on what to change: the tables hold what was filed, not what should be
ADVICE = re.compile(
    r"(?:要不要|需不需要|需要不需要|该不该|应不应该)(?:再|继续|往上|往下|适当)?"
    r"(?:提|提高|降|降低|增加|减少|调|改|加|砍|补|压|删)|"
    r"(?:能不能|可不可以|能否|可以|可否)(?:再)?(?:砍|压|削|减掉|减半|降)|"
    r"还应该|还应当|应该(?:补|加|增|删|减|改|提|调|降|砍|怎么|如何|多|少)|"
    r"应当(?:补|加|增|删|改|怎么|如何)|先砍|砍哪|(?:要|该|能|可以)压(?:缩|减)?(?:一下)?(?:预算|经费|开支)|"
    r"比较好|更好|更合适|如何改进|怎么改进|怎样改进|改进建议|帮我(?:改|写|拟|起草|优化|润色|调整)|"
    r"改写|改一下|重写|润色|优化一下|写得[^，。？?]{0,6}一点"
)
# The judgements some indicators are named by (设备采购价格合理, 预算编制合理性): asked of
# such an indicator, the word asks its target, not an opinion.
JUDGED = (
    "合理",
    "有效",
    "规范",
    "及时",
    "充足",
    "科学",
    "完整",
    "健全",
    "准确",
    "满意",
    "合规",
    "符合",
)


def opinion(q: Question) -> Answer | None:
    if PREDICTION.search(q.text):
        return refusal(q, "这是对今后情况的预测，绩效目标表只记载申报时的计划")
    changed = re.search(r"(?:减少|增加|砍|下降|上涨|变化|调整)的?原因", q.rest) and q.projects
    if REASON.search(q.text) and (MONEY_CHANGE.search(q.rest) or changed):
        return refusal(q, "表中只有各年的预算数，没有写明增减的原因")
    found = OPINION.search(q.text) or ADVICE.search(q.text)
    if found is None:
        return None
    said = found.group(0)
    judged = [w for w in JUDGED if w[0] in said and w[1] in said]  # 合理吗, 合不合理
    names = q.indicators.names if q.indicators is not None else []
    if not ADVICE.search(q.text) and any(w in n for w in judged for n in names):
        return None  # 预算编制合不合理: the target of the indicator 预算编制合理性
    if re.search(rf"(?:考核|考察|衡量|考评)了?[^，。？?]{{0,6}}{re.escape(said)}", q.text):
        return None  # 哪些考核了花钱是否划算: what rows measure, not an opinion asked
    return refusal(q, "这是评价或建议，绩效目标表只记载申报的内容，不含评价")


TABLES_ASKED = re.compile(
    r"哪些项目|哪个项目|几个项目|的项目|项目有|表有|批项目|报了几个|张表|那些项目"
)
DOCUMENTS_ASKED = re.compile(r"文号|文件|发的|印发|发布|下发|引用|依据|(?:\d|年)\s*第?\s*\d+\s*号")
RELATIVE_YEARS = {
    "明年": 1, "下一年": 1, "下年度": 1, "后年": 2, "前年": -2, "上上年": -2, "大前年": -3,
}  # fmt: skip
# Several years at once: every table is of one year (十四五期间一共安排了多少)
# (近两年: the table's year and its 上年 columns, answered)
PERIODS = re.compile(r"十[一二三四五六]五|[三五]年来|近[几三五]年|历年|多年来")
# The year before, for a named project ("比上年" compares with it: no year asked).
LAST_YEAR = re.compile(
    r"(?<![比较和与同跟减除扣])(?:去年|上年|上一年)(?!结转|预算|执行|的预算|的执行|的?同名)"
)
MONEY = re.compile(r"预算|资金|经费|金额|多少钱|拨款|投入|安排了?多少")


def _year(q: Question) -> Answer | None:
    """A year no table of the question's projects (or of the corpus) is of. The year before
    a table's is its 上年 columns (answered from them); a year the text mentions is fine for
    a question about the text, not for an amount."""
    if DOCUMENTS_ASKED.search(q.text) and not MONEY.search(q.text):
        return None  # 2014年的文号, 2018年发的文件: a document's year, not a table's
    # 检察院2020年那8个项目和国家天文台2023年那9个, 兰溪路下立交2026年…比检察院2020年8个项目:
    # each group (and project) named its own year
    groups = groups_named(q) if len(q.years) > 1 else []
    if len(groups) > 1 or (groups and q.projects):
        projects = [*q.projects, *(p for _, ps in groups for p in ps)]
    else:
        projects = q.projects or _of_units_named(q) or q.store.projects
    every = projects is q.store.projects  # read once per generation
    held = q.store.years if every else {p.year for p in projects if p.year is not None}
    if not held:
        return None
    asked = list(q.years)
    for word, offset in RELATIVE_YEARS.items():
        # 后年, not 以后年度 (the years after the table's, of a multi-year project)
        if re.search(rf"(?<![以之今往]){word}", q.text) and len(held) == 1:
            asked.append(next(iter(held)) + offset)
    if q.projects and len(held) == 1 and LAST_YEAR.search(q.text):
        asked.append(next(iter(held)) - 1)
    # 拆违经费…2024年就开始了吗: the money words of a name ask no money
    money = bool(MONEY.search(q.rest)) or any(f in BUDGET_NAMES or f == "change" for f in q.fields)
    asks_amount = re.search(r"多少|几", q.rest) and not TABLES_ASKED.search(q.text)
    money = money or (not q.fields and bool(asks_amount))
    # 2027年的年度总体目标, 2025年的满意度指标: what each year's table sets anew
    annual = money or "section:goals" in q.fields or bool(re.search(r"年度|指标|目标|要求", q.rest))
    annual = annual or names_rows(q) or bool(q.level_word)  # 2025年的群众满意度: each year's
    if money and PERIODS.search(q.text):
        return refusal(q, "每张表只写一个年度的预算，语料中没有几年合起来的数")
    spans = q.store.periods if every else periods(projects)
    ahead = [w for w in ("明年", "后年", "下一年") if w in q.text]
    # 高检院说明年1月前要做到什么: the text's own word; 要干到明年吗: within the period
    quoted = any(w in text for w in ahead for p in q.projects for text in p.sections.values())
    future = [
        y for y in asked
        if ahead and not quoted and all(y > h for h in held)
        and (annual or not any(first <= y <= last for first, last in spans))
    ]  # fmt: skip
    if future:
        return refusal(q, f"语料中没有 {future[0]} 年度的表（表只写申报年度的计划）")
    for year in asked:
        if year in held or (not annual and any(first <= year <= last for first, last in spans)):
            continue  # a table's year, or within a project's period (its money: its year only)
        if money and q.projects and all(p.year == year + 1 for p in q.projects):
            spent = re.search(r"执行|支出|花", q.text)
            field = "prev_year_spent" if spent else "prev_year_budget"
            others = [f for f in q.fields if f not in BUDGET_NAMES and f != "change"]
            if "change" in q.fields:
                continue  # 跟去年比变化大吗: the change answer says both years
            if all(p.budget.get(field) is not None for p in q.projects) and not others:
                q.previous_year = True
                if not any(f in ("prev_year_budget", "prev_year_spent") for f in q.fields):
                    q.field, q.fields = field, [field]  # 2019年预算 of a 2020 table: 上年预算额
                continue  # the table's 上年 columns hold that year
        # 天文台2021年的项目, 检察院2021年那批项目 (the unit a condition names)
        of_unit = _of_units_named(q) or any(f.label.startswith("申报单位为") for f in q.conditions)
        of_tables = TABLES_ASKED.search(q.text) and of_unit and len(q.years) == 1
        if not annual and q.linker.mentions_year(year) and not of_tables:
            continue  # a year the text mentions, asked of the text (not of a unit's tables)
        return refusal(q, f"语料中没有 {year} 年度的表")
    return None


QUANTITY = re.compile(r"多少|几|金额|比例|占")
# Nouns of asking that no table needs to hold.
ASKING_NOUNS = {
    "多少", "数量", "情况", "内容", "项目", "问题", "方面", "部分", "时候", "时间", "东西", "事情",
    "事儿", "玩意", "钱", "倒数", "末位", "排名", "名次", "张表", "份表", "表格", "条目",
    "平均线", "平均数", "平均值", "平均水平",
}  # fmt: skip
ASKING = re.compile(r"哪|什么|几|多少|这|那|各|每")
WHOLE_UNIT = re.compile(r"[全本我贵该][院局所台区市处委厅队站]|[全本我贵该]单位")
# the whole collection, in a user's words: 全库, 整个库里, 语料库
WHOLE_CORPUS = re.compile(r"全库|整个?库|库里|库中|[数据语料资料]{2}库|题库")


def _unknown_thing(q: Question) -> Answer | None:
    """A quantity asked of a thing no table mentions (检察院的人员工资多少, 天文台的员工有多少人):
    a noun of the question that occurs nowhere in the corpus."""
    # a budget asked over projects (公务用车购置预算多少) still names the thing it is for
    fields = q.fields if q.projects else [f for f in q.fields if f not in BUDGET_NAMES]
    # FAST的造价: FAST names no row; 老百姓对政策的知晓度: a distinctive part of one does
    named = names_rows(q)
    if not QUANTITY.search(q.text) or q.part is not None:
        return None
    for latin in re.findall(r"[A-Za-z]{2,}", q.rest):  # SKA每年的数据量: a name no table has
        if latin.lower() in UNITS or len(set(latin.lower())) == 1:
            continue  # 多少TB: a unit; ≤xx万元: a placeholder
        if latin.lower() not in q.linker.text_lower and not q.linker.mentions(latin):
            return refusal(q, f"语料中没有关于“{latin}”的内容")
    if fields or named:
        return None
    import jieba.posseg as posseg

    rest = re.sub(r"(?:换算|折算|折合|换|算|写|改)成", "|", q.rest)  # 换算成元: no 成元
    for known in _long_vocabulary():  # 同名项目上年预算额比: not 额比
        rest = rest.replace(known, "|")
    for token in posseg.cut(rest):
        word = token.word
        if (
            len(word) >= 2
            and word[0] in "篇个台项次名位家件本张套辆户"
            and (len(word) >= 3 or word[1:] in DOMAIN_WORDS)
        ):
            word = word[1:]  # 篇文章: 文章; 张表: 表
        if len(word) < 2 or not token.flag.startswith(("n", "vn")) or word in ASKING_NOUNS:
            continue
        if ASKING.search(word) or WHOLE_UNIT.fullmatch(word) or WHOLE_CORPUS.fullmatch(word):
            continue  # 哪些项目: a question word, not a thing; 全院: the unit, said whole
        if len(word) == 2 and word[1] in "用给来去在是有为":
            continue  # 哪几个院用的: a noun's last character and a verb cut as one word
        if not _known(q, word) and not _known_parts(q, word):
            if re.search(rf"{re.escape(word)}\w{{0,4}}项目", q.rest):
                return missing_project()  # 量子计算项目的总预算: a project none is named
            return refusal(q, f"语料中没有关于“{word}”的内容")
    return None


def _row_of_another(q: Question) -> Answer | None:
    """A row's target asked of a project named in full whose table does not set that row,
    named as printed (国家天文科学数据中心的FAST观测时间目标): other projects set it."""
    linked = q.indicators
    if len(q.projects) != 1 or linked is None or not linked.whole or q.part is not None:
        return None
    project = q.projects[0]
    if q.mention != project.name or not re.search(r"目标|指标|多少|几|要求|定了|达到", q.rest):
        return None
    named = [n for n in linked.names if n in q.text]
    if not named or any(p is project for p, _ in linked.rows):
        return None
    own = [normalize_name(r.name) for r in project.indicators]
    if any(normalize_name(n) in r or r in q.text for n in named for r in own):
        return None  # 设备用户满意度, 教育培训预算执行率: its own rows, named by their ending
    head = normalize_name(named[0])[-3:]
    if any(r.endswith(head) for r in own):
        return None  # rows of its kind (…满意度): level_indicators names them, or one is meant
    owners = [p.name for p, r in linked.rows if r.name in named]
    shown = "、".join(dict.fromkeys(n for n in owners if not re.search(r"\d", n))) or "其他项目"
    return refusal(q, f"{project.name}没有设“{named[0]}”指标（设这项指标的是{shown}）")


def _thing_of_another(q: Question) -> Answer | None:
    """A quantity asked of one project about a thing only other projects' tables speak of
    (数据中心要求的有效存储空间, 拆违经费的GPU计算卡: the computing system's table says it): a
    term of the question the corpus holds but the named project's table does not, nor its
    head word or a word of the same meaning."""
    if len(q.projects) != 1 or q.fields or q.part is not None or names_rows(q):
        return None
    if not QUANTITY.search(q.text):
        return None
    project = q.projects[0]
    own = " ".join([project.name, *project_texts([project])]).lower()
    units = " ".join(q.linker.unit_names)  # 天文台这九个项目: a unit, not a thing of a table
    for term in _terms(q.rest):
        latin = re.fullmatch(r"[A-Za-z]+", term)
        if len(term) < (2 if latin else 3) or (latin and term.lower() in UNITS):
            continue
        if term in DOMAIN_WORDS or ASKING.search(term) or term in units:
            continue
        if term.lower() not in q.linker.text_lower or term.lower() in own:
            continue  # a term no table has (_unknown_thing's, or read otherwise), or its own
        parts = [w for w, _, _ in words(term) if len(w) >= 2] or [term]
        if any(w.lower() in own for w in same_meaning(parts[-1])):
            continue  # 总计算核数 of a table that says 核数: its own thing, said otherwise
        folded = re.sub(r"\s+", "", term).lower()
        others = (
            p.name
            for p in q.store.projects
            if p is not project
            and not re.search(r"\d", p.name)
            and folded in re.sub(r"\s+", "", p.name + "".join(project_texts([p]))).lower()
        )  # fmt: skip  (a name with a number in it would read as a figure given)
        named = next(others, "")
        where = (
            f"（写到“{term}”的是{named}等其他项目的表）"
            if named
            else "（这是其他项目的表中的内容）"
        )
        called = "这个项目" if re.search(r"\d", project.name) else project.name
        return refusal(q, f"{called}的表中没有写到“{term}”{where}")
    return None


def _terms(text: str) -> list[str]:
    """The noun phrases of a text: runs of nouns, verbs and Latin words that end on a noun
    (总计算核数, GPU计算卡, 存储空间), longest first within each run, and the nouns alone."""
    import jieba.posseg as posseg

    terms, run = [], []

    def close() -> None:
        while run and not run[-1].flag.startswith(("n", "eng")):
            run.pop()  # GPU计算卡要配: the run ends on its noun
        if run:
            terms.append("".join(t.word for t in run))
            terms.extend(t.word for t in run if t.flag.startswith(("n", "vn", "eng")))
        run.clear()

    for token in posseg.cut(text):
        if token.flag.startswith(("n", "v", "eng")) and token.word not in ASKING_NOUNS:
            run.append(token)
        else:
            close()
    close()
    return list(dict.fromkeys(terms))


# Latin words that name no thing of their own: units (多少TB), 指标 in English (KPI)
UNITS = {
    "tb", "pb", "gb", "mb", "kb", "km", "kg", "cm", "mm", "kw", "kwh", "mw", "gw", "hz", "ghz",
    "mhz", "ml", "kpi",
}  # fmt: skip


def _known_parts(q: Question, word: str) -> bool:
    """A plain word made of words the tables hold (办公大楼, 后勤保障; 观测站: one, and a
    place it is), or a word of speech (光是)."""
    if FILLER_WORD.fullmatch(word):
        return True
    halves = ((word[:k], word[k:]) for k in range(2, len(word) - 1))
    if any(_known(q, a) and _known(q, b) for a, b in halves):
        return True
    return len(word) >= 3 and word[-1] in PLACE_SUFFIX and _known(q, word[:-1])


def _known(q: Question, word: str) -> bool:
    """A word of the tables' own language (文号, 子项目, 同名项目 …) or of the corpus."""
    if word in DOMAIN_WORDS or any(word in known for known in _vocabulary()):
        return True

    if any(word in value for value in matcher(q.store).values):  # 其他一次性(项目): a category
        return True
    if word.lower() in q.linker.text_lower or q.linker.mentions(word):
        return True
    # 年轻人 of a table's 青年: a word of the same meaning the named projects' tables hold (or,
    # of no project, any table)
    rows = [p for p, _ in q.indicators.rows] if q.indicators is not None else []
    of = q.projects or list({p.id: p for p in rows}.values())  # FAST…论文: FAST's table
    texts = project_texts(of) if of else None
    return any(
        len(w) >= 2 and (any(w in t for t in texts) if texts is not None else q.linker.mentions(w))
        for w in same_meaning(word)[1:]
    )


FILLER_WORD = re.compile(r"[光就只可还总算倒也正]是|那块|这块|一块")
PLACE_SUFFIX = "站楼馆所室厅房场处点"
# Words of the tables' language that a question may use though no table prints them.
DOMAIN_WORDS = {
    "文号", "文件", "子项目", "依据", "部门", "单位", "指标", "目标", "目标值", "指标值", "预算",
    "资金", "金额", "比例", "权重", "分值", "满意度", "项目", "年度", "合计", "总额", "增幅",
    "降幅", "涨幅", "排名", "政策", "法规", "条例", "办法", "规定", "表", "时效", "成本",
    "增长率", "变化幅度", "幅度", "占比", "比重", "平均", "表里", "表中", "表上", "那张表",
    "数值", "量化", "定量", "定性", "具体", "栏目", "栏", "一栏", "部分", "申报表", "表格", "报表",
    "条目", "考核条目", "考核项", "条款",
    "百分比", "盘子", "总盘子", "差额", "数额", "额度", "目标表", "绩效表", "三级指标",
    "钱数", "总钱数", "总数", "总量", "总和", "汇总", "加总", "总计",
}  # fmt: skip


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[str, ...]:
    from indexer.layouts.fields import FIELD_LABELS, MONEY_LABELS, MONEY_PART_LABELS
    from indexer.vocabulary import LEVEL_NAMES, SECTION_NAMES

    from .answers import FIELD_WORDS

    words = [s for _, spellings in FIELD_WORDS for s in spellings]
    words += [*SECTION_NAMES.values(), *LEVEL_NAMES, *MONEY_PART_LABELS, *BUDGET_NAMES.values()]
    words += [w for labels in (*FIELD_LABELS.values(), *MONEY_LABELS.values()) for w in labels]
    return tuple(words)


@lru_cache(maxsize=1)
def _long_vocabulary() -> tuple[str, ...]:
    """The tables' own phrases of three characters or more, longest first."""
    return tuple(sorted({w for w in _vocabulary() if len(w) >= 3}, key=len, reverse=True))


def _of_units_named(q: Question) -> list:
    """The projects of the units a question names by a distinctive part (国家天文台)."""
    parts = {q.text[i : i + 4] for i in range(len(q.text) - 3)}
    named = {u for u in q.linker.unit_names if any(part in u for part in parts)}
    return [p for p in q.store.projects if p.unit in named] if len(named) == 1 else []


def _organisation(q: Question) -> Answer | None:
    text = q.text
    for said in (q.mention or "").split("、"):
        text = text.replace(said, "|") if said else text
    org = q.linker.unknown_organisation(text) or _org_without_tables(q, text)
    if org is None:
        return None
    return refusal(q, f"语料中没有{org}的表")


# an organisation of a level no table is of, or one shortened: 区检察院的…, 最高检的…
LEVEL_ORG = re.compile(
    r"(?:^|(?<=[的各某那这]))(?P<org>(?:区|县|省|乡|镇|街道)级?(?:人民)?(?:检察院|法院|政府|财政局)|"
    r"最高检|高检院|最高法)(?=的|自己)"
)


def _org_without_tables(q: Question, text: str) -> str | None:
    """An organisation the tables mention but none is of (上海市财政局 issues documents),
    asked for its own projects or money."""
    level = LEVEL_ORG.search(text)
    # its projects or money (not: 高检院的统一业务系统什么时候上线, a sub-project's date)
    owns = q.fields or MONEY.search(text) or (q.projects and q.part is None)
    if level and owns and not DOCUMENTS_ASKED.search(text):  # 最高检的文件: documents it issued
        org, end = level["org"], level.end()
        said = org + text[end + 1 : end + 3]  # 区检察院的出国经费: the text's 区检察院出国
        unit = any(org in u or abbreviates(org, u) for u in q.linker.unit_names)
        if not unit and said not in q.linker.text:
            return org
    text = YEAR.sub("|", text)  # 2020年市检察院: the year is not part of the name
    for found in ORG.finditer(text):
        org = found.group(1)
        after = text[found.end() : found.end() + 6]
        owner = found.start() <= 1 and (q.fields or MONEY.search(text))  # 最高人民检察院2020年…经费
        if re.match(r"发|印发|制定|出台|的?文件|的?规定|的?通知|联合", after):
            continue  # the documents it issued, not its tables
        if not owner and not re.match(r"(?:自己)?的?(?:项目|预算|申报|主管|表)|自己", after):
            continue
        if any(org in p.name for p in q.store.projects):
            continue  # 派驻农场检察院(那个项目): the start of a project's name
        if q.linker.mentions(re.sub(r"\s+", "", org + after[:2])):
            continue  # 检察官学院维修…: a place inside a table's rows or text, not an owner
        if not any(org in name or name in org for name in q.linker.unit_names):
            trimmed = ORG_LEAD.split(org)[-1]
            names = (*q.linker.unit_names, *q.linker.project_names)
            if len(trimmed) >= 3 and not any(abbreviates(trimmed, n) for n in names):
                return trimmed
    return None


def _actual(q: Question) -> Answer | None:
    about = q.projects or q.part is not None or _of_units_named(q) or "这些项目" in q.text
    about = about or (q.indicators is not None and q.indicators.whole)  # FAST观测时间达到了多少
    outcome = bool(about) and OUTCOME.search(q.text)  # of any year: tables plan, not report
    if not outcome and not q.projects and LISTED.search(q.text):
        state = LIST_STATE.search(q.text)  # 哪几个已经结项了: a state no table records
        outcome = state if state and not q.linker.mentions(state.group(0)) else None
    named = q.indicators.names if q.indicators is not None else []
    if "指标" in q.text:  # 有没有审计方面的指标: a word of the tables' indicators
        named = [*named, *q.linker.names]
    if outcome and any(outcome.group(0) in name for name in named):
        outcome = None  # 审计审查工作完成率: a word of the indicator named, not an outcome
    # last year's is held only for money (上年预算执行数), not for a target (去年实际达到多少)
    of_money = MONEY.search(q.text) or re.search(r"执行|花|支出|拨付", q.text)
    previous = (q.has(PREVIOUS) or q.previous_year) and of_money
    spent = ACTUAL.search(q.text) and not previous
    if not (spent or outcome):
        return None
    return refusal(
        q, "绩效目标表是申报时填写的，只有上年的预算执行数，没有本年度的实际执行或完成情况"
    )


GENERIC_EXPENSES = ("经费", "费用", "资金", "经费是", "项目经费")
# money of a part named before the money word: 里教育培训预算多少, 的培训经费是多少
PART_MONEY = re.compile(
    r"(?P<what>[\u4e00-\u9fff]{2,8}?)的?(?:预算|经费|资金|钱)(?:是|有|为|共)?(?:多少|几)"
)
# words before a money word that name the whole project's money, not a part's
GENERIC_PART = re.compile(
    r"项目|当年|年度|今年|本年|全年|明年|去年|上年|总|整个|全部|这个|那个|一共|合计|财政|申请|"
    r"安排|本项|该项|这笔|那笔|专项|业务费|服务费|经费|资金|结转|拨款|其他|自筹|牵头|负责|位于|实施|"
    r"承担|主管|申报|所属|单独|单列|单项|\d"
)
# a part of a project named by what it builds: 绿化工程的预算, 监控系统花多少
PART_OF_PROJECT = re.compile(
    r"([\u4e00-\u9fff]{2,8}?(?:工程|系统|平台|子项|设备))[”\"」]?的?(?:预算|经费|资金|钱|花|多少)"
)
# a part of a project set apart by the asking words after it
PART_MARKED = re.compile(
    r"(?P<what>[\u4e00-\u9fff]{2,16}?)(?:这一项|这项|这一块|这块|这部分|这笔)?(?:单独|单列|单项|分项)"
)
EXPENSE = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:服务费|费用|经费|费|款)")


def _breakdown(q: Question) -> Answer | None:
    """An amount of a part of a project (无人机巡查具体花多少, 第三方巡查服务费多少钱) where
    the table prints none: an amount asked of an expense the table has no line for."""
    if len(q.projects) != 1:
        return None
    project = q.projects[0]
    money = AMOUNT.search(q.text) or any(f in BUDGET_NAMES for f in q.fields) or "预算" in q.text
    if q.part is not None and money:
        return refusal(q, "表中只有整个项目的预算，没有这个子项目的金额")
    if money and re.search(r"第[一二三四五六七八九十\d]+(?:段|部分|期|标段|个子项)", q.text):
        return refusal(q, "表中只有整个项目的预算，没有各部分的金额")  # 第三段安排了多少资金
    shared_out = re.search(
        r"各(?:分|拿|得)了?到?多少|分(?:到|得|配给?)了?多少|各分到|之间(?:怎么|如何)?分配?|"
        r"各自的预算|各自多少钱",
        q.text,
    )  # 在沪东院、沪西院之间各分了多少钱: money shared out among parts
    of_parts = re.search(
        r"(?:子项目|子项|各自)[^，,。？?]{0,8}(?:多少钱|预算|金额|资金|经费|花|钱)", q.text
    )
    if shared_out or (money and of_parts):
        return refusal(q, "表中只有整个项目的预算，没有各部分的金额")
    includes = INCLUDES.search(q.rest)
    if includes and (money or re.search(r"资金|经费|钱|款", q.rest)):
        what = (includes["what"] or includes["what2"]).strip("的了")
        stated = _stated(project, what)  # 包含法律顾问费吗: the text lists it
        if "政府购买" not in what and not stated and not _whole_money(project, what):
            return refusal(q, "表中只有预算总数，没有写明是否包含这一项")
    part = SHARE_OF_PART.search(q.rest)
    of_money = money or re.search(r"资金|经费|钱|款|万|元|占", q.rest)
    of_money = of_money and "指标" not in q.rest  # 满意度指标占几个: rows, not money
    if (
        part
        and of_money
        and not names_rows(q)
        and not _whole_money(project, part["what"] or part["part"])
    ):
        return refusal(q, "表中只有整个项目的预算，没有各部分的金额")
    ranked = r"哪一?[项部块笔类](?:用途|内容)?(?:花钱|花得|钱|预算|金额|经费)最[多少高低大]"
    if re.search(ranked, q.text):  # 哪一项花钱最多
        return refusal(q, "表中只有整个项目的预算，没有各部分的金额")
    each = re.search(
        r"(?P<a>[\u4e00-\u9fff]{2,10})(?:和|与|及|、)(?P<b>[\u4e00-\u9fff]{2,10}?)"
        r"(?:各|分别)(?:占|花|要|是|有)?(?:多少钱|多少预算|多少经费|多少)",
        q.rest,
    )
    sides = [each["a"], each["b"]] if each else []
    printed = all(
        _whole_money(project, s, 0.5) or asked_fields(s) or re.search(r"年|月|当|本|上|去", s)
        for s in sides
    )  # 财政拨款和上年结转, 今年和去年: money the table prints
    if each and money and not printed:  # 教育培训和业务保障各占多少钱
        return refusal(q, "表中只有整个项目的预算，没有各部分的金额")
    marked = PART_MARKED.search(q.rest)  # 无人机巡查这一项单独多少钱: a part set apart
    if marked and (money or re.search(r"多少|几", q.rest)):
        what = NOT_A_NAME.split(re.sub(r"[这那该本]一?[项块笔部分个]*", "", marked["what"]))[-1]
        generic = GENERIC_PART.search(what) or _whole_money(project, what, 0.5)
        if len(what) >= 2 and not generic:
            return refusal(q, f"表中只有整个项目的预算，没有“{what}”的单独金额")
    part_money = PART_MONEY.search(q.rest)  # 教育培训预算多少: money of a part
    if part_money:
        what = NOT_A_NAME.split(part_money["what"])[-1]
        generic = GENERIC_PART.search(what) or asked_fields(what)
        said_with_amount = any(
            re.search(re.escape(what) + r"[^。；;]{0,15}\d[\d,.]*\s*万?元", t)
            for t in project_texts([project])
        )  # a part whose amount the text gives: the plans answer it
        # 设备经费的设备购置预算, 派驻…的业务经费: any words of the project's own name
        whole = _whole_money(project, what, of_name=0.01)
        if len(what) >= 2 and not generic and not said_with_amount and not whole:
            return refusal(q, f"表中只有整个项目的预算，没有“{what}”的单独金额")
    part_named = PART_OF_PROJECT.search(q.rest)
    if part_named and (AMOUNT.search(q.text) or re.search(r"预算|多少", q.rest)):
        named = NOT_A_NAME.split(part_named.group(1))[-1]
        pointed = re.match(r"(?:工程|系统|平台|子项|设备)$", named)  # 那个系统: the project
        # 那个高时空分辨率系统: the project by most of its name's words
        if len(named) >= 2 and not pointed and not _whole_money(project, named, of_name=0.6):
            # 兰溪路下立交里绿化工程的预算: a part of the project, no line of its own
            return refusal(q, f"表中只有整个项目的预算，没有“{named}”的单独金额")
    expense = EXPENSE.search(q.rest)
    # 那个经费, 一年经费: the project pointed at, its year's; 包括哪些费用: a list, not an amount
    said = (
        re.sub(
            r"^的?(?:[这那该此本]一?[个项笔])?的?(?:这)?(?:一年|两年|每年|全年|今年|当年|本年|年度)?的?",
            "",
            expense.group(0),
        )
        if expense
        else ""
    )
    if expense and (said in GENERIC_EXPENSES or re.search(r"哪些|哪几|什么", said)):
        expense = None
    if not AMOUNT.search(q.text) and not (expense and "多少" in q.text):
        return None
    named = expense.group(0).lstrip("的") if expense else ""
    # 的业务经费: half its words the project's name
    if (named and _whole_money(project, named, of_name=0.5)) or (q.fields and not named):
        return None  # an amount the table prints
    return refusal(q, "这个项目的表中没有分项金额，只有项目的预算总数")


def _whole_money(project, words: str, of_name: float | None = None) -> bool:
    """Whether the words name money the table prints: one of its budget lines (财政拨款 in
    其中：财政拨款), or, with `of_name`, the project's own money by words of its name (that
    share of the words' character pairs in the name: 派驻…的业务经费)."""
    words = words.lstrip("的")
    labels = [line.label for line in project.budget_lines]
    if any(la in words or words in la or label_named(la, words) for la in labels):
        return True
    if of_name is None:
        return False
    pairs = [words[i : i + 2] for i in range(len(words) - 1)]
    hits = sum(pair in project.name for pair in pairs)
    return bool(pairs) and hits >= max(1, of_name * len(pairs))


def _stated(project, words: str) -> bool:
    """Whether the project's text names the thing: the head of the words (their last three
    characters: 法律顾问费 → 顾问费; 前期征收的补偿款 → 补偿款)."""
    head = words[-3:] if len(words) > 4 else words
    return any(head in t for t in project_texts([project]))


def _line_not_printed(q: Question) -> Answer | None:
    """A budget line of other tables (上年结转资金, 财政拨款) asked of a project whose table
    prints no such line and has no field of that name: its template has none."""
    if len(q.projects) != 1:
        return None
    project = q.projects[0]
    if any(f in BUDGET_NAMES and project.budget.get(f) is not None for f in q.fields):
        return None  # 上年度市级财政资金执行了多少: a field the table has (上年预算执行数)
    # lines of where the money comes from (上年结转资金, 财政拨款), not totals another template
    # names otherwise (项目资金总额 is a 2020 table's 项目总预算)
    named = [
        label for label in q.linker.line_labels
        if label_named(label, q.rest) and PART_LINE.search(label)
    ]  # fmt: skip
    if not named:
        return None
    named.sort(key=lambda label: label not in q.rest)  # 财政拨款 as said, before 当年财政拨款
    own = {line.label for line in project.budget_lines}
    fields = {
        BUDGET_NAMES[k] for k, v in project.budget.items() if v is not None and k in BUDGET_NAMES
    }
    for label in named:
        if any(label_named(label, o) or label_named(o, label) for o in (*own, *fields)):
            return None
    return refusal(q, f"这个项目的表中没有“{named[0]}”一栏")


PART_LINE = re.compile(r"结转|财政拨款|财政资金|其他资金|自筹|其中")


# what a table is made of: counted by the plans that read its structure
PARTS_OF_A_TABLE = re.compile(
    r"指标|子项|项目|张表|部分|方面|阶段|条|点|文件|依据|年|月|目标|级|类|元|万|亿|钱|成|倍|折|比例|比重|百分|"
    r"经费|资金|预算"
)


# What no table of this kind records: people, contacts, unit prices
UNRECORDED = re.compile(
    rf"(?P<what>{PEOPLE}|名字|联系电话|电话|联系方式|单价|每台多少钱|每个多少钱|"
    r"地址|办公地点|造价|供应商|中标单位|承包商|厂家|品牌|牌子|型号|面积|每(?:一)?[台部个套件辆次架张本把只条块间座批场期名位家棵盏处所栋幢艘枚颗根](?:的?价格|的?单价|要?花|大概|大约)*多少钱|"
    r"每(?:一)?[台部个套件辆次架张本把只条块间座批场期名位家棵盏处所栋幢艘枚颗根]的?(?:价格|单价)|"
    r"三公经费|基本支出|人员经费|公用经费|工资|部门收入|收入预算|收支总|在职人数|编制人数|"
    r"合同金额|合同价|合同额|中标价|中标金额|签约金额|部门预算(?![中里])|整个部门|全部门|部门总预算|整个单位|"
    r"罚没收入|罚没|罚款收入|采购金额|采购额|结余|追加|配套资金|配套|拨付计划|分期拨付|"
    r"季度|月度|已完成投资|完成投资|人均|每人|每天的标准|测算依据|测算过程|计算依据|"
    r"[平分]?摊到?每|[平分]?摊到各|每名|每位|每个[^，,。？?]{0,8}?人员|"
    r"采购方式|公开招标|单一来源|竞争性谈判|竞争性磋商|询价|调整过|调整预算|预算调整|"
    r"加班费|物业费|总支出|部门支出|全部支出|整体支出|全院支出|补助|转移支付|"
    r"区级财政|区财政|中央财政|区级资金|平均水平|全市平均|全国平均|全区平均|行业平均|"
    r"项目编码|项目代码|项目编号|功能分类|经济分类|支出科目|科目编码|科目代码|预算科目|"
    r"同类平均|用于政府购买服务|购买服务(?:(?!项目)[^，,。？?]){0,6}?(?:金额|预算|花|多少)(?![^，,。？?]{0,4}项目)|专户|社会资本|哪一?级财政)"
)
FOREIGN_MONEY = re.compile(r"美元|美金|欧元|日元|英镑|港币|港元|外币|汇率")
# A company asked for by name (哪家公司中的标): the tables name none (no 有限公司 in them)
COMPANY = re.compile(
    r"哪几?(?:家|个|一家)(?:公司|企业|厂商?|供应商|承包商|服务商|中标)|什么(?:公司|企业)|"
    r"公司(?:名称|名字|叫什么)|(?:谁|哪[几一]?[家个]|什么单位)(?:最后|最终)?中的?标|"
    r"中标(?:单位|方|公司|企业|结果|价|了吗|了没|的是)|谁家"
)
COMPANY_NAME = re.compile(r"[\u4e00-\u9fff]{2,}(?:有限公司|有限责任公司|集团|研究院)")


@per_generation
def _names_a_company(store: ProjectStore) -> bool:
    """Whether any table of the corpus names a company (searched once per generation)."""
    return bool(COMPANY_NAME.search(linker(store).text))


def _unrecorded(q: Question) -> Answer | None:
    """People's names, contacts and unit prices, where the tables' text never holds the word."""
    if PAYMENT.search(q.text):
        return refusal(q, "表中没有写拨付的时间和次数")
    if FOREIGN_MONEY.search(q.text):
        return refusal(q, "表中金额只以人民币列示，没有外币金额或汇率")
    if COMPANY.search(q.text):
        # the project's texts, or the corpus's (joined once per generation by the linker)
        named = (
            any(COMPANY_NAME.search(t) for t in project_texts(q.projects))
            if q.projects
            else _names_a_company(q.store)
        )
        if not named:
            return refusal(q, "绩效目标表没有写承担工作的公司名称")
    found = UNRECORDED.search(q.text)
    if found is None:
        return None
    mean = re.search(r"平均[^，,。？?]{0,4}每个|每个项目平均|平均一个", q.text)
    if found["what"].startswith("每个") and len(q.projects) != 1 and mean:
        return None  # 两个项目平均每个多少钱, 平均下来每个多少: the mean of the projects' money
    texts = project_texts(q.projects) if q.projects else None
    said = any(found["what"] in t for t in texts) if texts is not None else None
    if said or (said is None and q.linker.mentions(found["what"])):
        return None  # the project's own text (or, of no project, the corpus) says it
    what = found["what"]
    if re.match(r"摊|平摊|分摊|每", what):
        what = "按人、按件分摊的金额"  # 摊到每个派驻人员多少钱
    return refusal(q, f"绩效目标表不记载{what}")


# 普陀区2026年绿化养护项目: the words just before 项目/工程 that name a project
NAMED_PROJECT = re.compile(r"([\u4e00-\u9fff]{2,10})(?:项目|工程)(?!类)")
NOT_A_NAME = re.compile(
    r"年度?|的|里|中|区|市|县|省|哪些|哪个|哪几个|什么|这个|那个|这些|那些|所有|全部|各个|各|"
    r"其他|该|本|两个|几个|[一二三四五六七八九十]+个|多少个?|一共|总共|共|有|是|了|和|与|及|或|占|比|跟|"
    r"同类|类似|相似|这类|那类|此类"
)


# words of a name: nouns and verbs (绿化养护, 量子计算), not pronouns, numerals, adverbs …
NOUN_TAGS = ("n", "v", "j", "l", "eng")


def _unheld_name(q: Question) -> Answer | None:
    """A project's name no table is of, made of words of two names (see `Question.unheld`)."""
    return refusal(q, f"语料中没有“{q.unheld}”这个项目") if q.unheld else None


def _unknown_named_project(q: Question) -> Answer | None:
    """A project named by words that occur nowhere in the corpus (绿化养护项目), whatever
    place or year the question gives it."""
    if q.projects or q.part is not None:
        return None
    names = matcher(q.store)
    for found in NUMBERED.finditer(q.text):  # 2.4米望远镜…: a number other than a name's
        fragment = found["words"][:3]
        at = found.start("words")
        for n in names.fragments.get(fragment, ()):
            if contrasted(q.text[:at], names.projects[n].name, fragment):
                return missing_project()
    import jieba.posseg as posseg

    for found in NAMED_PROJECT.finditer(re.sub(r"《[^》]*》", "|", q.rest)):
        name = NOT_A_NAME.split(found.group(1))[-1]
        if len(name) < 2 or _known(q, name):
            continue
        tags = [t.flag for t in posseg.cut(name)]
        # 平均下来每个: no name; 真北路下立交: a place's name and a thing (nouns, no pronoun)
        plain = all(t.startswith(NOUN_TAGS) for t in tags)
        placed = any(t.startswith("n") for t in tags) and not any(
            t.startswith(("r", "m", "q", "u", "p", "c")) for t in tags
        )
        if plain or placed:
            return refusal(q, f"语料中没有“{name}”项目")
    return None


NUMBERED = re.compile(r"\d+(?:\.\d+)?[米号期座台](?P<words>[\u4e00-\u9fff]{3,})")
NUMBER_OF = re.compile(
    r"(?P<noun>[\u4e00-\u9fff]{2,4}?)的?(?:数量|数目|个数|总数|人数)(?:是|有|为)?(?:多少|几)"
)


# 口径多大, 隧道段有多长: a size of a thing
DIMENSION = re.compile(
    r"(?P<thing>[A-Za-z0-9\u4e00-\u9fff]{2,10}?)的?(?:有|是)?"
    r"(?P<size>口径|尺寸|长度|宽度|高度|深度|重量|限高|限宽|净高|净宽|净空|层高|"
    r"多长|多宽|多高|多大|多重|多深|"
    r"[长宽高深](?=(?:是|为|有|约|大约|大概)?(?:多少|几)(?:米|公里|千米|厘米|毫米)))"
)
MONEY_OR_AMOUNT = re.compile(r"钱|资金|预算|经费|盘子|总额|金额|数据|量|规模")
SHARE_AFTER = re.compile(r"[^，。？?]{0,4}(?:比例|比重|占)")
LENGTHS = r"(?:米|公里|千米|厘米|毫米|吨|千克|公斤|平方米|km|m|mm|TB|PB|GB|角秒|核)"


# the words that name a size asked by one character (长 → 长度)
MEASURE_NAMES = {"长": "长度", "宽": "宽度", "高": "高度", "深": "深度", "重": "重量"}


def _dimension(q: Question) -> Answer | None:
    """A size asked of a thing (FAST望远镜口径多大, 隧道段有多长) that no text gives a number of
    length or weight for near it."""
    said_in = re.sub(r"[(（][^)）]*[)）]", "", q.rest or q.text)  # 隧道段（暗埋段）: the first name
    found = DIMENSION.search(said_in)
    named = q.indicators is not None and q.indicators.whole  # 道路建设长度: a row's name
    if found is None or named:
        return None
    share = SHARE_AFTER.match(said_in[found.end() :]) or re.search(r"占|比重|比例", said_in)
    if share:
        return None  # 占了多大比例, 占…的比重有多大: a share, not a size
    thing, size = found["thing"], found["size"]
    size = f"{size}度" if len(size) == 1 else size  # 长多少米: its length
    if re.search(r"周期|工期|期限|时间|时长|年限|期$", thing):
        return None  # 周期多长: a time, answered by its dates
    itself = not re.sub(  # 下立交打算修多长: the project itself, not a part of it (隧道段)
        r"那个|这个|那条|这条|打算|准备|计划|总共|一共|要|修|建|的|有|是|\|", "",
        outside(thing, "|".join(p.name for p in q.projects) + "|" + (q.mention or "")),
    )  # fmt: skip
    rows = [r for p in q.projects for r in p.indicators]
    way = re.sub(r"[多度量]", "", found["size"])[-1:]  # 多宽, 宽度, 宽: 宽
    named_way = MEASURE_NAMES.get(way) if way != "重" else None  # lengths of a kind
    lengths = [r for r in rows if re.search(rf"\d\s*{LENGTHS}", r.target)]
    if named_way and way != "长":  # 道路宽多少米: not answered by a row of its length
        lengths = [r for r in lengths if named_way in r.name or way in r.name]
    if itself and lengths:
        return None  # a row of its table is a length (道路建设长度 985米)
    measure = MEASURE_NAMES.get(found["size"][-1])
    own = [w for w, _, _ in words(thing) if len(w) >= 2]
    if measure and any(measure in r.name and any(w in r.name for w in own) for r in rows):
        return None  # 道路修多长: the row 道路建设长度
    if MONEY_OR_AMOUNT.search(thing) or any(f in BUDGET_NAMES for f in q.fields):
        return None  # 总盘子是多大, 数据量要求多大: money or an amount, not a size
    texts = project_texts(q.projects or q.store.projects)
    # the thing (总内存 of 总内存要求多大), or (in the named project's table) the size word 口径,
    # with a length nearby
    asking = (
        r"(?:要求|需要|标准|规定|至少|最少|总共|一共|总|共|得|要|能|的|打算|准备|计划|各有|各)+$"
    )
    thing = re.sub(asking, "", thing) or thing
    said = "|".join(re.escape(t) for t in {thing[-3:], thing[-2:]})  # 道路红线: 规划红线宽度
    said += f"|{re.escape(size)}" if q.projects and size == found["size"] else ""  # 口径
    other = "".join(ch for ch in "长宽高深" if ch != way) if named_way else ""
    for t in texts:  # the thing, then a length (not one of another measure: 全长 of 宽多少)
        for m in re.finditer(rf"(?:{said})([^，。；,;]{{0,10}}?){NUMERAL}\s*{LENGTHS}", t):
            if not other or not re.search(f"[{other}]", m.group(1)):
                return None
    # 规划的路有多宽: a word of the thing, then the size's own word and a length, in one clause
    # (规划红线宽度为52.5米)
    way = re.escape(found["size"][-1])
    for word in (w for w in own if not re.fullmatch(r"[的了是有]+", w)):
        near = (
            rf"{re.escape(word)}[^，。；,;]{{0,12}}?{way}[^，。；,;]{{0,6}}?{NUMERAL}\s*{LENGTHS}"
        )
        if any(re.search(near, t) for t in texts):
            return None
    named = thing.strip("|的") if len(thing.strip("|的")) >= 2 else "它"  # the user's name for it
    return refusal(
        q, f"表中没有写明{named if named == '它' else f'“{named}”'}的{size.removeprefix('多')}"
    )


def _count(q: Question) -> Answer | None:
    """A count the question asks of one project (多少人受益, 几个工作人员) where nothing in its
    table is a number of that measure: the table does not say."""
    if q.fields or names_rows(q) or q.level_word or AGAINST_AVERAGE.search(q.text):
        return None  # a field, a whole indicator, a level, or 平均线以上 counted by the plans
    found = COUNTED.search(q.rest)
    number_of = NUMBER_OF.search(q.rest)  # 案件数量是多少: the count of a noun
    if found is None and number_of is not None:
        found = number_of
        measure, noun = "个", number_of["noun"].lstrip("的")
    elif found is None or PARTS_OF_A_TABLE.search(found["measure"] + found["noun"]):
        return None
    else:
        measure, noun = found["measure"], found["noun"]
    if PARTS_OF_A_TABLE.search(noun):
        return None
    if measure == "个" and not noun:
        return None
    scope = q.projects
    other = len(noun) >= 2 and q.indicators is not None  # 配了多少工作人员: of a thing no row
    other = other and not any(noun in r.name for _, r in q.indicators.rows)  # it names counts
    if not scope and not q.conditions and other:
        owners = {p.id: p for p, _ in q.indicators.rows}  # LAMOST运行维护配了多少人: the one
        scope = list(owners.values()) if len(owners) == 1 else []  # table its rows are of
    if len(scope) > 1 or not (scope or q.conditions):
        return None  # one project, or the projects a condition leaves (普陀…无人机一共几架)
    texts = project_texts(scope or q.chosen)
    if any(counted_in(text, measure, noun) for text in texts):
        return None
    unit = re.escape((measure + noun)[-1])  # 访问量多少人次: a row's ≥13万次
    if q.indicators is not None and any(
        re.search(rf"\d\s*[万亿千百]?\s*{unit}", row.target) for _, row in q.indicators.rows
    ):
        return None
    what = noun if found is number_of else found.group(0).lstrip("多少几")
    return refusal(q, f"这个项目的表中没有写明有多少{what}")


# 数据下载量指标定了多少: the words just before 指标 that name one
INDICATOR_ASKED = re.compile(
    r"([A-Za-z\u4e00-\u9fff]{2,12}?)(?:这个|这项|这一项?)?指标|"
    # 设备闲置率目标定了多少: a measure's name (…率, …度, …量) and 目标
    r"([\u4e00-\u9fff]{1,10}?(?:率|度|量|数|次数|天数|人次|时长))的?(?:目标|要求|标准)"
)
NOT_AN_INDICATOR = re.compile(
    r"绩效|哪|几|多少|什么|一级|二级|三级|主要|核心|关键|具体|所有|全部|各项|各|这些|那些|这个|那个|"
    r"项目|量化|定量|权重|分值|最高|最低|最多|最少|最大|最小|"
    r"定性|其他|其它|别的|相关|有关|方面|之类|考核|考评|评价|条|年度|总|个|项|的|有|设了|设置|了|和|与|及|是|里|中|(?<![发代图列])表"
)


LATIN_ROW = re.compile(r"([A-Za-z]{2,})\s*的?\s*([\u4e00-\u9fff]{3,})")


def _latin_row(q: Question) -> Answer | None:
    """LAMOST的数据获取量: a row named by a Latin name and words that rows of other Latin
    names end with (FAST数据获取量), none of them of this one: no table sets it."""
    if not LATIN_ROW.search(q.text):
        return None
    rows = [r for p in q.chosen for r in p.indicators] if q.projects else None
    names = [re.sub(r"\s+", "", r.name) for r in rows] if rows is not None else q.linker.names
    for found in LATIN_ROW.finditer(q.text):
        latin, words = found[1].lower(), found[2]
        for size in range(len(words), 2, -1):
            having = [n for n in names if words[:size] in n]
            if having:
                break
        else:
            continue
        if any(latin in n.lower() for n in having):
            continue
        if all(re.search(r"[A-Za-z]{2,}", n) for n in having):  # FAST数据获取量 only
            said = "、".join(dict.fromkeys(having[:3]))
            return refusal(q, f"语料中没有“{found[1]}{words[:size]}”这项指标（有的是{said}）")
    return None


def _unknown_indicator(q: Question) -> Answer | None:
    """An indicator asked of one project by words none of its rows' names share (国家天文
    科学数据中心的数据下载量指标定了多少), or of no project with a Latin name none of the rows
    holding its other words has (LAMOST数据获取量: only FAST has one): no table sets it."""
    if len(q.projects) > 1 or q.part is not None:
        return None
    found = INDICATOR_ASKED.search(q.rest)
    if found is None:
        return None
    # the words right before 指标 (设了多少个三级指标: none but generic ones)
    named = NOT_AN_INDICATOR.split((found.group(1) or found.group(2)).rstrip("的"))[-1]
    if len(named) < 2 or q.linker.level_word(named) or any(named in lv for lv in q.linker.levels):
        return None  # 成本指标, 满意度指标: a kind of indicator
    if not q.projects:
        latin = re.match(r"([A-Za-z]{2,})(.{2,})", named)
        if latin is None:
            return None
        holders = [n for n in q.linker.names if latin.group(2) in n]
        if holders and all(latin.group(1).lower() not in n.lower() for n in holders):
            return refusal(q, f"语料中没有“{named}”这项指标")
        return None
    project = q.projects[0]
    if q.indicators is not None and any(owner is project for owner, _ in q.indicators.rows):
        return None
    stretches = {named[i : i + 4] for i in range(max(1, len(named) - 3))}
    if any(s in text for s in stretches for text in project.sections.values()):
        return None  # 空间分辨率要求多少: a requirement its text states
    if q.indicators is not None and q.indicators.whole and q.mention != project.name:
        return None  # 院本部大楼维修的建筑节能: the project that sets it may be meant
    names = [re.sub(r"\s+", "", r.name) for r in project.indicators]
    pairs = {named[i : i + 2] for i in range(len(named) - 1)}
    if not names or any(pair in name for pair in pairs for name in names):
        return None
    return refusal(q, f"这个项目的表中没有“{named}”这项指标")
