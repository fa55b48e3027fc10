"""Results a reviewer can use (issue 15): the 一级/二级 facets filter indicator rows, not
whole tables; the by-project view. On a real index of the bundled corpus; what is expected
is counted from the records, not from the index."""

from __future__ import annotations

from collections import Counter

from indexer.documents import indicator_line


def search(client, **params):
    response = client.get("/api/search", query_string=params)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def facet(answer, name):
    return {item["value"]: item["count"] for item in answer["facets"][name]}


def rows_saying(projects, word):
    return [(p, row) for p in projects for row in p.indicators if word in indicator_line(row)]


def test_level_facets_count_the_levels_whose_rows_match(client, sample_projects):
    answer = search(client, q="满意度", kind="indicator")
    found = rows_saying(sample_projects, "满意度")
    assert found
    for name in ("level1", "level2"):
        expected = Counter()
        for value in {getattr(row, name) for _, row in found}:
            expected[value] = len({p.id for p, row in found if getattr(row, name) == value})
        assert facet(answer, name) == dict(expected), name


def test_a_level_filter_keeps_only_rows_under_that_level(client, sample_projects):
    # A level that holds rows of many tables, none of which says 满意度
    levels = Counter(row.level2 for p in sample_projects for row in p.indicators if row.level2)
    said = {row.level2 for _, row in rows_saying(sample_projects, "满意度")}
    other = next(level for level, _ in levels.most_common() if level not in said)
    answer = search(client, q="满意度", level2=other)
    assert answer["total"] == 0 and answer["hits"] == []
    # and a level that does: every hit's rows are under it and say the word
    level = next(iter(said))
    answer = search(client, q="满意度", level2=level)
    expected = {p.id for p, row in rows_saying(sample_projects, "满意度") if row.level2 == level}
    assert {hit["project_id"] for hit in answer["hits"]} == expected
    for hit in answer["hits"]:
        assert hit["kind"] == "indicator"
        assert all(level in line and "满意度" in line for line in hit["text"].splitlines())


def test_an_indicator_hit_shows_only_rows_of_its_level(client, sample_projects):
    answer = search(client, q="完成率", kind="indicator", per_page=50)
    for hit in answer["hits"]:
        project = next(p for p in sample_projects if p.id == hit["project_id"])
        levels = {(r.level1, r.level2) for r in project.indicators if r.name == hit["indicator"]}
        assert len({line.split()[1] for line in hit["text"].splitlines()}) == 1
        assert any(level2 == hit["text"].split()[1] for _, level2 in levels)
