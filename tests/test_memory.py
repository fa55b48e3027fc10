"""What a generation holds in memory (issue 17, memory per process): its records as
they were written, each text held once, and everything built from them built before a
server forks its workers, so that the workers share it instead of each building its own."""

from __future__ import annotations

import gc
import shutil
import weakref

import jieba
import jieba.posseg
import pytest
from support import CORPUS

from app import create_app, warm
from indexer.build import build_index
from search import qa
from search.qa import reading
from search.qa.answers import ProjectMatcher, matcher
from search.store import PER_GENERATION, ProjectStore, cached_properties


def test_a_generation_gives_back_the_records_it_was_built_from(engine, sample_projects):
    with engine.snapshot() as snapshot:
        read = snapshot.store.projects
    assert [p.to_dict() for p in read] == [p.to_dict() for p in sample_projects]


def test_a_generation_holds_each_text_once(engine):
    with engine.snapshot() as snapshot:
        projects = snapshot.store.projects
    texts = [
        value
        for p in projects
        for row in p.indicators
        for value in (row.level1, row.level2, row.name, row.target, row.kind)
    ] + [c.section for p in projects for c in p.citations]
    texts += [p.unit for p in projects] + [p.source.file for p in projects]
    assert len(set(texts)) < len(texts) / 4  # the texts do recur
    assert len({id(text) for text in texts}) == len(set(texts))


def computed(value: object) -> set[str]:
    """The names of the cached properties of `value`'s class it has worked out."""
    return cached_properties(type(value)) & set(vars(value))


def cached_names(cls: type) -> set[str]:
    names = cached_properties(cls)
    assert names  # the classes do have some
    return names


def test_warming_builds_everything_the_store_and_the_questions_build_on_first_use(
    backend_config,
):
    app = create_app({"TESTING": True, "BUILD_IF_MISSING": False, **backend_config})
    backend = app.extensions["jixiao.backend"]
    try:
        frozen = gc.get_freeze_count()
        warm(app)
        # what it built is left out of the garbage collector's walks, which stay on
        assert gc.get_freeze_count() > frozen and gc.isenabled()
        with backend.snapshot() as snapshot:
            store = snapshot.store
            assert computed(store) == cached_names(ProjectStore)
            # and what the other modules build once per generation (kept on the store)
            assert set(store._built) == set(PER_GENERATION) and len(PER_GENERATION) >= 10
            assert computed(matcher(store)) == cached_names(ProjectMatcher)
    finally:
        backend.close()
    assert jieba.dt.initialized  # jieba's dictionary: about 100 MB, read once
    assert jieba.posseg.dt.word_tag_tab  # and its parts of speech
    assert reading._CONVERTER is not None  # and OpenCC's tables (10 MB)


def test_preparing_the_questions_of_a_new_store_builds_its_indexes(sample_projects):
    store = ProjectStore(sample_projects)
    qa.prepare(store)
    assert computed(matcher(store)) == cached_names(ProjectMatcher)


@pytest.mark.parametrize("backend", ["whoosh", "postgres"])
def test_a_replaced_generation_is_freed_without_the_cycle_collector(backend, request, tmp_path):
    """`warm` freezes what it builds out of the cycle collector: a generation replaced
    later must be freed by reference counts alone, or every update would keep the old
    one for good."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    config = {"SEARCH_BACKEND": backend, "INDEX_DIR": str(tmp_path / "index")}
    if backend == "postgres":
        config["DATABASE_URL"] = request.getfixturevalue("postgres").database()
    build_index(corpus, tmp_path / "index", backend_config=config)
    app = create_app({"TESTING": True, "BUILD_IF_MISSING": False, **config})
    client = app.test_client()
    asked = ("/api/search?q=满意度", "/api/ask?q=满意度指标一般设多少", "/projects")
    try:
        warm(app)
        for path in asked:
            assert client.get(path).status_code == 200
        old = weakref.ref(app.extensions["jixiao.backend"].store())
        first = sorted(corpus.rglob("*.txt"))[0]
        text = first.read_text("utf-8")
        gc.disable()
        for n in range(3):  # a new generation each time: the caches of two let the old go
            first.write_text(text.replace("满意度", "满意率", n + 1), "utf-8")
            build_index(corpus, tmp_path / "index", backend_config=config)
            for path in asked:
                assert client.get(path).status_code == 200
        assert old() is None
    finally:
        gc.enable()
        app.extensions["jixiao.backend"].close()
