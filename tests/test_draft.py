"""Checking a draft before it is filed (issue 16): /draft and /api/draft read an upload as
the corpus would, in a separate process, keep nothing, and say what the checks find. The
draft: the first goal table of the real central-department PDF (page 28), cut out as a
one-table PDF, and the bundled text."""

from __future__ import annotations

import tempfile
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import pytest

DATA = Path(__file__).parent / "data"
FIRST_TABLE_PAGE = 27  # 0-based: the PDF's page 28, 国家重大科学工程运行维护


@pytest.fixture(scope="module")
def one_table_pdf(tmp_path_factory) -> bytes:
    source = pdfium.PdfDocument(DATA / "realworld" / "06_central2023_cas_nao_budget.pdf")
    one = pdfium.PdfDocument.new()
    one.import_pages(source, [FIRST_TABLE_PAGE])
    path = tmp_path_factory.mktemp("draft") / "first-table.pdf"
    one.save(path)
    return path.read_bytes()


def upload(client, data: bytes, name: str, path: str = "/api/draft"):
    return client.post(
        path, data={"file": (BytesIO(data), name)}, content_type="multipart/form-data"
    )


def leftovers() -> list[Path]:
    return list(Path(tempfile.gettempdir()).glob("jixiao-draft-*"))


def test_a_one_table_pdf_is_read_and_checked(client, one_table_pdf):
    before = client.get("/api/projects").headers["X-Total-Count"]
    response = upload(client, one_table_pdf, "草稿.pdf")
    assert response.status_code == 200, response.get_json()
    data = response.get_json()
    (table,) = data["tables"]
    # read from the document: the table's name, its money, and no 成本指标 level
    assert table["name"] == "国家重大科学工程运行维护"
    assert table["record"]["budget"]["current_year"] == 161_580_000
    assert {f["rule"] for f in table["findings"]} >= {"framework-missing"}
    framework = next(f for f in table["findings"] if f["rule"] == "framework-missing")
    assert "成本指标" in framework["message"]
    # nothing kept: the index has what it had, no temporary folder is left
    assert client.get("/api/projects").headers["X-Total-Count"] == before
    assert leftovers() == []


def test_each_indicator_comes_with_its_peers_and_similar_names(client):
    text = (
        Path(__file__).parent.parent / "corpus" / "shanghai-procuratorate-2020.txt"
    ).read_bytes()
    data = upload(client, text, "draft.txt").get_json()
    assert len(data["tables"]) == 8
    rows = data["tables"][0]["indicator_rows"]
    with_peers = [row for row in rows if row["peers"]]
    assert with_peers and all(row["peers"]["count"] >= 1 for row in with_peers)
    assert all(t["target"] for row in with_peers for t in row["peers"]["targets"])
    assert any(row["similar"] for row in rows)


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "空的"),
        (b"\x00\x01\x02\xff" * 100, "PDF 或文本"),
        (b"%PDF-1.4 not really a pdf", "无法读取"),
    ],
)
def test_what_is_no_table_is_a_chinese_400(client, data, said):
    response = upload(client, data, "x.pdf")
    assert response.status_code == 400 and said in response.get_json()["error"]
    assert leftovers() == []


def test_a_text_without_a_table_says_so(client):
    data = upload(client, "只是一段说明文字。".encode(), "note.txt").get_json()
    assert data["tables"] == [] and data["problems"]


def test_too_big_an_upload_is_refused(client):
    # a raw body (the test client would spool a form this big to a file it never closes)
    body = b'--x\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
    body += b"a" * (11 * 1024 * 1024) + b"\r\n--x--\r\n"
    response = client.post("/api/draft", data=body, content_type="multipart/form-data; boundary=x")
    assert response.status_code == 413 and "超过" in response.get_json()["error"]


def test_no_file_and_the_form(client):
    response = client.post("/api/draft", data={}, content_type="multipart/form-data")
    assert response.status_code == 400 and "file" in response.get_json()["error"]
    page = client.get("/draft").get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in page and 'type="file"' in page
