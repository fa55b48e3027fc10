"""Search that forgives (issue 15): traditional characters, words typed without spaces, words
of the same meaning, a character wrong; on a real index of the bundled corpus, through
/api/search and the search page. The queries are our own; the helper-written sets are judged
by tests/search_eval.py (the held-out half by counts only)."""

from __future__ import annotations

import importlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.text import fold
from search.vocabulary import same_meaning


def search(client, **params):
    response = client.get("/api/search", query_string=params)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def codes(answer):
    return [notice["code"] for notice in answer["notices"]]


def first_projects(answer, count=5):
    names = []
    for hit in answer["hits"]:
        if hit["project_name"] not in names:
            names.append(hit["project_name"])
    return names[:count]


def test_fold_reads_traditional_characters_as_simplified_keeping_offsets():
    assert fold("檢察辦案業務費") == "检察办案业务费"
    assert fold("ＯＣＲ後") == "ocr后"
    text = "機關服務費：預算"
    assert len(fold(text)) == len(text)  # offsets into the folded text are the original's


@pytest.mark.parametrize(
    ("typed", "project"),
    [
        ("機關服務費", "机关服务费"),
        ("新建 項目", "信息化新建项目"),
        ("派駐農場", "派驻农场检察院机构业务经费"),
    ],
)
def test_traditional_characters_find_simplified_text(client, typed, project):
    answer = search(client, q=typed)
    assert project in first_projects(answer)
    assert not {"corrected", "segmented"} & set(codes(answer))  # found as typed, folded


def test_a_run_of_words_with_no_verbatim_match_is_segmented_and_required(client):
    # 机关服务 … 合同 are in one row's text, not side by side
    answer = search(client, q="服务合同成本")
    assert answer["total"] > 0 and "segmented" in codes(answer)
    assert "机关服务费" in first_projects(answer)
    page = client.get("/", query_string={"q": "服务合同成本"}).get_data(as_text=True)
    assert "已分词检索" in page


def test_a_word_of_the_same_meaning_finds_the_tables_term(client):
    assert "修缮" in same_meaning("维修") or "维修" in same_meaning("修缮")
    answer = search(client, q="修缮")
    assert "办公及业务用房专项维修费" in first_projects(answer)
    assert "also_searched" in codes(answer)
    page = client.get("/", query_string={"q": "修缮"}).get_data(as_text=True)
    assert "同时检索了" in page


def test_a_character_wrong_is_read_as_the_name_it_is_one_from(client):
    answer = search(client, q="检查业务保障费")
    assert first_projects(answer)[:1] == ["检察业务保障费"]
    (notice,) = [n for n in answer["notices"] if n["code"] == "corrected"]
    assert notice["words"] == [["检查业务保障费", "检察业务保障费"]]
    page = client.get("/", query_string={"q": "检查业务保障费"}).get_data(as_text=True)
    assert "按“检察业务保障费”" in page


def test_a_word_found_as_typed_is_not_corrected_or_widened(client):
    answer = search(client, q="检察业务保障费")
    assert not {"corrected", "segmented", "also_searched"} & set(codes(answer))


def test_a_word_found_elsewhere_is_widened_within_the_filters_unless_none_admit_any(client):
    # 经费 as typed is in no 信息化建设工程类 table; its other words (资金, 预算) are
    answer = search(client, q="经费", perf_type="信息化建设工程类")
    assert answer["total"] > 0 and "also_searched" in codes(answer)
    # no table is of this type: no words could find one, and the filter is what to change
    answer = search(client, q="经费", perf_type="没有这一类")
    assert answer["total"] == 0
    assert "nothing_found" in codes(answer) and "also_searched" not in codes(answer)


def test_nothing_like_the_corpus_still_finds_nothing(client):
    answer = search(client, q="量子纠缠卫星")
    assert answer["total"] == 0 and "nothing_found" in codes(answer)


def _right(sets: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """Right answers and queries of each helper-written set, on the question sets' corpus."""
    import tempfile
    from pathlib import Path

    import qa_eval
    import search_eval
    from support import app_on_corpus

    scores = {}
    with tempfile.TemporaryDirectory() as scratch:
        corpus = qa_eval.corpus_into(Path(scratch))
        client = app_on_corpus(corpus, Path(scratch) / "index").test_client()
        for name in sets:
            queries = importlib.import_module(f"search_queries_{name}").QUERIES
            results = search_eval.run(client, queries)
            scores[name] = (sum(ok for _, _, ok in results), len(results))
    return scores


def test_the_dev_half_of_the_helper_queries():
    # the dev half (40 queries, written by a helper from the documents) is built against
    ((right, total),) = _right(("dev",)).values()
    assert right >= 0.95 * total


def test_the_held_out_sets_by_counts_only():
    # four sets written by helpers that never saw the code; a failure says counts only, so
    # that the queries stay unread (tests/search_eval.py SET prints them for the dev set)
    scores = _right(("heldout", "heldout2", "heldout3", "heldout4"))
    right = sum(r for r, _ in scores.values())
    total = sum(t for _, t in scores.values())
    assert right >= 0.95 * total, scores
    assert all(r >= 0.85 * t for r, t in scores.values()), scores


def test_a_page_past_the_last_links_back_to_the_last_page(client):
    answer = search(client, q="预算", per_page=10)
    assert answer["pages"] >= 2
    html = client.get("/", query_string={"q": "预算", "page": 99}).get_data(as_text=True)
    assert "没有找到结果" not in html
    assert f"共 {answer['pages']} 页" in html
    assert f'page={answer["pages"]}">回到最后一页</a>' in html


def test_a_long_query_that_finds_nothing_is_printed_once(client):
    query = "量子纠缠卫星通信" * 30  # cut at 200 characters
    html = client.get("/", query_string={"q": query}).get_data(as_text=True)
    assert "查询过长，只使用了前 200 个字符。" in html
    assert html.count(query[:200]) == 3  # the title, the search box and the one message


def test_a_level_name_lists_the_indicators_under_it(client, sample_projects):
    answer = client.get("/api/indicators/similar", query_string={"q": "满意度"}).get_json()
    assert answer["level"] == "满意度"
    names = [group["name"] for group in answer["groups"]]
    under = {
        row.name
        for project in sample_projects
        for row in project.indicators
        if "满意度" in (row.level2 or "") or "满意度" in (row.level1 or "")
    }
    assert names and set(names) <= under
    html = client.get("/indicators/similar", query_string={"q": "满意度"}).get_data(as_text=True)
    assert "是指标的层级名称" in html and "没有找到相近的指标" not in html
    # an indicator's own name still ranks names by similarity
    named = client.get("/api/indicators/similar", query_string={"q": "社会公众满意度"}).get_json()
    assert named["level"] is None and named["groups"][0]["name"] == "社会公众满意度"


def test_csv_downloads_are_named_by_their_query_and_day(client, sample_projects):
    from datetime import date
    from urllib.parse import quote

    today = date.today().isoformat()
    response = client.get("/export/search.csv", query_string={"q": "沪财行[2014]39号"})
    disposition = response.headers["Content-Disposition"]
    assert f"filename*=UTF-8''{quote(f'检索-沪财行[2014]39号-{today}.csv')}" in disposition
    assert f'filename="jixiao-{today}.csv"' in disposition
    # the project list, one row a table
    response = client.get("/export/projects.csv")
    rows = response.get_data(as_text=True).lstrip("\ufeff").splitlines()
    assert rows[0].startswith("项目名称,年度") and len(rows) == len(sample_projects) + 1
    assert quote(f"项目列表-{today}.csv") in response.headers["Content-Disposition"]
    assert "导出项目列表 CSV" in client.get("/projects").get_data(as_text=True)


def test_a_regulations_citing_projects_are_a_csv(client):
    regulations = client.get("/api/regulations").get_json()
    entry = max(regulations, key=lambda r: len(r.get("citing", r.get("projects", [])) or []))
    response = client.get(f"/export/regulations/{entry['key']}.csv")
    assert response.status_code == 200
    rows = response.get_data(as_text=True).lstrip("\ufeff").splitlines()
    assert rows[0] == "项目名称,栏目,链接" and len(rows) >= 2
    assert f"/export/regulations/{entry['key']}.csv" in client.get(
        f"/regulations/{entry['key']}"
    ).get_data(as_text=True)
    assert client.get("/export/regulations/r-nope.csv").status_code == 404


def test_a_corrected_query_is_offered_as_a_link(client):
    html = client.get("/", query_string={"q": "检查业务保障费"}).get_data(as_text=True)
    assert "您是不是要找：" in html
    from urllib.parse import quote

    assert f'href="/?q={quote("检察业务保障费")}">检察业务保障费</a>' in html
    answer = client.get("/api/search", query_string={"q": "检查业务保障费"}).get_json()
    assert answer["did_you_mean"]["query"] == "检察业务保障费"
    assert (
        client.get("/api/search", query_string={"q": "检察业务保障费"}).get_json()["did_you_mean"]
        is None
    )


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("基关服物费", "机关服务费"),  # two characters that sound alike (a pinyin input slip)
        ("检查夜务保障费", "检察业务保障费"),
        ("jiguanfuwufei", "机关服务费"),  # the name's pinyin, typed in letters
        ("jianchabananyewufei", "检察办案业务费"),
    ],
)
def test_a_word_that_sounds_like_a_name_is_read_as_it(client, typed, meant):
    answer = search(client, q=typed)
    assert answer["did_you_mean"]["query"] == meant
    assert first_projects(answer)[:1] == [meant]
    (notice,) = [n for n in answer["notices"] if n["code"] == "corrected"]
    assert notice["words"] == [[typed, meant]]


def test_three_characters_wrong_are_too_many_even_if_they_sound_alike(client):
    answer = search(client, q="基关付物费")
    assert answer["did_you_mean"] is None and "corrected" not in codes(answer)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("维秀", "维修"),  # a two-character word with a homophone: the index's word
        ("weixiu", "维修"),  # a word's pinyin
        ("manyidu", "满意度"),
    ],
)
def test_a_word_of_the_index_is_offered_for_one_that_sounds_like_it(client, typed, meant):
    answer = search(client, q=typed)
    assert answer["did_you_mean"]["query"] == meant
    assert answer["total"] > 0 and answer["mode"] == "and"


def test_words_typed_in_pinyin_one_by_one_are_each_read(client):
    answer = search(client, q="jiguan fuwufei")
    assert answer["did_you_mean"]["query"] == "机关 服务费"
    assert first_projects(answer)[:1] == ["机关服务费"]


def test_a_long_word_the_index_lacks_is_searched_as_its_shorter_words(client):
    # jieba keeps 管理费用 as one word, which no document holds; 管理 and 费用 (经费) it holds
    answer = search(client, q="管理费用")
    (segmented,) = [n for n in answer["notices"] if n["code"] == "segmented"]
    assert segmented["words"] == ["管理 费用"]
    assert answer["total"] > 0 and answer["mode"] == "and"


def test_words_found_nowhere_are_not_an_any_word_fallback(client):
    answer = search(client, q="龘龘龘 鱻鱻鱻")
    assert answer["total"] == 0 and answer["mode"] == "and"
    assert codes(answer) == ["nothing_found"]


def test_a_run_about_what_the_corpus_lacks_finds_nothing(client):
    # 区块链 is in no table; 技术 and 应用 are in many: they are not what the run is about
    answer = search(client, q="区块链技术应用")
    assert answer["total"] == 0 and "nothing_found" in codes(answer)


def test_a_run_whose_rare_words_a_table_holds_still_falls_back_to_them(client):
    answer = search(client, q="办公用房维修费用")  # 费用: the table says 经费 and 费
    assert "办公及业务用房专项维修费" in first_projects(answer)


SAMPLE_STORE = None


def sample_store():
    """The bundled corpus's records, read once."""
    global SAMPLE_STORE
    if SAMPLE_STORE is None:
        from support import CORPUS

        from indexer.corpus import load_corpus
        from search.store import ProjectStore

        SAMPLE_STORE = ProjectStore(load_corpus(CORPUS)[0].projects)
    return SAMPLE_STORE


@given(st.data())
def test_a_misspelling_looks_through_the_names_that_may_hold_it_only(data):
    """Looking through the names that hold all of a word's characters but one finds what
    looking through every name finds (the first name's stretch one edit away)."""
    from search import spelling

    store = sample_store()
    names = spelling._names(store)
    name, _ = data.draw(st.sampled_from(names))
    start = data.draw(st.integers(0, max(len(name) - 3, 0)))
    word = name[start : start + data.draw(st.integers(3, 8))]
    at = data.draw(st.integers(0, len(word) - 1))
    other = data.draw(st.sampled_from("检察院维修经费项目的年度管理服务系统建设x1"))
    edit = data.draw(st.sampled_from(["replace", "delete", "insert"]))
    typed = {
        "replace": word[:at] + other + word[at + 1 :],
        "delete": word[:at] + word[at + 1 :],
        "insert": word[:at] + other + word[at:],
    }[edit]
    if len(typed) < spelling.MIN_CHARS:
        return
    near = spelling._near_names(typed, store)
    looked = names if near is None else [names[n] for n in near]
    assert spelling._one_edit_stretch(typed, looked) == spelling._one_edit_stretch(typed, names)
