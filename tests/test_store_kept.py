"""What a generation's store keeps of the work over every record (`ProjectStore.kept`),
and the questions over every project that use it: the same answer worked out or kept."""

from __future__ import annotations

from search import store as store_module
from search.store import ProjectStore, periods


def test_kept_is_worked_out_once_per_key_and_holds_the_last_keys(sample_projects):
    store = ProjectStore(sample_projects)
    made = []

    def make(value):
        made.append(value)
        return value

    assert store.kept("a", lambda: make(1)) == 1
    assert store.kept("a", lambda: make(2)) == 1
    assert made == [1]
    for n in range(store_module.MAX_KEPT):
        store.kept(("many", n), lambda n=n: make(n))
    assert store.kept("a", lambda: make(3)) == 3  # pushed out by the newer keys
    assert store.kept(("many", store_module.MAX_KEPT - 1), lambda: make(-1)) != -1


def test_years_and_periods_are_every_tables(sample_projects):
    store = ProjectStore(sample_projects)
    assert store.years == {p.year for p in sample_projects if p.year is not None}
    assert store.periods == periods(sample_projects)
    assert all(start <= end for start, end in store.periods) and store.periods


def test_a_question_over_every_project_answers_alike_when_asked_again(client):
    for question in ("满意度指标一般设多少？", "所有项目的总预算是多少？", "2019年有哪些项目？"):
        first = client.get("/api/ask", query_string={"q": question}).get_json()
        again = client.get("/api/ask", query_string={"q": question}).get_json()
        assert first == again and first["answer"], question


def test_a_document_cited_by_many_projects_is_answered_with_the_first_of_them(tmp_path):
    """Of a document hundreds of tables cite, the answer counts them all and names the
    first MAX_NAMED, citing the first MAX_SOURCES places (it listed every one: 62,668
    sources and 0.9 s at 100,000 projects)."""
    from support import app_on_corpus

    from app import backend_of
    from benchmarks.generate import generate, write_corpus
    from search.qa.answers import MAX_NAMED, MAX_SOURCES

    write_corpus(generate(160, seed=5), tmp_path / "corpus")
    app = app_on_corpus(tmp_path / "corpus", tmp_path / "index")
    entry = backend_of(app).store().catalogue[0]  # the most cited
    number = entry.number.replace("〔", "[").replace("〕", "]")  # as users type it
    citing = len({project.name for project, _ in entry.citations})  # named once each
    assert citing > MAX_NAMED  # the generator cites a few documents in most tables
    client = app.test_client()
    answer = client.get("/api/ask", query_string={"q": f"哪些项目引用了{number}？"}).get_json()
    assert f"的项目有 {citing} 个，前 {MAX_NAMED} 个：" in answer["answer"]
    assert len(answer["answer"].split("；")) == MAX_NAMED
    assert len(answer["sources"]) == MAX_SOURCES
    # the documents of an agency, each with the projects citing it: bounded the same way
    issued = client.get("/api/ask", query_string={"q": "财政部发的文件有哪些？"}).get_json()
    assert f"等 {citing} 个项目" in issued["answer"]
    assert len(issued["sources"]) <= MAX_SOURCES
