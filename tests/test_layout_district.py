"""Shanghai district tables (realworld 01 and 03: text with one cell per line), typed by
hand, and the extractions we do not read soundly (02, 04) or that hold no table (05)."""

from __future__ import annotations

import pytest
import realworld_expected_district as expected
from layout_support import DATA, assert_same_record, parse

REAL = DATA / "realworld"


@pytest.mark.parametrize("name", list(expected.TABLES))
def test_table(name):
    result = parse(REAL / name)
    assert [str(d) for d in result.diagnostics] == []
    assert len(result.projects) == 1
    project = result.projects[0]
    assert project.template == "sh-district-2026"
    assert project.source.line is not None and project.source.page is None
    assert_same_record(project, expected.TABLES[name][0])


@pytest.mark.parametrize(
    "name",
    [
        "02_putuo2026_jianguanwei_lanxilu_pdfplumber.txt",
        "04_putuo2026_chengguan_chaiwei_pdfplumber.txt",
    ],
)
def test_interleaved_text_is_an_unsupported_extraction_with_its_line(name):
    result = parse(REAL / name)
    assert result.projects == []
    (warning,) = result.diagnostics
    assert warning.level == "warning" and warning.line > 0
    assert "unsupported extraction" in warning.message


def test_a_narrative_without_its_table_is_one_clear_warning():
    result = parse(REAL / "05_putuo2026_wenlv_zhenru_narrative_no_table_pymupdf.txt")
    assert result.projects == []
    (warning,) = result.diagnostics
    assert "项目经费情况说明" in warning.message and "without its goal table" in warning.message


def test_the_narrative_basis_feeds_citations():
    project = parse(REAL / "03_putuo2026_chengguan_chaiwei_pymupdf.txt").projects[0]
    titles = [c.title for c in project.citations]
    assert "上海市拆除违法建筑若干规定" in titles
    first = parse(REAL / "01_putuo2026_jianguanwei_lanxilu_pymupdf.txt").projects[0]
    assert [c.number for c in first.citations] == ["普建委〔2025〕127号"]


def test_the_district_family_as_a_pdf_with_its_narrative_pages():
    import district_pdf_expected as typed

    result = parse(DATA / "district" / typed.FILE)
    assert [str(d) for d in result.diagnostics] == []
    assert [(p.template, p.source.page) for p in result.projects] == [
        ("sh-district-2026", 2),
        ("sh-district-2026", 4),
    ]
    for project, want in zip(result.projects, typed.TABLES, strict=True):
        assert_same_record(project, want)
