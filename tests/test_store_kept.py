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
