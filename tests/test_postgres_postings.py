"""The documents of frequent terms kept beside PostgreSQL's GIN indexes
(`search/postgres_backend/postings.py`): a search that reads them answers exactly as the
statements over the GIN indexes do (the same matches, facet counts, order and scores to
the last bit), before and after updates, and both ways they are stored read back."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import numpy as np
import psycopg
import pytest
from support import CORPUS
from test_update import answers, copy_corpus

from benchmarks.generate import generate, write_corpus
from indexer.build import add_files, build_index, remove_files
from indexer.documents import section_doc_id
from search.args import search_request
from search.backend import SearchPlan
from search.backends import open_backend
from search.postgres_backend import postings, searching
from search.postgres_backend.publish import REGISTRY
from search.query import parse_query
from search.service import search

EVERY_TERM, NO_TERM = "1", "1000000000"


def test_a_run_is_kept_as_offsets_or_as_a_bitmap_and_read_back():
    rng = np.random.default_rng(5)
    for count in (0, 1, 4096, 4097, 30_000, postings.PART):
        start = 3 * postings.PART
        docs = np.sort(rng.choice(postings.PART, count, replace=False)) + start
        bits, data = postings.encode(docs, start)
        assert bits == (count > 4096)
        assert len(data) == (postings.PART // 8 if bits else 2 * count)
        assert np.array_equal(postings.decode(start, bits, data), docs)
        runs = [(start, bits, data), (0, *postings.encode(np.array([5, 70]), 0))]
        found = postings.marked(runs, start + postings.PART + 10)
        assert np.array_equal(np.flatnonzero(found), np.concatenate([[5, 70], docs]))
        # numbers past the documents in use (removed since) are left out
        short = postings.marked(runs, start + postings.PART // 2)
        assert np.array_equal(np.flatnonzero(short), [5, 70, *docs[docs < len(short)]])


def test_the_threshold_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(postings.HELD_FROM_VARIABLE, "50")
    assert postings.held_from() == 50
    monkeypatch.setenv(postings.HELD_FROM_VARIABLE, "many")
    assert postings.held_from() == postings.HELD_FROM


def queries() -> list[str]:
    """Every query of the search evaluation sets (written from the documents by a
    helper), and a few of several words."""
    found = ["", "满意度", "维修 经费", "维修 经费 培训", "经费", "预算 执行率"]
    found += ["会议保障 量子纠缠"]
    for name in ("dev", "heldout", "heldout2", "heldout3", "heldout4"):
        found += [q["q"] for q in importlib.import_module(f"search_queries_{name}").QUERIES]
    return found


def built(postgres, tmp_path, monkeypatch, held_from: str, corpus: Path = CORPUS):
    monkeypatch.setenv(postings.HELD_FROM_VARIABLE, held_from)
    config = {"SEARCH_BACKEND": "postgres", "DATABASE_URL": postgres.database()}
    index_dir = tmp_path / f"index-{held_from}"
    build_index(corpus, index_dir, backend_config=config, full=True)
    return config, index_dir


def held_terms(url: str) -> tuple[int, int]:
    """How many (field, term) the live generation counts, and how many it holds."""
    with psycopg.connect(url) as conn:
        (name,) = conn.execute(f"SELECT name FROM {REGISTRY}.live").fetchone()
        return conn.execute(
            f"SELECT (SELECT count(*) FROM {name}.terms), "
            f"(SELECT count(DISTINCT (field, term)) FROM {name}.postings)"
        ).fetchone()


def outcome(result) -> tuple:
    """Everything a search's result says, its cost included."""
    return (
        result.total,
        result.mode,
        result.facet_counts,
        result.hits,
        result.groups,
        result.passages,
        result.projects,
        result.admitted,
        result.cost,
    )


# the plans' other settings: by project, sorted by a column, filtered (once to nothing)
VARIANTS = (
    {},
    {"by_project": True},
    {"sort": ("budget", True)},
    {"filters": {"kind": "indicator"}},
    {"filters": {"category": "没有这一类"}},
)


def same_outcomes(a, b, texts, **fixed) -> None:
    """Every text in every variant searched on both backends: the same outcome."""
    for text in texts:
        for variant in VARIANTS:
            plan = SearchPlan(parse_query(text), stop=60, **variant, **fixed)
            with a.snapshot() as sa, b.snapshot() as sb:
                assert outcome(sa.search(plan)) == outcome(sb.search(plan)), (text, variant)


def open_built(postgres, tmp_path, monkeypatch, held_from: str):
    config, index_dir = built(postgres, tmp_path, monkeypatch, held_from)
    return open_backend({**config, "INDEX_DIR": str(index_dir)})


@pytest.mark.parametrize(
    "held_from",
    [EVERY_TERM, "10"],
    ids=["every term held", "terms of 10 documents held, the others read from GIN"],
)
def test_searches_over_held_terms_answer_as_the_statements_do(
    postgres, tmp_path, monkeypatch, held_from
):
    a = open_built(postgres, tmp_path, monkeypatch, held_from)
    b = open_built(postgres, tmp_path, monkeypatch, NO_TERM)
    counted, held = held_terms(a.url)
    assert (held == counted > 1000) if held_from == EVERY_TERM else (100 < held < counted / 4)
    assert held_terms(b.url)[1] == 0
    for q in queries():
        for extra in ({}, {"view": "projects"}, {"sort": "budget"}):
            request = search_request({"q": q, "per_page": "50", **extra})
            assert search(a, request) == search(b, request), (q, extra)
    # and the scores to the last bit (the service rounds them)
    same_outcomes(a, b, queries())
    # the "most of it" fallback, which the service asks for on long queries only
    several = ["维修 经费 培训", "会议保障 量子纠缠 满意度", "信息化 系统 运维 量子", "培训 量子"]
    same_outcomes(a, b, several, most_of_it=True)
    with a.snapshot() as sa:
        some = [sa.search(SearchPlan(parse_query(q), most_of_it=True)) for q in several]
    assert any(r.mode == "or" and r.total > 0 for r in some)
    # passages like each section of every project, as `similar_passages` asks
    found = 0
    for project in a.store().projects:
        for section, text in project.sections.items():
            own = section_doc_id(project.id, section)
            with a.snapshot() as sa, b.snapshot() as sb:
                one = sa.more_like(own, text, "section", 50)
                assert one == sb.more_like(own, text, "section", 50), (project.id, section)
            found += bool(one[0])
    assert found > 30
    a.close()
    b.close()


def test_a_terms_documents_are_looked_up_from_its_runs_or_its_numbers():
    docs = np.array([3, 9, 70_000, 70_001])
    runs = [(postings.PART, *postings.encode(np.array([70_000, 70_002]), postings.PART))]
    runs.append((0, *postings.encode(np.array([1, 3]), 0)))
    held = searching.TermDocuments(runs=runs)
    assert np.array_equal(postings.numbers(runs), [1, 3, 70_000, 70_002])
    assert held.among(docs).tolist() == [True, False, True, False]
    assert searching.TermDocuments(numbers=np.array([3, 70_001])).among(docs).tolist() == [
        True,
        False,
        False,
        True,
    ]
    nothing = searching.TermDocuments(numbers=np.zeros(0, dtype=np.int64))
    assert nothing.among(docs).tolist() == [False] * 4
    assert held.among(docs[:0]).tolist() == []
    assert np.array_equal(np.flatnonzero(held.marked(70_001)), [1, 3, 70_000])


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """About 60 generated projects over many files, and one more file of others."""
    path = tmp_path_factory.mktemp("generated")
    write_corpus(generate(60, seed=23), path / "corpus")
    write_corpus(generate(6, seed=29), path / "more")
    return path


def numbered(url: str) -> tuple[int, int]:
    """The numbers the live generation has given, and the highest in use."""
    with psycopg.connect(url) as conn:
        (name,) = conn.execute(f"SELECT name FROM {REGISTRY}.live").fetchone()
        given, highest = conn.execute(
            f"SELECT (SELECT meta->>'numbered' FROM {REGISTRY}.generations WHERE name = %s), "
            f"(SELECT max(docnum) FROM {name}.docs)",
            [name],
        ).fetchone()
    return int(given), highest


def test_updates_answer_as_the_statements_do_and_give_no_number_twice(
    postgres, generated, tmp_path, monkeypatch
):
    """The same updates on an index that holds every term and on one that holds none:
    after removing the last file (the held terms' rows then hold numbers past the
    documents in use) and after adding one, both answer alike, and alike a full build.
    A number given again would be found by the removed documents' terms. Runs of 64
    numbers, so that the documents span many runs, some stored as bitmaps, and an update
    begins inside a run; a term keeps one row per run."""
    monkeypatch.setattr(postings, "PART", 64)
    places = {}
    for held_from in (EVERY_TERM, NO_TERM):
        corpus = copy_corpus(generated / "corpus", tmp_path / f"corpus-{held_from}")
        places[held_from] = (corpus, *built(postgres, tmp_path, monkeypatch, held_from, corpus))
    texts = ["", "满意度", "维修 经费", "培训", "信息化 系统 运维", "经费 第二分院"]
    engines = {}
    for held_from, (corpus, config, index_dir) in places.items():
        last = sorted(corpus.rglob("*.txt"))[-1]  # its documents have the highest numbers
        last.unlink()
        remove_files(corpus, index_dir, [last], backend_config=config)
        engines[held_from] = open_backend({**config, "INDEX_DIR": str(index_dir)})
    same_outcomes(engines[EVERY_TERM], engines[NO_TERM], texts)
    for corpus, config, index_dir in places.values():
        given, _ = numbered(config["DATABASE_URL"])
        extra = sorted((generated / "more").rglob("*.txt"))[0]
        added = corpus / ("新增-" + extra.name)
        shutil.copy(extra, added)
        add_files(corpus, index_dir, [added], backend_config=config)
        now, highest = numbered(config["DATABASE_URL"])
        assert highest >= given and now == highest + 1  # after every number given before
    same_outcomes(engines[EVERY_TERM], engines[NO_TERM], texts)
    corpus, config, index_dir = places[EVERY_TERM]
    full_config, full_dir = built(postgres, tmp_path / "full", monkeypatch, EVERY_TERM, corpus)
    assert answers(config, index_dir) == answers(full_config, full_dir)
    with psycopg.connect(config["DATABASE_URL"]) as conn:
        (name,) = conn.execute(f"SELECT name FROM {REGISTRY}.live").fetchone()
        starts, most, bitmaps = conn.execute(
            f"SELECT count(DISTINCT start), max(n), count(*) FILTER (WHERE bits) FROM "
            f"(SELECT start, bits, count(*) OVER (PARTITION BY field, term) n "
            f"FROM {name}.postings) r"
        ).fetchone()
        misaligned = conn.execute(
            f"SELECT count(*) FROM {name}.postings WHERE start % 64 <> 0"
        ).fetchone()[0]
    given, _ = numbered(config["DATABASE_URL"])
    assert starts == -(-given // 64) > 20 and most <= starts and bitmaps > 0 and misaligned == 0
    for engine in engines.values():
        engine.close()
