"""The indicator library, similar indicator names, and similar passages (reusing wording)."""

from __future__ import annotations

import pytest

from indexer.model import Indicator, Project
from indexer.targets import parse_target
from search.indicators import (
    build_library,
    normalize_name,
    projects_of_groups,
    query_name,
    similar_groups,
    targets_of_groups,
)


@pytest.fixture(scope="module")
def library(sample_projects):
    return build_library(sample_projects)


def group(library, name):
    (found,) = [g for g in library if g.key == normalize_name(name)]
    return found.to_dict()


def test_names_normalize():
    assert normalize_name("设施设备验收合格率（%）") == "设施设备验收合格率"
    assert normalize_name("设施设备采购及时率(%)") == "设施设备采购及时率"
    assert normalize_name("预算 执行率") == "预算执行率"
    assert normalize_name("ＯＣＲ识别率") == "OCR识别率"


def test_groups_of_the_sample(library):
    assert len(library) == 127
    assert sum(len(g.rows) for g in library) == 195
    rate = group(library, "预算执行率")
    assert (rate["count"], rate["level1"], rate["level2"]) == (7, "投入与管理", "投入管理")
    assert rate["targets"] == [{"target": "=100%", "count": 7}]
    assert rate["stats"] == {"unit": "%", "min": 100, "median": 100, "max": 100, "count": 7}
    assert [p["project_name"] for p in rate["projects"]] == [
        "办公及业务用房专项维修费",
        "机关服务费",
        "检察办案场所设备经费",
        "检察办案业务费",
        "检察业务工作费",
        "派驻农场检察院机构业务经费",
        "信息化新建项目",
    ]
    staff = group(library, "检察院工作人员满意度")
    assert staff["count"] == 4 and staff["targets"] == [{"target": ">=90%", "count": 4}]
    sound = group(library, "财务管理制度健全性")
    assert sound["count"] == 8 and sound["targets"] == [{"target": "健全", "count": 8}]
    assert sound["stats"] is None  # qualitative
    days = group(library, "机关服务工作保障天数")
    assert days["stats"] == {"unit": "天", "min": 365, "median": 365, "max": 365, "count": 1}


def with_target(project, name, target, new_id):
    """A copy of `project` under another id whose indicator `name` has `target`."""
    copy = Project.from_dict(project.to_dict())
    copy.id = new_id
    for i, row in enumerate(copy.indicators):
        if row.name == name:
            parsed = parse_target(target)
            copy.indicators[i] = Indicator(
                row.level1, row.level2, row.name, target, parsed.op, parsed.value, parsed.unit,
                parsed.kind,
            )  # fmt: skip
    return copy


def test_mixed_targets_give_a_distribution_and_statistics(sample_projects):
    base = sample_projects[0]
    extra = [
        with_target(base, "预算执行率", "≥95%", "x-1"),
        with_target(base, "预算执行率", "=98%", "x-2"),
        with_target(base, "预算执行率", ">=95%", "x-3"),
    ]
    rate = group(build_library([*sample_projects, *extra]), "预算执行率")
    assert rate["count"] == 10
    assert rate["targets"] == [
        {"target": "=100%", "count": 7},
        {"target": "=98%", "count": 1},
        {"target": ">=95%", "count": 1},
        {"target": "≥95%", "count": 1},
    ]
    assert rate["stats"] == {"unit": "%", "min": 95, "median": 100, "max": 100, "count": 10}
    other_unit = with_target(base, "预算执行率", "=3天", "x-4")
    assert group(build_library([*sample_projects, other_unit]), "预算执行率")["stats"] is None


def test_what_is_read_of_a_groups_rows_is_worked_out_once_when_built(sample_projects):
    """A page reads the count, targets and statistics of every group it shows: they are
    worked out with the library, and what a page is given is its own to change."""
    library = build_library(sample_projects)
    for built in library:
        assert {"project_count", "projects", "_targets", "_stats", "same_targets"} <= set(
            vars(built)
        )
        assert built.project_count == len({p.id for p, _ in built.rows})
        assert sum(t["count"] for t in built.targets()) == len(built.rows)
    rate = next(g for g in library if g.name == "预算执行率")
    rate.targets()[0]["count"] = -1
    rate.stats()["max"] = -1
    assert rate.to_dict() == group(build_library(sample_projects), "预算执行率")


def names(library, text, limit=10):
    return [(g.name, s) for g, s in similar_groups(library, text, limit)]


def test_the_same_name_ranks_first(library):
    (first, score), *_ = names(library, "检察院工作人员满意度")
    assert (first, score) == ("检察院工作人员满意度", 100.0)


def test_a_name_inside_longer_ones(library):
    found = [n for n, _ in names(library, "工作人员满意度")]
    assert found[:2] == ["检察院工作人员满意度", "派驻检察院工作人员满意度"]


def test_small_wording_changes_and_typos(library):
    found = [n for n, _ in names(library, "财务管理制度有效性", 3)]
    assert found == ["财务管理制度有效性", "财务管理制度执行有效性", "财务管理制执行有效性"]


def test_shared_head_words_rank_above_unrelated_names(library):
    found = names(library, "学生满意度")
    assert found and all(n.endswith("满意度") for n, _ in found)
    assert all(n.endswith("完成率") for n, _ in names(library, "课程完成率", 5))


def test_unknown_name_and_whole_rows(library):
    assert names(library, "量子计算机") == []
    assert names(library, "") == []
    assert query_name("效果目标 满意度 检察院工作人员满意度 >=90%") == "检察院工作人员满意度"
    assert names(library, "检察院工作人员满意度 >=90%")[0] == ("检察院工作人员满意度", 100.0)


def test_similar_passages_put_identical_text_first(client, sample_projects):
    (support,) = [p for p in sample_projects if p.name == "检察业务保障费"]
    response = client.get(f"/api/sections/{support.id}/safeguards/similar")
    assert response.status_code == 200
    data = response.get_json()
    first = data["passages"][0]
    assert (first["project_name"], first["section"], first["score"]) == (
        "检察办案业务费",
        "safeguards",
        100.0,
    )
    assert first["text"] == support.sections["safeguards"]
    assert all(p["project_id"] != support.id for p in data["passages"])
    kinds = [p["same_section"] for p in data["passages"]]
    assert kinds == sorted(kinds, reverse=True)  # same section type first


def test_similar_passages_page_and_errors(client, sample_projects):
    project = sample_projects[3]
    html = client.get(f"/sections/{project.id}/safeguards/similar").get_data(as_text=True)
    assert "其他项目的类似表述" in html and 'class="copy"' in html
    assert client.get(f"/api/sections/{project.id}/nope/similar").status_code == 404
    assert client.get("/api/sections/nope/basis/similar").status_code == 404
    assert client.get(f"/api/sections/{project.id}/basis/similar?limit=x").status_code == 400
    project_page = client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert f'href="/sections/{project.id}/plan/similar"' in project_page


def test_section_hits_are_whole_passages(client, sample_projects):
    hits = client.get("/api/search", query_string={"q": "专款专用", "kind": "section"}).get_json()
    texts = {p.sections[k] for p in sample_projects for k in p.sections}
    assert hits["hits"] and all(hit["text"] in texts for hit in hits["hits"])


# ------------------------------------------------- what the library works out once


@pytest.fixture(scope="module")
def mixed_projects(sample_projects):
    """The sample, the real tables of two other templates (central, district), and a
    target written three ways."""
    from support import ROOT

    from indexer.corpus import load_corpus

    result, _ = load_corpus(ROOT / "tests" / "data" / "realworld")
    assert len(result.projects) >= 10
    base = sample_projects[0]
    extra = [
        with_target(base, "预算执行率", target, f"x-{n}")
        for n, target in enumerate(["≥95%", "=98%", ">=95%", "95%", "100%"])
    ]
    return [*sample_projects, *result.projects, *extra]


def test_the_groups_worked_out_targets_and_projects_equal_reading_every_row(mixed_projects):
    from search.qa.answers import targets_counted

    library = build_library(mixed_projects)
    spans = [library[i : i + n] for n in (1, 2, 5, len(library)) for i in range(0, 12, 3)]
    for groups in [[g] for g in library] + spans:
        rows = [pair for g in groups for pair in g.rows]
        combined, counted = targets_of_groups(groups), targets_counted(r for _, r in rows)
        assert list(combined.items()) == list(counted.items())  # the order says the top
        assert projects_of_groups(groups) == len({p.id for p, _ in rows})
    # targets written two ways are counted as one, said as first written
    differing = [g for g in library if len(g.targets()) > len(g.same_targets)]
    assert differing


def test_groups_found_by_a_part_of_their_keys_or_by_keys_in_the_librarys_order(
    mixed_projects,
):
    from search.store import ProjectStore

    store = ProjectStore(mixed_projects)
    library = store.library
    parts = {g.key[i : i + n] for g in library for n in (1, 2, 3) for i in (0, len(g.key) // 2)}
    parts |= {"", "率", "满意度", "不在任何名称里", "\0", library[-1].key + "x"}
    for part in sorted(parts):
        assert store.library_holding(part) == [g for g in library if part in g.key], part
    keys = [g.key for g in library[::-3]] + ["不在任何名称里"]
    assert store.library_keyed(keys) == [g for g in library if g.key in keys]
    assert store.library_keyed([]) == []
