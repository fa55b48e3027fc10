"""The real central-department PDF (realworld 06): its 9 goal tables, typed by hand, and
nothing from the 27 pages of other budget tables before them."""

from __future__ import annotations

import pytest
import realworld_expected_central as expected
from layout_support import DATA, assert_same_record, parse

PDF = DATA / "realworld" / expected.FILE


@pytest.fixture(scope="module")
def result():
    return parse(PDF)


def test_nine_tables_and_no_others(result):
    assert [str(d) for d in result.diagnostics] == []
    assert [p.source.page for p in result.projects] == list(range(28, 37))
    assert {p.template for p in result.projects} == {"central-2023"}
    assert all(p.source.file == f"corpus/{expected.FILE}" for p in result.projects)


@pytest.mark.parametrize("index", range(9))
def test_table(result, index):
    assert_same_record(result.projects[index], expected.TABLES[index])


def test_weights_add_up_to_the_printed_90(result):
    for project in result.projects:
        assert sum(row.weight for row in project.indicators) == 90, project.name
