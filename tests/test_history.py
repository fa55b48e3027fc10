"""A project across years (issue 16): the tables of one unit whose names match form a
history, shown on the project page with a link that compares them year by year. The
corpus: the sample, and the same tables a year later (its years moved on by one)."""

from __future__ import annotations

import re

import pytest
from support import ROOT, app_on_corpus

from search.store import history_key


def test_a_history_key_drops_years_spaces_and_punctuation():
    assert history_key("2020年机关服务费") == history_key("机关服务费（2021年度）")
    assert history_key("机关 服务费") == history_key("机关服务费")
    assert history_key("机关服务费") != history_key("机关服务经费")


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    folder = tmp_path_factory.mktemp("years")
    corpus = folder / "corpus"
    corpus.mkdir()
    text = (ROOT / "corpus" / "shanghai-procuratorate-2020.txt").read_text("utf-8")
    (corpus / "a-2020.txt").write_text(text, "utf-8")
    later = re.sub(r"20(1\d|20)", lambda m: str(int(m[0]) + 1), text)
    (corpus / "b-2021.txt").write_text(later, "utf-8")
    return app_on_corpus(corpus, folder / "index").test_client()


def test_each_project_links_its_other_year(two_years):
    projects = two_years.get("/api/projects?per_page=50").get_json()
    by_name: dict[str, list[dict]] = {}
    for project in projects:
        by_name.setdefault(project["name"], []).append(project)
    assert all(len(pair) == 2 for pair in by_name.values())
    for pair in by_name.values():
        older, newer = sorted(pair, key=lambda p: p["year"])
        data = two_years.get(f"/api/projects/{newer['id']}/view").get_json()
        years = data["history"]["years"]
        assert [(y["year"], y["project_id"], y["current"]) for y in years] == [
            (older["year"], older["id"], False),
            (newer["year"], newer["id"], True),
        ]
        compared = two_years.get(data["history"]["compare_url"].replace("/compare", "/api/compare"))
        assert [p["project_id"] for p in compared.get_json()["projects"]] == [
            older["id"],
            newer["id"],
        ]
    html = two_years.get(f"/projects/{newer['id']}").get_data(as_text=True)
    assert "往年：" in html and "逐年对比指标与资金" in html


def test_a_single_year_has_no_history(client, sample_projects):
    data = client.get(f"/api/projects/{sample_projects[0].id}/view").get_json()
    assert data["history"] is None


def test_a_table_without_its_year_has_no_history(sample_projects):
    from dataclasses import replace

    from search.store import ProjectStore

    first = sample_projects[0]
    store = ProjectStore(
        [first, replace(first, id="x-none", year=None), replace(first, id="x-2021", year=2021)]
    )
    assert [p.year for p in store.history(first)] == [2020, 2021]
    assert store.history(store.get("x-none")) == []
