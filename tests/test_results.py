"""Results a reviewer can use (issue 15): the 一级/二级 facets filter indicator rows, not
whole tables; the by-project view. On a real index of the bundled corpus; what is expected
is counted from the records, not from the index."""

from __future__ import annotations

import csv
import io
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


def citing(projects, number=None, title=None):
    return {
        p.id
        for p in projects
        for c in p.citations
        if (number and c.number == number) or (title and c.title == title)
    }


def test_a_document_number_lists_each_citing_project_once(client, sample_projects):
    counts = Counter(c.number for p in sample_projects for c in p.citations if c.number)
    number = max(counts, key=lambda n: (len(citing(sample_projects, number=n)), n))
    expected = citing(sample_projects, number=number)
    typed = number.replace("〔", "[").replace("〕", "]")  # as users type it
    answer = search(client, q=typed)
    assert answer["view"] == answer["counts"] == "projects"
    assert answer["total"] == answer["total_projects"] == len(expected)
    assert [g["project_id"] for g in answer["groups"]] == list(
        dict.fromkeys(h["project_id"] for h in answer["hits"])
    )
    assert {g["project_id"] for g in answer["groups"]} == expected
    assert sum(g["shown"] for g in answer["groups"]) == len(answer["hits"])
    assert answer["total_passages"] >= answer["total"]
    assert answer["summary"].startswith(f"共 {len(expected)} 个项目（")
    # the same search by passage counts passages
    passages = search(client, q=typed, view="passages")
    assert passages["view"] == "passages" and passages["groups"] == []
    assert passages["total"] == answer["total_passages"]


def test_a_title_query_is_by_project_and_its_facets_count_projects(client, sample_projects):
    titles = Counter(c.title for p in sample_projects for c in p.citations if c.title)
    title = max(titles, key=lambda t: (len(citing(sample_projects, title=t)), t))
    expected = citing(sample_projects, title=title)
    answer = search(client, q=f"《{title}》")
    assert answer["view"] == "projects" and answer["total"] == len(expected)
    kinds = facet(answer, "kind")
    assert kinds["citation"] == len(expected)  # projects, not citations
    assert all(count <= answer["total"] for count in kinds.values())


def test_by_project_pages_hold_each_project_once(client):
    whole = search(client, q="预算", view="projects", per_page=50)
    assert whole["total"] == whole["total_projects"] > 3
    seen = []
    for page in range(1, -(-whole["total"] // 3) + 1):
        answer = search(client, q="预算", view="projects", per_page=3, page=page)
        assert answer["pages"] == -(-whole["total"] // 3)
        assert len(answer["groups"]) <= 3
        seen += [g["project_id"] for g in answer["groups"]]
    assert seen == [g["project_id"] for g in whole["groups"]]
    for group in whole["groups"]:  # up to five passages beneath, however they are ordered
        assert group["shown"] == min(5, group["matched"])
    by_budget = search(client, q="预算", view="projects", sort="budget", per_page=3, page=2)
    for group in by_budget["groups"] + answer["groups"]:
        assert group["shown"] == min(5, group["matched"])


def test_a_bad_view_is_a_chinese_400(client):
    response = client.get("/api/search", query_string={"q": "预算", "view": "tables"})
    assert response.status_code == 400 and "view" in response.get_json()["error"]


def test_the_page_shows_projects_with_their_passages_beneath(client, sample_projects):
    html = client.get("/", query_string={"q": "沪财行（2014）39号"}).get_data(as_text=True)
    expected = citing(sample_projects, number="沪财行〔2014〕39号")
    assert html.count('class="project-hit"') == len(expected)
    assert "按匹配处" in html and "数字为项目数" in html
    passages = client.get("/", query_string={"q": "满意度"}).get_data(as_text=True)
    assert 'class="project-hit"' not in passages and "数字为匹配处数" in passages


def test_a_download_lists_every_passage_whatever_the_view(client):
    answer = search(client, q="预算", view="projects")
    response = client.get("/export/search.csv", query_string={"q": "预算", "view": "projects"})
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) - 1 == answer["total_passages"]


def test_a_query_with_nothing_searchable_still_says_its_view(client):
    answer = search(client, q="《》", view="projects")
    assert answer["view"] == answer["counts"] == "projects" and answer["total"] == 0
