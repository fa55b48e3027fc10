"""The pages in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright
from werkzeug.serving import make_server

CHROMIUM = Path("/usr/bin/chromium")
# Without these, Chromium keeps dialling Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]


@pytest.fixture(scope="module")
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium fonts-wqy-microhei")
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == []


def test_type_a_query_and_see_highlighted_hits(page):
    page.goto("/")
    page.get_by_label("查询").fill("人脸识别")
    page.get_by_label("查询").press("Enter")
    expect(page.locator(".summary")).to_have_text("共 1 处匹配（1 个项目）")
    expect(page.locator(".hit mark").first).to_have_text("人脸识别")
    expect(page.locator(".hit-head a")).to_have_text("信息化新建项目")


def facet_count(page, name, value):
    item = page.locator(f'[data-facet="{name}"] li', has_text=value)
    return int(item.locator(".count").inner_text())


def test_click_a_facet_then_remove_its_chip(page):
    page.goto("/?q=满意度")
    expect(page.locator(".summary")).to_have_text("共 8 处匹配（8 个项目）")
    assert facet_count(page, "category", "其他一次性项目") == 5
    page.locator('[data-facet="category"] a', has_text="经常性专项业务费").click()
    filtered = "共 3 处匹配（3 个项目），项目类别 = 经常性专项业务费"
    expect(page.locator(".summary")).to_have_text(filtered)
    expect(page.locator(".hit")).to_have_count(3)
    expect(page.locator(".chip")).to_have_text("项目类别：经常性专项业务费 ✕")
    assert facet_count(page, "perf_type", "其他类") == 3  # counted with the filter
    assert facet_count(page, "category", "其他一次性项目") == 5  # its own facet keeps values
    page.locator(".chip").click()
    expect(page.locator(".summary")).to_have_text("共 8 处匹配（8 个项目）")
    expect(page.locator(".chip")).to_have_count(0)


def test_open_a_project_and_see_its_indicator_table(page):
    page.goto("/?q=急修")
    page.locator(".hit-head a").first.click()
    expect(page.locator("h1")).to_have_text("办公及业务用房专项维修费")
    rows = page.locator("table.indicators tbody tr")
    expect(rows).to_have_count(27)
    expect(page.locator("table.indicators td.level", has_text="投入与管理")).to_have_attribute(
        "rowspan", "11"
    )


def test_copy_button_puts_the_section_on_the_clipboard(page, sample_projects):
    project = sample_projects[1]
    page.goto(f"/projects/{project.id}")
    button = page.locator("#section-basis button.copy")
    button.click()
    expect(button).to_have_text("已复制")
    assert page.evaluate("navigator.clipboard.readText()") == project.sections["basis"]


def test_ask_a_question(page):
    page.goto("/ask")
    page.get_by_label("查询").fill("哪些项目引用了人民检察院财务管理暂行办法？")
    page.get_by_role("button", name="检索").click()
    expect(page.locator(".answer-text")).not_to_be_empty()
    expect(page.locator(".sources li").first).to_be_visible()


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    from support import app_on_corpus
    from test_hostile import hostile_corpus

    tmp = tmp_path_factory.mktemp("hostile-browser")
    app = app_on_corpus(hostile_corpus(tmp), tmp / "ix")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_no_script_from_the_corpus_or_the_query_runs(browser, hostile_server):
    from test_hostile import HOSTILE

    context = browser.new_context(base_url=hostile_server)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto("/projects")
    page.locator("table.projects a").first.click()
    expect(page.locator("h1")).to_have_text(HOSTILE["name"])
    expect(page.locator("#section-overview .section-text")).to_have_text(HOSTILE["overview"])
    expect(page.locator("table.indicators")).to_contain_text(HOSTILE["indicator"])
    page.goto("/?q=" + "<script>alert(9)</script> 预算")
    expect(page.locator(".hit").first).to_be_visible()
    page.goto("/ask?q=<script>alert(10)</script>")
    expect(page.locator(".answer-text")).to_be_visible()
    context.close()
    assert dialogs == []


def test_mobile_layout_results_first_facets_folded_nav_whole(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto("/?q=%E6%BB%A1%E6%84%8F%E5%BA%A6")  # 满意度
    results = page.locator("section.results").bounding_box()
    facets = page.locator("aside.facets").bounding_box()
    assert results["y"] < facets["y"]  # the results come first
    panel = page.locator("details.facet-panel")
    expect(panel).not_to_have_attribute("open", "")  # folded by app.js
    page.locator("details.facet-panel > summary").click()
    expect(panel).to_have_attribute("open", "")
    expect(page.locator("section.facet").first).to_be_visible()
    for link in page.locator("header.top nav a").all():  # each nav link on one line
        box = link.bounding_box()
        assert box["height"] < 2 * float(
            link.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || 24")
        )
    assert page.locator("link[rel=icon]").get_attribute("href").endswith("favicon.svg")
    context.close()


def test_skip_link_moves_focus_to_the_main_content(page):
    page.goto("/projects")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("跳到正文")
    assert skip.bounding_box()["x"] >= 0  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_a_project_prints_as_the_form_without_the_site(page, sample_projects):
    project = sample_projects[0]
    page.goto(f"/projects/{project.id}")
    expect(page.locator(".form-title")).to_be_hidden()  # on screen: the site's own heading
    page.emulate_media(media="print")
    expect(page.locator(".form-title")).to_be_visible()
    expect(page.locator(".form-title")).to_have_text(f"项目支出绩效目标表（{project.year}年度）")
    expect(page.locator("header.top")).to_be_hidden()
    for button in page.locator("button.copy").all():
        expect(button).to_be_hidden()
    expect(page.locator("h1")).to_have_text(project.name)


def test_search_as_you_type_with_the_keyboard(page):
    page.goto("/")
    box = page.get_by_role("combobox", name="查询")
    box.press_sequentially("檢察辦", delay=30)  # traditional characters, as some users type
    options = page.get_by_role("listbox").get_by_role("option")
    expect(options.first).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    texts = options.locator(".suggest-text").all_inner_texts()
    assert texts and all("检察办" in text for text in texts), texts
    project = options.filter(has=page.locator(".suggest-kind", has_text="项目")).first
    wanted = project.locator(".suggest-text").inner_text()
    index = texts.index(wanted)
    for _ in range(index + 1):
        box.press("ArrowDown")
    expect(options.nth(index)).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", f"suggest-{index}")
    box.press("ArrowUp")
    box.press("ArrowDown")
    box.press("Enter")
    expect(page.locator("h1")).to_have_text(wanted)


def test_suggestions_close_with_escape_and_a_number_opens_its_regulation(page):
    page.goto("/")
    box = page.get_by_role("combobox", name="查询")
    box.press_sequentially("沪财行[2014", delay=30)  # square brackets, as typed
    option = page.get_by_role("option").filter(has_text="沪财行〔2014〕39号")
    expect(option).to_be_visible()
    box.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_value("沪财行[2014")  # Esc keeps what was typed
    box.press_sequentially("]", delay=30)
    option.click()
    expect(page).to_have_url(re.compile(r"/regulations/[^/?]+$"))
    expect(page.locator("main")).to_contain_text("沪财行〔2014〕39号")


def test_enter_without_a_chosen_suggestion_searches_what_was_typed(page):
    page.goto("/")
    box = page.get_by_role("combobox", name="查询")
    box.press_sequentially("满意度", delay=30)
    expect(page.get_by_role("option").first).to_be_visible()
    box.press("Enter")
    expect(page.locator(".summary")).to_contain_text("共")
    assert "q=%E6%BB%A1%E6%84%8F%E5%BA%A6" in page.url


def test_a_document_number_shows_projects_with_their_passages(page, sample_projects):
    number = "沪财行〔2014〕39号"
    citing = [p for p in sample_projects if any(c.number == number for c in p.citations)]
    page.goto("/")
    box = page.get_by_role("combobox", name="查询")
    box.fill("沪财行(2014)39号")
    box.press("Enter")
    projects = page.locator("li.project-hit")
    expect(projects).to_have_count(len(citing))
    expect(page.locator(".summary")).to_contain_text(f"共 {len(citing)} 个项目")
    first = projects.first
    expect(first.locator("> .hit-head a")).to_have_text(citing[0].name)
    expect(first.locator(".project-passages .hit mark").first).to_have_text(number)
    expect(page.locator(".facet-panel summary")).to_contain_text("数字为项目数")
    page.get_by_role("link", name="按匹配处").click()
    expect(page.locator("li.project-hit")).to_have_count(0)
    expect(page.locator("ol.hits .hit").first).to_be_visible()
    expect(page.locator(".summary")).to_contain_text("处匹配（")


def test_arrow_up_from_no_choice_picks_the_last_and_leaving_the_box_keeps_it_shut(page):
    page.goto("/")
    box = page.get_by_role("combobox", name="查询")
    box.press_sequentially("检察", delay=30)
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    count = options.count()
    box.press("ArrowUp")
    expect(options.nth(count - 1)).to_have_attribute("aria-selected", "true")
    # typed, then away before the answer: the list must not open behind the user
    box.press("Escape")
    box.press_sequentially("办", delay=0)
    box.press("Tab")
    page.wait_for_timeout(600)
    expect(page.get_by_role("listbox")).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")


def test_pick_two_projects_from_the_list_and_compare_them(page, sample_projects):
    page.goto("/projects")
    first, second = sample_projects[0], sample_projects[1]
    page.get_by_label(f"对比 {first.name}").check()
    page.get_by_label(f"对比 {second.name}").check()
    page.get_by_role("button", name="对比所选项目").click()
    expect(page.locator("h1")).to_have_text("项目对比")
    heads = page.locator("table.compare thead th a")
    expect(heads).to_have_text([first.name, second.name])
    expect(page.locator("table.compare tr.differs").first).to_be_visible()


def test_upload_a_draft_pdf_and_see_its_findings(page, tmp_path):
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(
        Path(__file__).parent / "data" / "realworld" / "06_central2023_cas_nao_budget.pdf"
    )
    one = pdfium.PdfDocument.new()
    one.import_pages(source, [27])  # the PDF's first goal table, page 28
    draft = tmp_path / "草稿.pdf"
    one.save(draft)
    page.goto("/draft")
    page.get_by_label("草稿文件").set_input_files(str(draft))
    page.get_by_role("button", name="检查").click()
    expect(page.locator(".draft-table h2")).to_have_text("国家重大科学工程运行维护")
    findings = page.locator(".draft-table .checks li")
    expect(findings.first).to_contain_text("成本指标")
    expect(page.locator("table.indicators tbody tr").first).to_be_visible()
