"""Every field of the eight sample tables, against values written out by hand."""

from __future__ import annotations

import pytest
import sample_expected as expected
from support import CORPUS

from indexer import load_corpus
from indexer.vocabulary import BUDGET_KEYS, LEVEL1_NAMES, LEVEL2_NAMES

QUALITATIVE = (None, None, None, "qualitative")
TABLE_IDS = [f"table-at-line-{p['title_line']}" for p in expected.PROJECTS]


def test_corpus_parses_cleanly(sample_result):
    result, files = sample_result
    assert files == 1
    assert [str(d) for d in result.diagnostics] == []
    assert len(result.projects) == len(expected.PROJECTS) == 8


@pytest.mark.parametrize("index", range(8), ids=TABLE_IDS)
def test_header_fields(sample_projects, index):
    want = expected.PROJECTS[index]
    got = sample_projects[index]
    assert got.source.file == expected.FILE
    assert got.source.line == want["title_line"]
    assert got.year == 2020
    assert got.unit == "上海市人民检察院"
    assert got.name == want["name"]
    assert got.category == want["category"]
    assert got.perf_type == want["perf_type"]
    assert got.start_date == "2020-01-01"
    assert got.end_date == "2020-12-31"
    assert got.gov_purchase is want["gov_purchase"]


@pytest.mark.parametrize("index", range(8), ids=TABLE_IDS)
def test_sections(sample_projects, index):
    assert sample_projects[index].sections == expected.PROJECTS[index]["sections"]


@pytest.mark.parametrize("index", range(8), ids=TABLE_IDS)
def test_budget(sample_projects, index):
    want = dict(zip(BUDGET_KEYS, expected.PROJECTS[index]["budget"], strict=True))
    assert sample_projects[index].budget == want
    assert all(type(v) is int for v in sample_projects[index].budget.values())


@pytest.mark.parametrize("index", range(8), ids=TABLE_IDS)
def test_indicators(sample_projects, index):
    got = [
        (i.level1, i.level2, i.name, i.target, i.op, i.value, i.unit, i.kind)
        for i in sample_projects[index].indicators
    ]
    want = [
        (*row, *expected.TARGET_MEANINGS.get(row[3], QUALITATIVE))
        for row in expected.PROJECTS[index]["indicators"]
    ]
    assert got == want


def test_ids_are_stable_unique_and_url_safe(sample_projects):
    ids = [p.id for p in sample_projects]
    assert len(set(ids)) == len(ids)
    assert all(id_.isascii() and id_.replace("-", "").isalnum() for id_ in ids)
    again = [p.id for p in load_corpus(CORPUS)[0].projects]
    assert again == ids


def test_level_vocabularies_are_disjoint():
    assert not LEVEL1_NAMES & LEVEL2_NAMES


# The quirks of SPEC §1, each named, so a regression says which one broke.


def test_number_wrapped_inside_a_word(sample_projects):
    # 355/356: "由此设立了202" / "0年检察办案业务费项目"
    assert "由此设立了2020年检察办案业务费项目" in sample_projects[3].sections["overview"]
    # 845/846: "沪经信推〔2019〕23" / "1号"
    assert "沪经信推〔2019〕231号" in sample_projects[7].sections["basis"]


def test_page_number_lines_are_not_text(sample_projects):
    everything = "".join(
        text
        for p in sample_projects
        for text in [*p.sections.values(), *(i.name for i in p.indicators)]
    )
    assert "- 1 -" not in everything and "- 11 -" not in everything


def test_displaced_label(sample_projects):
    sections = sample_projects[7].sections
    assert sections["basis"].endswith("加快建设智慧政府工作方案》（沪委办发〔2018〕14号）")
    assert sections["necessity"].startswith("1.上海检察机关智能卷宗管理系统通过本项目的建设")
    assert "并为后续更加深入的智慧检务应用积累数据。2.全国检察机关" in sections["necessity"]
    assert "项目设立的必要性" not in sections["basis"] + sections["necessity"]


def test_wrapped_project_name(sample_projects):
    assert sample_projects[6].name == "派驻农场检察院机构业务经费"
    assert sample_projects[6].category == "其他一次性项目"


def test_level_names_at_the_start_of_a_row(sample_projects):
    rows = {(i.level1, i.level2, i.name) for i in sample_projects[6].indicators}
    assert ("影响力目标", "长效管理", "建立劳改农场长效管理制度") in rows


def test_source_typos_are_kept(sample_projects):
    names = {i.name for p in sample_projects for i in p.indicators}
    assert "财务管理制执行有效性" in names
    assert "顺利哟徐进行" in sample_projects[3].sections["goals"]
    assert "（2018-2010年）" in sample_projects[7].sections["safeguards"]
