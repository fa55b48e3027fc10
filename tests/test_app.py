"""The web app so far: the project list and the projects API (SPEC §3-4)."""

from __future__ import annotations

import json

import pytest
from support import SAMPLE, app_on_corpus, run_indexer


def test_api_projects_is_the_export(client):
    response = client.get("/api/projects")
    assert response.status_code == 200
    assert response.get_json() == json.loads(run_indexer("export").stdout)


def test_api_project_by_id(client):
    first = client.get("/api/projects").get_json()[0]
    response = client.get(f"/api/projects/{first['id']}")
    assert response.status_code == 200
    assert response.get_json() == first
    assert "办公及业务用房专项维修费" in response.get_data(as_text=True)  # not \u-escaped


def test_unknown_project_is_a_json_404(client):
    response = client.get("/api/projects/2020-nosuchproject")
    assert response.status_code == 404
    assert response.get_json() == {"error": "没有编号为 2020-nosuchproject 的项目。"}


def test_unknown_page_is_an_html_404(client):
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert "text/html" in response.content_type
    assert "返回首页" in response.get_data(as_text=True)


def test_home_lists_the_projects(client):
    page = client.get("/").get_data(as_text=True)
    assert "全部项目（8 个）" in page
    assert "派驻农场检察院机构业务经费" in page
    assert "25,367,304" in page


def test_user_text_is_escaped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "项目名称： 机关服务费", "项目名称： <script>alert(1)</script>", 1
    )
    (corpus / "x.txt").write_text(text, encoding="utf-8")
    app = app_on_corpus(corpus, tmp_path / "index")
    page = app.test_client().get("/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_api_regulations_most_cited_first(client):
    entries = client.get("/api/regulations").get_json()
    first = entries[0]
    assert list(first) == [
        "key", "title", "number", "issuer", "issuer_name", "issued_year", "cited_by",
    ]  # fmt: skip
    assert (first["title"], first["number"], first["issuer"], first["issued_year"]) == (
        "人民检察院财务管理暂行办法",
        "财行〔2014〕2号",
        "财行",
        2014,
    )
    assert first["issuer_name"] == "财政部"
    assert [c["project_name"] for c in first["cited_by"]] == [
        "检察办案业务费",
        "检察业务保障费",
        "检察业务工作费",
        "派驻农场检察院机构业务经费",
    ]
    assert list(first["cited_by"][0]) == ["project_id", "project_name", "section"]


@pytest.mark.parametrize("q", ["沪财行[2014]39号", "沪财行（2014）39号", "沪财行〔2014〕39号"])
def test_api_regulations_by_number(client, q):
    (entry,) = client.get("/api/regulations", query_string={"q": q}).get_json()
    assert entry["number"] == "沪财行〔2014〕39号"
    assert entry["issuer_name"] == "上海市财政局"
    assert [c["project_name"] for c in entry["cited_by"]] == ["检察办案场所设备经费"]
    again = client.get(f"/api/regulations/{entry['key']}")
    assert again.status_code == 200 and again.get_json() == entry


def test_api_regulations_errors(client):
    assert client.get("/api/regulations", query_string={"q": "无此文件"}).get_json() == []
    missing = client.get("/api/regulations/r-0000000000")
    assert missing.status_code == 404
    assert missing.get_json() == {"error": "没有编号为 r-0000000000 的法规文件。"}
    long = client.get("/api/regulations", query_string={"q": "办" * 5000})
    assert long.status_code == 200 and long.get_json() == []


def test_an_unknown_search_backend_is_one_line_at_start():
    import os
    import subprocess
    import sys

    from support import ROOT

    env = {**os.environ, "JIXIAO_SEARCH_BACKEND": "solr"}
    done = subprocess.run(
        [sys.executable, "app.py", "--port", "0"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.strip() == "error: unknown SEARCH_BACKEND 'solr'; known: whoosh, postgres"
