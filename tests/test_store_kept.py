"""What a generation's store keeps of the work over every record (`ProjectStore.kept`),
and the questions over every project that use it: the same answer worked out or kept."""

from __future__ import annotations

import pytest

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


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The app on 160 generated tables."""
    from support import app_on_corpus

    from benchmarks.generate import generate, write_corpus

    tmp_path = tmp_path_factory.mktemp("generated")
    write_corpus(generate(160, seed=5), tmp_path / "corpus")
    return app_on_corpus(tmp_path / "corpus", tmp_path / "index")


def test_a_document_cited_by_many_projects_is_answered_with_the_first_of_them(generated):
    """Of a document hundreds of tables cite, the answer counts them all and names the
    first MAX_NAMED, citing the first MAX_SOURCES places (it listed every one: 62,668
    sources and 0.9 s at 100,000 projects)."""
    from app import backend_of
    from indexer.vocabulary import SECTION_NAMES
    from search.qa.answers import MAX_NAMED, MAX_SOURCES

    app = generated
    entry = backend_of(app).store().catalogue[0]  # the most cited
    number = entry.number.replace("〔", "[").replace("〕", "]")  # as users type it
    names = list(dict.fromkeys(project.name for project, _ in entry.citations))
    citing = len(names)  # named once each
    assert citing > MAX_NAMED  # the generator cites a few documents in most tables
    client = app.test_client()
    answer = client.get("/api/ask", query_string={"q": f"哪些项目引用了{number}？"}).get_json()
    assert f"的项目有 {citing} 个，前 {MAX_NAMED} 个：" in answer["answer"]
    listed = answer["answer"].split("：", 1)[1].split("；")
    assert len(listed) == MAX_NAMED
    for name, said in zip(
        names, listed, strict=False
    ):  # each with the sections citing it under that name
        sections = [SECTION_NAMES[c.section] for p, c in entry.citations if p.name == name]
        assert said.rstrip("。") == f"{name}（{'、'.join(dict.fromkeys(sections))}）"
    assert len(answer["sources"]) == MAX_SOURCES
    # the documents of an agency, each with the projects citing it: bounded the same way
    issued = client.get("/api/ask", query_string={"q": "财政部发的文件有哪些？"}).get_json()
    assert f"等 {citing} 个项目" in issued["answer"]
    assert len(issued["sources"]) <= MAX_SOURCES


@pytest.mark.parametrize(
    ("question", "kind", "stated", "lacking"),
    [
        ("哪些项目设置了满意度指标？", "满意度", "", False),
        ("设了时效指标的项目有哪些", "时效", "", False),
        ("哪些项目没有设满意度指标？", "满意度", "", True),
        ("哪些项目的满意度目标是95%以上", "满意度", "95%以上", False),
        ("哪些项目的满意度指标有2个以上", "满意度", "", False),
    ],
)
def test_projects_with_a_kind_of_indicator_are_those_reading_every_row_finds(
    generated, question, kind, stated, lacking
):
    """Over 160 tables the answer counts every project (from the rows' columns) and names
    the first MAX_NAMED with their rows, as reading every row of every project finds."""
    from app import backend_of
    from search.qa.answers import MAX_NAMED, of_kind, row_said
    from search.qa.plans import _target_test

    store = backend_of(generated).store()
    test = _target_test(stated)[0] if stated else None
    least = 2 if "2个以上" in question else 1
    having = []
    for project in store.projects:
        rows = [r for r in project.indicators if of_kind(r, kind) and (not test or test(r))]
        if len(rows) >= least:
            having.append((project, rows))
    answer = generated.test_client().get("/api/ask", query_string={"q": question}).get_json()
    text = answer["answer"]
    if lacking:
        found = {p.id for p, _ in having}
        names = [p.name for p in store.projects if p.id not in found]
        assert f"共 {len(names)} 个" in text
        assert text.split("：", 1)[1].rstrip("。").split("、") == names[:MAX_NAMED]
        return
    assert 0 < len(having) < len(store.projects) or least > 1, "the projects differ in it"
    first = f"，前 {MAX_NAMED} 个" if len(having) > MAX_NAMED else ""
    assert f"的项目共 {len(having)} 个{first}：" in text
    listed = text.split("：", 1)[1].rstrip("。").split("；")
    assert listed == [
        f"{p.name}（{'、'.join(row_said(r) for r in rows[:4])}）" for p, rows in having[:MAX_NAMED]
    ]
    assert len(answer["sources"]) == min(20, sum(len(rows) for _, rows in having))


def test_a_categorys_sum_count_and_highest_are_those_reading_each_project_finds(generated):
    """Of the projects a condition leaves (here a category), the answers read the amounts'
    column and name only the projects they list: as reading every project finds."""
    from collections import Counter

    from app import backend_of
    from indexer.money import format_yuan

    store = backend_of(generated).store()
    category, _ = Counter(p.category for p in store.projects).most_common(1)[0]
    of_it = [p for p in store.projects if p.category == category]
    assert 1 < len(of_it) < len(store.projects)
    priced = [p for p in of_it if p.budget["total"] is not None]
    client = generated.test_client()

    def ask(question: str) -> str:
        return client.get("/api/ask", query_string={"q": question}).get_json()["answer"]

    total = sum(p.budget["total"] for p in priced)
    said = ask(f"{category}项目的预算合计多少")
    assert f" {len(priced)} 个项目的项目总预算合计 {format_yuan(total)}" in said
    mean = round(total / len(priced))
    assert f"平均每个项目 {format_yuan(mean)}" in ask(f"{category}项目的平均预算是多少")
    top = max(p.budget["total"] for p in priced)
    said = ask(f"{category}项目中预算最高的是哪个")
    names = "、".join(p.name for p in priced if p.budget["total"] == top)
    assert f"的项目是{names}：{format_yuan(top)}" in said
    assert f"共 {len(of_it)} 个" in ask(f"{category}项目有多少个")


def test_usual_targets_of_the_projects_in_scope_are_those_reading_their_rows_finds(generated):
    """一般设多少 of a category's projects: the rows of the named indicator of those
    projects only (found by their places, not by reading every project), counted as
    reading them finds."""
    from collections import Counter

    from app import backend_of
    from search.indicators import normalize_name
    from search.qa.answers import targets_counted

    store = backend_of(generated).store()
    key = normalize_name("预算执行率")
    counts = Counter(p.category for p in store.projects)
    checked = 0
    for category in counts:
        rows = [
            (p, r)
            for p in store.projects
            if p.category == category
            for r in p.indicators
            if normalize_name(r.name) == key
        ]
        if not rows:
            continue
        listed = "，".join(f"{t} × {n}" for t, n in targets_counted(r for _, r in rows).items())
        projects = len({p.id for p, _ in rows})
        said = (
            generated.test_client()
            .get("/api/ask", query_string={"q": f"{category}项目的预算执行率一般设多少"})
            .get_json()["answer"]
        )
        if projects > 1:
            assert f"在 {projects} 个项目中共 {len(rows)} 项，目标值：{listed}；" in said, said
        else:
            assert f"只在{rows[0][0].name}中设置" in said, said
        checked += 1
    assert checked > 1  # more than one category holds the indicator
