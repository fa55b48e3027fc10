"""Each search backend and the search service on tiny records (Whoosh in memory,
PostgreSQL in a database of its own): matching, the "any word" fallback, facet counts,
sorting, more-like-this, suggestions, the vocabulary."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from support import RunRamStorage

from indexer.citations import extract_citations
from indexer.documents import FACET_FIELDS, PROJECT_FIELD, SORT_FIELDS, all_documents, doc_ref
from indexer.model import Indicator, Project, Source, empty_budget, empty_sections
from indexer.text import words
from search.args import search_request
from search.backend import SearchPlan
from search.backends import open_backend
from search.postgres_backend.backend import PostgresBackend
from search.query import parse_query
from search.service import search
from search.store import ProjectStore
from search.whoosh_backend import WhooshBackend
from search.whoosh_backend.facets import FacetIndex
from search.whoosh_backend.generations import Generation
from search.whoosh_backend.schema import make_schema
from search.whoosh_backend.searching import WhooshSnapshot


def project(
    n: int, name: str, category: str, total: int, overview: str, basis: str = ""
) -> Project:
    sections = {**empty_sections(), "overview": overview, "basis": basis}
    return Project(
        id=f"p{n}",
        source=Source("corpus/x.txt", n),
        year=2020,
        unit="某单位",
        name=name,
        category=category,
        perf_type="运行类",
        start_date=None,
        end_date=None,
        gov_purchase=False,
        sections=sections,
        budget={**empty_budget(), "total": total},
        indicators=[
            Indicator("产出目标", "数量", "会议次数", ">=4次", ">=", 4, "次", "quantitative")
        ],
        citations=extract_citations(sections),
    )


PROJECTS = [
    project(
        1,
        "甲项目",
        "经常性",
        300,
        "用于设备维修和保养。",
        "根据《设备管理办法》（沪财行[2014]39号）",
    ),
    project(2, "乙项目", "经常性", 100, "用于设备维修。"),
    project(3, "丙项目", "一次性", 200, "用于会议保障。", "根据《设备采购规定》"),
]


class RamBackend:
    """The Whoosh backend's snapshot on an index in memory."""

    def __init__(self, projects: list[Project]) -> None:
        self.index = RunRamStorage().create_index(make_schema())
        writer = self.index.writer()
        for seq, doc in enumerate(all_documents(projects)()):
            writer.add_document(**doc, seq=seq)
        writer.commit()
        with self.index.searcher() as searcher:
            facets = FacetIndex(searcher, FACET_FIELDS, SORT_FIELDS, PROJECT_FIELD)
        self.generation = Generation("ram", Path(), self.index, ProjectStore(projects), {}, facets)

    def store(self) -> ProjectStore:
        return self.generation.store

    @contextmanager
    def snapshot(self) -> Iterator[WhooshSnapshot]:
        with self.index.searcher() as searcher:
            yield WhooshSnapshot(self.generation, searcher)


def describe(kinds, name):
    return {"generation": name, "documents": sum(kinds.values())}


@pytest.fixture(scope="module", params=["whoosh", "postgres"])
def backend(request):
    if request.param == "whoosh":
        return RamBackend(PROJECTS)
    engine = PostgresBackend(request.getfixturevalue("postgres").database())
    engine.publish([p.to_dict() for p in PROJECTS], all_documents(PROJECTS), describe)
    return engine


def bag(text: str) -> set[str]:
    return {word for word, _, _ in words(text)}


def plan(text: str = "", **options) -> SearchPlan:
    return SearchPlan(parse_query(text), **options)


def names(backend, result) -> list[str]:
    return [backend.store().get(doc_ref(doc_id).project_id).name for doc_id, _ in result.hits]


def test_every_part_must_match(backend):
    with backend.snapshot() as snap:
        result = snap.search(plan("设备 维修", filters={"kind": "section"}))
    assert (result.mode, result.total) == ("and", 2)
    assert set(names(backend, result)) == {"甲项目", "乙项目"}
    assert all(score > 0 for _, score in result.hits)


def test_any_word_when_no_document_has_all_and_those_with_more_first(backend):
    with backend.snapshot() as snap:
        result = snap.search(plan("会议 保养 维修", filters={"kind": "section"}, stop=10))
    assert result.mode == "or"
    assert names(backend, result)[0] == "甲项目"  # 保养 and 维修
    assert result.cost.scored == result.total


def test_a_result_says_how_many_documents_its_filters_admit(backend):
    documents = list(all_documents(PROJECTS)())
    regular = sum(1 for doc in documents if doc.get("category") == "经常性")
    with backend.snapshot() as snap:
        within = snap.search(plan("会议", filters={"category": "经常性"}))
        nowhere = snap.search(plan("设备", filters={"category": "没有的类"}))
        unfiltered = snap.search(plan("设备"))
    assert within.admitted == regular and 0 < regular < len(documents)
    assert (nowhere.total, nowhere.admitted) == (0, 0)
    assert unfiltered.admitted == len(documents)


def test_facets_count_with_the_other_facets_filters(backend):
    with backend.snapshot() as snap:
        result = snap.search(plan("用于", filters={"category": "经常性", "kind": "section"}))
    assert result.total == 2
    assert result.facet_counts["category"] == {"经常性": 2, "一次性": 1}
    assert result.facet_counts["kind"] == {"section": 2}


def test_no_query_lists_everything_in_source_order_or_by_a_column(backend):
    with backend.snapshot() as snap:
        listed = snap.search(plan(filters={"kind": "project"}))
        by_budget = snap.search(plan(filters={"kind": "project"}, sort=("budget", True)))
    assert listed.mode == "all" and names(backend, listed) == ["甲项目", "乙项目", "丙项目"]
    assert names(backend, by_budget) == ["甲项目", "丙项目", "乙项目"]
    assert all(score is None for _, score in by_budget.hits)


def test_document_numbers_match_exactly_in_any_bracket_style(backend):
    with backend.snapshot() as snap:
        result = snap.search(plan("沪财行（2014）39号", filters={"kind": "citation"}))
    assert names(backend, result) == ["甲项目"]


def test_more_like_finds_the_sections_that_share_key_terms(backend):
    with backend.snapshot() as snap:
        found, complete = snap.more_like("s:p1:overview", "用于设备维修和保养。", "section", 5)
    assert complete
    assert found[0][0] == "s:p2:overview"
    assert "s:p1:overview" not in {doc_id for doc_id, _ in found}


def test_suggest_completes_the_records_names_from_inside(backend):
    with backend.snapshot() as snap:
        assert {e.text for e in snap.suggest("管理办", 10)} >= {"设备管理办法"}
        numbers = [e.text for e in snap.suggest("沪财行 【2014", 10) if e.kind == "number"]
        assert numbers == ["沪财行〔2014〕39号"]
        assert [e.text for e in snap.suggest("乙", 10) if e.kind == "project"] == ["乙项目"]
        assert [e.text for e in snap.suggest("议次", 10)] == ["会议次数"]
        assert snap.suggest("", 10) == [] and snap.suggest("量子", 10) == []


def test_the_service_answers_from_any_backend(backend):
    answer = search(backend, search_request({"q": "维修", "kind": "section"}))
    assert answer["total"] == 2 and answer["mode"] == "and"
    assert {h["project_name"] for h in answer["hits"]} == {"乙项目", "甲项目"}
    assert all(
        f["text"][s:e] == "维修"
        for h in answer["hits"]
        for f in h["fragments"]
        for s, e in f["spans"]
    )
    nothing = search(backend, search_request({"q": "，。"}))
    assert nothing["mode"] == "none" and nothing["notices"][0]["code"] == "nothing_searchable"


def test_the_backend_is_chosen_by_config(tmp_path):
    assert isinstance(open_backend({"INDEX_DIR": tmp_path}), WhooshBackend)
    assert isinstance(
        open_backend({"INDEX_DIR": tmp_path, "SEARCH_BACKEND": "whoosh"}), WhooshBackend
    )
    url = "postgresql://nobody@127.0.0.1:1/none"
    chosen = open_backend({"SEARCH_BACKEND": "postgres", "DATABASE_URL": url})
    assert isinstance(chosen, PostgresBackend) and chosen.url == url
    with pytest.raises(ValueError, match="JIXIAO_DATABASE_URL"):
        open_backend({"SEARCH_BACKEND": "postgres", "DATABASE_URL": ""})
    with pytest.raises(ValueError, match="unknown SEARCH_BACKEND 'solr'"):
        open_backend({"INDEX_DIR": tmp_path, "SEARCH_BACKEND": "solr"})


def test_vocabulary_is_the_indexs_words_with_their_document_counts(backend):
    with backend.snapshot() as snap:
        vocabulary = snap.vocabulary()
        holding = [d for d in all_documents(PROJECTS)() if "维修" in bag(d["body"])]
        assert vocabulary["维修"] == len(holding) > 0
        assert "维修和" not in vocabulary and snap.vocabulary() is vocabulary  # read once
