"""Projects side by side (issue 16): /compare on a real index of the bundled corpus; what is
expected is worked out from the records."""

from __future__ import annotations

from collections import Counter

from indexer.targets import normalize_name


def compare(client, ids, status=200):
    response = client.get("/api/compare", query_string={"ids": ",".join(ids)})
    assert response.status_code == status, response.get_json()
    return response.get_json()


def test_every_row_of_every_project_is_on_one_line(client, sample_projects):
    projects = sample_projects[:3]
    data = compare(client, [p.id for p in projects])
    assert [p["project_id"] for p in data["projects"]] == [p.id for p in projects]
    for n, project in enumerate(projects):
        shown = [line["cells"][n] for line in data["indicators"] if line["cells"][n]]
        assert Counter((c["name"], c["target"]) for c in shown) == Counter(
            (r.name, r.target) for r in project.indicators
        )
        assert len(shown) == len(project.indicators)


def test_the_same_indicator_shares_a_line_and_differences_are_marked(client, sample_projects):
    a, b = sample_projects[:2]
    data = compare(client, [a.id, b.id])
    names_b = {normalize_name(r.name): r for r in b.indicators}
    for line in data["indicators"]:
        left, right = line["cells"]
        if left and normalize_name(left["name"]) in names_b:
            assert right is not None  # the same name: one line
        targets = {c["target"] for c in line["cells"] if c}
        assert line["differs"] == (len(targets) > 1 or None in line["cells"])
    assert data["differing"] == sum(line["differs"] for line in data["indicators"])


def test_a_line_keeps_to_its_levels(client, sample_projects):
    data = compare(client, [p.id for p in sample_projects[:4]])
    seen = []
    for line in data["indicators"]:
        if line["level1"] not in seen:
            seen.append(line["level1"])
        assert line["level1"] == seen[-1]  # a level's lines are together
        for cell in line["cells"]:
            if cell:
                row = next(
                    r for p in sample_projects for r in p.indicators if r.name == cell["name"]
                )
                assert row.level1 == line["level1"]


def test_wrong_ids_are_a_chinese_400(client, sample_projects):
    assert "ids" in compare(client, [sample_projects[0].id], 400)["error"]
    assert "ids" in compare(client, [p.id for p in sample_projects[:6]], 400)["error"]
    assert (
        "没有编号为 nope 的项目" in compare(client, [sample_projects[0].id, "nope"], 400)["error"]
    )


def test_the_page_shows_the_projects_side_by_side(client, sample_projects):
    ids = ",".join(p.id for p in sample_projects[:2])
    html = client.get("/compare", query_string={"ids": ids}).get_data(as_text=True)
    assert html.count('class="differs"') > 0 and sample_projects[1].name in html


def test_a_near_name_never_takes_the_line_of_the_same_name(sample_projects):
    from dataclasses import replace

    from indexer.model import Indicator
    from search.compare import aligned

    def rows(*names):
        return [Indicator("效益指标", "满意度指标", n, "≥90%", ">=", 90, "%", "quantitative")
                for n in names]  # fmt: skip

    a = replace(
        sample_projects[0], indicators=rows("检察院工作人员满意度", "派驻检察院工作人员满意度")
    )
    b = replace(sample_projects[1], indicators=rows("工作人员满意度", "检察院工作人员满意度"))
    lines = aligned([a, b])
    pairs = {(x.name if x else None, y.name if y else None) for x, y in (ln.rows for ln in lines)}
    assert ("检察院工作人员满意度", "检察院工作人员满意度") in pairs
    c = replace(sample_projects[2], indicators=rows("培训人数"))
    d = replace(sample_projects[3], indicators=rows("培训人数达标率"))
    assert len(aligned([c, d])) == 2  # a count and a rate: two lines
