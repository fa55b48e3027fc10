"""The search service returns data only: ids, scores, spans, facet counts and notice
codes. Words, labels, links and HTML are the views' (`search.views`)."""

from __future__ import annotations

import json

from search.args import search_request
from search.service import search
from search.snippets import render_html, render_plain
from search.views import notice_text, shown_answer


def run(engine, **args):
    return search(engine, search_request(args))


def test_the_answer_is_data_without_words_links_or_html(engine):
    answer = run(engine, q="满意度", kind="indicator")
    said = json.dumps(answer, ensure_ascii=False)
    assert "<mark>" not in said and "/projects/" not in said
    assert all(
        set(item) == {"value", "count", "selected"} for f in answer["facets"].values() for item in f
    )
    hit = answer["hits"][0]
    assert "url" not in hit and "snippet_html" not in hit
    assert hit["anchor"] == "indicators" and hit["fragments"]
    for frag in hit["fragments"]:
        assert [frag["text"][s:e] for s, e in frag["spans"]] == ["满意度"] * len(frag["spans"])


def test_notices_are_codes_that_the_views_put_into_words(engine):
    answer = run(engine, q="龘 人脸识别")
    assert [n["code"] for n in answer["notices"]] == ["any_word"]
    assert notice_text(answer["notices"][0]).startswith("没有同时包含所有词语的结果")
    nothing = run(engine, q="龘", category="经常性专项业务费")
    (notice,) = nothing["notices"]
    assert notice == {
        "code": "nothing_found",
        "query": "龘",
        "filters": {"category": "经常性专项业务费"},
    }
    assert notice_text(notice) == (
        "没有找到与“龘”相符的结果（筛选条件：项目类别 = 经常性专项业务费）。可以去掉筛选条件再试。"
    )


def test_one_fragment_renders_as_html_for_pages_and_as_text_for_a_terminal():
    fragments = [{"text": "a<b>满意度", "spans": [(4, 7)], "before": True, "after": False}]
    assert render_html(fragments, more=7) == "…a&lt;b&gt;<mark>满意度</mark>；等 7 项"
    assert render_plain(fragments) == "…a<b>【满意度】"


def test_the_views_show_what_the_service_found(engine):
    shown = shown_answer(run(engine, q="人脸识别"))
    (hit,) = shown["hits"]
    assert hit["url"] == f"/projects/{hit['project_id']}#{hit['anchor']}"
    assert "<mark>人脸识别</mark>" in hit["snippet_html"]
    assert hit["kind_label"] == "文本" and hit["section_label"]
