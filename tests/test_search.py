"""Search on a real index built from the bundled corpus, through /api/search."""

from __future__ import annotations

import re

import pytest

SPEC_HIT_KEYS = [
    "kind", "project_id", "project_name", "section", "indicator", "text", "snippet_html",
    "score", "url",
]  # fmt: skip


def search(client, status=200, **params):
    response = client.get("/api/search", query_string=params)
    assert response.status_code == status, response.get_json()
    return response.get_json()


def projects(answer):
    return {hit["project_name"] for hit in answer["hits"]}


def test_answer_shape(client):
    answer = search(client, q="预算")
    for key in ("query", "total", "page", "per_page", "facets", "hits"):
        assert key in answer
    assert {"category", "perf_type", "kind"} <= set(answer["facets"])
    assert all(list(hit)[: len(SPEC_HIT_KEYS)] == SPEC_HIT_KEYS for hit in answer["hits"])
    assert all(set(f) >= {"value", "count"} for f in answer["facets"]["category"])


@pytest.mark.parametrize("q", ["沪财行[2014]39号", "沪财行（2014）39号", "沪财行〔2014〕39号"])
def test_document_number_in_any_style_finds_the_citing_project_first(client, q):
    answer = search(client, q=q)
    assert answer["hits"][0]["project_name"] == "检察办案场所设备经费"
    assert projects(answer) == {"检察办案场所设备经费"}
    assert "<mark>沪财行" in answer["hits"][0]["snippet_html"]


def test_a_similar_number_of_another_year_is_not_found(client):
    answer = search(client, q="沪财行〔2015〕39号")
    assert answer["total"] == 0


@pytest.mark.parametrize("q", ['"智能卷宗"', "人脸识别", "“一网通办”"])
def test_phrases_and_words_find_the_it_project(client, q):
    answer = search(client, q=q)
    assert answer["total"] > 0
    assert projects(answer) == {"信息化新建项目"}


def test_substring_finds_all_eight_projects(client):
    answer = search(client, q="资金使用", per_page=100)
    assert len(projects(answer)) == 8
    assert all("<mark>资金使用</mark>" in hit["snippet_html"] for hit in answer["hits"])


def test_character_field_match_still_gets_a_snippet(client):
    # 急修 is not a jieba word of 急修项目按时完成率's table; the character field finds it.
    (hit,) = search(client, q="急修")["hits"]
    assert hit["kind"] == "indicator"
    assert hit["indicator"] == "急修项目按时完成率"
    assert "<mark>急修</mark>项目按时完成率" in hit["snippet_html"]


def test_ascii_case_does_not_matter(client):
    upper, lower = search(client, q="OCR"), search(client, q="ocr")
    assert upper["total"] == lower["total"] == 1
    assert upper["hits"] == lower["hits"]


def test_filters_restrict_hits(client):
    everything = search(client, q="满意度", per_page=100)
    filtered = search(client, q="满意度", category="经常性专项业务费", per_page=100)
    assert 0 < filtered["total"] < everything["total"]
    assert projects(filtered) == {"检察办案业务费", "检察业务保障费", "检察业务工作费"}
    sections_only = search(client, q="检察", kind="section", per_page=100)
    assert {hit["kind"] for hit in sections_only["hits"]} == {"section"}


def facet(answer, name):
    return {item["value"]: item["count"] for item in answer["facets"][name]}


def test_facet_counts_add_up(client):
    answer = search(client, q="检察")
    assert sum(facet(answer, "kind").values()) == answer["total"]
    assert sum(facet(answer, "category").values()) == answer["total"]
    assert sum(facet(answer, "perf_type").values()) == answer["total"]


def test_a_selected_facet_keeps_its_other_values(client):
    plain = search(client, q="检察")
    chosen = search(client, q="检察", category="经常性专项业务费")
    assert facet(chosen, "category") == facet(plain, "category")
    selected = [item for item in chosen["facets"]["category"] if item["selected"]]
    assert [item["value"] for item in selected] == ["经常性专项业务费"]
    # other facets are counted with the selection applied
    assert sum(facet(chosen, "kind").values()) == chosen["total"]
    assert chosen["total"] == facet(plain, "category")["经常性专项业务费"]


def test_two_filters_count_each_facet_with_the_other_only(client):
    both = search(client, q="检察", category="经常性专项业务费", kind="section")
    only_kind = search(client, q="检察", kind="section")
    only_category = search(client, q="检察", category="经常性专项业务费")
    assert facet(both, "category") == facet(only_kind, "category")
    assert facet(both, "kind") == facet(only_category, "kind")


def test_empty_result_says_so(client):
    answer = search(client, q="量子计算机")
    assert answer["total"] == 0 and answer["hits"] == []
    assert any("没有找到" in m for m in answer["messages"])
    filtered = search(client, q="量子计算机", category="其他类")
    assert any("项目类别 = 其他类" in m and "去掉筛选" in m for m in filtered["messages"])


def test_and_falls_back_to_or_and_says_so(client):
    answer = search(client, q="人脸识别 劳改农场")
    assert answer["mode"] == "or"
    assert projects(answer) == {"信息化新建项目", "派驻农场检察院机构业务经费"}
    assert "任一" in answer["messages"][0]


@pytest.mark.parametrize(
    "q", ["((", "*", "title:x", "字" * 5000, "<script>alert(1)</script>", "\x00\x1f", "'\"<>&"]
)
def test_hostile_queries_answer_200_with_escaped_text(client, q):
    # JSON carries the query as typed; every HTML fragment in it is escaped.
    answer = search(client, q=q)
    for hit in answer["hits"]:
        assert not re.search(r"<(?!/?mark>)", hit["snippet_html"])


def test_pagination_and_sort(client):
    first = search(client, q="预算", per_page=3, page=1)
    second = search(client, q="预算", per_page=3, page=2)
    assert first["total"] == second["total"] > 6
    assert first["pages"] == -(-first["total"] // 3)
    ids = [(h["project_id"], h["kind"], h["text"]) for h in first["hits"] + second["hits"]]
    assert len(set(ids)) == 6
    beyond = search(client, q="预算", per_page=3, page=1000)
    assert beyond["hits"] == [] and beyond["total"] == first["total"]

    by_budget = search(client, q="预算", sort="budget", per_page=100)
    budgets = [h["project_id"] for h in by_budget["hits"]]
    records = {r["id"]: r["budget"]["total"] for r in client.get("/api/projects").get_json()}
    amounts = [records[pid] for pid in budgets]
    assert amounts == sorted(amounts, reverse=True)
    assert all(h["score"] is None for h in by_budget["hits"])


@pytest.mark.parametrize(
    "params",
    [
        {"page": "x"},
        {"page": "-1"},
        {"page": "0"},
        {"per_page": "100000"},
        {"sort": "price"},
        {"year": "二〇二〇"},
    ],
)
def test_bad_parameters_are_400_json(client, params):
    answer = search(client, status=400, q="预算", **params)
    assert set(answer) == {"error"}


def test_unknown_facet_values_just_find_nothing(client):
    assert search(client, q="预算", category="不存在的类别")["total"] == 0


def test_empty_query_lists_everything_in_source_order(client):
    answer = search(client, per_page=2)
    assert answer["mode"] == "all"
    assert answer["total"] == 183
    assert [h["kind"] for h in answer["hits"]] == ["project", "section"]
    assert answer["hits"][0]["project_name"] == "办公及业务用房专项维修费"


def test_hit_urls_lead_to_the_project_page(client):
    hit = search(client, q="人脸识别")["hits"][0]
    assert hit["url"].startswith(f"/projects/{hit['project_id']}#section-overview")
    page = client.get(hit["url"].split("#")[0])
    assert page.status_code == 200
    assert 'id="section-overview"' in page.get_data(as_text=True)


def test_section_hits_carry_the_whole_passage(client, sample_projects):
    hit = search(client, q="人脸识别")["hits"][0]
    assert hit["text"] == sample_projects[7].sections["overview"]
