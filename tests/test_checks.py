"""Table checks (issue 16): each rule on tiny records of our own, then every rule over the
real tables, whose findings were judged by reading the documents; the command."""

from __future__ import annotations

import csv
import io
import json
import shutil
import statistics
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import ROOT, subprocess_run

from indexer.checks import RULES, RULES_BY_ID, Peers, check_corpus, check_project
from indexer.corpus import load_corpus
from indexer.model import Citation, Indicator, Project, Source, empty_budget

DATA = Path(__file__).parent / "data"


def row(level1, level2, name, target, op=None, value=None, unit=None, kind="qualitative", w=None):
    return Indicator(level1, level2, name, target, op, value, unit, kind, w)


def satisfied(value=90):
    return row("满意度指标", "服务对象满意度指标", "群众满意度", f"≥{value}%", ">=", value, "%",
               "quantitative")  # fmt: skip


FRAMEWORK = [
    row("产出指标", "数量指标", "培训人次", "≥500人次", ">=", 500, "人次", "quantitative"),
    row("成本指标", "经济成本指标", "培训成本", "≤20万元", "<=", 20, "万元", "quantitative"),
    row("效益指标", "社会效益指标", "培训覆盖率", "≥95%", ">=", 95, "%", "quantitative"),
    satisfied(),
]


def table(n=1, **changes) -> Project:
    base = Project(
        id=f"t{n}",
        source=Source("corpus/t.txt", n),
        year=2023,
        unit="某局",
        name=f"项目{n}",
        category=None,
        perf_type=None,
        start_date="2023-01-01",
        end_date="2023-12-31",
        gov_purchase=None,
        sections={"overview": "开展培训。", "goals": "完成培训。"},
        budget={**empty_budget(), "total": 1000, "current_year": 500},
        indicators=list(FRAMEWORK),
        citations=[],
        template="sh-district-2026",
    )
    return replace(base, **changes)


def found(project: Project, others: list[Project] = ()) -> set[tuple[str, str]]:
    peers = Peers.of([project, *others])
    return {(f.rule, f.where) for f in check_project(project, peers)}


def test_a_sound_table_has_no_findings():
    assert found(table()) == set()


def test_every_rule_has_an_id_a_severity_and_a_chinese_line():
    assert len(RULES_BY_ID) == len(RULES)
    for r in RULES:
        assert r.severity in ("error", "warning", "notice")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in r.title)


def test_an_empty_section():
    assert found(table(sections={"overview": "开展培训。", "goals": "  "})) == {
        ("section-empty", "section:goals")
    }


def test_no_indicators_and_no_money():
    bare = table(indicators=[], budget=empty_budget())
    assert found(bare) == {("goals-missing", "table"), ("money-missing", "budget")}


def test_dates_that_end_before_they_start():
    assert found(table(start_date="2024-03-01", end_date="2023-12-31")) == {
        ("dates-reversed", "dates")
    }


def test_money_that_does_not_add_up():
    over = {**empty_budget(), "total": 100, "current_year": 200,
            "prev_year_budget": 50, "prev_year_spent": 60}  # fmt: skip
    assert found(table(budget=over)) == {
        ("current-above-total", "budget:current_year"),
        ("spent-above-budget", "budget:prev_year_spent"),
    }


def test_a_vague_word_where_a_measure_is_asked():
    vague = row("产出指标", "时效指标", "完成及时性", "及时")
    described = row("效益指标", "社会效益指标", "群众获得感", "明显提升")  # a benefit may
    rows = [*FRAMEWORK, vague, described]
    assert found(table(indicators=rows)) == {("vague-target", "indicator:4")}


def test_a_number_without_a_unit():
    bare = row("产出指标", "数量指标", "检查次数", "≥12", ">=", 12, None, "quantitative")
    assert found(table(indicators=[*FRAMEWORK, bare])) == {("no-unit", "indicator:4")}


def test_the_national_framework_needs_its_levels():
    no_cost = [r for r in FRAMEWORK if r.level1 != "成本指标"]
    assert found(table(indicators=no_cost)) == {("framework-missing", "table")}
    assert found(table(indicators=no_cost, year=2020)) == set()  # 成本 from 2021 on
    no_output = [r for r in FRAMEWORK if r.level1 != "产出指标"]
    (finding,) = check_project(table(indicators=no_output), Peers())
    assert "产出指标" in finding.message
    municipal = [row("产出目标", "数量", "会议次数", "≥4次", ">=", 4, "次", "quantitative")]
    assert found(table(indicators=municipal)) == set()  # another framework


def test_a_target_laxer_than_its_peers():
    peers = [table(n, indicators=[*FRAMEWORK[:3], satisfied(90 + n % 3)]) for n in range(2, 7)]
    lax = table(indicators=[*FRAMEWORK[:3], satisfied(80)])
    assert found(lax, peers) == {("lax-target", "indicator:3")}
    (finding,) = [f for f in check_project(lax, Peers.of([lax, *peers]))]
    assert "5 个表中 5 个" in finding.message and "≥91%" in finding.message
    assert found(table(indicators=[*FRAMEWORK[:3], satisfied(92)]), peers) == set()
    assert found(lax, peers[:3]) == set()  # too few peers to say


def test_levels_names_and_weights():
    misplaced = row("产出指标", "数量指标", "参训人员满意度", "≥90%", ">=", 90, "%", "quantitative")
    twice = FRAMEWORK[0]
    rows = [*FRAMEWORK, misplaced, twice]
    assert found(table(indicators=rows)) == {
        ("level-misfit", "indicator:4"),
        ("duplicate-indicator", "indicator:5"),
    }
    weighted = [replace(r, weight=w) for r, w in zip(FRAMEWORK, (30, 20, 30, 10), strict=True)]
    assert found(table(indicators=weighted)) == set()  # 90: the central template's total
    weighted[0] = replace(weighted[0], weight=25)
    assert found(table(indicators=weighted)) == {("weights-total", "table")}


def test_citations():
    number_only = Citation(None, "沪财预〔2020〕1号", "沪财预", 2020, "basis")
    assert found(table(citations=[number_only])) == {("citation-no-title", "citation:0")}
    usual = Citation("某某管理办法", "沪财行〔2014〕39号", "沪财行", 2014, "basis")
    other = Citation("某某管理办法", "沪财行〔2014〕93号", "沪财行", 2014, "basis")
    peers = [table(n, citations=[usual]) for n in (2, 3)]
    assert found(table(citations=[other]), peers) == {("citation-other-number", "citation:0")}
    assert found(table(citations=[usual]), peers) == set()


def test_nothing_is_a_finding_twice():
    rows = [*FRAMEWORK, FRAMEWORK[0], FRAMEWORK[0]]
    findings = check_project(table(indicators=rows), Peers())
    keys = [(f.rule, f.where) for f in findings]
    assert len(keys) == len(set(keys)) == 2


# The real tables: what each check finds, judged by reading the documents (the PDF's
# goal tables and the district texts), not taken from the checks' output.
REAL_FINDINGS = {
    # central 2023 (PDF 06): four tables have no 成本指标, which the 2021+ framework asks
    # for; the building-renovation table has no 产出指标 at all
    ("国家重大科学工程运行维护", "framework-missing"),
    ("基本科研业务费", "framework-missing"),
    ("人才支撑体系专项", "framework-missing"),
    ("国家天文科学数据中心", "framework-missing"),
    ("本部大楼公共区域节能改造、旧电梯更新、屋面防水项目", "framework-missing"),
    # district 2026: a 时效 row whose target is the word 及时; a cost row whose target is 合理
    ("兰溪路-真南路下立交工程", "vague-target"),
    ("拆违经费", "vague-target"),
}


def test_the_real_tables_findings():
    corpus_dir = DATA / "realworld"
    result, _ = load_corpus(corpus_dir)
    names = {p.id: p.name for p in result.projects}
    got = {(names[f.project_id], f.rule) for f in check_corpus(result.projects)}
    assert got == REAL_FINDINGS


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_the_check_command(tmp_path, fmt):
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "realworld", corpus)
    run = subprocess_run(["-m", "indexer", "check", "--corpus", str(corpus), "--format", fmt], ROOT)
    assert run.returncode == 0, run.stderr
    assert "7 findings in 11 tables: framework-missing 5, vague-target 2" in run.stderr
    if fmt == "json":
        rows = json.loads(run.stdout)
        assert {r["rule"] for r in rows} == {"framework-missing", "vague-target"}
        assert all(r["message"] and r["where"] and r["source"] for r in rows)
    else:
        rows = list(csv.reader(io.StringIO(run.stdout.lstrip("\ufeff"))))
        assert rows[0][:4] == ["项目编号", "项目名称", "来源", "规则"] and len(rows) == 8


# --------------------------------------------------------------------------- pages


def test_the_checks_page_counts_per_rule_with_a_chart(client, sample_projects):
    expected = check_corpus(sample_projects)
    data = client.get("/api/checks").get_json()
    assert data["total_findings"] == len(expected) > 0
    counts = {r["id"]: r["count"] for r in data["rules"]}
    assert counts == {r.id: sum(f.rule == r.id for f in expected) for r in RULES}
    html = client.get("/checks").get_data(as_text=True)
    assert '<svg class="chart" role="img"' in html and "<rect" in html
    assert f"共 {len(expected)} 条" in html


def test_one_rules_findings_and_their_csv(client, sample_projects):
    rule = check_corpus(sample_projects)[0].rule
    data = client.get("/api/checks", query_string={"rule": rule}).get_json()
    assert data["rule"] == rule and data["findings"]
    assert all(f["rule"] == rule and f["url"].startswith("/projects/") for f in data["findings"])
    response = client.get("/export/checks.csv", query_string={"rule": rule})
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) - 1 == data["total"] and rows[0][0] == "项目编号"
    bad = client.get("/api/checks", query_string={"rule": "<b>x</b>"})
    assert bad.status_code == 400 and "检查规则" in bad.get_json()["error"]


def test_a_projects_findings_are_shown_beside_its_rows(client, sample_projects):
    finding = next(f for f in check_corpus(sample_projects) if f.where.startswith("indicator:"))
    html = client.get(f"/projects/{finding.project_id}").get_data(as_text=True)
    assert 'id="checks"' in html and "检查发现" in html
    row = int(finding.where.split(":")[1]) + 1
    cell = html[html.index(f'id="indicator-{row}"') :]
    cell = cell[: cell.index("</tr>")]
    assert 'class="problem"' in cell


def test_problems_are_a_search_facet(client, sample_projects):
    flagged = {f.project_id for f in check_corpus(sample_projects) if f.rule == "vague-target"}
    answer = client.get("/api/search", query_string={"q": "预算", "view": "projects"}).get_json()
    values = {item["value"]: item for item in answer["facets"]["problem"]}
    assert values["vague-target"]["label"] == "目标值不可衡量"
    matched = {g["project_id"] for g in answer["groups"]}
    assert values["vague-target"]["count"] == len(flagged & matched) > 0
    only = client.get(
        "/api/search",
        query_string={"q": "预算", "view": "projects", "problem": "vague-target", "per_page": 50},
    ).get_json()
    assert {g["project_id"] for g in only["groups"]} == flagged & matched
    html = client.get("/", query_string={"q": "预算"}).get_data(as_text=True)
    assert 'data-facet="problem"' in html and "目标值不可衡量" in html


def test_sound_rows_that_only_look_like_problems():
    measured = row("产出指标", "质量指标", "达标率", "较上年提高10%")  # a number: a measure
    unit_in_name = row("产出指标", "数量指标", "培训场次（场）", "≥10", ">=", 10, None,
                       "quantitative")  # fmt: skip
    surveys = row("产出指标", "数量指标", "满意度调查份数", "≥200份", ">=", 200, "份",
                  "quantitative")  # fmt: skip
    assert found(table(indicators=[*FRAMEWORK, measured, unit_in_name, surveys])) == set()


def test_weights_add_up_in_decimals_and_only_when_every_row_has_one():
    tenths = [
        replace(r, weight=w) for r, w in zip(FRAMEWORK, (30.1, 19.9, 30.0, 10.0), strict=True)
    ]
    assert found(table(indicators=tenths)) == set()  # 90.0, whatever the float sum says
    partly = [replace(FRAMEWORK[0], weight=30), *FRAMEWORK[1:]]
    assert found(table(indicators=partly)) == set()


def test_a_download_of_an_unknown_rule_is_a_400(client):
    response = client.get("/export/checks.csv", query_string={"rule": "nope"})
    assert response.status_code == 400


@given(
    st.dictionaries(
        st.sampled_from([f"p{n}" for n in range(12)]),
        st.integers(0, 100).map(float),
        min_size=1,
    ),
    st.sampled_from([f"p{n}" for n in range(12)]),
)
def test_the_peers_of_a_project_are_the_others_sorted(targets, project_id):
    key = ("满意度", ">", "%")
    others = Peers({key: {pid: (v,) for pid, v in targets.items()}}).others(key, project_id)
    expected = sorted(v for pid, v in targets.items() if pid != project_id)
    assert list(others) == expected and len(others) == len(expected)
    if expected:
        assert others.median() == statistics.median(expected)


# A table as the peer rules see it: its rate targets (name, operator, value) and its
# citations (title, number), few enough of each that tables share them.
peer_rows = st.lists(
    st.tuples(st.sampled_from(["满意度", "完成率"]), st.sampled_from([">=", "<="]),
              st.sampled_from([80, 85, 90, 95, 100])),
    max_size=3,
)  # fmt: skip
peer_citations = st.lists(
    st.tuples(st.sampled_from(["管理办法", "实施意见"]),
              st.sampled_from(["A〔2020〕1号", "B〔2020〕2号"])),
    max_size=2,
)  # fmt: skip


def peer_table(n, rows, citations) -> Project:
    return table(
        n,
        indicators=[
            row("效益指标", "社会效益指标", name, f"{op}{v}%", op, v, "%", "quantitative")
            for name, op, v in rows
        ],
        citations=[Citation(title, number, None, None, "basis") for title, number in citations],
    )


@given(
    st.lists(st.tuples(peer_rows, peer_citations), min_size=1, max_size=14),
    st.lists(st.tuples(peer_rows, peer_citations), max_size=4),
    st.sets(st.integers(0, 13), max_size=4),
)
def test_an_update_rechecks_every_table_a_peer_rule_may_judge_otherwise(old, new, gone):
    """`Peers.changed` gives the peers a full check would, and every kept table that
    `affected` leaves out has the same findings under the old peers and the new."""
    from indexer.checks import affected

    before_tables = [peer_table(n, r, c) for n, (r, c) in enumerate(old)]
    added = [peer_table(100 + n, r, c) for n, (r, c) in enumerate(new)]
    gone_ids = {f"t{n}" for n in gone}
    kept = [t for t in before_tables if t.id not in gone_ids]
    before = Peers.of(before_tables)
    after = before.changed(gone_ids, added)
    assert after == Peers.of(kept + added)
    looked_at = affected(before, after, gone_ids | {t.id for t in added})
    for kept_table in kept:
        if kept_table.id not in looked_at:
            then = {(f.rule, f.where) for f in check_project(kept_table, before)}
            now = {(f.rule, f.where) for f in check_project(kept_table, after)}
            assert then == now, kept_table.id


@given(
    st.dictionaries(
        st.sampled_from([f"p{n}" for n in range(8)]),
        st.lists(st.sampled_from(["A1", "A2", "B1", "B2", "C"]), min_size=1, max_size=3),
        min_size=1,
    ),
    st.sampled_from(["A1", "A2", "B1", "B2", "C", "D"]),
)
def test_the_usual_number_of_a_title_is_the_most_cited_other_one(cited, number):
    """What `Peers.usual_number` finds from each title's two most cited numbers is what
    counting every other number finds."""
    peers = Peers(cited={"管理办法": {pid: tuple(numbers) for pid, numbers in cited.items()}})
    known = Counter(n for numbers in cited.values() for n in numbers)
    others = {n: c for n, c in known.items() if n != number}
    expected = None
    if others and sum(others.values()) > known[number]:
        expected = max(others, key=lambda n: (others[n], n))
    assert peers.usual_number("管理办法", number) == expected
