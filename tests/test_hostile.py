"""Hostile input: any query or parameter on any route answers 200 or a 4xx, never a 500;
text from users and from documents is escaped everywhere; the parser survives any file."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from support import SAMPLE, app_on_corpus

from app import CONTENT_SECURITY_POLICY
from indexer import parse_text
from indexer.render import render

ROUTES = [
    "/",
    "/api/search",
    "/export/search.csv",
    "/projects",
    "/regulations",
    "/api/regulations",
    "/indicators/similar",
    "/api/indicators/similar",
    "/ask",
    "/api/ask",
]
PARAMS = ["q", "page", "per_page", "sort", "category", "perf_type", "kind", "year", "limit"]
hostile_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "-1", "0", "x", str(10**9), "100000", "1e3", "((", "*", "title:x", "a AND (b",
            "<script>alert(1)</script>", '"onmouseover=alert(1) x="', "</mark>", "{{ 7*7 }}",
            "沪财行[2014]39号", "\x00", "\u202e", "字" * 5000,
        ]
    ),
)  # fmt: skip


def encode(value: str) -> str:
    # Lone surrogates are sent as browsers send them: their UTF-8-like bytes.
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def check(response, path):
    assert response.status_code < 500, (path, response.status_code)
    if path.startswith("/api/"):
        body = response.get_json()
        if response.status_code >= 400:
            assert set(body) == {"error"}


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(ROUTES),
    params=st.dictionaries(st.sampled_from(PARAMS), hostile_text, max_size=4),
)
def test_any_parameters_on_any_route(client, path, params):
    query = "&".join(f"{k}={encode(v)}" for k, v in params.items())
    check(client.get(f"{path}?{query}"), path)


@pytest.mark.parametrize("value", ["%ED%A0%80", "%FF%FE", "%00", "%C0%AF", "%25"])
def test_broken_encodings(client, value):
    for path in ROUTES:
        check(client.get(f"{path}?q={value}&category={value}"), path)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(segment=hostile_text.filter(lambda s: "/" not in s and s not in ("", ".", "..")))
def test_any_path_segment(client, segment, sample_projects):
    name = encode(segment)
    pid = sample_projects[0].id
    for path in [
        f"/projects/{name}",
        f"/api/projects/{name}",
        f"/regulations/{name}",
        f"/api/regulations/{name}",
        f"/sections/{pid}/{name}/similar",
        f"/api/sections/{name}/basis/similar",
    ]:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        check(response, path)


def test_security_headers_and_no_debug(client, app):
    response = client.get("/")
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert not app.debug
    html = response.get_data(as_text=True)
    assert "<script>" not in html and "<script src=" in html  # only our own script file
    api = client.get("/api/search?q=x")
    assert api.headers["X-Content-Type-Options"] == "nosniff"


# --------------------------------------------------------------------------- XSS

HOSTILE = {
    "name": '<script>alert("name")</script>"onmouseover=alert(1)',
    "overview": "概况</mark><script>alert('overview')</script>{{ 7*7 }}预算",
    "indicator": "<img/src=x/onerror=alert(1)>满意度",
    "target": '"><script>alert(2)</script>',
}


def hostile_corpus(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8").split(" 财政项目支出绩效目标表")[0]
    project = parse_text(text, "x.txt").projects[0]
    project.name = HOSTILE["name"]
    project.sections["overview"] = HOSTILE["overview"]
    project.sections["basis"] += "《<script>alert(3)</script>管理办法》（沪财行[2014]39号）"
    project.indicators[0].name = HOSTILE["indicator"]
    project.indicators[0].target = HOSTILE["target"]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(render(project, 40), encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    return app_on_corpus(hostile_corpus(tmp), tmp / "ix")


def pages_of(client):
    project = client.get("/api/projects").get_json()[0]
    key = client.get("/api/regulations").get_json()[0]["key"]
    return [
        "/",
        "/?q=预算",
        "/?q=满意度",
        "/?q=" + quote("<script>"),
        "/?q=" + quote("</mark>"),
        "/projects",
        f"/projects/{project['id']}",
        "/regulations",
        f"/regulations/{key}",
        "/indicators",
        "/indicators/similar?q=满意度",
        f"/sections/{project['id']}/overview/similar",
        "/ask?q=" + quote(f"{project['name']}的总预算是多少"),
        "/ask?q=" + quote("<script>alert(1)</script>"),
    ]


def test_hostile_text_is_escaped_on_every_page(hostile_app):
    client = hostile_app.test_client()
    records = client.get("/api/projects").get_json()
    assert records[0]["name"] == HOSTILE["name"]
    for path in pages_of(client):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.get_data(as_text=True)
        scripts = re.findall(r"<script[^>]*>", html)
        assert scripts == ['<script src="/static/app.js" defer>'], path
        assert "<img" not in html, path
        assert not re.search(r'"\s*onmouseover=', html), path
        marks = re.findall(r"</?mark>", html)
        assert marks.count("<mark>") == marks.count("</mark>"), path


def test_hostile_text_is_shown_as_text(hostile_app):
    client = hostile_app.test_client()
    project = client.get("/api/projects").get_json()[0]
    html = client.get(f"/projects/{project['id']}").get_data(as_text=True)
    assert "&lt;script&gt;alert(&#34;name&#34;)&lt;/script&gt;" in html
    assert "概况&lt;/mark&gt;&lt;script&gt;" in html
    assert "{{ 7*7 }}" in html  # template syntax in data is text, never evaluated
    assert "&lt;img/src=x/onerror=alert(1)&gt;满意度" in html


def test_hostile_snippets_in_json_are_escaped(hostile_app):
    client = hostile_app.test_client()
    hits = client.get("/api/search?q=" + quote("预算")).get_json()["hits"]
    assert hits
    for hit in hits:
        assert not re.search(r"<(?!/?mark>)", hit["snippet_html"])


# --------------------------------------------------------------------------- sources


def mutate(text: str, data) -> str:
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(lines)))
        action = data.draw(st.sampled_from(["insert", "delete", "duplicate", "garble"]))
        if action == "insert":
            lines.insert(i, data.draw(st.text(max_size=40)))
        elif lines and action == "delete":
            lines.pop(min(i, len(lines) - 1))
        elif lines and action == "duplicate":
            lines.insert(i, lines[min(i, len(lines) - 1)])
        elif lines:
            j = min(i, len(lines) - 1)
            k = data.draw(st.integers(0, len(lines[j])))
            lines[j] = lines[j][:k] + data.draw(st.text(max_size=6)) + lines[j][k:]
    return "\n".join(lines)


SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
FIRST_TABLE = SAMPLE_TEXT.split(" 财政项目支出绩效目标表")[0]
GOOD_TABLES = " 财政项目支出绩效目标表" + SAMPLE_TEXT.split(" 财政项目支出绩效目标表", 1)[1]
GOOD = [p.to_dict() for p in parse_text(GOOD_TABLES, "x.txt").projects]


@settings(max_examples=150)
@given(st.data())
def test_mutated_tables_never_raise_and_never_hide_the_next_table(data):
    broken = mutate(FIRST_TABLE, data)
    assume(broken.count("财政项目支出绩效目标表") <= 1)  # stays one table
    result = parse_text(broken + "\n" + GOOD_TABLES, "x.txt")
    for diagnostic in result.diagnostics:
        assert diagnostic.file == "x.txt" and diagnostic.line >= 0
    tail = [{**p.to_dict(), "source": None} for p in result.projects[-7:]]
    assert tail == [{**g, "source": None} for g in GOOD]


@settings(max_examples=150)
@given(st.text(max_size=400))
def test_random_text_never_raises(text):
    result = parse_text(text, "r.txt")
    assert all(d.file == "r.txt" for d in result.diagnostics)
    result = parse_text("财政项目支出绩效目标表\n" + text, "r.txt")
    assert result.projects or result.diagnostics
