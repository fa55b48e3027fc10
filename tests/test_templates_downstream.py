"""Records of every template family through the whole product: a corpus of the sample,
the real district text (01, 03), the real central PDF (06) and the typeset grid PDFs, built
into a real index and served by the real app."""

from __future__ import annotations

import shutil

import pytest
from layout_support import DATA
from support import SAMPLE, app_on_corpus

from app import corpus_path

PDF_06 = "06_central2023_cas_nao_budget.pdf"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("mixed") / "corpus"
    (corpus / "central").mkdir(parents=True)
    shutil.copy(SAMPLE, corpus / SAMPLE.name)
    shutil.copy(DATA / "realworld" / PDF_06, corpus / "central" / PDF_06)
    for name in (
        "01_putuo2026_jianguanwei_lanxilu_pymupdf.txt",
        "03_putuo2026_chengguan_chaiwei_pymupdf.txt",
    ):
        shutil.copy(DATA / "realworld" / name, corpus / name)
    for pdf in (DATA / "grid").glob("*.pdf"):
        shutil.copy(pdf, corpus / pdf.name)
    return corpus


@pytest.fixture(scope="module")
def client(corpus, tmp_path_factory):
    app = app_on_corpus(corpus, tmp_path_factory.mktemp("index") / "index")
    return app.test_client()


@pytest.fixture(scope="module")
def records(client):
    return client.get("/api/projects?per_page=100").json


def by_template(records, template):
    return [r for r in records if r["template"] == template]


def test_every_family_is_indexed(records):
    counts = {t: len(by_template(records, t)) for t in {r["template"] for r in records}}
    assert counts == {"sh-municipal-2020": 8, "sh-district-2026": 2, "central-2023": 9, "grid": 8}


def test_facets_template_department_year(client):
    data = client.get("/api/search?q=满意度").json
    facets = {name: {f["value"] for f in values} for name, values in data["facets"].items()}
    assert facets["template"] == {"sh-municipal-2020", "sh-district-2026", "central-2023", "grid"}
    assert {"[173]中国科学院", "上海市普陀区建设和管理委员会"} <= facets["department"]
    assert {2020, 2023, 2026} <= facets["year"]
    central = client.get("/api/search?q=满意度&template=central-2023").json
    assert central["total"] > 0
    assert {h["project_id"][:4] for h in central["hits"]} == {"2023"}
    by_department = client.get("/api/search?q=&department=[173]中国科学院&per_page=50").json
    assert by_department["total"] > 0
    assert all(
        "中国科学院" in h["project_name"] or h["project_id"].startswith("2023")
        for h in by_department["hits"]
    )


def test_search_finds_text_of_pdf_and_district_tables(client):
    hits = client.get("/api/search?q=LAMOST").json["hits"]
    assert any(h["project_name"] == "国家重大科学工程运行维护" for h in hits)
    hits = client.get("/api/search?q=文明施工情况").json["hits"]
    assert any(
        h["project_name"] == "兰溪路-真南路下立交工程" and h["kind"] == "indicator" for h in hits
    )


def test_central_project_page_in_its_own_labels_with_its_source(client, records):
    record = next(r for r in records if r["name"] == "国家重大科学工程运行维护")
    html = client.get(f"/projects/{record['id']}").get_data(as_text=True)
    link = f'href="/projects/{record["id"]}/source#page=28"'
    for text in ("主管部门", "[173]中国科学院", "实施单位", "年度总体目标", "年度资金总额",
                 "16,158.00 万元（161,580,000 元）", "分值/权重", "一级指标", "第 28 页",
                 "中央部门（2023）", link):  # fmt: skip
        assert text in html, text
    assert "本项目上年度市级财政资金使用情况" not in html
    assert "申报单位名称" not in html


def test_municipal_page_keeps_its_labels(client, records):
    record = by_template(records, "sh-municipal-2020")[0]
    html = client.get(f"/projects/{record['id']}").get_data(as_text=True)
    for text in (
        "申报单位名称",
        "绩效类型",
        "本项目上年度市级财政资金使用情况",
        "指标目标值",
        "第 2 行",
    ):
        assert text in html, text


def test_the_original_file_is_served_read_only(client, records, corpus):
    record = next(r for r in records if r["source"]["file"].endswith(PDF_06))
    with client.get(f"/projects/{record['id']}/source") as response:
        assert response.status_code == 200
        assert response.mimetype == "application/pdf"
        assert response.data == (corpus / "central" / PDF_06).read_bytes()
    municipal = by_template(records, "sh-municipal-2020")[0]["id"]
    with client.get(f"/projects/{municipal}/source") as text:
        assert text.mimetype == "text/plain" and text.mimetype_params.get("charset") == "utf-8"
        assert text.data == SAMPLE.read_bytes()
    assert client.get("/projects/no-such-id/source").status_code == 404
    assert client.post(f"/projects/{record['id']}/source").status_code == 405


def test_only_files_inside_the_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.pdf").write_bytes(b"%PDF-")
    (tmp_path / "secret.txt").write_text("x")
    (corpus / "link.txt").symlink_to(tmp_path / "secret.txt")
    assert corpus_path(corpus, "corpus/a.pdf") == (corpus / "a.pdf").resolve()
    for name in (
        "corpus/../secret.txt",
        "corpus/link.txt",
        "corpus/missing.pdf",
        "corpus",
        "corpus/",
        "other/a.pdf",
        "/corpus/a.pdf",
    ):
        assert corpus_path(corpus, name) is None, name


def test_missing_original_is_a_404_in_chinese(client, records, corpus):
    record = next(r for r in records if r["source"]["file"].endswith("two_pages.pdf"))
    (corpus / "two_pages.pdf").rename(corpus / "moved.pdf")
    try:
        response = client.get(f"/projects/{record['id']}/source")
        assert response.status_code == 404
        assert "不在语料目录中" in response.get_data(as_text=True)
    finally:
        (corpus / "moved.pdf").rename(corpus / "two_pages.pdf")


def test_indicator_library_and_similar_indicators_span_families(client):
    groups = client.get("/api/indicators/similar?q=服务对象满意度").json["groups"]
    names = {p["project_name"] for g in groups for p in g["projects"]}
    assert "基本科研业务费" in names
    assert any("≥90" in t["target"] for g in groups for t in g["targets"])


def test_regulations_from_a_district_narrative_page(client):
    found = client.get("/api/regulations?q=普建委").json
    assert [(r["number"], [c["project_name"] for c in r["cited_by"]]) for r in found] == [
        ("普建委〔2025〕127号", ["兰溪路-真南路下立交工程"])
    ]


@pytest.mark.parametrize(
    ("question", "answer_type", "says"),
    [
        ("拆违经费的年度资金申请总额是多少", "budget", "3,498,000 元"),
        ("兰溪路-真南路下立交工程的主管部门是哪个", "project_fact", "上海市普陀区建设和管理委员会"),
        (
            "国家重大科学工程运行维护的年度总体目标是什么",
            "section",
            "保障设施按计划实现安全稳定高效运行",
        ),
        ("基本科研业务费的年度资金总额", "budget", "60,981,100 元"),
    ],
)
def test_questions_about_other_families(client, question, answer_type, says):
    answer = client.get("/api/ask", query_string={"q": question}).json
    assert answer["answer_type"] == answer_type
    assert says in answer["answer"]
    assert "None" not in answer["answer"]


def test_a_gb18030_source_is_shown_as_utf8(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gb.txt").write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    client = app_on_corpus(corpus, tmp_path / "index").test_client()
    record = client.get("/api/projects").json[0]
    assert record["source"]["file"] == "corpus/gb.txt"
    with client.get(f"/projects/{record['id']}/source") as response:
        assert response.status_code == 200 and response.mimetype_params.get("charset") == "utf-8"
        assert response.data.decode("utf-8") == SAMPLE.read_text(encoding="utf-8")
