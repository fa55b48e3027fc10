"""When a table without a project name continues the record before it, and when it does
not: tables made of positioned cells (as the PDF reader gives them), a real PDF whose
table runs over three pages, and district text with two tables."""

from __future__ import annotations

import realworld_expected_district as district
from layout_support import DATA, assert_same_record, parse

from indexer.corpus import parse_document
from indexer.formats.document import Cell, Document, Page, Table
from indexer.formats.text import text_document

WIDTH = 100.0  # points per grid column in the tables below


def table(page: int, rows: list[list[str | tuple[str, int, int]]], x0: float = 50.0) -> Table:
    """Cells from rows of text or (text, colspan, rowspan), placed on a grid of WIDTH."""
    cells, taken, cols = [], set(), 0
    for r, row in enumerate(rows):
        c = 0
        for item in row:
            while (r, c) in taken:
                c += 1
            text, colspan, rowspan = (item, 1, 1) if isinstance(item, str) else item
            cells.append(Cell(r, c, text, rowspan, colspan, top=20.0 * r, left=x0 + WIDTH * c))
            taken |= {(rr, cc) for rr in range(r, r + rowspan) for cc in range(c, c + colspan)}
            c += colspan
        cols = max(cols, c)
    return Table(page, len(rows), cols, cells)


HEAD = [
    ["项目名称", ("某项目", 3, 1)],
    ["实施单位", ("某单位", 3, 1)],
    ["年度资金总额（万元）", ("100", 3, 1)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [("产出指标", 1, 2), "数量指标", "培训人数", "≥100人"],
    ["质量指标", "合格率", "100%"],
]
MORE = [["", "", "知晓率", "≥90%"], ["满意度指标", "服务对象满意度指标", "满意度", "≥95%"]]
BUDGET = [["收入", "合计"], ["一般公共预算", "500"]]


def read(*pages: Page):
    return parse_document(Document("corpus/t.pdf", "pdf", list(pages), page_count=len(pages)))


def rows_of(result):
    return [(i.level1, i.level2, i.name, i.target) for p in result.projects for i in p.indicators]


def test_rows_on_the_next_page_in_the_same_columns_continue_the_record():
    result = read(
        Page(1, ["2024年度项目绩效目标表"], [table(1, HEAD)]), Page(2, [], [table(2, MORE)])
    )
    assert [p.name for p in result.projects] == ["某项目"]
    assert rows_of(result) == [
        ("产出指标", "数量指标", "培训人数", "≥100人"),
        ("产出指标", "质量指标", "合格率", "100%"),
        ("产出指标", "质量指标", "知晓率", "≥90%"),  # levels carried over the break
        ("满意度指标", "服务对象满意度指标", "满意度", "≥95%"),
    ]
    assert result.diagnostics == []


def test_the_next_page_drawn_with_other_column_lines_is_matched_by_position():
    wide = [row[:] for row in HEAD]
    other = table(2, [["效益指标", "社会效益指标", "知晓率", "≥90%"]])
    # Page 2's table has an extra column line left of the first column: its cells sit
    # one grid column further right, at the same x.
    moved = Table(2, 1, 5, [Cell(0, 0, "", left=10.0)] + [
        Cell(0, c.col + 1, c.text, left=c.left) for c in other.cells
    ])  # fmt: skip
    result = read(Page(1, ["项目绩效目标表"], [table(1, wide)]), Page(2, [], [moved]))
    assert rows_of(result)[-1] == ("效益指标", "社会效益指标", "知晓率", "≥90%")


def test_a_table_two_pages_later_is_not_a_continuation():
    result = read(
        Page(1, ["项目绩效目标表"], [table(1, HEAD)]),
        Page(2, ["说明"], []),
        Page(3, [], [table(3, MORE)]),
    )
    assert len(rows_of(result)) == 2


def test_another_budget_table_after_the_record_is_not_read_into_it():
    result = read(
        Page(1, ["项目绩效目标表"], [table(1, HEAD)]), Page(2, ["收支总表"], [table(2, BUDGET)])
    )
    (project,) = result.projects
    assert len(project.indicators) == 2
    assert [b.label for b in project.budget_lines] == ["年度资金总额"]


def test_a_table_after_a_footer_row_is_not_a_continuation():
    closed = [*HEAD, [("填表人：张三 联系电话：123", 4, 1)]]
    result = read(Page(1, ["项目绩效目标表"], [table(1, closed)]), Page(2, [], [table(2, MORE)]))
    assert len(rows_of(result)) == 2


def test_a_real_pdf_whose_table_runs_over_three_pages():
    result = parse(DATA / "grid_extra" / "long_table.pdf")
    (project,) = result.projects
    names = [i.name for i in project.indicators]
    assert names[:3] == ["培训人数0", "培训人数1", "培训人数2"]
    assert names[-1] == "满意度19" and "培训人数44" in names
    assert len(names) == 64  # 65 rows, less the one the page break splits (see its README)
    last = project.indicators[-1]
    assert (last.level1, last.level2, last.target) == ("满意", "群众", "≥90%")


def test_district_text_with_two_tables_keeps_each_narrative_with_its_table():
    first, second = (
        (DATA / "realworld" / name).read_text(encoding="utf-8") for name in district.TABLES
    )
    document = text_document(first + "\n\f" + second, "corpus/two.txt")
    result = parse_document(document)
    assert [str(d) for d in result.diagnostics] == []
    assert len(result.projects) == 2
    for project, want in zip(result.projects, district.TABLES.values(), strict=True):
        assert_same_record(project, want[0])
