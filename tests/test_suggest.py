"""Completions for the search box (issue 15): /api/suggest on a real index of the bundled
corpus. The typed prefixes are our own; they are matched folded (traditional characters,
widths, bracket styles) and inside names, not only at their start."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.suggest import KIND_LABELS, Entry, Suggestions, key


def suggest(client, q, **params):
    response = client.get("/api/suggest", query_string={"q": q, **params})
    assert response.status_code == 200, response.get_json()
    return response.get_json()["suggestions"]


def texts(found, kind=None):
    return [item["text"] for item in found if kind is None or item["kind"] == kind]


def test_key_folds_what_does_not_matter():
    assert key("《沪财行[2014]第39号》") == key("沪财行〔2014〕39号")
    assert key("檢察 辦案") == key("检察办案")
    assert key("ＡＢＣ") == "abc"


def test_project_names_complete_from_start_and_inside(client, sample_projects):
    for project in sample_projects:
        name = project.name
        for typed in (name[:2], name[1:4]):
            found = suggest(client, typed, limit=20)
            assert name in texts(found, "project"), (typed, found)
        item = next(i for i in suggest(client, name) if i["text"] == name)
        assert item["url"] == f"/projects/{project.id}" and item["label"] == "项目"


def test_names_starting_with_the_typed_text_come_first(client):
    found = suggest(client, "满意", limit=20)
    assert found
    starts = [key(item["text"]).startswith("满意") for item in found]
    assert starts == sorted(starts, reverse=True)  # every start before any inside


def test_traditional_characters_complete_to_simplified_names(client):
    assert texts(suggest(client, "檢察辦案")) == texts(suggest(client, "检察办案"))
    assert any("检察办案" in text for text in texts(suggest(client, "檢察辦案")))


@pytest.mark.parametrize(
    "typed", ["沪财行[2014", "沪财行（2014）", "沪财行〔2014〕第3", "2014〕39"]
)
def test_a_document_number_completes_in_any_bracket_style(client, typed):
    found = suggest(client, typed)
    assert "沪财行〔2014〕39号" in texts(found, "number"), found
    item = next(i for i in found if i["text"] == "沪财行〔2014〕39号")
    assert item["url"].startswith("/regulations/") and item["count"] >= 1
    assert client.get(item["url"]).status_code == 200


def test_a_title_completes_and_searches_as_a_title(client):
    found = suggest(client, "《人民检察院财务")
    item = next(i for i in found if i["kind"] == "regulation")
    assert "人民检察院财务" in item["text"] and item["query"] == f"《{item['text']}》"
    assert item["search_url"].startswith("/?q=")


def test_indicator_names_complete_with_their_level_and_count(client, sample_projects):
    rows = [row for project in sample_projects for row in project.indicators]
    users = {}
    for project in sample_projects:
        for row in project.indicators:
            users.setdefault(row.name, set()).add(project.id)
    name = max(users, key=lambda n: (len(users[n]), n))
    found = suggest(client, name, limit=20)
    item = next(i for i in found if i["kind"] == "indicator" and i["text"] == name)
    assert item["count"] == len(users[name]) and item["url"].startswith("/indicators/similar?q=")
    assert any(row.level2 and row.level2 in item["detail"] for row in rows if row.name == name)


def test_one_kind_does_not_crowd_out_the_others(client):
    for typed in ("检察", "管理", "上海", "满意", "2014"):
        every = {item["kind"] for item in suggest(client, typed, limit=20)}
        # four kinds at most: eight places hold some of each kind that matches
        assert {item["kind"] for item in suggest(client, typed)} == every, typed
    assert len(suggest(client, "检察")) == 8


def test_nothing_typed_or_nothing_found_is_an_empty_list(client):
    assert suggest(client, "") == []
    assert suggest(client, "   ") == []
    assert suggest(client, "量子纠缠") == []
    assert suggest(client, "<script>alert(1)</script>") == []


def test_a_bad_limit_is_a_chinese_400(client):
    for limit in ("0", "21", "many"):
        response = client.get("/api/suggest", query_string={"q": "检察", "limit": limit})
        assert response.status_code == 400
        assert "limit" in response.get_json()["error"]


def test_the_search_page_asks_for_suggestions_and_other_pages_do_not(client):
    page = client.get("/").get_data(as_text=True)
    assert 'data-suggest="/api/suggest"' in page
    assert "data-suggest" not in client.get("/ask").get_data(as_text=True)


@given(
    st.lists(
        st.tuples(st.sampled_from(list(KIND_LABELS)), st.text("检察院费ab", min_size=1, max_size=6),
                  st.integers(1, 4)),
        max_size=30,
    ),
    st.text("检察院费ab", min_size=1, max_size=3),
)  # fmt: skip
def test_completions_are_the_entries_that_contain_what_was_typed(named, typed):
    """Searching the keys joined into one text finds the entries that contain what was
    typed, each once."""
    entries = [Entry(kind, text, text, "/", count, "", key(text)) for kind, text, count in named]
    every = Suggestions(entries).complete(typed, limit=max(len(entries), 1))
    assert sorted(map(id, every)) == sorted(id(e) for e in entries if key(typed) in e.key)
