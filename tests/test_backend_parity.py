"""Both backends answer alike: built from the same files, and then after one file is
added, every search (with filters, by passage and by project, with no query at all) has
the same totals and facet counts on Whoosh and on PostgreSQL. Both count facets over the
same arrays (`search.facets`), each filled from its own index; the page and the totals
of PostgreSQL come from SQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.generate import generate, write_corpus
from indexer.build import add_files, build_index
from search.args import search_request
from search.backend import SearchBackend
from search.backends import open_backend
from search.service import search

QUERIES = ["", "满意度", "维修 经费", "培训", "信息化 系统 运维", "会议保障 量子纠缠"]
VIEWS = [{}, {"view": "projects"}]


def counts(backend: SearchBackend, params: dict[str, str]) -> tuple:
    answer = search(backend, search_request({**params, "per_page": "10"}))
    facets = {name: {v["value"]: v["count"] for v in vs} for name, vs in answer["facets"].items()}
    return answer["total"], answer["mode"], facets


def requests(backend: SearchBackend) -> list[dict[str, str]]:
    """Each query alone and by project, then with a filter taken from its own facets: one
    value of each facet that has one (问题 and 年度 among them), and two together."""
    asked = []
    for q in QUERIES:
        for view in VIEWS:
            base = {"q": q, **view}
            asked.append(base)
            _, _, facets = counts(backend, base)
            chosen = {name: next(iter(values)) for name, values in facets.items() if values}
            for name, value in chosen.items():
                asked.append({**base, name: str(value)})
            pair = [name for name in ("kind", "category", "year", "problem") if name in chosen]
            if len(pair) >= 2:
                asked.append({**base, **{name: str(chosen[name]) for name in pair[:2]}})
    return asked


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    """About 60 generated projects over many files, and one more file to add later."""
    path = tmp_path_factory.mktemp("parity") / "corpus"
    write_corpus(generate(60, seed=23), path)
    late = sorted(path.rglob("*.txt"))[len(list(path.rglob("*.txt"))) // 2]
    kept = path.parent / "late.txt"
    shutil.move(late, kept)
    return path, late


def test_whoosh_and_postgres_count_alike_before_and_after_an_update(corpus, postgres, tmp_path):
    files, late = corpus
    places = {
        "whoosh": ({"SEARCH_BACKEND": "whoosh"}, tmp_path / "whoosh"),
        "postgres": (
            {"SEARCH_BACKEND": "postgres", "DATABASE_URL": postgres.database()},
            tmp_path / "postgres",
        ),
    }
    for config, index_dir in places.values():
        build_index(files, index_dir, backend_config=config)
    engines = {
        name: open_backend({**config, "INDEX_DIR": str(index_dir)})
        for name, (config, index_dir) in places.items()
    }
    try:
        for stage in ("built", "updated"):
            asked = requests(engines["whoosh"])
            assert len(asked) > 40 and any("problem" in params for params in asked)
            for params in asked:
                assert counts(engines["whoosh"], params) == counts(engines["postgres"], params), (
                    stage,
                    params,
                )
            if stage == "built":
                shutil.copy(files.parent / "late.txt", late)
                for config, index_dir in places.values():
                    add_files(files, index_dir, [late], backend_config=config)
    finally:
        for engine in engines.values():
            engine.close()
