"""read → check → plan → answer → verify → cite, in one generation of the index."""

from __future__ import annotations

import re
from typing import Any

from indexer.money import BUDGET_NAMES

from ..backend import Pinned, SearchBackend
from . import answers as a
from . import plans as p
from .answers import Answer, read_question
from .checks import ACTUAL, check, opinion, refusal, scope_check
from .verify import (
    AMOUNT,
    FIGURE_ANSWERS,
    MONEY_ASKED_OF,
    YEARS,
    part_of_money,
    part_of_whole,
    qualified_figure,
    refused_for,
    verified,
)

NOT_FOUND = "语料中没有找到与这个问题相关的内容。"

# The plans, most specific first; the first that answers does.
PLANS = (
    a.cited_by_number,
    p.cited_in_year,
    a.cited_by_title,
    p.cited_by_agency,
    p.compare_named,
    p.fields_compared,
    p.level_of_named,
    p.indicator_of_each,
    p.field_of_each,
    a.compare_budgets,
    a.ambiguous,
    p.project_against_group,
    p.ratio_to_last_year,
    p.difference_of_own,
    p.several_fields,
    a.project_citations,
    p.project_weights,
    p.target_form,
    p.family_targets,
    a.indicator_target,
    p.last_year_rate,
    p.rows_where,
    p.indicator_count,
    p.sub_project_list,
    p.share_of_own,
    p.share_of_group,
    p.printed_amounts,
    p.all_have,
    p.value_yes_no,
    p.field_of_group,
    p.section_of_group,
    a.usual_targets,
    p.sum_of_targets,
    p.named_indicators,
    p.indicator_by_pairs,
    p.level_yes_no,
    p.projects_mentioning,
    a.level_indicators,
    p.share_of_total,
    p.rank_position,
    a.project_fact,
    p.unchanged,
    p.extreme_target,
    p.projects_with_line,
    p.change_ranking,
    p.level_of_each,
    p.projects_by_level,
    p.projects_with_weights,
    p.sum_of_lines,
    a.against_average,
    a.over_projects,
    a.unknown_project,
    p.sub_project_purpose,
    p.each_listed,
    p.term_meaning,
    p.project_passages,
    a.best_sentences,
)


# Where one line holds several questions: question marks and semicolons always; 和 及 、
# and commas only between two parts that each ask something.
MAX_PARTS = 6  # questions in one line answered one by one (more: the line as one question)
HARD_BREAK = re.compile(r"[？?；;]")
SOFT_BREAK = re.compile(rf"{a.AND}|同时|，|,|\s+")
SAME = re.compile(r"^[^，,。？?]{0,24}?(?:一样|相同|相等|不同|不一样|区别|差别|比较|相比|对比)")
QUOTE_OPEN = re.compile(r"[“「《][^”」》]*$")
ASKS = re.compile(
    r"什么|多少|(?<![这那])几|哪|吗|是否|有没有|会不会|能不能|要不要|怎么|何时|谁|分别|"
    r"多[大长宽高重久深]|啥|呢$"
)


def answer(backend: SearchBackend, question: str) -> dict[str, Any]:
    """The answer to a question (SPEC §4): text, type and sources, all from one generation."""
    found = ask(backend, question)
    return {key: found[key] for key in ("question", "answer", "answer_type", "sources")}


# 不确定这个能不能查：…, 请教个问题: …: words about the asking, before a colon
PREAMBLE = re.compile(r"^[^：:，,。？?]{2,20}?[：:]\s*(?=\S)")
ABOUT_ASKING = re.compile(
    r"不确定|不知道|能不能查|可不可以查|能否查|查得到|查不查得到|想问|请问|问一下|问下|麻烦|帮我|"
    r"帮忙|请教|咨询|你好|您好|老师|顺便|另外|问个|有个问题|一个问题|小问题"
)


def without_preamble(question: str) -> str:
    """The question without words about the asking said before a colon."""
    found = PREAMBLE.match(question)
    if not found or not ABOUT_ASKING.search(found.group(0)):
        return question
    # only words of asking (不确定这个能不能查：…), nothing the question is about (麻烦查一下
    # 机关服务费：预算多少 keeps its project)
    left = ABOUT_ASKING.sub("", found.group(0))
    left = re.sub(r"[这那]个|一下|下|查|看|问|个|的|了|吧|啊|呀|哈|我|想|能|[：:\s]", "", left)
    return question[found.end() :] if not left else question


def ask(backend: SearchBackend, question: str) -> dict[str, Any]:
    """`answer`, and what the question was read as (`reading`, for the /ask page)."""
    question = without_preamble(question)
    with backend.snapshot() as snapshot:
        pinned = Pinned(snapshot)
        store = pinned.store()
        whole = read_question(question, store, pinned)
        asked = without_premise(question)
        # 既然北京市检察院也报了…，那它的…: a premise's scope holds for the question after it
        own_scope = a.years_in(asked) or re.search(r"[省市区县局院台厅]", asked)
        premise_scope = scope_check(whole) if asked != question and not own_scope else None
        if asked != question:  # 标了含政府购买服务，那这部分多少钱: the premise names the project
            premised = read_question(asked, store, pinned)
            if not premised.projects:
                premised.projects, premised.mention = whole.projects, whole.mention
                premised.part = whole.part
            if not premised.projects and not premised.conditions:  # 既然天文台有9个项目，那…
                premised.conditions = whole.conditions
            whole = premised
        found = premise_scope
        parts = split_parts(asked, [p.name for p in whole.projects])
        several = len(whole.projects) == 1 and len(whole.fields) > 1
        # 分哪几个子项目，当年预算比上年少了多少: a part asks no field; each part its own plan
        # 上年执行数是多少，今年截至目前实际执行了多少: a part the corpus cannot answer
        several = several and not (
            any(_asks_apart(part) for part in parts) or any(ACTUAL.search(p) for p in parts[1:])
        )
        if several and len(parts) > 1 and opinion(whole) is not None:
            several = False  # 预算多少？是不是花太多了: the fact answered, the opinion refused
        if found is None and len(parts) > 1:  # several questions one reading answers whole
            found = next((f for plan in LINE_PLANS if (f := plan(whole)) is not None), None)
            if found is not None and found.type == "not_in_corpus":
                # a scope stated once holds for the line only when stated first (静安区2026年…，
                # 满意度呢) or last, asking nothing (…分别多少？说的是2024年度); 目标值多少，
                # 还有25年实际达到多少: the later part's own
                first = read_question(parts[0], store, pinned)
                first.projects = first.projects or whole.projects
                tail = _scope_clause(asked, whole, store, pinned)
                found = found if scope_check(first) is not None or tail else None
        by_parts = None
        if found is None and len(parts) > 1 and not several:  # several fields: one plan
            found = by_parts = _answer_parts(parts, whole, store, pinned)
        if found is None:
            found = _answer_one(whole)
            asking = len(parts) > 1 and all(_asks(part) for part in parts)  # 我问的是2019年的
            if several and asking and found.type == "not_in_corpus":
                # 当年预算比上年多多少？档案数字化工作验收合格率目标: a refusal of the line read
                # whole (上年 and a row) that its parts, each read alone, do not meet
                apart = _answer_parts(parts, whole, store, pinned)
                held = apart is not None and apart.type not in ("not_in_corpus", a.PARTLY)
                found = apart if held else found  # a part refused too: the refusal stands
            found = _with_fields_left(whole, found) if len(parts) < 2 else found
            found = _with_parts_left(parts, whole, found, store, pinned)
        elif len(parts) > 1:  # 及时率，多长时间内算及时: the line asks what its parts did not
            found = verified(whole, found)
        several_answers = found.type in ("several_fields", "several_parts", a.PARTLY)
        figure = (found.type in FIGURE_ANSWERS and len(parts) > 1) or several_answers
        # of several answers, a qualifier stated in the first part or in a closing clause that
        # asks nothing (施工阶段有哪些安全措施 is a part's own); a line answered part by part had
        # each part's money checked on its own
        line = question if not several_answers else _qualifying(asked, parts)
        of_parts = found.type in ("several_fields", a.PARTLY) and not by_parts
        qualified = figure and _held_back(
            found, line, parts[0] if parts else asked, whole, parts if of_parts else [], pinned
        )
        if not qualified and _money_dropped(question, whole, found):
            qualified = "其中这一部分的金额（表中只有整个项目的预算和各栏资金）"
        if qualified:
            # 今年预算多少？要调整以后的数: a clause that asks nothing qualifies the figure;
            # 调整后的预算和目标, 第一季度的预算和完成率: a qualifier stated first, of every part
            kept = _parts_without_figures(found) if several_answers else []
            found = refused_for(whole, qualified, found)
            kept = [s for s in kept if s.split("，")[0] not in found.text]  # not said twice
            if kept:  # 项目类别是特定目标类: what the line also asked, still said
                held = any("无法回答" not in s for s in kept)  # not only parts refused too
                found = Answer(
                    found.text + "".join(" " + s for s in kept),
                    a.PARTLY if held else found.type,
                    found.sources,
                )
        if several_answers and not re.search(r"权重|分值", question):
            found = Answer(a.without_weights(found.text), found.type, found.sources)
    return {
        "question": question,
        "answer": found.text,
        "answer_type": found.type,
        "sources": found.sources,
        "reading": reading(whole, parts),
    }


# answers that hold no money of their own: a money part of the line would go unanswered
NO_MONEY_ANSWERS = ("indicator_target", "level_indicators", "project_fact", "passage", "section")


# money named as one of the things a line asks (预算金额和…, 费用、…)
MONEY_LISTED = re.compile(r"(?:预算|经费|费用|金额|成本|价格|拨款)(?:金额)?(?:和|、|及|与|以及)")


# amounts of last year a table prints: never a part's money, always the project's
LAST_YEAR_FIELDS = ("prev_year_budget", "prev_year_spent")
# answers that answer nothing of the line: no part of it is added to them
UNANSWERED = ("not_found", "sentences", "not_in_corpus", a.PARTLY)


def _with_fields_left(whole, found: Answer) -> Answer:
    """上年执行数 经济效益指标: last year's money a one-part line asks beside rows, said too."""
    if len(whole.projects) != 1 or found.type not in NO_MONEY_ANSWERS or AMOUNT.search(found.text):
        return found
    facts = [a.FACTS[f](whole.projects[0], f) for f in whole.fields if f in LAST_YEAR_FIELDS]
    return _joined(found, facts, a.of_parts(facts, "several_parts")) if facts else found


def _joined(found: Answer, added: list[Answer], kind: str) -> Answer:
    """An answer with others said after it."""
    return Answer(
        " ".join(x.text for x in [found, *added]),
        kind,
        [s for x in [found, *added] for s in x.sources],
    )


def _with_parts_left(parts: list[str], whole, found: Answer, store, backend) -> Answer:
    """A line of several questions about one project that one plan answered whole (占总额比例，
    项目周期从哪年到哪年): each part that answer leaves out answered on its own and added."""
    if len(parts) < 2 or len(whole.projects) > 1 or found.type in UNANSWERED:
        return found
    added: list[Answer] = []
    for part in parts:
        if _premise_only(part) or not _asks(part):
            continue
        q = read_question(part, store, backend)
        if q.projects and q.projects != whole.projects:
            continue
        if not q.projects:
            q.projects, q.mention, q.part = whole.projects, whole.mention, whole.part
        own = _answer_one(q, in_parts=True)
        if own.type in UNANSWERED or any(_said(own, said) for said in [found, *added]):
            continue
        added.append(own)
    return _joined(found, added, "several_parts") if added else found


FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
MONEY_FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)")


def _amounts_in(text: str) -> set[int]:
    """The amounts a text gives, in yuan."""
    return {a.yuan_of(n.replace(",", ""), u) for n, u in MONEY_FIGURE.findall(text)}


def _said(own: Answer, found: Answer) -> bool:
    """Whether an answer says what another already does: its text, or its figures."""
    if own.text in found.text:
        return True
    # amounts by their value (771,325,800 元 is 77,132.58 万元), other figures as written
    rest = MONEY_FIGURE.sub("|", YEARS.sub("", own.text))
    amounts = _amounts_in(own.text)
    figures = [f for f in FIGURE.findall(rest) if len(f) > 1]
    if amounts or figures:
        return amounts <= _amounts_in(found.text) and all(f in found.text for f in figures)
    sentences = [x.strip() for x in re.split(r"[。；]", own.text) if len(x.strip()) >= 8]
    return any(x.split("：")[-1] in found.text for x in sentences)


# a part that begins with what a subject does (占全部的几成, 比去年多多少, 排第几): of the thing
# the part before answered
SUBJECTLESS = re.compile(
    r"(?:它|其|这个|那个|该项目)?(?:占|比(?![较例重])|排(?!序)|在.{0,12}(?:占|排(?!序)))"
)


# the projects a part before listed, pointed at (这些项目, 它们, 上述几个)
THOSE = re.compile(r"这些|这几个|那些|那几个|它们|上述|以上这?几个")


def _answered_of(answers: list[Answer], store, several: bool = False) -> list:
    """The projects the last answer is about (from its sources, in their order): the one
    project ([] if it is about several), or with `several` every project it lists."""
    if not answers or answers[-1].type in UNANSWERED:
        return []
    ids = list(dict.fromkeys(s.get("project_id") for s in answers[-1].sources))
    if None in ids or not ids or (not several and len(ids) > 1):
        return []
    if len(answers[-1].sources) >= a.MAX_SOURCES:
        return []  # sources cut at their most: the projects listed may be more
    projects = [store.get(i) for i in ids]
    return [p for p in projects if p is not None]


def _money_dropped(line: str, whole, found: Answer) -> bool:
    """Whether a line asks money (教育培训经费预算金额和培训考核通过率) that its answer, of
    another kind, leaves out: the money asked is of something the table does not price."""
    # 拆违经费和…, 预算与实际工作相符: a project's or a row's name, not money asked
    for said in [*(whole.mention or "").split("、"), *re.findall(r"“([^”]+)”", found.text)]:
        # a name's own ending typed after the mention (派驻农场检察院|经费) is the name's too
        line = re.sub(rf"{re.escape(said)}(?:{a.NAME_SUFFIX})?", "|", line) if said else line
    asks_money = MONEY_ASKED_OF.search(line) or MONEY_LISTED.search(line)
    return bool(asks_money) and found.type in NO_MONEY_ANSWERS and not AMOUNT.search(found.text)


def _parts_without_figures(found: Answer) -> list[str]:
    """The sentences of a several-part answer that give no figure (a category, a
    department), kept beside the refusal of the figure another part asks."""
    sentences = re.split(r"(?<=。)\s+", found.text)
    kept = [
        s
        for s in sentences
        if s.strip()
        and not re.search(r"\d", DATES.sub("", YEARS.sub("", s)))  # dates are no figures
        and not s.startswith("语料中")  # what the corpus holds: the refusal says it again
    ]
    return kept


DATES = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}")


# the words of the fields that are no money (项目类别, 实施单位), longest first
OTHER_FIELDS = sorted(
    (s for name, spellings in a.FIELD_WORDS if name not in BUDGET_NAMES for s in spellings),
    key=len,
    reverse=True,
)


def _asks_apart(part: str) -> bool:
    """A part of a line that asks what no field is (分哪几个子项目, 实施期限多长 before the word
    was known): answered by a plan of its own, never dropped by the several fields' one."""
    if a.asked_fields(a.fold(part)):
        return False
    if OWN_PLAN.search(part):
        return True
    words = re.sub(
        rf"{ASKS.pattern}|{a.AND}|项目|[^\u4e00-\u9fff]|[的了是呢吗还又也都各]", "", part
    )
    return _asks(part) and len(words) >= 3


def _held_back(found: Answer, said: str, first: str, q, parts: list[str], backend) -> str | None:
    """What a figure-giving answer leaves out that the words ask and no table holds: a
    qualifier of the figure (`said`), a part of the project or its year (`first`), the money
    of a part one of `parts` asks; None if nothing."""
    money = any(s.get("section") == "budget" for s in found.sources)
    qualified = qualified_figure(said, money) or part_of_whole(first, q.projects)
    if not qualified and money and parts:
        qualified = _part_money_asked(parts, q, q.store, backend)
    return qualified


def _part_money_asked(parts: list[str], whole, store, backend) -> str | None:
    """Of a line asking several things of one project, the money of a part of it that one
    part asks (隧道工程这块预算多少，项目类别是啥): what the table does not print, or None."""
    if len(whole.projects) != 1:
        return None
    rows = [row.name for row in whole.projects[0].indicators]
    if whole.indicators is not None and whole.indicators.whole:  # a row named in other words
        rows.append(whole.indicators.words)
    for part in parts:
        part = re.sub(r"^(?:还有|和|及|与)", "", part)  # 还有上年预算额 (以及, 另外: split_parts)
        for spelling in OTHER_FIELDS:  # 预算和实施单位: the money's words only
            part = part.replace(spelling, "|")
        for name in filter(None, rows):  # 系统安全等级达标率、上年预算额: a row asked
            part = part.replace(name, "|")
        q = read_question(part, store, backend)
        if q.projects not in ([], whole.projects) or not any(f in BUDGET_NAMES for f in q.fields):
            continue
        q.projects, q.mention = whole.projects, q.mention or whole.mention
        missing = part_of_money(q, whole.projects[0])
        if missing:
            return missing
    return None


def _clauses(line: str) -> list[str]:
    """A line cut at its punctuation and spaces."""
    return [c for c in re.split(r"[，,？?。；;！!\s]+", line) if c]


def _qualifying(line: str, parts: list[str]) -> str:
    """The words of a line that qualify all its parts: the first part, and a closing clause
    that asks nothing (…分别多少？要调整以后的)."""
    clauses = _clauses(line)
    silent = [c for c in clauses[1:] if not _asks(c)]  # 要年中调整以后的数，不要年初报的那个
    return "|".join([parts[0] if parts else line, *silent])


def _scope_clause(line: str, whole, store, backend) -> bool:
    """Whether the line's last clause asks nothing and states a scope the corpus does not
    hold (…分别是多少？说的是2024年度; …目标，要2022年度的)."""
    clauses = _clauses(line)
    if len(clauses) < 2 or len(clauses[-1]) > 12 or _asks(clauses[-1]):
        return False
    tail = read_question(clauses[-1], store, backend)
    tail.projects = tail.projects or whole.projects
    return scope_check(tail) is not None


def _per_group(q) -> Answer | None:
    """检察院那批表是哪一年的？普陀区的和天文台的呢: one question asked of each group."""
    return a.over_projects(q) if len(a.groups_named(q)) > 1 else None


# Lines of several questions that are answered as a whole, before they are cut into parts:
# a scope stated once (静安区2026年…，满意度目标呢), targets added up over projects picked in
# one part (设了X的那几个项目，合计多少), the same question of several groups.
LINE_PLANS = (scope_check, p.sum_of_targets, p.family_targets, p.project_against_group, _per_group)


def reading(q, parts: list[str]) -> dict[str, Any]:
    """What the question was read as (the /ask page says it back): the projects, the
    sub-project, the fields, indicators and years it mentions, and its parts."""
    return {
        "projects": [p.name for p in q.projects][:5],
        "sub_project": q.part.title if q.part is not None else None,
        "fields": q.fields,
        "indicators": q.indicators.names[:5] if q.indicators is not None else [],
        "years": q.years,
        "parts": parts if len(parts) > 1 else [],
    }


def _answer_one(q, in_parts: bool = False) -> Answer:
    found = check(q)
    if found is not None:
        return found
    # 谁多？多多少: a part that names nothing of its own, answered by loose sentences, is
    # returned as it is (the line is then read whole)
    bare = in_parts and len(re.sub(rf"{ASKS.pattern}|[^\u4e00-\u9fff]", "", q.text)) <= 2
    for plan in PLANS:
        found = plan(q)
        if found is not None and bare and found.type == "sentences":
            return found
        if found is not None:
            return verified(q, found)
    return Answer(NOT_FOUND, "not_found")


# A clause stating what a table says, then 那… asking on (勾了含政府购买服务，那购买服务这部分
# 金额多少; 成本控制写的是“达到预计标准”，那个预计标准是多少钱): the clause is the question's
# premise, not a question of its own, and its fields are not asked.
PREMISE = re.compile(r"^(?P<premise>[^？?；;]{2,}?)[，,]\s*(?P<asked>那(?![边里儿])[^，,].*)$")


# what makes a clause state something (标了, 写的是, 既然…是): not a bare field (X的预算，那…)
STATES = re.compile(r"既然|标了|勾了|写的是|写了|写着|提到|报了|列了|定了|含|是|都|有|说")


def without_premise(question: str) -> str:
    """The question without a premise clause before it (the whole question if none)."""
    found = PREMISE.match(question.strip())
    if found and not ASKS.search(found["premise"]) and STATES.search(found["premise"]):
        return found["asked"]
    return question


def split_parts(question: str, names: list[str] | None = None) -> list[str]:
    """The questions one line asks (信息化新建项目绩效类型是什么？有几个子项目？); never cut
    inside one of `names` (the projects it names: 办公及业务用房专项维修费)."""
    parts: list[str] = []
    for piece in HARD_BREAK.split(question):
        parts.extend(_split_soft(piece.strip(), names or []))
    # 另外时效指标设的什么: the word that joins a part on is no part of what it asks
    parts = parts[:1] + [LEADING.sub("", p) for p in parts[1:]]
    return [p for p in parts if p][:MAX_PARTS]


LEADING = re.compile(r"^(?:另外|以及|并且|此外|同时|顺便(?:问一?下|说一?下)?|再问一?下)[，,\s]*")


def _split_soft(piece: str, names: list[str]) -> list[str]:
    """A piece cut at the first soft break (和, 、, a comma or a space) whose two sides each
    ask something, and its right side cut again; uncut when no break has such sides."""
    inside = [
        range(m.start() + 1, m.end())
        for name in names
        if len(name) > 3
        for m in re.finditer(re.escape(name), piece)
    ]
    for found in SOFT_BREAK.finditer(piece):
        left, right = piece[: found.start()].strip(), piece[found.end() :].strip()
        if not left or not right or QUOTE_OPEN.search(left):
            continue  # nothing on one side, or inside quotes (写的是“及时”)
        if re.search(r"[写填是为成]了?[“\"「][^”\"」]{1,12}[”\"」]$", left):
            continue  # 目标只写了“及时”、没给百分比的: a value stated, what follows narrows it
        if (
            found.group() in "，,"
            and re.match(
                r"(?:是不是|是否|要)?比(?!例|重|率)|(?:差不多|大约|大概|约)?是[^，。？?]{1,30}?(?:多少|几)倍",
                right,
            )
            and not ASKS.search(left)
        ):
            continue  # 拆违经费一年的钱，比检察办案业务费少多少: one comparison
        if left.endswith("的") and re.match(r"(?:都|又|分别)?(?:是|有)(?:哪|什么|谁)", right):
            continue  # …没给百分比的，都是哪些项目: what is described, then asked who
        if any(found.start() in span for span in inside):
            continue  # 办公及业务用房专项维修费: a name, not two things
        if found.group() in ("和", "与") and SAME.search(right):
            continue  # 今年和去年预算一样: one question comparing two things
        if a.COMPARED_WITH_LAST_YEAR.match(piece, found.start()):
            continue  # 预算和上年比少了多少: the change, one question
        # 机关服务费的立项依据文号和负责部门: a field, then a short thing asked of it too
        short_tail = _asks_field(left) and 2 <= len(right) <= 8 and not found.group().isspace()
        if (_asks(left) and _asks(right)) or short_tail:
            return [left, *_split_soft(right, names)]
    return [piece]


def _asks(text: str) -> bool:
    # 和上年比，…: a comparison leading into the question; 项目资金总额里，…: the whole a part
    # is asked of; no question themselves
    whole_of = re.search(r"(?<!哪)(?:里|中|当中|之中|里面|里头)$", text) and not ASKS.search(text)
    if re.search(r"(?:相)?比(?:较)?$|来看$|来说$", text) or whole_of:
        return False
    if _premise_only(text):
        return False  # 预算比去年少了快一半，…合理吗: what the asker says, before the question
    return bool(ASKS.search(text)) or _asks_field(text)


def _asks_field(text: str) -> bool:
    from .answers import asked_fields, fold

    # …以及空间分辨率指标, 总内存要求: what is required, named as asked (…这个指标，…: what
    # a question is about, pointed at, asks nothing itself)
    named = re.search(r"(?:要求|指标)$", text.strip()) and not re.search(r"[这那]", text)
    return bool(asked_fields(fold(text))) or bool(named)


# a clause that states how much something is, as a premise (少了快一半, 压减了这么多)
STATED = re.compile(
    r"了(?:快|近|将近|差不多|足足)?(?:这么|那么)?(?:多(?![年久种项个次])|少|一半|一倍|不少|很多|许多|太多|好多|大半)|"
    r"(?:这么|那么)(?:多|少|高|低|大)|"
    # 预算执行率都写=100%: a value the asker reads off the table
    r"(?<![没不未])(?:都|一律|全都|全|统一)(?:写|填|定|设)(?:成|的|了|为)?\s*(?:[=＝≥≤<>]|>=|<=)?\s*"
    r"\d+(?:\.\d+)?\s*%?(?![\d.个项年米条次人台名位天])|"
    r"(?<![没不未])(?:写|填|定|设)(?:成|的|了|为)?\s*(?:[=＝≥≤<>]|>=|<=)\s*\d+(?:\.\d+)?\s*%?|"
    r"(?<![没不未])(?:写|填|定)(?:成|的|了|为)?\s*\d+(?:\.\d+)?\s*%"
)


def _premise_only(text: str) -> bool:
    """A clause that only states how much something is (压减了这么多), asking nothing."""
    return bool(STATED.search(text)) and not ASKS.search(text)


AGAIN = re.compile(r"又|也|呢$")
# a part that asks something of its own kind, not a field: sub-projects, indicators, lists
OWN_PLAN = re.compile(r"子项目|哪几个|哪些|指标|几个")
MOST = re.compile(r"最[多少高低大小]")
COUNTED_THING = re.compile(r"几个|多少个|几项|几条|几台|几次")  # 立几个课题: a count, no amount
# a measure a question goes by: 按百分比, 按金额算, 以增幅计
BY = re.compile(
    r"(?:按|以(?![上下内外前后来及])|用)([\u4e00-\u9fff%％]{1,6}?)(?:来看|来算|计算|算|计|排)?(?=又|呢|的话|是|哪|，|,|$)"
)
ROWS_ANSWERS = ("level_indicators", "indicator_target", "list", "count")


def _only_targets(part: str) -> bool:
    """A part that asks only for targets (目标各是多少, 指标值呢), of nothing it names."""
    return not re.sub(
        r"目标值?|指标值|值|各|分别|都|是|多少|呢|什么|的|要求|定了|[？?\s]|"
        r"(?:要|需要|打算|计划)?(?:买|购置|采购|配|设)?了?(?:几|多少)[个台套项件]",
        "",
        part,
    )


# 真南路呢, FAST的呢: a thing alone, asked on (the question before, of it)
ASKED_ON = re.compile(
    r"^(?:那|那么)?(?P<x>[^，,。？?\s]{2,16}?)的?(?:呢|又如何|又怎样|怎么样)[？?]?$"
)


def _asked_on(part: str, previous: str, store, backend) -> str:
    """兰溪路规划的路有多宽，真南路呢: the question before with its subject (the project or
    Latin name it named) put in place by the one this part names; else the part."""
    found = ASKED_ON.match(part)
    if not found or not previous or ASKS.search(found["x"]):
        return part
    thing = found["x"]
    latin = re.fullmatch(r"[A-Za-z]+", thing)
    named = read_question(thing, store, backend)
    # a project named by the whole of it (满意度呢, 去年呢, 预算呢: no subject, read as before)
    rest = thing.replace(named.mention, "") if named.mention else thing
    project = named.projects and named.mention and not re.sub(r"的|那个|这个|项目|呢", "", rest)
    if not (latin or project):
        return part
    before = read_question(previous, store, backend)
    if latin:  # LAMOST观测时间要多少小时，FAST呢: one Latin name for another
        slots = re.findall(r"[A-Za-z]{2,}", previous)
    else:  # 兰溪路规划的路有多宽，真南路呢: one project's name for another's
        slots = [before.mention] if before.mention and "、" not in before.mention else []
    slot = next((s for s in slots if s in previous and s != thing), None)
    return previous.replace(slot, thing, 1) if slot else part


def _answer_parts(parts: list[str], whole, store, backend) -> Answer | None:
    """Each part answered, a part that names no project taking the line's; None if a part
    finds nothing (the whole line is then answered as one question)."""
    # 哪个涨得最猛？按涨幅算，再按金额算: the question before, by each measure named
    expanded: list[str] = []
    for part in parts:
        measures = [m.group(0) for m in BY.finditer(part)]
        left = re.sub(r"再|然后|和|及|、|[，,\s]", "", BY.sub("", part))
        if len(measures) > 1 and len(left) <= 4 and expanded:
            asked = expanded.pop()
            expanded += [f"{m}，{asked}" for m in measures]
        else:
            expanded.append(part)
    parts = expanded
    answers = []
    previous_fields: list[str] = []
    previous = ""
    previous_projects: list = []
    previous_part = ""
    for part in parts:
        if len(parts) > 1 and _premise_only(part):
            continue  # 预算比去年少了快一半: the asker's premise, not a question
        criterion, before = BY.search(part), BY.search(previous)
        if criterion and previous and len(part) - len(criterion.group(0)) <= 6:
            # 按百分比哪个涨得最多？按金额又是哪个: the question before, by another measure
            if before:
                part = previous.replace(before.group(0), criterion.group(0))
            else:
                part = f"{criterion.group(0)}，{previous}"
        most, most_before = MOST.search(part), MOST.search(previous)
        if most and most_before and len(part) <= 8 and not criterion:
            # 哪个项目钱最多，哪个最少: the question before, the other end
            part = previous.replace(most_before.group(0), most.group(0))
        part = _asked_on(part, previous, store, backend)
        previous = part
        q = read_question(part, store, backend)
        if answers and answers[-1].type in ROWS_ANSWERS and not q.projects and _only_targets(part):
            continue  # 有哪些数量指标，目标各是多少: the rows listed already carry their targets
        # 收了多少: the amount of the same thing, asked on
        again = AGAIN.search(part) or (
            len(part) <= 6
            and re.search(r"多少|几|什么|啥|哪些|哪几", part)
            and bool(previous_projects)
        )
        again = again or (len(part) <= 4 and bool(previous_projects))  # 预算和进度: 进度 too
        if answers and answers[-1].type == "not_in_corpus" and not previous_projects:
            again = again or (not q.projects and not q.conditions)  # a project none is named
        # 各多少钱: of the same thing; 预算多少 after a refused 负责人是谁: a question of its own
        own = not q.projects and (not q.fields or bool(re.search(r"各|分别", part)))
        refused = answers and (
            answers[-1].type == "not_in_corpus" or answers[-1].text.startswith("没有。")
        )  # 有要求吗？多少: none is set, so there is no amount to ask after
        if refused and again and own:
            continue  # 法律顾问费是多少？无人机巡查又是多少: the same refusal, for another thing
        bare = not re.sub(rf"{ASKS.pattern}|[钱的呢吗又是要花共一总]|[^\u4e00-\u9fff]", "", part)
        if refused and bare and not q.projects:
            continue  # 机要装备买几台、多少钱: the amount of the thing just refused
        listed_before = answers and re.search(
            r"分别是|是哪些|有哪些|是啥|是什么|哪几", previous_part
        )
        each = re.search(r"各|分别|每", part) and MONEY_ASKED_OF.search(part)
        if listed_before and each and not q.projects:  # 设备分别是啥、各多少钱: each thing's
            answers.append(refusal(whole, "表中只有整个项目的预算，没有其中各项单独的金额"))
            previous_part = part
            continue
        if refused and not _asks(part):
            continue  # 代建管理费多少？就是青山建设咨询那家: what the refused question meant
        if refused and re.search(r"(?<!其)[他她](?:的|主持|负责|管|们)", part):
            continue  # 负责人是谁，他主持的项目拿了多少钱: of the person the table does not name
        if answers and answers[-1].text == a.missing_project().text and not q.projects:
            continue  # 装备购置费的预算和绩效类型: the project none is, for every part
        ids = {p.id for p in whole.projects}
        inside = (
            whole.mention and "、" not in whole.mention
            and (not q.projects or (q.mention and q.mention != whole.mention
                 and all(q.mention != p.name for p in q.projects)))
        )  # fmt: skip
        if inside and whole.mention not in part and {p.id for p in q.projects} <= ids:
            # 里面重大应急拆违工程款占多少: read as if it named them (拆违经费里面…), not by
            # a word of their name inside another thing's (重大应急|拆违|工程款)
            named = read_question(f"{whole.mention}{part}", store, backend)
            q = named if {p.id for p in named.projects} == ids else q
        if not q.projects and whole.projects:
            q.projects, q.mention, q.part = whole.projects, whole.mention, whole.part
        elif (
            not q.projects
            and (again or SUBJECTLESS.match(part))  # 占九个项目的几成: the whole, not the subject
            and (before := _answered_of(answers, store))
        ):
            # 培训考试通过率定了多少？参加培训的人满意度呢: the one project answered before
            q.projects, q.mention = before, before[0].name
        elif (
            not q.projects
            and THOSE.search(part)
            and len(listed := _answered_of(answers, store, True)) > 1
        ):
            # 哪些项目设了成本指标？这些项目的钱加一起多少: the projects just listed
            q.projects, q.mention = listed, "、".join(p.name for p in listed)
        elif not q.projects and whole.unheld:
            q.unheld = whole.unheld  # the project none is, for every part
        elif not q.projects and not q.conditions and whole.conditions:
            q.conditions = whole.conditions  # 八个项目去年一共多少，今年呢: the same projects
        if q.projects and not q.fields and previous_fields and len(q.rest.strip("呢？?的")) <= 2:
            # 检察业务保障费呢: the same question of another project
            q.field, q.fields = previous_fields[0], list(previous_fields)
        previous_fields = q.fields or previous_fields
        previous_projects = q.projects
        again_amount = re.search(r"又|呢|多少钱|多少$", part) and not COUNTED_THING.search(part)
        if not q.fields and again_amount and any(f in BUDGET_NAMES for f in whole.fields):
            # 上年预算额多少？今年又是多少: the amount asked again, for another year
            year = "current_year" if re.search(r"今年|当年|本年", part) else None
            year = year or ("prev_year_budget" if re.search(r"上年|去年", part) else None)
            if year:
                q.field, q.fields = year, [year]
        found = _answer_one(q, in_parts=True)
        if found.type in ("not_found", "sentences"):
            return None
        if found.type in (*FIGURE_ANSWERS, "several_fields"):
            # …每次沙龙花多少钱: a figure a part qualifies as no table holds it, refused there
            own = [q.text] if found.type == "several_fields" else []
            qualified = _held_back(found, part, part, q, own, backend)
            found = refused_for(q, qualified, found) if qualified else found
        answers.append(found)
        previous_part = part
    # 财政拨款和主管部门及代码: a part whose answer an earlier part's already says
    answers = [x for i, x in enumerate(answers) if not any(x.text in y.text for y in answers[:i])]
    if not answers:
        return None  # every part a premise: the line is read whole
    if len(answers) == 1:
        return answers[0]
    return Answer(
        " ".join(a.text for a in answers),
        a.of_parts(answers, "several_parts"),
        [s for a in answers for s in a.sources],
    )
