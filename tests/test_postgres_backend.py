"""The PostgreSQL backend's own behaviour (its searches are tested with every other
backend's, through the `engine`, `app` and `client` fixtures): generations switched in
one transaction, a failed build that leaves nothing, the database out of reach, the
first start of `python app.py` on an empty database, SQL built from data."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg
import pytest
from support import CORPUS, ROOT, SAMPLE

from app import create_app, ensure_index
from benchmarks.load import free_port
from indexer.build import IndexWriteFailed, build_index
from search.args import SearchRequest
from search.backend import SearchPlan
from search.compile import All, AnyOf, Term
from search.postgres_backend import cluster, sql
from search.postgres_backend import publish as publish_module
from search.postgres_backend.backend import PostgresBackend
from search.postgres_backend.publish import REGISTRY
from search.query import parse_query
from search.service import search


def config(url: str) -> dict[str, str]:
    return {"SEARCH_BACKEND": "postgres", "DATABASE_URL": url}


def generations(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        found = conn.execute(f"SELECT name FROM {REGISTRY}.generations ORDER BY created, name")
        return [n for (n,) in found]


def schemas(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        found = conn.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'g\\_%' ORDER BY 1"
        )
        return [n for (n,) in found]


def one_file_corpus(tmp_path, text: str):
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "a.txt").write_text(text, "utf-8")
    return corpus


@pytest.mark.parametrize("full", [True, False], ids=["new generation", "update in place"])
def test_a_request_sees_one_generation_and_the_next_sees_the_new_one(postgres, tmp_path, full):
    url = postgres.database()
    text = SAMPLE.read_text("utf-8")
    corpus = one_file_corpus(tmp_path, text)
    build_index(corpus, tmp_path / "unused", backend_config=config(url))
    engine = PostgresBackend(url)
    assert search(engine, SearchRequest(q='"人脸识别"'))["total"] == 1
    with engine.snapshot() as before:
        (corpus / "a.txt").write_text(text.replace("人脸识别", "面部识别"), "utf-8")
        build_index(corpus, tmp_path / "unused", backend_config=config(url), full=full)
        # the snapshot opened before the switch still reads its own generation
        assert before.search(SearchPlan(parse_query('"人脸识别"'))).total == 1
        assert before.search(SearchPlan(parse_query('"面部识别"'))).total == 0
    assert search(engine, SearchRequest(q='"人脸识别"'))["total"] == 0
    assert search(engine, SearchRequest(q='"面部识别"'))["total"] == 1
    engine.close()


def test_builds_keep_the_live_generation_and_the_one_before(postgres, tmp_path):
    url = postgres.database()
    for _ in range(3):
        build_index(CORPUS, tmp_path / "unused", backend_config=config(url), full=True)
    kept = generations(url)
    assert len(kept) == 2 and schemas(url) == sorted(kept)
    with psycopg.connect(url) as conn:
        live = conn.execute(f"SELECT name FROM {REGISTRY}.live").fetchone()[0]
    assert live == kept[-1]


def test_a_build_that_fails_leaves_the_live_generation_and_nothing_else(postgres, tmp_path):
    url = postgres.database()
    build_index(CORPUS, tmp_path / "unused", backend_config=config(url))
    before = generations(url)
    engine = PostgresBackend(url)
    records = [{"id": "x", "source": {"file": "x.txt"}}]

    def broken_documents():
        yield {"doc_id": "p:x", "kind": "project", "project_id": "x", "order": 0, "body": "甲"}
        yield {"doc_id": "p:x", "kind": "project", "project_id": "x", "order": 0, "body": "乙"}

    with pytest.raises(Exception, match="PostgreSQL refused the index"):
        engine.publish(records, broken_documents, lambda kinds, name: {"generation": name})
    assert generations(url) == before and schemas(url) == before
    assert search(engine, SearchRequest(q="预算"))["total"] > 0
    engine.close()


def test_a_database_out_of_reach_is_a_503_that_says_so():
    dead = f"postgresql://postgres@127.0.0.1:{free_port()}/none?connect_timeout=2"
    app = create_app({**config(dead), "BUILD_IF_MISSING": False})
    response = app.test_client().get("/api/search", query_string={"q": "预算"})
    assert response.status_code == 503
    assert "PostgreSQL" in response.get_json()["error"]
    page = app.test_client().get("/")
    assert page.status_code == 503 and "Traceback" not in page.get_data(as_text=True)


def test_a_build_into_a_database_out_of_reach_is_a_clear_error(tmp_path):
    dead = f"postgresql://postgres@127.0.0.1:{free_port()}/none?connect_timeout=2"
    with pytest.raises(IndexWriteFailed, match="PostgreSQL database"):
        build_index(CORPUS, tmp_path / "unused", backend_config=config(dead))


def test_an_empty_database_says_how_to_build_and_the_first_start_builds(postgres, tmp_path):
    url = postgres.database()
    app = create_app({**config(url), "BUILD_IF_MISSING": False})
    response = app.test_client().get("/api/projects")
    assert response.status_code == 503
    assert "JIXIAO_SEARCH_BACKEND=postgres python -m indexer build" in response.get_json()["error"]
    ensure_index(CORPUS, tmp_path / "unused", config(url))  # what `python app.py` does
    assert len(app.test_client().get("/api/projects").get_json()) == 8


def test_python_app_serves_from_postgresql(postgres, tmp_path):
    url = postgres.database()
    port = free_port()
    env = {
        **os.environ,
        "JIXIAO_SEARCH_BACKEND": "postgres",
        "JIXIAO_DATABASE_URL": url,
        "JIXIAO_INDEX_DIR": str(tmp_path / "unused"),
    }
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py"), "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                address = f"http://127.0.0.1:{port}/api/search?q=%E6%BB%A1%E6%84%8F%E5%BA%A6"
                with urllib.request.urlopen(address, timeout=30) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        assert len(generations(url)) == 1  # built on first start
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        server.stderr.close()


def test_a_filter_value_postgresql_cannot_hold_finds_nothing(client):
    response = client.get("/api/search", query_string={"q": "预算", "unit": "a\x00b"})
    assert response.status_code == 200 and response.get_json()["total"] == 0


# ---------------------------------------------------------------- the page, ordered here

PLANS = [
    {"text": "满意度"},
    {"text": "满意度", "filters": {"kind": "indicator"}},
    {"text": "维修 经费"},
    {"text": "维修 经费 培训", "mode": "or"},  # none holds all three: parts held first
    {"text": "经费", "sort": ("budget", True)},
    {"text": "", "sort": ("year", False)},
    {"text": ""},
]


@pytest.fixture(scope="module")
def pg_engine(postgres_config):
    from search.backends import open_backend

    engine = open_backend(postgres_config)
    yield engine
    engine.close()


def columns_of(snapshot) -> dict[str, tuple[int, int, int, int]]:
    """Each document's seq, budget (0 for none), year (0 for none) and project, read in SQL."""
    rows = snapshot.conn.execute(
        f"SELECT doc_id, seq, coalesce(budget, 0), coalesce(year, 0), project "
        f"FROM {snapshot.schema}.docs"
    )
    return {doc_id: tuple(rest) for doc_id, *rest in rows}


def expected_order(plan: SearchPlan, hits, columns, parts_held) -> list[str]:
    """The hits as the rule orders them: a column (ties by seq), else parts held (in the
    fallback), then relevance, then seq."""
    if plan.sort is not None:
        name, reverse = plan.sort
        at = {"seq": 0, "budget": 1, "year": 2}[name]
        sign = -1 if reverse else 1
        return sorted((d for d, _ in hits), key=lambda d: (sign * columns[d][at], columns[d][0]))
    scores = dict(hits)
    if scores and all(value is None for value in scores.values()):
        return sorted(scores, key=lambda d: columns[d][0])
    return sorted(scores, key=lambda d: (-parts_held(d), -scores[d], columns[d][0]))


@pytest.mark.parametrize("asked", PLANS, ids=lambda asked: asked["text"] or "all")
def test_a_page_is_the_slice_of_every_allowed_match_in_the_plans_order(pg_engine, asked):
    with pg_engine.snapshot() as snapshot:
        columns = columns_of(snapshot)
        base = SearchPlan(
            parse_query(asked["text"]), asked.get("filters", {}), asked.get("sort"), 0, 100_000
        )
        every = snapshot.search(base)
        assert every.total == len(every.hits) > 5
        assert every.mode == asked.get("mode", every.mode)
        # in the "any word" fallback, how many of the query's words each hit holds
        held = [
            {d for d, _ in snapshot.search(SearchPlan(parse_query(w), stop=100_000)).hits}
            for w in asked["text"].split()
        ]

        def parts_held(doc_id: str) -> int:
            return sum(doc_id in found for found in held) if every.mode == "or" else 0

        assert [d for d, _ in every.hits] == expected_order(base, every.hits, columns, parts_held)
        for name, value in base.filters.items():
            passing = snapshot.conn.execute(
                f"SELECT doc_id FROM {snapshot.schema}.docs WHERE {name} = %s", [value]
            )
            unfiltered = snapshot.search(SearchPlan(base.parts, {}, base.sort, 0, 100_000))
            wanted = {d for d, _ in unfiltered.hits} & {d for (d,) in passing}
            assert {d for d, _ in every.hits} == wanted
        for start in (0, 3, 7):
            page = snapshot.search(
                SearchPlan(base.parts, base.filters, base.sort, start, start + 5)
            )
            assert page.hits == every.hits[start : start + 5]
        for start, stop in ((0, 0), (every.total, every.total + 5), (5, 3)):
            assert (
                snapshot.search(SearchPlan(base.parts, base.filters, base.sort, start, stop)).hits
                == []
            )


@pytest.mark.parametrize("asked", PLANS, ids=lambda asked: asked["text"] or "all")
def test_by_project_the_projects_come_in_the_order_of_their_first_passage(pg_engine, asked):
    with pg_engine.snapshot() as snapshot:
        columns = columns_of(snapshot)
        filters, sort = asked.get("filters", {}), asked.get("sort")
        base = SearchPlan(parse_query(asked["text"]), filters, sort, 0, 100_000)
        every = snapshot.search(base)
        projects = list(dict.fromkeys(columns[d][3] for d, _ in every.hits))
        grouped = snapshot.search(
            SearchPlan(parse_query(asked["text"]), filters, sort, 1, 4, by_project=True)
        )
        shown = list(dict.fromkeys(columns[d][3] for d, _ in grouped.hits))
        assert shown == projects[1:4]
        assert grouped.total == len(projects)
        at = 0
        for project, (returned, matched) in zip(shown, grouped.groups, strict=True):
            own = [h for h in every.hits if columns[h[0]][3] == project]
            assert matched == len(own)
            assert grouped.hits[at : at + returned] == own[:returned] and returned == min(
                5, len(own)
            )
            at += returned


# ---------------------------------------------------------------- SQL from data


def test_lexemes_are_quoted_so_no_text_is_read_as_tsquery_syntax():
    assert sql.lexeme("a'b\\c") == "'a''b\\\\c'"
    assert sql.tsvector(["满意", "意度", "满意", ""]) == "'满意' '意度'"


def test_terms_of_one_field_that_must_all_match_are_one_tsquery():
    tree = All(
        (Term("grams", "满意"), Term("grams", "意度"), Term("numbers", "沪财行〔2014〕39号"))
    )
    text, params = sql.condition(tree)
    assert text == "((grams @@ %s::tsquery) AND (numbers @> %s::text[]))"
    assert params == ["'满意' & '意度'", ["沪财行〔2014〕39号"]]
    either = sql.condition(AnyOf((Term("chars", "率"), Term("titles", "办法"))))
    assert either == ("((chars @@ %s::tsquery) OR (titles @> %s::text[]))", ["'率'", ["办法"]])


def test_a_field_outside_the_list_is_refused():
    with pytest.raises(ValueError):
        sql.condition(Term("body; DROP TABLE x", "a"))


def test_rarer_terms_weigh_more_and_longer_passages_less():
    assert sql.idf(1000, 1) > sql.idf(1000, 100) > 0
    text, params = sql.score(Term("body", "维修"), {("body", "维修"): 10}, 1000, 20.0)
    assert params == ["'维修'"] and "words / 20.0000" in text


def test_a_token_postgresql_cannot_hold_is_left_out_and_the_rest_is_found(postgres, tmp_path):
    url = postgres.database()
    text = SAMPLE.read_text("utf-8")
    long_run = "x" * 3000  # one ASCII token of 3 KB: above PostgreSQL's 2 KB word limit
    title = "《" + "很长的办法" * 300 + "》"  # a title of 4.5 KB: above an index entry's size
    changed = text.replace("人脸识别", f"人脸识别 {long_run} {title}", 1)
    corpus = one_file_corpus(tmp_path, changed)
    build_index(corpus, tmp_path / "unused", backend_config=config(url))
    engine = PostgresBackend(url)
    assert search(engine, SearchRequest(q='"人脸识别"'))["total"] == 1
    assert search(engine, SearchRequest(q="很长的办法"))["total"] >= 1
    engine.close()


def test_worker_processes_load_the_same_rows_as_one(postgres, tmp_path, monkeypatch):
    """From JIXIAO_PARALLEL_FROM projects on, worker processes cut the texts into tokens;
    the generation they load is the one a single process loads, row for row."""

    def loaded(url: str) -> list[tuple]:
        build_index(CORPUS, tmp_path / "unused", backend_config=config(url), full=True)
        with psycopg.connect(url) as conn:
            (name,) = conn.execute(f"SELECT name FROM {REGISTRY}.live").fetchone()
            return conn.execute(f"SELECT * FROM {name}.docs ORDER BY docnum").fetchall()

    monkeypatch.setenv("JIXIAO_PARALLEL_FROM", "1000000")
    alone = loaded(postgres.database())
    monkeypatch.setenv("JIXIAO_PARALLEL_FROM", "1")
    assert publish_module._processes(8) == min(2, os.cpu_count() or 1)
    together = loaded(postgres.database())
    assert together == alone and len(alone) > 100


def test_a_long_passage_keeps_its_words_in_its_row_and_is_found(postgres, tmp_path):
    """A passage of more than a page's share (2 KB) has its character pairs and single
    characters kept apart, uncompressed, and its words in the row, where relevance reads
    them at every match; the facets come before the tokens."""
    url = postgres.database()
    text = SAMPLE.read_text("utf-8")
    long_text = "人脸识别系统运行维护" + "，".join(
        f"第{n}号设备巡检与保养记录归档" for n in range(300)
    )
    corpus = one_file_corpus(tmp_path, text.replace("人脸识别", long_text, 1))
    build_index(corpus, tmp_path / "unused", backend_config=config(url))
    with psycopg.connect(url) as conn:
        (name,) = conn.execute(f"SELECT name FROM {REGISTRY}.live").fetchone()
        storage = dict(
            conn.execute(
                "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = %s::regclass "
                "AND attname IN ('body', 'grams', 'chars')",
                [f"{name}.docs"],
            ).fetchall()
        )
        columns = [
            c
            for (c,) in conn.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
                "ORDER BY attnum",
                [f"{name}.docs"],
            )
        ]
        (longest,) = conn.execute(
            f"SELECT max(octet_length(grams::text)) FROM {name}.docs"
        ).fetchone()
    assert storage == {"body": "m", "grams": "e", "chars": "e"} and longest > 4000
    assert columns.index("kind") < columns.index("problem") < columns.index("body")
    engine = PostgresBackend(url)
    found = search(engine, SearchRequest(q="设备巡检与保养"))
    assert found["total"] >= 1 and found["hits"][0]["score"] > 0
    engine.close()


def test_starting_a_running_cluster_again_gives_its_url():
    """The README's command, run again in another shell while the site's cluster runs,
    says where it is instead of failing."""
    if not cluster.available():
        pytest.fail("PostgreSQL's programs are not installed (Debian's postgresql)")
    data_dir = Path(tempfile.mkdtemp(prefix="jixiao-pg-"))  # one the postgres user reaches
    try:
        first = cluster.start(data_dir, durable=False)
        try:
            assert cluster.start(data_dir, durable=False) == first
            with psycopg.connect(first) as conn:
                assert conn.execute("SELECT 1").fetchone() == (1,)
        finally:
            cluster.stop(data_dir)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def test_filters_that_admit_nothing_count_the_matches_without_ranking_them(pg_engine):
    with pg_engine.snapshot() as snapshot:
        unfiltered = snapshot.search(SearchPlan(parse_query("满意度")))
        found = snapshot.search(SearchPlan(parse_query("满意度"), {"category": "没有这一类"}))
    assert (found.total, found.hits, found.admitted) == (0, [], 0)
    assert found.cost.rank_terms == found.cost.scored == 0 < unfiltered.cost.scored
    assert found.facet_counts["category"] == unfiltered.facet_counts["category"] != {}
