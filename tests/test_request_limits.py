"""Bounded work per request: a query keeps a bounded number of parts and terms, the "any
word" fallback scores a bounded number of candidates, ranking stops at a time budget, and
exports and the project list come in bounded pages. Asserted as work done (terms kept,
candidates scored, rows written), never as time. Plus CSV injection, CSV links and HTML
characters in JSON."""

from __future__ import annotations

import csv
import io
import json
import re

import numpy as np
import pytest

from app import MAX_EXPORT_ROWS, create_app
from benchmarks.generate import generate, write_corpus
from indexer.build import build_index
from indexer.csvfile import neutralize, to_csv
from search.args import search_request
from search.compile import MAX_KEY_TERMS, key_term_count
from search.passages import similar_passages
from search.query import (
    MAX_MATCH_TERMS,
    MAX_QUERY_MATCH_TERMS,
    MAX_QUERY_PARTS,
    MAX_QUERY_RANK_TERMS,
    MAX_RANK_TERMS,
    choose,
    parse_query,
    spread,
)
from search.service import MAX_HIT_TEXT, search
from search.views import shown_answer, shown_hit
from search.whoosh_backend import WhooshBackend
from search.whoosh_backend.compile import build_rank_query, substring_query, word_query
from search.whoosh_backend.scoring import rank_within, score_documents, term_count
from search.whoosh_backend.searching import MAX_SCORED

NEVER = "龘"  # in no table
COMMON_PAIRS = "项目 预算 管理 工作 实施 保障 质量 完成 经费 服务 建设 资金 单位 计划"


@pytest.fixture(scope="module")
def big_index(tmp_path_factory):
    """A real index of 200 generated projects (about 3,500 documents)."""
    tmp = tmp_path_factory.mktemp("big")
    write_corpus(generate(200, seed=7), tmp / "corpus")
    build_index(tmp / "corpus", tmp / "index")
    return tmp / "index"


@pytest.fixture(scope="module")
def big_engine(big_index):
    return WhooshBackend(big_index)


@pytest.fixture(scope="module")
def big_client(big_index):
    app = create_app({"TESTING": True, "INDEX_DIR": str(big_index), "BUILD_IF_MISSING": False})
    return app.test_client()


def run_search(engine, **args):
    return search(engine, search_request(args))


# --------------------------------------------------------------------------- the query


def test_a_query_keeps_a_bounded_number_of_parts_and_says_which_it_dropped():
    words = [f"词{i:02d}" for i in range(60)]
    parts = parse_query(" ".join(words))
    assert parts.words == tuple(words[:MAX_QUERY_PARTS])
    assert parts.dropped == tuple(words[MAX_QUERY_PARTS:])
    # document numbers and titles are kept before words
    parts = parse_query(" ".join(words[:10]) + " 沪财行[2014]39号 《管理办法》")
    assert parts.numbers == ("沪财行〔2014〕39号",)
    assert parts.titles == ("管理办法",)
    assert parts.count == MAX_QUERY_PARTS


def test_a_long_word_matches_and_ranks_by_a_bounded_number_of_terms():
    text = "".join(chr(0x4E00 + i * 7) for i in range(200))
    assert term_count(substring_query(text)) == MAX_MATCH_TERMS
    assert term_count(word_query(text)) <= MAX_RANK_TERMS
    parts = parse_query(" ".join(text[i : i + 25] for i in range(0, 200, 25)))
    assert term_count(build_rank_query(parts, "or")) <= MAX_QUERY_PARTS * MAX_RANK_TERMS


def test_spread_keeps_the_ends_and_spaces_the_rest_evenly():
    assert spread(list(range(10)), 4) == [0, 3, 6, 9]
    assert spread([1, 2], 5) == [1, 2]
    assert spread(list(range(100)), 1) == [0]


def test_a_long_word_still_finds_its_text(engine, sample_projects):
    # A run of 30+ characters of a section: found by 12 of its pairs, its section first.
    project = sample_projects[0]
    section, run = max(
        ((key, m[0]) for key, text in project.sections.items()
         for m in re.finditer(r"[\u4e00-\u9fff]{30,}", text)),
        key=lambda found: len(found[1]),
    )  # fmt: skip
    answer = run_search(engine, q=run)
    assert answer["cost"]["match_terms"] == MAX_MATCH_TERMS
    assert (answer["hits"][0]["project_id"], answer["hits"][0]["section"]) == (project.id, section)


# --------------------------------------------------------------------------- the service


def test_hostile_query_of_many_common_words_does_bounded_work(big_engine):
    """65 common words with one that no table has: the AND fails, the fallback matches
    nearly everything. Parts, terms and scored candidates stay bounded."""
    words = [NEVER, *COMMON_PAIRS.split()] * 5
    answer = run_search(big_engine, q=" ".join(words))
    cost = answer["cost"]
    assert answer["mode"] == "or"
    assert answer["total"] > MAX_SCORED  # the fallback matched more than we score
    assert cost["parts"] == MAX_QUERY_PARTS
    assert cost["match_terms"] <= MAX_QUERY_MATCH_TERMS
    assert cost["rank_terms"] <= MAX_QUERY_RANK_TERMS
    assert 0 < cost["scored"] <= MAX_SCORED
    (dropped,) = [n for n in answer["notices"] if n["code"] == "parts_dropped"]
    assert dropped["kept"] == MAX_QUERY_PARTS and dropped["words"][0] == words[MAX_QUERY_PARTS]
    assert any("只检索了前 8 个" in m for m in shown_answer(answer)["messages"])
    assert len(answer["hits"]) == 10


def test_long_runs_of_common_text_read_a_bounded_number_of_terms(big_engine, sample_projects):
    """Eight long runs of text every table repeats: each part's rarest pairs, 24 in all."""
    runs = [
        m[0]
        for p in sample_projects
        for text in p.sections.values()
        for m in re.finditer(r"[\u4e00-\u9fff]{12,}", text)
    ][:8]
    answer = run_search(big_engine, q=" ".join(runs))
    assert answer["cost"]["parts"] == 8
    assert answer["cost"]["match_terms"] <= MAX_QUERY_MATCH_TERMS
    assert answer["cost"]["rank_terms"] <= MAX_QUERY_RANK_TERMS


def test_rarest_terms_are_chosen_in_text_order():
    terms = [("grams", t) for t in ["甲乙", "乙丙", "丙丁", "丁戊", "戊己"]]
    df = {"甲乙": 50, "乙丙": 1, "丙丁": 30, "丁戊": 2, "戊己": 40}
    assert choose(terms, 2, lambda field, text: df[text]) == [terms[1], terms[3]]
    assert choose(terms, 3, None) == [terms[0], terms[2], terms[4]]  # spread evenly
    assert choose(terms + terms, 9, None) == terms  # repeats once


def test_fallback_puts_documents_with_more_words_first_on_every_page(big_engine):
    coverage = []
    for page in range(1, 13):
        answer = run_search(big_engine, q=f"{NEVER} 理工 项目", per_page=100, page=str(page))
        assert answer["mode"] == "or"
        coverage += [("理工" in h["text"]) + ("项目" in h["text"]) for h in answer["hits"]]
    assert coverage == sorted(coverage, reverse=True)
    assert coverage[0] == 2 and coverage[-1] == 1


def test_fallback_candidates_are_those_matching_most_words(big_engine):
    answer = run_search(big_engine, q=f"{NEVER} 人脸识别 项目", per_page=5)
    assert answer["mode"] == "or"
    # the documents with both words come first, by score
    both = [("人脸识别" in h["text"]) + ("项目" in h["text"]) for h in answer["hits"]]
    assert both == sorted(both, reverse=True) and both[0] == 2
    scores = [h["score"] for h in answer["hits"][:4]]
    assert scores == sorted(scores, reverse=True)


def test_pages_past_the_scored_candidates_follow_in_order_without_repeats(big_engine):
    seen = []
    for page in range(1, 4):
        answer = run_search(big_engine, q=f"{NEVER} 项目 预算", per_page=100, page=str(page))
        seen += [(h["project_id"], h["kind"], h["section"], h["text"][:30]) for h in answer["hits"]]
    assert len(seen) == 300
    assert len(set(seen)) == len(seen)


def test_ranking_stops_at_its_time_budget_and_returns_what_it_has(big_engine):
    with big_engine.searching() as (generation, searcher):
        query = build_rank_query(parse_query("项目 预算"), "or")
        everything = set(range(generation.facets.size))
        ranking = rank_within(searcher, query, everything, 10, seconds=0.0)
        assert not ranking.complete
        assert len(ranking.scored) <= 10
        candidates = np.arange(generation.facets.size)
        ranking = score_documents(searcher, query, candidates, seconds=0.0)
        assert not ranking.complete
        assert ranking.examined < len(candidates)
        full = score_documents(searcher, query, candidates[:500], seconds=60)
        assert full.complete and full.examined <= 500
        assert full.scored and all(0 <= d < 500 and s > 0 for d, s in full.scored)
        # the same scores as Whoosh's own collector
        whoosh = {h.docnum: h.score for h in searcher.search(query, limit=None)}
        assert all(whoosh[d] == pytest.approx(s) for d, s in full.scored)


def test_hit_text_is_capped_but_its_snippet_sees_all_of_it(tmp_path):
    from support import SAMPLE

    from indexer import parse_text
    from indexer.render import render

    text = SAMPLE.read_text(encoding="utf-8").split(" 财政项目支出绩效目标表")[0]
    project = parse_text(text, "x.txt").projects[0]
    project.sections["overview"] = "说明" * 4_000 + "结尾的独特词语"
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "long.txt").write_text(render(project, 40), encoding="utf-8")
    build_index(tmp_path / "corpus", tmp_path / "index")
    answer = run_search(WhooshBackend(tmp_path / "index"), q="结尾的独特词语")
    (hit,) = answer["hits"]
    assert len(hit["text"]) == MAX_HIT_TEXT + 1 and hit["text"].endswith("…")
    (frag,) = hit["fragments"]  # the window at the end of the whole text, as data
    assert frag["before"] and not frag["after"]
    assert [frag["text"][s:e] for s, e in frag["spans"]] == ["结尾的独特词语"]
    assert "<mark>结尾的独特词语</mark>" in shown_hit(hit)["snippet_html"]


def test_similar_passages_read_a_bounded_number_of_key_terms(big_engine):
    assert key_term_count("说明" * 50_000) == MAX_KEY_TERMS
    project = big_engine.generation().store.projects[0]
    data = similar_passages(big_engine, project.id, "basis", limit=50)
    assert isinstance(data["complete"], bool)
    assert 0 < len(data["passages"]) <= 50
    assert all(len(p["text"]) <= MAX_HIT_TEXT + 1 for p in data["passages"])
    assert project.id not in {p["project_id"] for p in data["passages"]}


# --------------------------------------------------------------------------- exports and lists


def read_csv(response):
    return list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))


def test_search_export_is_capped_and_says_so(big_client):
    total = big_client.get("/api/search?q=项目").get_json()["total"]
    assert total > MAX_EXPORT_ROWS
    rows = read_csv(big_client.get("/export/search.csv?q=项目"))
    assert len(rows) == 1 + MAX_EXPORT_ROWS + 1
    assert rows[-1] == [f"仅导出前 {MAX_EXPORT_ROWS} 条结果（共 {total} 条）。"]


def test_csv_links_never_come_from_the_host_header(client, index_dir):
    rows = read_csv(client.get("/export/search.csv?q=满意度", headers={"Host": "evil.example"}))
    links = [row[5] for row in rows[1:]]
    assert links and all(re.fullmatch(r"/projects/[\w-]+(#[\w-]+)?", link) for link in links)
    configured = create_app(
        {"INDEX_DIR": str(index_dir), "BUILD_IF_MISSING": False, "BASE_URL": "https://jx.gov/"}
    ).test_client()
    rows = read_csv(configured.get("/export/search.csv?q=满意度", headers={"Host": "evil.x"}))
    assert all(row[5].startswith("https://jx.gov/projects/") for row in rows[1:])


def test_project_list_comes_in_pages(big_client):
    first = big_client.get("/api/projects")
    records = first.get_json()
    assert isinstance(records, list) and len(records) == 100  # SPEC shape, first page
    assert first.headers["X-Total-Count"] == "200"
    assert '</api/projects?page=2>; rel="next"' in first.headers["Link"]
    assert '</api/projects?page=2>; rel="last"' in first.headers["Link"]
    page = big_client.get("/api/projects?per_page=30&page=3")
    assert [r["id"] for r in page.get_json()] == [r["id"] for r in records[60:90]]
    assert 'rel="prev"' in page.headers["Link"]
    assert big_client.get("/api/projects?page=99").get_json() == []
    for bad in ("per_page=0", "per_page=201", "page=x", "page=0"):
        response = big_client.get(f"/api/projects?{bad}")
        assert response.status_code == 400 and set(response.get_json()) == {"error"}
    html = big_client.get("/projects?page=2").get_data(as_text=True)
    assert "共 200 个项目，第 2 / 2 页" in html
    assert html.count('<a href="/projects/') == 100
    landing = big_client.get("/").get_data(as_text=True)
    assert "全部项目（200 个）" in landing and "查看全部 200 个项目" in landing


def test_regulation_catalogue_comes_in_pages(big_client):
    first = big_client.get("/api/regulations")
    total = int(first.headers["X-Total-Count"])
    assert total > 100 and len(first.get_json()) == 100
    everything = []
    for page in range(1, -(-total // 100) + 1):
        everything += big_client.get(f"/api/regulations?page={page}").get_json()
    assert len({e["key"] for e in everything}) == total
    cited = [len({c["project_id"] for c in e["cited_by"]}) for e in everything]
    assert cited == sorted(cited, reverse=True)  # most-cited first, across pages
    narrowed = big_client.get("/api/regulations?q=财政&per_page=5")
    assert "q=%E8%B4%A2%E6%94%BF" in narrowed.headers["Link"]
    html = big_client.get("/regulations?page=2").get_data(as_text=True)
    assert f"文件共 {total} 个" in html and "第 2 / " in html


def test_sample_project_list_is_whole_on_its_first_page(client, sample_projects):
    response = client.get("/api/projects")
    assert [r["id"] for r in response.get_json()] == [p.id for p in sample_projects]
    assert response.headers["X-Total-Count"] == str(len(sample_projects))


# --------------------------------------------------------------------------- CSV injection


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_a_spreadsheet_would_run_are_text(start):
    cell = f'{start}HYPERLINK("http://x","y")'
    assert neutralize(cell) == "'" + cell
    rows = list(csv.reader(io.StringIO(to_csv(["h"], [[cell, -5, 3.5, "plain"]])[1:])))
    assert rows[1] == ["'" + cell, "-5", "3.5", "plain"]


def test_no_cell_of_any_export_starts_a_formula(client):
    for path in ("/export/indicators.csv", "/export/search.csv?q=满意度"):
        for row in read_csv(client.get(path)):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (path, cell)
                assert not (cell.startswith("-") and not re.fullmatch(r"-[\d.]+", cell))


# --------------------------------------------------------------------------- JSON


def test_json_escapes_html_characters(client):
    response = client.get("/api/search", query_string={"q": "<script>&</script>"})
    body = response.get_data(as_text=True)
    assert "<" not in body and ">" not in body and "&" not in body
    assert "\\u003cscript\\u003e\\u0026" in body
    assert json.loads(body)["query"] == "<script>&</script>"
    assert response.get_json()["query"] == "<script>&</script>"
    record = client.get("/api/projects").get_json()[0]
    assert "\\u003c" not in json.dumps(record, ensure_ascii=False)  # only on the wire
