"""Every page and its JSON twin, through the Flask test client."""

from __future__ import annotations

import csv
import io
import re

import pytest


def page(client, path, status=200, **params):
    response = client.get(path, query_string=params)
    assert response.status_code == status
    assert response.content_type.startswith("text/html")
    return response.get_data(as_text=True)


def api(client, path, status=200, **params):
    response = client.get(path, query_string=params)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.content_type == "application/json"
    return response.get_json()


def test_landing_page_lists_projects_and_examples(client):
    html = page(client, "/")
    assert 'name="q"' in html
    assert "全部项目（8 个）" in html
    assert html.count('href="/projects/2020-') == 8


def test_search_page_and_its_twin_show_the_same_hits(client):
    html = page(client, "/", q="满意度")
    data = api(client, "/api/search", q="满意度")
    assert data["summary"] == f"共 {data['total']} 处匹配（{data['total_projects']} 个项目）"
    assert data["summary"] in html
    for hit in data["hits"]:
        assert hit["snippet_html"] in html
    assert "<mark>满意度</mark>" in html


def test_facet_links_toggle_and_chips_remove(client):
    data = api(client, "/api/search", q="满意度", category="经常性专项业务费")
    category = {i["value"]: i for i in data["facets"]["category"]}
    selected = category["经常性专项业务费"]
    assert selected["selected"] and "category" not in selected["toggle_url"]
    other = category["其他一次性项目"]
    assert other["toggle_url"].startswith("/api/search?")
    assert "category=%E5%85%B6%E4%BB%96" in other["toggle_url"]
    (chip,) = data["chips"]
    assert (chip["label"], chip["value_label"]) == ("项目类别", "经常性专项业务费")
    assert "category" not in chip["remove_url"]
    said = f"共 {data['total']} 处匹配（{data['total_projects']} 个项目）"
    assert data["summary"] == f"{said}，项目类别 = 经常性专项业务费"
    html = page(client, "/", q="满意度", category="经常性专项业务费")
    assert "项目类别：经常性专项业务费 ✕" in html
    assert 'href="/?q=%E6%BB%A1%E6%84%8F%E5%BA%A6"' in html  # the chip's remove link


def test_nothing_found_page_echoes_query_and_filters(client):
    html = page(client, "/", q="量子<b>计算", category="其他类")
    assert "没有找到结果" in html
    assert "量子&lt;b&gt;计算" in html and "量子<b>计算" not in html
    assert "去掉“项目类别 = 其他类”再试" in html


def test_pagination_links(client):
    data = api(client, "/api/search", q="检察", per_page=5, page=2)
    pages = data["pagination"]
    assert "page=1&" in pages["prev_url"] and "page=3&" in pages["next_url"]
    assert [link["number"] for link in pages["links"]] == list(range(1, min(pages["pages"], 5) + 1))
    html = page(client, "/", q="检察", per_page=5, page=2)
    assert "上一页" in html and "下一页" in html


def test_bad_page_parameter_is_a_400_page(client):
    html = page(client, "/", status=400, q="检察", page="x")
    assert "参数 page 必须是整数" in html


def test_projects_page_and_twin(client):
    html = page(client, "/projects")
    records = api(client, "/api/projects")
    assert f"共 {len(records)} 个项目" in html
    assert all(r["name"] in html for r in records)


def first_project(client):
    return api(client, "/api/projects")[0]


def test_project_page(client):
    record = first_project(client)
    html = page(client, f"/projects/{record['id']}")
    assert api(client, f"/api/projects/{record['id']}") == record
    # header fields, sections with copy buttons, budget and its change
    assert "基本建设工程类" in html
    for text in record["sections"].values():
        assert f'data-copy="{text}"' in html
    assert "8,844,385 元（884.44 万元）" in html
    assert "比上年预算额增加 1,467,163 元（146.72 万元）（19.9%）" in html
    # the indicator table with merged cells, as in the source
    assert html.count("<tr>") >= len(record["indicators"])
    assert '<td rowspan="11" class="level">投入与管理</td>' in html
    assert '<td rowspan="3" class="level">投入管理</td>' in html
    assert 'href="/indicators/similar?q=%E9%A2%84%E7%AE%97%E6%89%A7%E8%A1%8C%E7%8E%87"' in html
    # the cited regulation links to its page
    (link,) = re.findall(r'href="(/regulations/r-[0-9a-f]+)"', html)
    assert "上海市市级机关办公用房管理暂行办法" in page(client, link)


def test_unknown_project(client):
    assert "没有编号为 nope 的项目" in page(client, "/projects/nope", status=404)
    assert api(client, "/api/projects/nope", status=404) == {"error": "没有编号为 nope 的项目。"}


def test_regulations_pages_and_twins(client):
    html = page(client, "/regulations")
    entries = api(client, "/api/regulations")
    assert f"文件共 {len(entries)} 个" in html
    top = entries[0]
    assert top["title"] == "人民检察院财务管理暂行办法"
    one = page(client, f"/regulations/{top['key']}")
    assert api(client, f"/api/regulations/{top['key']}") == top
    assert "引用它的项目与段落（4 处）" in one
    assert "<mark>人民检察院财务管理暂行办法</mark>" in one
    assert "财政部" in one
    filtered = page(client, "/regulations", q="沪财行（2014）39号")
    assert "文件共 1 个" in filtered and "上海市财政局" in filtered
    assert "没有编号为 r-x 的法规文件" in page(client, "/regulations/r-x", status=404)


def test_indicator_library_page_and_twin(client):
    data = api(client, "/api/indicators")
    assert data["rows"] == 195
    level1s = [node["level1"] for node in data["tree"]]
    assert level1s == ["投入与管理", "产出目标", "效果目标", "影响力目标"]
    groups = {
        g["name"]: g for node in data["tree"] for child in node["children"] for g in child["groups"]
    }
    rate = groups["预算执行率"]
    assert (rate["count"], rate["targets"]) == (7, [{"target": "=100%", "count": 7}])
    html = page(client, "/indicators")
    assert "预算执行率" in html and "=100% × 7" in html


def test_similar_indicators_page_and_twin(client):
    data = api(client, "/api/indicators/similar", q="检察院工作人员满意度", limit=3)
    assert data["query"] == "检察院工作人员满意度"
    first = data["groups"][0]
    assert (first["name"], first["count"], first["score"]) == ("检察院工作人员满意度", 4, 100.0)
    assert set(first) >= {"name", "count", "level1", "level2", "targets", "projects", "score"}
    assert len(data["groups"]) == 3
    html = page(client, "/indicators/similar", q="检察院工作人员满意度")
    assert "相似度 100.0" in html
    assert api(client, "/api/indicators/similar", q="量子计算机")["groups"] == []
    assert "error" in api(client, "/api/indicators/similar", status=400, q="x", limit="0")


def test_ask_page_and_twin(client):
    data = api(client, "/api/ask", q="哪些项目引用了人民检察院财务管理暂行办法？")
    assert set(data) == {"question", "answer", "answer_type", "sources"}
    assert data["sources"]
    assert set(data["sources"][0]) == {"project_id", "project_name", "section", "text", "url"}
    html = page(client, "/ask", q="哪些项目引用了人民检察院财务管理暂行办法？")
    assert data["answer"] in html
    assert "error" in api(client, "/api/ask", status=400)
    assert 'name="q"' in page(client, "/ask")


def read_csv(response):
    body = response.get_data()
    assert body.startswith("\ufeff".encode())
    assert b"\r\n" in body
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_search_export_is_excel_csv_of_all_hits(client):
    response = client.get("/export/search.csv", query_string={"q": "满意度", "page": "2"})
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = read_csv(response)
    total = api(client, "/api/search", q="满意度")["total"]
    assert rows[0] == ["结果类型", "项目名称", "栏目", "指标", "内容", "链接"]
    assert len(rows) == total + 1


def test_indicator_library_export(client):
    rows = read_csv(client.get("/export/indicators.csv"))
    assert rows[0][:4] == ["一级目标", "二级目标", "三级目标", "项目数"]
    (rate,) = [r for r in rows if r[2] == "预算执行率"]
    # A leading apostrophe: a spreadsheet shows the text instead of running it as a formula.
    assert rate[:5] == ["投入与管理", "投入管理", "预算执行率", "7", "'=100% × 7"]


@pytest.mark.parametrize("path", ["/", "/projects", "/regulations", "/indicators", "/ask"])
def test_every_page_links_every_other(client, path):
    html = page(client, path)
    for target in ["/projects", "/regulations", "/indicators", "/ask"]:
        assert f'href="{target}"' in html


def test_project_and_regulation_pages_have_their_dict_as_a_json_twin(client):
    project_id = api(client, "/api/projects")[0]["id"]
    view = api(client, f"/api/projects/{project_id}/view")
    html = page(client, f"/projects/{project_id}")
    assert view["project"] == api(client, f"/api/projects/{project_id}")  # SPEC record inside
    for row in view["budget_rows"]:
        assert row["label"] in html and row["text"].split(" ")[0] in html
    for section in view["sections"]:
        assert section["label"] in html and section["similar_url"] in html
    key = api(client, "/api/regulations")[0]["key"]
    view = api(client, f"/api/regulations/{key}/view")
    assert view["regulation"] == api(client, f"/api/regulations/{key}")
    html = page(client, f"/regulations/{key}")
    assert all(p["url"] in html for p in view["passages"])
    assert api(client, "/api/projects/nope/view", status=404) == {
        "error": "没有编号为 nope 的项目。"
    }


def test_list_pages_and_the_landing_page_have_their_dict_as_a_json_twin(client):
    projects = api(client, "/api/projects/view")
    html = page(client, "/projects")
    assert f"共 {projects['total']} 个项目" in html
    assert all(f'href="/projects/{p["id"]}"' in html for p in projects["projects"])
    assert [p["id"] for p in projects["projects"]] == [
        r["id"] for r in api(client, "/api/projects")
    ]
    regulations = api(client, "/api/regulations/view", q="办法")
    html = page(client, "/regulations", q="办法")
    assert f"文件共 {regulations['total']} 个" in html
    assert all(f'href="/regulations/{e["key"]}"' in html for e in regulations["regulations"])
    home = api(client, "/api/search")
    assert home["landing"] and home["listing"]["total"] == len(api(client, "/api/projects"))
    assert f"全部项目（{home['listing']['total']} 个）" in page(client, "/")
    assert "listing" not in api(client, "/api/search", q="预算")


def test_errors_are_said_in_chinese(client):
    html = page(client, "/no-such-page", status=404)
    assert "<h1>页面不存在</h1>" in html and "Not Found" not in html
    response = client.get("/api/no-such-thing")
    assert response.status_code == 404
    assert response.get_json() == {
        "error": "找不到这个地址。可以回到首页检索，或在“项目”页浏览全部项目。"
    }
    response = client.get("/api/search", query_string={"q": "预算", "per_page": 1000})
    assert response.status_code == 400
    assert response.get_json() == {"error": "参数 per_page 必须在 1 到 100 之间，而不是 1000"}
    response = client.post("/api/search")
    assert response.status_code == 405 and "不接受这种请求方法" in response.get_json()["error"]
