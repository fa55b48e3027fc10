"""Tables of other families in a real headless Chromium: the 表样 facet, a central table's
page in its own labels, and its original PDF opened from the page."""

from __future__ import annotations

import shutil
import threading

import pytest
from layout_support import DATA
from playwright.sync_api import expect
from support import app_on_corpus
from test_browser import browser  # noqa: F401 - the shared Chromium fixture
from werkzeug.serving import make_server

PDF_06 = "06_central2023_cas_nao_budget.pdf"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("families") / "corpus"
    corpus.mkdir()
    shutil.copy(DATA / "realworld" / PDF_06, corpus / PDF_06)
    shutil.copy(
        DATA / "realworld" / "03_putuo2026_chengguan_chaiwei_pymupdf.txt", corpus / "03.txt"
    )
    app = app_on_corpus(corpus, tmp_path_factory.mktemp("index") / "index")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def page(browser, server):  # noqa: F811 - the fixture imported above
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == []


def test_filter_by_template_then_read_a_central_table_and_open_its_pdf(page):
    page.goto("/?q=满意度")
    page.locator('[data-facet="template"] a', has_text="中央部门（2023）").click()
    expect(page.locator(".chip")).to_have_text("表样：中央部门（2023） ✕")
    page.get_by_role("link", name="国家重大科学工程运行维护").first.click()
    expect(page.locator("h1")).to_have_text("国家重大科学工程运行维护")
    header = page.locator("table.header-fields")
    expect(header).to_contain_text("[173]中国科学院")
    expect(header).to_contain_text("中国科学院国家天文台本级")
    expect(page.locator("table.indicators thead th")).to_have_text(
        ["一级指标", "二级指标", "三级指标", "指标值", "分值/权重"]
    )
    expect(page.locator("table.indicators td.level", has_text="产出指标")).to_have_attribute(
        "rowspan", "4"
    )
    expect(page.locator("#section-goals h2")).to_contain_text("年度总体目标")
    link = page.locator("a.source-file")
    expect(link).to_have_text(f"corpus/{PDF_06}")
    response = page.request.get(link.get_attribute("href").split("#")[0])
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body() == (DATA / "realworld" / PDF_06).read_bytes()


def test_a_district_table_shows_its_narrative_sections_and_money_lines(page):
    page.goto("/?q=拆违")
    page.get_by_role("link", name="拆违经费").first.click()
    expect(page.locator("#section-implementer h2")).to_contain_text("实施主体")
    expect(page.locator("#budget")).to_contain_text("年度资金申请总额")
    expect(page.locator("#budget")).to_contain_text("3,498,000.00 元")
    expect(page.locator(".source")).to_contain_text("第 39 行")
