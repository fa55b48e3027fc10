"""Question answering on the bundled corpus: answers worked out by hand from the sample.

Amounts and changes were computed by hand from the tables (e.g. 信息化新建项目:
10,309,238 - 6,545,298 = 3,763,940, 36.5% of last year's budget); the expected sentences
are the answer forms the answerer is designed to give.
"""

from __future__ import annotations

import pytest

from search.qa import answer

ALL = [
    "办公及业务用房专项维修费",
    "机关服务费",
    "检察办案场所设备经费",
    "检察办案业务费",
    "检察业务保障费",
    "检察业务工作费",
    "派驻农场检察院机构业务经费",
    "信息化新建项目",
]

# (question, answer_type, the whole answer, the projects its sources name)
CASES = [
    # facts of one project: amounts, in any wording
    (
        "机关服务费的总预算是多少？",
        "budget",
        "机关服务费的项目总预算为 6,000,000 元（600 万元）。",
        ["机关服务费"],
    ),
    (
        "检察办案业务费的总预算是多少？",
        "budget",
        "检察办案业务费的项目总预算为 5,622,000 元（562.2 万元）。",
        ["检察办案业务费"],
    ),
    (
        "检察办案业务费的预算是多少钱",
        "budget",
        "检察办案业务费的项目总预算为 5,622,000 元（562.2 万元）。",
        ["检察办案业务费"],
    ),
    (
        "办公及业务用房专项维修费的总预算为多少",
        "budget",
        "办公及业务用房专项维修费的项目总预算为 8,844,385 元（884.44 万元）。",
        ["办公及业务用房专项维修费"],
    ),
    (
        "检察业务保障费的总预算有多少",
        "budget",
        "检察业务保障费的项目总预算为 27,500,000 元（2,750 万元）。",
        ["检察业务保障费"],
    ),
    (
        "机关服务费多少钱",
        "budget",
        "机关服务费的项目总预算为 6,000,000 元（600 万元）。",
        ["机关服务费"],
    ),
    (
        "信息化新建项目的当年预算为多少",
        "budget",
        "信息化新建项目的项目当年预算为 6,545,298 元（654.53 万元）。",
        ["信息化新建项目"],
    ),
    (
        "检察业务工作费的上年预算额是多少？",
        "budget",
        "检察业务工作费的同名项目上年预算额为 14,738,000 元（1,473.8 万元）。",
        ["检察业务工作费"],
    ),
    (
        "机关服务费的上年执行数是多少",
        "budget",
        "机关服务费的同名项目上年预算执行数为 6,000,000 元（600 万元）。",
        ["机关服务费"],
    ),
    # change against last year
    (
        "信息化新建项目比上年减少了多少？",
        "budget_change",
        "信息化新建项目的项目总预算为 6,545,298 元（654.53 万元），同名项目上年预算额为 10,309,238 元（1,030.92 万元），比上年减少 3,763,940 元（376.39 万元），减少 36.5%。",
        ["信息化新建项目", "信息化新建项目"],
    ),
    (
        "检察办案场所设备经费的总预算比上年变化多少",
        "budget_change",
        "检察办案场所设备经费的项目总预算为 25,367,304 元（2,536.73 万元），同名项目上年预算额为 29,653,085 元（2,965.31 万元），比上年减少 4,285,781 元（428.58 万元），减少 14.5%。",
        ["检察办案场所设备经费", "检察办案场所设备经费"],
    ),
    (
        "办公及业务用房专项维修费比去年增加了多少",
        "budget_change",
        "办公及业务用房专项维修费的项目总预算为 8,844,385 元（884.44 万元），同名项目上年预算额为 7,377,222 元（737.72 万元），比上年增加 1,467,163 元（146.72 万元），增加 19.9%。",
        ["办公及业务用房专项维修费", "办公及业务用房专项维修费"],
    ),
    (
        "机关服务费比上年增加了多少",
        "budget_change",
        "机关服务费的项目总预算为 6,000,000 元（600 万元），同名项目上年预算额为 6,000,000 元（600 万元），与上年持平。",
        ["机关服务费", "机关服务费"],
    ),
    # header fields
    (
        "检察业务工作费的绩效类型是什么？",
        "project_fact",
        "检察业务工作费的绩效类型是其他类。",
        ["检察业务工作费"],
    ),
    (
        "办公及业务用房专项维修费属于什么绩效类型",
        "project_fact",
        "办公及业务用房专项维修费的绩效类型是基本建设工程类。",
        ["办公及业务用房专项维修费"],
    ),
    (
        "派驻农场的项目类别是什么？",
        "project_fact",
        "派驻农场检察院机构业务经费的项目类别是其他一次性项目。",
        ["派驻农场检察院机构业务经费"],
    ),
    (
        "检察办案业务费是否含有政府购买服务？",
        "project_fact",
        "检察办案业务费含有政府购买服务。",
        ["检察办案业务费"],
    ),
    (
        "机关服务费有没有政府购买服务",
        "project_fact",
        "机关服务费不含有政府购买服务。",
        ["机关服务费"],
    ),
    (
        "检察办案业务费的申报单位是哪个单位",
        "project_fact",
        "检察办案业务费的申报单位是上海市人民检察院。",
        ["检察办案业务费"],
    ),
    (
        "机关服务费的开始日期",
        "project_fact",
        "机关服务费的计划开始日期为 2020-01-01。",
        ["机关服务费"],
    ),
    (
        "检察办案场所设备经费的计划完成日期是什么时候",
        "project_fact",
        "检察办案场所设备经费的计划完成日期为 2020-12-31。",
        ["检察办案场所设备经费"],
    ),
    # sections
    (
        "检察业务保障费的必要性",
        "section",
        "检察业务保障费的项目设立的必要性：通过培训，加强检察人员专业技术能力，更好地服务于检察事业发展",
        ["检察业务保障费"],
    ),
    (
        "派驻农场检察院机构业务经费的项目实施计划",
        "section",
        "派驻农场检察院机构业务经费的项目实施计划：市检察院按照《人民检察院财务管理暂行办法》对资金支出结算进行管理，根据实际检察业务开展拨付相应经费，确保项目的顺利实施。",
        ["派驻农场检察院机构业务经费"],
    ),
    (
        "检察办案业务费的立项依据是什么？",
        "section",
        "检察办案业务费的立项依据：中办、国办印发《关于加强政法经费保障工作的意见》的通知（厅字（2009）32号）；财政部关于印发《政法经费分类保障办法（试行）》的通知（财行（2009）209号）；财政部、最高检关于印发《人民检察院财务管理暂行办法》的通知》（财行（2014）2号）；",
        ["检察办案业务费"],
    ),
    # indicators of one project
    (
        "检察办案业务费的鉴定准确性目标是多少？",
        "indicator_target",
        "检察办案业务费的“鉴定准确性”指标（产出目标 › 质量）目标值为 =100%。",
        ["检察办案业务费"],
    ),
    (
        "信息化新建项目的系统安全等级达标率是多少",
        "indicator_target",
        "信息化新建项目的“系统安全等级达标率”指标（产出目标 › 质量）目标值为 =100%。",
        ["信息化新建项目"],
    ),
    (
        "检察业务保障费的培训人员出勤率目标值为多少",
        "indicator_target",
        "检察业务保障费的“培训人员出勤率”指标（产出目标 › 质量）目标值为 >=95%。",
        ["检察业务保障费"],
    ),
    (
        "机关服务费的机关服务工作保障天数有多少",
        "indicator_target",
        "机关服务费的“机关服务工作保障天数”指标（效果目标 › 社会效益）目标值为 =365天。",
        ["机关服务费"],
    ),
    (
        "检察办案业务费有哪些成本指标？",
        "level_indicators",
        "检察办案业务费的“成本”指标有 1 项：成本控制 达到预计标准。",
        ["检察办案业务费"],
    ),
    (
        "派驻农场检察院机构业务经费的满意度指标有哪些",
        "level_indicators",
        "派驻农场检察院机构业务经费的“满意度”指标有 2 项：劳改农场管理人员满意度 >=90%；派驻检察院工作人员满意度 >=90%。",
        ["派驻农场检察院机构业务经费"] * 2,
    ),
    # what others usually set
    (
        "满意度指标一般设多少？",
        "indicator_distribution",
        "“满意度”类指标在 8 个项目中共 12 项，目标值：>=90% × 11，满意 × 1；最常见的是 >=90%。",
        None,
    ),
    (
        "预算执行率一般设多少？",
        "indicator_distribution",
        "预算执行率在 7 个项目中共 7 项，目标值：=100% × 7；最常见的是 =100%。",
        None,
    ),
    (
        "社会公众满意度通常是多少",
        "indicator_distribution",
        "社会公众满意度在 2 个项目中共 2 项，目标值：>=90% × 2；最常见的是 >=90%。",
        ["机关服务费", "检察业务工作费"],
    ),
    # lists, counts, rankings, sums
    (
        "其他一次性项目有几个？",
        "count",
        "项目类别为其他一次性项目的项目共 5 个：办公及业务用房专项维修费、机关服务费、检察办案场所设备经费、派驻农场检察院机构业务经费、信息化新建项目。",
        None,
    ),
    (
        "经常性专项业务费的项目有多少个",
        "count",
        "项目类别为经常性专项业务费的项目共 3 个：检察办案业务费、检察业务保障费、检察业务工作费。",
        None,
    ),
    ("一共有多少个项目？", "count", "项目共 8 个：" + "、".join(ALL) + "。", None),
    ("2019年的项目有几个", "count", "语料中没有2019年度的项目。", []),
    (
        "检察院的项目里哪些不含政府购买服务？",
        "list",
        "申报单位为上海市人民检察院、不含政府购买服务的项目共 6 个：办公及业务用房专项维修费、机关服务费、检察办案场所设备经费、检察业务保障费、派驻农场检察院机构业务经费、信息化新建项目。",
        None,
    ),
    (
        "哪几个项目含政府购买服务？",
        "list",
        "含政府购买服务的项目共 2 个：检察办案业务费、检察业务工作费。",
        None,
    ),
    (
        "哪些项目的预算比上年减少了",
        "list",
        "总预算比上年减少的项目共 4 个：检察办案场所设备经费、检察办案业务费、派驻农场检察院机构业务经费、信息化新建项目。",
        None,
    ),
    (
        "哪些项目的预算比上年增加了？",
        "list",
        "总预算比上年增加的项目共 3 个：办公及业务用房专项维修费、检察业务保障费、检察业务工作费。",
        None,
    ),
    (
        "绩效类型为信息化建设工程类的项目有哪些",
        "list",
        "绩效类型为信息化建设工程类的项目共 1 个：信息化新建项目。",
        ["信息化新建项目"],
    ),
    (
        "预算最低的项目是哪个？",
        "ranking",
        "项目总预算最低的项目是派驻农场检察院机构业务经费：5,000,000 元（500 万元）。",
        ["派驻农场检察院机构业务经费"],
    ),
    (
        "预算最高的项目是哪个？",
        "ranking",
        "项目总预算最高的项目是检察业务保障费：27,500,000 元（2,750 万元）。",
        ["检察业务保障费"],
    ),
    (
        "其他一次性项目中预算最高的是哪个",
        "ranking",
        "项目类别为其他一次性项目的项目中，项目总预算最高的项目是检察办案场所设备经费：25,367,304 元（2,536.73 万元）。",
        ["检察办案场所设备经费"],
    ),
    (
        "上海市人民检察院2020年的项目总预算合计多少？",
        "sum",
        "申报单位为上海市人民检察院、2020年度的 8 个项目的项目总预算合计 99,678,987 元（9,967.9 万元）。",
        ALL,
    ),
    (
        "经常性专项业务费的项目总预算合计是多少",
        "sum",
        "项目类别为经常性专项业务费的 3 个项目的项目总预算合计 47,922,000 元（4,792.2 万元）。",
        ["检察办案业务费", "检察业务保障费", "检察业务工作费"],
    ),
    (
        "检察业务工作费和检察业务保障费哪个预算高",
        "comparison",
        "项目总预算：检察业务保障费 27,500,000 元（2,750 万元），检察业务工作费 14,800,000 元（1,480 万元）；检察业务保障费最高。",
        ["检察业务保障费", "检察业务工作费"],
    ),
    # citations
    (
        "哪些项目引用了沪财采[2016]25号？",
        "citation",
        "引用《上海市2017-2018年政府采购集中采购目录和采购限额标准》（沪财采〔2016〕25号，发文机关上海市财政局）的项目有 1 个：检察办案场所设备经费（立项依据）。",
        ["检察办案场所设备经费"],
    ),
    (
        "沪府机管字[2006]第45号是什么文件？",
        "citation",
        "引用《关于推进市级机关后勤服务社会化改革的实施意见》（沪府机管字〔2006〕45号，发文机关上海市机关事务管理局）的项目有 1 个：机关服务费（立项依据、保证项目实施的制度、措施）。",
        ["机关服务费", "机关服务费"],
    ),
    (
        "哪些项目引用了人民检察院财务管理暂行办法？",
        "citation",
        "引用《人民检察院财务管理暂行办法》（财行〔2014〕2号，发文机关财政部）的项目有 4 个：检察办案业务费（立项依据）；检察业务保障费（立项依据）；检察业务工作费（立项依据）；派驻农场检察院机构业务经费（项目实施计划）。",
        ["检察办案业务费", "检察业务保障费", "检察业务工作费", "派驻农场检察院机构业务经费"],
    ),
    (
        "哪些项目依据了《上海市市级行政单位通用办公设备家具配置标准》",
        "citation",
        "引用《上海市市级行政单位通用办公设备家具配置标准》（沪财行〔2014〕39号，发文机关上海市财政局）的项目有 1 个：检察办案场所设备经费（立项依据）。",
        ["检察办案场所设备经费"],
    ),
    (
        "检察办案场所设备经费引用了哪些文件？",
        "project_citations",
        "检察办案场所设备经费引用了 3 个文件：《上海市市级行政单位通用办公设备家具配置标准》沪财行〔2014〕39号；《上海市市级行政单位固定资产报废标准》沪机管〔2014〕23号；《上海市2017-2018年政府采购集中采购目录和采购限额标准》沪财采〔2016〕25号。",
        ["检察办案场所设备经费"],
    ),
    (
        "哪些项目引用了沪财行〔2015〕39号",
        "not_in_corpus",
        "语料中没有项目引用这个文号，无法回答。",
        [],
    ),
    # projects named by a part, by a misspelling, ambiguously, or not at all
    (
        "信息化项目的总预算有多少？",
        "budget",
        "信息化新建项目的项目总预算为 6,545,298 元（654.53 万元）。",
        ["信息化新建项目"],
    ),
    (
        "检察办案业物费的总预算是多少",
        "budget",
        "检察办案业务费的项目总预算为 5,622,000 元（562.2 万元）。",
        ["检察办案业务费"],
    ),
    (
        "检察业务的总预算是多少？",
        "ambiguous",
        "问题中的“检察业务”可能指这些项目：检察业务保障费、检察业务工作费。请写出项目全称。",
        ["检察业务保障费", "检察业务工作费"],
    ),
    (
        "量子计算项目的总预算是多少？",
        "not_in_corpus",
        "语料中没有找到问题所说的项目，无法回答。可以在“项目”页查看全部项目的名称。",
        [],
    ),
    ("火星探测的进度如何", "not_found", "语料中没有找到与这个问题相关的内容。", []),
]


@pytest.mark.parametrize(("question", "kind", "expected", "projects"), CASES, ids=range(len(CASES)))
def test_answers(engine, question, kind, expected, projects):
    got = answer(engine, question)
    assert (got["answer_type"], got["answer"]) == (kind, expected)
    assert got["question"] == question
    if projects is not None:
        assert [s["project_name"] for s in got["sources"]] == projects
    for source in got["sources"]:
        assert set(source) == {"project_id", "project_name", "section", "text", "url"}
        assert source["url"].startswith(f"/projects/{source['project_id']}")


def test_at_least_forty_questions():
    assert len(CASES) >= 40
    assert len({kind for _, kind, _, _ in CASES}) >= 12


def test_not_found_answers_give_no_number(engine):
    for question in ["量子计算项目的总预算是多少？", "火星探测的进度如何", "2019年的项目有几个"]:
        said = answer(engine, question)["answer"]
        assert not any(ch.isdigit() for ch in said.replace("2019", ""))


def test_anything_else_gets_the_best_sentences_with_sources(engine):
    got = answer(engine, "专款专用")
    assert got["answer_type"] == "sentences"
    assert "同时，将严格审批报销手续，专款专用，严禁预算超支。" in got["answer"]
    assert {s["project_name"] for s in got["sources"]} == {"检察办案业务费", "检察业务保障费"}
    assert all("专款专用" in s["text"] for s in got["sources"])


def test_sources_point_at_the_table_parts(engine):
    budget = answer(engine, "机关服务费的总预算是多少？")["sources"][0]
    assert (budget["section"], budget["text"]) == ("budget", "项目总预算（元）： 6,000,000")
    assert budget["url"].endswith("#budget")
    indicator = answer(engine, "检察办案业务费的鉴定准确性目标是多少？")["sources"][0]
    assert (indicator["section"], indicator["text"]) == (
        "indicators",
        "产出目标 › 质量 › 鉴定准确性：=100%",
    )
    section = answer(engine, "机关服务费的立项依据是什么？")["sources"][0]
    assert section["section"] == "basis" and section["url"].endswith("#section-basis")


def test_the_highest_and_lowest_budget_and_every_project_that_has_it(sample_projects):
    """One pass finds what max/min and a second pass over the projects find, ties in
    order (three budgets are made equal to the highest)."""
    from dataclasses import replace

    import numpy as np

    from search.qa.answers import BUDGET_NAMES, READS, ValueColumn, _extreme
    from search.qa.columns import ProjectsAt
    from search.store import ProjectStore

    for key in BUDGET_NAMES:
        priced = [p for p in sample_projects if p.budget.get(key) is not None]
        if not priced:
            continue
        top = max(p.budget[key] for p in priced)
        tied = [replace(p, budget={**p.budget, key: top}) for p in priced[:3]]
        unpriced = [replace(p, budget={**p.budget, key: None}) for p in priced[:2]]
        # amounts above 2**53, which a float cannot tell apart
        huge = [
            replace(p, budget={**p.budget, key: 2**53 + 1 - n}) for n, p in enumerate(priced[:3])
        ]
        for projects in (
            priced,
            [*priced, *tied],
            [*unpriced, *priced, *tied, *unpriced],
            [*huge, *priced],
            [*priced, *huge[::-1]],
        ):
            having = [p for p in projects if p.budget[key] is not None]
            column = ValueColumn.of(projects, READS[f"budget:{key}"])
            store = ProjectStore(projects)
            for highest in (True, False):
                best = (max if highest else min)(p.budget[key] for p in having)
                expected = [p for p in having if p.budget[key] == best]
                amounts = [p.budget[key] for p in having]
                assert _extreme(having, amounts, highest) == (best, expected)
                # every project's amounts from the column: the same, the amount as printed
                every = column.at(ProjectsAt(store, np.arange(len(projects))))
                found = _extreme(*every, highest)
                assert found == (best, expected) and type(found[0]) is type(best)
                # of a part of them (every other one)
                part = [
                    p for n, p in enumerate(projects) if n % 2 == 1 and p.budget[key] is not None
                ]
                part_best = (max if highest else min)(p.budget[key] for p in part)
                found = _extreme(
                    *column.at(ProjectsAt(store, np.arange(1, len(projects), 2))), highest
                )
                assert found == (part_best, [p for p in part if p.budget[key] == part_best])
    # none has an amount: none to compare (`_ranking` says so)
    none = ValueColumn.of(unpriced, READS[f"budget:{key}"]).at(
        ProjectsAt(ProjectStore(unpriced), np.arange(len(unpriced)))
    )
    assert len(none[0]) == 0 and none[1] == []


def test_questions_over_every_project_leave_the_stores_list_as_it_was(engine):
    """Without conditions a question is given the store's own list of projects, not a
    copy (a copy reads every project): no answer may reorder or change it."""
    with engine.snapshot() as snapshot:
        projects = snapshot.store.projects
        before = list(projects)
    for question in [
        "预算最高的项目是哪个？",
        "预算最低的项目",
        "预算从高到低排一下",
        "预算从低到高排序",
        "预算最高的三个项目",
        "预算倒数第二的是哪个",
        "一共有多少个项目？",
        "所有项目的预算合计多少？",
        "各项目的预算分别是多少？",
        "项目的平均预算是多少",
        "哪些项目有满意度指标？",
        "满意度指标一般设多少？",
    ]:
        assert answer(engine, question)["answer"]
    with engine.snapshot() as snapshot:
        assert snapshot.store.projects is projects
    assert projects == before and all(a is b for a, b in zip(projects, before, strict=True))


def test_projects_meeting_conditions_are_found_from_columns_as_by_testing_each(
    sample_projects,
):
    """Every kind of condition, alone and two at once, over projects whose values vary
    (missing ones too): the columns find what testing every project finds, in order."""
    import random
    from dataclasses import replace

    from search.qa.answers import BUDGET_NAMES, READS, Filter, projects_where
    from search.store import ProjectStore

    rng = random.Random(17)
    units = [*sorted({p.unit for p in sample_projects}), "普陀区城管执法局", ""]
    dates = ["", None, "2020-01", "2021-07-01", "2026年3月", "2019"]
    amounts = [None, 0, 1, 2_500_000, 7_000_000]
    varied = [
        replace(
            base,
            id=f"varied-{n}",
            year=rng.choice([None, 2019, 2020, 2021]),
            unit=rng.choice(units),
            department=rng.choice([None, base.department, "上海市财政局"]),
            category=rng.choice([base.category, "其他类", None]),
            perf_type=rng.choice([base.perf_type, "一次性项目", None]),
            nature=rng.choice([None, "新增项目", "延续项目"]),
            gov_purchase=rng.choice([True, False, None]),
            start_date=rng.choice(dates),
            end_date=rng.choice(dates),
            budget={
                **base.budget,
                **{k: rng.choice([*amounts, rng.randrange(10**9)]) for k in BUDGET_NAMES},
            },
        )
        for n, base in enumerate(rng.choices(sample_projects, k=400))
    ]
    # values equal across types (True == 1, False == 0) are not one value
    for n, value in enumerate([True, 1, 0, False, None, 1.0]):
        varied.append(replace(varied[n], id=f"typed-{n}", gov_purchase=value))
    store = ProjectStore([*sample_projects, *varied])
    single: list[Filter] = []
    for name, read in READS.items():
        values = list(dict.fromkeys(read(p) for p in store.projects))
        assert len(values) > 1, name  # the projects do differ in it
        for value in rng.sample(values, min(len(values), 6)):
            single.append(Filter(name, name, lambda x, v=value: x == v))
        single.append(Filter(name, name, lambda x: not x))
        single.append(Filter(name, name, lambda x: x is True))
    for key in BUDGET_NAMES:
        single.append(Filter(key, f"money:{key}", lambda x: x is not None and x > 2_000_000))
        single.append(Filter(key, f"money:{key}", lambda x: 1 <= (x or -1) <= 7_000_000))
    for key in ("start_date", "end_date"):
        single.append(Filter(key, key, lambda x: bool(x) and x[:4] > "2020"))
        single.append(Filter(key, key, lambda x: (x or "").startswith("2021")))
    single.append(Filter("place", "unit and department", lambda x: "检察" in (x[0] or "")))
    pairs = [[a, b] for a, b in zip(single, rng.sample(single, len(single)), strict=True)]
    for conditions in [[f] for f in single] + pairs:
        tested = [p for p in store.projects if all(f.test(p) for f in conditions)]
        found = projects_where(store, conditions)
        assert [id(p) for p in found] == [id(p) for p in tested], conditions[0].label
    assert any(projects_where(store, [f]) for f in single)
    assert projects_where(store, []) is store.projects


def test_lookups_over_every_unit_and_document_find_what_reading_each_finds(engine):
    """A generic word holding a fragment, and the catalogue's entries of document
    numbers, found in one joined string and an index: as reading every one finds."""
    from search.qa.answers import matcher

    with engine.snapshot() as snapshot:
        store = snapshot.store
    found = matcher(store)
    words = [w for w in found.generic if w]
    pieces = {w[i : i + n] for w in words for n in (1, 2, 3, 5) for i in range(len(w))}
    pieces |= {"", "检察院业务", "\0", "院\0", "不在其中的词", words[0] + words[1]}
    pieces.add(words[0][-1] + words[1][0])  # across the joined string's separator
    for piece in sorted(pieces):
        assert found._generic(piece) == any(piece in w for w in words), piece
    numbers = [e.number for e in store.catalogue if e.number]
    assert len(numbers) > 10
    for asked in [numbers[:1], numbers[3:7], numbers[::-2], ["沪财行〔1900〕1号"], []]:
        expected = [e for e in store.catalogue if e.number in set(asked)]
        assert store.regulations_numbered(asked) == expected
    assert store.regulations_numbered(numbers[:2])


def test_an_answer_makes_only_the_sources_it_keeps():
    from search.qa.answers import MAX_SOURCES, first_sources

    made = []
    kept = first_sources(made.append(n) or n for n in range(3 * MAX_SOURCES))
    assert kept == list(range(MAX_SOURCES)) and made == kept
    assert first_sources(iter(range(3))) == [0, 1, 2]
